"""A PostgreSQL connection over ADBC's low-level API (``adbc_driver_manager``'s handles), not its DB-API layer.

The DB-API module (``adbc_driver_manager.dbapi``) imports pyarrow.dataset, pandas and polars when it loads:
~0.5 CPU-s on every ``lakehouse ingest postgres``, a third of a 600k-row run, for nothing this source uses.
The handles below are what that layer wraps: the same driver, the same COPY stream, the same errors
(``adbc_driver_manager.Error`` with ``sqlstate``), and the same pyarrow reader over the result stream.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator
from typing import Any

import pyarrow as pa

from lakehouse.errors import NotInstalled

Batches = Generator[pa.RecordBatch, None, None]


def _modules() -> tuple[Any, Any]:
    try:
        import adbc_driver_manager
        import adbc_driver_postgresql
    except ImportError:  # pragma: no cover - a main dependency; kept for trimmed installs
        raise NotInstalled("PostgreSQL ingest", "adbc-driver-postgresql") from None
    return adbc_driver_manager, adbc_driver_postgresql


class PgConnection:
    """One autocommit session; each statement gets its own ADBC statement handle, closed when done with."""

    def __init__(self, uri: str):
        manager, driver = _modules()
        self._manager = manager
        self._open: dict[int, tuple[Any, pa.RecordBatchReader | None]] = {}  # statements a stream still holds
        self._db = driver.connect(uri)
        try:
            self._conn = manager.AdbcConnection(self._db)  # ADBC connections start in autocommit
        except BaseException:
            self._db.close()
            raise

    def _statement(self, sql: str, options: dict[str, str] | None = None) -> Any:
        stmt = self._manager.AdbcStatement(self._conn)
        try:
            if options:
                stmt.set_options(**options)
            stmt.set_sql_query(sql)
        except BaseException:
            stmt.close()
            raise
        return stmt

    def execute(self, sql: str) -> None:
        """A statement without a result (SET ...)."""
        with contextlib.closing(self._statement(sql)) as stmt:
            stmt.execute_update()

    def schema(self, sql: str) -> pa.Schema:
        """The result schema of ``sql`` without running it."""
        with contextlib.closing(self._statement(sql)) as stmt:
            return pa.schema(stmt.execute_schema())  # the handle's Arrow C schema capsule

    def scalar(self, sql: str) -> Any:
        """The first column of the first row (None when there is no row)."""
        with contextlib.closing(self._statement(sql)) as stmt:
            handle, _ = stmt.execute_query()
            table = pa.RecordBatchReader.from_stream(handle).read_all()
        return table.column(0)[0].as_py() if table.num_rows else None

    def stream(self, sql: str, options: dict[str, str] | None = None) -> tuple[pa.Schema, Batches]:
        """The result of ``sql`` batch by batch; the statement closes when the iterator ends or is closed."""
        stmt = self._statement(sql, options)
        try:
            handle, _ = stmt.execute_query()
            reader = pa.RecordBatchReader.from_stream(handle)  # the handle's Arrow C stream capsule
        except BaseException:
            stmt.close()
            raise
        self._open[id(stmt)] = (stmt, reader)

        def batches() -> Batches:
            try:
                yield from reader
            finally:
                self._release(id(stmt))

        return reader.schema, batches()

    def _release(self, key: int) -> None:
        held = self._open.pop(key, None)  # once: a second close of a statement raises in the driver manager
        if held is None:
            return
        stmt, reader = held
        with contextlib.suppress(Exception):
            if reader is not None:
                reader.close()
        with contextlib.suppress(Exception):
            stmt.close()

    def close(self) -> None:
        """Close any stream not read to its end, then the connection (the driver refuses while one is open)."""
        for key in list(self._open):
            self._release(key)
        for handle in (self._conn, self._db):
            with contextlib.suppress(Exception):
                handle.close()
