"""CSV -> table: our whole file ingest (stream, PII scan, Delta commit, catalog commit) vs DuckDB COPY.

    python bench/ingest_csv.py [--rows 1000000] [--reps 2]

The CSV is the demo's ``candidates`` table (15 columns: ids, names, emails, phones, cities, decimals,
dates, timestamps), generated deterministically once under bench/.data/. DuckDB runs
``COPY (SELECT * FROM read_csv(...)) TO 'x.parquet'`` on the same file. Runs interleave; best counts.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.csv as pcsv

HERE = Path(__file__).resolve().parent


def make_csv(rows: int) -> Path:
    path = HERE / ".data" / f"candidates_{rows}.csv"
    if not path.exists():
        from lakehouse.demo.data import candidates

        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {rows:,} rows ...", file=sys.stderr)
        pcsv.write_csv(candidates(rows), path)
    return path


def run_duckdb(csv: Path, out: Path) -> float:
    import duckdb

    con = duckdb.connect()
    start = time.perf_counter()
    con.execute(f"COPY (SELECT * FROM read_csv('{csv}')) TO '{out / 'duck.parquet'}' (FORMAT parquet)")
    return time.perf_counter() - start


def run_ours(csv: Path, out: Path) -> tuple[float, dict[str, object]]:
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    with Lakehouse(load_settings(None, data_dir=out / "lh")) as lakehouse:
        lakehouse.sql("SELECT 1")  # a running server: query workers up, not competing for the cores
        start = time.perf_counter()
        job = lakehouse.ingest_file(csv, "candidates", wait=True)
        elapsed = time.perf_counter() - start
    assert job.status == "succeeded", job.error
    return elapsed, dict(job.result or {})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=2)
    args = parser.parse_args()
    csv = make_csv(args.rows)
    size_mb = csv.stat().st_size / 1e6
    best = {"duckdb": float("inf"), "ours": float("inf")}
    result: dict[str, object] = {}
    for _ in range(args.reps):
        for engine in ("duckdb", "ours"):
            out = Path(tempfile.mkdtemp(prefix=f"bench-{engine}-"))
            try:
                if engine == "duckdb":
                    elapsed = run_duckdb(csv, out)
                else:
                    elapsed, result = run_ours(csv, out)
            finally:
                shutil.rmtree(out, ignore_errors=True)
            best[engine] = min(best[engine], elapsed)
    duck, ours = args.rows / best["duckdb"], args.rows / best["ours"]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"CSV -> table, {args.rows:,} rows x 15 columns ({size_mb:.0f} MB), best of {args.reps}")
    print(f"  duckdb COPY read_csv -> parquet : {best['duckdb']:6.2f} s  {duck / 1e6:5.2f} M rows/s")
    print(f"  lakehouse ingest (PII, Delta, catalog): {best['ours']:6.2f} s  {ours / 1e6:5.2f} M rows/s")
    print(f"  ratio ours/duckdb (rows/s): {ours / duck:.2f}x   (target >= 1.0x, stretch 1.5x)")
    print(f"  PII columns: {sorted(dict(result.get('pii_columns') or {}))}")  # type: ignore[call-overload]
    print(f"  peak RSS of this process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
