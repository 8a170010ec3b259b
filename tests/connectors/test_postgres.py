"""PostgreSQL -> lakehouse against the real local server (each test in its own schema)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lakehouse.errors import Forbidden, InvalidInput, NotFound, Unavailable
from lakehouse.types import Actor, Role
from tests.connectors.conftest import PgSource, rows_of


def test_table_ingest_types_lineage_and_pii(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    pg.execute(
        "CREATE TYPE mood AS ENUM ('ok', 'sad')",
        """CREATE TABLE people (id bigint PRIMARY KEY, "Full Name" text, email text, amount numeric(12,2),
           ratio numeric, score real, big numeric(50,10), ok boolean, born date, seen timestamptz, at timestamp,
           t time, span interval, doc jsonb, uid uuid, raw bytea, tags text[], nums int[], m mood, small smallint)""",
        """INSERT INTO people VALUES
           (1, 'Ann Lee', 'ann@example.com', 1234567890.12, 0.1, 1.5, 12345678901234567890123456789012345678.5,
            true, '1990-02-03', '2024-01-02 03:04:05.123456+02', '2024-01-02 03:04:05', '12:30:00.25', '1 day 2 hours',
            '{"a": [1, 2]}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff', ARRAY['x', NULL], ARRAY[1, 2],
            'ok', -3),
           (2, NULL, 'bob@example.com', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL, NULL, NULL, NULL)""",
    )
    seen = []
    lakehouse.bus.subscribe("dataset.*", seen.append)
    job = lakehouse.ingest_postgres(pg.dsn, "people", table=pg.table("people"))
    assert job.status == "succeeded", job.error
    assert job.result["rows"] == 2 and job.result["rows_per_second"] > 0
    assert set(job.result["type_fallbacks"]) == {"ratio", "big", "t", "span"}
    rows = rows_of(lakehouse, "people", "id")
    first = rows[0]
    assert first["full_name"] == "Ann Lee" and first["amount"] == Decimal("1234567890.12")
    assert first["ratio"] == "0.1" and first["big"] == "12345678901234567890123456789012345678.5000000000"
    assert first["seen"] == dt.datetime(2024, 1, 2, 1, 4, 5, 123456, tzinfo=dt.UTC)
    assert first["at"] == dt.datetime(2024, 1, 2, 3, 4, 5) and first["born"] == dt.date(1990, 2, 3)
    assert first["t"] == "12:30:00.25" and first["span"] == "P1DT2H"
    assert first["uid"] == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" and first["raw"] == b"\x00\xff"
    assert first["tags"] == ["x", None] and first["nums"] == [1, 2] and first["m"] == "ok"
    assert first["doc"] == '{"a": [1, 2]}' and first["small"] == -3
    assert all(v is None for k, v in rows[1].items() if k not in ("id", "email"))
    manifest = lakehouse.get_dataset("people")
    columns = {c.name: c for c in manifest.columns}
    assert columns["amount"].type == "decimal128(12, 2)" and columns["amount"].source_type == "numeric(12,2)"
    assert columns["doc"].source_type == "jsonb" and columns["full_name"].original_name == "Full Name"
    assert columns["email"].pii_kind == "PII"
    lineage = manifest.lineage[-1]
    assert lineage.source_system == "postgresql" and "people" in lineage.source
    assert lineage.details["database"] == "postgres" and lineage.details["host"] == "127.0.0.1"


def test_query_source_and_upsert(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    pg.execute("CREATE TABLE items (id int, name text, price numeric(8,2))",
               "INSERT INTO items VALUES (1, 'a', 1.00), (2, 'b', 2.00)")
    query = f"SELECT id, name, price FROM {pg.table('items')} WHERE id > 0"
    assert lakehouse.ingest_postgres(pg.dsn, "items", query=query, primary_key=["id"]).status == "succeeded"
    pg.execute("UPDATE items SET price = 9.99 WHERE id = 2", "INSERT INTO items VALUES (3, 'c', 3.00)")
    job = lakehouse.ingest_postgres(pg.dsn, "items", query=query, primary_key=["id"])
    assert job.status == "succeeded", job.error
    assert job.result["operation"] == "upsert"
    rows = rows_of(lakehouse, "items", "id")
    assert [(r["id"], r["price"]) for r in rows] == [(1, Decimal("1.00")), (2, Decimal("9.99")), (3, Decimal("3.00"))]
    assert lakehouse.get_dataset("items").row_count == 3
    assert lakehouse.get_dataset("items").lineage[-1].details["query_sha256"]


def test_incremental_ties_no_loss_no_duplicates(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    pg.execute("CREATE TABLE ev (id serial, v text, updated_at timestamptz)",
               "INSERT INTO ev (v, updated_at) SELECT 'r' || g, '2024-01-01'::timestamptz + g * interval '1 s' "
               "FROM generate_series(1, 50) g",
               "INSERT INTO ev (v, updated_at) VALUES ('tie-a', '2024-01-01 00:00:50+00')")
    run = lambda: lakehouse.ingest_postgres(pg.dsn, "ev", table=pg.table("ev"),  # noqa: E731
                                            incremental_column="updated_at")
    first = run()
    assert first.status == "succeeded" and first.result["rows"] == 51
    assert first.result["high_water_mark"]["value"].startswith("2024-01-01T00:00:50")
    # a row sharing the mark arrives late, and newer rows
    pg.execute("INSERT INTO ev (v, updated_at) VALUES ('tie-b', '2024-01-01 00:00:50+00'), "
               "('new', '2024-01-01 00:01:00+00')")
    second = run()
    assert second.status == "succeeded" and second.result["rows"] == 2, second.result
    third = run()
    assert third.result["rows"] == 0 and third.result["operation"] == "none"
    values = sorted(r["v"] for r in rows_of(lakehouse, "ev", "id"))
    assert len(values) == 53 and len(set(values)) == 53 and {"tie-a", "tie-b", "new"} <= set(values)
    history = lakehouse.history("ev")
    assert len(history) == 2  # one version per run that found rows
    assert lakehouse.get_dataset("ev").lineage[-1].details["high_water_mark"]["value"].startswith("2024-01-01T00:01")


def test_bad_inputs_fail_before_queueing(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Unavailable, match="Cannot reach"):
        lakehouse.ingest_postgres("postgresql://postgres@127.0.0.1:1/postgres", "x", table="t")
    with pytest.raises(NotFound):
        lakehouse.ingest_postgres(pg.dsn, "x", table=pg.table("missing"))
    # refused before connecting: the host does not even exist
    with pytest.raises(InvalidInput, match="SELECT"):
        lakehouse.ingest_postgres("postgresql://postgres@127.0.0.1:1/postgres", "x", query="DELETE FROM t")
    with pytest.raises(InvalidInput):
        lakehouse.ingest_postgres(pg.dsn, "Bad Name", table=pg.table("missing"))
    with pytest.raises(Forbidden):
        lakehouse.ingest_postgres(pg.dsn, "x", table="t", actor=Actor("w", Role.writer))
    assert lakehouse.list_jobs() == []


def test_type_change_mid_stream_commits_nothing(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    pg.execute("CREATE TABLE m (id int, n numeric(6,2))", "INSERT INTO m SELECT g, g FROM generate_series(1, 10) g")
    assert lakehouse.ingest_postgres(pg.dsn, "m", table=pg.table("m")).status == "succeeded"
    # a numeric column starts holding a value that is not a number
    pg.execute("ALTER TABLE m ALTER COLUMN n TYPE numeric", "INSERT INTO m VALUES (11, 'NaN')")
    pg.execute("ALTER TABLE m ALTER COLUMN n TYPE numeric(6,2)")
    failed = lakehouse.ingest_postgres(pg.dsn, "m", table=pg.table("m"))
    assert failed.status == "failed" and "'n'" in failed.error["message"]
    # the source schema changes between validation and the stream
    from lakehouse.ingest.db.service import DbIngestRequest
    from lakehouse.types import LOCAL_ADMIN

    service = lakehouse.db_ingest
    source, plan = service.prepare(LOCAL_ADMIN, "postgresql", DbIngestRequest(dsn=pg.dsn, dataset="m",
                                                                              table=pg.table("m")))
    pg.execute("DELETE FROM m WHERE id = 11", "ALTER TABLE m ALTER COLUMN id TYPE text")
    with pytest.raises(Exception, match="changed type|columns"):
        service.run(_Ctx(), LOCAL_ADMIN, source, plan)
    source.close()
    assert lakehouse.get_dataset("m").version == 0 and lakehouse.get_dataset("m").row_count == 10


class _Ctx:
    job_id = "test"

    def progress(self, fraction: float) -> None:
        pass

    def cancelled(self) -> bool:
        return False


def test_large_negative_integers_are_not_card_numbers(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    # found by the round trip: the PII card check crashed on int("-") for negative 13-19 digit values
    pg.execute("CREATE TABLE neg (v bigint)", "INSERT INTO neg VALUES (-4111111111111111), (-9223372036854775808)")
    job = lakehouse.ingest_postgres(pg.dsn, "neg", table=pg.table("neg"))
    assert job.status == "succeeded", job.error
    assert sorted(r["v"] for r in rows_of(lakehouse, "neg", "v")) == [-9223372036854775808, -4111111111111111]
