"""Lakehouse: the composition root. Builds the services from Settings and exposes the library API
that the CLI, the HTTP API and scripts all use. No logic lives here beyond wiring and delegation."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa

from lakehouse.catalog import backup
from lakehouse.catalog.jobs import JobRunner
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import InvalidInput, LakehouseError, NotFound
from lakehouse.events import ErasableRegistry, EventBus
from lakehouse.governance.audit import AuditScope
from lakehouse.governance.service import Governance
from lakehouse.governance.views import ViewInfo, ViewSpec
from lakehouse.ingest.db.service import DbIngestRequest, DbIngestService
from lakehouse.ingest.maintenance import ReconcileReport, TableMaintenance
from lakehouse.ingest.service import FileIngestOptions, FileSource, IngestService
from lakehouse.ingest.writer import TableWriter, WriteRequest, WriteResult
from lakehouse.query.executor import QueryExecutor
from lakehouse.query.spec import QueryResult
from lakehouse.query.sql_service import SqlService
from lakehouse.storage.buckets import BucketSpec
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import LOCAL_ADMIN, SYSTEM, Actor, Role, WriteMode, utcnow
from lakehouse.vectors.governed import GovernedSearch
from lakehouse.vectors.scheduler import RefreshScheduler
from lakehouse.vectors.service import VectorIndexErasure, VectorService
from lakehouse.vectors.spec import (
    AutotuneRequest,
    ChampionRequest,
    EvalRequest,
    IndexManifest,
    IndexSpec,
    SearchRequest,
    SearchResult,
)
from lakehouse.wire import DatasetManifest, JobInfo, MetadataPatch, VersionEntry

log = logging.getLogger(__name__)


class Lakehouse:
    def __init__(self, settings: Settings, actor: Actor = LOCAL_ADMIN):
        self.settings = settings
        self.actor = actor
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.bus = EventBus()
        self.erasables = ErasableRegistry()
        self.catalog = CatalogStore(settings.catalog_url, settings.catalog.lock_timeout_seconds)
        self.buckets = BucketRegistry(settings, self.catalog, self.catalog.datasets.in_bucket)
        self.jobs = JobRunner(self.catalog, workers=2)
        self.governance = Governance(settings, self.catalog, self.buckets, self.bus, self.erasables)
        self.access = self.governance.access
        self.writer = TableWriter(settings, self.catalog, self.buckets, self.bus)
        self.writer.row_gate = self.governance.tombstones.gate
        self.ingest = IngestService(settings, self.writer, self.buckets, self.jobs)
        self.db_ingest = DbIngestService(self.writer, self.catalog, self.jobs, settings.ingest.batch_rows)
        self.tables = TableMaintenance(self.catalog, self.buckets, self.bus,
                                       settings.storage.vacuum_retention_hours)
        self.executor = QueryExecutor(settings.query)
        self.sql_service = SqlService(settings, self.catalog, self.buckets, self.executor, self.governance)
        self.vectors = VectorService(settings, self.catalog, self.buckets, self.jobs, self.sql_service,
                                     self.executor, views=self.governance.views)
        self.vectors.guards.register(GovernedSearch(self.governance, self.catalog, self.buckets))
        self.erasables.register(VectorIndexErasure(self.vectors))
        for pattern in ("dataset.appended", "dataset.overwritten", "dataset.restored", "dataset.deleted",
                        "tombstone.added"):
            self.bus.subscribe(pattern, self.vectors.on_dataset_event)
        self.vector_scheduler = RefreshScheduler(self.vectors, settings.vectors.scheduler_interval_seconds)
        self.startup_report = self._recover()

    # Lifecycle ------------------------------------------------------------------------------
    def _recover(self) -> ReconcileReport:
        self.catalog.fail_interrupted_jobs()
        report = self.tables.reconcile(SYSTEM)
        staging = self.staging_dir
        if staging.exists():
            leftovers = list(staging.iterdir())
            for entry in leftovers:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink(missing_ok=True)
            report.staging_files_removed = len(leftovers)
        staging.mkdir(parents=True, exist_ok=True)
        for name in report.missing_tables:
            log.warning("dataset '%s' is in the catalog but its table is missing", name)
        for name in sorted(self.governance.tombstones.datasets() - set(report.missing_tables)):
            try:
                self.governance.refresh_clean_copies(name)
            except Exception:  # noqa: BLE001 - without copies its queries anti-join: slower, still correct
                log.exception("tombstone-free copies of '%s' could not be refreshed", name)
        return report

    @property
    def staging_dir(self) -> Path:
        return self.settings.primary_root / "staging"

    def close(self) -> None:
        self.vector_scheduler.stop()
        self.jobs.close()
        self.executor.close()
        self.catalog.close()

    def __enter__(self) -> Lakehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _who(self, actor: Actor | None) -> Actor:
        return actor or self.actor

    # Buckets --------------------------------------------------------------------------------
    def list_buckets(self, actor: Actor | None = None) -> list[BucketSpec]:
        with self._call(actor, "bucket.list") as (who, _):
            self.access.require_role(who, (Role.admin, Role.writer), "list buckets")
            return self.buckets.list()

    def add_bucket(self, spec: BucketSpec | Mapping[str, Any], actor: Actor | None = None) -> BucketSpec:
        spec = spec if isinstance(spec, BucketSpec) else BucketSpec.model_validate(spec)
        with self._call(actor, "bucket.add", spec.name) as (who, _):
            self.access.require_admin(who, "add buckets")
            self.buckets.add(spec)
        self._publish("bucket.added", spec.name, actor, spec.model_dump(mode="json"))
        return spec

    def remove_bucket(self, name: str, actor: Actor | None = None) -> None:
        with self._call(actor, "bucket.remove", name) as (who, _):
            self.access.require_admin(who, "remove buckets")
            self.buckets.remove(name)
        self._publish("bucket.removed", name, actor, {})

    # Datasets -------------------------------------------------------------------------------
    def list_datasets(self, actor: Actor | None = None) -> list[DatasetManifest]:
        with self._call(actor, "dataset.list") as (who, scope):
            items = self.catalog.datasets.list()
            visible = self.access.readable_datasets(who, [m.name for m in items])
            scope.rows = len(visible)
            return [m for m in items if m.name in visible]

    def get_dataset(self, name: str, actor: Actor | None = None) -> DatasetManifest:
        with self._call(actor, "dataset.get", name) as (who, _):
            self.access.require_read_dataset(who, name)
            return self.catalog.datasets.get(name)

    def history(self, name: str, limit: int = 100, actor: Actor | None = None) -> list[VersionEntry]:
        with self._call(actor, "dataset.history", name) as (who, _):
            self.access.require_read_dataset(who, name)
            return self.catalog.datasets.history(name, limit)

    def patch_metadata(self, name: str, patch: MetadataPatch | Mapping[str, Any],
                       actor: Actor | None = None) -> DatasetManifest:
        patch = patch if isinstance(patch, MetadataPatch) else MetadataPatch.model_validate(patch)
        with self._call(actor, "dataset.patch_metadata", name) as (who, _):
            self.access.require_write_dataset(who, name, True, "change metadata of")
            before, after = self.catalog.datasets.patch_metadata(name, patch)
        self._publish("dataset.metadata_patched", name, actor,
                      {"patch": patch.model_dump(mode="json", exclude_unset=True),
                       "before": before.model_dump(mode="json", exclude={"lineage"})})
        return after

    def delete_dataset(self, name: str, actor: Actor | None = None) -> DatasetManifest:
        with self._call(actor, "dataset.delete", name) as (who, _):
            self.access.require_admin_on_dataset(who, name, "delete")
            return self.tables.delete(name, who)

    def restore_dataset(self, name: str, version: int, actor: Actor | None = None) -> DatasetManifest:
        with self._call(actor, "dataset.restore", name) as (who, _):
            self.access.require_write_dataset(who, name, True, "restore")
            return self.tables.restore(name, version, who)

    def optimize_dataset(self, name: str, vacuum: bool = True, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "dataset.optimize", name) as (who, _):
            self.access.require_write_dataset(who, name, True, "optimize")
            return self.tables.optimize(name, who, vacuum=vacuum)

    # Ingest ---------------------------------------------------------------------------------
    def ingest_file(
        self,
        path: str | Path | None = None,
        dataset: str | None = None,
        *,
        mode: WriteMode | str = WriteMode.append,
        bucket: str | None = None,
        source_bucket: str | None = None,
        source_path: str | None = None,
        staged_upload: Path | None = None,
        display_name: str | None = None,
        options: FileIngestOptions | None = None,
        wait: bool = True,
        actor: Actor | None = None,
    ) -> JobInfo:
        """Ingest a local file, a file inside a bucket (``source_bucket``/``source_path``) or an upload."""
        if dataset is None:
            raise InvalidInput("Name the target dataset.", hint="Pass dataset='name' (CLI: --dataset NAME).")
        if sum(x is not None for x in (path, source_path, staged_upload)) != 1:
            raise InvalidInput("Give exactly one of a file path, a bucket path or an upload.")
        source = FileSource(
            path=Path(path) if path is not None else None,
            bucket=source_bucket, bucket_path=source_path, staged_upload=staged_upload,
            display_name=display_name,
        )
        with self._call(actor, "ingest.file", dataset) as (who, _):
            self.access.require_write_dataset(who, dataset, self.catalog.datasets.exists(dataset), "ingest into")
            if source.path is not None and not (who.is_admin and source.path.is_file()):
                # Server-side paths are the trust root's: only an admin may name one.
                self.access.require_admin(who, "ingest a file by server path")
                raise InvalidInput(f"File '{source.path}' does not exist or is not a file.")
            return self.ingest.ingest_file(who, source, dataset, WriteMode(mode), options, bucket, wait)

    def ingest_postgres(self, dsn: str, dataset: str, *, table: str | None = None, query: str | None = None,
                        wait: bool = True, actor: Actor | None = None, **options: Any) -> JobInfo:
        """Stream a PostgreSQL table or read-only query into a dataset (see docs/connectors.md).

        ``options``: mode, incremental_column, primary_key (list), bucket, description, owner, tags,
        connect_timeout_seconds, statement_timeout_seconds."""
        request = DbIngestRequest(dsn=dsn, dataset=dataset, table=table, query=query, **_db_options(options))
        with self._call(actor, "ingest.postgres", dataset) as (who, _):
            self.access.require_admin(who, "ingest from a database")
            return self.db_ingest.ingest(who, "postgresql", request, wait)

    def ingest_mysql(self, dsn: str, dataset: str, *, table: str | None = None, query: str | None = None,
                     wait: bool = True, actor: Actor | None = None, **options: Any) -> JobInfo:
        """Stream a MySQL/MariaDB table or read-only query into a dataset; options as ``ingest_postgres``."""
        request = DbIngestRequest(dsn=dsn, dataset=dataset, table=table, query=query, **_db_options(options))
        with self._call(actor, "ingest.mysql", dataset) as (who, _):
            self.access.require_admin(who, "ingest from a database")
            return self.db_ingest.ingest(who, "mysql", request, wait)

    def write_table(self, dataset: str, data: pa.Table | pa.RecordBatchReader, *,
                    mode: WriteMode | str = WriteMode.append, bucket: str | None = None,
                    source: str = "library", actor: Actor | None = None) -> WriteResult:
        """Write Arrow data straight into a dataset (same commit path, PII scan and events as files)."""
        reader = data if isinstance(data, pa.RecordBatchReader) else pa.RecordBatchReader.from_batches(
            data.schema, data.to_batches())
        request = WriteRequest(dataset=dataset, reader=reader, mode=WriteMode(mode), bucket=bucket,
                               lineage={"source_system": "arrow", "source": source})
        with self._call(actor, "dataset.write", dataset) as (who, scope):
            self.access.require_write_dataset(who, dataset, self.catalog.datasets.exists(dataset))
            result = self.writer.write(request, who)
            scope.rows = result.rows_written
            return result

    # Query ----------------------------------------------------------------------------------
    def sql(self, sql: str, *, params: Mapping[str, Any] | None = None, as_of: Mapping[str, int] | None = None,
            max_rows: int | None = None, actor: Actor | None = None) -> QueryResult:
        with self._call(actor, "query.sql") as (who, scope):
            result = self.sql_service.run(who, sql, params=params, as_of=as_of, max_rows=max_rows)
            scope.rows = result.table.num_rows
            return result

    # Jobs -----------------------------------------------------------------------------------
    def list_jobs(self, limit: int = 100, status: str | None = None, actor: Actor | None = None) -> list[JobInfo]:
        with self._call(actor, "job.list") as (who, _):
            jobs = self.catalog.list_jobs(limit=limit, status=status)
            return jobs if who.is_admin else [j for j in jobs if j.actor == who.name]

    def get_job(self, job_id: str, actor: Actor | None = None) -> JobInfo:
        with self._call(actor, "job.get", job_id) as (who, _):
            return self._own_job(who, job_id)

    def _own_job(self, who: Actor, job_id: str) -> JobInfo:
        job = self.catalog.get_job(job_id)
        if not who.is_admin and job.actor != who.name:
            raise NotFound(f"Job '{job_id}' does not exist.", hint="List jobs with GET /jobs.")
        return job

    def wait_job(self, job_id: str, timeout: float | None = None) -> JobInfo:
        return self.jobs.wait(job_id, timeout)

    def cancel_job(self, job_id: str, actor: Actor | None = None) -> JobInfo:
        with self._call(actor, "job.cancel", job_id) as (who, _):
            self._own_job(who, job_id)
            return self.jobs.cancel(job_id)

    # Vector search --------------------------------------------------------------------------
    def create_vector_index(self, spec: IndexSpec | Mapping[str, Any], *, wait: bool = True,
                            actor: Actor | None = None) -> JobInfo:
        """Build (or rebuild) an index: chunk, embed, store, build the HNSW graph. A job."""
        spec = spec if isinstance(spec, IndexSpec) else IndexSpec.model_validate(spec)
        with self._call(actor, "vectors.create_index", spec.index_name) as (who, _):
            self._require_write_source(who, spec.dataset, "build a vector index on")
            return self.vectors.create_index(who, spec, wait)

    def list_vector_indexes(self, actor: Actor | None = None) -> list[IndexManifest]:
        with self._call(actor, "vectors.list_indexes") as (who, scope):
            visible = [m for m in self.vectors.list_indexes(who) if self._may_search(who, m)]
            scope.rows = len(visible)
            return visible

    def get_vector_index(self, name: str, actor: Actor | None = None) -> IndexManifest:
        with self._call(actor, "vectors.get_index", name) as (who, _):
            return self._readable_index(who, name)

    def delete_vector_index(self, name: str, actor: Actor | None = None) -> IndexManifest:
        with self._call(actor, "vectors.delete_index", name) as (who, _):
            self._writable_index(who, name)
            return self.vectors.delete_index(who, name)

    def vector_search(self, index: str, query: str | None = None, *, vector: Sequence[float] | None = None,
                      k: int = 10, filter: str | None = None, per_chunk: bool = False,
                      actor: Actor | None = None) -> SearchResult:
        request = SearchRequest(query=query, vector=list(vector) if vector is not None else None, k=k,
                                filter=filter, per_chunk=per_chunk)
        return self.search_vectors(index, request, actor=actor)

    def search_vectors(self, index: str, request: SearchRequest | Mapping[str, Any],
                       actor: Actor | None = None) -> SearchResult:
        """``vector_search`` taking the whole request body (``ef_search``, ``exact`` too)."""
        request = request if isinstance(request, SearchRequest) else SearchRequest.model_validate(request)
        with self._call(actor, "vectors.search", index) as (who, _):
            return self.vectors.search(who, index, request)

    def refresh_vectors(self, dataset: str, *, wait: bool = True, force: bool = False,
                        actor: Actor | None = None) -> JobInfo:
        """Refresh every index built on ``dataset``: new and changed documents only. A job."""
        with self._call(actor, "vectors.refresh_dataset", dataset) as (who, _):
            self._require_write_source(who, dataset, "refresh vector indexes on")
            return self.vectors.refresh_dataset(who, dataset, wait, force)

    def stale_vector_indexes(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "vectors.stale") as (who, _):
            readable = {m.index_name for m in self.vectors.list_indexes(who) if self._may_search(who, m)}
            return [entry for entry in self.vectors.stale(who) if entry.get("index_name") in readable]

    def evaluate_vector_index(self, index: str, request: EvalRequest | Mapping[str, Any] | None = None,
                              actor: Actor | None = None) -> dict[str, Any]:
        request = request if isinstance(request, EvalRequest) else EvalRequest.model_validate(request or {})
        with self._call(actor, "vectors.evaluate", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.evaluate(who, index, request)

    def vector_trials(self, index: str, limit: int = 1000, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "vectors.trials", index) as (who, _):
            self._readable_index(who, index)
            return self.vectors.trials(who, index, limit)

    def autotune_vector_index(self, index: str, request: AutotuneRequest | Mapping[str, Any] | None = None, *,
                              wait: bool = True, actor: Actor | None = None) -> JobInfo:
        request = request if isinstance(request, AutotuneRequest) else AutotuneRequest.model_validate(request or {})
        with self._call(actor, "vectors.autotune", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.autotune(who, index, request, wait)

    def vector_champion(self, index: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "vectors.champion", index) as (who, _):
            self._readable_index(who, index)
            return self.vectors.champion(who, index)

    def set_vector_champion(self, index: str, request: ChampionRequest | Mapping[str, Any],
                            actor: Actor | None = None) -> dict[str, Any]:
        request = request if isinstance(request, ChampionRequest) else ChampionRequest.model_validate(request)
        with self._call(actor, "vectors.set_champion", index) as (who, _):
            self._writable_index(who, index)
            return self.vectors.set_champion(who, index, request)

    def _may_search(self, who: Actor, index: IndexManifest) -> bool:
        try:
            self.vectors.guards.check(who, index)
        except NotFound:
            return False
        return True

    def _readable_index(self, who: Actor, name: str) -> IndexManifest:
        index = self.vectors.get_index(who, name)
        self.vectors.guards.check(who, index)  # 404 for an index the caller may not read
        return index

    def _writable_index(self, who: Actor, name: str) -> IndexManifest:
        index = self._readable_index(who, name)  # 404 above; an index it may read but not manage: 403
        self.access.require_write_dataset(who, index.base_dataset, False, "manage vector indexes on")
        return index

    def _require_write_source(self, who: Actor, name: str, action: str) -> None:
        """Index work on a dataset needs write access to it; on a view, reading the view (404 otherwise)
        and write access to its base dataset (as defining the view did)."""
        view = self.vectors.sources.view(name)
        if view is not None:
            self.governance.get_view(who, name)  # 404 unless readable; readable but not writable: 403
            self.access.require_write_dataset(who, view.base_dataset, False, action)
        else:
            self.access.require_write_dataset(who, name, self.catalog.datasets.exists(name), action)

    # Catalog backups ------------------------------------------------------------------------
    def backup_catalog(self, actor: Actor | None = None) -> str:
        with self._call(actor, "catalog.backup") as (who, _):
            self.access.require_admin(who, "back up the catalog")
            name = f"catalog-backups/catalog-{utcnow().strftime('%Y%m%dT%H%M%S%fZ')}.json.gz"
            self.buckets.get("rescue").write_bytes(name, backup.export_catalog(self.catalog))
        self._publish("catalog.backed_up", name, actor, {})
        return name

    def list_backups(self, actor: Actor | None = None) -> list[str]:
        with self._call(actor, "catalog.list_backups") as (who, _):
            self.access.require_admin(who, "list catalog backups")
            return sorted(self.buckets.get("rescue").list("catalog-backups"))

    def restore_catalog(self, name: str, actor: Actor | None = None) -> dict[str, int]:
        with self._call(actor, "catalog.restore", name) as (who, _):
            self.access.require_admin(who, "restore the catalog")
            blob = self.buckets.get("rescue").read_bytes(name)
            counts = backup.import_catalog(self.catalog, blob)
        self._publish("catalog.restored", name, actor, {"rows": counts})
        return counts

    # Governance: tokens, grants, views, tombstones, purge, erase, audit, journal -------------
    def authenticate(self, token: str) -> Actor:
        return self.governance.principals.authenticate(token)

    def create_token(self, name: str, role: Role | str, *, expires_in_days: float | None = None,
                     actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "token.create", name) as (who, _):
            return self.governance.create_token(who, name, role, expires_in_days)

    def list_tokens(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "token.list") as (who, _):
            self.access.require_admin(who, "list tokens")
            return self.governance.principals.list_tokens()

    def revoke_token(self, token_id: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "token.revoke", token_id) as (who, _):
            return self.governance.revoke_token(who, token_id)

    def add_grant(self, principal: str, kind: str, name: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "grant.add", principal, f"{kind}:{name}") as (who, _):
            return self.governance.add_grant(who, principal, kind, name)  # type: ignore[arg-type]

    def list_grants(self, principal: str | None = None, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "grant.list") as (who, _):
            self.access.require_admin(who, "list grants")
            return self.governance.grants.list(principal)

    def remove_grant(self, grant_id: int, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "grant.remove", str(grant_id)) as (who, _):
            return self.governance.remove_grant(who, grant_id)

    def create_view(self, spec: ViewSpec | Mapping[str, Any], actor: Actor | None = None) -> ViewInfo:
        spec = spec if isinstance(spec, ViewSpec) else ViewSpec.model_validate(spec)
        with self._call(actor, "view.create", spec.name) as (who, _):
            checked = self.governance.check_view(who, spec)
            info = self.governance.views.create(checked, who)
            try:  # plan it once, so a filter the engine cannot type-check is refused now, not at query time
                self.sql_service.run(SYSTEM, f'SELECT * FROM "{info.name}" LIMIT 0', max_rows=0)  # noqa: S608
            except LakehouseError as exc:
                self.governance.views.delete(info.name)
                raise InvalidInput(f"View '{info.name}' does not plan: {exc.message}") from None
        self._publish("view.created", info.name, who, {"after": self.governance.views.summary(info)})
        return info

    def list_views(self, actor: Actor | None = None) -> list[ViewInfo]:
        with self._call(actor, "view.list") as (who, scope):
            views = self.governance.readable_views(who)
            scope.rows = len(views)
            return views

    def get_view(self, name: str, actor: Actor | None = None) -> ViewInfo:
        with self._call(actor, "view.get", name) as (who, _):
            return self.governance.get_view(who, name)

    def delete_view(self, name: str, actor: Actor | None = None) -> ViewInfo:
        with self._call(actor, "view.delete", name) as (who, _):
            return self.governance.delete_view(who, name)

    def tombstone(self, dataset: str, row_key_column: str, row_key_values: Sequence[object], reason: str = "",
                  *, note: str | None = None, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "tombstone.add", dataset) as (who, scope):
            result = self.governance.add_tombstones(who, dataset, row_key_column, row_key_values, reason, note)
            scope.rows = result["applied"]
            return result

    def list_tombstones(self, dataset: str, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "tombstone.list", dataset) as (who, _):
            return self.governance.list_tombstones(who, dataset)

    def restore_tombstone(self, dataset: str, tombstone_id: int, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "tombstone.remove", dataset, str(tombstone_id)) as (who, _):
            return self.governance.remove_tombstone(who, dataset, tombstone_id)

    def purge(self, dataset: str, *, wait: bool = True, actor: Actor | None = None) -> JobInfo:
        """Remove tombstoned rows physically; the job's result is the erasure certificate."""
        with self._call(actor, "purge", dataset) as (who, _):
            self.access.require_admin_on_dataset(who, dataset, "purge")
            job = self.jobs.submit("purge", who, {"dataset": dataset},
                                   lambda _ctx: self.governance.purge(who, dataset))
            return self.jobs.wait(job.job_id) if wait else job

    def certificates(self, dataset: str, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "purge.certificates", dataset) as (who, _):
            return self.governance.certificates(who, dataset)

    def erase_person(self, value: str, kind: str, reason: str = "erasure request",
                     actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "governance.erase", kind) as (who, _):
            return self.governance.erase(who, value, kind, reason)

    def audit_events(self, actor: Actor | None = None, **filters: Any) -> list[dict[str, Any]]:
        with self._call(actor, "audit.list") as (who, scope):
            self.access.require_admin(who, "read the audit")
            items = self.governance.audit.query(**filters)
            scope.rows = len(items)
            return items

    def journal_events(self, actor: Actor | None = None, **filters: Any) -> list[dict[str, Any]]:
        with self._call(actor, "journal.list") as (who, scope):
            self.access.require_admin(who, "read the journal")
            items = self.governance.journal.query(**filters)
            scope.rows = len(items)
            return items

    @contextmanager
    def _call(self, actor: Actor | None, action: str, *objects: str) -> Iterator[tuple[Actor, AuditScope]]:
        """Every library call is audited (actor, action, objects, outcome, rows, elapsed, request id)."""
        who = self._who(actor)
        with self.governance.audit.scope(who, action, *objects) as scope:
            yield who, scope

    def _publish(self, event_type: str, subject: str, actor: Actor | None, payload: dict[str, Any]) -> None:
        from lakehouse.types import Event

        self.bus.publish(Event(event_type, subject, self._who(actor).name, payload))


def _db_options(options: dict[str, Any]) -> dict[str, Any]:
    allowed = set(DbIngestRequest.__dataclass_fields__) - {"dsn", "dataset", "table", "query"}
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise InvalidInput(f"Unknown database ingest option(s): {', '.join(unknown)}.")
    out = {k: v for k, v in options.items() if v is not None}
    if "mode" in out:
        try:
            out["mode"] = WriteMode(out["mode"])
        except ValueError:
            raise InvalidInput(f"Unknown mode {out['mode']!r}; use append, overwrite or upsert.") from None
    if isinstance(out.get("primary_key"), str):
        out["primary_key"] = [k.strip() for k in out["primary_key"].split(",") if k.strip()]
    return out
