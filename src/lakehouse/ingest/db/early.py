"""Start a database read before the lakehouse is open: the CLI's ``ingest postgres|mysql`` overlaps the source's
connection, schema read and the first megabytes of rows with its own start-up (imports, catalog open).

Only a whole read qualifies (no incremental column: its ``WHERE`` needs the catalog's high-water mark). The
read is speculative and read-only: ``DbIngestService.prepare`` still runs every check in its order and adopts
the read only when the request is the same; a read nobody adopts, or one that failed, is closed and the normal
path runs (so every error is the one the normal path reports, at the same point).
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

    from lakehouse.config import Settings
    from lakehouse.ingest.db.dsn import Dsn, System
    from lakehouse.ingest.db.request import DbIngestRequest
    from lakehouse.ingest.db.source import Source
    from lakehouse.ingest.db.types import ColumnPlan
    from lakehouse.ingest.prefetch import ReadAhead
    from lakehouse.network import NetworkPolicy


_LEAVE_SECONDS = 30.0  # how long closing waits for the read-ahead thread to finish its current fetch


@dataclass
class StartedRead:
    source: Source
    dsn: Dsn
    inner_sql: str
    plans: list[ColumnPlan]  # named (normalised) as prepare names them
    expected: tuple[int | None, bool]
    ahead: ReadAhead

    def close(self) -> None:
        if self.ahead.close(wait=_LEAVE_SECONDS):
            self.source.close()
        # else the reading thread is still inside a fetch: closing the connection under it would crash the
        # process; it is dropped with the thread instead (the source read is read-only)


def _key(system: System, request: DbIngestRequest) -> tuple[object, ...]:
    return (system, request.dsn, request.table, request.query, request.connect_timeout_seconds,
            request.statement_timeout_seconds, request.incremental_column, request.batch_rows)


def start(system: System, request: DbIngestRequest, settings: Settings,
          reader: subprocess.Popen[bytes] | None = None) -> EarlyRead | None:
    """Begin ``request``'s read now, when it qualifies (a whole read, not an incremental one). ``reader``: a
    MySQL reader child the caller spawned even earlier; stopped here when the read does not qualify."""
    if request.incremental_column is not None:
        if reader is not None:
            from lakehouse.ingest.db.mysql_spawn import stop

            stop(reader)
        return None
    from lakehouse.network import NetworkPolicy

    return EarlyRead(system, request, NetworkPolicy.from_settings(settings), settings.ingest.batch_rows,
                     settings.ingest.readahead_mb << 20, reader)


class EarlyRead:
    """Runs on a background thread from construction; ``take`` hands the started read over (once)."""

    def __init__(self, system: System, request: DbIngestRequest, network: NetworkPolicy, batch_rows: int,
                 readahead_bytes: int, reader: subprocess.Popen[bytes] | None = None):
        self._key = _key(system, request)
        self._system, self._request, self._network = system, request, network
        self._batch_rows, self._readahead_bytes, self._reader = batch_rows, readahead_bytes, reader
        self._started: StartedRead | None = None
        self._lock = threading.Lock()
        self._taken = False
        self._dispatched = threading.Event()
        self.adopted = False  # whether a prepare took the read (tests and the curious)
        self._thread = threading.Thread(target=self._run, name="lakehouse-early-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from lakehouse.ingest.db.dsn import check_host, parse_dsn
        from lakehouse.ingest.db.request import named_plans, open_source
        from lakehouse.ingest.db.source import count_select, wrap_select
        from lakehouse.ingest.db.sqlcheck import check_select, table_identifier
        from lakehouse.ingest.prefetch import ReadAhead
        from lakehouse.storage.names import validate_name

        request, system = self._request, self._system
        source: Source | None = None
        try:
            validate_name(request.dataset, "dataset")  # no connection for a request that fails anyway
            inner = (f"SELECT * FROM {table_identifier(request.table, system)}" if request.table  # noqa: S608
                     else check_select(request.query or "", system))
            dsn = check_host(parse_dsn(request.dsn, system), self._network)
            reader, self._reader = self._reader, None
            source = open_source(system, dsn, request, self._batch_rows, reader)  # owns the reader from here
            plans = named_plans(source.describe(inner))
            # before the stream: a PostgreSQL connection runs one statement at a time
            expected = source.expected_rows(table_identifier(request.table, system), count_select(inner)) if (
                request.table) else (None, False)
            self._dispatched.set()
            ahead = ReadAhead(source.stream(wrap_select(source, plans, inner)), self._readahead_bytes)
            started = StartedRead(source, dsn, inner, plans, expected, ahead)
        except BaseException:  # noqa: BLE001 - the normal path repeats the step and reports its own error
            if source is not None:
                source.close()
            if self._reader is not None:  # failed before a source took it
                from lakehouse.ingest.db.mysql_spawn import stop

                stop(self._reader)
            return
        finally:
            self._dispatched.set()
        with self._lock:
            if self._taken:  # abandoned while starting
                started.close()
                return
            self._started = started

    def wait_dispatched(self, timeout: float) -> None:
        """Block until the read is connected and about to stream (or failed): the caller's own imports would
        otherwise take the interpreter lock from the thread that is trying to get the read going."""
        self._dispatched.wait(timeout)

    def take(self, system: System, request: DbIngestRequest) -> StartedRead | None:
        """The started read for exactly this request, or None (then the caller opens its own)."""
        self._thread.join()
        with self._lock:
            started, self._started, self._taken = self._started, None, True
        if started is None:
            return None
        if _key(system, request) != self._key:
            started.close()
            return None
        self.adopted = True
        return started

    def close(self) -> None:
        """Drop a read that was not taken (the command failed before it got there)."""
        with self._lock:
            started, self._started, self._taken = self._started, None, True
        if started is not None:
            with contextlib.suppress(Exception):
                started.close()
