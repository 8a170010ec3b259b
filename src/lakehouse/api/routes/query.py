from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.streaming import AbortableStreamingResponse
from lakehouse.app import Lakehouse
from lakehouse.query.export import after_first, csv_chunks, ipc_chunks
from lakehouse.query.results import to_arrow_ipc, to_csv_bytes, to_json_bytes
from lakehouse.types import Actor

router = APIRouter(prefix="/query", tags=["query"])
ARROW_STREAM = "application/vnd.apache.arrow.stream"


class SqlBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sql: str = Field(min_length=1, description="One read-only SELECT over catalog datasets.")
    params: dict[str, Any] | None = Field(None, description="Named parameters ($name), bound by the engine.")
    as_of: dict[str, int] | None = Field(None, description="Time travel: {dataset: version}.")
    max_rows: int | None = Field(None, ge=1, description=(
        "Row cap. JSON and non-streamed results: never above query.max_rows. Streams: the export's own cap."))
    format: Literal["json", "csv", "arrow"] | None = Field(None, description="Overrides the Accept header.")
    engine: str | None = Field(None, description=(
        "Query engine: datafusion (default) or daft (admin and writer only; same governed relations)."))
    stream: bool | None = Field(None, description=(
        "Stream every row (an export, bounded by query.export_time_limit_seconds, not query.max_rows). "
        "Default: true for Arrow and CSV, false for JSON (JSON never streams)."))


def _negotiate(body: SqlBody, accept: str) -> str:
    if body.format:
        return body.format
    if ARROW_STREAM in accept:
        return "arrow"
    if "text/csv" in accept:
        return "csv"
    return "json"


@router.post(
    "/sql",
    summary="Run read-only SQL (JSON rows, CSV or Arrow IPC by Accept header)",
    responses={200: {"content": {"application/json": {}, "text/csv": {}, ARROW_STREAM: {}}}},
)
async def run_sql(body: SqlBody, request: Request, lakehouse: Lakehouse = Depends(get_lakehouse),
                  actor: Actor = Depends(get_actor)) -> Response:
    kind = _negotiate(body, request.headers.get("accept", ""))
    if kind != "json" and body.stream is not False:
        return await _export(body, kind, lakehouse, actor)
    result = await run_in_threadpool(
        lakehouse.sql, body.sql, params=body.params, as_of=body.as_of, max_rows=body.max_rows, engine=body.engine,
        actor=actor)
    headers = {"x-row-count": str(result.table.num_rows), "x-truncated": str(result.truncated).lower()}
    if kind == "arrow":
        return Response(to_arrow_ipc(result), media_type=ARROW_STREAM, headers=headers)
    if kind == "csv":
        return Response(to_csv_bytes(result), media_type="text/csv", headers=headers)
    return Response(to_json_bytes(result), media_type="application/json")


async def _export(body: SqlBody, kind: str, lakehouse: Lakehouse, actor: Actor) -> Response:
    """The whole result, streamed. The first batch is computed before the response starts, so the errors
    that surface when a query starts running still get their 4xx (api/streaming.py for later ones)."""
    schema, batches = await run_in_threadpool(
        lakehouse.export_batches, body.sql, params=body.params, as_of=body.as_of, max_rows=body.max_rows,
        engine=body.engine, actor=actor)
    try:
        first = await run_in_threadpool(next, batches, None)
    except BaseException:
        batches.close()
        raise
    chunks = (ipc_chunks if kind == "arrow" else csv_chunks)(schema, after_first(first, batches))
    return AbortableStreamingResponse(chunks, media_type=ARROW_STREAM if kind == "arrow" else "text/csv",
                                      headers={"x-streamed": "true"})

