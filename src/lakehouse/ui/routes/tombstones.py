"""Tombstones on a dataset's page: add with a reason, restore, purge with the certificate shown (admin)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from lakehouse.errors import InvalidInput
from lakehouse.ui.render import render
from lakehouse.ui.session import Visit, form_visit

router = APIRouter()


def _section(request: Request, visit: Visit, name: str, status: int = 200, **extra: Any) -> Response:
    lakehouse, who = visit.lakehouse, visit.who
    return render(request, "_tombstones.html", status=status, m=lakehouse.get_dataset(name, who),
                  tombstones=lakehouse.list_tombstones(name, who), certificates=lakehouse.certificates(name, who),
                  **extra)


@router.post("/datasets/{name}/tombstones")
def add(request: Request, name: str, row_key_column: str = Form(...), values: str = Form(""),
        reason: str = Form(""), visit: Visit = Depends(form_visit)) -> Response:
    keys = [v.strip() for v in values.splitlines() if v.strip()]
    if not keys:
        raise InvalidInput("Give at least one key value, one per line.")
    result = visit.lakehouse.tombstone(name, row_key_column, keys, reason, actor=visit.who)
    failed = "; ".join(f"{f['value']}: {f['reason']}" for f in result.get("failed", []))
    message = f"{result['applied']} tombstoned." + (f" Not applied: {failed}" if failed else "")
    return _section(request, visit, name, message=message)


@router.post("/datasets/{name}/tombstones/{tombstone_id}/restore")
def restore(request: Request, name: str, tombstone_id: int, visit: Visit = Depends(form_visit)) -> Response:
    visit.lakehouse.restore_tombstone(name, tombstone_id, visit.who)
    return _section(request, visit, name, message=f"Tombstone {tombstone_id} removed: the row is visible again.")


@router.post("/datasets/{name}/purge")
def purge(request: Request, name: str, visit: Visit = Depends(form_visit)) -> Response:
    job = visit.lakehouse.purge(name, wait=True, actor=visit.who)
    if job.status != "succeeded":
        error = job.error or {}
        raise InvalidInput(error.get("message", f"The purge {job.status}."), hint=error.get("hint"))
    return _section(request, visit, name, message="Purged.", certificate=job.result)
