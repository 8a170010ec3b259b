"""DSN parsing/redaction and the SELECT-only check: no server needed."""

from __future__ import annotations

import pytest

from lakehouse.errors import InvalidInput
from lakehouse.ingest.db.dsn import parse_dsn, redact_text
from lakehouse.ingest.db.sqlcheck import check_select, table_identifier

CANARY = "Canary-7f3a!pw"


def test_url_dsn_with_secret_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAKEHOUSE_SECRET_PG", CANARY)
    dsn = parse_dsn("postgresql://alice:env:LAKEHOUSE_SECRET_PG@db.example:6543/sales", "postgresql")
    assert (dsn.user, dsn.host, dsn.port, dsn.database, dsn.password) == ("alice", "db.example", 6543, "sales", CANARY)
    assert dsn.redacted == "postgresql://alice:***@db.example:6543/sales"
    assert CANARY not in repr(dsn) and CANARY not in str(dsn)
    assert dsn.scrub(f"failed for {dsn.url()} and {CANARY}").count(CANARY) == 0


def test_key_value_dsn_and_clear_password_are_redacted() -> None:
    text = f"host=127.0.0.1 port=5432 user=bob password='{CANARY}' dbname=app"
    dsn = parse_dsn(text, "postgresql")
    assert dsn.password == CANARY and dsn.database == "app"
    assert CANARY not in redact_text(text)
    for scheme in ("mysql", "mariadb", "postgres", "redis", "anything+driver"):
        assert CANARY not in redact_text(f"x {scheme}://u:{CANARY}@h/db y")


@pytest.mark.parametrize("text, message", [
    ("postgresql://u:env:NOT_OURS@h/db", "LAKEHOUSE_SECRET_"),
    ("postgresql://u:env:LAKEHOUSE_SECRET_UNSET_XYZ@h/db", "not set"),
    ("mysql://u@h/db", "not a postgresql DSN"),
    ("postgresql://u@h", "names no database"),
    ("postgresql://u@h/db?options=-c%20x", "Unsupported DSN parameter"),
    ("", "empty"),
])
def test_bad_dsns(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_dsn(text, "postgresql")


@pytest.mark.parametrize("sql", [
    "SELECT 1", "select a, b from t where a > 3", "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
    "SELECT * FROM a UNION ALL SELECT * FROM b;",
])
def test_selects_pass(sql: str) -> None:
    assert check_select(sql, "postgresql")


@pytest.mark.parametrize("sql", [
    "DELETE FROM t", "INSERT INTO t VALUES (1)", "DROP TABLE t", "UPDATE t SET a = 1", "SELECT 1; DROP TABLE t",
    "SELECT pg_sleep(10)", "SELECT * FROM t FOR UPDATE", "CREATE TABLE x AS SELECT 1", "SELECT 1 INTO new_table",
    "COPY t TO '/tmp/x'", "SET search_path = x", "SELECT pg_read_file('/etc/passwd')",
])
def test_non_selects_are_refused(sql: str) -> None:
    with pytest.raises(InvalidInput):
        check_select(sql, "postgresql")


@pytest.mark.parametrize("sql", ["SELECT LOAD_FILE('/etc/passwd')", "SELECT SLEEP(5)",
                                 "SELECT * FROM t INTO OUTFILE '/tmp/x'", "LOAD DATA LOCAL INFILE 'x' INTO TABLE t"])
def test_mysql_non_selects_are_refused(sql: str) -> None:
    with pytest.raises(InvalidInput):
        check_select(sql, "mysql")


def test_table_identifiers() -> None:
    assert table_identifier("public.orders", "postgresql") == '"public"."orders"'
    assert table_identifier("orders", "mysql") == "`orders`"
    for bad in ("a.b.c", "orders; drop table x", "o'rders", "", "a b"):
        with pytest.raises(InvalidInput):
            table_identifier(bad, "postgresql")
