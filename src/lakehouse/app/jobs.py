"""Jobs: list, inspect, wait for and cancel long-running work."""

from __future__ import annotations

from lakehouse.app.base import LakehouseBase
from lakehouse.errors import NotFound
from lakehouse.types import Actor
from lakehouse.wire import JobInfo


class JobsApi(LakehouseBase):
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
