"""Query worker process: ``python -m lakehouse.query.worker FD``.

Speaks over the socket ``FD`` with ``multiprocessing.connection`` framing: it receives a pickled
``QuerySpec`` and answers in one message (query/reply.py): ``("ok", truncated, engine_ms)`` and the result as
an Arrow IPC stream, or ``("error", class_name, message, hint)``. A streaming spec (an export) is answered with
``("stream", schema_bytes)``, then one message per record batch (``RecordBatch.serialize()``; the
socket's buffer is the back-pressure, so memory stays bounded), then an empty message and
``("end", rows)`` or ``("error", ...)``. The parent kills the process to stop a query.
Started with ``subprocess`` (not ``multiprocessing``) so the parent's ``__main__`` is never re-imported.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from multiprocessing.connection import Connection

from lakehouse.errors import LakehouseError
from lakehouse.query import reply
from lakehouse.query.engine import Engine
from lakehouse.query.engines import DEFAULT_ENGINE, QueryEngine, load_engine
from lakehouse.query.spec import QuerySpec


def serve(conn: Connection) -> None:
    default = Engine()
    # Warm the engine (imports, Tokio runtime, planner) before saying ready.
    default.run(QuerySpec("SELECT 1", ()))
    engines: dict[str, QueryEngine] = {DEFAULT_ENGINE: default}
    conn.send(("ready",))
    while True:
        try:
            spec = conn.recv()
        except (EOFError, OSError):
            return
        if not isinstance(spec, QuerySpec):
            return
        try:  # another engine loads on its first statement (query/engines.py)
            engine = engines.get(spec.engine) or engines.setdefault(spec.engine, load_engine(spec.engine))
        except Exception as exc:  # noqa: BLE001 - reported to the caller as the query's error
            if spec.stream:
                conn.send(_error(exc))
            else:
                conn.send_bytes(memoryview(reply.encode(_error(exc))))
            continue
        if spec.stream:
            _stream(conn, engine, spec)
            continue
        try:
            result = engine.run(spec)
            message = reply.encode(("ok", result.truncated, result.engine_ms), result.table)
        except Exception as exc:  # noqa: BLE001 - reported to the caller as the query's error
            message = reply.encode(_error(exc))
        conn.send_bytes(memoryview(message))


def _error(exc: Exception) -> tuple[str, str, str, str | None]:
    if isinstance(exc, LakehouseError):
        return ("error", type(exc).__name__, exc.message, exc.hint)
    return ("error", "QueryError", f"{type(exc).__name__}: {exc}", None)


def _stream(conn: Connection, engine: QueryEngine, spec: QuerySpec) -> None:
    try:
        schema, batches = engine.stream(spec)
    except Exception as exc:  # noqa: BLE001 - reported to the caller as the query's error
        conn.send(_error(exc))
        return
    conn.send(("stream", schema.serialize().to_pybytes()))
    rows = 0
    try:
        for batch in batches:
            conn.send_bytes(memoryview(batch.serialize()))
            rows += batch.num_rows
    except Exception as exc:  # noqa: BLE001 - a failure mid-stream ends it with the query's error
        if isinstance(exc, OSError):
            raise  # the parent stopped reading: it kills this worker
        conn.send_bytes(b"")
        conn.send(_error(exc))
        return
    conn.send_bytes(b"")
    conn.send(("end", rows))


def _exit_with_parent(parent_pid: int) -> None:
    # A worker busy with a runaway query would otherwise outlive a parent that died without killing it.
    while True:
        time.sleep(1.0)
        if os.getppid() != parent_pid:
            os._exit(0)


def main() -> None:
    logging.getLogger("sqlglot").setLevel(logging.ERROR)  # its parse fallbacks are not our users' business
    parent = int(sys.argv[2]) if len(sys.argv) > 2 else os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        serve(Connection(int(sys.argv[1])))
    except (BrokenPipeError, ConnectionResetError, EOFError):
        # the parent went away (a CLI command that finished before this worker was ready): nothing to report
        os._exit(0)


if __name__ == "__main__":
    main()
