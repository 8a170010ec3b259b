"""Table operations beyond ingest: restore, optimize (compact + vacuum), delete, and crash reconciliation."""

from __future__ import annotations

import logging
from typing import Any

from lakehouse.catalog.datasets import DatasetCommit
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import InvalidInput
from lakehouse.events import EventBus
from lakehouse.ingest.columns import column_infos
from lakehouse.ingest.pii import detect_pii
from lakehouse.storage import delta
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import Actor, Event, utcnow
from lakehouse.wire import ColumnInfo, DatasetManifest

log = logging.getLogger(__name__)


class TableMaintenance:
    def __init__(self, catalog: CatalogStore, buckets: BucketRegistry, bus: EventBus, retention_hours: int):
        self._catalog = catalog
        self._buckets = buckets
        self._bus = bus
        self._retention_hours = retention_hours

    def _locate(self, name: str) -> tuple[DatasetManifest, str, dict[str, str]]:
        manifest = self._catalog.datasets.get(name, with_lineage=False)
        bucket = self._buckets.get(manifest.bucket)
        return manifest, bucket.table_uri(name), bucket.storage_options()

    def restore(self, name: str, version: int, actor: Actor) -> DatasetManifest:
        """Make ``version``'s contents current again, as a new version (history is kept)."""
        manifest, uri, options = self._locate(name)
        known = {v.version for v in self._catalog.datasets.history(name, limit=100_000)}
        if version not in known or version == manifest.version:
            raise InvalidInput(
                f"Dataset '{name}' cannot be restored to version {version}.",
                hint=f"Pick an earlier version listed by GET /catalog/datasets/by-name/{name}/history.",
            )
        with self._locked(name, actor):
            new_version = delta.restore(uri, options, version)
            columns = _keep_flags(column_infos(delta.schema(uri, options), {}), manifest.columns)
            self._record(name, manifest.bucket, new_version, "restore", actor, 0,
                         delta.row_count(uri, options), columns, {"restored_version": version})
        self._bus.publish(Event("dataset.restored", name, actor.name, {"version": new_version, "from": version}))
        return self._catalog.datasets.get(name)

    def optimize(self, name: str, actor: Actor, vacuum: bool = True) -> dict[str, Any]:
        manifest, uri, options = self._locate(name)
        with self._locked(name, actor):
            metrics = delta.optimize(uri, options)
            new_version = delta.table_version(uri, options)
            if new_version is not None and new_version != manifest.version:
                self._record(name, manifest.bucket, new_version, "optimize", actor, 0, manifest.row_count or 0,
                             manifest.columns, None)
            removed = delta.vacuum(uri, options, self._retention_hours, True) if vacuum else []
        self._bus.publish(Event("dataset.optimized", name, actor.name, {"version": new_version}))
        return {"dataset": name, "version": new_version, "compaction": metrics, "files_vacuumed": len(removed),
                "retention_hours": self._retention_hours}

    def delete(self, name: str, actor: Actor) -> DatasetManifest:
        manifest, uri, options = self._locate(name)
        with self._locked(name, actor):
            before = self._catalog.datasets.delete(name)
            delta.delete_table(uri, options)
        self._bus.publish(Event("dataset.deleted", name, actor.name, {"version": manifest.version}))
        return before

    def _locked(self, name: str, actor: Actor) -> Any:
        catalog = self._catalog

        class _Lock:
            def __enter__(self) -> None:
                catalog.acquire_lock(f"dataset:{name}", actor.name)

            def __exit__(self, *exc: object) -> None:
                catalog.release_lock(f"dataset:{name}", actor.name)

        return _Lock()

    def _record(self, name: str, bucket: str, version: int, operation: str, actor: Actor, rows_written: int,
                row_count: int, columns: list[ColumnInfo], details: dict[str, Any] | None,
                job_id: str | None = None, lineage: dict[str, Any] | None = None) -> None:
        self._catalog.datasets.record_commit(DatasetCommit(
            name=name, bucket=bucket, version=version, operation=operation, actor=actor.name, at=utcnow(),
            rows_written=rows_written, row_count=row_count, columns=columns, job_id=job_id,
            lineage=lineage or ({"source_system": "lakehouse", "source": operation, "details": details}
                                if details else None),
        ))

    # Crash reconciliation -------------------------------------------------------------------------
    def missing_tables(self) -> list[str]:
        """Datasets the catalog lists whose Delta table is gone."""
        missing = []
        for manifest in self._catalog.datasets.list():
            bucket = self._buckets.get(manifest.bucket)
            if delta.table_version(bucket.table_uri(manifest.name), bucket.storage_options()) is None:
                missing.append(manifest.name)
        return missing

    def reconcile_intent(self, intent: Any, actor: Actor) -> str | None:
        """Resolve a write that crashed between the Delta commit and the catalog commit; the caller holds
        the dataset's writer lock. Returns "adopted", "rolled_back" or None (nothing had been committed)."""
        payload, name = intent.payload, intent.dataset_name
        bucket = self._buckets.get(payload["bucket"])
        uri, options = bucket.table_uri(name), bucket.storage_options()
        table_version = delta.table_version(uri, options)
        base = intent.base_version
        if table_version is None or table_version == base:
            return None  # the Delta commit never happened: nothing to undo
        ours = delta.commit_metadata(uri, options, (base or 0) + 1 if base is not None else 0)
        if table_version == (base + 1 if base is not None else 0) and ours.get("lakehouse.intent") == str(intent.id):
            schema = delta.schema(uri, options)
            sample = delta.sample(uri, options, 2000)
            existing = self._catalog.datasets.get(name, with_lineage=False).columns if base is not None else []
            columns = _keep_flags(column_infos(schema, detect_pii(sample)), existing)
            row_count = delta.row_count(uri, options)
            self._record(name, payload["bucket"], table_version, payload["operation"], actor, 0, row_count,
                         columns, None, payload.get("job_id"), payload.get("lineage"))
            return "adopted"
        if base is None:
            delta.delete_table(uri, options)
        else:
            delta.restore(uri, options, base)
        return "rolled_back"


def _keep_flags(columns: list[ColumnInfo], previous: list[ColumnInfo]) -> list[ColumnInfo]:
    by_name = {c.name: c for c in previous}
    merged = []
    for column in columns:
        old = by_name.get(column.name)
        if old is not None and old.pii_kind and not column.pii_kind:
            column = column.model_copy(update={k: getattr(old, k) for k in (
                "pii_kind", "pii_category", "pii_confidence", "pii_evidence", "sensitivity", "original_name")})
        merged.append(column)
    return merged
