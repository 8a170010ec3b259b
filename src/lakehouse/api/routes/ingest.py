from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.jobs_response import JOB_RESPONSES, job_response
from lakehouse.app import Lakehouse
from lakehouse.errors import InvalidInput, LimitExceeded
from lakehouse.ingest.service import FileIngestOptions
from lakehouse.ingest.uploads import stage_upload
from lakehouse.types import Actor

router = APIRouter(prefix="/ingest", tags=["ingest"])


class FileIngestBody(BaseModel):
    """JSON form: ingest a file already inside a bucket. Multipart form: the same fields + ``file``."""

    model_config = ConfigDict(extra="forbid")

    dataset: str
    bucket: str | None = Field(None, description="Bucket holding the source file (JSON form).")
    path: str | None = Field(None, description="Path of the source file inside that bucket (JSON form).")
    target_bucket: str | None = Field(None, description="Bucket for a new dataset (default primary).")
    mode: Literal["append", "overwrite"] = "append"
    format: Literal["csv", "tsv", "jsonl", "parquet"] | None = None
    encoding: str | None = None
    delimiter: str | None = Field(None, max_length=1)
    on_error: Literal["fail", "skip"] = "fail"
    description: str | None = None
    owner: str | None = None
    tags: list[str] | None = None
    skip_if_seen: bool = Field(False, description="Do nothing if this content was already ingested into the dataset.")


_MULTIPART_SCHEMA = {
    "type": "object",
    "required": ["file", "dataset"],
    "properties": {
        "file": {"type": "string", "format": "binary"},
        **{k: {"type": "string"} for k in FileIngestBody.model_fields if k not in ("bucket", "path", "tags")},
        "tags": {"type": "string", "description": "comma-separated"},
    },
}


def _parse_body(data: dict[str, Any]) -> FileIngestBody:
    try:
        return FileIngestBody.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise InvalidInput(f"Invalid ingest request: {problems}", hint="See POST /ingest/file in /docs.") from None


@router.post(
    "/file",
    summary="Ingest a CSV/TSV/JSON-lines/Parquet file (multipart upload, or JSON naming a bucket path)",
    status_code=202,
    responses=JOB_RESPONSES,
    openapi_extra={"requestBody": {"required": True, "content": {
        "multipart/form-data": {"schema": _MULTIPART_SCHEMA},
        "application/json": {"schema": FileIngestBody.model_json_schema()},
    }}},
)
async def ingest_file(request: Request, wait: bool = False, lakehouse: Lakehouse = Depends(get_lakehouse),
                      actor: Actor = Depends(get_actor)) -> JSONResponse:
    limit = lakehouse.settings.ingest.max_upload_bytes
    if int(request.headers.get("content-length") or 0) > limit + 1024 * 1024:
        raise LimitExceeded(f"The upload exceeds ingest.max_upload_bytes ({limit} bytes).")
    content_type = request.headers.get("content-type", "")
    staged: Path | None = None
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InvalidInput("The multipart form has no 'file' part.", hint="Send the file as field 'file'.")
        fields: dict[str, Any] = {k: v for k, v in form.items() if k != "file" and isinstance(v, str) and v != ""}
        if "tags" in fields:
            fields["tags"] = [t.strip() for t in fields["tags"].split(",") if t.strip()]
        body = _parse_body(fields)
        staged = await run_in_threadpool(stage_upload, upload.file, lakehouse.staging_dir, limit)
        display = upload.filename or "upload"
    elif content_type.startswith("application/json"):
        try:
            data = await request.json()
        except ValueError:
            raise InvalidInput("The body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise InvalidInput("The JSON body must be an object.")
        body = _parse_body(data)
        if not body.path:
            raise InvalidInput("Name the source file with 'path' (and 'bucket'), or upload it as multipart.")
        display = f"{body.bucket or 'primary'}:{body.path}"
    else:
        raise InvalidInput(f"Unsupported content type '{content_type or 'none'}'.",
                           hint="Use multipart/form-data (upload) or application/json (bucket path).")
    options = FileIngestOptions(format=body.format, encoding=body.encoding, delimiter=body.delimiter,
                                on_error=body.on_error, description=body.description, owner=body.owner,
                                tags=body.tags, skip_if_seen=body.skip_if_seen)
    job = await run_in_threadpool(
        lakehouse.ingest_file, None, body.dataset, mode=body.mode, bucket=body.target_bucket,
        source_bucket=(body.bucket or "primary") if staged is None else None,
        source_path=body.path if staged is None else None, staged_upload=staged, display_name=display,
        options=options, wait=False, actor=actor,
    )
    return await job_response(request, lakehouse, job, wait)


class FilesIngestBody(BaseModel):
    """Many files already inside a bucket, ingested as one version (on the Ray cluster with compute.engine = ray)."""

    model_config = ConfigDict(extra="forbid")

    dataset: str
    bucket: str = Field("primary", description="Bucket holding the source files.")
    paths: list[str] = Field(min_length=1, description="Paths of the source files inside that bucket, in order.")
    target_bucket: str | None = Field(None, description="Bucket for a new dataset (default primary).")
    mode: Literal["append", "overwrite"] = "append"
    format: Literal["csv", "tsv", "jsonl", "parquet"] | None = None
    encoding: str | None = None
    delimiter: str | None = Field(None, max_length=1)
    on_error: Literal["fail", "skip"] = "fail"
    description: str | None = None
    owner: str | None = None
    tags: list[str] | None = None


@router.post("/files", summary="Ingest many files inside a bucket into one dataset, as one version",
             status_code=202, responses=JOB_RESPONSES)
async def ingest_files(body: FilesIngestBody, request: Request, wait: bool = False,
                       lakehouse: Lakehouse = Depends(get_lakehouse),
                       actor: Actor = Depends(get_actor)) -> JSONResponse:
    options = FileIngestOptions(format=body.format, encoding=body.encoding, delimiter=body.delimiter,
                                on_error=body.on_error, description=body.description, owner=body.owner,
                                tags=body.tags)
    job = await run_in_threadpool(lambda: lakehouse.ingest_files(
        None, body.dataset, mode=body.mode, bucket=body.target_bucket, source_bucket=body.bucket,
        source_paths=body.paths, options=options, wait=False, actor=actor))
    return await job_response(request, lakehouse, job, wait)


ARROW_STREAM = "application/vnd.apache.arrow.stream"


@router.post("/arrow", summary="Write an Arrow IPC stream into a dataset (the library's write_table over HTTP)",
             openapi_extra={"requestBody": {"required": True, "content": {ARROW_STREAM: {"schema": {
                 "type": "string", "format": "binary"}}}}})
async def ingest_arrow(request: Request, dataset: str, mode: Literal["append", "overwrite"] = "append",
                       bucket: str | None = None, source: str = "http",
                       lakehouse: Lakehouse = Depends(get_lakehouse),
                       actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    if not request.headers.get("content-type", "").startswith(ARROW_STREAM):
        raise InvalidInput(f"Send the rows as an Arrow IPC stream (Content-Type: {ARROW_STREAM}).")
    limit = lakehouse.settings.ingest.max_upload_bytes
    target = lakehouse.staging_dir / f"arrow-{uuid.uuid4().hex}"
    try:
        written = 0
        with open(target, "wb") as out:  # staged on disk: memory stays bounded whatever the body's size
            async for chunk in request.stream():
                written += len(chunk)
                if written > limit:
                    raise LimitExceeded(f"The stream exceeds ingest.max_upload_bytes ({limit} bytes).")
                await run_in_threadpool(out.write, chunk)
        return await run_in_threadpool(_write_arrow, lakehouse, target, dataset, mode, bucket, source, actor)
    finally:
        target.unlink(missing_ok=True)


def _write_arrow(lakehouse: Lakehouse, path: Path, dataset: str, mode: str, bucket: str | None, source: str,
                 actor: Actor) -> dict[str, Any]:
    import dataclasses

    import pyarrow as pa

    try:  # a damaged stream is refused before anything is written (decoding IPC is cheap next to the write)
        with pa.OSFile(str(path), "rb") as handle:
            for _ in pa.ipc.open_stream(handle):
                pass
    except (pa.ArrowInvalid, OSError) as exc:
        raise InvalidInput(f"The body is not a complete Arrow IPC stream: {exc}") from None
    with pa.OSFile(str(path), "rb") as handle:
        reader = pa.ipc.open_stream(handle)
        result = lakehouse.write_table(dataset, reader, mode=mode, bucket=bucket, source=source, actor=actor)
    return dataclasses.asdict(result)
