"""Profiles: activation against loading the index alone, and search through a profile against the same
search on the index directly.

    python bench/profiles.py [--n 100000] [--dim 384] [--queries 300] [--rounds 5]

One data dir, one dataset of ``--n`` clustered normalised vectors (a vector column, so no embedding model
runs) and an HNSW index on it (graph persisted), one profile binding the dataset. In one process:
- activation: ``activate_profile`` (catalog lookup, binding resolution, loading the index with its
  persisted graph, the report) vs ``IndexCache.get`` of the same index after dropping it (the load alone);
  rounds alternate, each side keeps its median. Warm page cache on both sides (the files were just read).
- search: ``profile_search(index=...)`` vs ``vector_search`` on the same warm index with the same query
  vectors, interleaved per query; p50 of each (both audited library calls, as an admin).
Targets (issue 13): activation <= 1.2x the load alone; profile search adds <= 5% to the p50.
"""

from __future__ import annotations

import argparse
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
            for _ in range(args.rounds):
                lh.vectors.cache.drop("vecs_idx")
                t = time.perf_counter()
                lh.vectors.cache.get(row)
                load_alone.append(time.perf_counter() - t)
                lh.vectors.cache.drop("vecs_idx")
                lh.activation.active = None
                t = time.perf_counter()
                report = lh.activate_profile("bench")
                activation.append(time.perf_counter() - t)
                assert [w["index"] for w in report["warmed"]] == ["vecs_idx"], report
            a, b = statistics.median(load_alone), statistics.median(activation)
            print(f"activation {b * 1000:.1f} ms vs load alone {a * 1000:.1f} ms (median of {args.rounds}): "
                  f"{b / a:.3f}x (target <= 1.2x)")
            direct, scoped = [], []
            for q in queries[:20]:  # warm-up: both paths' first calls
                lh.vector_search("vecs_idx", vector=q.tolist(), k=10)
                lh.profile_search("bench", {"vector": q.tolist(), "k": 10, "index": "vecs_idx"})
            same = 0
            for i, q in enumerate(queries):
                vector = q.tolist()
                order = (0, 1) if i % 2 == 0 else (1, 0)
                for side in order:
                    t = time.perf_counter()
                    if side == 0:
                        plain = lh.vector_search("vecs_idx", vector=vector, k=10)
                        direct.append(time.perf_counter() - t)
                    else:
                        through = lh.profile_search("bench", {"vector": vector, "k": 10, "index": "vecs_idx"})
                        scoped.append(time.perf_counter() - t)
                same += [h.doc_id for h in plain.hits] == [h["doc_id"] for h in through["hits"]]
            p_direct, p_scoped = np.percentile(direct, 50) * 1000, np.percentile(scoped, 50) * 1000
            print(f"search p50: through the profile {p_scoped:.3f} ms vs the index directly {p_direct:.3f} ms: "
                  f"+{(p_scoped / p_direct - 1) * 100:.1f}% (target <= 5%); same top-10 for {same}/{len(queries)} "
                  f"queries; method {through['method']}")
        finally:
            lh.close()


if __name__ == "__main__":
    main()
