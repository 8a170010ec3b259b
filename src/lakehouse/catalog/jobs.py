"""Background jobs: long work returns a job id at once; status, progress and result live in the catalog."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from lakehouse.catalog.sampling import Cancelled
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import Conflict, LakehouseError
from lakehouse.types import Actor, utcnow
from lakehouse.wire import JobInfo

log = logging.getLogger(__name__)


class JobContext:
    """Handed to the job body: report progress, notice cancellation."""

    def __init__(self, runner: JobRunner, job_id: str):
        self._runner = runner
        self.job_id = job_id
        self._last_write = 0.0
        self._last_check = time.monotonic()

    def progress(self, fraction: float, result: dict[str, Any] | None = None) -> None:
        """``result``: what the running job shows so far (e.g. rows read), replaced by the final result."""
        now = time.monotonic()
        if now - self._last_write < 0.5 and fraction < 1.0:  # don't hammer the catalog
            return
        self._last_write = now
        changes: dict[str, Any] = {"progress": max(0.0, min(1.0, fraction))}
        if result is not None:
            changes["result"] = result
        self._runner.catalog.update_job(self.job_id, **changes)

    def cancelled(self) -> bool:
        if self.job_id in self._runner._cancel_requested:
            return True
        now = time.monotonic()
        if now - self._last_check < 1.0:  # another process may have asked through the catalog
            return False
        self._last_check = now
        return self._runner.catalog.cancel_requested(self.job_id)


JobBody = Callable[[JobContext], dict[str, Any]]


class JobRunner:
    def __init__(self, catalog: CatalogStore, workers: int = 2):
        self.catalog = catalog
        self.workers = workers
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="lakehouse-job")
        self._futures: dict[str, Future[None]] = {}
        # completed once the job's final state is in the catalog, whichever way it ended
        self._ended: dict[str, Future[None]] = {}
        self._cancel_requested: set[str] = set()
        self._lock = threading.Lock()

    def submit(self, kind: str, actor: Actor, params: dict[str, Any], body: JobBody) -> JobInfo:
        job = self.catalog.create_job(kind, actor.name, params)
        with self._lock:
            self._ended[job.job_id] = Future()
        future = self._pool.submit(self._run, job.job_id, body)
        with self._lock:
            if job.job_id in self._ended:  # not already over (a short job can end before this line)
                self._futures[job.job_id] = future
        return job

    def _finish(self, job_id: str) -> None:
        with self._lock:
            self._futures.pop(job_id, None)
            self._cancel_requested.discard(job_id)
            ended = self._ended.pop(job_id, None)
        if ended is not None:
            ended.set_result(None)

    def _run(self, job_id: str, body: JobBody) -> None:
        if job_id in self._cancel_requested or self.catalog.cancel_requested(job_id):
            self.catalog.update_job(job_id, status="cancelled", finished_at=utcnow(),
                                    error={"code": "cancelled", "message": "Cancelled before it started."})
            self._finish(job_id)
            return
        self.catalog.update_job(job_id, status="running", started_at=utcnow())
        try:
            result = body(JobContext(self, job_id))
        except Cancelled as exc:
            self.catalog.update_job(job_id, status="cancelled", finished_at=utcnow(),
                                    error={"code": "cancelled", "message": str(exc)})
        except LakehouseError as exc:
            self.catalog.update_job(job_id, status="failed", finished_at=utcnow(),
                                    error={**exc.to_dict(), "http_status": exc.http_status})
        except Exception as exc:
            log.exception("job %s failed", job_id)
            self.catalog.update_job(job_id, status="failed", finished_at=utcnow(),
                                    error={"code": "internal_error", "message": f"{type(exc).__name__}: {exc}",
                                           "http_status": 500})
        else:
            # error=None: a job judged dead while it ran (a stalled lease) still finishes clean
            self.catalog.update_job(job_id, status="succeeded", progress=1.0, finished_at=utcnow(),
                                    result=result, error=None)
        finally:
            self._finish(job_id)

    def wait(self, job_id: str, timeout: float | None = None) -> JobInfo:
        ended = self.ended(job_id)
        if ended is not None:
            ended.result(timeout=timeout)
        return self.catalog.get_job(job_id)

    def ended(self, job_id: str) -> Future[None] | None:
        """Completed (never cancelled) once the job's final state is in the catalog; None when this process
        does not run the job (another process's, or already over)."""
        with self._lock:
            return self._ended.get(job_id)

    def cancel(self, job_id: str) -> JobInfo:
        job = self.catalog.get_job(job_id)
        if job.ended:
            raise Conflict(f"Job '{job_id}' has already {job.status}; only queued or running jobs cancel.")
        with self._lock:
            self._cancel_requested.add(job_id)
            future = self._futures.get(job_id)
        self.catalog.update_job(job_id, cancel_requested=True)
        if future is not None and future.cancel():  # it never runs: ended here
            self.catalog.update_job(job_id, status="cancelled", finished_at=utcnow(),
                                    error={"code": "cancelled", "message": "Cancelled before it started."})
            self._finish(job_id)
        return self.catalog.get_job(job_id)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
