from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest
from deltalake import write_deltalake

from lakehouse.config import QuerySettings
from lakehouse.query import QueryExecutor, QuerySpec, TableRegistration

CANARY = "CANARY-7f3a9c-do-not-leak"


@pytest.fixture(scope="session")
def executor() -> Iterator[QueryExecutor]:
    ex = QueryExecutor(QuerySettings(workers=2, time_limit_seconds=20))
    try:
        yield ex
    finally:
        ex.close()


@pytest.fixture(scope="session")
def data_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("buckets")


@pytest.fixture(scope="session")
def canary_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A secret outside the data root that no query may ever read."""
    path = tmp_path_factory.mktemp("outside") / "secret.csv"
    path.write_text(f"secret\n{CANARY}\n")
    return path


@pytest.fixture(scope="session")
def people(data_root: Path) -> TableRegistration:
    """Version 0: 3 rows; version 1: 2 more rows appended."""
    uri = str(data_root / "people")
    write_deltalake(uri, pa.table({"id": pa.array([1, 2, 3], pa.int64()), "name": ["ann", "bob", "cy"]}))
    more = pa.table({"id": pa.array([4, 5], pa.int64()), "name": ["dee", "eve"]})
    write_deltalake(uri, more, mode="append")
    return TableRegistration("people", uri, {}, 1)


@pytest.fixture(scope="session")
def numbers(data_root: Path) -> TableRegistration:
    """5,000 rows: a three-way cross join of it runs for many minutes."""
    uri = str(data_root / "numbers")
    write_deltalake(uri, pa.table({"n": pa.array(range(5000), pa.int64())}))
    return TableRegistration("numbers", uri, {}, 0)


def spec(sql: str, *tables: TableRegistration, **kwargs: object) -> QuerySpec:
    return QuerySpec(sql=sql, tables=tuple(tables), **kwargs)  # type: ignore[arg-type]
