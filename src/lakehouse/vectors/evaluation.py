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
from lakehouse.vectors.evalsets import EvalSet, EvalSets, kept_labels
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.records import IndexRecords
from lakehouse.vectors.spec import AutotuneRequest, ChampionRequest, EvalRequest

Progress = Callable[[float], None]


def graph_memory_bytes(graph: Any) -> int:
    return int(graph.ntotal) * int(graph.d) * 4 + int(graph.hnsw.neighbors.size()) * 4 + int(graph.ntotal) * 8


@dataclass(frozen=True)
class Probe:
    """A graph a trial searches: ``labels`` maps its labels to the index's (None: the same), ``selector``
    keeps dead labels out of a graph over every label."""

    graph: Any
    labels: np.ndarray | None
    selector: Any | None
    build_seconds: float | None


def measure(probe: Probe, eval_set: EvalSet, ef: int, metric: str, passes: int = 3) -> dict[str, float]:
    """Recall of one pass; latency and QPS of the fastest of ``passes`` (one noisy pass would let a config
    win or lose on chance)."""
    k = eval_set.k
    found = 0
    per_query: list[float] = []
    best: list[float] | None = None
    for n in range(passes):
        latencies = []
        for q, expected in zip(eval_set.queries, eval_set.truth, strict=True):
            t0 = time.perf_counter()
            _, labels = ann.search_hnsw(probe.graph, q, k, ef, probe.selector, metric)
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
        self._probe: tuple[tuple[Any, ...], Probe] | None = None  # the last held-out graph built

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
              config: ann.HnswConfig) -> Probe:
        """The graph of ``config`` without the ``excluded`` labels (built, or the served one when it is that)."""
        current = ann.HnswConfig.from_dict((row.ann or {}).get("graph_config") or build.settings_config(
            self.settings, row.ann or {}).as_dict())
        dead = ann.selector(index.alive_positions(), index.labels) if index.dead else None
        if not len(excluded) and config.same_graph(current) and index.graph is not None:
            return Probe(index.graph, None, dead, row.build_seconds)
        key = (row.name, row.generation, excluded.tobytes(), config.m, config.ef_construction)
        if self._probe is not None and self._probe[0] == key:
            return self._probe[1]
        self._probe = None  # let the previous graph go before building the next
        t0 = time.perf_counter()
        threads = self.settings.vectors.search_threads
        if len(excluded):
            kept = kept_labels(index, excluded)
            probe = Probe(build.build_graph(index.vectors[kept], row.metric, config, threads), kept, None, 0.0)
        else:
            probe = Probe(build.build_graph(index.vectors, row.metric, config, threads), None, dead, 0.0)
        probe = Probe(probe.graph, probe.labels, probe.selector, round(time.perf_counter() - t0, 3))
        self._probe = (key, probe)
        return probe

    def trial_metrics(self, probe: Probe, primary: EvalSet, live: EvalSet | None, ef: int,
                      metric: str) -> dict[str, Any]:
        metrics: dict[str, Any] = {
            **measure(probe, primary, ef, metric), "k": primary.k, "queries": len(primary.queries),
            "eval_scheme": primary.source, "build_seconds": probe.build_seconds,
            "memory_bytes": graph_memory_bytes(probe.graph)}
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
        if index.graph is None:
            raise Conflict(f"Index '{name}' has no graph loaded yet; refresh it first.")
        current = ann.HnswConfig.from_dict((row.ann or {}).get("graph_config") or build.settings_config(
            self.settings, row.ann or {}).as_dict())
        champion = build.settings_config(self.settings, row.ann or {})
        config = config or ann.HnswConfig(request.m or current.m, request.ef_construction or current.ef_construction,
                                          request.ef_search or champion.ef_search)
        primary, live = self.eval_sets(row, index, request)
        probe = self.probe(row, index, primary.excluded, config)
        metrics = self.trial_metrics(probe, primary, live, config.ef_search, row.metric)
        return self.records.add_trial(name, kind, config.as_dict(), metrics, primary.id, row.generation,
                                      row.source_version, note, proposal)

    # Autotune -----------------------------------------------------------------------------------
    def autotune(self, name: str, request: AutotuneRequest, progress: Progress,
                 cancelled: Callable[[], bool]) -> dict[str, Any]:
        row, index = self._ready(name)
        limit = request.time_limit_seconds or self.settings.vectors.autotune_time_limit_seconds
        started = time.perf_counter()
        primary, live = self.eval_sets(row, index, EvalRequest(k=request.k))
        graphs = [(m, c) for m in sorted(set(request.m)) for c in sorted(set(request.ef_construction))]
        trials, truncated = [], False
        champion: dict[str, Any] | None = None
        for n, (m, efc) in enumerate(graphs):
            if cancelled() or (n and time.perf_counter() - started > limit):  # at least one graph
                truncated = True
                break
            probe = self.probe(row, index, primary.excluded, ann.HnswConfig(m, efc, 0))
            for ef in sorted(set(request.ef_search)):
                config = ann.HnswConfig(m, efc, ef)
                metrics = self.trial_metrics(probe, primary, live, ef, row.metric)
                trial = self.records.add_trial(name, "autotune", config.as_dict(), metrics, primary.id,
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
