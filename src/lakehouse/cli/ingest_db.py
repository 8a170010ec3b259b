"""``lakehouse ingest postgres|mysql DSN --table T | --query SQL --dataset NAME``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from lakehouse.cli.context import CliState, follow_job, job_result, report_pii, rows_text, state
from lakehouse.cli.output import Format, esc, render_object, stderr
from lakehouse.errors import InvalidInput
from lakehouse.types import WriteMode

if TYPE_CHECKING:
    from lakehouse.ingest.db.dsn import System
    from lakehouse.ingest.db.early import EarlyRead

_DSN_HELP = "scheme://user:env:LAKEHOUSE_SECRET_PW@host:port/db (or key=value); shown only redacted."


def _run(ctx: typer.Context, system: System, dsn: str, table: str | None, query: str | None, dataset: str,
         mode: WriteMode, incremental_column: str | None, primary_key: str | None, bucket: str | None,
         description: str | None, owner: str | None, connect_timeout: int, statement_timeout: int) -> None:
    st = state(ctx)
    keys = [k.strip() for k in primary_key.split(",") if k.strip()] if primary_key else None
    early = None if st.remote else _start_early(st, system, dsn, table, query, dataset, mode, incremental_column,
                                                 keys, bucket, description, owner, connect_timeout, statement_timeout)
    try:
        lakehouse = st.lakehouse()
        if early is not None:
            lakehouse.db_ingest.early = early  # type: ignore[union-attr]
        method = lakehouse.ingest_postgres if system == "postgresql" else lakehouse.ingest_mysql
        job = method(dsn, dataset, table=table, query=query, wait=False, mode=mode,
                     incremental_column=incremental_column, primary_key=keys, bucket=bucket,
                     description=description, owner=owner, connect_timeout_seconds=connect_timeout,
                     statement_timeout_seconds=statement_timeout)
    finally:
        if early is not None:
            early.close()  # a no-op once the job took it
    label = f"{system} {table or 'query'} -> {dataset}"
    finished = follow_job(lakehouse, job, label, st.format is Format.table)
    result = job_result(finished)
    if st.format is Format.table:
        stderr.print(f"[green]ok[/green] {rows_text(result.get('rows', 0))} -> {esc(dataset)} v{result.get('version')} "
                     f"({result.get('rows_per_second', 0):,} rows/s, job {esc(finished.job_id)})", highlight=False)
        if result.get("high_water_mark"):
            stderr.print(f"high-water mark: {esc(result['high_water_mark']['value'])}", highlight=False)
        for column, note in (result.get("type_fallbacks") or {}).items():
            stderr.print(f"[yellow]type fallback[/yellow] {esc(column)}: {esc(note)}", highlight=False)
        report_pii(result, dataset)
    else:
        render_object(finished.model_dump(mode="json"), st.format)


def _start_early(st: CliState, system: System, dsn: str, table: str | None, query: str | None, dataset: str,
                 mode: WriteMode, incremental_column: str | None, keys: list[str] | None, bucket: str | None,
                 description: str | None, owner: str | None, connect_timeout: int,
                 statement_timeout: int) -> EarlyRead | None:
    """Connect and start reading the source now, while this process imports and opens the catalog (the job
    adopts the read when every check passes; see lakehouse.ingest.db.early)."""
    from lakehouse.ingest.db import early
    from lakehouse.ingest.db.request import DbIngestRequest

    reader = None
    if system == "mysql" and incremental_column is None:  # its interpreter and ConnectorX load meanwhile
        from lakehouse.ingest.db.mysql_spawn import spawn, take_spare

        reader = take_spare() or spawn()
    try:
        request = DbIngestRequest(dsn=dsn, dataset=dataset, table=table, query=query, mode=mode,
                                  incremental_column=incremental_column, primary_key=keys, bucket=bucket,
                                  description=description, owner=owner, connect_timeout_seconds=connect_timeout,
                                  statement_timeout_seconds=statement_timeout)
        started, reader = early.start(system, request, st.settings(), reader), None
        if started is not None:
            started.wait_dispatched(min(connect_timeout, 5))
        return started
    except Exception:  # noqa: BLE001 - the normal path reports what is wrong (bad settings, ...)
        if reader is not None:
            from lakehouse.ingest.db.mysql_spawn import stop

            stop(reader)
        return None


def _command(system: System):  # type: ignore[no-untyped-def]
    def command(
        ctx: typer.Context,
        dsn: str = typer.Argument(..., help=_DSN_HELP),
        table: str | None = typer.Option(None, "--table", "-t", help="table or schema.table."),
        query: str | None = typer.Option(None, "--query", "-q", help="One read-only SELECT instead of a table."),
        dataset: str | None = typer.Option(None, "--dataset", "-d", help=(
            "Target dataset (created on first ingest). Default with --table: the table's name without its schema, "
            "normalised like a column name.")),
        mode: WriteMode = typer.Option(WriteMode.append, "--mode", help="append, overwrite or upsert."),
        incremental_column: str | None = typer.Option(
            None, "--incremental-column", help="Pull only rows at or past the last high-water mark (id/updated_at)."),
        primary_key: str | None = typer.Option(
            None, "--primary-key", help="Comma-separated key column(s): the write becomes an upsert (merge)."),
        bucket: str | None = typer.Option(None, "--bucket", help="Bucket for a new dataset (default primary)."),
        description: str | None = typer.Option(None, "--description", help="Description for a new dataset."),
        owner: str | None = typer.Option(None, "--owner", help="Owner for a new dataset."),
        connect_timeout: int = typer.Option(10, "--connect-timeout", help="Seconds to wait for a connection."),
        statement_timeout: int = typer.Option(3600, "--statement-timeout", help="Seconds the read may take."),
    ) -> None:
        _run(ctx, system, dsn, table, query, dataset or _dataset_for(table), mode, incremental_column, primary_key,
             bucket, description, owner, connect_timeout, statement_timeout)

    return command


def _dataset_for(table: str | None) -> str:
    from lakehouse.ingest.normalize import dataset_for_table

    named = dataset_for_table(table) if table else None
    if named is None:
        raise InvalidInput("Name the dataset: --dataset NAME." if table is None else
                           f"No dataset name can be made from the table name {table!r}.",
                           hint="--dataset NAME (a-z, 0-9, '_' and '-'); with --table it defaults to the table's name.")
    return named


ingest_postgres = _command("postgresql")
ingest_postgres.__doc__ = "Ingest a PostgreSQL table or read-only query (streamed; incremental with a mark)."
ingest_mysql = _command("mysql")
ingest_mysql.__doc__ = "Ingest a MySQL/MariaDB table or read-only query (streamed; incremental with a mark)."
