"""DB ingest: PostgreSQL and MySQL/MariaDB tables or read-only queries -> a dataset, once or incrementally.

Validation happens before queueing and fails synchronously: admin check, DSN, table name or SELECT-only
query (before connecting), then a connection that reads the source schema (unreachable host, bad
credentials and unknown tables answer at once), the type plan and the schema check against the dataset.
The job streams the rows through the one commit path (``TableWriter``).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
from collections.abc import Generator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from lakehouse.catalog.jobs import JobContext, JobRunner
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import Forbidden, InvalidInput
from lakehouse.ingest.db.dsn import Dsn, System, check_host, parse_dsn
from lakehouse.ingest.db.request import DbIngestRequest, named_plans, open_source
from lakehouse.ingest.db.source import Source, count_select, wrap_select
from lakehouse.ingest.db.sqlcheck import check_select, query_hash, table_identifier
from lakehouse.ingest.db.sync import MarkTracker, SyncState, load_state, mark_kind, save_state
from lakehouse.ingest.db.types import BatchConverter, ColumnPlan
from lakehouse.ingest.writer import TableWriter, WriteRequest
from lakehouse.network import NetworkPolicy
from lakehouse.storage.names import validate_name
from lakehouse.types import Actor, WriteMode
from lakehouse.wire import JobInfo

if TYPE_CHECKING:
    from lakehouse.ingest.db.early import EarlyRead, StartedRead


@dataclass
class _Plan:
    system: System
    dsn: Dsn
    request: DbIngestRequest
    inner_sql: str
    label: str
    plans: list[ColumnPlan]
    source_key: str
    incremental: ColumnPlan | None
    primary_key: list[str]
    state: SyncState | None
    started: StartedRead | None = None  # a read the CLI began while it opened the catalog (ingest.db.early)


class DbIngestService:
    def __init__(self, writer: TableWriter, catalog: CatalogStore, jobs: JobRunner, batch_rows: int = 131_072,
                 network: NetworkPolicy | None = None):
        self._writer, self._catalog, self._jobs, self._batch_rows = writer, catalog, jobs, batch_rows
        self._network = network or NetworkPolicy.default()
        self.early: EarlyRead | None = None  # set by the CLI; adopted by the next matching prepare

    def _open(self, system: System, dsn: Dsn, request: DbIngestRequest) -> Source:
        return open_source(system, dsn, request, self._batch_rows)

    def ingest(self, actor: Actor, system: System, request: DbIngestRequest, wait: bool = False) -> JobInfo:
        if not actor.is_admin:
            raise Forbidden("Only admins may run database ingest.")
        source, plan = self.prepare(actor, system, request)
        params = {"dataset": request.dataset, "mode": request.mode.value, "source": plan.label,
                  "system": system, "incremental_column": request.incremental_column,
                  "primary_key": plan.primary_key or None}

        def body(ctx: JobContext) -> dict[str, Any]:
            try:
                return self.run(ctx, actor, source, plan)
            finally:
                source.close()

        try:
            job = self._jobs.submit(f"ingest.{system}", actor, params, body)
        except BaseException:
            source.close()
            raise
        return self._jobs.wait(job.job_id) if wait else job

    def prepare(self, actor: Actor, system: System, request: DbIngestRequest) -> tuple[Source, _Plan]:
        """Everything that can be checked before the job: see the module docstring. Returns an open source."""
        if not actor.is_admin:
            raise Forbidden("Only admins may run database ingest.")
        validate_name(request.dataset, "dataset")
        if (request.table is None) == (request.query is None):
            raise InvalidInput("Give exactly one of a table or a query.", hint="--table T or --query 'SELECT ...'")
        for value, what in ((request.connect_timeout_seconds, "connect"), (request.statement_timeout_seconds,
                                                                         "statement")):
            if not 0 < value <= 86_400:
                raise InvalidInput(f"The {what} timeout must be between 1 and 86400 seconds.")
        if request.mode is WriteMode.upsert and not request.primary_key:
            raise InvalidInput("mode 'upsert' needs a primary key.", hint="Pass --primary-key COLUMN.")
        if request.primary_key and request.mode is WriteMode.append:
            request = replace(request, mode=WriteMode.upsert)
        if request.mode is WriteMode.overwrite and request.incremental_column:
            raise InvalidInput("An incremental ingest cannot overwrite.", hint="Use append or upsert.")
        inner = (f"SELECT * FROM {table_identifier(request.table, system)}" if request.table  # noqa: S608
                 else check_select(request.query or "", system))
        dsn = check_host(parse_dsn(request.dsn, system), self._network)
        self._writer.target(request.dataset, request.bucket)
        where = f"table {request.table}" if request.table else f"query sha256:{query_hash(inner)}"
        label = f"{dsn.redacted} {where}"
        early, self.early = self.early, None
        started = early.take(system, request) if early is not None else None
        if started is not None and (started.inner_sql != inner or started.dsn != dsn):
            started.close()
            started = None
        source = started.source if started is not None else self._open(system, dsn, request)
        try:
            plans = started.plans if started is not None else named_plans(source.describe(inner))
            incremental = _find(plans, request.incremental_column) if request.incremental_column else None
            keys = [_find(plans, k).name for k in request.primary_key or []]
            kind = mark_kind(incremental) if incremental else None
            self._writer.check_schema(request.dataset, BatchConverter(plans).schema, request.mode)
            identity = f"{system}|{dsn.host}|{dsn.port}|{dsn.database}|{inner}|{incremental and incremental.name}"
            key = hashlib.sha256(identity.encode()).hexdigest()
            state = load_state(self._catalog, request.dataset, key) if incremental else None
            if state is not None and state.kind != kind:
                state = None  # the column's type family changed: start over rather than compare apples and pears
        except BaseException:
            if started is not None:
                started.close()
            source.close()
            raise
        return source, _Plan(system, dsn, request, inner, label, plans, key, incremental, keys, state, started)

    def run(self, ctx: JobContext, actor: Actor, source: Source, plan: _Plan) -> dict[str, Any]:
        request, state, inc = plan.request, plan.state, plan.incremental
        where = None
        if inc is not None and state is not None:
            op = ">" if state.exclusive else ">="
            where = f"{source.quote(inc.source_name)} {op} {source.literal(state.mark, inc)}"
        started = plan.started
        if started is not None and where is not None:  # not taken for incremental reads; never mixed
            started.close()
            started = None
        if started is not None:
            expected, exact = started.expected
            driver = started.ahead.reader()
        else:
            # a whole table: its statistics or a cheap count; a query or an incremental slice: unknown
            expected, exact = source.expected_rows(table_identifier(request.table, plan.system),
                                                   count_select(plan.inner_sql)) if (
                request.table and where is None) else (None, False)
            driver = source.stream(wrap_select(source, plan.plans, plan.inner_sql, where))
        converter = BatchConverter(plan.plans)
        tracker = MarkTracker(inc.name, mark_kind(inc), state) if inc is not None else None
        details = self._details(plan)

        def batches() -> Generator[pa.RecordBatch, None, None]:
            for raw in driver:
                batch = converter(raw)
                if tracker is not None:
                    batch = tracker.take(batch)
                if batch.num_rows:
                    yield batch
            # the writer copies the lineage when it records the commit, after the stream ends
            details["high_water_mark"] = self._result(plan, {}, tracker)["high_water_mark"]

        stream = batches()
        first = next(stream, None)
        fallbacks = {p.name: p.note for p in plan.plans if p.note}
        base = self._result(plan, fallbacks, tracker)
        if first is None:  # nothing new: no version, the mark stays
            current = self._catalog.datasets.get(request.dataset, with_lineage=False).version if (
                self._catalog.datasets.exists(request.dataset)) else None
            return {**base, "version": current, "operation": "none", "rows": 0, "rows_per_second": 0}

        def on_commit(session: Any, version: int) -> None:
            new_state = tracker.state() if tracker is not None else None
            if new_state is not None and inc is not None:
                save_state(session, request.dataset, plan.source_key, plan.label, inc.source_name, new_state, version)

        def progress(rows: int, _bytes: int) -> None:
            # unknown size: creep, never stall; an estimate can be short, so never claim done before the end
            fraction = rows / (rows + 1_000_000) if not expected else rows / max(expected, rows + 1)
            ctx.progress(round(min(0.99, fraction), 4), result={
                "rows_read": rows, "rows_expected": expected, "rows_expected_exact": exact})

        write = WriteRequest(
            dataset=request.dataset, mode=request.mode, bucket=request.bucket,
            reader=pa.RecordBatchReader.from_batches(converter.schema, itertools.chain([first], stream)),
            lineage={"source_system": plan.system, "source": plan.label, "details": details},
            original_names={p.name: p.source_name for p in plan.plans},
            source_types={p.name: p.source_type for p in plan.plans},
            create_defaults={"description": request.description, "owner": request.owner, "tags": request.tags},
            job_id=ctx.job_id, on_progress=progress, cancelled=ctx.cancelled,
            primary_key=plan.primary_key or None, on_commit=on_commit,
        )
        try:
            result = self._writer.write(write, actor)
        finally:
            with contextlib.suppress(Exception):
                stream.close()
        seconds = max(result.elapsed_ms / 1000, 1e-9)
        return {**self._result(plan, fallbacks, tracker), "version": result.version, "operation": result.operation,
                "rows": result.rows_written, "row_count": result.row_count, "duration_ms": round(result.elapsed_ms, 1),
                "rows_per_second": round(result.rows_written / seconds), "pii_columns": result.pii_columns,
                "rows_filtered": result.rows_filtered}

    def _details(self, plan: _Plan) -> dict[str, Any]:
        return {
            "host": plan.dsn.host, "port": plan.dsn.port, "database": plan.dsn.database,
            "table": plan.request.table, "query_sha256": None if plan.request.table else query_hash(plan.inner_sql),
            "incremental_column": plan.request.incremental_column, "primary_key": plan.primary_key or None,
            "previous_high_water_mark": plan.state.to_json() if plan.state else None,
            "source_types": {p.name: p.source_type for p in plan.plans},
            "type_fallbacks": {p.name: p.note for p in plan.plans if p.note},
        }

    def _result(self, plan: _Plan, fallbacks: Mapping[str, str | None], tracker: MarkTracker | None) -> dict[str, Any]:
        state = tracker.state() if tracker is not None else None
        return {"dataset": plan.request.dataset, "source": plan.label, "system": plan.system,
                "high_water_mark": state.to_json() if state else None, "type_fallbacks": fallbacks}


def _find(plans: list[ColumnPlan], column: str) -> ColumnPlan:
    for p in plans:
        if column in (p.source_name, p.name):
            return p
    raise InvalidInput(f"Column '{column}' is not in the source.",
                       hint="Columns: " + ", ".join(p.source_name for p in plans[:50]))
