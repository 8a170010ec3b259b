"""Table operations beyond ingest: restore, optimize (compact + vacuum), delete, and crash reconciliation."""

from __future__ import annotations

import logging
from typing import Any

from lakehouse.catalog.datasets import DatasetCommit
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import InvalidInput
from lakehouse.events import EventBus
from lakehouse.ingest.columns import column_infos
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
        with self._locked(name, actor):
            manifest, uri, options = self._locate(name)
            known = {v.version for v in self._catalog.datasets.history(name, limit=100_000)}
            if version not in known or version == manifest.version:
                raise InvalidInput(
                    f"Dataset '{name}' cannot be restored to version {version}.",
                    hint=f"Pick an earlier version listed by GET /catalog/datasets/by-name/{name}/history.",
                )
            intent = self._intent(manifest, "restore", actor)
            new_version = delta.restore(uri, options, version, _tagged(intent, actor))
            columns = _keep_flags(column_infos(delta.schema(uri, options), {}), manifest.columns)
            self._record(name, manifest.bucket, new_version, "restore", actor, 0,
                         delta.row_count(uri, options), columns, {"restored_version": version}, intent=intent)
        self._bus.publish(Event("dataset.restored", name, actor.name, {"version": new_version, "from": version}))
        return self._catalog.datasets.get(name)

    def optimize(self, name: str, actor: Actor, vacuum: bool = True) -> dict[str, Any]:
        """Compact, then (``vacuum``) delete files older versions no longer need and the files of writes
        that died before committing (safe here: the writer lock means no write is in flight)."""
        with self._locked(name, actor):
            manifest, uri, options = self._locate(name)
            intent = self._intent(manifest, "optimize", actor)
            metrics = delta.optimize(uri, options, commit_properties=_tagged(intent, actor))
            new_version = delta.table_version(uri, options)
            removed = delta.vacuum(uri, options, self._retention_hours, True,
                                   commit_properties=_tagged(intent, actor)) if vacuum else []
            orphans = delta.remove_untracked(uri, options) if vacuum else []
            if new_version is not None and new_version != manifest.version:
                self._record(name, manifest.bucket, new_version, "optimize", actor, 0, manifest.row_count or 0,
                             manifest.columns, None, intent=intent)
            else:
                self._catalog.clear_intent(intent)
        self._bus.publish(Event("dataset.optimized", name, actor.name, {"version": new_version}))
        return {"dataset": name, "version": new_version, "compaction": metrics,
                "files_vacuumed": len(removed) + len(orphans), "retention_hours": self._retention_hours}

    def _intent(self, manifest: DatasetManifest, operation: str, actor: Actor) -> int:
        """Journal the operation before its Delta commit, so a crash in between is reconciled at start."""
        return self._catalog.add_intent(manifest.name, manifest.version, {
            "operation": operation, "bucket": manifest.bucket, "actor": actor.name, "job_id": None,
            "lineage": {"source_system": "lakehouse", "source": operation}, "create_defaults": {}})

    def delete(self, name: str, actor: Actor) -> DatasetManifest:
        manifest, uri, options = self._locate(name)
        with self._locked(name, actor):
            # journaled: a crash after the catalog forgot the dataset but before its files went would leave
            # them behind, and a new dataset of the same name would append to the old table
            intent = self._intent(manifest, "delete", actor)
            before = self._catalog.datasets.delete(name)
            delta.delete_table(uri, options)
            self._catalog.clear_intent(intent)
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
                job_id: str | None = None, lineage: dict[str, Any] | None = None, intent: int | None = None) -> None:
        with self._catalog.sessions.begin() as session:
            self._catalog.datasets.record_commit(self._commit(
                name, bucket, version, operation, actor, rows_written, row_count, columns, details, job_id, lineage,
            ), session)
            if intent is not None:
                self._catalog.clear_intent(intent, session)

    @staticmethod
    def _commit(name: str, bucket: str, version: int, operation: str, actor: Actor, rows_written: int,
                row_count: int, columns: list[ColumnInfo], details: dict[str, Any] | None,
                job_id: str | None, lineage: dict[str, Any] | None) -> DatasetCommit:
        return DatasetCommit(
            name=name, bucket=bucket, version=version, operation=operation, actor=actor.name, at=utcnow(),
            rows_written=rows_written, row_count=row_count, columns=columns, job_id=job_id,
            lineage=lineage or ({"source_system": "lakehouse", "source": operation, "details": details}
                                if details else None),
        )

    # Crash reconciliation -------------------------------------------------------------------------
    def missing_tables(self) -> list[str]:
        """Datasets the catalog lists whose Delta table is gone."""
        missing = []
        for manifest in self._catalog.datasets.list():
            bucket = self._buckets.get(manifest.bucket)
            if delta.table_version(bucket.table_uri(manifest.name), bucket.storage_options()) is None:
                missing.append(manifest.name)
        return missing

    def reconcile_intent(self, intent: Any, actor: Actor, *, adopt: bool = True) -> str | None:
        """Resolve a write that died (or failed) between journaling its intent and recording its commit; the
        caller holds the dataset's writer lock. Returns "adopted", "rolled_back" or None (nothing had been
        committed). ``adopt=False`` rolls a complete commit back too (its caller was told it failed). Either
        way the files the dead write left behind unreferenced are removed."""
        payload, name = intent.payload, intent.dataset_name
        bucket = self._buckets.get(payload["bucket"])
        uri, options = bucket.table_uri(name), bucket.storage_options()
        if payload.get("operation") == "delete":  # finish a delete the catalog already recorded
            if not self._catalog.datasets.exists(name):
                delta.delete_table(uri, options)
                return "deleted"
            return None
        table_version = delta.table_version(uri, options)
        base = intent.base_version
        if table_version is None or table_version == base:
            _sweep(uri, options, table_version)
            return None  # the Delta commit never happened: nothing to undo
        if adopt and _all_ours(delta.history(uri, options, limit=table_version - (base if base is not None else -1)),
                     base, str(intent.id)):
            schema = delta.schema(uri, options)
            sample = delta.sample(uri, options, 2000)
            existing = self._catalog.datasets.get(name, with_lineage=False).columns if base is not None else []
            from lakehouse.ingest.pii import detect_pii

            columns = _keep_flags(column_infos(schema, detect_pii(sample)), existing)
            row_count = delta.row_count(uri, options)
            self._record(name, payload["bucket"], table_version, payload["operation"], actor, 0, row_count,
                         columns, None, payload.get("job_id"), payload.get("lineage"))
            _sweep(uri, options, table_version)
            return "adopted"
        if base is None:
            delta.delete_table(uri, options)
        else:
            delta.restore(uri, options, base)
            _sweep(uri, options, base)
        return "rolled_back"


_NEUTRAL = {"VACUUM START", "VACUUM END"}  # commits that change no data (an earlier optimize's vacuum)


def _all_ours(entries: list[dict[str, Any]], base: int | None, intent: str) -> bool:
    """True when every commit after ``base`` is the intent's own (or data-neutral) and one of them is."""
    after = [e for e in entries if base is None or e["version"] > base]
    ours = [e.get("metadata", {}).get("lakehouse.intent") == intent for e in after]
    return any(ours) and all(mine or e["operation"] in _NEUTRAL for mine, e in zip(ours, after, strict=True))


def _sweep(uri: str, options: dict[str, str], version: int | None) -> None:
    """Remove what a write that died left unreferenced: the whole folder of a table never committed."""
    try:
        if version is None:
            delta.remove_uncommitted(uri, options)
        else:
            delta.remove_untracked(uri, options)
    except Exception:  # noqa: BLE001 - leftovers cost space only; the next optimize sweeps again
        log.warning("could not sweep unreferenced files of %s", uri, exc_info=True)


def _tagged(intent: int, actor: Actor) -> dict[str, str]:
    return {"lakehouse.intent": str(intent), "lakehouse.actor": actor.name}


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
