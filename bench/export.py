"""Whole-result export in bounded memory: ``lakehouse sql ... --output FILE.parquet`` of 1M and 10M rows.

Each export runs as the user runs it (a cold CLI process); the peak resident memory of its whole process
tree (the CLI and its query worker) is sampled from /proc every 20 ms. Peers, over the same Delta table:
a streaming pyarrow script (``DeltaTable.to_pyarrow_dataset()`` batches -> ``ParquetWriter``, what a user
would write to copy it out) and the naive ``to_pyarrow_table()`` -> ``write_table`` (materialises it all).
"Flat" means the 10M-row peak is about the 1M-row peak.

    python bench/export.py [--rows 1000000,10000000] [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data" / "export"
CLI = str(Path(sys.executable).with_name("lakehouse"))
BATCH = 500_000

STREAMING_PEER = """
import sys, pyarrow.parquet as pq
from deltalake import DeltaTable
ds = DeltaTable(sys.argv[1]).to_pyarrow_dataset()
with pq.ParquetWriter(sys.argv[2], ds.schema) as w:
    for b in ds.to_batches():
        w.write_batch(b)
"""
NAIVE_PEER = """
import sys, pyarrow.parquet as pq
from deltalake import DeltaTable
pq.write_table(DeltaTable(sys.argv[1]).to_pyarrow_table(), sys.argv[2])
"""


def build(rows: int) -> Path:
    data_dir = DATA / f"lh-{rows}"
    if (data_dir / ".complete").exists():
        return data_dir
    import lakehouse

    shutil.rmtree(data_dir, ignore_errors=True)
    with lakehouse.connect(data_dir) as lh:
        def batches():  # type: ignore[no-untyped-def]
            for start in range(0, rows, BATCH):
                n = min(BATCH, rows - start)
                ids = pa.array(range(start, start + n), pa.int64())
                yield pa.record_batch({
                    "id": ids,
                    "amount": pa.array([i * 0.25 for i in range(start, start + n)], pa.float64()),
                    "label": pa.array([f"customer-{i:012d}" for i in range(start, start + n)]),
                    "at": pa.array(range(start, start + n), pa.int64()).cast(pa.timestamp("s", tz="UTC")),
                })
        schema = pa.schema([("id", pa.int64()), ("amount", pa.float64()), ("label", pa.string()),
                            ("at", pa.timestamp("s", tz="UTC"))])
        lh.write_table("big", pa.RecordBatchReader.from_batches(schema, batches()))
    (data_dir / ".complete").touch()
    return data_dir


def tree_rss(pid: int) -> dict[int, int]:
    """Resident bytes of a process and each of its descendants."""
    sizes, pending = {}, [pid]
    while pending:
        p = pending.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                sizes[p] = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{p}/task/{p}/children") as f:
                pending.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return sizes


def measure(cmd: list[str]) -> tuple[float, int, int]:
    """Seconds, the peak of the whole tree's RSS, and the largest single process's peak."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = single = 0
    while proc.poll() is None:
        sizes = tree_rss(proc.pid)
        peak = max(peak, sum(sizes.values()))
        single = max([single, *sizes.values()])
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed: {proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, peak, single


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000000,10000000")
    parser.add_argument("--keep", action="store_true", help="keep the exported files")
    args = parser.parse_args()
    out = DATA / "out"
    out.mkdir(parents=True, exist_ok=True)
    print(f"{'rows':>11} {'what':<34} {'seconds':>8} {'peak RSS MB':>12} {'largest proc':>12} {'rows/s':>12}")
    for rows in [int(r) for r in args.rows.split(",")]:
        data_dir = build(rows)
        table_uri = str(data_dir / "buckets" / "primary" / "tables" / "big")
        runs = {
            "lakehouse sql --output (CLI)": [CLI, "--data-dir", str(data_dir), "sql", "SELECT * FROM big",
                                             "--output", str(out / "cli.parquet")],
            "pyarrow streaming script (peer)": [sys.executable, "-c", STREAMING_PEER, table_uri,
                                                str(out / "stream.parquet")],
            "pyarrow to_table script (naive)": [sys.executable, "-c", NAIVE_PEER, table_uri,
                                                str(out / "naive.parquet")],
        }
        for what, cmd in runs.items():
            seconds, peak, single = measure(cmd)
            print(f"{rows:>11,} {what:<34} {seconds:>8.2f} {peak / 2**20:>12.0f} {single / 2**20:>12.0f} "
                  f"{rows / seconds:>12,.0f}", flush=True)
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
