"""DB ingest: PostgreSQL and MariaDB -> lakehouse table vs ConnectorX reading the same table to Arrow.

    .venv/bin/python bench/db_ingest.py [--rows 1000000] [--only postgres|mysql] [--reps 3] [--no-seed]

Each measurement runs in its own process so peak RSS (ru_maxrss) is its own; the best of ``--reps``
runs counts for both sides (the machine is shared). The Lakehouse is opened and its query workers are up
before the clock starts, as in a running server. Prints rows/s, the ratio to the peer, peak RSS (the
largest of the runs), and the time of an incremental run that finds 100 new rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
MY_DSN = "mysql://root@127.0.0.1:3306/lh_bench"
COLUMNS = ("id bigint, i int, s smallint, a numeric(12,2), b numeric(18,4), f double precision, r real, "
           "t1 text, t2 varchar(32), t3 text, d date, ts timestamp, tz {tz}, flag boolean, c char(8), u bigint")


def _seed_postgres(rows: int) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS lh_bench CASCADE")
        conn.execute("CREATE SCHEMA lh_bench")
        conn.execute(f"CREATE TABLE lh_bench.t ({COLUMNS.format(tz='timestamptz')})")
        conn.execute(
            "INSERT INTO lh_bench.t SELECT g, g %% 100000, g %% 30000, (g %% 1000000) / 100.0, g / 7.0, g * 0.5,"
            " g * 0.25,"
            " 'name ' || g, md5(g::text), 'lorem ipsum dolor ' || (g %% 997), DATE '2020-01-01' + (g %% 2000),"
            " TIMESTAMP '2020-01-01' + g * INTERVAL '1 second', TIMESTAMPTZ '2020-01-01 00:00+00' + g * INTERVAL '1 s',"
            " g %% 2 = 0, lpad((g %% 9999)::text, 8, '0'), g FROM generate_series(1, %s) g", (rows,))
        conn.execute("ANALYZE lh_bench.t")


def _seed_mysql(rows: int) -> None:
    import pymysql

    conn = pymysql.connect(host="127.0.0.1", user="root", autocommit=True)
    with conn.cursor() as cur:
        cur.execute("DROP DATABASE IF EXISTS lh_bench")
        cur.execute("CREATE DATABASE lh_bench")
        columns = COLUMNS.format(tz="timestamp(6) NULL").replace("boolean", "tinyint(1)")
        cur.execute(f"CREATE TABLE lh_bench.t ({columns})")
        cur.execute(
            "INSERT INTO lh_bench.t SELECT seq, seq % 100000, seq % 30000, (seq % 1000000) / 100.0, seq / 7.0,"
            " seq * 0.5,"
            " seq * 0.25, CONCAT('name ', seq), MD5(seq), CONCAT('lorem ipsum dolor ', seq % 997),"
            " DATE '2020-01-01' + INTERVAL (seq % 2000) DAY, TIMESTAMP '2020-01-01 00:00:00' + INTERVAL seq SECOND,"
            " TIMESTAMP '2020-01-01 00:00:00' + INTERVAL seq SECOND, seq % 2, LPAD(seq % 9999, 8, '0'), seq"
            f" FROM lh_bench.seq_1_to_{rows}")
    conn.close()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _ReaderRss:
    """Peak RSS of the MySQL reader child (lakehouse.ingest.db.mysql_reader), sampled every 50 ms."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            total = 0
            for proc in Path("/proc").iterdir():
                try:
                    if proc.name.isdigit() and b"mysql_reader" in (proc / "cmdline").read_bytes():
                        total += int((proc / "statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
                except OSError:
                    continue
            self.peak_mb = max(self.peak_mb, total / 2**20)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


def part_peer(system: str) -> dict[str, Any]:
    import connectorx

    dsn = PG_DSN if system == "postgres" else MY_DSN
    table = "lh_bench.t" if system == "postgres" else "t"
    started = time.perf_counter()
    result = connectorx.read_sql(dsn, f"SELECT * FROM {table}", return_type="arrow")
    seconds = time.perf_counter() - started
    return {"rows": result.num_rows, "seconds": seconds, "peak_mb": _peak_mb()}


def part_lakehouse(system: str) -> dict[str, Any]:
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        lh = Lakehouse(load_settings(None, data_dir=Path(tmp)))
        lh.sql("SELECT 1")  # a running server: query workers up, not competing for the cores
        ingest = lh.ingest_postgres if system == "postgres" else lh.ingest_mysql
        dsn = PG_DSN if system == "postgres" else MY_DSN
        table = "lh_bench.t" if system == "postgres" else "t"
        reader = _ReaderRss()
        started = time.perf_counter()
        job = ingest(dsn, "bench_t", table=table, incremental_column="id")
        seconds = time.perf_counter() - started
        assert job.status == "succeeded", job.error
        peak = _peak_mb() + reader.stop()  # the MySQL read runs in a child process: count it too
        _insert_new(system, 100)
        started = time.perf_counter()
        again = ingest(dsn, "bench_t", table=table, incremental_column="id")
        incremental = time.perf_counter() - started
        assert again.status == "succeeded" and again.result and again.result["rows"] == 100, again
        lh.close()
    return {"rows": job.result["rows"] if job.result else 0, "seconds": seconds, "peak_mb": peak,
            "incremental_seconds": incremental}


def _insert_new(system: str, n: int) -> None:
    if system == "postgres":
        import psycopg

        with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute("INSERT INTO lh_bench.t (id, t1) SELECT m + g, 'new' FROM "
                         "(SELECT max(id) AS m FROM lh_bench.t) x, generate_series(1, %s) g", (n,))
    else:
        import pymysql

        conn = pymysql.connect(host="127.0.0.1", user="root", database="lh_bench", autocommit=True)
        with conn.cursor() as cur:
            cur.execute("SELECT MAX(id) FROM t")
            top = int(cur.fetchone()[0])
            cur.executemany("INSERT INTO t (id, t1) VALUES (%s, 'new')", [(top + g,) for g in range(1, n + 1)])
        conn.close()


def _child(part: str, system: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--part", part, "--only", system], check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--only", choices=["postgres", "mysql"])
    parser.add_argument("--part", choices=["peer", "lakehouse"])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--no-seed", action="store_true", help="reuse the table seeded by the last run")
    args = parser.parse_args()
    if args.part:
        fn = part_peer if args.part == "peer" else part_lakehouse
        print(json.dumps(fn(args.only)))
        return
    for system in [args.only] if args.only else ["postgres", "mysql"]:
        if not args.no_seed:
            (_seed_postgres if system == "postgres" else _seed_mysql)(args.rows)
        peers, runs = [], []
        for _ in range(args.reps):
            peers.append(_child("peer", system))
            runs.append(_child("lakehouse", system))
        peer = min(peers, key=lambda r: r["seconds"])
        ours = {**min(runs, key=lambda r: r["seconds"]), "peak_mb": max(r["peak_mb"] for r in runs),
                "incremental_seconds": min(r["incremental_seconds"] for r in runs)}
        peer["peak_mb"] = max(r["peak_mb"] for r in peers)
        peer_rate, our_rate = peer["rows"] / peer["seconds"], ours["rows"] / ours["seconds"]
        print(f"{system}: {ours['rows']:,} rows x 16 columns, best of {args.reps}")
        print(f"  lakehouse (source -> Delta table): {our_rate:>12,.0f} rows/s  {ours['seconds']:.2f} s  "
              f"peak RSS {ours['peak_mb']:.0f} MB")
        print(f"  ConnectorX (source -> Arrow):      {peer_rate:>12,.0f} rows/s  {peer['seconds']:.2f} s  "
              f"peak RSS {peer['peak_mb']:.0f} MB")
        print(f"  ratio lakehouse/ConnectorX: {our_rate / peer_rate:.2f}x")
        print(f"  incremental run finding 100 new rows: {ours['incremental_seconds']:.2f} s")


if __name__ == "__main__":
    main()
