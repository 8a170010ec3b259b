"""QueryExecutor: runs each query in a pool of pre-started worker processes, under a real time limit.

The guarantee, measured from the moment ``run()`` is called:

- ``run()`` returns or raises within ``spec.time_limit_seconds`` plus the time to SIGKILL a process
  (milliseconds). That includes the wait for a free worker.
- A query still running at its deadline has its worker process killed: its CPU and memory are released
  at once, whatever the engine was doing (DataFusion has no reliable cancel call). The caller gets
  ``QueryTimeout`` (408). A replacement worker starts in the background (about a second); until it is
  ready the pool has one worker fewer.
- Queries run in separate processes, so a runaway query never blocks the others; with every worker
  busy, a new query waits for one until its own deadline and then gets ``QueryTimeout`` too.
- A worker that dies (out of memory, crash) costs only its query: ``QueryError`` with the exit code,
  and a replacement is started.

Memory: DataFusion's fair spill pool bounds the operators that track memory (joins, sorts,
aggregates; they spill to disk); buffers outside the pool are not bounded. Unix only (``pass_fds``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Generator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyarrow as pa

from lakehouse.config import QuerySettings
from lakehouse.errors import ComputeUnavailable, LakehouseError, QueryError, QueryRefused, QueryTimeout, Unavailable
from lakehouse.query import reply
from lakehouse.query.spec import QueryResult, QuerySpec

log = logging.getLogger(__name__)
STARTUP_TIMEOUT_SECONDS = 120.0
_START_ATTEMPTS = 3
_ERRORS: dict[str, type[LakehouseError]] = {"QueryError": QueryError, "QueryRefused": QueryRefused,
                                             "ComputeUnavailable": ComputeUnavailable}


class _Worker:
    def __init__(self) -> None:
        parent, child = socket.socketpair()
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "lakehouse.query.worker", str(child.fileno()), str(os.getpid())],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, env=env,
            )
        finally:
            child.close()
        self.conn = Connection(parent.detach())

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            raise TimeoutError(f"query worker not ready after {timeout:g} s")
        message = self.conn.recv()
        if message != ("ready",):
            raise RuntimeError(f"unexpected first message from query worker: {message!r}")

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        self.conn.close()

    def reap(self) -> None:
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            log.warning("query worker %s did not exit after SIGKILL", self.proc.pid)


def primed(gen: Generator[Any, None, None]) -> Generator[Any, None, None]:
    """Run a generator to its first (placeholder) yield, inside its try, so that closing it — even before
    anyone iterates, and when it is garbage collected — runs its cleanup."""
    next(gen)
    return gen


class _Stopped(Exception):
    """The worker did not answer in time or died; it must be discarded."""


class QueryExecutor:
    def __init__(self, settings: QuerySettings) -> None:
        self._settings = settings
        # last in, first out: sequential queries stay on the worker that ran the last one, whose session holds
        # the footers and statistics of the tables just read and which knows the statements just checked;
        # the others take the queries that arrive while it is busy
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._starting = 0
        self._last_start_error: str | None = None
        self._closed = False
        for _ in range(settings.workers):
            self._start_worker()

    # Public API ----------------------------------------------------------------------------------
    def run(self, spec: QuerySpec) -> QueryResult:
        start = time.perf_counter()
        deadline = start + spec.time_limit_seconds
        worker = self._acquire(deadline, spec.time_limit_seconds)
        healthy = False
        try:
            header, table = self._exchange(worker, spec, deadline)
            healthy = True
        except _Stopped as stop:
            if time.perf_counter() >= deadline:
                raise QueryTimeout(
                    f"The query ran longer than its time limit of {spec.time_limit_seconds:g} s "
                    "and was stopped."
                ) from None
            raise QueryError(
                f"The query worker stopped unexpectedly ({stop}).",
                hint="It may have run out of memory: narrow the query or raise query.memory_limit_mb.",
            ) from None
        finally:
            if healthy:
                self._idle.put(worker)
            else:
                self._discard(worker)
        if table is None:
            _, name, message, hint = header
            raise _ERRORS.get(name, QueryError)(message, hint=hint)
        elapsed_ms = (time.perf_counter() - start) * 1000
        return QueryResult(table=table, truncated=bool(header[1]), elapsed_ms=elapsed_ms)

    def stream(self, spec: QuerySpec) -> tuple[pa.Schema, Generator[pa.RecordBatch, None, None]]:
        """An export: the schema once the query is planned (planning errors raise here), then its batches.

        The worker is held until the iterator is exhausted or closed; closing it early (a client that went
        away) kills the worker, whose replacement starts in the background. The whole stream, including the
        time the consumer takes, is bounded by ``spec.time_limit_seconds``."""
        start = time.perf_counter()
        deadline = start + spec.time_limit_seconds
        worker = self._acquire(deadline, spec.time_limit_seconds)
        try:
            worker.conn.send(spec)
            header = self._receive(worker, deadline, bytes_=False)
        except (_Stopped, EOFError, OSError, ValueError) as exc:
            self._discard(worker)
            raise self._stopped(worker, exc, deadline, spec) from None
        if header[0] == "error":
            self._idle.put(worker)
            _, name, message, hint = header
            raise _ERRORS.get(name, QueryError)(message, hint=hint)
        schema = pa.ipc.read_schema(pa.py_buffer(header[1]))
        return schema, primed(self._batches(worker, schema, deadline, spec))

    def _batches(self, worker: _Worker, schema: pa.Schema, deadline: float,
                 spec: QuerySpec) -> Generator[pa.RecordBatch | None, None, None]:
        healthy = False
        try:
            yield None  # primed: from here on, close() or garbage collection runs the finally below
            while True:
                payload = self._receive(worker, deadline, bytes_=True)
                if not payload:
                    break
                yield pa.ipc.read_record_batch(pa.py_buffer(payload), schema)
            trailer = self._receive(worker, deadline, bytes_=False)
            healthy = True
        except (_Stopped, EOFError, OSError, ValueError) as exc:
            raise self._stopped(worker, exc, deadline, spec) from None
        finally:
            if healthy:
                self._idle.put(worker)
            else:  # stopped, failed, or abandoned mid-stream (GeneratorExit): the worker is mid-send
                self._discard(worker)
        if trailer[0] == "error":
            _, name, message, hint = trailer
            raise _ERRORS.get(name, QueryError)(message, hint=hint)

    def _stopped(self, worker: _Worker, exc: Exception, deadline: float, spec: QuerySpec) -> LakehouseError:
        if time.perf_counter() >= deadline:
            return QueryTimeout(f"The query ran longer than its time limit of {spec.time_limit_seconds:g} s "
                                "and was stopped.")
        code = worker.proc.poll()
        reason = str(exc) if isinstance(exc, _Stopped) else (f"exit code {code}" if code is not None else str(exc))
        return QueryError(f"The query worker stopped unexpectedly ({reason}).",
                          hint="It may have run out of memory: narrow the query or raise query.memory_limit_mb.")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.kill()
        for worker in workers:
            worker.reap()

    def __enter__(self) -> QueryExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Pool ----------------------------------------------------------------------------------------
    def _acquire(self, deadline: float, limit: float) -> _Worker:
        while True:
            with self._lock:
                if self._closed:
                    raise Unavailable("The query executor is closed.")
                if not self._workers and not self._starting:
                    raise Unavailable(f"No query worker could be started: {self._last_start_error}")
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise QueryTimeout(
                    f"No query worker became free within the time limit of {limit:g} s; "
                    "all workers are busy with other queries.",
                    hint="Retry later, or raise query.workers.",
                )
            try:
                worker = self._idle.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if worker.proc.poll() is None:
                return worker
            self._discard(worker)

    def _exchange(self, worker: _Worker, spec: QuerySpec, deadline: float) -> tuple[Any, pa.Table | None]:
        try:
            worker.conn.send(spec)
            message = self._receive(worker, deadline, bytes_=True)
        except (EOFError, OSError, ValueError) as exc:
            code = worker.proc.poll()
            raise _Stopped(f"exit code {code}" if code is not None else str(exc)) from None
        return reply.decode(message)

    @staticmethod
    def _receive(worker: _Worker, deadline: float, *, bytes_: bool) -> Any:
        if not worker.conn.poll(max(0.0, deadline - time.perf_counter())):
            raise _Stopped("time limit")
        return worker.conn.recv_bytes() if bytes_ else worker.conn.recv()

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
            closed = self._closed
            if not closed:  # counted in the same step: a caller in between saw no worker and none starting
                self._starting += 1
        threading.Thread(target=worker.reap, daemon=True).start()
        if not closed:
            self._start_worker(counted=True)

    def _start_worker(self, counted: bool = False) -> None:
        if not counted:
            with self._lock:
                self._starting += 1
        threading.Thread(target=self._boot, name="lakehouse-query-worker-start", daemon=True).start()

    def _boot(self) -> None:
        try:
            for attempt in range(_START_ATTEMPTS):
                worker: _Worker | None = None
                try:
                    worker = _Worker()
                    worker.wait_ready(STARTUP_TIMEOUT_SECONDS)
                except Exception as exc:  # noqa: BLE001 - logged and retried
                    self._last_start_error = f"{type(exc).__name__}: {exc}"
                    log.error("query worker failed to start (attempt %d): %s", attempt + 1, exc)
                    if worker is not None:
                        worker.kill()
                        worker.reap()
                    time.sleep(0.5 * (attempt + 1))
                    continue
                with self._lock:
                    if self._closed:
                        worker.kill()
                        return
                    self._workers.add(worker)
                self._idle.put(worker)
                return
        finally:
            with self._lock:
                self._starting -= 1
