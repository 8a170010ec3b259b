"""Load and soak: a real ``lakehouse serve`` on loopback, N clients doing mixed SQL / vector search / ingest /
catalog reads for a fixed time.

    python bench/load.py                       # 8 then 32 clients, 5 minutes each
    python bench/load.py --clients 8 --minutes 1
    python bench/load.py --soak                # 30 minutes, 8 clients, refresh scheduler and agent busy
    python bench/load.py --soak --steady 1000  # the same with bounded data: notes overwritten, 1,000 rows each
    flock /tmp/lakehouse-bench.lock python bench/load.py   # how the figures in docs/operations.md were taken

Setup (not timed): the staffing demo (100,000 candidates, 2,000 resumes with a local-model HNSW index), then
the server is started as its own process (``lakehouse --data-dir D serve``). Each client is a thread with
its own kept-alive httpx connection, picking operations at random (seeded) with these weights: SQL 55%
(four query shapes), vector search 20%, catalog reads 15%, ingest 10% (a 50-row Arrow append to the
client's own dataset, so writers never wait on each other's dataset lock). Reported: q/s, p50/p95/p99 per
operation and overall, errors (any non-2xx or transport error, by status), the server's RSS (its own and
with its query workers) and open file descriptors over time, and the RSS growth after warm-up.

Peer, same run and client count: GET /health, the floor of the HTTP stack (uvicorn + FastAPI + auth +
audit), so "mixed q/s / health q/s" shows how much of the serving capacity real work leaves. In soak mode
an index with a scheduled refresh (every minute) over the ingest target keeps the refresh scheduler busy.
Half the clients append to that target, so the index grows through the soak; with ``--steady N`` they
overwrite it with N rows instead (ids from a rolling window), so each refresh replaces documents and the
data stays bounded: the server's RSS after warm-up should then stay within a bound, not follow the data.
The loops are bounded by time and count and talk only to 127.0.0.1. Figures are warm (server already up).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import httpx
import pyarrow as pa

SQL = [
    "SELECT vertical, COUNT(*) AS n, ROUND(AVG(years_experience), 1) AS y FROM candidates GROUP BY vertical",
    "SELECT candidate_id, first_name, state FROM candidates WHERE candidate_id = {id}",
    "SELECT state, COUNT(*) AS n FROM candidates WHERE years_experience > {years} GROUP BY state ORDER BY n DESC "
    "LIMIT 10",
    "SELECT p.client_company, COUNT(*) AS n FROM placements p JOIN candidates c ON c.candidate_id = p.candidate_id "
    "WHERE p.status = 'active' GROUP BY p.client_company ORDER BY n DESC LIMIT 5",
]
SEARCHES = ["ICU nurse who trains new staff", "forklift certified warehouse lead", "python data engineer",
            "bilingual customer support", "cyber security analyst with incident response"]
WEIGHTS = {"sql": 55, "search": 20, "catalog": 15, "ingest": 10}
MAX_REQUESTS_PER_CLIENT = 200_000
ARROW = "application/vnd.apache.arrow.stream"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


CACHE = Path(__file__).resolve().parent / ".data" / "load-demo"


def prepare(data_dir: Path, soak: bool) -> None:
    """The demo data dir, built once into bench/.data/load-demo (git-ignored) and copied for each run."""
    if not (CACHE / "ready").exists():
        shutil.rmtree(CACHE, ignore_errors=True)
        build(CACHE / "data")
        (CACHE / "ready").write_text("1")
    shutil.copytree(CACHE / "data", data_dir, dirs_exist_ok=True)
    if soak:
        add_scheduled_index(data_dir)


def build(data_dir: Path) -> None:
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings
    from lakehouse.demo.run import run_demo

    with Lakehouse(load_settings(None, data_dir=data_dir)) as lh:
        summary = run_demo(lh, rows=100_000, say=lambda _line: None)
        if summary.get("failed"):
            sys.exit(f"demo setup failed: {summary}")


def add_scheduled_index(data_dir: Path) -> None:
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    with Lakehouse(load_settings(None, data_dir=data_dir)) as lh:
        lh.write_table("notes", pa.table({"id": list(range(200)), "text": [f"note {i} about shift {i % 7}"
                                                                       for i in range(200)]}))
        lh.create_vector_index({"index_name": "notes_idx", "dataset": "notes", "id_column": "id",
                                "text_column": "text", "embedder": "local", "refresh_policy": "scheduled",
                                "refresh_cron": "* * * * *", "query_log": True}, wait=True)


def arrow_rows(client: int, start: int, n: int = 50) -> bytes:
    table = pa.table({"id": list(range(start, start + n)), "client": [client] * n,
                      "text": [f"note {i} about shift {i % 7}" for i in range(start, start + n)]})
    sink = io.BytesIO()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


class Results:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter[str] = Counter()
        self.error_samples: list[str] = []
        self.lock = threading.Lock()

    def add(self, op: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latency[op].append(seconds)
            if error is not None:
                self.errors[f"{op}:{error.split(' ', 1)[0]}"] += 1
                if len(self.error_samples) < 10:
                    self.error_samples.append(f"{op}: {error[:300]}")


def client_loop(index: int, url: str, deadline: float, results: Results, health_only: bool, soak: bool,
                steady: int = 0) -> None:
    rng = random.Random(index)
    ops, weights = zip(*WEIGHTS.items(), strict=True)
    next_id = 0
    with httpx.Client(base_url=url, timeout=60) as http:
        for _ in range(MAX_REQUESTS_PER_CLIENT):
            if time.monotonic() >= deadline:
                return
            op = "health" if health_only else rng.choices(ops, weights)[0]
            started = time.perf_counter()
            error = None
            try:
                if op == "health":
                    response = http.get("/health")
                elif op == "sql":
                    sql = rng.choice(SQL).format(id=rng.randrange(1, 100_000), years=rng.randrange(0, 30))
                    response = http.post("/query/sql", json={"sql": sql})
                elif op == "search":
                    response = http.post("/vectors/search/resumes_idx", json={"query": rng.choice(SEARCHES), "k": 5})
                elif op == "catalog":
                    response = http.get(rng.choice(["/catalog/datasets", "/catalog/datasets/by-name/candidates",
                                                    "/vectors/indexes", "/jobs"]))
                else:
                    target = "notes" if soak and index % 2 == 0 else f"load_{index}"
                    if target == "notes" and steady:  # bounded data: replace notes with a window of ids
                        body, mode = arrow_rows(index, (next_id * steady) % (5 * steady), steady), "overwrite"
                    else:
                        body, mode = arrow_rows(index, next_id), "append"
                    response = http.post(f"/ingest/arrow?dataset={target}&mode={mode}", content=body,
                                         headers={"content-type": ARROW})
                    next_id += 50 if not (target == "notes" and steady) else 1
                if response.status_code >= 300:
                    error = f"{response.status_code} {response.text}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__} {exc}"
            results.add(op, time.perf_counter() - started, error)


def process_stats(pid: int) -> dict[str, int]:
    """RSS (kB) of the server alone, of each child (query workers, agent trials) and in all; its open fds."""
    def rss(p: int) -> int:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    try:
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        fds = -1
    own, each = rss(pid), sorted(rss(c) for c in children)
    return {"rss_kb": own, "rss_with_workers_kb": own + sum(each), "workers_rss_kb": each, "open_fds": fds}


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def summarise(results: Results, seconds: float) -> dict[str, Any]:
    every = [v for values in results.latency.values() for v in values]
    out: dict[str, Any] = {"requests": len(every), "qps": round(len(every) / seconds, 1),
                           "errors": sum(results.errors.values()), "errors_by_kind": dict(results.errors),
                           "error_samples": results.error_samples}
    for name, values in [("all", every), *sorted(results.latency.items())]:
        if values:
            out[name] = {"n": len(values), "p50_ms": round(percentile(values, 50) * 1000, 1),
                         "p95_ms": round(percentile(values, 95) * 1000, 1),
                         "p99_ms": round(percentile(values, 99) * 1000, 1)}
    return out


def notes_documents(url: str) -> int:
    """The soak index's live documents (-1 when it cannot be read): what the server's RSS may follow."""
    try:
        return int(httpx.get(f"{url}/vectors/indexes/notes_idx", timeout=10).json().get("documents") or 0)
    except (httpx.HTTPError, ValueError):
        return -1


def run_phase(url: str, pid: int, clients: int, seconds: float, health_only: bool, soak: bool,
              steady: int = 0) -> dict[str, Any]:
    results = Results()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(i, url, deadline, results, health_only, soak, steady),
                                daemon=True) for i in range(clients)]
    samples = []
    started = time.monotonic()
    for thread in threads:
        thread.start()
    interval = max(5.0, seconds / 60)
    while any(t.is_alive() for t in threads) and time.monotonic() < deadline + 90:
        sample = {"t": round(time.monotonic() - started), **process_stats(pid)}
        if soak and not health_only:
            sample["notes_documents"] = notes_documents(url)
        samples.append(sample)
        time.sleep(min(interval, max(0.1, deadline - time.monotonic())) if time.monotonic() < deadline else 1)
    elapsed = time.monotonic() - started
    summary = summarise(results, min(elapsed, seconds))
    if not health_only and samples:
        warm = [s for s in samples if s["t"] >= min(60, seconds * 0.2)] or samples
        first, last = warm[0], samples[-1]
        summary["rss_mb"] = {"after_warmup": round(first["rss_with_workers_kb"] / 1024),
                             "end": round(last["rss_with_workers_kb"] / 1024),
                             "max": round(max(s["rss_with_workers_kb"] for s in samples) / 1024),
                             "growth_after_warmup_pct": round(100 * (last["rss_with_workers_kb"]
                                                                     - first["rss_with_workers_kb"])
                                                              / max(first["rss_with_workers_kb"], 1), 1)}
        summary["server_rss_mb"] = {"after_warmup": round(first["rss_kb"] / 1024), "end": round(last["rss_kb"] / 1024),
                                    "max": round(max(s["rss_kb"] for s in samples) / 1024)}
        summary["open_fds"] = {"after_warmup": first["open_fds"], "end": last["open_fds"],
                               "max": max(s["open_fds"] for s in samples)}
        summary["samples"] = samples
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", default="8,32", help="Comma-separated client counts, one phase each.")
    parser.add_argument("--minutes", type=float, default=None, help="Per phase (default 5; 30 with --soak).")
    parser.add_argument("--soak", action="store_true", help="30-minute soak with the refresh scheduler busy.")
    parser.add_argument("--steady", type=int, default=0, metavar="N",
                        help="Soak with bounded data: the notes writers overwrite it with N rows each time.")
    parser.add_argument("--peer-seconds", type=float, default=20.0, help="GET /health phase per client count.")
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures here.")
    args = parser.parse_args()
    minutes = args.minutes if args.minutes is not None else (30.0 if args.soak else 5.0)
    counts = [8] if args.soak and args.clients == "8,32" else [int(c) for c in args.clients.split(",")]
    data_dir = Path(tempfile.mkdtemp(prefix="bench-load-"))
    t0 = time.perf_counter()
    prepare(data_dir, args.soak)
    print(f"setup (demo data and index, cached in {CACHE}) took {time.perf_counter() - t0:.0f} s; "
          f"cores {os.cpu_count()}; load before: {os.getloadavg()}", flush=True)
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "LAKEHOUSE_LOG_LEVEL": "warning"}
    if args.soak:  # the autotune agent runs through the soak: every refresh of notes_idx wakes it
        env.update({"LAKEHOUSE_AGENT__ENABLED": "true", "LAKEHOUSE_AGENT__WAKE_SECONDS": "60",
                    "LAKEHOUSE_AGENT__COOLDOWN_SECONDS": "30", "LAKEHOUSE_AGENT__MAX_TRIALS_PER_HOUR": "60"})
    cli = Path(sys.executable).parent / "lakehouse"
    server_log = open(data_dir / "server.log", "wb")  # noqa: SIM115 - closed with the server below
    server = subprocess.Popen([str(cli), "--data-dir", str(data_dir), "serve", "--port", str(port)], env=env,
                              stdout=server_log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    report: dict[str, Any] = {"minutes": minutes, "soak": args.soak, "steady": args.steady, "phases": []}
    try:
        for _ in range(600):
            if server.poll() is not None:
                sys.exit(f"the server exited: {(data_dir / 'server.log').read_text()[-3000:]}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            sys.exit(f"the server did not answer /health in 5 minutes: {(data_dir / 'server.log').read_text()[-3000:]}")
        with httpx.Client(base_url=url, timeout=120) as warm:  # load the model and the tables once
            warm.post("/vectors/search/resumes_idx", json={"query": "warm up", "k": 1}).raise_for_status()
            warm.post("/query/sql", json={"sql": SQL[0]}).raise_for_status()
        for clients in counts:
            peer = run_phase(url, server.pid, clients, args.peer_seconds, True, args.soak)
            mixed = run_phase(url, server.pid, clients, minutes * 60, False, args.soak, args.steady)
            phase = {"clients": clients, "mixed": mixed, "peer_health": peer,
                     "ratio_mixed_to_health_qps": round(mixed["qps"] / max(peer["qps"], 0.1), 3),
                     "load_after": os.getloadavg()}
            report["phases"].append(phase)
            print_phase(phase)
        if args.soak:
            with httpx.Client(base_url=url, timeout=60) as http:
                report["soak_notes_idx"] = http.get("/vectors/indexes/notes_idx").json()
                report["soak_agent"] = http.get("/vectors/agent").json()
            print("notes_idx after the soak:", json.dumps({k: report["soak_notes_idx"].get(k) for k in (
                "generation", "documents", "status", "last_refresh_at", "stale_since")}))
            agent = report["soak_agent"]
            print("agent after the soak:", json.dumps({"trials_this_hour": agent.get("trials_this_hour"),
                                                      "indexes": [{k: i.get(k) for k in ("index_name", "state",
                                                                                          "reason")}
                                                                  for i in agent.get("indexes", [])]}))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        server_log.close()
        shutil.rmtree(data_dir, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))


def print_phase(phase: dict[str, Any]) -> None:
    mixed, peer = phase["mixed"], phase["peer_health"]
    print(f"\n{phase['clients']} clients: mixed {mixed['qps']} q/s (p50 {mixed['all']['p50_ms']} ms, "
          f"p95 {mixed['all']['p95_ms']} ms, p99 {mixed['all']['p99_ms']} ms), {mixed['errors']} errors "
          f"{mixed['errors_by_kind'] or ''}")
    print(f"   peer GET /health {peer['qps']} q/s (p95 {peer['all']['p95_ms']} ms); mixed/health = "
          f"{phase['ratio_mixed_to_health_qps']}")
    for op in ("sql", "search", "catalog", "ingest"):
        if op in mixed:
            s = mixed[op]
            print(f"   {op:<8} n={s['n']:<6} p50 {s['p50_ms']:>7} ms  p95 {s['p95_ms']:>7} ms  p99 {s['p99_ms']:>7} ms")
    if "rss_mb" in mixed:
        print(f"   RSS (server + query workers) MB: {mixed['rss_mb']}; server alone: {mixed['server_rss_mb']}; "
              f"open fds: {mixed['open_fds']}")
        print("   RSS over time (minute: server MB | each child MB):")
        for minute in sorted({0, 2, 5, 10, 15, 20, 25, 30, round(mixed["samples"][-1]["t"] / 60)}):
            near = min(mixed["samples"], key=lambda s: abs(s["t"] - minute * 60))
            if abs(near["t"] - minute * 60) <= 60:
                docs = f"  (notes_idx {near['notes_documents']} documents)" if "notes_documents" in near else ""
                print(f"     {minute:>3}: {near['rss_kb'] // 1024} | "
                      f"{' '.join(str(w // 1024) for w in near['workers_rss_kb'])}{docs}")
    for sample in mixed["error_samples"][:5]:
        print(f"   error: {sample}")
    print(f"   load average after: {phase['load_after']}", flush=True)


if __name__ == "__main__":
    main()
