"""Trials (one evaluated config each, journaled) on eval sets (vectors/evalsets.py: held-out documents by
default, your queries, the live query log), and autotune (a bounded grid; the fastest config meeting the
recall target becomes the champion)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.embeddings import EmbedderRegistry
from lakehouse.errors import Conflict, InvalidInput
from lakehouse.vectors import ann, build
from lakehouse.vectors.cache import IndexCache
from lakehouse.vectors.evalsets import EvalSet, EvalSets
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.records import IndexRecords
from lakehouse.vectors.spec import AutotuneRequest, ChampionRequest, EvalRequest

Progress = Callable[[float], None]


def graph_memory_bytes(graph: Any) -> int:
    return int(graph.ntotal) * int(graph.d) * 4 + int(graph.hnsw.neighbors.size()) * 4 + int(graph.ntotal) * 8


@dataclass(frozen=True)
class Probe:
    """What a trial searches (vectors/backend.py ``trial_probe``): a graph with ``labels`` mapping its labels
    to the index's (None: the same) and a ``selector`` keeping dead labels out, or a backend's ``search``
    (query, k, knobs) -> labels."""

    graph: Any
    labels: np.ndarray | None
    selector: Any | None
    build_seconds: float | None
    search: Callable[[np.ndarray, int, dict[str, Any]], np.ndarray] | None = None
    memory_bytes: int | None = None

    def labels_for(self, query: np.ndarray, k: int, knobs: dict[str, Any], metric: str) -> np.ndarray:
        if self.search is not None:
            return self.search(query, k, knobs)
        return ann.search_hnsw(self.graph, query, k, int(knobs["ef_search"]), self.selector, metric)[1]


def measure(probe: Probe, eval_set: EvalSet, knobs: int | dict[str, Any], metric: str,
            passes: int = 3) -> dict[str, float]:
    """Recall of one pass; latency and QPS of the fastest of ``passes`` (one noisy pass would let a config
    win or lose on chance)."""
    k = eval_set.k
    knobs = knobs if isinstance(knobs, dict) else {"ef_search": knobs}
    found = 0
    per_query: list[float] = []
    best: list[float] | None = None
    for n in range(passes):
        latencies = []
        for q, expected in zip(eval_set.queries, eval_set.truth, strict=True):
            t0 = time.perf_counter()
            labels = probe.labels_for(q, k, knobs, metric)
            latencies.append(time.perf_counter() - t0)
            if n == 0:
                if probe.labels is not None:
                    labels = probe.labels[labels]
                hits = len(set(labels.tolist()) & set(expected))
                found += hits
                per_query.append(hits / max(1, len(expected)))
        if best is None or sum(latencies) < sum(best):
            best = latencies
    assert best is not None
    total = sum(best)
    lat = np.asarray(best) * 1000
    # the recall estimate's standard error over queries: how far a sample of this size can be off
    se = float(np.std(per_query, ddof=1) / np.sqrt(len(per_query))) if len(per_query) > 1 else 0.0
    return {"recall": round(found / max(1, sum(len(t) for t in eval_set.truth)), 4), "recall_se": round(se, 5),
            "p50_ms": round(float(np.percentile(lat, 50)), 4), "p95_ms": round(float(np.percentile(lat, 95)), 4),
            "qps": round(len(eval_set.queries) / total, 1) if total else 0.0}


class Evaluator:
    def __init__(self, settings: Settings, catalog: CatalogStore, records: IndexRecords, cache: IndexCache,
                 embedders: EmbedderRegistry):
        self.settings, self.catalog, self.records = settings, catalog, records
        self.cache, self.embedders = cache, embedders
        self.sets = EvalSets(records)
        self._memo: dict[tuple[Any, ...], Probe] = {}  # the last held-out structure built

    def _ready(self, name: str) -> tuple[VectorIndexRow, LoadedIndex]:
        row = self.records.get(name)
        if row.generation == 0:
            raise Conflict(f"Vector index '{name}' has not been built yet.")
        return row, self.cache.get(row)

    # Eval sets ----------------------------------------------------------------------------------
    def eval_sets(self, row: VectorIndexRow, index: LoadedIndex, request: EvalRequest
                  ) -> tuple[EvalSet, EvalSet | None]:
        """The set a trial is judged on (held out, or the caller's queries) and the live set beside it."""
        k = min(request.k, index.live)
        if request.queries is not None or request.vectors is not None:
            return self.sets.user(row, index, k, self._user_vectors(row, request), request.queries), None
        held = self.sets.held_out(row, index, request.sample, k, request.new_set)
        return held, self.live_set(row, index, held)

    def live_set(self, row: VectorIndexRow, index: LoadedIndex, beside: EvalSet) -> EvalSet | None:
        if not (row.ann or {}).get("query_log"):
            return None
        agent = self.settings.agent
        return self.sets.live(row, index, beside.k, beside, agent.live_set_minimum, agent.live_set_size)

    def _user_vectors(self, row: VectorIndexRow, request: EvalRequest) -> np.ndarray:
        if request.queries is not None and request.vectors is not None:
            raise InvalidInput('Send "queries" (texts) or "vectors", not both.')
        if request.vectors is not None:
            return np.asarray(request.vectors, dtype=np.float32)
        assert request.queries is not None
        if not request.queries or not all(q.strip() for q in request.queries):
            raise InvalidInput("Eval queries must be a non-empty list of non-empty texts.")
        if row.vector_column is not None:
            raise InvalidInput("This index holds your own vectors (no model): send \"vectors\", not texts.")
        return self.embedders.get(row.embedder).embed(request.queries)

    def probe(self, row: VectorIndexRow, index: LoadedIndex, excluded: np.ndarray,
              config: ann.HnswConfig | dict[str, Any]) -> Probe:
        """What a trial of ``config`` searches, without the ``excluded`` labels (the backend builds or reuses it;
        the last one built is kept for the next trial of the same structure)."""
        params = config.as_dict() if isinstance(config, ann.HnswConfig) else config
        assert index.backend is not None
        return index.backend.trial_probe(row, index, excluded, params, self.settings.vectors.search_threads,
                                         self._memo)

    def served(self, row: VectorIndexRow, index: LoadedIndex) -> dict[str, Any]:
        """Every config key of the index's backend: the served structure, the champion's knobs."""
        assert index.backend is not None
        params = {**build.ann_params(self.settings, row.ann or {}), **index.backend.served(row, self.settings)}
        return {k: params[k] for k in index.backend.config_keys}

    def trial_metrics(self, probe: Probe, primary: EvalSet, live: EvalSet | None, ef: int | dict[str, Any],
                      metric: str) -> dict[str, Any]:
        memory = probe.memory_bytes if probe.memory_bytes is not None else graph_memory_bytes(probe.graph)
        metrics: dict[str, Any] = {
            **measure(probe, primary, ef, metric), "k": primary.k, "queries": len(primary.queries),
            "eval_scheme": primary.source, "build_seconds": probe.build_seconds, "memory_bytes": memory}
        if primary.source == "held_out":
            metrics["recall_held_out"] = metrics["recall"]
        if live is not None:
            on_live = measure(probe, live, ef, metric)
            metrics |= {"recall_live": on_live["recall"], "recall_live_se": on_live["recall_se"],
                        "live_queries": len(live.queries),
                        "live_eval_set_id": live.id}
        return metrics

    # One trial ----------------------------------------------------------------------------------
    def evaluate(self, name: str, request: EvalRequest, kind: str = "eval", note: str | None = None,
                 config: ann.HnswConfig | None = None, proposal: dict[str, Any] | None = None) -> dict[str, Any]:
        row, index = self._ready(name)
        if index.ann is None:
            raise Conflict(f"Index '{name}' has no ANN structure loaded (it is searched exactly); refresh or "
                           "rebuild it first.", hint=f"POST /vectors/indexes/{name}/ann builds one.")
        assert index.backend is not None
        params = self.served(row, index)
        asked = config.as_dict() if config is not None else {
            k: getattr(request, k) for k in index.backend.config_keys if getattr(request, k, None) is not None}
        params.update(asked)
        primary, live = self.eval_sets(row, index, request)
        probe = self.probe(row, index, primary.excluded, params)
        metrics = self.trial_metrics(probe, primary, live, params, row.metric)
        return self.records.add_trial(name, kind, params, metrics, primary.id, row.generation,
                                      row.source_version, note, proposal)

    # Autotune -----------------------------------------------------------------------------------
    def autotune(self, name: str, request: AutotuneRequest, progress: Progress,
                 cancelled: Callable[[], bool]) -> dict[str, Any]:
        row, index = self._ready(name)
        limit = request.time_limit_seconds or self.settings.vectors.autotune_time_limit_seconds
        started = time.perf_counter()
        primary, live = self.eval_sets(row, index, EvalRequest(k=request.k))
        assert index.backend is not None
        served = self.served(row, index)
        graphs = index.backend.grid(request, served)
        trials, truncated = [], False
        champion: dict[str, Any] | None = None
        for n, (structure, knob_sets) in enumerate(graphs):
            if cancelled() or (n and time.perf_counter() - started > limit):  # at least one structure
                truncated = True
                break
            probe = self.probe(row, index, primary.excluded, {**served, **structure})
            for knobs in knob_sets:
                config = {**served, **structure, **knobs}
                metrics = self.trial_metrics(probe, primary, live, config, row.metric)
                trial = self.records.add_trial(name, "autotune", config, metrics, primary.id,
                                               row.generation, row.source_version)
                trials.append(trial)
                if _better(trial, champion, row.recall_target):
                    champion = trial
            progress((n + 1) / len(graphs))
        if champion is None:
            raise Conflict("Autotune ran no trial within its time limit.", hint="Raise time_limit_seconds.")
        promoted = self.promote(name, champion)  # held-out graphs lack some labels: the champion's is rebuilt
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
            assert index.backend is not None
            backend = index.backend
            config = {**self.served(row, index), **{k: v for k, v in trial["config"].items()
                                                      if k in backend.config_keys}}
            champion = {**config, "trial_id": trial.get("trial_id"), "recall": trial["metrics"].get("recall"),
                        "qps": trial["metrics"].get("qps")}
            changes: dict[str, Any] = {"ann": {**(row.ann or {}), "champion": champion}}
            served = backend.served(row, self.settings)
            if any(config[k] != served.get(k) for k in backend.structure_keys) or index.ann is None:
                generation = row.generation + 1
                changes["ann"].update(backend.restructure(row, index, config, generation,
                                                          self.settings.vectors.search_threads, graph))
                changes["generation"] = generation
            self.records.update(name, **changes)
            if "generation" in changes:
                backend.retire(changes["generation"])
            return champion
        finally:
            self.catalog.release_lock(f"vector-index:{name}", owner)

    def champion(self, name: str) -> dict[str, Any]:
        row = self.records.get(name)
        backend = self.cache.backend(row)
        params, served = build.ann_params(self.settings, row.ann or {}), backend.served(row, self.settings)
        effective = {k: params[k] if params.get(k) is not None else served.get(k) for k in backend.config_keys}
        return {"index_name": name, "vector_backend": backend.name, "champion": (row.ann or {}).get("champion"),
                "effective": effective, "graph": (row.ann or {}).get("graph_config"),
                "structure": (row.ann or {}).get("structure"), "recall_target": row.recall_target}

    def set_champion(self, name: str, request: ChampionRequest) -> dict[str, Any]:
        if request.trial_id is not None:
            trial = self.records.trial(name, request.trial_id)
        else:
            row = self.records.get(name)
            backend = self.cache.backend(row)
            base = build.ann_params(self.settings, row.ann or {})
            asked = {k: getattr(request, k) for k in backend.config_keys if getattr(request, k, None) is not None}
            trial = {"trial_id": None, "config": {**{k: base[k] for k in backend.config_keys if base.get(k)
                                                      is not None}, **asked}, "metrics": {}}
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
