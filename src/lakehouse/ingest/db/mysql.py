"""MySQL/MariaDB source: PyMySQL describes, ConnectorX streams (``arrow_stream``, bounded batches).

Chosen by measurement (bench/db_ingest.py): ConnectorX's Rust reader is ~10x PyMySQL's unbuffered
cursor. It holds the GIL while it waits on the server, so it runs in a child process
(``mysql_reader``) that hands the batches over a pipe as an Arrow IPC stream. Its decimal and TIME
decoding is lossy or panics (rust_decimal's 28 digits, negative TIME), so those columns are cast to
text on the server and converted here exactly. Both connections are read-only sessions in UTC with a
statement time limit; PyMySQL runs with LOCAL INFILE disabled, and ConnectorX's client never answers a
LOCAL INFILE request (it has no handler).
"""

from __future__ import annotations

import contextlib
import json
import subprocess
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from lakehouse.errors import NotInstalled
from lakehouse.ingest.db.dsn import Dsn
from lakehouse.ingest.db.failures import source_failure
from lakehouse.ingest.db.mysql_spawn import spawn as _spawn
from lakehouse.ingest.db.mysql_spawn import stop as _stop
from lakehouse.ingest.db.source import COUNT_SECONDS, Mark, Timeouts, iso_literal, progress_size
from lakehouse.ingest.db.sqlcheck import quote_ident
from lakehouse.ingest.db.types import ColumnPlan, decimal_or_text

_UNSIGNED, _ENUM, _SET, _BINARY_CHARSET = 32, 256, 2048, 63
# FIELD_TYPE codes -> (source name, Arrow type); unsigned integers widen in storage/schema.py.
_INTS = {1: ("tinyint", pa.int8(), pa.uint8()), 2: ("smallint", pa.int16(), pa.uint16()),
         9: ("mediumint", pa.int32(), pa.uint32()), 3: ("int", pa.int32(), pa.uint32()),
         8: ("bigint", pa.int64(), pa.uint64())}
_TEXTUAL = {15: "varchar", 253: "varchar", 254: "char", 249: "tinytext", 250: "mediumtext", 251: "longtext",
            252: "text", 247: "enum", 248: "set"}


def _libs() -> tuple[Any, Any]:
    try:
        import connectorx
        import pymysql
    except ImportError as exc:  # pragma: no cover - main dependencies; kept for trimmed installs
        raise NotInstalled("MySQL/MariaDB ingest", exc.name or "connectorx pymysql") from None
    return pymysql, connectorx


def mysql_plan(name: str, type_code: int, flags: int, length: int, scale: int, charset: int) -> ColumnPlan:
    unsigned = bool(flags & _UNSIGNED)
    if type_code in _INTS:
        label, signed_type, unsigned_type = _INTS[type_code]
        if type_code == 1 and length == 1:
            return ColumnPlan(name, name, "tinyint(1)", pa.bool_(), convert="bool01")
        return ColumnPlan(name, name, label + (" unsigned" if unsigned else ""),
                          unsigned_type if unsigned else signed_type)
    if type_code in (0, 246):
        precision = length - (1 if scale else 0) - (0 if unsigned else 1)
        label = f"decimal({precision},{scale})"
        arrow, convert, note = decimal_or_text(label, precision, scale)
        return ColumnPlan(name, name, label, arrow, True, convert, note)
    simple = {4: ("float", pa.float32()), 5: ("double", pa.float64()), 13: ("year", pa.int16()),
              10: ("date", pa.date32()), 14: ("date", pa.date32()), 12: ("datetime", pa.timestamp("us")),
              16: ("bit", pa.binary())}
    if type_code in simple:
        label, arrow = simple[type_code]
        return ColumnPlan(name, name, label, arrow)
    if type_code == 7:
        return ColumnPlan(name, name, "timestamp", pa.timestamp("us", tz="UTC"), convert="utc")
    if type_code == 11:
        return ColumnPlan(name, name, "time", pa.string(), True, "text",
                          "time kept as string ([-]HHH:MM:SS[.ffffff]; MySQL TIME is a duration)")
    if type_code == 245:
        return ColumnPlan(name, name, "json", pa.string(), True, "text")
    if type_code in _TEXTUAL or type_code in (249, 250, 251, 252):
        if charset == _BINARY_CHARSET:
            label = {15: "varbinary", 253: "varbinary", 254: "binary"}.get(type_code, "blob")
            return ColumnPlan(name, name, label, pa.binary())
        label = "enum" if flags & _ENUM else "set" if flags & _SET else _TEXTUAL[type_code]
        return ColumnPlan(name, name, label, pa.string())
    return ColumnPlan(name, name, f"type {type_code}", pa.string(), True, "text",
                      f"unsupported MySQL type code {type_code}: cast to text")


class MySqlSource:
    system = "mysql"

    def __init__(self, dsn: Dsn, timeouts: Timeouts, batch_rows: int = 65_536,
                 reader: subprocess.Popen[bytes] | None = None):
        """``reader``: a reader child already spawned (``mysql_spawn.spawn``); this source owns it from here."""
        self.dsn = dsn
        self._timeouts = timeouts
        self._batch_rows = batch_rows
        self._children: list[subprocess.Popen[bytes]] = []
        self._spare: subprocess.Popen[bytes] | None = reader
        pymysql, _ = _libs()
        try:
            self._conn = pymysql.connect(
                host=dsn.host, port=dsn.port, user=dsn.user, password=dsn.password or "", database=dsn.database,
                connect_timeout=timeouts.connect_seconds, read_timeout=timeouts.statement_seconds,
                write_timeout=timeouts.statement_seconds, local_infile=False, autocommit=True, charset="utf8mb4",
            )
            with self._conn.cursor() as cur:
                cur.execute("SELECT VERSION()")
                self.mariadb = "mariadb" in str(cur.fetchone()[0]).lower()
                for statement in self.session_statements():
                    cur.execute(statement)
        except Exception as exc:
            if reader is not None:
                _stop(reader)
            raise source_failure(exc, dsn, "connecting") from None
        self._spare = self._spare or _spawn()  # its start-up overlaps with planning the read

    def session_statements(self) -> list[str]:
        seconds = int(self._timeouts.statement_seconds)
        limit = (f"SET SESSION max_statement_time = {seconds}" if self.mariadb
                 else f"SET SESSION max_execution_time = {seconds * 1000}")
        return ["SET SESSION TRANSACTION READ ONLY", "SET time_zone = '+00:00'", limit]

    def quote(self, name: str) -> str:
        return quote_ident(name, "mysql")

    def describe(self, select_sql: str) -> list[ColumnPlan]:
        try:
            with self._conn.cursor() as cur:
                cur.execute(f"SELECT * FROM ({select_sql}) AS lh_src LIMIT 0")  # noqa: S608 - validated
                fields = cur._result.fields  # the raw column definitions carry the unsigned flag and charset
        except Exception as exc:
            raise source_failure(exc, self.dsn, "reading the schema") from None
        return [mysql_plan(f.name, f.type_code, f.flags, f.length, f.scale, f.charsetnr) for f in fields]

    def projection(self, plans: Sequence[ColumnPlan]) -> str:
        return ", ".join(
            f"CAST({self.quote(p.source_name)} AS CHAR) AS {self.quote(p.source_name)}" if p.text_cast
            else self.quote(p.source_name)
            for p in plans
        )

    def literal(self, value: Mark, plan: ColumnPlan) -> str:
        text = iso_literal(value)
        if isinstance(value, datetime):
            return f"TIMESTAMP '{text}'"
        if isinstance(value, date):
            return f"DATE '{text}'"
        return text

    def expected_rows(self, table: str | None, count_sql: str) -> tuple[int | None, bool]:
        return progress_size(lambda: self._estimate(table), lambda: self._count(count_sql))

    def _estimate(self, table: str | None) -> int | None:
        if table is None:
            return None
        *schema, name = [part.strip("`").replace("``", "`") for part in table.split("`.`")]
        with self._conn.cursor() as cur:
            cur.execute("SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_NAME = %s AND "
                        "TABLE_SCHEMA = COALESCE(%s, DATABASE())", (name, schema[0] if schema else None))
            row = cur.fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def _count(self, count_sql: str) -> int:
        hint = f"/*+ MAX_EXECUTION_TIME({COUNT_SECONDS * 1000}) */"
        with self._conn.cursor() as cur:
            cur.execute(f"SET STATEMENT max_statement_time = {COUNT_SECONDS} FOR {count_sql}" if self.mariadb
                        else count_sql.replace("SELECT", f"SELECT {hint}", 1))
            return int(cur.fetchone()[0])

    def stream(self, select_sql: str) -> pa.RecordBatchReader:
        _libs()
        job = {"url": self.dsn.url("mysql"), "sql": select_sql, "batch_rows": self._batch_rows,
               "session": self.session_statements()}
        child, self._spare = self._spare or _spawn(), None
        self._children.append(child)
        assert child.stdin is not None and child.stdout is not None
        try:
            child.stdin.write(json.dumps(job).encode() + b"\n")
            child.stdin.close()
            reader = pa.ipc.open_stream(child.stdout)
        except (OSError, pa.ArrowInvalid) as exc:
            raise source_failure(_child_error(child, exc), self.dsn, "starting the read") from None

        def batches() -> Iterator[pa.RecordBatch]:
            try:
                yield from reader
            except (OSError, pa.ArrowInvalid) as exc:
                raise source_failure(_child_error(child, exc), self.dsn, "reading") from None
            # a reader that died between two batches looks like a clean end: only its exit status tells
            if child.wait() != 0:
                raise source_failure(_child_error(child, None), self.dsn, "reading") from None

        return pa.RecordBatchReader.from_batches(reader.schema, _closing(batches(), child))

    def close(self) -> None:
        for child in [*self._children, *([self._spare] if self._spare else [])]:
            _stop(child)
        with contextlib.suppress(Exception):
            self._conn.close()




def _closing(batches: Iterator[pa.RecordBatch], child: subprocess.Popen[bytes]) -> Iterator[pa.RecordBatch]:
    try:
        yield from batches
    finally:
        _stop(child)


def _child_error(child: subprocess.Popen[bytes], exc: BaseException | None) -> Exception:
    """The reader's own message (ConnectorX's), else what the pipe said; scrubbed by the caller."""
    try:
        child.wait(timeout=5)  # a pipe error usually means it is exiting with its message
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    lines = child.stderr.read().decode(errors="replace").strip().splitlines() if child.stderr else []
    text = lines[-1] if lines else ""
    if not text:
        text = f"the reader stopped (exit status {child.returncode})" if exc is None else str(exc)
    return RuntimeError(text)
