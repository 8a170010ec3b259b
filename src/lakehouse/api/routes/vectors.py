"""Vector search routes: thin wrappers over ``Lakehouse.vectors`` (jobs answer 202 unless ?wait=true)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.jobs_response import job_response
from lakehouse.app import Lakehouse
from lakehouse.types import Actor
from lakehouse.vectors.spec import (
    AutotuneRequest,
    ChampionRequest,
    EvalRequest,
    IndexManifest,
    IndexSpec,
    SearchRequest,
    SearchResult,
)

router = APIRouter(prefix="/vectors", tags=["vectors"])
WAIT = Query(False, description="Answer with the finished job instead of 202 {job_id}.")


@router.post("/index", summary="Build or rebuild a vector index (a job)", status_code=202)
async def create_index(request: Request, spec: IndexSpec, wait: bool = WAIT,
                       lakehouse: Lakehouse = Depends(get_lakehouse),
                       actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lakehouse.vectors.create_index, actor, spec, False)
    return await run_in_threadpool(job_response, request, lakehouse, job, wait)


@router.get("/indexes", summary="List vector indexes")
def list_indexes(lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, list[IndexManifest]]:
    return {"items": lakehouse.vectors.list_indexes(actor)}


@router.get("/indexes/{idx}", summary="A vector index's manifest")
def get_index(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
              actor: Actor = Depends(get_actor)) -> IndexManifest:
    return lakehouse.vectors.get_index(actor, idx)


@router.delete("/indexes/{idx}", summary="Delete a vector index, its embeddings and graph")
def delete_index(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> IndexManifest:
    return lakehouse.vectors.delete_index(actor, idx)


@router.post("/search/{idx}", summary="Semantic search: query text or vector, k documents, optional SQL filter")
def search(idx: str, body: SearchRequest, lakehouse: Lakehouse = Depends(get_lakehouse),
           actor: Actor = Depends(get_actor)) -> SearchResult:
    return lakehouse.vectors.search(actor, idx, body)


@router.post("/refresh/{dataset}", summary="Refresh every index on a dataset: new/changed rows only (a job)",
             status_code=202)
async def refresh(request: Request, dataset: str, wait: bool = WAIT,
                  force: bool = Query(False, description="Compare contents even if the version is unchanged."),
                  lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lakehouse.vectors.refresh_dataset, actor, dataset, False, force)
    return await run_in_threadpool(job_response, request, lakehouse, job, wait)


@router.get("/stale", summary="Indexes whose source changed since they were built, with policy")
def stale(lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.vectors.stale(actor)}


@router.post("/eval/{idx}", summary="Measure recall@k, latency, QPS, build time and memory (records a trial)")
def evaluate(idx: str, body: EvalRequest = Body(default_factory=EvalRequest),
             lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.vectors.evaluate(actor, idx, body)


@router.get("/trials/{idx}", summary="The index's trial journal, newest first")
def trials(idx: str, limit: int = Query(1000, ge=1, le=100_000), lakehouse: Lakehouse = Depends(get_lakehouse),
           actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.vectors.trials(actor, idx, limit)}


@router.post("/autotune/{idx}", summary="Run the HNSW grid and promote the champion (a job)", status_code=202)
async def autotune(request: Request, idx: str, body: AutotuneRequest = Body(default_factory=AutotuneRequest),
                   wait: bool = WAIT, lakehouse: Lakehouse = Depends(get_lakehouse),
                   actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lakehouse.vectors.autotune, actor, idx, body, False)
    return await run_in_threadpool(job_response, request, lakehouse, job, wait)


@router.get("/champion/{idx}", summary="The index's champion HNSW config")
def champion(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
             actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.vectors.champion(actor, idx)


@router.post("/champion/{idx}", summary="Promote a trial (or an explicit config) to champion")
def set_champion(idx: str, body: ChampionRequest, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.vectors.set_champion(actor, idx, body)
