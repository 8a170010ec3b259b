"""Ingest from the shell, whole processes: ``lakehouse ingest postgres|mysql|file`` vs the script a user would
write instead.

    python bench/cli_ingest.py [--rows 600000] [--csv-rows 100000] [--reps 5] [--only postgres|mysql|file]
                               [--no-seed] [--baseline OTHER_CHECKOUT/src] [--tty]

Every side is one cold process timed from the shell (interpreter start, imports, connection, read, write,
exit). Ours does everything its command does: catalog open, schema checks, PII scan, lineage, Delta commit
and the catalog commit, into a new dataset of a data dir whose catalog exists (created untimed, as by any
earlier command; a user's first command creates it once). Peers, each into a fresh directory:

- database: ``connectorx.read_sql(dsn, "SELECT * FROM t", return_type="arrow")`` then
  ``deltalake.write_deltalake(dir, table)`` (the one-process script), and bare ConnectorX (read only);
- file: ``pyarrow.csv.read_csv(path)`` then ``write_deltalake``.

Tables: 600k rows x 16 columns (ints, numerics, floats, text, date, timestamps, bool, char) seeded into the
local PostgreSQL (schema ``lh_bench_cli``) and MariaDB (database ``lh_bench_cli``). The CSV is the demo's
``candidates`` table (15 columns). Runs interleave; the median of ``--reps`` counts. ``--baseline`` also times
another checkout's command (as bench/cli.py does) in the same loop. ``--tty`` runs every command on a
pseudo-terminal, as a user at a shell does: ours then draws its progress bar (by default output goes to pipes,
as in a script). Prints the ratio peer/ours (>= 1.00: ours is at least as fast) and the load average.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
CLI = str(Path(sys.executable).with_name("lakehouse"))
SCHEMA = "lh_bench_cli"
PG_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
MY_DSN = f"mysql://root@127.0.0.1:3306/{SCHEMA}"
COLUMNS = ("id bigint, i int, s smallint, a numeric(12,2), b numeric(18,4), f double precision, r real, "
           "t1 text, t2 varchar(32), t3 text, d date, ts timestamp, tz {tz}, flag boolean, c char(8), u bigint")

DB_SCRIPT = """
import sys, connectorx
from deltalake import write_deltalake
table = connectorx.read_sql(sys.argv[1], sys.argv[2], return_type="arrow")
write_deltalake(sys.argv[3], table)
"""
BARE_CX = """
import sys, connectorx
connectorx.read_sql(sys.argv[1], sys.argv[2], return_type="arrow")
"""
CSV_SCRIPT = """
import sys, pyarrow.csv
from deltalake import write_deltalake
write_deltalake(sys.argv[2], pyarrow.csv.read_csv(sys.argv[1]))
"""


def seed_postgres(rows: int) -> None:
    import psycopg

    with psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        conn.execute(f"CREATE SCHEMA {SCHEMA}")
        conn.execute(f"CREATE TABLE {SCHEMA}.t ({COLUMNS.format(tz='timestamptz')})")
        conn.execute(
            f"INSERT INTO {SCHEMA}.t SELECT g, g %% 100000, g %% 30000, (g %% 1000000) / 100.0, g / 7.0, g * 0.5,"
            " g * 0.25, 'name ' || g, md5(g::text), 'lorem ipsum dolor ' || (g %% 997),"
            " DATE '2020-01-01' + (g %% 2000), TIMESTAMP '2020-01-01' + g * INTERVAL '1 second',"
            " TIMESTAMPTZ '2020-01-01 00:00+00' + g * INTERVAL '1 s', g %% 2 = 0, lpad((g %% 9999)::text, 8, '0'), g"
            " FROM generate_series(1, %s) g", (rows,))
        conn.execute(f"VACUUM ANALYZE {SCHEMA}.t")


def seed_mysql(rows: int) -> None:
    import pymysql

    conn = pymysql.connect(host="127.0.0.1", user="root", autocommit=True)
    with conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {SCHEMA}")
        cur.execute(f"CREATE DATABASE {SCHEMA}")
        columns = COLUMNS.format(tz="timestamp(6) NULL").replace("boolean", "tinyint(1)")
        cur.execute(f"CREATE TABLE {SCHEMA}.t ({columns})")
        cur.execute(
            f"INSERT INTO {SCHEMA}.t SELECT seq, seq % 100000, seq % 30000, (seq % 1000000) / 100.0, seq / 7.0,"
            " seq * 0.5, seq * 0.25, CONCAT('name ', seq), MD5(seq), CONCAT('lorem ipsum dolor ', seq % 997),"
            " DATE '2020-01-01' + INTERVAL (seq % 2000) DAY, TIMESTAMP '2020-01-01 00:00:00' + INTERVAL seq SECOND,"
            " TIMESTAMP '2020-01-01 00:00:00' + INTERVAL seq SECOND, seq % 2, LPAD(seq % 9999, 8, '0'), seq"
            f" FROM {SCHEMA}.seq_1_to_{rows}")
        cur.execute(f"ANALYZE TABLE {SCHEMA}.t")
    conn.close()


def make_csv(rows: int) -> Path:
    path = DATA / f"candidates_{rows}.csv"
    if not path.exists():
        import pyarrow.csv as pcsv

        from lakehouse.demo.data import candidates

        path.parent.mkdir(parents=True, exist_ok=True)
        pcsv.write_csv(candidates(rows), path)
    return path


def timed(argv: list[str], tty: bool = False) -> float:
    extra = [a for a in argv if a.startswith("--pythonpath=")]
    argv = [a for a in argv if a not in extra]
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAKEHOUSE_") and k != "PYTHONDONTWRITEBYTECODE"}
    if extra:
        env["PYTHONPATH"] = extra[0].split("=", 1)[1]
    if tty:
        return _timed_in_terminal(argv, env)
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(argv[:4])} ... failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return seconds


def _timed_in_terminal(argv: list[str], env: dict[str, str]) -> float:
    """The command with stdout and stderr on a pseudo-terminal, as a user at a shell runs it (progress bar
    and all); the terminal's output is drained as it comes."""
    import pty
    import threading

    leader, follower = pty.openpty()
    seen = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    started = time.perf_counter()
    code = subprocess.run(argv, stdout=follower, stderr=follower, env={**env, "COLUMNS": "120"},
                          check=False).returncode
    seconds = time.perf_counter() - started
    os.close(follower)
    reader.join(timeout=5)
    os.close(leader)
    if code != 0:
        sys.exit(f"{' '.join(argv[:4])} ... failed ({code}): {seen.decode(errors='replace')[-2000:]}")
    return seconds


# what the console script runs, for a checkout that is not the installed one
SCRIPT = ("import sys\ntry:\n    from lakehouse.cli.launch import run\nexcept ImportError:\n"
          "    from lakehouse.cli.main import run\nsys.argv[0] = 'lakehouse'\nsys.exit(run())")


def sides(kind: str, source: Path | None, out: Path, baseline: str | None = None) -> dict[str, list[str]]:
    both = _sides(kind, source, out)
    if baseline:
        ours = next(iter(both))
        both[f"{ours} [baseline]"] = [sys.executable, "-c", SCRIPT, f"--pythonpath={baseline}",
                                      *both[ours][1:]]
    return both


def _sides(kind: str, source: Path | None, out: Path) -> dict[str, list[str]]:
    py = sys.executable
    if kind == "file":
        assert source is not None
        return {
            "lakehouse ingest file": [CLI, "--data-dir", str(out / "lh"), "ingest", "file", str(source),
                                      "--dataset", "candidates"],
            "pyarrow.csv -> write_deltalake": [py, "-c", CSV_SCRIPT, str(source), str(out / "peer")],
        }
    dsn, table, sql = ((PG_DSN, f"{SCHEMA}.t", f"SELECT * FROM {SCHEMA}.t") if kind == "postgres"
                       else (MY_DSN, "t", "SELECT * FROM t"))
    return {
        f"lakehouse ingest {kind}": [CLI, "--data-dir", str(out / "lh"), "ingest", kind, dsn, "--table", table,
                                     "--dataset", "t"],
        "ConnectorX -> write_deltalake": [py, "-c", DB_SCRIPT, dsn, sql, str(out / "peer")],
        "bare ConnectorX (read only)": [py, "-c", BARE_CX, dsn, sql],
    }


def measure(kind: str, source: Path | None, reps: int, baseline: str | None,
            tty: bool = False) -> dict[str, float]:
    times: dict[str, list[float]] = {}
    for rep in range(reps + 1):  # the first round is unmeasured: bytecode written, the source's pages cached
        for name, argv in sides(kind, source, Path("/nonexistent"), baseline).items():
            out = Path(tempfile.mkdtemp(prefix="bench-cli-ingest-"))
            try:
                argv = [a.replace("/nonexistent", str(out)) for a in argv]
                if "--data-dir" in argv:  # an existing data dir (its catalog created, untimed), a new dataset
                    at = argv.index("--data-dir")
                    timed([*argv[:at], "--data-dir", argv[at + 1], "datasets", "list"])
                seconds = timed(argv, tty)
            finally:
                shutil.rmtree(out, ignore_errors=True)
            if rep:
                times.setdefault(name, []).append(seconds)
    return {name: statistics.median(t) for name, t in times.items()}


def report(title: str, medians: dict[str, float], reps: int) -> None:
    names = list(medians)
    ours = medians[names[0]]
    print(f"{title}; median of {reps} cold processes; load average {os.getloadavg()[0]:.2f} "
          f"({os.cpu_count()} cores)")
    for name in names:
        what = "baseline/ours" if name.endswith("[baseline]") else "peer/ours"
        ratio = "" if name == names[0] else f"  {what} {medians[name] / ours:.2f}x"
        print(f"  {name:<45} {medians[name]:6.2f} s{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=600_000)
    parser.add_argument("--csv-rows", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--only", choices=["postgres", "mysql", "file"])
    parser.add_argument("--no-seed", action="store_true", help="reuse the tables seeded by the last run")
    parser.add_argument("--baseline", help="another checkout's src directory, timed alongside")
    parser.add_argument("--tty", action="store_true",
                        help="run every command on a pseudo-terminal, as at a shell (our progress bar shows)")
    args = parser.parse_args()
    for kind in [args.only] if args.only else ["postgres", "mysql", "file"]:
        if kind == "file":
            csv = make_csv(args.csv_rows)
            report(f"file: {args.csv_rows:,}-row CSV x 15 columns ({csv.stat().st_size / 1e6:.0f} MB)",
                   measure("file", csv, args.reps, args.baseline, args.tty), args.reps)
            continue
        if not args.no_seed:
            (seed_postgres if kind == "postgres" else seed_mysql)(args.rows)
        medians = measure(kind, None, args.reps, args.baseline, args.tty)
        report(f"{kind}: {args.rows:,} rows x 16 columns", medians, args.reps)


if __name__ == "__main__":
    main()
