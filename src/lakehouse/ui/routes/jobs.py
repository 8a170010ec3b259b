"""Jobs: running and recent ones with progress, one job's progress (polled by htmx), cancel."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from lakehouse.ui.render import render
from lakehouse.ui.session import Visit, form_visit, page_visit

router = APIRouter()


@router.get("/jobs")
def jobs(request: Request, status: str = "", visit: Visit = Depends(page_visit)) -> Response:
    items = visit.lakehouse.list_jobs(100, status or None, visit.who)
    return render(request, "jobs.html", title="Jobs", items=items, status_filter=status)


@router.get("/jobs/{job_id}")
def job(request: Request, job_id: str, row: int = 0, visit: Visit = Depends(page_visit)) -> Response:
    """The job's card (``?row=1``: its row in the jobs table): htmx polls it every second while it runs."""
    return render(request, "_job.html", job=visit.lakehouse.get_job(job_id, visit.who), row=bool(row))


@router.post("/jobs/{job_id}/cancel")
def cancel(request: Request, job_id: str, row: int = 0, visit: Visit = Depends(form_visit)) -> Response:
    return render(request, "_job.html", job=visit.lakehouse.cancel_job(job_id, visit.who), row=bool(row))
