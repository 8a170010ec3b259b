"""The catalog store: one SQLAlchemy engine, migrated on open, with a repository per concept."""

from __future__ import annotations

import os
import socket
import time
import uuid
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.datasets import DatasetStore
from lakehouse.catalog.db import create_catalog_engine, migrate
from lakehouse.catalog.models import BucketRow, IngestedFileRow, JobRow, LockRow, WriteIntentRow
from lakehouse.catalog.records import job_info
from lakehouse.errors import Locked, NotFound
from lakehouse.types import utcnow
from lakehouse.wire import JobInfo

PROCESS_ID = f"{socket.gethostname()}:{os.getpid()}"


class CatalogStore:
    def __init__(self, url: str, lock_timeout_seconds: float = 10.0):
        self.url = url
        self.lock_timeout_seconds = lock_timeout_seconds
        self.engine: Engine = create_catalog_engine(url)
        migrate(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.datasets = DatasetStore(self.sessions)

    def close(self) -> None:
        self.engine.dispose()

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

    def fail_interrupted_jobs(self) -> int:
        """Jobs left queued/running by a process that died are failed, never resumed silently."""
        with self.sessions.begin() as session:
            result = session.execute(
                update(JobRow)
                .where(JobRow.status.in_(["queued", "running"]))
                .values(
                    status="failed",
                    finished_at=utcnow(),
                    error={"code": "interrupted", "message": "The process running this job stopped."},
                )
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

    def _try_lock(self, name: str, owner: str) -> None:
        """One attempt; a lock left by a dead process on this host is taken over."""
        owner_full = f"{PROCESS_ID}:{owner}"
        for _ in range(2):
            try:
                with self.sessions.begin() as session:
                    session.add(LockRow(name=name, owner=owner_full, acquired_at=utcnow()))
                return
            except IntegrityError:
                holder = self._lock_holder(name)
                if holder is None:
                    continue
                if _holder_is_dead(holder):
                    with self.sessions.begin() as session:
                        session.execute(delete(LockRow).where(LockRow.name == name, LockRow.owner == holder))
                    continue
                raise Locked(
                    f"'{name}' is being written by another writer ({holder.split(':')[-1]})."
                ) from None
        raise Locked(f"Could not take the lock on '{name}'.")

    def _lock_holder(self, name: str) -> str | None:
        with self.sessions() as session:
            row = session.get(LockRow, name)
            return row.owner if row else None

    def release_lock(self, name: str, owner: str) -> None:
        with self.sessions.begin() as session:
            session.execute(
                delete(LockRow).where(LockRow.name == name, LockRow.owner == f"{PROCESS_ID}:{owner}")
            )

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


def _holder_is_dead(holder: str) -> bool:
    host, _, rest = holder.partition(":")
    pid_text = rest.split(":", 1)[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
