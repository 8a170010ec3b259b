"""Run one ``QuerySpec`` in a DataFusion session holding only its tables (called inside a worker process).

Sandbox: a session emptied before and after each query (query/session.py; a new one for exports and
key-set queries), ``information_schema`` off, only the spec's tables and views registered, every statement
through ``sql_with_options`` with DDL, DML and statements disallowed, and ``enable_url_table()`` never
called. Memory is bounded by DataFusion's fair spill pool.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa
from datafusion import DataFrame, RuntimeEnvBuilder, SessionConfig, SessionContext, SQLOptions

from lakehouse.errors import QueryError, QueryRefused
from lakehouse.query import erased as erasing
from lakehouse.query.guard import ONLY_SELECT, check_statement
from lakehouse.query.late_masks import RegisteredView, late_masked
from lakehouse.query.session import ReusedSession
from lakehouse.query.sources import Source, SourceCache, quote
from lakehouse.query.spec import GovernedView, QuerySpec, TableRegistration
from lakehouse.query.tuning import PUSHDOWN, is_topk_over_rows, key_set_settings
from lakehouse.query.view_filter import FilterCache, base_relation

STREAM_CAP = 1_000_000
"""Row caps from this size on are enforced by stopping the result stream, without a LIMIT in the plan."""
FILTER_CHECK_SECONDS = 0.5  # per query, for working out where views' row filters hold (query/view_filter.py)
_REFUSALS = re.compile(r"(DDL|DML|Statement) not supported|only supports a single SQL statement")
_UNKNOWN_TABLE = re.compile(r"table '(?:[^'.]+\.)*([^'.]+)' not found")
_PREFIX = re.compile(r"^(DataFusion error: )+")
# DataFusion words a statement it cannot parse as its parser's debug output: SQL error: ParserError("... at Line: 1,
# Column: 9")
_SYNTAX = re.compile(r'^SQL error: (?:ParserError|TokenizerError)\("(?P<what>.*?)(?: at Line: (?P<line>\d+), '
                     r'Column: (?P<column>\d+))?"\)$', re.DOTALL)
_SETTINGS = {
    "datafusion.catalog.information_schema": "false",
    "datafusion.execution.collect_statistics": "true",
    "datafusion.sql_parser.enable_ident_normalization": "true",
}


@dataclass
class EngineResult:
    table: pa.Table
    truncated: bool
    engine_ms: float


class Engine:
    def __init__(self) -> None:
        self._sources = SourceCache()
        self._filters = FilterCache()
        self._session = ReusedSession(_context_with)

    def run(self, spec: QuerySpec) -> EngineResult:
        start = time.perf_counter()
        try:
            ctx, df = self._plan(spec, reuse=True)  # the context must outlive the plan: its providers live there
            table, truncated = _collect(df, spec)
            del ctx
        except (QueryError, QueryRefused):
            raise
        except Exception as exc:  # noqa: BLE001 - every engine failure is the user's query error
            raise _translate(exc, spec) from None
        finally:
            self._session.release()
        return EngineResult(table, truncated, (time.perf_counter() - start) * 1000)

    def stream(self, spec: QuerySpec) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
        """The result batch by batch, in the plain types ``run`` returns: an export, whole unless
        ``max_rows`` > 0 caps it."""
        try:
            ctx, df = self._plan(spec)
            if _cap(spec):
                df = df.limit(_cap(spec))
            schema = _plain_schema(df.schema())
            batches = df.execute_stream()
        except (QueryError, QueryRefused):
            raise
        except Exception as exc:  # noqa: BLE001 - every engine failure is the user's query error
            raise _translate(exc, spec) from None

        def pull() -> Iterator[pa.RecordBatch]:
            _ = ctx  # held until the stream ends: the plan's table providers live in the context
            try:
                for batch in batches:
                    rb = batch.to_pyarrow()
                    if rb.num_rows:
                        yield rb if rb.schema.equals(schema) else rb.cast(schema)
            except Exception as exc:  # noqa: BLE001 - a failure mid-stream is still the query's error
                raise _translate(exc, spec) from None

        return schema, pull()

    def _plan(self, spec: QuerySpec, reuse: bool = False) -> tuple[SessionContext, DataFrame]:
        check_statement(spec.sql)
        options = _options()
        sources = [(table, self._sources.get(table)) for table in spec.tables]
        plans = {t.name: erasing.plan(t, s) for t, s in sources if isinstance(t, erasing.ErasedTable)}
        # the key set is opened only for files its copies do not cover
        keys = {t.name: self._sources.get(t.keys) for t, _ in sources
                if isinstance(t, erasing.ErasedTable) and plans[t.name].needs_keys}
        stats = [k.key_stats for k in keys.values()]
        settings = key_set_settings([s for s in stats if s is not None])
        reused = reuse and not settings  # a query with settings of its own gets a session of its own
        ctx = self._session.acquire(_bounds(spec)) if reused else _context(spec, settings)
        for table, source in sources:
            if isinstance(table, erasing.ErasedTable):
                erasing.register(ctx, table, source, plans[table.name], keys.get(table.name))
            elif reused and source.route == "files":
                ctx.register_table(table.name, self._session.scan(source))
            else:
                source.register(ctx, table.name)
        governed = self._register_views(ctx, spec, sources, plans, keys, options)
        params = _params(spec)

        def plan() -> DataFrame:
            return ctx.sql_with_options(spec.sql, options, param_values=params)

        df = plan()
        probe = df.limit(_cap(spec)) if _cap(spec) else df
        if is_topk_over_rows(probe.logical_plan()):
            ctx.sql(f"SET {PUSHDOWN} = true")  # trusted constant; the session reads it when planning
            if reused:
                self._session.changed()
            df = plan()
            df = late_masked(ctx, df, governed, plan) or df
        return ctx, df

    def _register_views(self, ctx: SessionContext, spec: QuerySpec, sources: list[tuple[TableRegistration, Source]],
                        plans: dict[str, erasing.ErasedPlan], keys: dict[str, Source],
                        options: SQLOptions) -> list[RegisteredView]:
        tables = {t.name: (t, s) for t, s in sources}
        # a planning probe (no rows wanted) checks nothing; a query spends a bounded share of its limit
        probe = spec.max_rows == 0 and not spec.stream
        check_seconds = 0.0 if probe else min(FILTER_CHECK_SECONDS, spec.time_limit_seconds / 20)
        governed = []
        for view in spec.views:
            if not isinstance(view, GovernedView) or view.base not in tables:
                ctx.register_view(view.name, ctx.sql_with_options(view.sql, options))
                continue
            table, source = tables[view.base]
            rows = base_relation(ctx, view, table, source, plans.get(view.base), keys.get(view.base), self._filters,
                                 options, check_seconds)
            relation = f"__v{secrets.token_hex(8)}"
            ctx.register_view(relation, rows)
            masked = ctx.sql_with_options(f"SELECT {', '.join(view.select)} FROM {quote(relation)}", options)  # noqa: S608
            ctx.register_view(view.name, masked)
            governed.append(RegisteredView(view, masked, relation))
        return governed


def _cap(spec: QuerySpec) -> int:
    """The LIMIT the plan gets: one row past the cap for a capped result (to tell it was cut), the cap
    itself for an export that has one, none (0) for a whole export.

    None either for a cap of ``STREAM_CAP`` rows or more: ``_collect`` enforces the cap by stopping the stream
    anyway; the LIMIT matters where a small cap lets a top-k keep only the first rows of a sort, or a DISTINCT
    stop once it has enough. A top-k that large would hold its rows outside the spillable pool (a sort spills),
    and the LIMIT costs 0.3-0.9 ms of a small query (TPC-H q11, q14, q16 at SF0.1, bare DataFusion)."""
    if spec.stream:
        return max(spec.max_rows, 0)
    return spec.max_rows + 1 if spec.max_rows < STREAM_CAP else 0


def _bounds(spec: QuerySpec) -> tuple[int, int]:
    return (spec.target_partitions or os.cpu_count() or 1, spec.memory_limit_mb)


def _context(spec: QuerySpec, settings: dict[str, str]) -> SessionContext:
    return _context_with(settings, _bounds(spec))


def _context_with(settings: dict[str, str], bounds: tuple[int, int]) -> SessionContext:
    partitions, memory_mb = bounds
    config = SessionConfig({**_SETTINGS, **settings}).with_information_schema(False).with_target_partitions(partitions)
    runtime = RuntimeEnvBuilder().with_fair_spill_pool(memory_mb * 1024 * 1024).with_disk_manager_os()
    return SessionContext(config, runtime)


def _options() -> SQLOptions:
    return SQLOptions().with_allow_ddl(False).with_allow_dml(False).with_allow_statements(False)


def _params(spec: QuerySpec) -> dict[str, pa.Scalar] | None:
    if not spec.params:
        return None
    values: dict[str, pa.Scalar] = {}
    for name, value in spec.params.items():
        key = name[1:] if name.startswith("$") else name
        try:
            values[key] = value if isinstance(value, pa.Scalar) else pa.scalar(value)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise QueryError(
                f"Parameter '{key}' has a value of unsupported type {type(value).__name__}: {exc}",
                hint="Pass scalars: numbers, strings, booleans, null, dates, times.",
            ) from None
    return values


def _collect(df: DataFrame, spec: QuerySpec) -> tuple[pa.Table, bool]:
    max_rows = spec.max_rows
    limited = df.limit(_cap(spec)) if _cap(spec) else df
    schema = limited.schema()
    batches: list[pa.RecordBatch] = []
    count = 0
    # Pull batch by batch and stop as soon as the cap is passed, so a huge result is never materialised.
    for batch in limited.execute_stream():
        rb = batch.to_pyarrow()
        batches.append(rb)
        count += rb.num_rows
        if count > max_rows:
            break
    table = _to_table(batches, schema)
    if table.num_rows > max_rows:
        return table.slice(0, max_rows), True
    return table, False


def _to_table(batches: list[pa.RecordBatch], planned: pa.Schema) -> pa.Table:
    if batches:
        # Batches can disagree with the planned schema (and each other) on nullability only.
        schema = batches[0].schema
        table = pa.Table.from_batches([b if b.schema.equals(schema) else b.cast(schema) for b in batches])
    else:
        table = planned.empty_table()
    plain = _plain_schema(table.schema)
    return table if plain.equals(table.schema) else table.cast(plain)


def _plain_schema(schema: pa.Schema) -> pa.Schema:
    """Scans read view types for speed; results use the plain types every client understands."""
    plain = {pa.string_view(): pa.string(), pa.binary_view(): pa.binary()}
    if not any(f.type in plain for f in schema):
        return schema
    return pa.schema([f.with_type(plain.get(f.type, f.type)) for f in schema], metadata=schema.metadata)


def _translate(exc: Exception, spec: QuerySpec) -> QueryError | QueryRefused:
    message = _PREFIX.sub("", str(exc)).strip() or type(exc).__name__
    if _REFUSALS.search(message):
        return QueryRefused(f"{ONLY_SELECT}. The engine said: {message}")
    syntax = _SYNTAX.match(message)
    if syntax:
        where = f" at line {syntax['line']}, column {syntax['column']}" if syntax["line"] else ""
        what = syntax["what"].replace('\\"', '"')
        return QueryError(f"SQL syntax error{where}: {what[:1].lower()}{what[1:]}",
                          hint="Queries are DataFusion's SQL, much like PostgreSQL's (docs/sql.md).")
    missing = _UNKNOWN_TABLE.search(message)
    if missing:
        visible = sorted({t.name for t in spec.tables} | {v.name for v in spec.views})
        shown = ", ".join(visible[:20]) + (", ..." if len(visible) > 20 else "")
        return QueryError(
            message,
            hint="Only catalog datasets you may read are visible as tables"
            + (f": {shown}." if visible else " (none are registered for you)."),
        )
    return QueryError(message)
