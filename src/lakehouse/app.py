"""Lakehouse: the composition root. Builds the services from Settings and exposes the library API
that the CLI, the HTTP API and scripts all use. No logic lives here beyond wiring and delegation."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa

from lakehouse.catalog import backup
from lakehouse.catalog.jobs import JobRunner
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import InvalidInput
from lakehouse.events import ErasableRegistry, EventBus
from lakehouse.ingest.maintenance import ReconcileReport, TableMaintenance
from lakehouse.ingest.service import FileIngestOptions, FileSource, IngestService
from lakehouse.ingest.writer import TableWriter, WriteRequest, WriteResult
from lakehouse.query.executor import QueryExecutor
from lakehouse.query.spec import QueryResult
from lakehouse.query.sql_service import SqlService
from lakehouse.storage.buckets import BucketSpec
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import LOCAL_ADMIN, SYSTEM, Actor, WriteMode, utcnow
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
        self.writer = TableWriter(settings, self.catalog, self.buckets, self.bus)
        self.ingest = IngestService(settings, self.writer, self.buckets, self.jobs)
        self.tables = TableMaintenance(self.catalog, self.buckets, self.bus,
                                       settings.storage.vacuum_retention_hours)
        self.executor = QueryExecutor(settings.query)
        self.sql_service = SqlService(settings, self.catalog, self.buckets, self.executor)
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
        return report

    @property
    def staging_dir(self) -> Path:
        return self.settings.primary_root / "staging"

    def close(self) -> None:
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
        return self.buckets.list()

    def add_bucket(self, spec: BucketSpec | Mapping[str, Any], actor: Actor | None = None) -> BucketSpec:
        spec = spec if isinstance(spec, BucketSpec) else BucketSpec.model_validate(spec)
        self.buckets.add(spec)
        self._publish("bucket.added", spec.name, actor, spec.model_dump(mode="json"))
        return spec

    def remove_bucket(self, name: str, actor: Actor | None = None) -> None:
        self.buckets.remove(name)
        self._publish("bucket.removed", name, actor, {})

    # Datasets -------------------------------------------------------------------------------
    def list_datasets(self, actor: Actor | None = None) -> list[DatasetManifest]:
        return self.catalog.datasets.list()

    def get_dataset(self, name: str, actor: Actor | None = None) -> DatasetManifest:
        return self.catalog.datasets.get(name)

    def history(self, name: str, limit: int = 100, actor: Actor | None = None) -> list[VersionEntry]:
        return self.catalog.datasets.history(name, limit)

    def patch_metadata(self, name: str, patch: MetadataPatch | Mapping[str, Any],
                       actor: Actor | None = None) -> DatasetManifest:
        patch = patch if isinstance(patch, MetadataPatch) else MetadataPatch.model_validate(patch)
        before, after = self.catalog.datasets.patch_metadata(name, patch)
        self._publish("dataset.metadata_patched", name, actor,
                      {"patch": patch.model_dump(mode="json", exclude_unset=True),
                       "before": before.model_dump(mode="json", exclude={"lineage"})})
        return after

    def delete_dataset(self, name: str, actor: Actor | None = None) -> DatasetManifest:
        return self.tables.delete(name, self._who(actor))

    def restore_dataset(self, name: str, version: int, actor: Actor | None = None) -> DatasetManifest:
        return self.tables.restore(name, version, self._who(actor))

    def optimize_dataset(self, name: str, vacuum: bool = True, actor: Actor | None = None) -> dict[str, Any]:
        return self.tables.optimize(name, self._who(actor), vacuum=vacuum)

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
        if source.path is not None and not source.path.is_file():
            raise InvalidInput(f"File '{source.path}' does not exist or is not a file.")
        return self.ingest.ingest_file(self._who(actor), source, dataset, WriteMode(mode), options, bucket, wait)

    def write_table(self, dataset: str, data: pa.Table | pa.RecordBatchReader, *,
                    mode: WriteMode | str = WriteMode.append, bucket: str | None = None,
                    source: str = "library", actor: Actor | None = None) -> WriteResult:
        """Write Arrow data straight into a dataset (same commit path, PII scan and events as files)."""
        reader = data if isinstance(data, pa.RecordBatchReader) else pa.RecordBatchReader.from_batches(
            data.schema, data.to_batches())
        request = WriteRequest(dataset=dataset, reader=reader, mode=WriteMode(mode), bucket=bucket,
                               lineage={"source_system": "arrow", "source": source})
        return self.writer.write(request, self._who(actor))

    # Query ----------------------------------------------------------------------------------
    def sql(self, sql: str, *, params: Mapping[str, Any] | None = None, as_of: Mapping[str, int] | None = None,
            max_rows: int | None = None, actor: Actor | None = None) -> QueryResult:
        return self.sql_service.run(self._who(actor), sql, params=params, as_of=as_of, max_rows=max_rows)

    # Jobs -----------------------------------------------------------------------------------
    def list_jobs(self, limit: int = 100, status: str | None = None, actor: Actor | None = None) -> list[JobInfo]:
        return self.catalog.list_jobs(limit=limit, status=status)

    def get_job(self, job_id: str, actor: Actor | None = None) -> JobInfo:
        return self.catalog.get_job(job_id)

    def wait_job(self, job_id: str, timeout: float | None = None) -> JobInfo:
        return self.jobs.wait(job_id, timeout)

    def cancel_job(self, job_id: str, actor: Actor | None = None) -> JobInfo:
        return self.jobs.cancel(job_id)

    # Catalog backups ------------------------------------------------------------------------
    def backup_catalog(self, actor: Actor | None = None) -> str:
        name = f"catalog-backups/catalog-{utcnow().strftime('%Y%m%dT%H%M%S%fZ')}.json.gz"
        self.buckets.get("rescue").write_bytes(name, backup.export_catalog(self.catalog))
        self._publish("catalog.backed_up", name, actor, {})
        return name

    def list_backups(self) -> list[str]:
        return sorted(self.buckets.get("rescue").list("catalog-backups"))

    def restore_catalog(self, name: str, actor: Actor | None = None) -> dict[str, int]:
        blob = self.buckets.get("rescue").read_bytes(name)
        counts = backup.import_catalog(self.catalog, blob)
        self._publish("catalog.restored", name, actor, {"rows": counts})
        return counts

    def _publish(self, event_type: str, subject: str, actor: Actor | None, payload: dict[str, Any]) -> None:
        from lakehouse.types import Event

        self.bus.publish(Event(event_type, subject, self._who(actor).name, payload))
