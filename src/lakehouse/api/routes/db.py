"""POST /ingest/db (PostgreSQL) and POST /ingest/mysql (MySQL/MariaDB): a job per ingest."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.jobs_response import JOB_RESPONSES, job_response
from lakehouse.app import Lakehouse
from lakehouse.types import Actor

router = APIRouter(prefix="/ingest", tags=["ingest"])


class DbIngestBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dsn: str = Field(description="scheme://user:env:LAKEHOUSE_SECRET_X@host:port/db or key=value; never echoed.")
    dataset: str
    table: str | None = Field(None, description="table or schema.table (exactly one of table/query).")
    query: str | None = Field(None, description="One read-only SELECT.")
    mode: Literal["append", "overwrite", "upsert"] = "append"
    incremental_column: str | None = None
    primary_key: list[str] | None = Field(None, description="Key columns: the write becomes an upsert.")
    bucket: str | None = None
    description: str | None = None
    owner: str | None = None
    tags: list[str] | None = None
    connect_timeout_seconds: int = Field(10, ge=1, le=3600)
    statement_timeout_seconds: int = Field(3600, ge=1, le=86400)


async def _ingest(request: Request, lakehouse: Lakehouse, actor: Actor, body: DbIngestBody, system: str,
                  wait: bool) -> JSONResponse:
    method = lakehouse.ingest_postgres if system == "postgresql" else lakehouse.ingest_mysql
    options = body.model_dump(exclude={"dsn", "dataset", "table", "query"})
    job = await run_in_threadpool(lambda: method(body.dsn, body.dataset, table=body.table, query=body.query,
                                                 wait=False, actor=actor, **options))
    return await job_response(request, lakehouse, job, wait)


@router.post("/db", summary="Ingest a PostgreSQL table or read-only query (admin)", status_code=202,
             responses=JOB_RESPONSES)
async def ingest_postgres(request: Request, body: DbIngestBody, wait: bool = False,
                          lakehouse: Lakehouse = Depends(get_lakehouse),
                          actor: Actor = Depends(get_actor)) -> JSONResponse:
    return await _ingest(request, lakehouse, actor, body, "postgresql", wait)


@router.post("/mysql", summary="Ingest a MySQL/MariaDB table or read-only query (admin)", status_code=202,
             responses=JOB_RESPONSES)
async def ingest_mysql(request: Request, body: DbIngestBody, wait: bool = False,
                       lakehouse: Lakehouse = Depends(get_lakehouse),
                       actor: Actor = Depends(get_actor)) -> JSONResponse:
    return await _ingest(request, lakehouse, actor, body, "mysql", wait)
