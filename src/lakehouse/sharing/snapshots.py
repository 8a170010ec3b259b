"""What a shared object is served from, kept current lazily.

A view is materialised: its rows as the governed query path returns them (masks, row filter, tombstoned keys
anti-joined away) written as a new Delta table, so an engine that cannot enforce governance only ever reads what
the view shows. A dataset is served from its own committed files while it has no active tombstones, and
materialised like a view (tombstoned rows left out) while it has some.

Freshness is checked on every protocol request that reads data: the state a snapshot reflects (the base
dataset's version, its tombstone generation, the view's definition) is compared with the catalog's, and a stale
snapshot is rebuilt then, under a catalog lock. Each rebuild writes a new generation
``<bucket>/shared/<name>/<generation>/`` (a Delta table at version 0) and bumps the object's protocol version;
older generations stay while file URLs handed out for them may still be fetched (``sharing.url_expiry_seconds``),
and a purge deletes them at once (``SnapshotErasure``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_sharing import SnapshotRow
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import NotFound
from lakehouse.events import ErasureReport
from lakehouse.governance.service import Governance
from lakehouse.query.sql_service import SqlService
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import SYSTEM, Actor, utcnow

log = logging.getLogger(__name__)
SHARED_DIR = "shared"


@dataclass(frozen=True)
class Served:
    """The Delta table (bucket + path, at ``table_version``) an object is read from, and its protocol version."""

    name: str
    kind: str
    dataset: str
    bucket: str
    path: str
    table_version: int
    version: int


@dataclass(frozen=True)
class _State:
    dataset: str
    base_version: int
    copy: bool
    token: str


def _generation_ns(path: str) -> int:
    try:
        return int(path.rsplit("/", 1)[-1].split("-", 1)[0])
    except ValueError:
        return 0


class Snapshots:
    name = "shared-snapshots"  # as an Erasable: purge reaches the materialised snapshots

    def __init__(self, sessions: sessionmaker[Session], catalog: CatalogStore, buckets: BucketRegistry,
                 governance: Governance, sql: Callable[[], SqlService], grace_seconds: float):
        self._sessions = sessions
        self._catalog = catalog
        self._buckets = buckets
        self._gov = governance
        self._sql = sql
        self._grace = grace_seconds

    # The state a snapshot must reflect --------------------------------------------------------
    def _state(self, name: str, kind: str) -> _State:
        fingerprint = "-"
        if kind == "view":
            view = self._gov.views.get(name)
            if view is None:
                raise NotFound(f"View '{name}' no longer exists.")
            dataset = view.base_dataset
            text = json.dumps(view.model_dump(mode="json", include={"base_dataset", "columns", "row_filter",
                                                                     "column_redactions"}), sort_keys=True)
            fingerprint = hashlib.sha256(text.encode()).hexdigest()[:16]
        else:
            dataset = name
        heads = self._catalog.datasets.heads()
        if dataset not in heads:
            raise NotFound(f"Dataset '{dataset}' no longer exists.")
        version = heads[dataset][1]
        tombstones = self._gov.tombstones.relation(dataset) if dataset in self._gov.tombstoned_datasets() else None
        copy = kind == "view" or tombstones is not None
        generation = tombstones.rsplit("/", 1)[-1] if tombstones else "-"
        return _State(dataset, version, copy, f"{kind}:{version}:{generation}:{fingerprint}")

    def _row(self, name: str) -> SnapshotRow | None:
        with self._sessions() as session:
            return session.get(SnapshotRow, name)

    @staticmethod
    def _served(row: SnapshotRow) -> Served:
        return Served(row.name, row.kind, row.dataset, row.bucket, row.path, row.table_version, row.version)

    def peek_version(self, name: str, kind: str) -> int:
        """The protocol version the object has now: the stored one, or the next when a rebuild is due (the
        next read builds it), without building anything."""
        row, state = self._row(name), self._state(name, kind)
        if row is None:
            return 0
        return row.version if row.state == state.token else row.version + 1

    def current(self, name: str, kind: str) -> Served:
        """What to serve now, rebuilt first when stale."""
        row, state = self._row(name), self._state(name, kind)
        if row is not None and row.state == state.token:
            return self._served(row)
        lock = f"sharing:{name}"
        self._catalog.acquire_lock(lock, "sharing")
        try:
            row, state = self._row(name), self._state(name, kind)  # another process may have rebuilt it
            if row is not None and row.state == state.token:
                return self._served(row)
            return self._rebuild(name, kind, state, row)[0]
        finally:
            self._catalog.release_lock(lock, "sharing")

    def _rebuild(self, name: str, kind: str, state: _State, row: SnapshotRow | None, *,
                 drop_old_now: bool = False) -> tuple[Served, int]:
        """The new snapshot, and how many files of older generations were deleted."""
        manifest = self._catalog.datasets.get(state.dataset, with_lineage=False)
        bucket = self._buckets.get(manifest.bucket)
        if state.copy:
            path = f"{SHARED_DIR}/{name}/{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
            table_version = self._materialise(name, state, bucket.uri(path), bucket.storage_options())
        else:
            path, table_version = f"tables/{state.dataset}", state.base_version
        version = 0 if row is None else row.version + 1
        with self._sessions.begin() as session:
            stored = session.get(SnapshotRow, name)
            values = {"kind": kind, "dataset": state.dataset, "bucket": manifest.bucket, "path": path,
                      "table_version": table_version, "state": state.token, "version": version,
                      "refreshed_at": utcnow()}
            if stored is None:
                session.add(SnapshotRow(name=name, **values))
            else:
                for key, value in values.items():
                    setattr(stored, key, value)
        removed = self._drop_generations(name, manifest.bucket, keep=path, now=drop_old_now)
        if row is not None and row.bucket != manifest.bucket:
            removed += self._drop_generations(name, row.bucket, keep=None, now=drop_old_now)
        return Served(name, kind, state.dataset, manifest.bucket, path, table_version, version), removed

    def _materialise(self, name: str, state: _State, uri: str, options: dict[str, str]) -> int:
        """The object's rows as the governed query path reads them (as the system actor, pinned to the base
        version the state names), streamed into a new Delta table."""
        import pyarrow as pa

        from lakehouse.storage import delta

        quoted = '"' + name.replace('"', '""') + '"'
        schema, batches = self._sql().stream(SYSTEM, f"SELECT * FROM {quoted}",  # noqa: S608 - a quoted name
                                             as_of={state.dataset: state.base_version})
        try:
            reader = pa.RecordBatchReader.from_batches(schema, (b for b in batches if b is not None))
            return delta.write_table(uri, options, reader, mode="overwrite",
                                     commit_properties={"lakehouse.shared_object": name,
                                                        "lakehouse.source_version": str(state.base_version)})
        finally:
            batches.close()

    def _drop_generations(self, name: str, bucket_name: str, keep: str | None, now: bool) -> int:
        """Delete generations other than ``keep`` once URLs handed out for them have expired (``now``: at once);
        returns the files deleted. A generation was served until its successor was written, so it may go
        ``grace`` after that."""
        try:
            bucket = self._buckets.get(bucket_name)
            entries = sorted(bucket.list(f"{SHARED_DIR}/{name}"), key=_generation_ns)
        except Exception:  # noqa: BLE001 - a bucket gone or unreachable: nothing to clean there now
            return 0
        removed = 0
        limit = time.time_ns() - int(self._grace * 1e9)
        for index, entry in enumerate(entries):
            if entry == keep:
                continue
            successor = entries[index + 1] if index + 1 < len(entries) else keep
            succeeded_at = _generation_ns(successor) if successor else 0
            if now or succeeded_at <= limit:
                try:
                    files = len(bucket.list(entry, recursive=True))
                    bucket.delete_tree(entry)
                    removed += files
                except Exception:  # noqa: BLE001 - kept for the next rebuild's cleanup
                    log.warning("could not delete old shared snapshot %s of '%s'", entry, name, exc_info=True)
        return removed

    # Lifecycle --------------------------------------------------------------------------------
    def drop(self, name: str) -> None:
        """The object left every share (or no longer exists): its snapshot and every generation go."""
        with self._sessions.begin() as session:
            row = session.get(SnapshotRow, name)
            bucket = row.bucket if row is not None else None
            session.execute(delete(SnapshotRow).where(SnapshotRow.name == name))
        if bucket is not None:
            self._drop_generations(name, bucket, keep=None, now=True)

    def erase(self, dataset: str, key_column: str, keys: Sequence[object], actor: Actor) -> ErasureReport:
        """Purge: every materialised snapshot read from ``dataset`` is rebuilt now (the purged table, tombstones
        still applied) and its older generations, which may hold the erased rows, are deleted at once."""
        with self._sessions() as session:
            rows = list(session.scalars(select(SnapshotRow).where(SnapshotRow.dataset == dataset)))
        rebuilt = removed = 0
        for row in rows:
            lock = f"sharing:{row.name}"
            self._catalog.acquire_lock(lock, "sharing")
            try:
                stored = self._row(row.name)
                if stored is None:
                    continue
                try:
                    state = self._state(row.name, row.kind)
                except NotFound:
                    self.drop(row.name)
                    continue
                if state.copy or stored.path.startswith(f"{SHARED_DIR}/"):
                    removed += self._rebuild(row.name, row.kind, state, stored, drop_old_now=True)[1]
                    rebuilt += 1
            finally:
                self._catalog.release_lock(lock, "sharing")
        return ErasureReport(store="shared-snapshots", files_removed=removed, versions_rewritten=rebuilt)
