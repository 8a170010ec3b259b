"""Dropped connections, bad credentials and the canary password, on both servers and through the API."""

from __future__ import annotations

import json
import logging
import time
import uuid

from lakehouse.errors import SourceError
from tests.api.conftest import assert_error
from tests.connectors.conftest import MySource, PgSource, rows_of

CANARY = "Canary-5be1-pw"


def _wait_for(predicate, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("condition not reached")


def _no_canary(*outputs: object) -> None:
    for output in outputs:
        text = output if isinstance(output, str) else json.dumps(output, default=str)
        assert CANARY not in text, text


def test_postgres_connection_dropped_mid_ingest(lakehouse, pg: PgSource, caplog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import psycopg

    monkeypatch.setenv("LAKEHOUSE_SECRET_CANARY", CANARY)
    caplog.set_level(logging.DEBUG)
    pg.execute("CREATE TABLE base (id int, s text)", "INSERT INTO base SELECT g, 'x' FROM generate_series(1, 5) g",
               "CREATE VIEW slow AS SELECT g AS id, CASE WHEN g = 20000 THEN pg_sleep(30)::text END AS s "
               "FROM generate_series(1, 30000) g")
    dsn = pg.dsn.replace("postgres@", "postgres:env:LAKEHOUSE_SECRET_CANARY@")
    assert lakehouse.ingest_postgres(dsn, "drop_me", table=pg.table("base")).status == "succeeded"
    job = lakehouse.ingest_postgres(dsn, "drop_me", table=pg.table("slow"), wait=False)
    admin = "host=127.0.0.1 user=postgres dbname=postgres"

    def sleeping() -> bool:
        with psycopg.connect(admin, autocommit=True) as conn:
            found = conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                 "application_name = 'lakehouse-ingest' AND wait_event = 'PgSleep'").fetchall()
        return bool(found)

    _wait_for(sleeping)
    finished = lakehouse.wait_job(job.job_id, timeout=30)
    assert finished.status == "failed" and finished.error["code"] == "source_error", finished.error
    manifest = lakehouse.get_dataset("drop_me")
    assert manifest.version == 0 and manifest.row_count == 5 and len(rows_of(lakehouse, "drop_me", "id")) == 5
    _no_canary(finished.model_dump(), [j.model_dump() for j in lakehouse.list_jobs()], manifest.model_dump(),
               caplog.text)


def test_mysql_connection_dropped_mid_ingest(lakehouse, my: MySource, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    # The view sleeps at row 20000: the stream is open and batches have reached the writer when the
    # session is killed. The sleeping session is found by its state and its database, from another one.
    my.execute("CREATE VIEW slow AS SELECT seq AS id, IF(seq = 20000, SLEEP(30), 0) AS s FROM seq_1_to_30000",
               "CREATE TABLE base AS SELECT * FROM slow LIMIT 0", "INSERT INTO base VALUES (1, 0), (2, 0)")
    assert lakehouse.ingest_mysql(my.dsn, "drop_me", table="base").status == "succeeded"
    job = lakehouse.ingest_mysql(my.dsn, "drop_me", table="slow", wait=False, batch_rows=1000)

    def sleeping() -> bool:
        conn = my.connect()
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = %s AND STATE = 'User sleep' "
                            "AND ID <> CONNECTION_ID()", (my.database,))
                ids = [row[0] for row in cur.fetchall()]
                for session in ids:
                    cur.execute(f"KILL CONNECTION {int(session)}")
        finally:
            conn.close()
        return bool(ids)

    _wait_for(sleeping)
    finished = lakehouse.wait_job(job.job_id, timeout=30)
    assert finished.status == "failed" and finished.error["code"] == "source_error", finished.error
    assert "lost" in finished.error["message"], finished.error
    manifest = lakehouse.get_dataset("drop_me")
    assert manifest.version == 0 and manifest.row_count == 2 and len(rows_of(lakehouse, "drop_me", "id")) == 2


def test_mysql_types_incremental_and_killed_connection(lakehouse, my: MySource, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    my.execute("CREATE TABLE t (id bigint unsigned PRIMARY KEY, flag tinyint(1), amount decimal(10,2), "
               "wide decimal(40,4), note varchar(20), e enum('a','b'), at datetime(6), ts timestamp(6) NULL, "
               "d date, tm time, bin varbinary(4), j json)",
               "INSERT INTO t VALUES (18446744073709551615, 1, 12.34, 123456789012345678901234567890123.1234, 'héllo', "
               "'b', '2024-01-02 03:04:05.5', '2024-01-02 03:04:05', '2024-01-02', '-01:02:03', x'00ff', '{\"a\":1}')",
               "INSERT INTO t (id) VALUES (1)")
    job = lakehouse.ingest_mysql(my.dsn, "my_t", table="t", incremental_column="id")
    assert job.status == "succeeded", job.error
    rows = rows_of(lakehouse, "my_t", "id")
    top = rows[1]
    assert str(top["id"]) == "18446744073709551615" and top["flag"] is True and str(top["amount"]) == "12.34"
    assert top["wide"] == "123456789012345678901234567890123.1234" and top["note"] == "héllo" and top["e"] == "b"
    assert top["tm"] == "-01:02:03" and top["bin"] == b"\x00\xff" and top["d"].isoformat() == "2024-01-02"
    assert top["ts"].isoformat() == "2024-01-02T03:04:05+00:00"
    assert top["at"].isoformat() == "2024-01-02T03:04:05.500000"
    assert all(v is None for k, v in rows[0].items() if k != "id")
    assert {c.name: c.source_type for c in lakehouse.get_dataset("my_t").columns}["flag"] == "tinyint(1)"
    my.execute("INSERT INTO t (id, flag) VALUES (5, 0)")
    again = lakehouse.ingest_mysql(my.dsn, "my_t", table="t", incremental_column="id")
    assert again.result["rows"] == 0  # 5 is below the mark (the unsigned max): an id mark only moves up
    # tinyint(1) holding 7: the boolean reading fails the run, naming the column
    my.execute("CREATE TABLE flags (id int, f tinyint(1))", "INSERT INTO flags VALUES (1, 0), (2, 7)")
    bad = lakehouse.ingest_mysql(my.dsn, "flags", table="flags")
    assert bad.status == "failed" and "'f'" in bad.error["message"]


def test_canary_never_leaks_through_api(client, my: MySource, pg: PgSource, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    user = f"lh_{uuid.uuid4().hex[:8]}"
    my.execute(f"CREATE USER '{user}'@'%' IDENTIFIED BY 'the-right-one'")
    try:
        wrong = f"mysql://{user}:{CANARY}@127.0.0.1:3306/{my.database}"
        responses = [
            client.post("/ingest/mysql?wait=true", json={"dsn": wrong, "dataset": "c1", "table": "t"}),
            client.post("/ingest/mysql", json={"dsn": wrong.replace(":3306", ":1"), "dataset": "c1", "table": "t"}),
            client.post("/ingest/db", json={"dsn": pg.dsn.replace("postgres@", f"postgres:{CANARY}@"),
                                            "dataset": "c2", "table": pg.table("nope")}),
            client.post("/ingest/db", json={"dsn": f"host=127.0.0.1 password={CANARY} dbname=postgres",
                                            "dataset": "c2", "query": "DROP TABLE x"}),
            client.post("/ingest/db", json={"dsn": f"postgresql://u:{CANARY}@h/db", "dataset": "c2",
                                            "table": "t", "mode": "sideways"}),
        ]
        codes = [r.status_code for r in responses]
        assert codes == [502, 503, 404, 422, 422], [r.text for r in responses]
        assert_error(responses[0], 502, "source_error", "refused the credentials")
        pg.execute("CREATE TABLE ok (id int)", "INSERT INTO ok VALUES (1)")
        dsn = pg.dsn.replace("postgres@", f"postgres:{CANARY}@")
        accepted = client.post("/ingest/db", json={"dsn": dsn, "dataset": "c3", "table": pg.table("ok")})
        assert accepted.status_code == 202
        done = client.get(f"/jobs/{accepted.json()['job_id']}")
        _wait_for(lambda: client.get(f"/jobs/{accepted.json()['job_id']}").json()["status"] == "succeeded")
        outputs = [r.text for r in responses] + [done.text, client.get("/jobs").text,
                                                 client.get("/catalog/datasets/by-name/c3").text, caplog.text]
        _no_canary(*outputs)
    finally:
        my.execute(f"DROP USER '{user}'@'%'")


def test_source_error_is_a_502() -> None:
    assert SourceError("x").http_status == 502
