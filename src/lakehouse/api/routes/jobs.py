from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.types import Actor
from lakehouse.wire import JobInfo

router = APIRouter(prefix="/jobs", tags=["jobs"])
Status = Literal["queued", "running", "succeeded", "failed", "cancelled"]


@router.get("", summary="List jobs, newest first")
def list_jobs(limit: int = Query(100, ge=1, le=1000), status: Status | None = None,
              lakehouse: Lakehouse = Depends(get_lakehouse),
              actor: Actor = Depends(get_actor)) -> dict[str, list[JobInfo]]:
    return {"items": lakehouse.list_jobs(limit=limit, status=status, actor=actor)}


@router.get("/{job_id}", summary="A job's status, progress, result or error")
def get_job(job_id: str, lakehouse: Lakehouse = Depends(get_lakehouse),
            actor: Actor = Depends(get_actor)) -> JobInfo:
    return lakehouse.get_job(job_id, actor)


@router.delete("/{job_id}", summary="Cancel a queued or running job (nothing it wrote is committed)")
def cancel_job(job_id: str, lakehouse: Lakehouse = Depends(get_lakehouse),
               actor: Actor = Depends(get_actor)) -> JobInfo:
    return lakehouse.cancel_job(job_id, actor)
