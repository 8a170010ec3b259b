"""The Delta Sharing protocol (PROTOCOL.md of delta-io/delta-sharing) under ``/delta-sharing``, for recipients:
their bearer token is a recipient's, never a principal's. Errors keep the one error shape and add the protocol's
``errorCode``/``message`` (api/errors.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Header, Query, Request, Security
from fastapi.responses import FileResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from lakehouse.api.deps import get_lakehouse
from lakehouse.api.responses import errors
from lakehouse.app import Lakehouse
from lakehouse.wire import QueryTableRequest

router = APIRouter(prefix="/delta-sharing", tags=["delta-sharing"])
TABLE = "/shares/{share}/schemas/{schema}/tables/{table}"
NDJSON = "application/x-ndjson; charset=utf-8"

RECIPIENT = HTTPBearer(auto_error=False, scheme_name="recipient", description=(
    "A recipient's bearerToken, from the profile POST /sharing/recipients answered (not an API token)."))


def recipient_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Security(RECIPIENT),
                    lakehouse: Lakehouse = Depends(get_lakehouse)) -> str | None:
    """Authenticates the recipient (401 otherwise) and names it for the request's audit record."""
    token = credentials.credentials if credentials is not None else None
    request.state.actor = lakehouse.delta_sharing.recipient(token)
    return token


MaxResults = Query(None, alias="maxResults", ge=0, le=2**31 - 1, description="Items per page (at most 1000).")
PageToken = Query(None, alias="pageToken", max_length=400, description="nextPageToken of the previous page.")
Capabilities = Header(None, alias="delta-sharing-capabilities", description="responseformat=parquet|delta")


def _table_answer(answer: Any) -> Response:
    return Response(answer.body, media_type=NDJSON, headers={
        "Delta-Table-Version": str(answer.version), "delta-sharing-capabilities": f"responseformat={answer.format}"})


def _version(version: int) -> Response:
    return Response(status_code=200, headers={"Delta-Table-Version": str(version)})


@router.get("/shares", summary="Delta Sharing: list the recipient's shares")
def list_shares(max_results: int | None = MaxResults, page_token: str | None = PageToken,
                token: str | None = Depends(recipient_token),
                lakehouse: Lakehouse = Depends(get_lakehouse)) -> dict[str, Any]:
    return lakehouse.delta_sharing.list_shares(token, max_results, page_token)


@router.get("/shares/{share}", summary="Delta Sharing: get a share")
def get_share(share: str, token: str | None = Depends(recipient_token),
              lakehouse: Lakehouse = Depends(get_lakehouse)) -> dict[str, Any]:
    return lakehouse.delta_sharing.get_share(token, share)


@router.get("/shares/{share}/schemas", summary="Delta Sharing: list a share's schemas (one: default)")
def list_schemas(share: str, max_results: int | None = MaxResults, page_token: str | None = PageToken,
                 token: str | None = Depends(recipient_token),
                 lakehouse: Lakehouse = Depends(get_lakehouse)) -> dict[str, Any]:
    return lakehouse.delta_sharing.list_schemas(token, share, max_results, page_token)


@router.get("/shares/{share}/schemas/{schema}/tables", summary="Delta Sharing: list the tables of a schema")
def list_tables(share: str, schema: str, max_results: int | None = MaxResults, page_token: str | None = PageToken,
                token: str | None = Depends(recipient_token),
                lakehouse: Lakehouse = Depends(get_lakehouse)) -> dict[str, Any]:
    return lakehouse.delta_sharing.list_tables(token, share, schema, max_results, page_token)


@router.get("/shares/{share}/all-tables", summary="Delta Sharing: list every table of a share")
def list_all_tables(share: str, max_results: int | None = MaxResults, page_token: str | None = PageToken,
                    token: str | None = Depends(recipient_token),
                    lakehouse: Lakehouse = Depends(get_lakehouse)) -> dict[str, Any]:
    return lakehouse.delta_sharing.list_tables(token, share, None, max_results, page_token)


@router.head(TABLE, summary="Delta Sharing: the table version in Delta-Table-Version (deprecated form)")
def table_version_head(share: str, schema: str, table: str, token: str | None = Depends(recipient_token),
                       lakehouse: Lakehouse = Depends(get_lakehouse)) -> Response:
    return _version(lakehouse.delta_sharing.table_version(token, share, schema, table))


@router.get(f"{TABLE}/version", responses=errors(400),
            summary="Delta Sharing: the table version in Delta-Table-Version")
def table_version(share: str, schema: str, table: str,
                  starting_timestamp: str | None = Query(None, alias="startingTimestamp", max_length=100),
                  token: str | None = Depends(recipient_token),
                  lakehouse: Lakehouse = Depends(get_lakehouse)) -> Response:
    return _version(lakehouse.delta_sharing.table_version(token, share, schema, table, starting_timestamp))


@router.get(f"{TABLE}/metadata", summary="Delta Sharing: protocol and metaData (schema) as ndjson",
            response_class=Response, responses=errors(409))
def table_metadata(share: str, schema: str, table: str, capabilities: str | None = Capabilities,
                   token: str | None = Depends(recipient_token),
                   lakehouse: Lakehouse = Depends(get_lakehouse)) -> Response:
    return _table_answer(lakehouse.delta_sharing.metadata(token, share, schema, table, capabilities))


@router.post(f"{TABLE}/query", summary="Delta Sharing: read a table: protocol, metaData and file URLs as ndjson",
             response_class=Response)
def query_table(share: str, schema: str, table: str, body: QueryTableRequest | None = None,
                capabilities: str | None = Capabilities, token: str | None = Depends(recipient_token),
                lakehouse: Lakehouse = Depends(get_lakehouse)) -> Response:
    return _table_answer(lakehouse.delta_sharing.query(token, share, schema, table, body, capabilities))


FILE_ERRORS = errors(403, 404)


class SharedFile(FileResponse):
    chunk_size = 4 * 1024 * 1024  # Starlette's 64 KiB costs a thread hop per chunk: 2x slower on a 7.5 MB file


@router.get("/files/{ticket}", response_class=SharedFile, responses=FILE_ERRORS,
            summary="A shared data file of a local bucket, by the signed, expiring URL a query answered")
def shared_file(ticket: str, request: Request, lakehouse: Lakehouse = Depends(get_lakehouse)) -> SharedFile:
    path, request.state.actor = lakehouse.delta_sharing.file(ticket)
    return SharedFile(path, media_type="application/octet-stream")


@router.head("/files/{ticket}", response_class=SharedFile, responses=FILE_ERRORS,
             summary="A shared data file's size (Content-Length), for readers that ask before ranged reads")
def shared_file_head(ticket: str, request: Request, lakehouse: Lakehouse = Depends(get_lakehouse)) -> SharedFile:
    path, request.state.actor = lakehouse.delta_sharing.file(ticket)
    return SharedFile(path, media_type="application/octet-stream")
