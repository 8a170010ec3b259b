"""Replicas: one ``lakehouse serve`` vs two vs three (``--servers``), each with its own data dir, over one
PostgreSQL catalog and one S3 bucket (a moto server on loopback), the same 8 clients spread over the servers.

    python bench/replicas.py                 # 2 minutes per phase
    flock /tmp/lakehouse-bench.lock python bench/replicas.py --minutes 5

Setup (not timed): a fresh PostgreSQL database, a moto S3 server, a bucket ``shared`` holding ``people``
(100,000 rows) and ``points`` (2,000 x 64 float vectors) with a ``vector_column`` index refreshed every
minute by the scheduler; the autotune agent enabled on every server. Clients (threads, kept-alive httpx)
pick SQL over ``people`` 60%, catalog reads 20%, a 50-row append to their own dataset in ``shared`` 15%
and a 5-row append to ``points`` 5% (several writers on one dataset, through different servers).

Reported per phase: q/s, p50/p95 per operation, errors. Checked after the last phase (correctness is
the point, not speed: every server shares the same 2 cores): every acknowledged append is in the table, read
through each server (no lost write); at most one scheduled refresh of ``points_idx`` per cron minute (no
duplicate); exactly one server leads the scheduler and the agent.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import pyarrow as pa

ARROW = "application/vnd.apache.arrow.stream"
SECRET = {"LAKEHOUSE_GOVERNANCE__SECRET": "env:LAKEHOUSE_SECRET_GOVERNANCE",
          "LAKEHOUSE_SECRET_GOVERNANCE": uuid.uuid4().hex * 2,
          "LAKEHOUSE_SECRET_S3_KEY": "bench-key", "LAKEHOUSE_SECRET_S3_SECRET": "bench-secret"}
SQL = ["SELECT state, COUNT(*) AS n FROM people WHERE age > {n} GROUP BY state ORDER BY n DESC LIMIT 5",
       "SELECT id, name, state FROM people WHERE id = {id}",
       "SELECT COUNT(*) AS n, ROUND(AVG(age), 1) AS a FROM people"]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def arrow(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def points(start: int, n: int) -> pa.Table:
    rng = np.random.default_rng(start)
    vectors = rng.normal(size=(n, 64)).astype(np.float32)
    return pa.table({"id": list(range(start, start + n)),
                     "v": pa.FixedSizeListArray.from_arrays(pa.array(vectors.ravel()), 64)})


class Results:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter[str] = Counter()
        self.appended: Counter[str] = Counter()
        self.lock = threading.Lock()


def client(index: int, urls: list[str], deadline: float, results: Results) -> None:
    rng = random.Random(index)
    url = urls[index % len(urls)]
    next_id = 1_000_000 * (index + 1)
    with httpx.Client(base_url=url, timeout=120) as http:
        while time.monotonic() < deadline:
            op = rng.choices(["sql", "catalog", "ingest", "points"], [60, 20, 15, 5])[0]
            started = time.perf_counter()
            rows = 0
            try:
                if op == "sql":
                    response = http.post("/query/sql", json={"sql": rng.choice(SQL).format(
                        n=rng.randrange(20, 70), id=rng.randrange(100_000))})
                elif op == "catalog":
                    response = http.get(rng.choice(["/catalog/datasets", "/vectors/indexes", "/jobs"]))
                else:
                    dataset, rows = (f"load_{index}", 50) if op == "ingest" else ("points", 5)
                    table = (pa.table({"id": list(range(next_id, next_id + rows)), "v": [index] * rows})
                             if op == "ingest" else points(next_id, rows))
                    response = http.post(f"/ingest/arrow?dataset={dataset}&bucket=shared", content=arrow(table),
                                         headers={"content-type": ARROW})
                    next_id += rows
            except httpx.HTTPError as exc:  # a server that stops answering is a figure, not a crash of the bench
                with results.lock:
                    results.errors[f"{op}:{type(exc).__name__}"] += 1
                continue
            with results.lock:
                results.latency[op].append(time.perf_counter() - started)
                if response.status_code >= 300:
                    results.errors[f"{op}:{response.status_code}"] += 1
                elif rows:
                    results.appended["points" if op == "points" else f"load_{index}"] += rows


def phase(urls: list[str], clients: int, seconds: float) -> Results:
    results = Results()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(i, urls, deadline, results)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def p95_of(values: list[float]) -> float:
    return (statistics.quantiles(values, n=100)[94] if len(values) > 1 else max(values, default=0.0)) * 1000


def report(name: str, results: Results, seconds: float) -> dict[str, Any]:
    every = [v for values in results.latency.values() for v in values]
    p95 = p95_of(every)
    print(f"{name}: {len(every) / seconds:.1f} q/s, p50 {statistics.median(every) * 1000:.0f} ms, p95 {p95:.0f} ms, "
          f"errors {dict(results.errors) or 0}")
    for op, values in sorted(results.latency.items()):
        print(f"   {op:<8} n={len(values):<6} p50 {statistics.median(values) * 1000:7.1f} ms  "
              f"p95 {p95_of(values):7.1f} ms")
    return {"qps": len(every) / seconds, "p95_ms": p95}


def serve(data_dir: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cli = Path(sys.executable).parent / "lakehouse"
    log = open(data_dir.with_suffix(".log"), "wb")  # noqa: SIM115 - lives as long as the server
    server = subprocess.Popen([str(cli), "--data-dir", str(data_dir), "serve", "--port", str(port)], env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        if server.poll() is not None:
            sys.exit(f"a server exited: {data_dir.with_suffix('.log').read_text()[-3000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return server, url
        except httpx.HTTPError:
            time.sleep(0.2)
    sys.exit("a server did not answer /health in 2 minutes")


def prepare(data_dir: Path, env: dict[str, str], endpoint: str, bucket: str) -> None:
    os.environ.update(env)
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    rng = np.random.default_rng(7)
    people = pa.table({"id": np.arange(100_000), "name": [f"person {i}" for i in range(100_000)],
                       "state": rng.choice(["CA", "NY", "TX", "WA", "OR", "FL"], 100_000),
                       "age": rng.integers(18, 90, 100_000)})
    with Lakehouse(load_settings(None, data_dir=data_dir)) as lh:
        lh.add_bucket({"name": "shared", "backend": "s3", "bucket": bucket, "endpoint": endpoint,
                       "region": "us-east-1", "access_key_id_ref": "env:LAKEHOUSE_SECRET_S3_KEY",
                       "secret_access_key_ref": "env:LAKEHOUSE_SECRET_S3_SECRET", "allow_http": True})
        lh.write_table("people", people, bucket="shared")
        lh.write_table("points", points(0, 2000), bucket="shared")
        lh.create_vector_index({"index_name": "points_idx", "dataset": "points", "id_column": "id",
                                "vector_column": "v", "refresh_policy": "scheduled", "refresh_cron": "* * * * *"},
                               wait=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=2.0, help="Per phase.")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--servers", type=int, default=3, help="Phases with 1, 2, ... this many servers.")
    args = parser.parse_args()
    import boto3
    import psycopg

    work = Path(tempfile.mkdtemp(prefix="bench-replicas-"))
    database = f"bench_replicas_{uuid.uuid4().hex[:8]}"
    admin = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    port = free_port()
    moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint, bucket = f"http://127.0.0.1:{port}", "bench-replicas"
    servers: list[subprocess.Popen[bytes]] = []
    try:
        time.sleep(2)
        boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="bench-key", aws_secret_access_key="bench-secret",
                     region_name="us-east-1").create_bucket(Bucket=bucket)
        env = {**os.environ, **SECRET, "HF_HUB_OFFLINE": "1", "LAKEHOUSE_LOG_LEVEL": "warning",
               "LAKEHOUSE_CATALOG__URL": f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}",
               "LAKEHOUSE_AGENT__ENABLED": "true"}
        prepare(work / "setup", env, endpoint, bucket)
        seconds = args.minutes * 60
        print(f"cores {os.cpu_count()}; {args.clients} clients; {args.minutes} min per phase; "
              f"load before: {os.getloadavg()}", flush=True)
        urls: list[str] = []
        appended: Counter[str] = Counter()
        figures: list[dict[str, float]] = []
        for count in range(1, args.servers + 1):
            server, url = serve(work / f"server{count}", env)
            servers.append(server)
            urls.append(url)
            started = time.time()
            results = phase(urls, args.clients, seconds)
            appended += results.appended
            figures.append(report(f"{count} server{'s' if count > 1 else ' '}", results, seconds))
            if count > 1:
                print(f"{count} servers / 1: q/s {figures[-1]['qps'] / figures[0]['qps']:.2f}x, "
                      f"p95 {figures[-1]['p95_ms'] / figures[0]['p95_ms']:.2f}x (same 2 cores: another server "
                      "adds no CPU)", flush=True)
        check(urls, appended, started)
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                print(f"a server did not stop in 30 s after SIGTERM (pid {server.pid}): killed")
                server.kill()
        moto.terminate()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}")


def check(urls: list[str], appended: Counter[str], since: float) -> None:
    """No lost write (``appended``: acknowledged rows per dataset, every phase), no duplicate scheduled
    refresh in the last phase, one leader of each loop."""
    lost = 0
    url_a = urls[0]
    with httpx.Client(timeout=60) as http:
        heads = {d["name"]: d for d in http.get(f"{url_a}/catalog/datasets").json()["items"]}
        for dataset, rows in sorted(appended.items()):
            start = 2000 if dataset == "points" else 0
            for url in urls:
                got = http.post(f"{url}/query/sql", json={"sql": f"SELECT COUNT(*) FROM {dataset}"}).json()["rows"]
                lost += start + rows - got[0][0]
        print(f"acknowledged appends: {sum(appended.values())} rows in {len(appended)} datasets "
              f"({len(heads)} in the catalog); missing through any server: {lost}")
        jobs = http.get(f"{url_a}/jobs", params={"limit": 1000}).json()["items"]
        minutes = Counter(j["created_at"][:16] for j in jobs if j["kind"] == "vectors.refresh"
                          and j["actor"] == "vector-scheduler"
                          and j["created_at"] >= time.strftime("%Y-%m-%dT%H:%M", time.gmtime(since)))
        print(f"scheduled refreshes of points_idx per minute: {dict(sorted(minutes.items()))} "
              f"(duplicates: {sum(n - 1 for n in minutes.values() if n > 1)})")
        leads = [http.get(f"{url}/health").json()["leads"] for url in urls]
        print(f"leaders: {leads}")


if __name__ == "__main__":
    main()
