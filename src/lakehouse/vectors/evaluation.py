"""Eval sets (queries + exact ground truth, stored), trials (one evaluated config each, journaled),
autotune (a bounded grid; the fastest config meeting the recall target becomes the champion)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np

from lakehouse.catalog.models_vectors import VectorEvalSetRow, VectorIndexRow
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.embeddings import EmbedderRegistry
from lakehouse.errors import Conflict, InvalidInput
from lakehouse.vectors import ann, build
from lakehouse.vectors.cache import IndexCache
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.records import IndexRecords
from lakehouse.vectors.spec import AutotuneRequest, ChampionRequest, EvalRequest

Progress = Callable[[float], None]


def graph_memory_bytes(graph: Any) -> int:
    return int(graph.ntotal) * int(graph.d) * 4 + int(graph.hnsw.neighbors.size()) * 4 + int(graph.ntotal) * 8


def measure(graph: Any, index: LoadedIndex, queries: np.ndarray, truth: list[list[int]], k: int, ef: int
            ) -> dict[str, float]:
    sel = ann.selector(index.alive_positions(), index.labels) if index.dead else None
    latencies, found = [], 0
    for q, expected in zip(queries, truth, strict=True):
        t0 = time.perf_counter()
        _, labels = ann.search_hnsw(graph, q, k, ef, sel, index.metric)
        latencies.append(time.perf_counter() - t0)
        found += len(set(labels.tolist()) & set(expected))
    total = sum(latencies)
    lat = np.asarray(latencies) * 1000
    return {"recall": round(found / max(1, sum(len(t) for t in truth)), 4),
            "p50_ms": round(float(np.percentile(lat, 50)), 4), "p95_ms": round(float(np.percentile(lat, 95)), 4),
            "qps": round(len(queries) / total, 1) if total else 0.0}


class Evaluator:
    def __init__(self, settings: Settings, catalog: CatalogStore, records: IndexRecords, cache: IndexCache,
                 embedders: EmbedderRegistry):
        self.settings, self.catalog, self.records = settings, catalog, records
        self.cache, self.embedders = cache, embedders

    def _ready(self, name: str) -> tuple[VectorIndexRow, LoadedIndex]:
        row = self.records.get(name)
        if row.generation == 0:
            raise Conflict(f"Vector index '{name}' has not been built yet.")
        return row, self.cache.get(row)

    # Eval sets ----------------------------------------------------------------------------------
    def eval_set(self, row: VectorIndexRow, index: LoadedIndex, request: EvalRequest
                 ) -> tuple[VectorEvalSetRow, np.ndarray]:
        k = min(request.k, index.live)
        if request.queries is not None:
            if not request.queries or not all(q.strip() for q in request.queries):
                raise InvalidInput("Eval queries must be a non-empty list of non-empty texts.")
            if row.vector_column is not None:
                raise InvalidInput("This index holds your own vectors; sampled queries only.")
            vectors = self.embedders.get(row.embedder).embed(request.queries)
            if row.metric == "cosine":
                vectors = ann.normalise(vectors)
            queries: dict[str, Any] = {"texts": request.queries}
            source = "user"
        else:
            existing = None if request.new_set else self.records.latest_eval_set(row.name, row.generation, k)
            if existing is not None and existing.source == "corpus":
                return existing, index.vectors[np.asarray(existing.queries["labels"], dtype=np.int64)]
            rng = np.random.default_rng(row.generation)
            alive = index.alive_positions()
            labels = rng.choice(alive, size=min(request.sample, len(alive)), replace=False)
            vectors = index.vectors[labels]
            queries, source = {"labels": [int(v) for v in labels]}, "corpus"
        positions = index.alive_positions() if index.dead else None
        truth = [ann.search_exact(index.vectors, q, k, positions, index.metric)[1].tolist() for q in vectors]
        saved = self.records.add_eval_set(row.name, source, k, queries, {"labels": truth}, row.generation)
        return saved, vectors

    # One trial ----------------------------------------------------------------------------------
    def evaluate(self, name: str, request: EvalRequest, kind: str = "eval") -> dict[str, Any]:
        row, index = self._ready(name)
        if index.graph is None:
            raise Conflict(f"Index '{name}' has no graph loaded yet; refresh it first.")
        current = ann.HnswConfig.from_dict((row.ann or {}).get("graph_config") or build.settings_config(
            self.settings, row.ann or {}).as_dict())
        champion = build.settings_config(self.settings, row.ann or {})
        config = ann.HnswConfig(request.m or current.m, request.ef_construction or current.ef_construction,
                                request.ef_search or champion.ef_search)
        eval_set, queries = self.eval_set(row, index, request)
        graph, build_seconds = index.graph, row.build_seconds
        if not config.same_graph(current):
            t0 = time.perf_counter()
            graph = build.build_graph(index.vectors, row.metric, config, self.settings.vectors.search_threads)
            build_seconds = round(time.perf_counter() - t0, 3)
        metrics = {**measure(graph, index, queries, eval_set.ground_truth["labels"], eval_set.k, config.ef_search),
                   "k": eval_set.k, "queries": len(queries), "build_seconds": build_seconds,
                   "memory_bytes": graph_memory_bytes(graph)}
        return self.records.add_trial(name, kind, config.as_dict(), metrics, eval_set.id, row.generation,
                                      row.source_version)

    # Autotune -----------------------------------------------------------------------------------
    def autotune(self, name: str, request: AutotuneRequest, progress: Progress,
                 cancelled: Callable[[], bool]) -> dict[str, Any]:
        row, index = self._ready(name)
        limit = request.time_limit_seconds or self.settings.vectors.autotune_time_limit_seconds
        started = time.perf_counter()
        eval_set, queries = self.eval_set(row, index, EvalRequest(k=request.k))
        truth = eval_set.ground_truth["labels"]
        graphs = [(m, c) for m in sorted(set(request.m)) for c in sorted(set(request.ef_construction))]
        trials, best_graph, truncated = [], None, False
        champion: dict[str, Any] | None = None
        for n, (m, efc) in enumerate(graphs):
            if cancelled() or (n and time.perf_counter() - started > limit):  # at least one graph
                truncated = True
                break
            t0 = time.perf_counter()
            graph = build.build_graph(index.vectors, row.metric, ann.HnswConfig(m, efc, 0),
                                      self.settings.vectors.search_threads)
            build_seconds = round(time.perf_counter() - t0, 3)
            for ef in sorted(set(request.ef_search)):
                config = ann.HnswConfig(m, efc, ef)
                metrics = {**measure(graph, index, queries, truth, eval_set.k, ef), "k": eval_set.k,
                           "queries": len(queries), "build_seconds": build_seconds,
                           "memory_bytes": graph_memory_bytes(graph)}
                trial = self.records.add_trial(name, "autotune", config.as_dict(), metrics, eval_set.id,
                                               row.generation, row.source_version)
                trials.append(trial)
                if _better(trial, champion, row.recall_target):
                    champion, best_graph = trial, graph
            progress((n + 1) / len(graphs))
        if champion is None:
            raise Conflict("Autotune ran no trial within its time limit.", hint="Raise time_limit_seconds.")
        promoted = self.promote(name, champion, best_graph)
        return {"index_name": name, "trials": len(trials), "truncated": truncated, "champion": promoted,
                "meets_target": champion["metrics"]["recall"] >= row.recall_target,
                "recall_target": row.recall_target, "seconds": round(time.perf_counter() - started, 3)}

    # Champion -----------------------------------------------------------------------------------
    def promote(self, name: str, trial: dict[str, Any], graph: Any | None = None) -> dict[str, Any]:
        """Make ``trial``'s config the index's; swap in its graph when M/ef_construction differ."""
        owner = f"champion:{name}"
        self.catalog.acquire_lock(f"vector-index:{name}", owner)
        try:
            row, index = self._ready(name)
            config = ann.HnswConfig.from_dict(trial["config"])
            current = ann.HnswConfig.from_dict((row.ann or {}).get("graph_config") or config.as_dict())
            champion = {**config.as_dict(), "trial_id": trial.get("trial_id"), "recall": trial["metrics"].get("recall"),
                        "qps": trial["metrics"].get("qps")}
            changes: dict[str, Any] = {"ann": {**(row.ann or {}), "champion": champion}}
            if not config.same_graph(current) or index.graph is None:
                if graph is None or int(graph.ntotal) != index.labels:
                    graph = build.build_graph(index.vectors, row.metric, config, self.settings.vectors.search_threads)
                generation = row.generation + 1
                self.cache.files(row).save_graph(graph, generation)
                changes["ann"]["graph_config"] = config.as_dict()
                changes["generation"] = generation
            self.records.update(name, **changes)
            if "generation" in changes:
                self.cache.files(row).drop_old_graphs(changes["generation"])
            return champion
        finally:
            self.catalog.release_lock(f"vector-index:{name}", owner)

    def champion(self, name: str) -> dict[str, Any]:
        row = self.records.get(name)
        config = build.settings_config(self.settings, row.ann or {})
        return {"index_name": name, "champion": (row.ann or {}).get("champion"), "effective": config.as_dict(),
                "graph": (row.ann or {}).get("graph_config"), "recall_target": row.recall_target}

    def set_champion(self, name: str, request: ChampionRequest) -> dict[str, Any]:
        if request.trial_id is not None:
            trial = self.records.trial(name, request.trial_id)
        else:
            row = self.records.get(name)
            base = build.settings_config(self.settings, row.ann or {})
            config = ann.HnswConfig(request.m or base.m, request.ef_construction or base.ef_construction,
                                    request.ef_search or base.ef_search)
            trial = {"trial_id": None, "config": config.as_dict(), "metrics": {}}
        return {"index_name": name, "champion": self.promote(name, trial)}


def _better(trial: dict[str, Any], best: dict[str, Any] | None, target: float) -> bool:
    if best is None:
        return True
    ok, best_ok = trial["metrics"]["recall"] >= target, best["metrics"]["recall"] >= target
    if ok != best_ok:
        return ok
    if ok:
        return bool(trial["metrics"]["qps"] > best["metrics"]["qps"])
    return bool(trial["metrics"]["recall"] > best["metrics"]["recall"])
