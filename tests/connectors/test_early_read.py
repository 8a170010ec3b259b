"""The CLI's early database read (lakehouse.ingest.db.early): adopted only by the same request, never changes
what is written or which error a bad request gets, and a read nobody takes is closed."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pytest

from lakehouse.errors import LakehouseError
from lakehouse.ingest.db import early
from lakehouse.ingest.db.request import DbIngestRequest
from lakehouse.ingest.prefetch import ReadAhead
from tests.connectors.conftest import MySource, PgSource, rows_of


def _pg_rows(pg: PgSource, table: str, n: int) -> None:
    pg.execute(f"CREATE TABLE {table} (id bigint, name text, amount numeric(12,2))",
               f"INSERT INTO {table} SELECT g, 'n' || g, g / 4.0 FROM generate_series(1, {n}) g")


@pytest.mark.parametrize("system", ["postgresql", "mysql"])
def test_an_adopted_early_read_writes_exactly_the_source(lakehouse, pg: PgSource, my: MySource,  # type: ignore[no-untyped-def]
                                                         system: str) -> None:
    if system == "postgresql":
        _pg_rows(pg, "t", 3000)
        dsn, table = pg.dsn, pg.table("t")
    else:
        my.execute("CREATE TABLE t (id bigint, name text, amount decimal(12,2))",
                   "INSERT INTO t SELECT seq, CONCAT('n', seq), seq / 4.0 FROM seq_1_to_3000")
        dsn, table = my.dsn, "t"
    request = DbIngestRequest(dsn=dsn, dataset="copy", table=table)
    started = early.start(system, request, lakehouse.settings)  # type: ignore[arg-type]
    assert started is not None
    lakehouse.db_ingest.early = started
    ingest = lakehouse.ingest_postgres if system == "postgresql" else lakehouse.ingest_mysql
    job = ingest(dsn, "copy", table=table, wait=True)
    assert job.status == "succeeded", job.error
    assert started.adopted
    rows = rows_of(lakehouse, "copy", "id")
    assert [r["id"] for r in rows] == list(range(1, 3001))
    assert str(rows[2]["amount"]) == "0.75" and rows[2]["name"] == "n3"


def test_an_early_read_of_another_request_is_not_adopted(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    _pg_rows(pg, "a", 10)
    _pg_rows(pg, "b", 20)
    started = early.start("postgresql", DbIngestRequest(dsn=pg.dsn, dataset="x", table=pg.table("a")),
                          lakehouse.settings)
    assert started is not None
    lakehouse.db_ingest.early = started
    job = lakehouse.ingest_postgres(pg.dsn, "x", table=pg.table("b"), wait=True)
    assert job.status == "succeeded", job.error
    assert not started.adopted
    assert len(rows_of(lakehouse, "x", "id")) == 20


def test_a_failed_early_read_leaves_the_normal_error(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    request = DbIngestRequest(dsn=pg.dsn, dataset="x", table=pg.table("missing"))
    started = early.start("postgresql", request, lakehouse.settings)
    assert started is not None
    lakehouse.db_ingest.early = started
    with pytest.raises(LakehouseError) as caught:
        lakehouse.ingest_postgres(pg.dsn, "x", table=pg.table("missing"), wait=True)
    assert caught.value.http_status == 404 and not started.adopted


def test_incremental_reads_start_late(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    request = DbIngestRequest(dsn=pg.dsn, dataset="x", table=pg.table("t"), incremental_column="id")
    assert early.start("postgresql", request, lakehouse.settings) is None  # its WHERE needs the catalog


def test_cli_ingest_postgres_end_to_end(tmp_path: Path, pg: PgSource) -> None:
    _pg_rows(pg, "t", 500)
    done = subprocess.run([sys.executable, "-m", "lakehouse.cli", "--data-dir", str(tmp_path), "ingest", "postgres",
                           pg.dsn, "--table", pg.table("t"), "--dataset", "t"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "500 rows -> t v0" in done.stderr


def test_a_query_needs_a_dataset_name_and_a_table_gives_one(tmp_path: Path, pg: PgSource) -> None:
    _pg_rows(pg, "orders_2024", 5)
    cli = [sys.executable, "-m", "lakehouse.cli", "--data-dir", str(tmp_path), "ingest", "postgres", pg.dsn]
    asked = subprocess.run([*cli, "--query", f"SELECT * FROM {pg.table('orders_2024')}"], capture_output=True,
                           text=True, timeout=120, check=False)
    assert asked.returncode == 2 and "--dataset NAME" in asked.stderr and "Traceback" not in asked.stderr
    named = subprocess.run([*cli, "--table", pg.table("orders_2024")], capture_output=True, text=True, timeout=120,
                           check=False)
    assert named.returncode == 0 and "5 rows -> orders_2024 v0" in named.stderr, named.stderr


def _batches(n: int, rows: int = 1000) -> list[pa.RecordBatch]:
    return [pa.record_batch({"x": pa.array(range(i * rows, (i + 1) * rows), pa.int64())}) for i in range(n)]


def test_readahead_buffers_up_to_its_bound_then_waits() -> None:
    pulled: list[int] = []

    def source():  # type: ignore[no-untyped-def]
        for i, batch in enumerate(_batches(50)):
            pulled.append(i)
            yield batch

    ahead = ReadAhead(pa.RecordBatchReader.from_batches(_batches(1)[0].schema, source()), max_bytes=8000 * 5)
    deadline = time.monotonic() + 10
    while len(pulled) < 5 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)  # room for a producer that ignored its bound to run ahead
    assert 5 <= len(pulled) <= 7  # 8,000 bytes a batch: five held, one more pulled and waiting for room
    batches = iter(ahead.reader())
    taken = [next(batches) for _ in range(10)]
    time.sleep(0.2)
    assert len(pulled) <= 12  # once the consumer reads, one batch ahead (plus the one being produced)
    total = pa.Table.from_batches([*taken, *batches])
    assert total.column("x").to_pylist() == list(range(50_000))


def test_readahead_hands_the_source_error_to_the_consumer() -> None:
    def source():  # type: ignore[no-untyped-def]
        yield _batches(1)[0]
        raise ValueError("source broke")

    ahead = ReadAhead(pa.RecordBatchReader.from_batches(_batches(1)[0].schema, source()), max_bytes=1 << 20)
    with pytest.raises(ValueError, match="source broke"):
        list(ahead.reader())


def _with_mark(mark: str) -> list[int]:
    """Processes whose environment carries ``mark`` (the reader children of one CLI run)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and mark.encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("table, options, says, code", [
    ("t", ["--dataset", "t"], "700 rows -> t v0", 0),  # the reader spawned before Typer loads is the one that reads
    ("missing", ["--dataset", "t"], "missing", 2),  # the early read fails: its reader is stopped there
    ("t", ["--mode", "sideways"], "--mode", 2),  # Typer refuses the command: the unused reader is stopped at exit
    ("t", [], "700 rows -> t v0", 0),  # no --dataset: named after the table
])
def test_cli_ingest_mysql_leaves_no_reader_behind(tmp_path: Path, my: MySource, table: str, options: list[str],
                                                  says: str, code: int) -> None:
    import os
    import uuid

    my.execute("CREATE TABLE t (id bigint, name text)", "INSERT INTO t SELECT seq, CONCAT('n', seq) FROM seq_1_to_700")
    mark = f"LAKEHOUSE_TEST_MARK={uuid.uuid4().hex}"
    done = subprocess.run([sys.executable, "-m", "lakehouse.cli", "--data-dir", str(tmp_path), "ingest", "mysql",
                           my.dsn, "--table", table, *options], capture_output=True, text=True, timeout=120,
                          check=False, env={**os.environ, mark.split("=")[0]: mark.split("=")[1]})
    assert says in done.stderr and "Traceback" not in done.stderr
    assert done.returncode == code, done.stderr
    deadline = time.monotonic() + 5
    while _with_mark(mark.split("=")[1]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _with_mark(mark.split("=")[1])
