"""TPC-H: the 22 queries through our QueryExecutor vs DuckDB over plain Parquet vs bare DataFusion.

    python bench/tpch.py [--sf 1] [--reps 3] [--queries q01,q18] [--http]

Data is generated once with ``tpchgen-cli`` (pip install tpchgen-cli) under bench/.data/sf<SF>/ and
ingested into a lakehouse there with ``Lakehouse.write_table`` (the normal commit path). DuckDB reads the
very Parquet files of those tables as plain Parquet (same bytes, no Delta log). Bare DataFusion uses
Delta's table provider on the same tables in one long-lived session. Ours is the library call a user
makes, ``Lakehouse.sql``: catalog lookups, a worker process, a fresh sandboxed session per query, the
result back as Arrow IPC.

Each query runs ``--reps`` times per engine, interleaved (the machine may be shared), and the best time
counts. Ratios are against DuckDB.

``--http`` adds the path a service user takes — ``POST /query/sql`` (JSON rows) to a real ``lakehouse
serve`` process on loopback over a keep-alive connection — and bare DataFusion reading the very same
Parquet files (``register_parquet`` on each table's folder), and prints our HTTP path against the latter:
the cost of our layers (catalog and grants, the worker hop, result encoding, HTTP).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "tpch_queries"
TABLES = ["region", "nation", "supplier", "customer", "part", "partsupp", "orders", "lineitem"]


def generate(sf: float) -> Path:
    """Raw TPC-H Parquet from tpchgen-cli, ingested once into a lakehouse through the library."""
    root = HERE / ".data" / f"sf{sf:g}"
    raw = root / "parquet"
    if not all((raw / f"{t}.parquet").exists() for t in TABLES):
        raw.mkdir(parents=True, exist_ok=True)
        tool = shutil.which("tpchgen-cli") or str(Path(sys.executable).parent / "tpchgen-cli")
        print(f"generating TPC-H SF{sf:g} with {tool} ...", file=sys.stderr)
        subprocess.run([tool, "parquet", "-s", f"{sf:g}", "-o", str(raw), "--overwrite"], check=True)
    lakehouse = open_lakehouse(root)
    try:
        for name in TABLES:
            if lakehouse.catalog.datasets.exists(name):
                continue
            source = ds.dataset(raw / f"{name}.parquet")
            # tpchgen writes string_view; Delta has one string type.
            schema = pa.schema([
                pa.field(f.name, pa.string() if f.type == pa.string_view() else f.type, f.nullable)
                for f in source.schema
            ])
            batches = (b.cast(schema) for b in source.to_batches())
            lakehouse.write_table(name, pa.RecordBatchReader.from_batches(schema, batches), source="tpchgen")
            print(f"ingested {name}", file=sys.stderr)
    finally:
        lakehouse.close()
    return root


def open_lakehouse(root: Path):  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    settings = load_settings(None, data_dir=root / "lakehouse",
                             query={"workers": 1, "time_limit_seconds": 600, "max_rows": 10_000_000})
    return Lakehouse(settings)


def table_dirs(root: Path) -> dict[str, str]:
    lakehouse = open_lakehouse(root)
    try:
        bucket = lakehouse.buckets.get("primary")
        return {name: bucket.table_uri(name) for name in TABLES}
    finally:
        lakehouse.close()


def duckdb_runner(root: Path) -> Callable[[str], int]:
    import duckdb
    from deltalake import DeltaTable

    con = duckdb.connect()
    for name, uri in table_dirs(root).items():
        files = DeltaTable(uri).file_uris()
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({files!r})")
    return lambda sql: len(con.execute(sql).fetchall())


def datafusion_runner(root: Path) -> Callable[[str], int]:
    from datafusion import SessionContext
    from deltalake import DeltaTable

    ctx = SessionContext()
    for name, uri in table_dirs(root).items():
        ctx.register_table(name, DeltaTable(uri))
    return lambda sql: ctx.sql(sql).to_arrow_table().num_rows


def datafusion_parquet_runner(root: Path) -> Callable[[str], int]:
    from datafusion import SessionContext

    ctx = SessionContext()
    for name, uri in table_dirs(root).items():
        ctx.register_parquet(name, uri, file_extension=".parquet")
    return lambda sql: ctx.sql(sql).to_arrow_table().num_rows


def http_runner(root: Path) -> tuple[Callable[[str], int], Callable[[], None]]:
    """``lakehouse serve`` on a free loopback port; JSON rows back over one keep-alive connection."""
    import os
    import socket

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "LAKEHOUSE_QUERY__MAX_ROWS": "10000000", "LAKEHOUSE_QUERY__TIME_LIMIT_SECONDS": "600"}
    cli = str(Path(sys.executable).with_name("lakehouse"))
    server = subprocess.Popen([cli, "--data-dir", str(root / "lakehouse"), "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    http = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=600)
    for _ in range(600):
        try:
            if http.get("/health").status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)

    def run(sql: str) -> int:
        response = http.post("/query/sql", json={"sql": sql})
        response.raise_for_status()
        return int(response.json()["row_count"])

    def close() -> None:
        http.close()
        server.terminate()
        server.wait(timeout=30)

    return run, close


def ours_runner(root: Path) -> tuple[Callable[[str], int], Callable[[], None]]:
    """The library path a user takes: Lakehouse.sql -> catalog registrations -> sandboxed worker."""
    lakehouse = open_lakehouse(root)
    return (lambda sql: int(lakehouse.sql(sql).table.num_rows)), lakehouse.close


def _timed(run: Callable[[str], int], sql: str) -> tuple[float, int]:
    start = time.perf_counter()
    rows = run(sql)
    return time.perf_counter() - start, rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sf", type=float, default=1.0, help="scale factor (default 1)")
    parser.add_argument("--reps", type=int, default=3, help="runs per query and engine; the best counts")
    parser.add_argument("--queries", default="", help="comma-separated subset, e.g. q01,q18")
    parser.add_argument("--http", action="store_true",
                        help="also our HTTP path (a real server) against bare DataFusion on the same Parquet")
    args = parser.parse_args()

    root = generate(args.sf)
    wanted = {q.strip() for q in args.queries.split(",") if q.strip()}
    files = sorted(QUERIES.glob("q*.sql"))
    queries = [(p.stem, p.read_text()) for p in files if not wanted or p.stem in wanted]
    ours, close = ours_runner(root)
    engines: dict[str, Callable[[str], int]] = {
        "duckdb": duckdb_runner(root), "datafusion": datafusion_runner(root), "ours": ours,
    }
    closers = [close]
    if args.http:
        http, close_http = http_runner(root)
        engines |= {"df_parquet": datafusion_parquet_runner(root), "http": http}
        closers.append(close_http)
    for run in engines.values():
        run("SELECT 1")
    best: dict[str, list[float]] = {name: [] for name in engines}
    print(f"TPC-H SF{args.sf:g}, best of {args.reps} (ms); ratios vs DuckDB over plain Parquet")
    extra = f" {'df_pq':>8} {'http':>8} {'http/df_pq':>10}" if args.http else ""
    print(f"{'query':6} {'duckdb':>8} {'datafusion':>10} {'ours':>8} {'df/duck':>8} {'ours/duck':>9}{extra}")
    try:
        for name, sql in queries:
            times: dict[str, float] = {}
            rows: dict[str, int] = {}
            for _ in range(args.reps):
                for engine, run in engines.items():
                    elapsed, rows[engine] = _timed(run, sql)
                    times[engine] = min(times.get(engine, elapsed), elapsed)
            for engine in engines:
                best[engine].append(times[engine])
            mismatch = "" if len(set(rows.values())) == 1 else f"  ROW COUNTS DIFFER {rows}"
            more = (f" {times['df_parquet'] * 1000:8.0f} {times['http'] * 1000:8.0f} "
                    f"{times['http'] / times['df_parquet']:10.2f}") if args.http else ""
            print(f"{name:6} {times['duckdb'] * 1000:8.0f} {times['datafusion'] * 1000:10.0f} "
                  f"{times['ours'] * 1000:8.0f} {times['datafusion'] / times['duckdb']:8.2f} "
                  f"{times['ours'] / times['duckdb']:9.2f}{more}{mismatch}", flush=True)
    finally:
        for closer in closers:
            closer()
    totals = {engine: sum(values) for engine, values in best.items()}
    df_ratios = [d / k for d, k in zip(best["datafusion"], best["duckdb"], strict=True)]
    our_ratios = [o / k for o, k in zip(best["ours"], best["duckdb"], strict=True)]
    print(f"{'total':6} {totals['duckdb'] * 1000:8.0f} {totals['datafusion'] * 1000:10.0f} "
          f"{totals['ours'] * 1000:8.0f} {totals['datafusion'] / totals['duckdb']:8.2f} "
          f"{totals['ours'] / totals['duckdb']:9.2f}")
    print(f"{'median':6} {'':8} {'':10} {'':8} {statistics.median(df_ratios):8.2f} "
          f"{statistics.median(our_ratios):9.2f}")
    print(f"ours / bare DataFusion (total): {totals['ours'] / totals['datafusion']:.2f}")
    if args.http:
        http_ratios = [h / d for h, d in zip(best["http"], best["df_parquet"], strict=True)]
        print(f"our HTTP path / bare DataFusion on the same Parquet: median per query "
              f"{statistics.median(http_ratios):.2f}x, total {totals['http'] / totals['df_parquet']:.2f}x "
              f"(target <= 1.15x median)")


if __name__ == "__main__":
    main()
