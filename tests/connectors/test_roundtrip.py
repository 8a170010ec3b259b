"""Hypothesis round trips per type family: generated values -> source table -> lakehouse -> SQL == source.

The expected side is what the source server itself returns for the values (read with psycopg/PyMySQL),
never our connector's output.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.connectors.conftest import MySource, PgSource

TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=30)
UTC_TS = st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2200, 1, 1), timezones=st.just(dt.UTC))
PG_FAMILIES: dict[str, tuple[str, st.SearchStrategy[Any]]] = {
    "int8": ("bigint", st.integers(-(2**63), 2**63 - 1)),
    "int2": ("smallint", st.integers(-(2**15), 2**15 - 1)),
    "numeric": ("numeric(18,4)", st.decimals(-(10**14) + 1, 10**14 - 1, places=4, allow_nan=False)),
    "float": ("double precision", st.floats(allow_nan=False, allow_infinity=False)),
    "text": ("text", TEXT),
    "bool": ("boolean", st.booleans()),
    "timestamptz": ("timestamptz", UTC_TS),
    "date": ("date", st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
    "bytea": ("bytea", st.binary(max_size=20)),
    "int_array": ("int[]", st.lists(st.one_of(st.none(), st.integers(-(2**31), 2**31 - 1)), max_size=4)),
}
MY_FAMILIES: dict[str, tuple[str, st.SearchStrategy[Any]]] = {
    "bigint_unsigned": ("bigint unsigned", st.integers(0, 2**64 - 1)),
    "decimal": ("decimal(30,6)", st.decimals(-(10**24) + 1, 10**24 - 1, places=6, allow_nan=False)),
    "double": ("double", st.floats(allow_nan=False, allow_infinity=False)),
    "varchar": ("varchar(40)", st.text(st.characters(codec="utf-8", exclude_categories=["Cs"],
                                                     exclude_characters="\x00"), max_size=30).map(str.rstrip)),
    "bool": ("tinyint(1)", st.booleans()),
    "datetime": ("datetime(6)", st.datetimes(dt.datetime(1000, 1, 1), dt.datetime(9999, 12, 31))),
    "blob": ("blob", st.binary(max_size=20)),
}


def _normal(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value) if abs(value) >= 2**63 else value
    return value


def _lake(lakehouse: Any, dataset: str) -> list[Any]:
    table = lakehouse.sql(f"SELECT v FROM {dataset} ORDER BY k").table
    return [_normal(v) for v in table.column("v").to_pylist()]


@pytest.mark.parametrize("family", sorted(PG_FAMILIES))
def test_postgres_round_trip(lakehouse, pg: PgSource, family: str) -> None:  # type: ignore[no-untyped-def]
    sql_type, values = PG_FAMILIES[family]
    pg.execute(f"CREATE TABLE rt (k int, v {sql_type})")

    @settings(max_examples=6)
    @given(st.lists(st.one_of(st.none(), values), min_size=1, max_size=8))
    def check(rows: list[Any]) -> None:
        import psycopg

        pg.execute("TRUNCATE rt")
        pg.insert("rt", ["k", "v"], list(enumerate(rows)))
        with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres") as conn:
            expected = [_normal(r[0]) for r in conn.execute(f"SELECT v FROM {pg.table('rt')} ORDER BY k")]
        job = lakehouse.ingest_postgres(pg.dsn, "rt", table=pg.table("rt"), mode="overwrite")
        assert job.status == "succeeded", job.error
        assert _lake(lakehouse, "rt") == expected

    check()


@pytest.mark.parametrize("family", sorted(MY_FAMILIES))
def test_mysql_round_trip(lakehouse, my: MySource, family: str) -> None:  # type: ignore[no-untyped-def]
    sql_type, values = MY_FAMILIES[family]
    my.execute(f"CREATE TABLE rt (k int, v {sql_type})")

    @settings(max_examples=6)
    @given(st.lists(st.one_of(st.none(), values), min_size=1, max_size=8))
    def check(rows: list[Any]) -> None:
        my.execute("TRUNCATE rt")
        my.insert("rt", ["k", "v"], list(enumerate(rows)))
        conn = my.connect()
        with conn.cursor() as cur:
            cur.execute("SELECT v FROM rt ORDER BY k")
            expected = [_normal(bool(r[0]) if family == "bool" and r[0] is not None else r[0])
                        for r in cur.fetchall()]
        conn.close()
        job = lakehouse.ingest_mysql(my.dsn, "rt", table="rt", mode="overwrite")
        assert job.status == "succeeded", job.error
        assert _lake(lakehouse, "rt") == expected

    check()
