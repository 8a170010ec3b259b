"""Runs ``scheduled`` refresh policies: a thread that wakes every ``vectors.scheduler_interval_seconds``
and refreshes each index whose cron expression fired since its last refresh, and folds rows appended to
a loaded index into its ANN structure (the scheduled optimize)."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import TYPE_CHECKING

from lakehouse.errors import InvalidInput, LakehouseError
from lakehouse.types import Actor, Role, utcnow

if TYPE_CHECKING:
    from lakehouse.catalog.leader import LeaderLock
    from lakehouse.vectors.service import VectorService

log = logging.getLogger(__name__)
SCHEDULER = Actor(name="vector-scheduler", role=Role.admin)


def check_cron(expression: str | None) -> None:
    from croniter import croniter

    if not expression or not croniter.is_valid(expression):
        raise InvalidInput(f"refresh_policy 'scheduled' needs a valid cron expression, got {expression!r}.",
                           hint="For example '*/15 * * * *' (every 15 minutes).")


def due(expression: str, last: datetime, now: datetime) -> bool:
    from croniter import croniter

    return bool(croniter(expression, last).get_next(datetime) <= now)


class RefreshScheduler:
    """``lock``: the catalog-wide leader lock, so that of several servers on one catalog only the leader
    refreshes (none queues a duplicate); a follower takes over when the leader's lock goes with it."""

    def __init__(self, service: VectorService, interval: float, lock: LeaderLock | None = None):
        self._service = service
        self._interval = interval
        self._lock = lock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="lakehouse-vector-scheduler", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self._lock is not None:
            self._lock.release()

    @property
    def leads(self) -> bool:
        """Whether this process's scheduler is the one that runs (always, without a lock)."""
        return self._lock is None or self._lock.held

    def run_once(self) -> bool:
        """One pass if this process leads; returns whether it did."""
        if self._lock is not None and not self._lock.lead():
            return False
        self.tick()
        self.optimize_due()
        self.ann_due()
        return True

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self.run_once()
            except Exception:  # noqa: BLE001 - e.g. the catalog briefly unreachable: the next pass retries
                log.exception("refresh scheduler pass failed")

    def optimize_due(self) -> list[str]:
        """The scheduled optimize: fold appended (unindexed) rows of every loaded index into its ANN structure
        (lance: a delta IVF_PQ index; nothing for hnsw, whose appends are in the graph); returns their names."""
        done = []
        for row in self._service.records.list():
            index = self._service.cache.peek(row) if row.generation else None
            if index is None or not self._service.cache.backend(row).unindexed_rows(index):
                continue
            try:
                if self._service.ops.optimize(row.name, SCHEDULER.name).get("optimized"):
                    done.append(row.name)
            except LakehouseError:
                log.exception("scheduled optimize of %s failed", row.name)
        return done

    def ann_due(self) -> list[str]:
        """Queue the ANN build of every index whose structure a migration left pending, unless a vectors.ann job
        for it is queued or running (the job the migration queued is lost when its process stopped)."""
        jobs = self._service.catalog
        busy = {j.params.get("index") for status in ("queued", "running")
                for j in jobs.list_jobs(limit=1000, status=status, kind="vectors.ann")}
        queued = []
        for row in self._service.records.list():
            if row.generation and self._service.ops.ann_pending(row) and row.name not in busy:
                self._service.queue_pending_ann(SCHEDULER, row.name)
                queued.append(row.name)
        return queued

    def tick(self, now: datetime | None = None) -> list[str]:
        """Queue a refresh for every due index; returns their names."""
        now = now or utcnow()
        started = []
        for row in self._service.records.list():
            if row.refresh_policy != "scheduled" or not row.refresh_cron or not row.generation:
                continue
            last = row.last_refresh_at or row.built_at or row.created_at
            if last.tzinfo is None:
                last = last.replace(tzinfo=now.tzinfo)
            if not due(row.refresh_cron, last, now):
                continue
            try:
                self._service.refresh_index(SCHEDULER, row.name)
                started.append(row.name)
            except LakehouseError:
                log.exception("scheduled refresh of %s could not start", row.name)
        return started
