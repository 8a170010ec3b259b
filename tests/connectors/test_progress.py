"""Progress of a DB ingest: rows read against the source's size (exact when a count is cheap)."""

from __future__ import annotations

from lakehouse.ingest.db.dsn import parse_dsn
from lakehouse.ingest.db.mysql import MySqlSource
from lakehouse.ingest.db.postgres import PostgresSource
from lakehouse.ingest.db.source import Timeouts, count_select
from lakehouse.ingest.db.sqlcheck import table_identifier
from tests.connectors.conftest import MySource, PgSource


def test_expected_rows_counts_small_tables(pg: PgSource, my: MySource) -> None:
    pg.execute("CREATE TABLE t (id int)", "INSERT INTO t SELECT generate_series(1, 1234)", "ANALYZE t")
    my.execute("CREATE TABLE t (id int)", "INSERT INTO t SELECT seq FROM seq_1_to_1234")
    sources = [(PostgresSource(parse_dsn(pg.dsn, "postgresql"), Timeouts()), pg.table("t"), "postgresql"),
               (MySqlSource(parse_dsn(my.dsn, "mysql"), Timeouts()), "t", "mysql")]
    for source, table, system in sources:
        try:
            ident = table_identifier(table, system)  # type: ignore[arg-type]
            assert source.expected_rows(ident, count_select(f"SELECT * FROM {ident}")) == (1234, True)
            missing = table_identifier("nope", system)  # type: ignore[arg-type]
            assert source.expected_rows(missing, count_select(f"SELECT * FROM {missing}")) == (None, False)
        finally:
            source.close()


def test_progress_reports_rows_read(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    pg.execute("CREATE TABLE big (id int, s text)", "INSERT INTO big SELECT g, 'x' FROM generate_series(1, 200000) g")
    job = lakehouse.ingest_postgres(pg.dsn, "big", table=pg.table("big"), wait=False, batch_rows=1000)
    seen = []
    while (current := lakehouse.get_job(job.job_id)).status in ("queued", "running"):
        if current.result:
            seen.append(current.result)
    assert current.status == "succeeded" and current.result["rows"] == 200000
    for partial in seen:  # while running: rows read so far against the exact count
        assert partial["rows_expected"] == 200000 and partial["rows_expected_exact"] is True
        assert 0 <= partial["rows_read"] <= 200000
