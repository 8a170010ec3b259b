"""The catalog store: one SQLAlchemy engine, migrated on open, with a repository per concept."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from typing import Any

from sqlalchemy import Engine, delete, exists, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.datasets import DatasetStore
from lakehouse.catalog.db import create_catalog_engine, migrate
from lakehouse.catalog.models import BucketRow, CatalogMetaRow, IngestedFileRow, JobRow, LockRow, WriteIntentRow
from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.catalog.owners import ProcessOwners
from lakehouse.catalog.records import job_info
from lakehouse.errors import Locked, NotFound
from lakehouse.types import utcnow
from lakehouse.wire import JobInfo

log = logging.getLogger(__name__)
INTERRUPTED = {"code": "interrupted", "message": "The process running this job stopped."}


class CatalogStore:
    def __init__(self, url: str, lock_timeout_seconds: float = 10.0, *, heartbeat_seconds: float = 5.0,
                 lease_seconds: float = 30.0):
        self.url = url
        self.lock_timeout_seconds = lock_timeout_seconds
        self.engine: Engine = create_catalog_engine(url)
        migrate(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.datasets = DatasetStore(self.sessions)
        self.owners = ProcessOwners(self.sessions, heartbeat_seconds, lease_seconds)
        self.owners.on_sweep.append(lambda dead: self._interrupt_jobs_of(list(dead)))
        # Lock rows of this instance whose release failed (e.g. the catalog's disk was full). Not a set of the
        # locks held: threads of one process acting for the same actor share a holder name, so only a failed
        # release can tell a stale row of ours from a live one.
        self._stale: set[tuple[str, str]] = set()
        self._stale_guard = threading.Lock()

    def close(self) -> None:
        self.owners.release()
        self.engine.dispose()

    def has_vector_indexes(self, dataset: str) -> bool:
        with self.sessions() as session:
            return bool(session.scalar(select(exists().where(VectorIndexRow.dataset == dataset))))

    def vector_indexes_on(self, dataset: str) -> list[str]:
        with self.sessions() as session:
            return list(session.scalars(select(VectorIndexRow.name).where(VectorIndexRow.dataset == dataset)))

    # Buckets (implements storage.registry.BucketStore) --------------------------------------
    def load_buckets(self) -> list[dict[str, Any]]:
        with self.sessions() as session:
            return [dict(row.spec) for row in session.scalars(select(BucketRow).order_by(BucketRow.name))]

    def save_bucket(self, spec: Any) -> None:
        data = spec.model_dump(mode="json") if hasattr(spec, "model_dump") else dict(spec)
        with self.sessions.begin() as session:
            session.merge(BucketRow(name=data["name"], spec=data, created_at=utcnow()))

    def delete_bucket(self, name: str) -> None:
        with self.sessions.begin() as session:
            session.execute(delete(BucketRow).where(BucketRow.name == name))

    # Jobs -----------------------------------------------------------------------------------
    def create_job(self, kind: str, actor: str, params: dict[str, Any]) -> JobInfo:
        row = JobRow(
            id=uuid.uuid4().hex,
            kind=kind,
            status="queued",
            progress=0.0,
            actor=actor,
            created_at=utcnow(),
            params=params,
            owner=self.owners.ensure(),
        )
        with self.sessions.begin() as session:
            session.add(row)
        return job_info(row)

    def cancel_requested(self, job_id: str) -> bool:
        with self.sessions() as session:
            return bool(session.scalar(select(JobRow.cancel_requested).where(JobRow.id == job_id)))

    def update_job(self, job_id: str, **changes: Any) -> None:
        with self.sessions.begin() as session:
            session.execute(update(JobRow).where(JobRow.id == job_id).values(**changes))

    def get_job(self, job_id: str) -> JobInfo:
        with self.sessions() as session:
            row = session.get(JobRow, job_id)
            if row is None:
                raise NotFound(f"Job '{job_id}' does not exist.", hint="List jobs with GET /jobs.")
            return job_info(row)

    def list_jobs(
        self, limit: int = 100, status: str | None = None, kind: str | None = None
    ) -> list[JobInfo]:
        with self.sessions() as session:
            query = select(JobRow).order_by(JobRow.created_at.desc()).limit(limit)
            if status:
                query = query.where(JobRow.status == status)
            if kind:
                query = query.where(JobRow.kind == kind)
            return [job_info(r) for r in session.scalars(query)]

    def interrupt_dead_jobs(self) -> int:
        """Fail the queued/running jobs whose owner is dead (never another live process's jobs)."""
        with self.sessions() as session:
            owners = set(session.scalars(select(JobRow.owner).where(JobRow.status.in_(["queued", "running"]))))
        return self._interrupt_jobs_of([o for o in owners if self.owners.is_dead(o)])

    def _interrupt_jobs_of(self, owners: list[str | None]) -> int:
        if not owners:
            return 0
        known = [o for o in owners if o is not None]
        conditions = [JobRow.owner.in_(known)] if known else []
        if None in owners:
            conditions.append(JobRow.owner.is_(None))
        with self.sessions.begin() as session:
            result = session.execute(
                update(JobRow).where(JobRow.status.in_(["queued", "running"]), or_(*conditions))
                .values(status="failed", finished_at=utcnow(), error=INTERRUPTED)
            )
            return int(result.rowcount or 0)  # type: ignore[attr-defined]

    # Locks ----------------------------------------------------------------------------------
    def acquire_lock(self, name: str, owner: str) -> None:
        """Take a cross-process lock, waiting up to ``lock_timeout_seconds`` for the holder."""
        deadline = time.monotonic() + self.lock_timeout_seconds
        while True:
            try:
                self._try_lock(name, owner)
                return
            except Locked:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)

    def try_lock(self, name: str, owner: str) -> None:
        """Take the lock now or raise ``Locked`` (a dead holder's lock is taken over)."""
        self._try_lock(name, owner)

    def _try_lock(self, name: str, owner: str) -> None:
        """One attempt; a lock left by a dead process on this host is taken over."""
        owner_full = f"{self.owners.ensure()}:{owner}"
        for _ in range(2):
            try:  # Core statements on a connection: every write takes and releases a lock, without the ORM's cost
                with self.engine.begin() as conn:
                    conn.execute(insert(LockRow).values(name=name, owner=owner_full, acquired_at=utcnow()))
                return
            except IntegrityError:
                holder = self._lock_holder(name)
                if holder is None:
                    continue
                if self.owners.is_dead(holder) or self._claim_stale(name, holder):
                    with self.engine.begin() as conn:
                        conn.execute(delete(LockRow).where(LockRow.name == name, LockRow.owner == holder))
                    continue
                raise Locked(
                    f"'{name}' is being written by another writer ({holder.split(':', 3)[-1]})."
                ) from None
        raise Locked(f"Could not take the lock on '{name}'.")

    def _lock_holder(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(LockRow.owner).where(LockRow.name == name))

    def _claim_stale(self, name: str, holder: str) -> bool:
        """True (once) for a row of this instance whose release failed: the caller deletes it and retries."""
        with self._stale_guard:
            if (name, holder) in self._stale:
                self._stale.discard((name, holder))
                return True
            return False

    def release_lock(self, name: str, owner: str) -> None:
        """Never raises: the work under the lock is done either way, and a row left behind (the catalog's disk
        was full) is taken over by this instance's next acquire, or by anyone once this process is gone."""
        owner_full = f"{self.owners.owner_id}:{owner}"
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(LockRow).where(LockRow.name == name, LockRow.owner == owner_full))
        except Exception:  # noqa: BLE001 - reporting it would turn a committed write into an error
            with self._stale_guard:
                self._stale.add((name, owner_full))
            log.warning("could not release the lock on '%s'; it is taken over when next needed", name, exc_info=True)

    # Write intents (crash reconciliation) ----------------------------------------------------
    def add_intent(self, dataset: str, base_version: int | None, payload: dict[str, Any]) -> int:
        with self.sessions.begin() as session:
            row = WriteIntentRow(
                dataset_name=dataset, base_version=base_version, payload=payload, created_at=utcnow()
            )
            session.add(row)
            session.flush()
            return row.id

    def clear_intent(self, intent_id: int, session: Session | None = None) -> None:
        if session is not None:
            session.execute(delete(WriteIntentRow).where(WriteIntentRow.id == intent_id))
            return
        with self.sessions.begin() as own:
            own.execute(delete(WriteIntentRow).where(WriteIntentRow.id == intent_id))

    def intent_exists(self, intent_id: int) -> bool:
        with self.sessions() as session:
            return session.get(WriteIntentRow, intent_id) is not None

    def pending_intents(self) -> list[WriteIntentRow]:
        with self.sessions() as session:
            return list(session.scalars(select(WriteIntentRow).order_by(WriteIntentRow.id)))

    # Files seen by the drop-folder watcher ----------------------------------------------------
    def file_seen(self, content_hash: str) -> IngestedFileRow | None:
        with self.sessions() as session:
            return session.get(IngestedFileRow, content_hash)

    def record_file(self, content_hash: str, dataset: str, file_name: str, job_id: str | None) -> None:
        with self.sessions.begin() as session:
            session.merge(
                IngestedFileRow(
                    content_hash=content_hash,
                    dataset_name=dataset,
                    file_name=file_name,
                    job_id=job_id,
                    at=utcnow(),
                )
            )

    # Facts about the catalog -------------------------------------------------------------------
    def claim_meta(self, key: str, value: str) -> str:
        """The value recorded under ``key``: ``value`` when none was yet (the first process sets it)."""
        with self.sessions() as session:
            found = session.get(CatalogMetaRow, key)
        if found is not None:
            return found.value
        try:
            with self.sessions.begin() as session:
                session.add(CatalogMetaRow(key=key, value=value))
            return value
        except IntegrityError:  # another process recorded it first
            with self.sessions() as session:
                return session.get_one(CatalogMetaRow, key).value
