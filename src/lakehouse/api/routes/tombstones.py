from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.jobs_response import JOB_RESPONSES, job_response
from lakehouse.app import Lakehouse
from lakehouse.types import Actor

router = APIRouter(prefix="/catalog/datasets/by-name/{name}", tags=["tombstones"])


class TombstoneBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    row_key_column: str
    row_key_values: list[Any] = Field(min_length=1, max_length=1_000_000)
    reason: str = ""
    actor: str | None = Field(None, description="A note only: the actor is the authenticated caller.")


@router.post("/tombstone",
             summary="Erase rows by key (admin): 200 {applied, rows_hidden, keys} or 207 with failed",
             responses={207: {"description": "Some keys failed: the same body with failed: [{value, reason}]"}})
def add_tombstones(name: str, body: TombstoneBody, lakehouse: Lakehouse = Depends(get_lakehouse),
                   actor: Actor = Depends(get_actor)) -> JSONResponse:
    result = lakehouse.tombstone(name, body.row_key_column, body.row_key_values, body.reason, note=body.actor,
                                 actor=actor)
    if result["failed"]:
        return JSONResponse(result, status_code=207)
    return JSONResponse({k: v for k, v in result.items() if k != "failed"})


@router.get("/tombstone", summary="List a dataset's tombstones with who, when and why (admin)")
def list_tombstones(name: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                    actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.list_tombstones(name, actor)}


@router.delete("/tombstone/{tombstone_id}", summary="Restore a tombstoned row (admin; not after purge)")
def restore_tombstone(name: str, tombstone_id: int, lakehouse: Lakehouse = Depends(get_lakehouse),
                      actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.restore_tombstone(name, tombstone_id, actor)


@router.post("/purge", status_code=202, summary="Physically remove tombstoned rows; result: erasure certificate",
             responses=JOB_RESPONSES)
async def purge(name: str, request: Request, wait: bool = False, lakehouse: Lakehouse = Depends(get_lakehouse),
                actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lambda: lakehouse.purge(name, wait=False, actor=actor))
    return await job_response(request, lakehouse, job, wait)


@router.get("/purge", summary="The dataset's erasure certificates, newest first (admin)")
def certificates(name: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.certificates(name, actor)}
