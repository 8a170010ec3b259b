"""A database ingest request, and opening its source: light imports, so the CLI can start a read before the
rest of the ingest stack has loaded (see ingest.db.early)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lakehouse.types import WriteMode

if TYPE_CHECKING:
    import subprocess

    from lakehouse.ingest.db.dsn import Dsn, System
    from lakehouse.ingest.db.source import Source
    from lakehouse.ingest.db.types import ColumnPlan


@dataclass
class DbIngestRequest:
    dsn: str
    dataset: str
    table: str | None = None
    query: str | None = None
    mode: WriteMode = WriteMode.append
    incremental_column: str | None = None
    primary_key: list[str] | None = None
    bucket: str | None = None
    description: str | None = None
    owner: str | None = None
    tags: list[str] | None = None
    connect_timeout_seconds: int = 10
    statement_timeout_seconds: int = 3600
    batch_rows: int | None = None


def open_source(system: System, dsn: Dsn, request: DbIngestRequest, batch_rows: int,
                reader: subprocess.Popen[bytes] | None = None) -> Source:
    """``reader``: a MySQL reader child already spawned, which the source then owns."""
    from lakehouse.ingest.db.source import Timeouts

    timeouts = Timeouts(request.connect_timeout_seconds, request.statement_timeout_seconds)
    if system == "postgresql":
        from lakehouse.ingest.db.postgres import PostgresSource

        return PostgresSource(dsn, timeouts)
    from lakehouse.ingest.db.mysql import MySqlSource

    return MySqlSource(dsn, timeouts, request.batch_rows or batch_rows, reader)


def named_plans(plans: list[ColumnPlan]) -> list[ColumnPlan]:
    from lakehouse.ingest.normalize import normalize_columns

    names = normalize_columns([p.source_name for p in plans])
    return [replace(p, name=n) for p, n in zip(plans, names, strict=True)]
