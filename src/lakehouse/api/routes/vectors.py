"""Vector search routes: thin wrappers over the ``Lakehouse`` vector methods, which apply access checks and
audit (jobs answer 202 unless ?wait=true)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.jobs_response import JOB_RESPONSES, job_response
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


@router.post("/index", summary="Build or rebuild a vector index (a job)", status_code=202, responses=JOB_RESPONSES)
async def create_index(request: Request, spec: IndexSpec, wait: bool = WAIT,
                       lakehouse: Lakehouse = Depends(get_lakehouse),
                       actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lambda: lakehouse.create_vector_index(spec, wait=False, actor=actor))
    return await run_in_threadpool(job_response, request, lakehouse, job, wait)


@router.get("/indexes", summary="List vector indexes")
def list_indexes(lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, list[IndexManifest]]:
    return {"items": lakehouse.list_vector_indexes(actor=actor)}


@router.get("/indexes/{idx}", summary="A vector index's manifest")
def get_index(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
              actor: Actor = Depends(get_actor)) -> IndexManifest:
    return lakehouse.get_vector_index(idx, actor=actor)


@router.delete("/indexes/{idx}", summary="Delete a vector index, its embeddings and graph")
def delete_index(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> IndexManifest:
    return lakehouse.delete_vector_index(idx, actor=actor)


@router.post("/search/{idx}", summary="Semantic search: query text or vector, k documents, optional SQL filter",
             response_model=SearchResult)
def search(idx: str, body: SearchRequest, lakehouse: Lakehouse = Depends(get_lakehouse),
           actor: Actor = Depends(get_actor)) -> Response:
    # the result is already a validated SearchResult: serialise it once, without FastAPI's dump + re-validate
    return Response(lakehouse.search_vectors(idx, body, actor=actor).model_dump_json(), media_type="application/json")


@router.post("/refresh/{dataset}", summary="Refresh every index on a dataset: new/changed rows only (a job)",
             status_code=202, responses=JOB_RESPONSES)
async def refresh(request: Request, dataset: str, wait: bool = WAIT,
                  force: bool = Query(False, description="Compare contents even if the version is unchanged."),
                  lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lambda: lakehouse.refresh_vectors(dataset, wait=False, force=force, actor=actor))
    return await run_in_threadpool(job_response, request, lakehouse, job, wait)


@router.get("/stale", summary="Indexes whose source changed since they were built, with policy")
def stale(lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.stale_vector_indexes(actor=actor)}


@router.post("/eval/{idx}", summary="Measure recall@k, latency, QPS, build time and memory (records a trial)")
def evaluate(idx: str, body: EvalRequest = Body(default_factory=EvalRequest),
             lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.evaluate_vector_index(idx, body, actor=actor)


@router.get("/trials/{idx}", summary="The index's trial journal, newest first")
def trials(idx: str, limit: int = Query(1000, ge=1, le=100_000), lakehouse: Lakehouse = Depends(get_lakehouse),
           actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.vector_trials(idx, limit, actor=actor)}


@router.post("/autotune/{idx}", summary="Run the HNSW grid and promote the champion (a job)", status_code=202,
             responses=JOB_RESPONSES)
async def autotune(request: Request, idx: str, body: AutotuneRequest = Body(default_factory=AutotuneRequest),
                   wait: bool = WAIT, lakehouse: Lakehouse = Depends(get_lakehouse),
                   actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lambda: lakehouse.autotune_vector_index(idx, body, wait=False, actor=actor))
    return await run_in_threadpool(job_response, request, lakehouse, job, wait)


@router.get("/champion/{idx}", summary="The index's champion HNSW config")
def champion(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
             actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.vector_champion(idx, actor=actor)


@router.post("/champion/{idx}", summary="Promote a trial (or an explicit config) to champion")
def set_champion(idx: str, body: ChampionRequest, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.set_vector_champion(idx, body, actor=actor)
