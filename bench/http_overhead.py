"""HTTP overhead: POST /query/sql returning 1,000 rows vs the same library call, in one process.

    python bench/http_overhead.py [--n 100]

A real uvicorn server on 127.0.0.1 (a free port) serves the same Lakehouse the library calls go to;
the client is httpx over a kept-alive connection. Calls interleave; medians are compared.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

SQL = "SELECT * FROM candidates ORDER BY candidate_id LIMIT 1000"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    import uvicorn

    from lakehouse.api.app import create_app
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings
    from lakehouse.demo.data import candidates

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="bench-http-"))
    lakehouse = Lakehouse(load_settings(None, data_dir=data_dir, query={"workers": 1}))
    lakehouse.write_table("candidates", candidates(5_000))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(lakehouse), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    library, http_json, http_arrow = [], [], []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        for _ in range(5):
            lakehouse.sql(SQL)
            client.post("/query/sql", json={"sql": SQL}).raise_for_status()
        for _ in range(args.n):
            start = time.perf_counter()
            assert lakehouse.sql(SQL).table.num_rows == 1000
            library.append(time.perf_counter() - start)
            start = time.perf_counter()
            response = client.post("/query/sql", json={"sql": SQL})
            assert response.json()["row_count"] == 1000
            http_json.append(time.perf_counter() - start)
            start = time.perf_counter()
            client.post("/query/sql", json={"sql": SQL, "format": "arrow"}).raise_for_status()
            http_arrow.append(time.perf_counter() - start)
    server.should_exit = True
    thread.join(timeout=10)
    lakehouse.close()
    lib, js, ar = (statistics.median(x) * 1000 for x in (library, http_json, http_arrow))
    print(f"POST /query/sql, 1,000 rows x 15 columns, median of {args.n}")
    print(f"  library Lakehouse.sql      : {lib:6.2f} ms")
    print(f"  HTTP, JSON rows            : {js:6.2f} ms  (+{js - lib:.2f} ms, {js / lib:.2f}x)  target <= +10 ms")
    print(f"  HTTP, Arrow IPC            : {ar:6.2f} ms  (+{ar - lib:.2f} ms, {ar / lib:.2f}x)")


if __name__ == "__main__":
    main()
