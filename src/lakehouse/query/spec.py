"""What one query may see and how it is bounded: built by the caller, executed by ``QueryExecutor``.

The engine knows nothing about the catalog or actors; the caller decides which tables and views an
actor may read and pins each table to a version.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    from lakehouse.governance.redaction import Redaction


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
    redactions: tuple[tuple[str, str, Redaction], ...] = ()
    """(column, Arrow type, redaction) of each masked column: what an engine that cannot run ``select``'s SQL
    (query/daft_relations.py) builds its own masks from."""


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
    engine: str = "datafusion"
    """The registry name of the engine that runs it (query/engines.py)."""
    ray_address: str | None = None
    """Where an engine that can run on the Ray cluster (Daft) runs: the cluster's address when
    ``compute.engine = "ray"``, None for its local runner."""
    secret: bytes = field(default=b"", repr=False)
    """The key of ``hash`` redactions, for an engine that builds masks itself (the SQL in ``select`` has it
    already); never in a result."""


@dataclass
class QueryResult:
    table: pa.Table
    truncated: bool
    elapsed_ms: float
    reads: ReadSet | None = None
    """What the statement could read, as registered for it (None where the caller did not record it)."""


@dataclass
class ReadSet:
    """The relations a query was given, as the governance layer registered them: each dataset (a readable one,
    or a view's base) at the version it was pinned to, the views by name with their definitions, and which of
    those datasets had active tombstones. Registration is by every name the statement mentions (a superset of
    its tables); provenance narrows it to the statement's tables."""

    versions: dict[str, int] = field(default_factory=dict)
    views: dict[str, object] = field(default_factory=dict)
    tombstoned: set[str] = field(default_factory=set)
    readable: set[str] = field(default_factory=set)


def preview_statement(name: str, offset: int, limit: int) -> str:
    """The statement behind ``Lakehouse.preview``: one page of a dataset or view, read like any query."""
    if offset < 0 or limit < 1:
        from lakehouse.errors import InvalidInput

        raise InvalidInput("offset must be 0 or more and limit 1 or more.")
    quoted = '"' + name.replace('"', '""') + '"'
    return f"SELECT * FROM {quoted} LIMIT {int(limit)} OFFSET {int(offset)}"  # noqa: S608 - a quoted identifier
