"""One autotune-agent trial in its own low-priority process: ``python -m lakehouse.agents.trial_worker TASK``.

The parent writes everything the trial needs into the task folder (the graph's vectors, each eval set's
queries and ground truth in graph labels) and reads one JSON answer from stdout. Nothing here touches the
catalog or the index's files, so killing the process (time limit, shutdown) leaves nothing half-written.

Kinds: ``explore`` builds the graph of (M, ef_construction) and finds by bisection the smallest ef_search
that meets the target on every eval set (each ef probed is measured and reported); ``build`` builds the graph
over every label and writes it to ``out`` (a promotion's graph).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from lakehouse.agents.proposer import bisect_ef, meets_target
from lakehouse.vectors import ann
from lakehouse.vectors.evalsets import EvalSet
from lakehouse.vectors.evaluation import Probe, graph_memory_bytes, measure


def explore(task: dict[str, Any], folder: Path) -> dict[str, Any]:
    vectors = np.load(folder / "vectors.npy", mmap_mode="r")
    config = ann.HnswConfig(int(task["m"]), int(task["ef_construction"]), 0)
    t0 = time.perf_counter()
    graph = ann.build_hnsw(np.ascontiguousarray(vectors), task["metric"], config)
    build_seconds = round(time.perf_counter() - t0, 3)
    probe = Probe(graph, None, None, build_seconds)
    sets = [EvalSet(0, s["name"], int(s["k"]), np.load(folder / f"{s['name']}.npy"), s["truth"],
                    np.zeros(0, dtype=np.int64)) for s in task["sets"]]
    probes: dict[int, dict[str, Any]] = {}

    def meets(ef: int) -> bool:
        results = {s.source: measure(probe, s, ef, task["metric"]) for s in sets}
        probes[ef] = results
        return all(meets_target(r, task["target"], float(task.get("z", 0.0))) for r in results.values())

    low, high = task["ef_bounds"]
    best, _ = bisect_ef(meets, int(low), int(high))
    return {"build_seconds": build_seconds, "memory_bytes": graph_memory_bytes(graph), "best_ef": best,
            "probes": [{"ef": ef, "results": probes[ef]} for ef in sorted(probes)]}


def build(task: dict[str, Any], folder: Path) -> dict[str, Any]:
    vectors = np.load(folder / "vectors.npy")
    config = ann.HnswConfig(int(task["m"]), int(task["ef_construction"]), 0)
    t0 = time.perf_counter()
    graph = ann.build_hnsw(vectors, task["metric"], config)
    partial = Path(task["out"] + ".partial")
    ann.write_file(graph, str(partial))
    os.replace(partial, task["out"])
    return {"build_seconds": round(time.perf_counter() - t0, 3)}


def main() -> None:
    os.nice(int(os.environ.get("LAKEHOUSE_AGENT_NICE", "19")))  # searches in the server come first
    folder = Path(sys.argv[1])
    task = json.loads((folder / "task.json").read_text())
    ann.set_threads(int(task.get("threads") or os.cpu_count() or 1))
    answer = explore(task, folder) if task["kind"] == "explore" else build(task, folder)
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
