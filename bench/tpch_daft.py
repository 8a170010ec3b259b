"""TPC-H on Daft (local runner) vs our DataFusion path, per query, side by side.

    python bench/tpch_daft.py [--sf 1] [--reps 3] [--queries q03,q18]

Both columns are the same library call, ``Lakehouse.sql(sql)`` and ``Lakehouse.sql(sql, engine="daft")``:
catalog lookups, a query worker process, a fresh governed session per query, the result back as Arrow IPC.
``bare daft`` is Daft alone in this process (``daft.read_deltalake`` on the same Delta tables, one session),
to show what our layers add on the Daft side. The data is bench/tpch.py's (generated once with tpchgen-cli,
cached under bench/.data/sf<SF>/).

Figures are warm: the best of ``--reps`` runs in one process, engines interleaved, after one untimed run of
each query on each engine (Daft's first statement in a worker also pays its import, about a second). The
ratio is daft / datafusion (above 1: Daft is slower). Queries Daft cannot run are listed with its reason.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tpch import QUERIES, generate, open_lakehouse, table_dirs  # noqa: E402


def bare_daft_runner(root: Path) -> Callable[[str], int]:
    os.environ.setdefault("DO_NOT_TRACK", "1")
    import daft
    from daft.session import Session

    session = Session()
    for name, uri in table_dirs(root).items():
        session.attach_view(daft.read_deltalake(uri), name)

    def run(sql: str) -> int:
        frame = session.sql(sql)
        return 0 if frame is None else frame.to_arrow().num_rows

    return run


def _timed(run: Callable[[str], int], sql: str) -> tuple[float, int]:
    start = time.perf_counter()
    rows = run(sql)
    return time.perf_counter() - start, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sf", type=float, default=1.0, help="scale factor (default 1)")
    parser.add_argument("--reps", type=int, default=3, help="timed runs per query and engine; the best counts")
    parser.add_argument("--queries", default="", help="comma-separated subset, e.g. q03,q18")
    args = parser.parse_args()

    from lakehouse.errors import QueryError

    root = generate(args.sf)
    wanted = {q.strip() for q in args.queries.split(",") if q.strip()}
    queries = [(p.stem, p.read_text()) for p in sorted(QUERIES.glob("q*.sql")) if not wanted or p.stem in wanted]
    lakehouse = open_lakehouse(root)
    engines: dict[str, Callable[[str], int]] = {
        "datafusion": lambda sql: lakehouse.sql(sql).table.num_rows,
        "daft": lambda sql: lakehouse.sql(sql, engine="daft").table.num_rows,
        "bare daft": bare_daft_runner(root),
    }
    for run in engines.values():
        run("SELECT 1")
    print(f"TPC-H SF{args.sf:g}, warm: best of {args.reps} (ms), same process; {os.cpu_count()} cores")
    print(f"{'query':6} {'datafusion':>10} {'daft':>8} {'daft/df':>8} {'bare daft':>10}")
    ratios: list[float] = []
    totals = {name: 0.0 for name in engines}
    unsupported: list[str] = []
    try:
        for name, sql in queries:
            try:
                engines["daft"](sql)
            except QueryError as exc:
                df_time = min(_timed(engines["datafusion"], sql)[0] for _ in range(args.reps))
                print(f"{name:6} {df_time * 1000:10.0f} {'-':>8} {'-':>8} {'-':>10}  daft: {exc.message[:90]}",
                      flush=True)
                unsupported.append(name)
                continue
            engines["datafusion"](sql)
            engines["bare daft"](sql)
            best: dict[str, float] = {}
            rows: dict[str, int] = {}
            for _ in range(args.reps):
                for engine, run in engines.items():
                    elapsed, rows[engine] = _timed(run, sql)
                    best[engine] = min(best.get(engine, elapsed), elapsed)
            for engine in engines:
                totals[engine] += best[engine]
            ratio = best["daft"] / best["datafusion"]
            ratios.append(ratio)
            mismatch = "" if len(set(rows.values())) == 1 else f"  ROW COUNTS DIFFER {rows}"
            print(f"{name:6} {best['datafusion'] * 1000:10.0f} {best['daft'] * 1000:8.0f} {ratio:8.2f} "
                  f"{best['bare daft'] * 1000:10.0f}{mismatch}", flush=True)
    finally:
        lakehouse.close()
    if ratios:
        print(f"{'total':6} {totals['datafusion'] * 1000:10.0f} {totals['daft'] * 1000:8.0f} "
              f"{totals['daft'] / totals['datafusion']:8.2f} {totals['bare daft'] * 1000:10.0f}   "
              f"(the {len(ratios)} queries both engines run)")
        print(f"median daft/datafusion per query: {statistics.median(ratios):.2f}; "
              f"our daft path / bare daft (total): {totals['daft'] / totals['bare daft']:.2f}")
    if unsupported:
        print(f"not run on daft ({len(unsupported)}): {', '.join(unsupported)}")


if __name__ == "__main__":
    main()
