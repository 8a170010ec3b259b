from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query
from starlette.concurrency import run_in_threadpool

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.jobs_response import job_end
from lakehouse.app import Lakehouse
from lakehouse.types import Actor
from lakehouse.wire import JobInfo

router = APIRouter(prefix="/jobs", tags=["jobs"])
Status = Literal["queued", "running", "succeeded", "failed", "cancelled"]
MAX_WAIT_SECONDS = 30.0


@router.get("", summary="List jobs, newest first")
def list_jobs(limit: int = Query(100, ge=1, le=1000), status: Status | None = None,
              lakehouse: Lakehouse = Depends(get_lakehouse),
              actor: Actor = Depends(get_actor)) -> dict[str, list[JobInfo]]:
    return {"items": lakehouse.list_jobs(limit=limit, status=status, actor=actor)}


@router.get("/{job_id}", summary="A job's status, progress, result or error (optionally once it ends)")
async def get_job(job_id: str, wait: float = Query(0.0, ge=0, le=MAX_WAIT_SECONDS, description=(
                      "Long poll: answer as soon as the job ends, or after this many seconds with its state then. "
                      "Only a job this server runs is waited for; another process's job is answered at once.")),
                  lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> JobInfo:
    job = await run_in_threadpool(lakehouse.get_job, job_id, actor)  # the caller may see it: checked first
    if not wait or job.ended or lakehouse.jobs.ended(job_id) is None:
        return job
    if await job_end(lakehouse, job_id, timeout=wait):  # its final state (the call is audited once, above)
        return await run_in_threadpool(lakehouse.wait_job, job_id, 0.0)
    return await run_in_threadpool(lakehouse.get_job, job_id, actor)


@router.delete("/{job_id}", summary="Cancel a queued or running job (nothing it wrote is committed)")
def cancel_job(job_id: str, lakehouse: Lakehouse = Depends(get_lakehouse),
               actor: Actor = Depends(get_actor)) -> JobInfo:
    return lakehouse.cancel_job(job_id, actor)
