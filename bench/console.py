"""Console pages (/ui) for a catalog of 1,000 datasets and 100,000 audit records, each beside the JSON API
call that reads the same data, on a real uvicorn server.

    python bench/console.py [--n 30] [--datasets 1000] [--audit 100000]

Each figure is the median of ``--n`` loopback round trips over a kept-alive connection (so an upper bound
of the page's server time), page and peer calls interleaved after a warm-up. Target (issue 17): every page
<= 200 ms. The catalog is built once under bench/.data/console-<datasets>-<audit>/ and reused.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from datetime import timedelta
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
TARGET_MS = 200.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build(data_dir: Path, datasets: int, audit_rows: int) -> None:
    import pyarrow as pa
    from sqlalchemy import insert

    from lakehouse.app import Lakehouse
    from lakehouse.catalog.models_governance import AuditRow
    from lakehouse.config import load_settings
    from lakehouse.types import utcnow

    lakehouse = Lakehouse(load_settings(None, data_dir=data_dir, query={"workers": 1}))
    try:
        started = time.perf_counter()
        table = pa.table({"id": [1, 2, 3], "email": ["a@example.com", "b@example.org", "c@example.net"],
                          "city": ["Lyon", "Oslo", "Kyiv"], "amount": [1.5, 2.5, 3.5]})
        for i in range(datasets):
            lakehouse.write_table(f"ds_{i:04d}", table)
        lakehouse.patch_metadata("ds_0500", {"description": "the one the dataset page shows", "tags": ["bench"]})
        lakehouse.create_view({"name": "ds_0500_safe", "base_dataset": "ds_0500", "columns": ["id", "email"],
                               "column_redactions": {"email": {"kind": "mask", "keep_prefix": 1}}})
        print(f"  built {datasets:,} datasets in {time.perf_counter() - started:.0f} s", flush=True)
        now, actions = utcnow(), ("dataset.get", "query.sql", "http.get", "view.get", "dataset.list")
        rows = [{"at": now - timedelta(seconds=audit_rows - i), "actor": f"user{i % 50}", "role": "reader",
                 "action": actions[i % len(actions)], "objects": [f"ds_{i % datasets:04d}"], "outcome": "ok",
                 "status": 200, "rows": i % 100, "elapsed_ms": 1.0, "request_id": f"r{i}"}
                for i in range(audit_rows)]
        with lakehouse.catalog.sessions.begin() as session:
            for chunk in range(0, len(rows), 10_000):
                session.execute(insert(AuditRow), rows[chunk:chunk + 10_000])
        (data_dir / ".complete").touch()
    finally:
        lakehouse.close()


PAIRS = [  # (what, console page, peer: the JSON API call reading the same data)
    ("datasets list", "/ui/", "/catalog/datasets?columns=false"),
    ("datasets search", "/ui/?q=ds_05", "/catalog/datasets?columns=false"),
    ("dataset page", "/ui/datasets/ds_0500", "/catalog/datasets/by-name/ds_0500"),
    ("dataset rows", "/ui/datasets/ds_0500/rows", None),
    ("SQL page", "/ui/sql", "/catalog/datasets?columns=false"),
    ("SQL columns panel", "/ui/sql/columns?name=ds_0500", "/catalog/datasets/by-name/ds_0500"),
    ("governance", "/ui/governance", "/catalog/views"),
    ("view page", "/ui/views/ds_0500_safe", "/catalog/views/ds_0500_safe"),
    ("audit", "/ui/audit", "/audit?limit=100"),
    ("audit by object", "/ui/audit?object=ds_0500", "/audit?object=ds_0500&limit=100"),
    ("audit by principal", "/ui/audit?principal=user7&action=query.*", "/audit?actor=user7&action=query.*&limit=100"),
    ("journal", "/ui/journal", "/journal/events?limit=100"),
    ("vectors", "/ui/vectors", "/vectors/indexes"),
    ("jobs", "/ui/jobs", "/jobs"),
    ("admin", "/ui/admin", "/auth/tokens"),
    ("models", "/ui/models", "/admin/vram"),
]


def main() -> None:
    import uvicorn

    from lakehouse.api.app import create_app
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--datasets", type=int, default=1000)
    parser.add_argument("--audit", type=int, default=100_000)
    args = parser.parse_args()
    data_dir = HERE / ".data" / f"console-{args.datasets}-{args.audit}"
    if not (data_dir / ".complete").exists():
        build(data_dir, args.datasets, args.audit)
    lakehouse = Lakehouse(load_settings(None, data_dir=data_dir, query={"workers": 1}))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(lakehouse), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    times: dict[str, list[float]] = {}
    sizes: dict[str, int] = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60, headers={"HX-Request": "true"}) as fragments, \
            httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        def get(path: str) -> float:
            use = fragments if path.endswith("/rows") else client
            start = time.perf_counter()
            response = use.get(path)
            elapsed = (time.perf_counter() - start) * 1000
            response.raise_for_status()
            sizes[path] = len(response.content)
            return elapsed

        for _ in range(3):
            for _, page, peer in PAIRS:
                get(page)
                if peer:
                    get(peer)
        for _ in range(args.n):
            for _, page, peer in PAIRS:
                times.setdefault(page, []).append(get(page))
                if peer:
                    times.setdefault(peer, []).append(get(peer))
    server.should_exit = True
    thread.join(timeout=10)
    audited = len(lakehouse.audit_events(limit=1_000_000))
    lakehouse.close()
    print(f"Console pages, {args.datasets:,} datasets, {audited:,} audit records; median of {args.n} warm loopback "
          f"round trips; target <= {TARGET_MS:.0f} ms")
    print(f"  {'page':<20} {'console':>10} {'HTML':>8}   {'peer (JSON API)':<44} {'peer':>9}  ratio")
    worst = 0.0
    for what, page, peer in PAIRS:
        ms = statistics.median(times[page])
        worst = max(worst, ms)
        flag = "ok" if ms <= TARGET_MS else "OVER"
        if peer:
            peer_ms = statistics.median(times[peer])
            print(f"  {what:<20} {ms:8.1f} ms {sizes[page] / 1024:6.0f} kB   {peer:<44} {peer_ms:7.1f} ms  "
                  f"{ms / peer_ms:4.1f}x  {flag}")
        else:
            print(f"  {what:<20} {ms:8.1f} ms {sizes[page] / 1024:6.0f} kB   {'(a page of rows; no JSON twin)':<44}"
                  f" {'':>9}  {'':>4}   {flag}")
    print(f"  slowest page: {worst:.1f} ms (target <= {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
