"""VectorService: the vector-search capability as the Lakehouse exposes it. Validation happens here,
before a job is queued; long work (build, refresh, autotune) runs as a job."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lakehouse.catalog.jobs import JobContext, JobRunner
from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.catalog.store import CatalogStore
from lakehouse.compute.cluster import RayCluster
from lakehouse.config import Settings
from lakehouse.embeddings import EmbedderRegistry
from lakehouse.errors import Conflict, InvalidInput, NotFound
from lakehouse.events import ErasureReport
from lakehouse.governance.views import ViewStore
from lakehouse.network import NetworkPolicy
from lakehouse.query.executor import QueryExecutor
from lakehouse.query.sql_service import SqlService
from lakehouse.storage.names import validate_name
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import Actor, Event, utcnow
from lakehouse.vectors import ann
from lakehouse.vectors.backend import STRUCTURES, check_backend
from lakehouse.vectors.build import ANN_KEYS, sized
from lakehouse.vectors.cache import IndexCache
from lakehouse.vectors.chunking import check_params
from lakehouse.vectors.evaluation import Evaluator
from lakehouse.vectors.hooks import Guards
from lakehouse.vectors.indexer import Indexer
from lakehouse.vectors.lance_store import divisors
from lakehouse.vectors.moving import IndexMover
from lakehouse.vectors.operations import IndexOps
from lakehouse.vectors.records import IndexRecords, manifest
from lakehouse.vectors.scheduler import check_cron
from lakehouse.vectors.search import Searcher
from lakehouse.vectors.source import Sources
from lakehouse.vectors.spec import (
    AnnRequest,
    AutotuneRequest,
    ChampionRequest,
    EvalRequest,
    IndexManifest,
    IndexSettingsPatch,
    IndexSpec,
    SearchRequest,
    SearchResult,
)
from lakehouse.wire import JobInfo


class VectorService:
    def __init__(self, settings: Settings, catalog: CatalogStore, buckets: BucketRegistry, jobs: JobRunner,
                 sql: SqlService, executor: QueryExecutor, embedders: EmbedderRegistry | None = None,
                 views: ViewStore | None = None, cluster: RayCluster | None = None):
        """``cluster``: builds and refreshes embed there (compute.engine = "ray")."""
        self.settings, self.catalog, self.buckets, self.jobs = settings, catalog, buckets, jobs
        network = NetworkPolicy.from_settings(settings)
        self.embedders = embedders or EmbedderRegistry(settings.embeddings, network=network)
        self.records = IndexRecords(catalog.sessions)
        self.cache = IndexCache(buckets)
        self.guards = Guards()
        self.sources = Sources(settings, catalog, buckets, sql, executor, views)
        parts = None
        if cluster is not None:
            from lakehouse.compute.embed import RayEmbedding

            parts = sized(RayEmbedding(cluster, settings.embeddings, network).parts, cluster.settings.ray_min_chunks)
        self.indexer = Indexer(settings, catalog, self.sources, self.records, self.embedders, self.cache, self.guards,
                               parts)
        self.searcher = Searcher(settings, self.records, self.cache, self.embedders, sql, executor, self.guards,
                                 self.sources)
        self.evaluator = Evaluator(settings, catalog, self.records, self.cache, self.embedders)
        self.ops = IndexOps(settings, self.records, self.cache, self.indexer, self.embedders, self.guards)
        self.mover = IndexMover(catalog, buckets, self.records, self.cache, self.indexer)
        ann.set_threads(settings.vectors.search_threads)

    # Indexes ------------------------------------------------------------------------------------
    def create_index(self, actor: Actor, spec: IndexSpec, wait: bool = False) -> JobInfo:
        row = self._validated_row(actor, spec)
        existing = self.records.find(spec.index_name)
        if existing is not None:
            source = manifest(existing).dataset
            if source != spec.dataset:
                raise Conflict(f"Vector index '{spec.index_name}' already exists on '{source}'.",
                               hint="Pick another index_name or DELETE the existing index first.")
            row.generation, row.ann = existing.generation, {**(existing.ann or {}), **row.ann}
            row.created_at, row.created_by, row.status = existing.created_at, existing.created_by, existing.status
            row.model, row.dim = existing.model, existing.dim
            row.source_version, row.vectors, row.documents = (existing.source_version, existing.vectors,
                                                              existing.documents)
            row.built_at, row.build_seconds = existing.built_at, existing.build_seconds
        self.records.save(row)
        job = self.jobs.submit("vectors.build", actor, spec.model_dump(mode="json"),
                               lambda ctx: self.indexer.build(spec.index_name, ctx.job_id, ctx.progress,
                                                              ctx.cancelled))
        return self.jobs.wait(job.job_id) if wait else job

    def _validated_row(self, actor: Actor, spec: IndexSpec) -> VectorIndexRow:
        validate_name(spec.index_name, "index name")
        source = self.sources.resolve(spec.dataset)
        self.sources.check(source, spec.id_column, spec.text_column, spec.vector_column)
        dataset = self.catalog.datasets.get(source.dataset, with_lineage=False)
        v = self.settings.vectors
        chunk_size = spec.chunk_size or v.chunk_size
        overlap = spec.overlap if spec.overlap is not None else min(v.overlap, chunk_size // 2)
        check_params(chunk_size, overlap, spec.chunk_unit)
        if spec.text_column is not None:
            self.embedders.get(spec.embedder)  # unknown embedder: 422 now, not a failed job later
        elif spec.embedder is not None:
            raise InvalidInput("An index on a vector_column embeds nothing; leave 'embedder' out.")
        if spec.refresh_policy == "scheduled":
            check_cron(spec.refresh_cron)
        bucket = spec.bucket or dataset.bucket
        self.buckets.get(bucket)
        backend = check_backend(spec.vector_backend or v.default_backend)
        ann_meta: dict[str, Any] = {}
        explicit = {k: getattr(spec, k) for k in ANN_KEYS if getattr(spec, k) is not None}
        if explicit:
            self._check_ann(spec, explicit)
            config = ann.HnswConfig(spec.m or v.hnsw_m, spec.ef_construction or v.hnsw_ef_construction,
                                    spec.ef_search or v.hnsw_ef_search)
            ann_meta["champion"] = {**config.as_dict(), **explicit, "trial_id": None}
        if source.view is not None:
            ann_meta["view"] = source.name
        if spec.query_log:
            ann_meta["query_log"] = True
        return VectorIndexRow(
            name=spec.index_name, dataset=source.dataset, bucket=bucket, id_column=spec.id_column,
            text_column=spec.text_column, vector_column=spec.vector_column, chunk_size=chunk_size, overlap=overlap,
            chunk_unit=spec.chunk_unit, embedder=None if spec.vector_column else (spec.embedder
                                                                                 or self.settings.embeddings.default),
            model=None, dim=None, metric=spec.metric, recall_target=spec.recall_target, status="building",
            generation=0, vectors=0, documents=0, source_version=None,
            backend=STRUCTURES[backend], vector_backend=backend, ann=ann_meta,
            build_seconds=None, refresh_policy=spec.refresh_policy, refresh_cron=spec.refresh_cron,
            stale_since=None, last_refresh_at=None, built_at=None, created_at=utcnow(), created_by=actor.name,
            error=None)

    def _check_ann(self, spec: IndexSpec, explicit: dict[str, Any]) -> None:
        """IVF sizes the embedding dimension rules out fail now (422), not in the build job."""
        sub_vectors = explicit.get("num_sub_vectors")
        if sub_vectors is None or spec.text_column is None:
            return
        dim = self.embedders.get(spec.embedder).dim
        if dim % int(sub_vectors):
            raise InvalidInput(f"num_sub_vectors {sub_vectors} does not divide the dimension {dim}.",
                               hint=f"Use a divisor of {dim}: {', '.join(map(str, divisors(dim)))}.")

    def list_indexes(self, actor: Actor) -> list[IndexManifest]:
        return [manifest(r) for r in self.records.list()]

    def get_index(self, actor: Actor, name: str) -> IndexManifest:
        return manifest(self.records.get(name))

    def delete_index(self, actor: Actor, name: str) -> IndexManifest:
        row = self.records.get(name)
        self.catalog.acquire_lock(f"vector-index:{name}", actor.name)
        try:
            self.cache.files(row).delete_all()
            self.records.delete(name)
            self.cache.drop(name)
        finally:
            self.catalog.release_lock(f"vector-index:{name}", actor.name)
        return manifest(row)

    def patch_index(self, actor: Actor, name: str, patch: IndexSettingsPatch) -> IndexManifest:
        row = self.records.get(name)
        changes: dict[str, Any] = {}
        if patch.query_log is not None:
            changes["ann"] = {**(row.ann or {}), "query_log": patch.query_log}
        if patch.recall_target is not None:
            changes["recall_target"] = patch.recall_target
        if patch.bucket is not None:
            self.mover.check(name, patch.bucket)
        if changes:
            row = self.records.update(name, **changes)
        if patch.bucket is not None:
            self.mover.finish_moves(actor.name)  # what an earlier move that died left
            self.mover.move(name, patch.bucket, actor.name)
            row = self.records.get(name)
        return manifest(row)

    # Backend operations ---------------------------------------------------------------------------
    def fetch_document(self, actor: Actor, name: str, doc_id: str, with_vectors: bool = False) -> dict[str, Any]:
        row = self.records.get(name)
        return self.ops.fetch(row, doc_id, self.guards.allowed(actor, manifest(row)), with_vectors)

    def append_rows(self, actor: Actor, name: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        return self.ops.append(name, rows, actor.name)

    def index_stats(self, actor: Actor, name: str) -> dict[str, Any]:
        return self.ops.stats(name)

    def optimize_index(self, actor: Actor, name: str) -> dict[str, Any]:
        return self.ops.optimize(name, actor.name)

    def rebuild_ann(self, actor: Actor, name: str, request: AnnRequest, wait: bool = False) -> JobInfo:
        row = self.records.get(name)
        if row.generation == 0:
            raise Conflict(f"Vector index '{name}' has not been built yet.")
        params = request.model_dump(exclude_none=True)
        self.cache.backend(row).check_params(params, int(row.vectors), int(row.dim or 0))
        job = self.jobs.submit("vectors.ann", actor, {"index": name, **params},
                               lambda ctx: self.ops.rebuild_ann(name, params, ctx.job_id))
        return self.jobs.wait(job.job_id) if wait else job

    def migrate_index(self, actor: Actor, name: str, backend: str, wait: bool = False) -> JobInfo:
        self.ops.check_migration(self.records.get(name), backend)  # at once, and again when the job runs

        def body(ctx: JobContext) -> dict[str, Any]:
            result = self.ops.migrate(name, backend, ctx.job_id)
            if result["ann_pending"]:  # the rows are served (exactly); the ANN structure is its own job
                result["ann_job_id"] = self.queue_pending_ann(actor, name).job_id
            return result

        job = self.jobs.submit("vectors.migrate", actor, {"index": name, "backend": backend}, body)
        return self.jobs.wait(job.job_id) if wait else job

    def queue_pending_ann(self, actor: Actor, name: str) -> JobInfo:
        return self.jobs.submit("vectors.ann", actor, {"index": name, "pending": True},
                                lambda ctx: self.ops.build_pending(name, ctx.job_id))

    # Search -------------------------------------------------------------------------------------
    def search(self, actor: Actor, name: str, request: SearchRequest) -> SearchResult:
        return self.searcher.search(actor, name, request)

    # Freshness ----------------------------------------------------------------------------------
    def refresh_dataset(self, actor: Actor, dataset: str, wait: bool = False, force: bool = False) -> JobInfo:
        """Every index on ``dataset`` (including those on views over it), or on the view ``dataset``."""
        source = self.sources.resolve(dataset)
        rows = [r for r in self.records.list(source.dataset)
                if source.view is None or (r.ann or {}).get("view") == source.name]
        names = [r.name for r in rows if r.status != "building" or r.generation]
        if not names:
            raise NotFound(f"No vector index is built on '{dataset}'.", hint="GET /vectors/indexes.")
        return self._refresh_job(actor, dataset, names, wait, force)

    def refresh_index(self, actor: Actor, name: str, wait: bool = False, force: bool = False) -> JobInfo:
        row = self.records.get(name)
        return self._refresh_job(actor, row.dataset, [name], wait, force)

    def _refresh_job(self, actor: Actor, dataset: str, names: list[str], wait: bool, force: bool) -> JobInfo:
        def body(ctx: JobContext) -> dict[str, Any]:
            results = []
            for n, name in enumerate(names):
                def part(f: float, n: int = n) -> None:
                    ctx.progress((n + f) / len(names))
                results.append(self.indexer.refresh(name, ctx.job_id, part, ctx.cancelled, force))
            return {"dataset": dataset, "indexes": results}

        job = self.jobs.submit("vectors.refresh", actor, {"dataset": dataset, "indexes": names}, body)
        return self.jobs.wait(job.job_id) if wait else job

    def stale(self, actor: Actor) -> list[dict[str, Any]]:
        out = []
        for row in self.records.list():
            if row.stale_since is None:
                continue
            dataset = self.catalog.datasets.get(row.dataset, with_lineage=False)
            out.append({"index_name": row.name, "dataset": row.dataset, "view": (row.ann or {}).get("view"),
                        "stale_since": row.stale_since,
                        "indexed_version": row.source_version, "dataset_version": dataset.version,
                        "refresh_policy": row.refresh_policy, "refresh_cron": row.refresh_cron,
                        "last_refresh_at": row.last_refresh_at})
        return out

    def on_dataset_event(self, event: Event) -> None:
        """Ingest marks dependent indexes stale; ``on_append`` indexes refresh right after."""
        rows = self.records.list(event.subject)
        for row in rows:
            if row.stale_since is None:
                self.records.update(row.name, stale_since=event.at)
        if event.type == "dataset.deleted":
            return
        due = [r.name for r in rows if r.refresh_policy == "on_append" and r.generation]
        if due:
            self._refresh_job(Actor(name="vector-refresh"), event.subject, due, wait=False, force=False)

    # Evaluation ---------------------------------------------------------------------------------
    def evaluate(self, actor: Actor, name: str, request: EvalRequest) -> dict[str, Any]:
        return self.evaluator.evaluate(name, request)

    def trials(self, actor: Actor, name: str, limit: int = 1000) -> list[dict[str, Any]]:
        self.records.get(name)
        return self.records.trials(name, limit)

    def autotune(self, actor: Actor, name: str, request: AutotuneRequest, wait: bool = False) -> JobInfo:
        row = self.records.get(name)
        if row.generation == 0:
            raise Conflict(f"Vector index '{name}' has not been built yet.")
        if not (request.m and request.ef_construction and request.ef_search and request.nprobes
                and request.refine_factor):
            raise InvalidInput("Each autotune grid list needs at least one value.")
        job = self.jobs.submit("vectors.autotune", actor, {"index": name, **request.model_dump(mode="json")},
                               lambda ctx: self.evaluator.autotune(name, request, ctx.progress, ctx.cancelled))
        return self.jobs.wait(job.job_id) if wait else job

    def champion(self, actor: Actor, name: str) -> dict[str, Any]:
        return self.evaluator.champion(name)

    def set_champion(self, actor: Actor, name: str, request: ChampionRequest) -> dict[str, Any]:
        return self.evaluator.set_champion(name, request)


class VectorIndexErasure:
    """The ``Erasable`` for vector indexes: purge removes erased keys' chunks from table and graph."""

    name = "vector-indexes"

    def __init__(self, service: VectorService):
        self._service = service

    def erase(self, dataset: str, key_column: str, keys: Sequence[object], actor: Actor) -> ErasureReport:
        removed = 0
        remaining = []
        for row in self._service.records.list(dataset):
            if row.id_column != key_column:
                remaining.append(row.name)  # keyed differently: refresh drops the rows once the table is purged
                continue
            removed += self._service.indexer.erase(row, keys, actor.name)
        return ErasureReport(store=self.name, rows_removed=removed, remaining=tuple(remaining))
