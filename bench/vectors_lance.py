"""The Lance vector backend beside bare pylance on the same data, and the HNSW backend beside both.

    flock /tmp/lakehouse-bench.lock python bench/vectors_lance.py [--n 100000] [--dim 384] [--queries 200]

Data: clustered synthetic vectors normalised for cosine (stated in the output); ``--queries`` more vectors
from the same clusters are held out (never indexed) as queries, their truth numpy's exact top-10. The index
is a vector_column index (your own vectors), so no embedding time is in any figure. Figures, each beside its
peer in the same run (ratio = ours / peer, time; lower is better):
- IVF_PQ build (median of ``--build-rounds``, ours and bare alternating): ``POST /vectors/indexes/{idx}/ann``
  (IVF_PQ over the stored rows + catalog switch) vs bare
  ``create_index(replace=True)`` with the same sizes and training parameters (``sample_rate``, ``max_iters``:
  settings ``vectors.lance_*``); the whole ``POST /vectors/index`` build (source read from Delta,
  normalised, written, IVF_PQ, BTREE on doc_id) vs bare ``write_dataset`` + ``create_index`` +
  ``create_scalar_index``; and bare ``create_index`` with pylance's own training defaults beside them, each
  with the recall@10 its index reaches (refine_factor 10) at the chosen nprobes.
- search: the smallest nprobes (refine_factor 10) reaching ``--target`` recall@10 for bare pylance; at that
  setting our ``Searcher.top_k`` (hit assembly with text) vs bare ``to_table(nearest=...)``: single caller
  thread QPS (best of alternating rounds) and p50; the service call (governance + top_k) p50 beside them.
  Two IVF_PQ trainings differ (k-means starts at random), so QPS is also compared with bare pylance
  searching our own dataset and index: that ratio is our per-query overhead alone.
- fetch by doc_id: ours (the id map over the loaded metadata; vectors by ``take``) vs bare
  ``to_table(filter="doc_id = x")`` and bare ``take`` by position.
- append 100 rows: ours (the append route's call) vs bare ``insert``; bytes added to the dataset folder.
- migrate: hnsw -> lance of the whole index (rows + BTREE written, catalog switched; IVF_PQ trains in the
  vectors.ann job queued after it, timed separately) vs bare write_dataset alone and with the BTREE.
- the hnsw backend: build, recall@10 / p50 / QPS at the smallest ef_search reaching the target, fetch,
  append, memory: the docs' "choosing a backend" table.
Warm: every search figure is after one untimed pass over the queries. Cold: builds and migrate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent))
# the same data, truth and timing as bench/vectors.py
from vectors import K, best_seconds, clustered, exact_truth, recall  # noqa: E402

NPROBES = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128]
EFS = [16, 24, 32, 40, 48, 64, 80, 96, 128, 160, 200, 256, 320]


def p50_ms(fn: Callable[[Any], Any], items: list[Any]) -> float:
    times = []
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def row(label: str, ours: float, peer: float, unit: str, peer_name: str) -> None:
    print(f"  {label:<30} ours {ours:>10.3f} {unit:<4} {peer_name:<24} {peer:>10.3f} {unit:<4} "
          f"ratio {ours / peer:5.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--dim", type=int, default=384)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--target", type=float, default=0.95)
    parser.add_argument("--appends", type=int, default=21, help="appends of 100 rows, ours and bare alternating")
    parser.add_argument("--build-rounds", type=int, default=3, help="IVF_PQ rebuilds, ours and bare alternating")
    parser.add_argument("--rounds", type=int, default=6)  # best of 6 alternating rounds: the shared cores are noisy
    args = parser.parse_args()
    os.environ.setdefault("LANCE_LOG", "error")

    import lance

    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings
    from lakehouse.types import Actor
    from lakehouse.vectors.lance_store import default_partitions, default_sub_vectors
    from lakehouse.vectors.spec import SearchRequest

    everything = clustered(args.n + args.queries, args.dim)
    data, queries = everything[:args.n], everything[args.n:]
    truth = exact_truth(data, queries)
    partitions, sub_vectors = default_partitions(args.n), default_sub_vectors(args.dim)
    print(f"bench/vectors_lance.py: {args.n} x {args.dim} clustered synthetic float32 (normalised, cosine), "
          f"{args.queries} held-out queries, recall target {args.target}; IVF_PQ {partitions} partitions x "
          f"{sub_vectors} sub-vectors; {os.cpu_count()} cores; pylance {version('pylance')}")

    with tempfile.TemporaryDirectory() as tmp:
        lh = Lakehouse(load_settings(None, data_dir=Path(tmp) / "lh", query={"workers": 1},
                                     vectors={"exact_below": 0}))
        training = {"sample_rate": lh.settings.vectors.lance_sample_rate,
                    "max_iters": lh.settings.vectors.lance_max_iters}
        print(f"  IVF_PQ training (ours and bare alike): {training}; pylance's defaults: sample_rate 256, "
              "max_iters 50")
        actor = Actor(name="bench")
        ids = pa.array(np.arange(args.n), pa.int64())
        vectors = pa.FixedSizeListArray.from_arrays(pa.array(data.reshape(-1)), args.dim)
        lh.write_table("vecs", pa.table({"id": ids, "v": pa.array(data.tolist(), pa.list_(pa.float32()))}))

        # Builds (cold) ---------------------------------------------------------------------------------
        t0 = time.perf_counter()
        job = lh.create_vector_index({"index_name": "lx", "dataset": "vecs", "id_column": "id", "vector_column": "v",
                                      "vector_backend": "lance"}, wait=True)
        first_build = time.perf_counter() - t0
        assert job.status == "succeeded", job.error
        t0 = time.perf_counter()
        job = lh.rebuild_vector_ann("lx", {"num_partitions": partitions, "num_sub_vectors": sub_vectors})
        ours_build = time.perf_counter() - t0
        assert job.status == "succeeded", job.error
        bare_uri = str(Path(tmp) / "bare.lance")
        table = pa.table({"pos": ids, "doc_id": ids, "chunk_index": pa.array(np.zeros(args.n, np.int32)),
                          "text": pa.array([""] * args.n), "vector": vectors})
        t0 = time.perf_counter()
        ds = lance.write_dataset(table, bare_uri, mode="overwrite")
        ds.create_index("vector", index_type="IVF_PQ", metric="dot", num_partitions=partitions,
                        num_sub_vectors=sub_vectors, **training)
        ds.create_scalar_index("doc_id", "BTREE")
        bare_build = time.perf_counter() - t0
        ours_builds, bare_builds = [ours_build], []

        def bare_rebuild() -> None:
            t0 = time.perf_counter()
            lance.dataset(bare_uri).create_index("vector", index_type="IVF_PQ", metric="dot", replace=True,
                                                 num_partitions=partitions, num_sub_vectors=sub_vectors, **training)
            bare_builds.append(time.perf_counter() - t0)

        def ours_rebuild() -> None:
            t0 = time.perf_counter()
            job = lh.rebuild_vector_ann("lx", {"num_partitions": partitions, "num_sub_vectors": sub_vectors})
            ours_builds.append(time.perf_counter() - t0)
            assert job.status == "succeeded", job.error

        bare_rebuild()  # k-means time varies run to run: alternate (either side first), take medians
        for round_ in range(1, args.build_rounds):
            for build_ in ((bare_rebuild, ours_rebuild) if round_ % 2 else (ours_rebuild, bare_rebuild)):
                build_()
        ours_build, bare_index = statistics.median(ours_builds), statistics.median(bare_builds)
        ds = lance.dataset(bare_uri)
        defaults_uri = str(Path(tmp) / "bare-defaults.lance")
        defaults_ds = lance.write_dataset(table, defaults_uri, mode="overwrite")
        t0 = time.perf_counter()
        defaults_ds.create_index("vector", index_type="IVF_PQ", metric="dot", num_partitions=partitions,
                                 num_sub_vectors=sub_vectors)
        defaults_index = time.perf_counter() - t0
        defaults_ds = lance.dataset(defaults_uri)

        # Search (warm) ---------------------------------------------------------------------------------
        def bare(nprobes: int, on: Any = None) -> Callable[[np.ndarray], Any]:
            def search(q: np.ndarray) -> Any:
                return (on or ds).to_table(columns=["pos", "_distance"], nearest={
                    "column": "vector", "q": q, "k": K, "nprobes": nprobes, "refine_factor": 10}).column(0).to_numpy()
            return search

        chosen, got = NPROBES[-1], 0.0
        for nprobes in NPROBES:
            got = recall([bare(nprobes)(q) for q in queries], truth)
            if got >= args.target:
                chosen = nprobes
                break
        row_ = lh.vectors.records.get("lx")
        index = lh.vectors.cache.get(row_)
        knobs = {"nprobes": chosen, "refine_factor": 10}

        def ours(q: np.ndarray) -> Any:
            hits, _ = lh.vectors.searcher.top_k(index, q, K, None, knobs, True, False)
            return [h.doc_id for h in hits]

        ours_recall = recall([ours(q) for q in queries], truth)
        defaults_recall = recall([bare(chosen, defaults_ds)(q) for q in queries], truth)
        print(f"\nlance backend vs bare pylance (cold builds; recall@10 at nprobes={chosen}, refine_factor=10)")
        row(f"IVF_PQ rebuild, median of {len(ours_builds)}", ours_build, bare_index, "s", "bare create_index")
        print(f"  {'':<30} recall ours {ours_recall:.3f}, bare {got:.3f}; bare with pylance's training defaults: "
              f"{defaults_index:.3f} s, recall {defaults_recall:.3f}")
        row("whole build (POST /vectors/index)", first_build, bare_build, "s", "bare write+index+btree")
        ours_ds = lance.dataset(index.handle.uri, version=index.handle.version)  # bare pylance on our index
        best = best_seconds({"ours": ours, "bare": bare(chosen), "bare-ours": bare(chosen, ours_ds)}, queries,
                            args.rounds)
        request = SearchRequest(vector=queries[0].tolist(), k=K, nprobes=chosen, refine_factor=10, per_chunk=True)
        service_p50 = p50_ms(lambda q: lh.vectors.search(actor, "lx", request.model_copy(
            update={"vector": q.tolist()})), list(queries))
        print(f"\nsearch at nprobes={chosen}, refine_factor=10 (warm; recall@10 bare {got:.3f}, "
              f"ours {ours_recall:.3f})")
        row("single-thread QPS", 1 / best["ours"], 1 / best["bare"], "q/s", "bare to_table(nearest)")
        row("  same index (overhead only)", 1 / best["ours"], 1 / best["bare-ours"], "q/s", "bare on our dataset")
        row("p50 (top_k / bare)", p50_ms(ours, list(queries)), p50_ms(bare(chosen), list(queries)), "ms",
            "bare to_table(nearest)")
        print(f"  service search p50 (governance + top_k): {service_p50:.3f} ms")

        # Fetch (warm) ----------------------------------------------------------------------------------
        picks = [int(i) for i in np.random.default_rng(3).integers(0, args.n, 200)]
        lh.get_vector_document("lx", str(picks[0]))
        ours_fetch = p50_ms(lambda d: lh.vectors.fetch_document(actor, "lx", str(d)), picks)
        ours_fetch_vectors = p50_ms(lambda d: lh.vectors.fetch_document(actor, "lx", str(d), True), picks)
        bare_fetch = p50_ms(lambda d: ds.to_table(filter=f"doc_id = {d}"), picks)
        bare_take = p50_ms(lambda d: ds.take([d]), picks)
        print("\nfetch by doc_id (warm)")
        row("fetch p50", ours_fetch, bare_fetch, "ms", "bare filter doc_id = x")
        print(f"  bare take by position p50: {bare_take:.3f} ms; ours with the vectors: {ours_fetch_vectors:.3f} ms")

        # Append 100 rows -------------------------------------------------------------------------------
        lance_dir = next(Path(tmp).rglob("embeddings.lance"))
        extra = clustered(100 * max(args.appends, 3), args.dim, seed=9)
        before = folder_bytes(lance_dir)
        ours_times, bare_times = [], []
        for n in range(args.appends):  # the median of the appends of 100 rows each, ours and bare alternating
            rows = [{"id": args.n + 100 * n + i, "v": extra[100 * n + i].tolist()} for i in range(100)]
            t0 = time.perf_counter()
            lh.vectors.append_rows(actor, "lx", rows)
            ours_times.append(time.perf_counter() - t0)
            if n == 0:
                added = folder_bytes(lance_dir) - before
            new = pa.table({"pos": pa.array(np.arange(args.n + 100 * n, args.n + 100 * n + 100), pa.int64()),
                            "doc_id": pa.array(np.arange(args.n + 100 * n, args.n + 100 * n + 100), pa.int64()),
                            "chunk_index": pa.array(np.zeros(100, np.int32)), "text": pa.array([""] * 100),
                            "vector": pa.FixedSizeListArray.from_arrays(
                                pa.array(extra[100 * n:100 * n + 100].reshape(-1)), args.dim)})
            bare_before = folder_bytes(Path(bare_uri))
            t0 = time.perf_counter()
            ds.insert(new)
            bare_times.append(time.perf_counter() - t0)
            if n == 0:
                bare_added = folder_bytes(Path(bare_uri)) - bare_before
        ours_append, bare_append = statistics.median(ours_times), statistics.median(bare_times)
        print("\nappend 100 rows")
        row(f"append 100 rows (median of {args.appends})", ours_append * 1000, bare_append * 1000, "ms", "bare insert")
        print(f"  bytes added by the first: ours {added}, bare {bare_added} "
              f"(dataset {before} bytes before; raw vectors 100 x {args.dim} x 4 = {100 * args.dim * 4})")

        # HNSW backend + migrate ------------------------------------------------------------------------
        t0 = time.perf_counter()
        job = lh.create_vector_index({"index_name": "hx", "dataset": "vecs", "id_column": "id", "vector_column": "v"},
                                     wait=True)
        hnsw_build = time.perf_counter() - t0
        assert job.status == "succeeded", job.error
        hrow = lh.vectors.records.get("hx")
        hindex = lh.vectors.cache.get(hrow)
        ef_chosen, hrecall = EFS[-1], 0.0
        for ef in EFS:
            def hsearch(q: np.ndarray, ef: int = ef) -> Any:
                return [h.doc_id for h in lh.vectors.searcher.top_k(hindex, q, K, None, {"ef_search": ef}, True,
                                                                      False)[0]]
            hrecall = recall([hsearch(q) for q in queries], truth)
            if hrecall >= args.target:
                ef_chosen = ef
                break

        def hours(q: np.ndarray) -> Any:
            return lh.vectors.searcher.top_k(hindex, q, K, None, {"ef_search": ef_chosen}, True, False)

        hbest = best_seconds({"hnsw": hours}, queries, args.rounds)
        hfetch = p50_ms(lambda d: lh.vectors.fetch_document(actor, "hx", str(d)), picks)
        htimes = []
        for n in range(3):
            t0 = time.perf_counter()
            lh.vectors.append_rows(actor, "hx", [{"id": args.n + 100 * n + i, "v": extra[100 * n + i].tolist()}
                                                 for i in range(100)])
            htimes.append(time.perf_counter() - t0)
        happend = statistics.median(htimes)
        hstats = lh.vector_index_stats("hx")
        lstats = lh.vector_index_stats("lx")
        t0 = time.perf_counter()
        job = lh.migrate_vector_index("hx", "lance")
        migrate = time.perf_counter() - t0
        assert job.status == "succeeded", job.error
        trained = lh.wait_job(job.result["ann_job_id"])
        assert trained.status == "succeeded", trained.error
        t0 = time.perf_counter()
        bare2 = lance.write_dataset(table, str(Path(tmp) / "bare2.lance"), mode="overwrite")
        bare_write = time.perf_counter() - t0
        bare2.create_scalar_index("doc_id", "BTREE")
        bare_write_btree = time.perf_counter() - t0
        print("\nmigrate hnsw -> lance (cold; rows + BTREE + switch; IVF_PQ in the job queued after it)")
        row("migrate", migrate, bare_write, "s", "bare write_dataset alone")
        print(f"  bare write_dataset + BTREE: {bare_write_btree:.3f} s; the queued IVF_PQ job then took "
              f"{(trained.duration_ms or 0) / 1000:.2f} s (searches exact meanwhile)")

        print("\nchoosing a backend (same data, same run)")
        print(f"  {'':<26}{'hnsw':>16}{'lance':>16}")
        print(f"  {'build (s, cold)':<26}{hnsw_build:>16.2f}{first_build:>16.2f}")
        print(f"  {'recall@10 (held out)':<26}{hrecall:>16.3f}{ours_recall:>16.3f}")
        print(f"  {'at':<26}{'ef_search=' + str(ef_chosen):>16}{'nprobes=' + str(chosen) + ',rf=10':>16}")
        print(f"  {'p50 top_k (ms, warm)':<26}{hbest['hnsw'] * 1000:>16.3f}{best['ours'] * 1000:>16.3f}")
        print(f"  {'QPS 1 thread (warm)':<26}{1 / hbest['hnsw']:>16.0f}{1 / best['ours']:>16.0f}")
        print(f"  {'fetch p50 (ms, warm)':<26}{hfetch:>16.3f}{ours_fetch:>16.3f}")
        print(f"  {'append 100 rows (ms)':<26}{happend * 1000:>16.1f}{ours_append * 1000:>16.1f}")
        print(f"  {'memory (MB)':<26}{hstats['memory_bytes'] / 1e6:>16.1f}{lstats['memory_bytes'] / 1e6:>16.1f}")
        print(f"  {'on disk (MB)':<26}{hstats['bytes_on_disk'] / 1e6:>16.1f}{lstats['bytes_on_disk'] / 1e6:>16.1f}")
        lh.close()
        shutil.rmtree(Path(tmp) / "bare2.lance", ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
