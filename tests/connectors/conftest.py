from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.services import MYSQL_HOST, MYSQL_PORT, mysql_database, postgres_schema


@dataclass
class PgSource:
    dsn: str
    schema: str

    def execute(self, *statements: str, params: Any = None) -> None:
        import psycopg

        with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f'SET search_path = "{self.schema}"')
            for statement in statements:
                conn.execute(statement, params)

    def insert(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        import psycopg

        with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f'SET search_path = "{self.schema}"')
            with conn.cursor() as cur:
                marks = ", ".join(["%s"] * len(columns))
                cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def table(self, name: str) -> str:
        return f"{self.schema}.{name}"


@dataclass
class MySource:
    database: str

    @property
    def dsn(self) -> str:
        return f"mysql://root@{MYSQL_HOST}:{MYSQL_PORT}/{self.database}"

    def connect(self, **kw: Any) -> Any:
        import pymysql

        return pymysql.connect(host=MYSQL_HOST, port=MYSQL_PORT, user="root", database=self.database,
                               autocommit=True, **kw)

    def execute(self, *statements: str) -> None:
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                for statement in statements:
                    cur.execute(statement)
        finally:
            conn.close()

    def insert(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        conn = self.connect()
        try:
            with conn.cursor() as cur:
                marks = ", ".join(["%s"] * len(columns))
                cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        finally:
            conn.close()


@pytest.fixture
def pg() -> Iterator[PgSource]:
    for dsn, schema in postgres_schema():
        yield PgSource(dsn, schema)


@pytest.fixture
def my() -> Iterator[MySource]:
    for name in mysql_database():
        yield MySource(name)


def rows_of(lakehouse: Any, dataset: str, order_by: str) -> list[dict[str, Any]]:
    """Read the dataset back with a second engine (pyarrow over the Delta files), not our SQL path."""
    from deltalake import DeltaTable

    manifest = lakehouse.get_dataset(dataset)
    uri = lakehouse.buckets.get(manifest.bucket).table_uri(dataset)
    table = DeltaTable(uri).to_pyarrow_table()
    return sorted(table.to_pylist(), key=lambda r: (r[order_by] is None, r[order_by]))


@pytest.fixture
def client(lakehouse) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from lakehouse.api.app import create_app

    with TestClient(create_app(lakehouse), raise_server_exceptions=False) as test_client:
        yield test_client
