"""Governance overhead on a 5M-row table, as ratios to the raw table in the same run.

- view: 2 masks (hash on id, mask on email) + a row filter that every row passes (a sanity check, which
  the engine drops per data file once it has seen that it holds), vs the raw table; ``sel`` is the same
  view with a selective filter (``age >= 30``, ~83% of rows), which must be evaluated on every read;
- tombstones: the table with 100,000 tombstoned keys (read from its tombstone-free copies), vs ``__raw__``.
Bare COUNT(*) (the raw table answers it from metadata) and GROUP BY a hashed column are reported apart.
The four variants of a query run interleaved (one round runs each once, in a rotating order); times are
medians of ``--repeat`` rounds and ratios the median of the per-round ratios, so that a burst of load
from elsewhere on the machine hits both sides of a ratio alike.

    python bench/governance.py [--rows 5000000] [--tombstones 100000] [--repeat 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from lakehouse.app import Lakehouse
from lakehouse.config import load_settings

QUERIES = {
    "filter": "SELECT count(email) FROM {t} WHERE city = 'c3' AND amount > 500",
    "aggregate": "SELECT city, avg(amount) AS a, count(age) AS n FROM {t} GROUP BY city",
    "join": "SELECT d.region, count(a.city) AS n FROM {t} a JOIN dims d ON a.city = d.city GROUP BY d.region",
    "top-k": "SELECT email, amount FROM {t} ORDER BY amount DESC LIMIT 10",
}
SEPARATE = {
    "count(*)": "SELECT count(*) FROM {t}",
    "group by hashed id": "SELECT id, count(*) AS n FROM {t} GROUP BY id ORDER BY n DESC LIMIT 5",
}


def table(rows: int) -> pa.Table:
    rng = np.random.default_rng(7)
    ids = np.arange(rows, dtype=np.int64)
    return pa.table({
        "id": ids,
        "email": pa.array([f"user{i}@example{i % 97}.org" for i in range(rows)]),
        "age": rng.integers(18, 90, rows),
        "city": pa.array([f"c{i}" for i in rng.integers(0, 50, rows)]),
        "amount": rng.random(rows) * 1000,
    })


def timed(lh: Lakehouse, sqls: list[str], repeat: int) -> list[list[float]]:
    """Seconds per run of each statement; one round runs each once, in a rotating order."""
    runs: list[list[float]] = [[] for _ in sqls]
    for r in range(repeat):
        for i in [(r + k) % len(sqls) for k in range(len(sqls))]:
            start = time.perf_counter()
            lh.sql(sqls[i])
            runs[i].append(time.perf_counter() - start)
    return runs


def ratio(governed: list[float], raw: list[float]) -> float:
    """Median of the per-round ratios: a burst of load elsewhere hits both runs of a round alike."""
    return statistics.median(g / r for g, r in zip(governed, raw, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5_000_000)
    parser.add_argument("--tombstones", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        lh = Lakehouse(load_settings(None, data_dir=Path(tmp), query={"workers": 1, "time_limit_seconds": 600,
                                                                     "max_rows": 100}))
        try:
            start = time.perf_counter()
            data = table(args.rows)
            lh.write_table("raw_t", data)
            lh.write_table("tomb_t", data)
            lh.write_table("dims", pa.table({"city": [f"c{i}" for i in range(50)],
                                             "region": [f"r{i % 5}" for i in range(50)]}))
            step = max(args.rows // args.tombstones, 1)
            tombstoning = time.perf_counter()
            lh.tombstone("tomb_t", "id", list(range(0, args.rows, step))[: args.tombstones], "bench")
            tombstoning = time.perf_counter() - tombstoning  # includes writing the tombstone-free copies
            for name, row_filter in (("view_t", "amount >= 0 AND age < 200"), ("sel_t", "age >= 30")):
                lh.create_view({"name": name, "base_dataset": "raw_t",
                                "columns": ["id", "email", "age", "city", "amount"], "row_filter": row_filter,
                                "column_redactions": {"id": {"kind": "hash"},
                                                      "email": {"kind": "mask", "keep_prefix": 2, "keep_suffix": 4}}})
            del data
            os.sync()  # the setup's Parquet writes must not be flushed to disk while the first queries run
            print(f"setup: {args.rows:,} rows, {args.tombstones:,} tombstones in {time.perf_counter() - start:.1f} s "
                  f"(the tombstone call, with its tombstone-free copies: {tombstoning:.1f} s)")
            tables = ["raw_t", "view_t", "__raw__tomb_t", "tomb_t", "sel_t"]
            print(f"{'':>20}  {'raw':>7}  {'view':>7} {'ratio':>6}  {'__raw__':>7}  {'tomb':>7} {'ratio':>6}"
                  f"  {'sel':>7} {'ratio':>6}  (ms)")
            for name, sql in {**QUERIES, **SEPARATE}.items():
                if name == next(iter(SEPARATE)):
                    print("reported separately:")
                timed(lh, [sql.format(t=t) for t in tables], 1)  # warm the file cache and the workers
                raw, view, tomb_raw, tomb, sel = timed(lh, [sql.format(t=t) for t in tables], args.repeat)
                ms = [statistics.median(t) * 1000 for t in (raw, view, tomb_raw, tomb, sel)]
                print(f"{name:>20}: {ms[0]:7.0f}  {ms[1]:7.0f} {ratio(view, raw):5.2f}x  "
                      f"{ms[2]:7.0f}  {ms[3]:7.0f} {ratio(tomb, tomb_raw):5.2f}x  {ms[4]:7.0f} {ratio(sel, raw):5.2f}x")
        finally:
            lh.close()


if __name__ == "__main__":
    main()
