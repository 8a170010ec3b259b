"""MCP overhead: the `sql` and `vector_search` tools over stdio vs the same calls through the library.

    python bench/mcp_overhead.py [--n 200] [--rows 5000] [--docs 20000]

One data dir (token auth): `candidates` (the demo generator) and a 384-d vector index built from a vector
column (no embedding model in either path, so the figure is the MCP layer's own). The library side is
`Lakehouse.sql` / `Lakehouse.vector_search` in this process as the same reader principal; the MCP side is a
real `lakehouse mcp` subprocess driven by the SDK's stdio client. Calls interleave; the p50 difference is what
an agent pays for the protocol, authentication on every call, provenance, the audit record and the envelope.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio
import numpy as np
import pyarrow as pa

SQL = "SELECT candidate_id, first_name, state, years_experience FROM candidates WHERE state = $s " \
      "ORDER BY candidate_id LIMIT 50"


def build(data_dir: Path, rows: int, docs: int) -> tuple[str, Any]:
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings
    from lakehouse.demo.data import candidates

    lh = Lakehouse(load_settings(None, data_dir=data_dir, auth={"mode": "token"}, query={"workers": 1}))
    lh.write_table("candidates", candidates(rows))
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((docs, 384)).astype(np.float32)
    lh.write_table("embeddings", pa.table({"id": pa.array(range(docs), pa.int64()),
                                           "v": pa.array(list(vectors), pa.list_(pa.float32()))}))
    job = lh.create_vector_index({"index_name": "emb_idx", "dataset": "embeddings", "id_column": "id",
                                  "vector_column": "v"}, wait=True)
    assert job.status == "succeeded", job.error
    token = lh.create_token("bench-reader", "reader")["token"]
    for name in ("candidates", "embeddings"):
        lh.add_grant("bench-reader", "dataset", name)
    return token, lh


def p50(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> None:
    from mcp import Client, StdioServerParameters

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--docs", type=int, default=20_000)
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="bench-mcp-"))
    token, lh = build(data_dir, args.rows, args.docs)
    actor = lh.authenticate(token)
    queries = np.random.default_rng(11).standard_normal((args.n, 384)).astype(np.float32).tolist()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAKEHOUSE_")}
    env.update(LAKEHOUSE_DATA_DIR=str(data_dir), LAKEHOUSE_AUTH__MODE="token", LAKEHOUSE_TOKEN=token,
               LAKEHOUSE_QUERY__WORKERS="1", LAKEHOUSE_MCP__RATE_LIMIT_PER_MINUTE="100000", HF_HUB_OFFLINE="1")
    command = str(Path(sys.executable).with_name("lakehouse"))
    timings: dict[str, list[float]] = {"lib_sql": [], "mcp_sql": [], "lib_search": [], "mcp_search": []}

    async def run() -> None:
        async with Client(StdioServerParameters(command=command, args=["mcp"], env=env)) as client:
            for i in range(10):  # warm both sides: workers, caches, the loaded index
                lh.sql(SQL, params={"s": "CA"}, actor=actor)
                await client.call_tool("sql", {"query": SQL, "params": {"s": "CA"}})
                lh.vector_search("emb_idx", vector=queries[i], k=10, actor=actor)
                await client.call_tool("vector_search", {"index": "emb_idx", "vector": queries[i], "k": 10})
            for i in range(args.n):
                state = ("CA", "NY", "TX", "WA")[i % 4]
                start = time.perf_counter()
                rows = lh.sql(SQL, params={"s": state}, actor=actor).table.num_rows
                timings["lib_sql"].append(time.perf_counter() - start)
                start = time.perf_counter()
                result = await client.call_tool("sql", {"query": SQL, "params": {"s": state}})
                timings["mcp_sql"].append(time.perf_counter() - start)
                assert result.structured_content and result.structured_content["row_count"] == rows
                start = time.perf_counter()
                hits = lh.vector_search("emb_idx", vector=queries[i], k=10, actor=actor).hits
                timings["lib_search"].append(time.perf_counter() - start)
                start = time.perf_counter()
                found = await client.call_tool("vector_search", {"index": "emb_idx", "vector": queries[i], "k": 10})
                timings["mcp_search"].append(time.perf_counter() - start)
                assert found.structured_content and len(found.structured_content["hits"]) == len(hits)

    anyio.run(run)
    lh.close()
    print(f"MCP over stdio vs the library, same data dir and principal, median of {args.n} interleaved calls")
    labels = (("sql", f"sql, 50 rows of {args.rows:,}"), ("search", f"vector_search k=10, {args.docs:,} x 384"))
    for what, label in labels:
        lib, mcp = p50(timings[f"lib_{what}"]), p50(timings[f"mcp_{what}"])
        print(f"  {label:32s} library {lib:6.2f} ms   MCP stdio {mcp:6.2f} ms   "
              f"(+{mcp - lib:.2f} ms, {mcp / lib:.2f}x)  target <= +5 ms")


if __name__ == "__main__":
    main()
