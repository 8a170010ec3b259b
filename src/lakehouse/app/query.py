"""SQL over what the caller may read: capped results, and whole-result exports as Arrow streams."""

from __future__ import annotations

from collections.abc import Generator, Mapping
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from lakehouse.app.base import LakehouseBase
from lakehouse.types import Actor

if TYPE_CHECKING:
    import pyarrow as pa

    from lakehouse.query.spec import QueryResult


class QueryApi(LakehouseBase):
    # Query ----------------------------------------------------------------------------------
    def sql(self, sql: str, *, params: Mapping[str, Any] | None = None, as_of: Mapping[str, int] | None = None,
            max_rows: int | None = None, engine: str | None = None, actor: Actor | None = None) -> QueryResult:
        """``engine`` names the query engine (query/engines.py): ``datafusion`` (default) or ``daft``."""
        with self._call(actor, "query.sql", *_engine_note(engine)) as (who, scope):
            result = self.sql_service.run(who, sql, params=params, as_of=as_of, max_rows=max_rows, engine=engine)
            scope.rows = result.table.num_rows
            return result

    def preview(self, name: str, *, offset: int = 0, limit: int = 50, actor: Actor | None = None) -> QueryResult:
        """A page of a dataset's or view's rows exactly as the caller reads them (views' masks and row filters,
        tombstones): what the console's preview shows."""
        from lakehouse.query.spec import preview_statement

        return self.sql(preview_statement(name, offset, limit), max_rows=limit, actor=actor)

    def sql_stream(self, sql: str, *, params: Mapping[str, Any] | None = None,
                   as_of: Mapping[str, int] | None = None, max_rows: int | None = None,
                   engine: str | None = None, actor: Actor | None = None) -> pa.RecordBatchReader:
        """Every row of the result (or the first ``max_rows``) as an Arrow stream, in bounded memory:
        ``query.max_rows`` does not apply, ``query.export_time_limit_seconds`` does. Errors in the
        statement raise here; the worker is held until the reader is exhausted or closed."""
        import pyarrow as pa

        schema, batches = self.export_batches(sql, params=params, as_of=as_of, max_rows=max_rows, engine=engine,
                                              actor=actor)
        return pa.RecordBatchReader.from_batches(schema, batches)

    def export_batches(self, sql: str, *, params: Mapping[str, Any] | None = None,
                       as_of: Mapping[str, int] | None = None, max_rows: int | None = None,
                       engine: str | None = None,
                       actor: Actor | None = None) -> tuple[pa.Schema, Generator[pa.RecordBatch, None, None]]:
        """``sql_stream`` as a schema and a generator whose ``close()`` frees the worker at once (a reader's
        ``close()`` does not release the generator it wraps): what the HTTP export drives."""
        from lakehouse.query.executor import primed

        with ExitStack() as stack:
            who, scope = stack.enter_context(self._call(actor, "query.export", *_engine_note(engine)))
            schema, batches = self.sql_service.stream(who, sql, params=params, as_of=as_of, max_rows=max_rows,
                                                      engine=engine)
            audit = stack.pop_all()  # the audit record is written when the stream ends, with its row count

        def audited() -> Generator[pa.RecordBatch | None, None, None]:
            with audit:
                scope.rows = 0
                try:
                    yield None
                    for batch in batches:
                        scope.rows += batch.num_rows
                        yield batch
                finally:
                    batches.close()

        return schema, primed(audited())


def _engine_note(engine: str | None) -> tuple[str, ...]:
    """The audit record's object for a statement not run on the default engine (``engine:daft``)."""
    from lakehouse.query.engines import DEFAULT_ENGINE

    return (f"engine:{engine}",) if engine and engine != DEFAULT_ENGINE else ()
