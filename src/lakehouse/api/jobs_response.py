"""How a route answers for a job: 202 {"job_id"} at once, or with ?wait=true the finished job / its error."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from lakehouse.api.errors import error_response
from lakehouse.app import Lakehouse
from lakehouse.wire import JobInfo


class JobAccepted(BaseModel):
    job_id: str
    status: str
    kind: str


# For the decorator of every route that starts a job: 202 at once, or 200 with ?wait=true.
JOB_RESPONSES: dict[int | str, dict[str, Any]] = {
    202: {"model": JobAccepted, "description": "Queued: follow it with GET /jobs/{job_id}"},
    200: {"model": JobInfo, "description": "With ?wait=true: the finished job (a failed job answers its error)"},
}


async def job_end(lakehouse: Lakehouse, job_id: str, timeout: float | None = None) -> bool:
    """Wait until a job this server runs has its final state in the catalog, or ``timeout`` passes; True when it
    has. Awaited on the event loop, never in the thread pool: a thread held for each client waiting on a job
    (minutes, for an ingest) would let a few dozen of them take every thread the synchronous routes run on.
    False at once for a job another process runs (or none)."""
    ended = lakehouse.jobs.ended(job_id)
    if ended is None:
        return False
    await asyncio.wait({asyncio.wrap_future(ended)}, timeout=timeout)  # cancels nothing it waits on
    return ended.done()


async def job_response(request: Request, lakehouse: Lakehouse, job: JobInfo, wait: bool) -> JSONResponse:
    if not wait:
        return JSONResponse({"job_id": job.job_id, "status": job.status, "kind": job.kind}, status_code=202)
    await job_end(lakehouse, job.job_id)
    finished = await run_in_threadpool(lakehouse.wait_job, job.job_id)
    if finished.status == "failed" and finished.error:
        err = finished.error
        return error_response(request, int(err.get("http_status", 500)), err.get("code", "job_failed"),
                              err.get("message", "The job failed."), err.get("hint"),
                              {"job_id": finished.job_id})
    return JSONResponse(finished.model_dump(mode="json"), status_code=200)
