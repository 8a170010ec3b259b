"""The daft engine over governed relations: the same rows as DataFusion for masked columns, row filters and
tombstoned keys (and masked values checked against an independent hmac/pyarrow copy), the sandbox (files,
URLs, DDL, other tables), and the bad input the issue names: a reader asking for daft (403), a statement
Daft cannot run (400 naming the construct), an unknown engine (422 listing the engines)."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest
from fastapi.testclient import TestClient

from lakehouse.app import Lakehouse
from lakehouse.errors import Forbidden, InvalidInput, QueryError, QueryRefused
from lakehouse.types import Actor
from tests.governance.conftest import open_lakehouse, principal
from tests.query.daft_compare import assert_same_rows

pytest.importorskip("daft")


def _people(n: int = 400) -> pa.Table:
    return pa.table({
        "id": pa.array(range(n), pa.int64()),
        "email": [None if i % 41 == 0 else f"user{i % 37}@mail{i % 5}.org" for i in range(n)],
        "age": pa.array([(i * 7) % 90 for i in range(n)], pa.int64()),
        "score": [((i * 13) % 100) / 4 - 5 for i in range(n)],
        "city": [f"c{i % 4}" for i in range(n)],
        "note": [f"call +1 415 555 {i:04d} or write x{i}@corp.com" for i in range(n)],
        "joined": pa.array([18000 + i for i in range(n)], pa.int32()).cast(pa.date32()),
    })


@pytest.fixture(scope="module")
def lh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lakehouse]:
    lake = open_lakehouse(tmp_path_factory.mktemp("daft") / "data")
    lake.write_table("people", _people())
    lake.write_table("orders", pa.table({"person": pa.array([i % 60 for i in range(300)], pa.int64()),
                                         "amount": [float(i % 17) for i in range(300)]}))
    lake.create_view({
        "name": "safe_people", "base_dataset": "people", "columns": ["id", "email", "age", "score", "city", "note",
                                                                     "joined"],
        "row_filter": "age >= 18 AND lower(city) IN ('c0', 'c1', 'c2') AND substring(city, 2, 1) <> '9'",
        "column_redactions": {"email": {"kind": "mask", "keep_prefix": 2, "keep_suffix": 3},
                              "id": {"kind": "hash"}, "age": {"kind": "bucket", "width": 10},
                              "score": {"kind": "bucket", "width": 2.5}, "note": {"kind": "entities"},
                              "joined": {"kind": "hash"}},
    })
    lake.create_view({"name": "emails_only", "base_dataset": "people", "columns": ["id", "email"],
                      "column_redactions": {"email": {"kind": "null"}}})
    lake.tombstone("people", "id", [3, 5, 8, 13, 21, 34], "erasure")
    try:
        yield lake
    finally:
        lake.close()


GOVERNED = [
    "SELECT * FROM safe_people",
    "SELECT city, count(*) AS n, sum(score) AS s FROM safe_people GROUP BY city",
    "SELECT age, count(*) AS n FROM safe_people WHERE email LIKE 'us%' GROUP BY age",
    "SELECT count(*) AS n FROM safe_people WHERE id = (SELECT max(id) FROM safe_people)",
    "SELECT id, email FROM emails_only WHERE id < 40",
    "SELECT count(*) AS n FROM people WHERE id IN (3, 5, 8, 13, 21, 34)",
    "SELECT p.id, sum(o.amount) AS total FROM people p JOIN orders o ON p.id = o.person GROUP BY p.id",
    "SELECT s.city, count(*) AS n FROM safe_people s JOIN safe_people t ON s.id = t.id GROUP BY s.city",
]


@pytest.mark.parametrize("sql", GOVERNED)
def test_governed_relations_answer_alike_on_both_engines(lh: Lakehouse, writer: Actor, sql: str) -> None:
    want = lh.sql(sql, actor=writer).table
    got = lh.sql(sql, engine="daft", actor=writer).table
    assert got.num_rows > 0 or sql.startswith("SELECT count(*) AS n FROM people")
    assert_same_rows(got, want)


def test_masks_row_filter_and_tombstones_match_an_independent_copy(lh: Lakehouse, writer: Actor) -> None:
    raw = _people().to_pylist()
    secret = lh.governance.secret
    erased = {3, 5, 8, 13, 21, 34}
    kept = [r for r in raw if r["id"] not in erased and r["age"] >= 18 and r["city"] in ("c0", "c1", "c2")]
    rows = lh.sql("SELECT id, email, age, joined FROM safe_people", engine="daft", actor=writer).table.to_pylist()
    digest = {hmac.new(secret, str(r["id"]).encode(), hashlib.sha256).hexdigest(): r for r in kept}
    assert {r["id"] for r in rows} == set(digest)
    for row in rows:
        source = digest[row["id"]]
        email = source["email"]
        assert row["email"] == (None if email is None else email[:2] + "*" * (len(email) - 5) + email[-3:])
        assert row["age"] == source["age"] // 10 * 10
        assert row["joined"] == hmac.new(secret, source["joined"].isoformat().encode(), hashlib.sha256).hexdigest()
    notes = lh.sql("SELECT note FROM safe_people", engine="daft", actor=writer).table.column("note").to_pylist()
    assert notes and all(n == "call [PHONE] or write [EMAIL]" for n in notes)
    count = lh.sql("SELECT count(*) AS n FROM people WHERE id IN (3, 5, 8)", engine="daft", actor=writer)
    assert count.table.to_pylist() == [{"n": 0}]


def test_as_of_and_row_cap(lh: Lakehouse) -> None:
    before = lh.sql("SELECT count(*) AS n FROM orders", as_of={"orders": 0}, engine="daft").table.to_pylist()
    assert before == [{"n": 300}]
    capped = lh.sql("SELECT * FROM orders", max_rows=7, engine="daft")
    assert capped.table.num_rows == 7 and capped.truncated
    reader = lh.sql_stream("SELECT * FROM orders WHERE amount > 3", engine="daft")
    assert reader.read_all().num_rows == sum(1 for i in range(300) if i % 17 > 3)


def test_reader_and_agent_may_not_use_daft(lh: Lakehouse) -> None:
    for role in ("reader", "agent"):
        actor, _ = principal(lh, f"{role}-daft", role, view=["safe_people"])
        with pytest.raises(Forbidden, match="admin or writer"):
            lh.sql("SELECT count(*) FROM safe_people", engine="daft", actor=actor)
        assert lh.sql("SELECT count(*) AS n FROM safe_people", actor=actor).table.num_rows == 1


def test_unknown_engine_lists_the_engines(lh: Lakehouse) -> None:
    with pytest.raises(InvalidInput) as caught:
        lh.sql("SELECT 1", engine="spark")
    assert caught.value.hint is not None and "datafusion" in caught.value.hint and "daft" in caught.value.hint


@pytest.mark.parametrize(("sql", "construct"), [
    ("SELECT substring(city FROM 1 FOR 1) FROM people", "SUBSTRING(expr [FROM start] [FOR len])"),
    ("SELECT id FROM people p WHERE EXISTS (SELECT 1 FROM orders o WHERE o.person = p.id AND o.amount > p.age)",
     "correlated subquery"),
])
def test_a_statement_daft_cannot_run_is_a_400_naming_it(lh: Lakehouse, sql: str, construct: str) -> None:
    with pytest.raises(QueryError) as caught:
        lh.sql(sql, engine="daft")
    assert caught.value.http_status == 400 and construct in caught.value.message
    assert caught.value.hint is not None and "datafusion" in caught.value.hint


@pytest.mark.parametrize("sql", [
    "SELECT url_download('file:///etc/passwd') AS x",
    "SELECT file('/etc/passwd') AS x",
    "SELECT * FROM read_parquet('/etc/passwd')",
    "SELECT * FROM people; SELECT 1",
    "DESCRIBE people",
    "SET daft.x = 1",
    "CREATE TABLE t AS SELECT 1",
    "SELECT * FROM __raw__people",
])
def test_sandbox_refuses_files_urls_and_statements(lh: Lakehouse, writer: Actor, sql: str, canary: Path) -> None:
    with pytest.raises((QueryRefused, QueryError)) as caught:
        lh.sql(sql.replace("/etc/passwd", str(canary)), engine="daft", actor=writer)
    assert "CANARY" not in caught.value.message


def test_params_are_refused_by_name(lh: Lakehouse) -> None:
    with pytest.raises(QueryError, match="parameters"):
        lh.sql("SELECT * FROM orders WHERE person = $p", params={"p": 1}, engine="daft")


def test_http_engine_field_access_and_audit(lh: Lakehouse, tmp_path: Path) -> None:
    from lakehouse.api.app import create_app

    lake = open_lakehouse(tmp_path / "data", auth={"mode": "token"})
    try:
        lake.write_table("t", pa.table({"x": [1, 2, 3]}))
        _, reader = principal(lake, "rd", "reader", dataset=["t"])
        _, writer = principal(lake, "wr", "writer", dataset=["t"])
        with TestClient(create_app(lake), raise_server_exceptions=False) as client:
            def post(token: str, **body: object):  # type: ignore[no-untyped-def]
                return client.post("/query/sql", json={"sql": "SELECT sum(x) AS s FROM t", **body},
                                   headers={"Authorization": f"Bearer {token}"})

            assert post(reader, engine="daft").status_code == 403
            assert post(reader, engine="daft").json()["error"]["code"] == "forbidden"
            unknown = post(writer, engine="duckdb")
            assert unknown.status_code == 422 and "daft" in unknown.json()["error"]["hint"]
            ok = post(writer, engine="daft")
            assert ok.status_code == 200 and ok.json()["rows"] == [[6]]
            bad = post(writer, engine="daft", sql="SELECT substring(CAST(x AS VARCHAR) FROM 1 FOR 1) FROM t")
            assert bad.status_code == 400 and "SUBSTRING" in bad.json()["error"]["message"]
            arrow = post(writer, engine="daft", format="arrow")
            assert arrow.status_code == 200 and pa.ipc.open_stream(arrow.content).read_all().num_rows == 1
        audit = lake.audit_events(action="query.sql")
        assert any("engine:daft" in (a["objects"] or []) for a in audit)
    finally:
        lake.close()


@pytest.fixture(scope="module")
def canary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("outside") / "canary.parquet"
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"secret": ["CANARY-daft-never-leak"]}), path)
    return path


@pytest.fixture(scope="module")
def writer(lh: Lakehouse) -> Actor:
    actor, _ = principal(lh, "daft-writer", "writer", view=["safe_people", "emails_only"],
                         dataset=["people", "orders"])
    return actor


@pytest.mark.s3
def test_s3_bucket_tables_read_on_daft(tmp_path: Path, s3_bucket_spec: object) -> None:
    """A dataset in an S3 bucket (moto on loopback): Daft reads it with the bucket's credentials and endpoint,
    tombstones and a view's mask applied, at a pinned version."""
    lake = open_lakehouse(tmp_path / "data")
    try:
        lake.add_bucket(s3_bucket_spec)
        lake.write_table("remote", pa.table({"id": [1, 2, 3, 4], "email": ["a@x.org", "b@y.org", "c@z.org", None]}),
                         bucket="s3test")
        lake.write_table("remote", pa.table({"id": [5], "email": ["e@w.org"]}), bucket="s3test")
        lake.tombstone("remote", "id", [2], "erasure")
        lake.create_view({"name": "remote_v", "base_dataset": "remote", "columns": ["id", "email"],
                          "row_filter": "id <> 4", "column_redactions": {"email": {"kind": "mask", "keep_prefix": 1}}})
        for sql in ["SELECT * FROM remote", "SELECT * FROM remote_v", "SELECT count(*) AS n FROM remote"]:
            assert_same_rows(lake.sql(sql, engine="daft").table, lake.sql(sql).table)
        masked = lake.sql("SELECT email FROM remote_v WHERE id = 1", engine="daft").table.to_pylist()
        assert masked == [{"email": "a******"}]
        first = lake.sql("SELECT count(*) AS n FROM remote", as_of={"remote": 0}, engine="daft").table.to_pylist()
        assert first == [{"n": 3}]
    finally:
        lake.close()


FILTERS = [
    "length(email) > 15", "trim(city) = 'c1'", "upper(city) = 'C2'", "coalesce(email, 'none') = 'none'",
    "abs(score) < 3", "CAST(age AS VARCHAR) LIKE '1%'", "email ILIKE 'USER1%'", "age BETWEEN 20 AND 40",
    "email IS NULL OR NOT (age % 3 = 0)", "substring(email, 3, 2) = 'er'", "score * 2 - 1 >= age / 10",
    "city IN ('c0', 'c3') AND email NOT LIKE '%mail1%'",
]


@pytest.mark.parametrize("row_filter", FILTERS)
def test_every_row_filter_construct_selects_the_same_rows(lh: Lakehouse, row_filter: str) -> None:
    """A row filter is a governance boundary: on Daft it must keep exactly DataFusion's rows."""
    name = f"f_{FILTERS.index(row_filter)}"
    lh.create_view({"name": name, "base_dataset": "people", "columns": ["id", "email", "age"],
                    "row_filter": row_filter})
    sql = f"SELECT id, email, age FROM {name}"
    want = lh.sql(sql).table
    assert 0 < want.num_rows < 400 - 6
    assert_same_rows(lh.sql(sql, engine="daft").table, want)


def test_the_time_limit_stops_a_daft_statement(tmp_path: Path) -> None:
    """The executor's guarantee holds for Daft too: at the deadline the worker is killed and the caller gets 408."""
    from lakehouse.errors import QueryTimeout

    lake = open_lakehouse(tmp_path / "data", query={"workers": 1, "time_limit_seconds": 2})
    try:
        lake.write_table("n", pa.table({"x": list(range(3000))}))
        with pytest.raises(QueryTimeout):
            lake.sql("SELECT count(*) AS c FROM n a, n b, n c WHERE a.x + b.x + c.x = -1", engine="daft")
    finally:
        lake.close()


def test_a_query_worker_keeps_the_daft_runner_its_first_statement_set() -> None:
    """Daft's runner is process-wide and set once: a worker that runs Daft locally refuses a statement for the
    Ray cluster with our error (in a child process: the runner would stay set in this one)."""
    import subprocess
    import sys

    code = ("from lakehouse.errors import QueryError\n"
            "from lakehouse.query.daft_engine import DaftEngine\n"
            "engine = DaftEngine()\n"
            "engine._use_runner(None)\n"
            "engine._use_runner(None)\n"
            "try:\n"
            "    engine._use_runner('10.0.0.5:6379')\n"
            "except QueryError as exc:\n"
            "    print(exc.message, '|', exc.hint)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert "runs Daft on its local runner, not on the Ray cluster at 10.0.0.5:6379" in out.stdout
    assert "Restart the lakehouse after changing compute.engine" in out.stdout
