"""What one query may see and how it is bounded: built by the caller, executed by ``QueryExecutor``.

The engine knows nothing about the catalog or actors; the caller decides which tables and views an
actor may read and pins each table to a version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pyarrow as pa


@dataclass(frozen=True)
class TableRegistration:
    """A Delta table visible to the query under ``name``; ``version`` pins it (time travel)."""

    name: str
    uri: str
    storage_options: dict[str, str] = field(default_factory=dict)
    version: int | None = None


@dataclass(frozen=True)
class ViewRegistration:
    """A SELECT over registered tables (or earlier views), defined by trusted code."""

    name: str
    sql: str


@dataclass(frozen=True)
class GovernedView(ViewRegistration):
    """An AI-safe view, in parts, so that the engine can read it faster without changing what it returns.

    ``sql`` is the whole view (``SELECT <select> FROM <base> WHERE <row_filter>``). ``select`` holds one
    output expression per name in ``columns`` (its mask aliased back to the name, or the bare column)
    and ``masked`` names the columns whose expression is a redaction. The engine may drop ``row_filter`` for
    data files where it holds on every row (query/view_filter.py) and may apply the masks to a top-k's
    final rows only (query/late_masks.py).
    """

    base: str = ""
    columns: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    masked: tuple[str, ...] = ()
    row_filter: str | None = None


@dataclass(frozen=True)
class QuerySpec:
    sql: str
    tables: tuple[TableRegistration, ...]
    views: tuple[ViewRegistration, ...] = ()
    params: Mapping[str, object] | None = None
    max_rows: int = 10_000
    time_limit_seconds: float = 30.0
    memory_limit_mb: int = 4096
    target_partitions: int = 0
    """0 means one partition per CPU core."""
    stream: bool = False
    """Stream the result batch by batch (an export): whole, unless ``max_rows`` > 0 caps it."""


@dataclass
class QueryResult:
    table: pa.Table
    truncated: bool
    elapsed_ms: float
