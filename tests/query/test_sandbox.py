"""Escape attempts: each is refused (QueryRefused) or fails in the engine (QueryError), and the canary
file's content never shows up in a result, a message or a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakehouse.errors import LakehouseError, QueryError, QueryRefused
from lakehouse.query import QueryExecutor, TableRegistration
from tests.query.conftest import CANARY, spec

REFUSED = [
    "COPY people TO '{out}'",
    "COPY (SELECT * FROM people) TO '{out}' STORED AS CSV",
    "CREATE EXTERNAL TABLE leak STORED AS CSV LOCATION '{canary}'",
    "CREATE EXTERNAL TABLE leak STORED AS CSV LOCATION '/etc/passwd'",
    "CREATE EXTERNAL TABLE leak (a VARCHAR) STORED AS PARQUET LOCATION 's3://bucket/x/'",
    "CREATE TABLE t2 AS SELECT * FROM people",
    "CREATE VIEW v AS SELECT * FROM people",
    "INSERT INTO people VALUES (9, 'mallory')",
    "DELETE FROM people",
    "UPDATE people SET name = 'x'",
    "DROP TABLE people",
    "SET datafusion.execution.batch_size = 1",
    "SET datafusion.catalog.information_schema = true",
    "SELECT 1; SELECT * FROM people",
    "SELECT * FROM people; COPY people TO '{out}'",
    "SELECT * FROM read_csv('{canary}')",
    "SELECT * FROM read_parquet('s3://bucket/data.parquet')",
    "SELECT * FROM read_json('http://example.com/data.json')",
    "SELECT * FROM parquet_metadata('{canary}')",
    "SELECT * FROM '{canary}'",
    "SELECT * FROM 'file://{canary}'",
    'SELECT * FROM "file://{canary}"',
    "SELECT * FROM 's3://bucket/secret.parquet'",
    "SELECT * FROM 'http://127.0.0.1:1/secret.csv'",
    'SELECT * FROM "../outside/secret.csv"',
    'SELECT * FROM "../../../../etc/passwd"',
    "SELECT * FROM information_schema.tables",
    "SELECT * FROM information_schema.df_settings",
    "SHOW TABLES",
    "SHOW ALL",
    "DESCRIBE people",
    "EXPLAIN SELECT * FROM people",
    "PREPARE p AS SELECT * FROM people",
    "WITH x AS (SELECT 1) INSERT INTO people SELECT 1, 'a'",
    "SELECT read_csv('{canary}')",
]

ENGINE_ERRORS = [
    "SELECT * FROM secret",
    "SELECT * FROM datafusion.public.secret",
    "SELECT * FROM other_catalog.public.people",
    "ATTACH '{canary}' AS leak",
    "LOAD 'httpfs'",
    "SELECT pg_read_file('{canary}')",
]


def _render(sql: str, canary: Path, tmp: Path) -> str:
    return sql.format(canary=canary, out=tmp / "out.csv")


def _assert_no_leak(exc: LakehouseError) -> None:
    body = f"{exc.message} {exc.hint} {exc.details}"
    assert CANARY not in body


@pytest.mark.parametrize("sql", REFUSED)
def test_escape_is_refused(sql: str, executor: QueryExecutor, people: TableRegistration,
                           canary_file: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryRefused) as caught:
        executor.run(spec(_render(sql, canary_file, tmp_path), people))
    assert caught.value.http_status == 400
    assert caught.value.message
    _assert_no_leak(caught.value)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("sql", ENGINE_ERRORS)
def test_escape_fails_in_engine(sql: str, executor: QueryExecutor, people: TableRegistration,
                                canary_file: Path, tmp_path: Path) -> None:
    with pytest.raises((QueryError, QueryRefused)) as caught:
        executor.run(spec(_render(sql, canary_file, tmp_path), people))
    assert caught.value.http_status == 400
    _assert_no_leak(caught.value)


def test_corpus_is_large_enough() -> None:
    assert len(REFUSED) + len(ENGINE_ERRORS) >= 30


def test_only_registered_tables_are_visible(executor: QueryExecutor, people: TableRegistration,
                                            numbers: TableRegistration) -> None:
    with pytest.raises(QueryError) as caught:
        executor.run(spec("SELECT * FROM numbers", people))
    assert "not found" in caught.value.message
    assert caught.value.hint is not None and "catalog datasets" in caught.value.hint
    assert "people" in caught.value.hint


def test_view_hides_its_base_table(executor: QueryExecutor, people: TableRegistration) -> None:
    from lakehouse.query import ViewRegistration

    hidden = TableRegistration("__base_people", people.uri, {}, people.version)
    view = ViewRegistration("adults", "SELECT id, upper(name) AS name FROM __base_people WHERE id > 3")
    result = executor.run(spec("SELECT * FROM adults ORDER BY id", hidden, views=(view,)))
    assert result.table.to_pylist() == [{"id": 4, "name": "DEE"}, {"id": 5, "name": "EVE"}]


def test_refusal_message_is_clear(executor: QueryExecutor, people: TableRegistration) -> None:
    with pytest.raises(QueryRefused) as caught:
        executor.run(spec("SELECT * FROM read_csv('/etc/passwd')", people))
    assert "read_csv" in caught.value.message
    with pytest.raises(QueryRefused) as caught:
        executor.run(spec("SELECT 1; SELECT 2", people))
    assert "2 statements" in caught.value.message


@pytest.mark.parametrize("sql, says", [
    ("SELCT * FROM people", "SQL syntax error at line 1, column 1: expected: an SQL statement, found: SELCT"),
    ("SELECT 'open FROM people", "SQL syntax error at line 1, column 8: unterminated string literal"),
    ('SELECT "open FROM people', "SQL syntax error at line 1, column 8: expected close delimiter '\"'"),
])
def test_a_syntax_error_says_where_and_what_not_the_parser_s_debug_output(
        sql: str, says: str, executor: QueryExecutor, people: TableRegistration) -> None:
    with pytest.raises(QueryError) as caught:
        executor.run(spec(sql, people))
    assert caught.value.message.startswith(says) and "ParserError" not in caught.value.message
    assert "DataFusion" in (caught.value.hint or "")
