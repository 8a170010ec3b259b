"""Search: embed the query with the index's own model, then HNSW (champion's ef_search) or exact.

``k`` counts documents: the best chunk per doc_id unless ``per_chunk``. Filters (a SQL predicate on
the source, run in the query sandbox as the caller) and governance restrict the candidate labels,
which HNSW tests during traversal (a bitmap selector); when too few documents come back the search
widens, and finally searches the candidates exactly, so k matching documents always give k hits.
"""

from __future__ import annotations

import random
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.config import Settings
from lakehouse.embeddings import EmbedderRegistry
from lakehouse.errors import Conflict, InvalidInput, LimitExceeded
from lakehouse.query.executor import QueryExecutor
from lakehouse.query.spec import QuerySpec
from lakehouse.query.sql_service import SqlService
from lakehouse.types import Actor
from lakehouse.vectors import ann
from lakehouse.vectors.build import ann_params
from lakehouse.vectors.cache import IndexCache
from lakehouse.vectors.filters import checked_filter
from lakehouse.vectors.hooks import Guards
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.records import IndexRecords, manifest
from lakehouse.vectors.source import Sources
from lakehouse.vectors.spec import Hit, IndexManifest, SearchRequest, SearchResult

SELECTIVE = 0.1  # below this share of labels a filtered search goes exact (HNSW recall drops there)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Searcher:
    def __init__(self, settings: Settings, records: IndexRecords, cache: IndexCache, embedders: EmbedderRegistry,
                 sql: SqlService, executor: QueryExecutor, guards: Guards, sources: Sources):
        self.settings, self.records, self.cache, self.embedders = settings, records, cache, embedders
        self.sql, self.executor, self.guards, self.sources = sql, executor, guards, sources
        self._sampler = random.Random()  # noqa: S311 - sampling which searches feed the live eval set
        self._latencies: deque[tuple[float, float]] = deque(maxlen=5000)  # (monotonic time, ms): the load

    def search(self, actor: Actor, name: str, request: SearchRequest,
               loaded: Callable[[VectorIndexRow], LoadedIndex] | None = None,
               row: VectorIndexRow | None = None) -> SearchResult:
        """``loaded``: where the index comes from (a profile's warm set); default the shared cache.
        ``row``: the index's catalog row when the caller just read it."""
        started = time.perf_counter()
        max_k = self.settings.vectors.max_k
        if not 1 <= request.k <= max_k:
            raise LimitExceeded(f"k must be between 1 and {max_k}, got {request.k}.",
                                hint="Raise vectors.max_k for larger result sets.")
        row = row if row is not None and row.name == name else self.records.get(name)
        info = manifest(row)
        self.guards.check(actor, info, filtering=bool(request.filter))
        if info.view is not None:
            self.sources.check_current(row)
        if row.generation == 0:
            raise Conflict(f"Vector index '{name}' has not finished its first build (status {row.status}).",
                           hint="Wait for the build job (GET /jobs) and search again.")
        query = self.query_vector(row, request)
        if (row.ann or {}).get("query_log") and self._may_log(actor, row, info):
            agent = self.settings.agent
            if self._sampler.random() < agent.query_log_sample_rate:
                self.records.log_query(row.name, query, agent.query_log_keep)
        index = (loaded or self.cache.get)(row)
        positions = self.candidates(actor, row, info, index, request.filter)
        knobs = self.knobs(row, request)
        hits, method = self.top_k(index, query, request.k, positions, knobs, request.per_chunk, request.exact)
        elapsed = (time.perf_counter() - started) * 1000
        self._latencies.append((time.monotonic(), elapsed))
        return SearchResult(hits=hits, method=method, elapsed_ms=round(elapsed, 3))

    def knobs(self, row: VectorIndexRow, request: SearchRequest) -> dict[str, Any]:
        """The search parameters: the request's overrides over the champion's over the settings."""
        knobs = ann_params(self.settings, row.ann or {})
        for key in ("ef_search", "nprobes", "refine_factor"):
            value = getattr(request, key)
            if value is not None:
                knobs[key] = value
        return knobs

    def recent_p95(self, window_seconds: float = 60.0) -> float | None:
        """p95 of this process's searches in the last ``window_seconds`` (None: fewer than 20 of them)."""
        since = time.monotonic() - window_seconds
        recent = [ms for at, ms in list(self._latencies) if at >= since]
        return float(np.percentile(recent, 95)) if len(recent) >= 20 else None

    def _may_log(self, actor: Actor, row: VectorIndexRow, info: IndexManifest) -> bool:
        """Never keep the queries of a principal who sees the source through masks (only admins read past them)."""
        if info.view is None or actor.is_admin:
            return True
        view = self.sources.of(row).view
        return view is None or not view.column_redactions

    def query_vector(self, row: VectorIndexRow, request: SearchRequest) -> np.ndarray:
        if (request.query is None) == (request.vector is None):
            raise InvalidInput('Send exactly one of "query" (text) or "vector".')
        if request.query is not None:
            if not request.query.strip():
                raise InvalidInput("The query text is empty.")
            if row.vector_column is not None:
                raise InvalidInput(f"Index '{row.name}' holds your own vectors (no model); send \"vector\".")
            embedder = self.embedders.get(row.embedder)
            if embedder.model != row.model:
                raise Conflict(f"Index '{row.name}' was built with model '{row.model}', but embedder "
                               f"'{embedder.name}' serves '{embedder.model}'; its query vectors would not match.",
                               hint="Rebuild the index, or configure the embedder with the index's model.")
            vector = embedder.embed_query(request.query)
        else:
            vector = np.asarray(request.vector, dtype=np.float32)
        if vector.shape != (row.dim,):
            raise InvalidInput(f"The query vector has dimension {vector.size}; index '{row.name}' holds {row.dim}.")
        if not np.isfinite(vector).all():
            raise InvalidInput("The query vector holds NaN or infinite values.")
        return ann.normalise(vector.reshape(1, -1))[0] if row.metric == "cosine" else vector

    def candidates(self, actor: Actor, row: VectorIndexRow, info: IndexManifest, index: LoadedIndex,
                   predicate: str | None) -> np.ndarray | None:
        """Labels a hit may come from; None means every live label."""
        positions = index.alive_positions() if index.dead else None
        restrictions: list[pa.Array] = []
        if predicate is not None:
            restrictions.append(self.filter_ids(actor, row, predicate))
        allowed = self.guards.allowed(actor, info)
        if allowed is not None:
            restrictions.append(pa.array([str(v) for v in allowed], pa.string()))
        erased = self.guards.erased(row.dataset, row.id_column)
        for ids in restrictions:
            chosen = index.positions_for_docs(ids)
            positions = chosen if positions is None else np.intersect1d(positions, chosen)
        if erased:
            gone = index.positions_for_docs(pa.array(sorted(erased), pa.string()))
            base = index.alive_positions() if positions is None else positions
            positions = np.setdiff1d(base, gone)
        return positions

    def filter_ids(self, actor: Actor, row: VectorIndexRow, predicate: str) -> pa.Array:
        condition = checked_filter(predicate, self.settings.query.sql_limits)
        source = self.sources.of(row)
        sql = (f"SELECT {_quote(row.id_column)} FROM {_quote(source.name)} "  # noqa: S608 (parsed predicate)
               f"WHERE {condition}")
        if source.view is not None:  # masked values, as everyone reading the view sees them
            table = self.sources.query(source, sql, row.source_version, 10_000_000)
        else:
            tables = self.sql.registrations(actor, {row.dataset: row.source_version}
                                            if row.source_version is not None else None, {row.dataset})
            q = self.settings.query
            spec = QuerySpec(sql=sql, tables=tuple(tables), max_rows=10_000_000,
                             time_limit_seconds=q.time_limit_seconds, memory_limit_mb=q.memory_limit_mb,
                             target_partitions=q.target_partitions)
            table = self.executor.run(spec).table
        return table.column(0).combine_chunks() if table.num_rows else pa.array([], pa.string())

    def top_k(self, index: LoadedIndex, query: np.ndarray, k: int, positions: np.ndarray | None,
              knobs: dict[str, Any], per_chunk: bool, exact: bool) -> tuple[list[Hit], str]:
        live = index.live
        pool = live if positions is None else len(positions)
        if pool == 0:
            return [], "exact"
        columns = index.columns()
        selective = positions is not None and len(positions) < SELECTIVE * index.labels
        use_exact = (exact or index.ann is None or index.backend is None or live < self.settings.vectors.exact_below
                     or selective)
        want = k if per_chunk or columns.single else k * 2
        dead = index.labels > live
        while not use_exact:
            assert index.backend is not None
            n = min(want, pool)
            scores, labels = index.backend.search(index, query, n, positions, knobs)
            hits = columns.hits(index.row_of, labels, scores, k, per_chunk, dead)
            if len(hits) >= k or want >= pool:
                return hits, index.backend.method
            want *= 4
            if want > 4096:  # widening further costs more than scanning the candidates
                break
        while True:
            scores, labels = ann.search_exact(index.vectors, query, min(want, pool), positions, index.metric)
            hits = columns.hits(index.row_of, labels, scores, k, per_chunk)
            if len(hits) >= k or want >= pool:
                return hits, "exact"
            want *= 4
