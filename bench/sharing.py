"""Delta Sharing read: a 1M-row shared view read with the official ``delta-sharing`` client from a real
``lakehouse serve``, beside reading the same Delta table (the view's materialised snapshot) directly with
``deltalake``. Both produce a pandas DataFrame. Target: <= 1.5x.

The client picks its response format itself (``load_as_pandas`` with ``use_delta_format`` left out: it asks the
metadata call, offering ``delta,parquet``; this server answers ``delta`` and the client reads through delta-kernel);
that is the headline. The same client forced onto the parquet format (``use_delta_format=False``: fsspec + pyarrow)
is measured beside it, runs interleaved.

Cold figures are whole processes started from the shell (imports included), runs interleaved, the median of
``--rounds``; warm figures are in one process after a warm-up read, best of ``--rounds`` (labelled warm). The
one-off materialisation of the snapshot (the first read after the view's base changes) is timed apart.

    python bench/sharing.py [--rows 1000000] [--rounds 5] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pyarrow as pa

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data" / "sharing"
CLI = str(Path(sys.executable).with_name("lakehouse"))

CLIENT = """
import sys, delta_sharing
fmt = {"chosen": None, "delta": True, "parquet": False}[sys.argv[3]]
frame = delta_sharing.load_as_pandas(sys.argv[1], use_delta_format=fmt)
assert len(frame) == int(sys.argv[2]), len(frame)
"""
FORMATS = {"chosen": None, "parquet": False}  # what the client picks (delta here), and parquet forced
PEER = """
import sys
from deltalake import DeltaTable
frame = DeltaTable(sys.argv[1]).to_pandas()
assert len(frame) == int(sys.argv[2]), len(frame)
"""


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def table(rows: int) -> pa.Table:
    rng = np.random.default_rng(7)
    ids = np.arange(rows, dtype=np.int64)
    return pa.table({
        "id": ids,
        "email": pa.array([f"user{i}@example.org" for i in range(rows)]),
        "age": rng.integers(18, 90, rows),
        "city": pa.array(rng.choice(["Oslo", "Lima", "Pune", "Kyiv", "Accra", "Quito"], rows)),
        "amount": rng.normal(100, 30, rows).round(2),
    })


def build(rows: int, port: int) -> tuple[Path, float]:
    """The lakehouse with a view over ``rows`` rows (email masked), shared; returns its data dir and how long
    the first read took to materialise the snapshot (seconds, in process)."""
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    data_dir = DATA / f"lh-{rows}"
    shutil.rmtree(data_dir, ignore_errors=True)
    lh = Lakehouse(load_settings(None, data_dir=data_dir, server={"port": port}, query={"workers": 1}))
    try:
        lh.write_table("people", table(rows))
        lh.create_view({"name": "people_safe", "base_dataset": "people",
                        "columns": ["id", "email", "age", "city", "amount"],
                        "column_redactions": {"email": {"kind": "mask", "keep_prefix": 2, "keep_suffix": 0}}})
        lh.create_share("bench", ["people_safe"])
        (data_dir / "bench.share").write_text(json.dumps(lh.create_recipient("reader", ["bench"])))
        token = json.loads((data_dir / "bench.share").read_text())["bearerToken"]
        start = time.perf_counter()
        lh.delta_sharing.metadata(token, "bench", "default", "people_safe")  # builds the snapshot
        materialise = time.perf_counter() - start
    finally:
        lh.close()
    return data_dir, materialise


def snapshot_path(data_dir: Path) -> str:
    root = data_dir / "buckets" / "primary" / "shared" / "people_safe"
    return str(sorted(root.iterdir())[-1])


def serve(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LAKEHOUSE_SERVER__PORT": str(port), "LAKEHOUSE_QUERY__WORKERS": "1"}
    server = subprocess.Popen([CLI, "--data-dir", str(data_dir), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def cold(script: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", script, *args], check=True)
    return time.perf_counter() - start


def warm(rounds: int, url: str, path: str, rows: int) -> dict[str, float]:
    import delta_sharing
    from deltalake import DeltaTable

    runs = {name: (lambda fmt=fmt: len(delta_sharing.load_as_pandas(url, use_delta_format=fmt)))
            for name, fmt in FORMATS.items()}
    runs["peer"] = lambda: len(DeltaTable(path).to_pandas())
    best = {}
    for name, run in runs.items():
        assert run() == rows  # warm-up
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            assert run() == rows
            times.append(time.perf_counter() - start)
        best[name] = min(times)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep bench/.data/sharing afterwards")
    args = parser.parse_args()
    port = free_port()
    data_dir, materialise = build(args.rows, port)
    path = snapshot_path(data_dir)
    files = sorted(Path(path).glob("*.parquet"))
    print(f"{args.rows:,} rows, view with a masked column; snapshot: {len(files)} file(s), "
          f"{sum(f.stat().st_size for f in files) / 1e6:.1f} MB; materialised once in {materialise:.2f} s")
    server = serve(data_dir, port)
    try:
        url = f"{data_dir / 'bench.share'}#bench.default.people_safe"
        for fmt in FORMATS:  # page cache and server warm-up, not counted
            cold(CLIENT, url, str(args.rows), fmt)
        times: dict[str, list[float]] = {name: [] for name in (*FORMATS, "peer")}
        for _ in range(args.rounds):
            for fmt in FORMATS:
                times[fmt].append(cold(CLIENT, url, str(args.rows), fmt))
            times["peer"].append(cold(PEER, path, str(args.rows)))
        med = {name: statistics.median(t) for name, t in times.items()}
        c, p = med["chosen"], med["peer"]
        print(f"cold (whole process, median of {args.rounds}): delta-sharing client {c:.2f} s (the format it picks: "
              f"delta) | deltalake direct {p:.2f} s | ratio {c / p:.2f}x (target <= 1.5x)")
        print(f"  the client forced onto the parquet format: {med['parquet']:.2f} s | ratio {med['parquet'] / p:.2f}x")
        ci = statistics.median(cold("import delta_sharing") for _ in range(args.rounds))
        pi = statistics.median(cold("import deltalake, pandas") for _ in range(args.rounds))
        print(f"  of which imports alone (cold, median): delta_sharing {ci:.2f} s | deltalake + pandas {pi:.2f} s; "
              f"reading after the imports: client {c - ci:.2f} s | direct {p - pi:.2f} s")
        best = warm(args.rounds, url, path, args.rows)
        wp = best["peer"]
        print(f"warm (in process, best of {args.rounds}): delta-sharing client {best['chosen']:.2f} s (delta) | "
              f"parquet forced {best['parquet']:.2f} s | deltalake direct {wp:.2f} s | ratio "
              f"{best['chosen'] / wp:.2f}x (delta), {best['parquet'] / wp:.2f}x (parquet)")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
