"""Profiles: activation against loading the index alone, and search through a profile against the same
search on the index directly.

    python bench/profiles.py [--n 100000] [--dim 384] [--queries 300] [--rounds 5]

One data dir, one dataset of ``--n`` clustered normalised vectors (a vector column, so no embedding model
runs) and an HNSW index on it (graph persisted), one profile binding the dataset. In one process:
- activation: ``activate_profile`` (catalog lookup, binding resolution, loading the index with its
  persisted graph, the report) vs ``IndexCache.get`` of the same index after dropping it (the load alone);
  rounds alternate which goes first, each starts with nothing loaded; each side keeps its median. Warm page
  cache on both sides (the files were just read).
- search: ``profile_search(index=...)`` vs ``vector_search`` on the same warm index with the same query
  vectors, interleaved per query; the median over rounds of each side's p50 (both audited library calls,
  as an admin).
Targets (issue 13): activation <= 1.2x the load alone; profile search adds <= 5% to the p50.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vectors import clustered  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    data = clustered(args.n, args.dim)
    queries = clustered(args.queries, args.dim, seed=1)
    with tempfile.TemporaryDirectory() as tmp:
        lh = Lakehouse(load_settings(None, data_dir=Path(tmp) / "data", query={"workers": 1}))
        try:
            started = time.perf_counter()
            lh.write_table("vecs", pa.table({"id": pa.array([f"d{i}" for i in range(args.n)]),
                                             "v": pa.array(list(data), pa.list_(pa.float32(), args.dim))}))
            lh.create_vector_index({"index_name": "vecs_idx", "dataset": "vecs", "id_column": "id",
                                    "vector_column": "v"}, wait=True)
            print(f"data: {args.n:,} x {args.dim} clustered vectors, index built in "
                  f"{time.perf_counter() - started:.1f} s (not timed below)")
            lh.create_profile({"id": "bench", "bound": ["vecs"]})
            row = lh.vectors.records.get("vecs_idx")
            load_alone, activation = [], []

            def cold() -> None:  # nothing loaded holds memory the next load could reuse or must fault in
                lh.vectors.cache.drop("vecs_idx")
                lh.activation.active = None
                gc.collect()

            def load() -> None:
                lh.vectors.cache.get(row)

            def activate() -> None:
                report = lh.activate_profile("bench")
                assert [w["index"] for w in report["warmed"]] == ["vecs_idx"], report

            for i in range(args.rounds):
                for side in ((load, activate) if i % 2 == 0 else (activate, load)):
                    cold()
                    t = time.perf_counter()
                    side()
                    (load_alone if side is load else activation).append(time.perf_counter() - t)
            a, b = statistics.median(load_alone), statistics.median(activation)
            print(f"activation {b * 1000:.1f} ms vs load alone {a * 1000:.1f} ms (median of {args.rounds}): "
                  f"{b / a:.3f}x (target <= 1.2x)")
            round_p50: list[tuple[float, float]] = []
            for q in queries[:20]:  # warm-up: both paths' first calls
                lh.vector_search("vecs_idx", vector=q.tolist(), k=10)
                lh.profile_search("bench", {"vector": q.tolist(), "k": 10, "index": "vecs_idx"})
            same = 0
            for _ in range(args.rounds):
                direct, scoped = [], []
                for i, q in enumerate(queries):
                    vector = q.tolist()
                    for side in ((0, 1) if i % 2 == 0 else (1, 0)):
                        t = time.perf_counter()
                        if side == 0:
                            plain = lh.vector_search("vecs_idx", vector=vector, k=10)
                            direct.append(time.perf_counter() - t)
                        else:
                            through = lh.profile_search("bench", {"vector": vector, "k": 10, "index": "vecs_idx"})
                            scoped.append(time.perf_counter() - t)
                    same += [h.doc_id for h in plain.hits] == [h["doc_id"] for h in through["hits"]]
                round_p50.append((float(np.percentile(direct, 50)), float(np.percentile(scoped, 50))))
            p_direct = statistics.median(d for d, _ in round_p50) * 1000
            p_scoped = statistics.median(s for _, s in round_p50) * 1000
            print(f"search p50 (median of {args.rounds} rounds of {len(queries)} interleaved queries): through the "
                  f"profile {p_scoped:.3f} ms vs the index directly {p_direct:.3f} ms: "
                  f"{(p_scoped / p_direct - 1) * 100:+.1f}% (target <= +5%); same top-10 for "
                  f"{same}/{len(queries) * args.rounds} queries; method {through['method']}")
        finally:
            lh.close()


if __name__ == "__main__":
    main()
