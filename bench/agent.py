"""The autotune agent against an exhaustive grid, on queries that are not in the index.

    python bench/agent.py [--n 50000] [--dim 64] [--queries 1000]

Two data sets of different difficulty (bring-your-own vectors): ``clustered`` (200 Gaussian clusters) and
``gaussian`` (i.i.d. Gaussian: high intrinsic dimension, hard neighbourhoods). For each:

1. the agent runs until the index is settled; we count its graph builds and evaluations;
2. an exhaustive grid over the same bounds (every M x ef_construction, ef_search by the same bisection)
   measured on an independent query set (fresh vectors from the same distribution, never in the index)
   gives the best QPS that meets recall@10 >= the target: the peer;
3. the agent's champion is measured on that same independent query set (recall, QPS); then the agent's
   served graph and the grid's best graph are timed again side by side in interleaved rounds (the grid's
   best is the fastest of 35 noisy measurements, so its own figure is biased upward) and the median ratio
   is printed. The grid is an oracle: it is tuned on the very queries it is scored on;
4. search p95 of a steady stream of concurrent searches, with and without an agent trial running.
"""

from __future__ import annotations

import argparse
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

HERE = Path(__file__).resolve().parent
TARGET = 0.95
BOUNDS = {"m_bounds": [8, 32], "ef_construction_bounds": [40, 200], "ef_search_bounds": [10, 512]}


def data(kind: str, n: int, dim: int, seed: int) -> np.ndarray:
    """``seed`` draws the points; clustered data always uses the same 200 centres, so queries drawn with
    another seed come from the same distribution without being in the index."""
    rng = np.random.default_rng(seed)
    if kind == "gaussian":
        return rng.standard_normal((n, dim)).astype(np.float32)
    centres = np.random.default_rng(0).standard_normal((200, dim)) * 4
    return (centres[rng.integers(0, 200, n)] + rng.standard_normal((n, dim))).astype(np.float32)


def normed(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def truth_of(corpus: np.ndarray, queries: np.ndarray) -> np.ndarray:
    out = []
    for start in range(0, len(queries), 256):
        scores = normed(queries[start:start + 256]) @ normed(corpus).T
        out.append(np.argsort(-scores, axis=1)[:, :10])
    return np.vstack(out)


def measure(graph: Any, queries: np.ndarray, truth: np.ndarray, ef: int) -> tuple[float, float]:
    from lakehouse.vectors import ann

    q = normed(queries)
    found, elapsed = 0, []
    for run in range(3):
        t0 = time.perf_counter()
        for i, v in enumerate(q):
            _, labels = ann.search_hnsw(graph, v, 10, ef)
            if run == 0:
                found += len(set(labels.tolist()) & set(truth[i].tolist()))
        elapsed.append(time.perf_counter() - t0)
    return found / (10 * len(q)), len(q) / min(elapsed)


def grid(corpus: np.ndarray, queries: np.ndarray, truth: np.ndarray) -> dict[str, Any]:
    from lakehouse.agents.proposer import EF_CONSTRUCTION_STEP, M_STEP, bisect_ef
    from lakehouse.vectors import ann

    best: dict[str, Any] = {"qps": 0.0}
    builds = evaluations = 0
    lo_m, hi_m = BOUNDS["m_bounds"]
    lo_e, hi_e = BOUNDS["ef_construction_bounds"]
    for m in range(lo_m, hi_m + 1, M_STEP):
        for efc in range(lo_e, hi_e + 1, EF_CONSTRUCTION_STEP):
            graph = ann.build_hnsw(normed(corpus), "cosine", ann.HnswConfig(m, efc, 0))
            builds += 1
            results: dict[int, tuple[float, float]] = {}

            def meets(ef: int, graph: Any = graph, results: dict[int, tuple[float, float]] = results) -> bool:
                results[ef] = measure(graph, queries, truth, ef)
                return results[ef][0] >= TARGET

            ef, probed = bisect_ef(meets, *BOUNDS["ef_search_bounds"])
            evaluations += len(probed)
            if ef is not None and results[ef][1] > best["qps"]:
                best = {"m": m, "ef_construction": efc, "ef_search": ef, "recall": results[ef][0],
                        "qps": results[ef][1], "graph": graph}
    return {**best, "builds": builds, "evaluations": evaluations}


def head_to_head(ours: tuple[Any, int], peer: tuple[Any, int], queries: np.ndarray,
                 rounds: int = 7) -> tuple[float, float, float]:
    """QPS of two (graph, ef) re-measured in interleaved rounds of >= 0.3 s each: the grid's best was picked as
    the fastest of 35 noisy measurements (a winner's curse), so both are timed again under the same conditions.
    Returns our median QPS, the peer's, and the median of the per-round ratios."""
    from lakehouse.vectors import ann

    q = normed(queries)

    def qps(graph: Any, ef: int) -> float:
        done, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < 0.3:
            for v in q:
                ann.search_hnsw(graph, v, 10, ef)
            done += len(q)
        return done / (time.perf_counter() - t0)

    pairs = [(qps(*ours), qps(*peer)) for _ in range(rounds)]
    return (float(np.median([a for a, _ in pairs])), float(np.median([b for _, b in pairs])),
            float(np.median([a / b for a, b in pairs])))


def p95_during_trial(lh: Any, index: str, queries: np.ndarray) -> tuple[float, float]:
    """p95 of back-to-back searches alone, then while the agent runs one trial."""
    def searches(seconds: float) -> list[float]:
        out, end, i = [], time.monotonic() + seconds, 0
        while time.monotonic() < end:
            t0 = time.perf_counter()
            lh.vector_search(index, vector=queries[i % len(queries)].tolist(), k=10)
            out.append((time.perf_counter() - t0) * 1000)
            i += 1
        return out

    alone = searches(5.0)
    # A settled index proposes nothing, so the bench runs one agent trial itself: the most expensive graph in
    # the bounds, through the agent's own trial runner (child process at nice 19), as a tick would.
    from lakehouse.agents.proposer import Proposal
    from lakehouse.vectors.spec import EvalRequest

    agent = lh.agent
    row = lh.vectors.records.get(index)
    built = lh.vectors.cache.get(row)
    held, live = lh.vectors.evaluator.eval_sets(row, built, EvalRequest(k=10, sample=agent.config.eval_sample))
    proposal = Proposal(BOUNDS["m_bounds"][1], BOUNDS["ef_construction_bounds"][1], "bench: p95 under a trial", 0)
    runner = threading.Thread(target=agent.trials.explore, args=(row, built, held, live, proposal,
                                                               agent.bounds.ef_search))
    runner.start()
    while agent.trials._child is None and runner.is_alive():
        time.sleep(0.01)
    during: list[float] = []
    while runner.is_alive():
        during += searches(0.5)
    runner.join()
    return float(np.percentile(alone, 95)), float(np.percentile(during, 95)) if during else float("nan")


def run(kind: str, n: int, dim: int, nq: int) -> None:
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    corpus = data(kind, n, dim, seed=1)
    queries = data(kind, nq, dim, seed=2)  # never in the index
    truth = truth_of(corpus, queries)
    root = HERE / ".data" / f"agent-{kind}"
    shutil.rmtree(root, ignore_errors=True)
    settings = load_settings(None, data_dir=root, agent={
        "enabled": True, "cooldown_seconds": 0, "global_cooldown_seconds": 0, "max_trials_per_hour": 1000,
        "max_trials_per_hour_total": 1000, "eval_sample": 300, **BOUNDS})
    lh = Lakehouse(settings)
    try:
        lh.write_table("vecs", pa.table({"id": pa.array([str(i) for i in range(n)]),
                                         "v": pa.array(list(corpus), pa.list_(pa.float32()))}))
        lh.create_vector_index({"index_name": "vecs", "dataset": "vecs", "id_column": "id", "vector_column": "v",
                                "recall_target": TARGET})
        t0 = time.perf_counter()
        lh.agent_enqueue("vecs", "bench")
        for _ in range(200):
            lh.agent.tick()
            if lh.agent.index_status("vecs")["state"] in ("settled", "failed"):
                break
        agent_seconds = time.perf_counter() - t0
        trials = lh.vector_trials("vecs", 100_000)
        builds = sum(1 for t in trials if t["kind"] == "agent")
        evaluations = sum(1 for t in trials if t["kind"] in ("agent", "agent-probe"))
        champion = lh.vector_champion("vecs")["effective"]
        index = lh.vectors.cache.get(lh.vectors.records.get("vecs"))
        recall, qps = measure(index.graph, queries, truth, champion["ef_search"])
        served = index.graph
        alone, during = p95_during_trial(lh, "vecs", queries)
    finally:
        lh.close()
    t1 = time.perf_counter()
    best = grid(corpus, queries, truth)
    grid_seconds = time.perf_counter() - t1
    ours_qps, grid_qps, ratio = head_to_head((served, champion["ef_search"]), (best["graph"], best["ef_search"]),
                                             queries)
    print(f"\n{kind}: {n:,} x {dim}, {nq} independent queries, target recall@10 >= {TARGET}")
    print(f"  agent: champion M={champion['m']} efC={champion['ef_construction']} ef={champion['ef_search']}; "
          f"on independent queries recall {recall:.3f}, {qps:,.0f} QPS; {builds} graph builds, "
          f"{evaluations} evaluations, {agent_seconds:.0f} s")
    print(f"  grid : best M={best.get('m')} efC={best.get('ef_construction')} ef={best.get('ef_search')}; "
          f"recall {best.get('recall', 0):.3f}, {best['qps']:,.0f} QPS; {best['builds']} graph builds, "
          f"{best['evaluations']} evaluations, {grid_seconds:.0f} s")
    print(f"  head to head (interleaved, 7 rounds of >= 0.3 s): agent {ours_qps:,.0f} QPS, grid best {grid_qps:,.0f} "
          f"QPS; agent / grid best: {ratio:.2f} (target >= 0.90); "
          f"builds {best['builds'] / max(builds, 1):.1f}x fewer, evaluations "
          f"{best['evaluations'] / max(evaluations, 1):.1f}x fewer")
    print(f"  search p95 alone {alone:.2f} ms, during a trial {during:.2f} ms: {during / alone:.2f}x "
          f"(target <= 1.20)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--dim", type=int, default=64)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--sets", default="clustered,gaussian")
    args = parser.parse_args()
    for kind in args.sets.split(","):
        run(kind, args.n, args.dim, args.queries)


if __name__ == "__main__":
    main()
