"""PostgreSQL source over ADBC (libpq, binary COPY straight into Arrow batches).

Chosen by measurement (bench/db_ingest.py): it streams COPY output in bounded batches at ConnectorX's
speed, keeps numeric exact (as text the connector turns into decimals), and needs no row-by-row Python.
The session is read-only with statement and connect timeouts; times are UTC, intervals ISO-8601. The
connection is ADBC's low-level handles (``pg_adbc``), not its DB-API layer, which loads pandas and polars.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime

import pyarrow as pa

from lakehouse.ingest.db.dsn import Dsn
from lakehouse.ingest.db.failures import source_failure
from lakehouse.ingest.db.pg_adbc import PgConnection
from lakehouse.ingest.db.source import COUNT_SECONDS, Mark, Timeouts, iso_literal, progress_size
from lakehouse.ingest.db.sqlcheck import quote_ident
from lakehouse.ingest.db.types import ColumnPlan, postgres_plan

APPLICATION_NAME = "lakehouse-ingest"
_TYPE_KEY, _TYPMOD_KEY = b"POSTGRESQL:type", b"POSTGRESQL:typmod"


class PostgresSource:
    system = "postgresql"

    def __init__(self, dsn: Dsn, timeouts: Timeouts, batch_bytes: int | None = 4 << 20):
        self.dsn = dsn
        self._batch_bytes = batch_bytes
        uri = dsn.url("postgresql", connect_timeout=str(timeouts.connect_seconds),
                      application_name=dict(dsn.params).get("application_name", APPLICATION_NAME))
        try:
            self._conn = PgConnection(uri)
        except Exception as exc:
            raise source_failure(exc, dsn, "connecting") from None
        try:
            self._run(
                "SET default_transaction_read_only = on",
                f"SET statement_timeout = {int(timeouts.statement_seconds) * 1000}",
                "SET idle_in_transaction_session_timeout = 60000",
                "SET TIME ZONE 'UTC'",
                "SET intervalstyle = 'iso_8601'",
            )
        except BaseException:
            self._conn.close()
            raise

    def _run(self, *statements: str) -> None:
        try:
            for statement in statements:
                self._conn.execute(statement)
        except Exception as exc:
            raise source_failure(exc, self.dsn, "connecting") from None

    def quote(self, name: str) -> str:
        return quote_ident(name, "postgresql")

    def describe(self, select_sql: str) -> list[ColumnPlan]:
        try:
            schema = self._conn.schema(f"SELECT * FROM ({select_sql}) AS lh_src")  # noqa: S608
        except Exception as exc:
            raise source_failure(exc, self.dsn, "reading the schema") from None
        plans = []
        for f in schema:
            meta = f.metadata or {}
            typname = meta.get(_TYPE_KEY, b"unknown").decode()
            typmod = int(meta.get(_TYPMOD_KEY, b"-1").decode() or -1)
            plan = postgres_plan(f.name, f.name, typname, typmod, f.type)
            plans.append(replace(plan, driver=pa.string() if plan.text_cast else f.type))
        return plans

    def projection(self, plans: Sequence[ColumnPlan]) -> str:
        return ", ".join(
            f"{self.quote(p.source_name)}::text AS {self.quote(p.source_name)}" if p.text_cast
            else self.quote(p.source_name)
            for p in plans
        )

    def literal(self, value: Mark, plan: ColumnPlan) -> str:
        text = iso_literal(value)
        if isinstance(value, datetime):
            return f"TIMESTAMPTZ '{text}+00'" if plan.convert == "utc" else f"TIMESTAMP '{text}'"
        if not isinstance(value, int) and not hasattr(value, "as_tuple"):
            return f"DATE '{text}'"
        return text

    def expected_rows(self, table: str | None, count_sql: str) -> tuple[int | None, bool]:
        return progress_size(lambda: self._estimate(table), lambda: self._count(count_sql))

    def _estimate(self, table: str | None) -> int | None:
        if table is None:
            return None
        # a validated, quoted identifier: no quote can close the literal
        sql = f"SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('{table}')"  # noqa: S608
        value = self._conn.scalar(sql)
        return int(value) if value is not None and value >= 0 else None

    def _count(self, count_sql: str) -> int:
        previous = self._conn.scalar("SELECT current_setting('statement_timeout')")
        self._conn.execute(f"SET statement_timeout = {COUNT_SECONDS * 1000}")
        try:
            return int(self._conn.scalar(count_sql))
        finally:
            self._conn.execute(f"SET statement_timeout = '{previous}'")

    def stream(self, select_sql: str) -> pa.RecordBatchReader:
        options = {"adbc.postgresql.batch_size_hint_bytes": str(self._batch_bytes)} if self._batch_bytes else None
        try:
            schema, rows = self._conn.stream(select_sql, options)
        except Exception as exc:
            raise source_failure(exc, self.dsn, "starting the read") from None

        def batches() -> Iterator[pa.RecordBatch]:
            try:
                yield from rows
            except Exception as exc:
                raise source_failure(exc, self.dsn, "reading") from None
            finally:
                rows.close()

        return pa.RecordBatchReader.from_batches(schema, batches())

    def close(self) -> None:
        self._conn.close()
