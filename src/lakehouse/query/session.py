"""The DataFusion session a query worker reuses from one capped query to the next, emptied in between.

A session's runtime keeps the Parquet footers and file statistics it has read (DataFusion's cache manager,
bounded by its own limits); a session built per query reads and decodes them again on every statement,
1-6 ms of a small TPC-H query at SF0.1 (bench/tpch.py). What a query may see is still exactly what its spec
registers: every table and view is deregistered before a query registers its own (whatever the previous one
left, even after an error) and again after it, so nothing one caller registered outlives its query; the
settings a query may change (Parquet filter pushdown, for a top-k) are set back. Statements still run through
``sql_with_options`` with DDL, DML and statements disallowed, so a query cannot change the session itself.

The scans of a table version's files (``Source.scan``: one Parquet read per file under a UNION ALL) are kept
too, by the exact files, schema and storage options they read, so a query registering the same version again
registers the scan it built last time instead of building it anew (0.1-0.2 ms a table). A kept scan is a plan,
reachable by no name until a query that registers those very files registers it under its own name; a new
version has other files, so it gets a new scan, and the least recently used scans go past ``KEPT_SCANS``.

Not reused: streams (an export holds its session while the client reads), queries with per-query settings
(tombstone key sets) and any query after a failure to empty the session (a fresh one is built).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from datafusion import SessionContext
from datafusion.catalog import Table

from lakehouse.query.tuning import PUSHDOWN

if TYPE_CHECKING:
    from lakehouse.query.sources import Source

log = logging.getLogger(__name__)
KEPT_SCANS = 128
RESETTABLE = {PUSHDOWN: "false"}
"""Settings a query may change on its session, and the value the session is built with and set back to."""


class ReusedSession:
    def __init__(self, build: Callable[[dict[str, str], tuple[int, int]], SessionContext]) -> None:
        self._build = build
        self._ctx: SessionContext | None = None
        self._key: tuple[int, int] | None = None
        self._changed = False
        self._scans: OrderedDict[tuple[object, ...], Table] = OrderedDict()

    def acquire(self, key: tuple[int, int]) -> SessionContext:
        """The session for a query with these bounds (partitions, memory limit in MB), holding no tables or
        views."""
        if self._ctx is not None and self._key == key:
            try:
                _empty(self._ctx)
                return self._ctx
            except Exception:  # noqa: BLE001 - a session that cannot be emptied is replaced
                log.warning("could not empty the reused query session; building a new one", exc_info=True)
        self._ctx, self._key, self._changed = self._build(dict(RESETTABLE), key), key, False
        self._scans.clear()  # plans of the session just dropped
        return self._ctx

    def scan(self, source: Source) -> Table:
        """``source``'s files as one relation of the acquired session, ready to register under a name: the one
        built for the same files last time, or a new one (kept as a view, not as the frame it is made from:
        turning a frame into a view costs 0.1 ms a table)."""
        assert self._ctx is not None, "acquire() first"
        key = (source.files, source.schema, tuple(sorted(source.storage_options.items())))
        frame = self._scans.get(key)
        if frame is None:
            frame = self._scans[key] = source.scan(self._ctx, source.files).into_view()
            while len(self._scans) > KEPT_SCANS:
                self._scans.popitem(last=False)
        else:
            self._scans.move_to_end(key)
            source.connect(self._ctx, source.files)  # another query may have registered the bucket's store since
        return frame

    def changed(self) -> None:
        """The query set one of ``RESETTABLE``: ``release`` sets them back."""
        self._changed = True

    def release(self) -> None:
        """After the query, whatever happened to it: drop its tables and views and restore its settings."""
        ctx = self._ctx
        if ctx is None:
            return
        try:
            _empty(ctx)
            if self._changed:
                for name, value in RESETTABLE.items():
                    ctx.sql(f"SET {name} = {value}")  # trusted constants
                self._changed = False
        except Exception:  # noqa: BLE001 - never reuse a session in an unknown state
            log.warning("could not empty the reused query session; dropping it", exc_info=True)
            self._ctx = self._key = None
            self._scans.clear()


def _empty(ctx: SessionContext) -> None:
    schema = ctx.catalog().schema()
    for name in list(schema.names()):
        ctx.deregister_table(name)
    if schema.names():
        raise RuntimeError("tables are still registered after deregistering them all")
