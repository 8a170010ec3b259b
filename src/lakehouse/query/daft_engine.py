"""Run one ``QuerySpec`` on Daft, inside a query worker like the DataFusion engine: on Daft's local (native)
runner, or on the Ray cluster when the spec names one (``compute.engine = "ray"``).

The statement passes query/daft_guard.py first (Daft's SQL has no read-only switch), then runs in a fresh
Daft session holding only the spec's relations, built by query/daft_relations.py with the same masks, row
filters and tombstone anti-joins as on DataFusion. The time limit is the executor's (it kills the worker);
the row cap is a LIMIT one row past it, as on DataFusion. Daft has no memory pool: ``query.memory_limit_mb``
does not bound it. Results come back in the plain Arrow types the DataFusion engine returns (``string``, not
Daft's ``large_string``); counts keep Daft's type (``uint64``).

Daft's runner is process-wide and set once: the worker sets it on its first Daft statement, from that spec,
and a later statement asking for another runner is refused (every spec of a lakehouse asks for the same one;
a changed ``compute.engine`` takes a restart). On Ray the worker joins the cluster as a driver of its own:
its Daft actors go when the worker does, a timed-out statement included.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pyarrow as pa

from lakehouse.errors import ComputeUnavailable, QueryError, QueryRefused
from lakehouse.query.engine import EngineResult
from lakehouse.query.spec import QuerySpec

# Daft reports usage to a web service from its import on unless told not to; a query worker never phones out.
_NO_TELEMETRY = {"DO_NOT_TRACK": "1", "SCARF_NO_ANALYTICS": "true", "DAFT_ANALYTICS_ENABLED": "0"}
_PLAIN = {pa.large_string(): pa.string(), pa.large_binary(): pa.binary(), pa.string_view(): pa.string(),
          pa.binary_view(): pa.binary()}


class DaftEngine:
    def __init__(self) -> None:
        for key, value in _NO_TELEMETRY.items():
            os.environ[key] = value
        os.environ.setdefault("RUST_BACKTRACE", "0")  # a Rust panic is the query's error, not a page of frames
        import daft  # noqa: F401 - imported once, with the environment above

        self._runner: str | None = None  # "native" or the Ray address, once set

    def _use_runner(self, address: str | None) -> None:
        wanted = address or "native"
        if self._runner == wanted:
            return
        if self._runner is not None:
            raise QueryError(f"This query worker runs Daft on {_runner_text(self._runner)}, not on "
                             f"{_runner_text(wanted)}: Daft's runner is set once per process.",
                             hint="Restart the lakehouse after changing compute.engine.")
        import daft

        if address is None:
            daft.set_runner_native()
        else:
            from lakehouse.compute.cluster import join

            # Daft asks Ray for its dashboard's URL on every query through a deprecated call that logs a warning
            os.environ.setdefault("RAY_DISABLE_DASHBOARD", "1")
            join(address)  # Ray's connection, made the lakehouse's way; Daft's runner reuses it
            try:
                daft.set_runner_ray(noop_if_initialized=True)
            except Exception as exc:  # noqa: BLE001 - the runner could not be set: name the cluster
                raise ComputeUnavailable(f"Daft cannot run on {_runner_text(wanted)}: {type(exc).__name__}: "
                                         f"{exc}", hint="Run the statement on DataFusion, or check the "
                                         "Daft and Ray versions installed on the cluster.") from None
        self._runner = wanted

    def run(self, spec: QuerySpec) -> EngineResult:
        start = time.perf_counter()
        self._use_runner(spec.ray_address)
        try:
            frame = self._plan(spec).limit(spec.max_rows + 1)
            table = _plain(frame.to_arrow())
        except (QueryError, QueryRefused):
            raise
        except BaseException as exc:  # noqa: BLE001 - Daft panics raise PanicException, a BaseException
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            raise self._translate(exc, spec) from None
        truncated = table.num_rows > spec.max_rows
        if truncated:
            table = table.slice(0, spec.max_rows)
        return EngineResult(table, truncated, (time.perf_counter() - start) * 1000)

    def stream(self, spec: QuerySpec) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
        self._use_runner(spec.ray_address)
        try:
            frame = self._plan(spec)
            if spec.max_rows > 0:
                frame = frame.limit(spec.max_rows)
            schema = _plain_schema(frame.schema().to_pyarrow_schema())
            batches = frame.to_arrow_iter()
        except (QueryError, QueryRefused):
            raise
        except BaseException as exc:  # noqa: BLE001 - as in run()
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            raise self._translate(exc, spec) from None

        def pull() -> Iterator[pa.RecordBatch]:
            try:
                for batch in batches:
                    if batch.num_rows:
                        yield batch if batch.schema.equals(schema) else batch.cast(schema)
            except BaseException as exc:  # noqa: BLE001 - a failure mid-stream is still the query's error
                if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
                    raise
                raise self._translate(exc, spec) from None

        return schema, pull()

    def _plan(self, spec: QuerySpec):  # type: ignore[no-untyped-def]  # a daft.DataFrame
        from lakehouse.query.daft_guard import check_daft_statement
        from lakehouse.query.daft_relations import session

        check_daft_statement(spec)
        frame = session(spec).sql(spec.sql)
        if frame is None:  # a statement that returns no relation: the guard lets none through
            raise QueryRefused("Only a single read-only SELECT query is allowed.")
        return frame

    @staticmethod
    def _translate(exc: BaseException, spec: QuerySpec) -> QueryError:
        from lakehouse.query.daft_guard import translate

        return translate(exc, [t.name for t in spec.tables if not t.name.startswith("__")]
                         + [v.name for v in spec.views])


def _runner_text(runner: str) -> str:
    return "its local runner" if runner == "native" else f"the Ray cluster at {runner} (compute.ray_address)"


def _plain_schema(schema: pa.Schema) -> pa.Schema:
    if not any(f.type in _PLAIN for f in schema):
        return schema
    return pa.schema([f.with_type(_PLAIN.get(f.type, f.type)) for f in schema], metadata=schema.metadata)


def _plain(table: pa.Table) -> pa.Table:
    schema = _plain_schema(table.schema)
    return table if schema.equals(table.schema) else table.cast(schema)
