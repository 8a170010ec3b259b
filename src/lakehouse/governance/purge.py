"""Purge: physically remove tombstoned rows from every registered ``Erasable`` (Delta tables now;
vector indexes and caches register the same way), vacuum what older versions still hold once the
retention has passed, and issue an erasure certificate backed by an independent verification."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pyarrow as pa
from deltalake import CommitProperties
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.datasets import DatasetCommit
from lakehouse.catalog.models_governance import CertificateRow
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import NotFound
from lakehouse.events import Erasable, ErasableRegistry, ErasureReport, EventBus
from lakehouse.governance.redaction import hmac_hex
from lakehouse.governance.tombstones import TombstoneStore
from lakehouse.governance.verify import Verification, verify_location
from lakehouse.storage import delta
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import Actor, Event, iso_utc, utcnow


class DeltaTableErasable:
    """Deletes the rows by merge (the keys never enter the commit's predicate text), then vacuums
    removed files and expires log entries older than the retention, so old versions stop holding them."""

    name = "tables"

    def __init__(self, catalog: CatalogStore, buckets: BucketRegistry, retention_hours: int):
        self._catalog = catalog
        self._buckets = buckets
        self._retention_hours = retention_hours

    def erase(self, dataset: str, key_column: str, keys: Sequence[object], actor: Actor) -> ErasureReport:
        lock = f"dataset:{dataset}"
        self._catalog.acquire_lock(lock, actor.name)
        try:
            manifest = self._catalog.datasets.get(dataset, with_lineage=False)
            bucket = self._buckets.get(manifest.bucket)
            uri, options = bucket.table_uri(dataset), bucket.storage_options()
            # Journaled like every write: a crash before the catalog records the purge is reconciled at start.
            intent = self._catalog.add_intent(dataset, manifest.version, {
                "operation": "purge", "bucket": manifest.bucket, "actor": actor.name, "job_id": None,
                "lineage": {"source_system": "lakehouse", "source": "purge"}, "create_defaults": {},
                "owner": self._catalog.owners.owner_id})
            tagged = CommitProperties(custom_metadata={"userMetadata": json.dumps(
                {"lakehouse.intent": str(intent), "lakehouse.actor": actor.name}, sort_keys=True)})
            dt = delta.open_table(uri, options)
            seconds = int(self._retention_hours * 3600)
            wanted = f"interval {seconds} seconds"
            settings_version = None
            if dt.metadata().configuration.get("delta.logRetentionDuration") != wanted:
                dt.alter.set_table_properties({"delta.logRetentionDuration": wanted}, commit_properties=tagged)
                settings_version = dt.version()
            deleted, removed_by_merge = 0, 0
            if keys:
                key_type = pa.schema(dt.schema().to_arrow()).field(key_column).type
                source = pa.table({"k": pa.array(list(keys)).cast(key_type)})
                metrics = dt.merge(source=source, predicate=f't."{key_column}" = s.k', source_alias="s",
                                   target_alias="t", commit_properties=tagged).when_matched_delete().execute()
                deleted = int(metrics.get("num_target_rows_deleted", 0))
                removed_by_merge = int(metrics.get("num_target_files_removed", 0))
            vacuumed = dt.vacuum(self._retention_hours, dry_run=False, enforce_retention_duration=False,
                                 commit_properties=tagged)
            dt.create_checkpoint()
            dt.cleanup_metadata()
            version = dt.version()
            delta.sync_version(uri, options, version)
            with self._catalog.sessions.begin() as session:
                if version != manifest.version:
                    note = (f"Purge: {deleted} row(s) removed." + (
                        f" Version {settings_version} only set the table's log retention for purges."
                        if settings_version is not None and settings_version != version else "")
                        + f" Versions before {version} stop being readable or restorable once the retention "
                        f"({self._retention_hours} h) has passed: the purge vacuums the files that held erased rows.")
                    self._catalog.datasets.record_commit(DatasetCommit(
                        name=dataset, bucket=manifest.bucket, version=version, operation="purge",
                        actor=actor.name, at=utcnow(), rows_written=0,
                        row_count=max((manifest.row_count or 0) - deleted, 0), columns=manifest.columns,
                        lineage={"source_system": "lakehouse", "source": "purge",
                                 "details": {"rows_removed": deleted, "note": note}},
                    ), session)
                self._catalog.clear_intent(intent, session)
        finally:
            self._catalog.release_lock(lock, actor.name)
        return ErasureReport(store=self.name, rows_removed=deleted, files_removed=len(vacuumed),
                             versions_rewritten=1 if deleted else 0,
                             remaining=(f"{removed_by_merge} rewritten file(s) kept until the retention passes",)
                             if removed_by_merge and not vacuumed else ())


class PurgeService:
    def __init__(self, catalog: CatalogStore, buckets: BucketRegistry, tombstones: TombstoneStore,
                 erasables: ErasableRegistry, bus: EventBus, secret: bytes, retention_hours: int):
        self._catalog = catalog
        self._sessions: sessionmaker[Session] = catalog.sessions
        self._buckets = buckets
        self._tombstones = tombstones
        self._erasables = erasables
        self._bus = bus
        self._secret = secret
        self._retention_hours = retention_hours

    def purge(self, dataset: str, actor: Actor) -> dict[str, Any]:
        manifest = self._catalog.datasets.get(dataset, with_lineage=False)
        started = utcnow()
        rows = self._tombstones.rows(dataset, active_only=True)
        key_column = self._tombstones.key_column(dataset) or ""
        keys = [r.key_value for r in rows]
        reports: list[ErasureReport] = []
        for store in self._erasables:
            reports.append(_erase(store, dataset, key_column, keys, actor))
        bucket = self._buckets.get(manifest.bucket)
        check = verify_location(bucket.table_uri(dataset), bucket.storage_options(), key_column, keys)
        status = "complete" if not check.findings and not any(r.remaining for r in reports) else "pending"
        if status == "complete" and rows:
            key_type = delta.schema(bucket.table_uri(dataset), bucket.storage_options()).field(key_column).type
            self._tombstones.mark_purged(dataset, [r.id for r in rows], key_type)
            root = self._tombstones.relation(dataset)
            if root:  # the rebuilt anti-join table must not hold the purged keys either
                verify_location(root, {}, "k", keys, check)
        body = self._certificate(dataset, key_column, keys, reports, check, status, started, actor)
        self._store(body)
        self._bus.publish(Event("purge.done", dataset, actor.name, {
            "after": {k: body[k] for k in ("id", "status", "keys", "rows_removed", "files_removed")}}))
        return body

    def _certificate(self, dataset: str, key_column: str, keys: list[object], reports: list[ErasureReport],
                     check: Verification, status: str, started: Any, actor: Actor) -> dict[str, Any]:
        remaining = [f"{r.store}: {item}" for r in reports for item in r.remaining] + check.findings
        return {
            "id": uuid.uuid4().hex, "dataset": dataset, "row_key_column": key_column,
            "keys": sorted(hmac_hex(self._secret, k) for k in keys), "key_digest": "hmac-sha256",
            "status": status, "stores": [r.__dict__ | {"remaining": list(r.remaining)} for r in reports],
            "rows_removed": sum(r.rows_removed for r in reports),
            "versions_rewritten": sum(r.versions_rewritten for r in reports),
            "files_removed": sum(r.files_removed for r in reports),
            "retention_hours": self._retention_hours,
            "complete_after": iso_utc(started + timedelta(hours=self._retention_hours))
            if status == "pending" else None,
            "pending_until": iso_utc(started + timedelta(hours=self._retention_hours))
            if status == "pending" else None,
            "pending_reason": _pending_reason(remaining, self._retention_hours) if status == "pending" else None,
            "remaining": remaining, "verification": check.to_dict(),
            "actor": actor.name, "started_at": iso_utc(started), "finished_at": iso_utc(utcnow()),
        }

    def _store(self, body: dict[str, Any]) -> None:
        now = utcnow()
        with self._sessions.begin() as session:
            if body["status"] == "complete":
                for old in session.scalars(select(CertificateRow).where(
                        CertificateRow.dataset_name == body["dataset"], CertificateRow.status == "pending")):
                    old.status = "complete"
                    old.body = {**old.body, "status": "complete", "completed_by": body["id"]}
                    old.updated_at = now
            session.add(CertificateRow(id=body["id"], dataset_name=body["dataset"], status=body["status"],
                                       body=body, created_at=now, updated_at=now))

    def certificates(self, dataset: str) -> list[dict[str, Any]]:
        with self._sessions() as session:
            rows = session.scalars(select(CertificateRow).where(CertificateRow.dataset_name == dataset)
                                   .order_by(CertificateRow.created_at.desc()))
            return [dict(r.body) for r in rows]

    def certificate(self, certificate_id: str) -> dict[str, Any]:
        with self._sessions() as session:
            row = session.get(CertificateRow, certificate_id)
            if row is None:
                raise NotFound(f"Erasure certificate '{certificate_id}' does not exist.")
            return dict(row.body)


def _pending_reason(remaining: list[str], retention_hours: int) -> str:
    return ("The erased rows are gone from the current version, but "
            + "; ".join(remaining)
            + f". Older files are kept for the retention (governance.purge_retention_hours = {retention_hours} h) so "
            "readers of older versions are not broken; run the purge again after pending_until to remove them "
            "and complete this certificate (tombstoned keys stay hidden from every read meanwhile).")


def _erase(store: Erasable, dataset: str, key_column: str, keys: list[object], actor: Actor) -> ErasureReport:
    try:
        return store.erase(dataset, key_column, keys, actor)
    except NotFound:
        raise
    except Exception as exc:  # one store failing leaves the purge pending, never silently complete
        return ErasureReport(store=getattr(store, "name", type(store).__name__),
                             remaining=(f"erase failed: {type(exc).__name__}: {str(exc)[:200]}",))
