"""Vector search routes: thin wrappers over the ``Lakehouse`` vector methods, which apply access checks and
audit (jobs answer 202 unless ?wait=true)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.jobs_response import JOB_RESPONSES, job_response
from lakehouse.app import Lakehouse
from lakehouse.errors import InvalidInput
from lakehouse.types import Actor
from lakehouse.vectors.spec import (
    AnnRequest,
    AppendRequest,
    AutotuneRequest,
    ChampionRequest,
    EvalRequest,
    IndexManifest,
    IndexSettingsPatch,
    IndexSpec,
    MigrateRequest,
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
    return await job_response(request, lakehouse, job, wait)


@router.get("/indexes", summary="List vector indexes")
def list_indexes(lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, list[IndexManifest]]:
    return {"items": lakehouse.list_vector_indexes(actor=actor)}


@router.get("/indexes/{idx}", summary="A vector index's manifest")
def get_index(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
              actor: Actor = Depends(get_actor)) -> IndexManifest:
    return lakehouse.get_vector_index(idx, actor=actor)


@router.patch("/indexes/{idx}", summary="Change an index's query_log or recall_target (no rebuild)")
def patch_index(idx: str, body: IndexSettingsPatch, lakehouse: Lakehouse = Depends(get_lakehouse),
                actor: Actor = Depends(get_actor)) -> IndexManifest:
    return lakehouse.patch_vector_index(idx, body, actor)


@router.delete("/indexes/{idx}", summary="Delete a vector index, its embeddings and graph")
def delete_index(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> IndexManifest:
    return lakehouse.delete_vector_index(idx, actor=actor)


@router.get("/indexes/{idx}/docs/{doc_id}", summary="Every chunk of one document (404 when unknown)")
def get_document(idx: str, doc_id: str, vectors: bool = Query(False, description="Include each chunk's vector."),
                 lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.get_vector_document(idx, doc_id, vectors=vectors, actor=actor)


@router.post("/indexes/{idx}/append", summary="Add rows to the index alone (texts embedded; lance appends a fragment)")
def append(idx: str, body: AppendRequest, lakehouse: Lakehouse = Depends(get_lakehouse),
           actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.append_vectors(idx, body, actor=actor)


@router.get("/indexes/{idx}/stats", summary="Rows, fragments, indexed vs unindexed rows, ANN structure, bytes")
def stats(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
          actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.vector_index_stats(idx, actor=actor)


@router.post("/indexes/{idx}/optimize", summary="Fold appended rows into the ANN structure (no full rebuild)")
def optimize(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
             actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.optimize_vector_index(idx, actor=actor)


@router.post("/indexes/{idx}/ann", summary="Rebuild the ANN structure: HNSW or IVF_PQ parameters (a job)",
             status_code=202, responses=JOB_RESPONSES)
async def rebuild_ann(request: Request, idx: str, body: AnnRequest = Body(default_factory=AnnRequest),
                      wait: bool = WAIT, lakehouse: Lakehouse = Depends(get_lakehouse),
                      actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lambda: lakehouse.rebuild_vector_ann(idx, body, wait=False, actor=actor))
    return await job_response(request, lakehouse, job, wait)


@router.post("/indexes/{idx}/migrate", summary="Move an index to the other backend: hnsw or lance (a job)",
             status_code=202, responses=JOB_RESPONSES)
async def migrate(request: Request, idx: str, body: MigrateRequest, wait: bool = WAIT,
                  lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> JSONResponse:
    job = await run_in_threadpool(lambda: lakehouse.migrate_vector_index(idx, body.backend, wait=False,
                                                                         actor=actor))
    return await job_response(request, lakehouse, job, wait)


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
    return await job_response(request, lakehouse, job, wait)


@router.get("/stale", summary="Indexes whose source changed since they were built, with policy")
def stale(lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.stale_vector_indexes(actor=actor)}


_ARROW = "application/vnd.apache.arrow.stream"


@router.post("/eval/{idx}", summary="Measure recall@k, latency, QPS, build time and memory (records a trial)",
             openapi_extra={"requestBody": {"content": {
                 "application/json": {"schema": EvalRequest.model_json_schema()},
                 _ARROW: {"schema": {"type": "string", "format": "binary",
                                     "description": "Query vectors: an Arrow IPC stream with a list<float> column "
                                                    "'vector'; the other fields go in the query string."}}}}})
async def evaluate(idx: str, request: Request, lakehouse: Lakehouse = Depends(get_lakehouse),
                   actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith(_ARROW):
        fields: dict[str, Any] = dict(request.query_params)
        fields["vectors"] = _arrow_vectors(await request.body())
    else:
        fields = _json_object(await request.body())
    body = _eval_request(fields)
    return await run_in_threadpool(lakehouse.evaluate_vector_index, idx, body, actor=actor)


def _json_object(raw: bytes) -> Any:
    if not raw.strip():
        return {}
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"The body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.",
                           hint='Send a JSON object such as {"k": 10, "ef_search": 80}.') from None


def _eval_request(fields: Any) -> EvalRequest:
    try:
        return EvalRequest.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InvalidInput(f"Invalid eval request: {problems}", hint="See POST /vectors/eval/{idx} in /docs.") from None


def _arrow_vectors(payload: bytes) -> list[list[float]]:
    import pyarrow as pa

    try:
        table = pa.ipc.open_stream(payload).read_all()
    except (pa.ArrowInvalid, OSError) as exc:
        raise InvalidInput(f"The body is not an Arrow IPC stream: {exc}") from None
    if "vector" not in table.column_names:
        raise InvalidInput("The Arrow stream has no 'vector' column.",
                           hint="Send one list<float> column named 'vector', one query per row.")
    return [[float(x) for x in row] for row in table.column("vector").to_pylist() if row is not None]


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
    return await job_response(request, lakehouse, job, wait)


@router.get("/champion/{idx}", summary="The index's champion HNSW config")
def champion(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
             actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.vector_champion(idx, actor=actor)


@router.post("/champion/{idx}", summary="Promote a trial (or an explicit config) to champion")
def set_champion(idx: str, body: ChampionRequest, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.set_vector_champion(idx, body, actor=actor)


@router.get("/agent", summary="The autotune agent: enabled, leader, queue, trials this hour, per-index state")
def agent_status(lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.agent_status(actor)


@router.get("/agent/{idx}", summary="The autotune agent's state and reason for one index")
def agent_index_status(idx: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                       actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.agent_index_status(idx, actor)


@router.post("/agent/enqueue/{idx}", summary="Queue an index for the autotune agent")
def agent_enqueue(idx: str, reason: str = Query("requested", max_length=200),
                  lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.agent_enqueue(idx, reason, actor)
