"""Vector search: our HNSW path vs bare faiss (same M/ef_construction/ef_search) and vs our exact search.

    python bench/vectors.py [--n 100000] [--dim 384] [--queries 200]

Data: clustered synthetic vectors (stated in the output; real MiniLM embeddings of 100K texts take
hours on 2 cores), normalised for cosine. Figures, each beside its peer in the same run:
- build: ``Indexer`` graph build (``build_graph``) vs ``faiss.IndexHNSWFlat.add``
- single-thread QPS at recall@10: our ``Searcher.top_k`` (selector-free path, doc dedupe, hit objects)
  vs bare ``index.search`` vs our exact search
- restart to first search: a new Lakehouse on the same data dir, first ``vector_search`` by vector
- end-to-end ``POST /vectors/search`` p50 (vector query over 100K) plus the local query-embedding p50
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import faiss
import numpy as np
import pyarrow as pa


def clustered(n: int, dim: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(max(n // 100, 1), dim)).astype(np.float32)
    points = centers[rng.integers(0, len(centers), n)] + 0.35 * rng.normal(size=(n, dim)).astype(np.float32)
    return points / np.linalg.norm(points, axis=1, keepdims=True)


def recall(found: list[list[int]], truth: list[list[int]]) -> float:
    return sum(len(set(f) & set(t)) for f, t in zip(found, truth, strict=True)) / sum(len(t) for t in truth)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=80)
    parser.add_argument("--ef-search", type=int, default=40)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from lakehouse.api.app import create_app
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings
    from lakehouse.vectors import ann
    from lakehouse.vectors.build import build_graph

    data = clustered(args.n, args.dim)
    rng = np.random.default_rng(1)
    queries = clustered(args.queries, args.dim, seed=2) * 0.5 + data[rng.integers(0, args.n, args.queries)] * 0.5
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    k = 10
    print(f"data: {args.n:,} x {args.dim} clustered synthetic vectors (cosine), {args.queries} queries, "
          f"M={args.m} efC={args.ef_construction} ef={args.ef_search}")

    config = ann.HnswConfig(args.m, args.ef_construction, args.ef_search)
    t0 = time.perf_counter()
    bare = faiss.IndexHNSWFlat(args.dim, args.m, faiss.METRIC_INNER_PRODUCT)
    bare.hnsw.efConstruction = args.ef_construction
    bare.add(data)
    bare_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    build_graph(data, "cosine", config, 1)
    our_build = time.perf_counter() - t0
    print(f"build: ours {our_build:.1f} s, bare faiss {bare_build:.1f} s  (ratio {our_build / bare_build:.2f}x)")

    faiss.omp_set_num_threads(1)
    truth = [ann.search_exact(data, q, k)[1].tolist() for q in queries[:50]]

    tmp = Path(tempfile.mkdtemp(prefix="bench-vectors-"))
    try:
        lh = Lakehouse(load_settings(None, data_dir=tmp, query={"workers": 1}))
        lh.write_table("vecs", pa.table({"id": np.arange(args.n), "v": pa.FixedSizeListArray.from_arrays(
            pa.array(data.reshape(-1)), args.dim)}))
        t0 = time.perf_counter()
        job = lh.create_vector_index({"index_name": "bench", "dataset": "vecs", "id_column": "id",
                                      "vector_column": "v", "m": args.m, "ef_construction": args.ef_construction,
                                      "ef_search": args.ef_search}, wait=True)
        assert job.status == "succeeded", job.error
        print(f"index build job end to end (read table, write embeddings Delta, graph, persist): "
              f"{time.perf_counter() - t0:.1f} s")
        searcher = lh.vectors.searcher
        row = lh.vectors.records.get("bench")
        loaded = lh.vectors.cache.get(row)

        def timed(fn, qs):  # type: ignore[no-untyped-def]
            out, t0 = [], time.perf_counter()
            for q in qs:
                out.append(fn(q))
            return out, time.perf_counter() - t0

        params = faiss.SearchParametersHNSW()
        params.efSearch = args.ef_search
        bare_found, bare_t = timed(lambda q: bare.search(q.reshape(1, -1), k, params=params)[1][0].tolist(), queries)
        our_found, our_t = timed(lambda q: [h.doc_id for h in searcher.top_k(
            loaded, q, k, None, args.ef_search, False, False)[0]], queries)
        exact_found, exact_t = timed(lambda q: [h.doc_id for h in searcher.top_k(
            loaded, q, k, None, args.ef_search, False, True)[0]], queries[:50])
        nq = len(queries)
        print(f"recall@10: ours {recall(our_found[:50], truth):.3f}, bare faiss {recall(bare_found[:50], truth):.3f}, "
              f"exact {recall(exact_found, truth):.3f}")
        speedup = exact_t / 50 / (our_t / nq)
        print(f"single-thread QPS: ours {nq / our_t:,.0f}, bare faiss {nq / bare_t:,.0f} "
              f"(ratio {bare_t / our_t:.2f}x), our exact {50 / exact_t:,.0f} (hnsw/exact {speedup:.0f}x)")

        with TestClient(create_app(lh)) as client:
            lat = []
            for q in queries[:100]:
                t0 = time.perf_counter()
                r = client.post("/vectors/search/bench", json={"vector": q.tolist(), "k": 10})
                lat.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200
        embedder = lh.vectors.embedders.get("local")
        embedder.embed_query("warm up")
        emb = []
        for i in range(30):
            t0 = time.perf_counter()
            embedder.embed_query(f"registered nurse with ICU experience number {i}")
            emb.append((time.perf_counter() - t0) * 1000)
        api_p50, emb_p50 = statistics.median(lat), statistics.median(emb)
        print(f"POST /vectors/search (vector, 100 queries) p50 {api_p50:.1f} ms; local query embedding p50 "
              f"{emb_p50:.1f} ms; end-to-end text query p50 ~{api_p50 + emb_p50:.1f} ms")
        lh.close()

        t0 = time.perf_counter()
        again = Lakehouse(load_settings(None, data_dir=tmp, query={"workers": 1}))
        opened = time.perf_counter() - t0
        again.vector_search("bench", vector=queries[0].tolist(), k=10)
        print(f"restart to first search: {time.perf_counter() - t0:.2f} s (of which opening the lakehouse "
              f"{opened:.2f} s; the persisted graph is loaded, not rebuilt)")
        again.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
