"""One error shape for every failure: {"error": {"code", "message", "hint", "request_id"}}."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lakehouse.errors import LakehouseError, storage_failure

log = logging.getLogger(__name__)
DELTA_SHARING = "/delta-sharing/"
PROTOCOL_CODES = {400: "INVALID_PARAMETER_VALUE", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED",
                  404: "RESOURCE_DOES_NOT_EXIST", 405: "INVALID_PARAMETER_VALUE", 409: "RESOURCE_CONFLICT",
                  422: "INVALID_PARAMETER_VALUE", 429: "RESOURCE_EXHAUSTED", 503: "TEMPORARILY_UNAVAILABLE"}
UNEXPECTED = {"code": "internal_error", "message": "An unexpected error occurred.",
              "hint": "Report it with the request_id."}


def error_response(request: Request, status: int, code: str, message: str, hint: str | None = None,
                   details: dict[str, Any] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message, "hint": hint,
                            "request_id": getattr(request.state, "request_id", None)}
    if details:
        body["details"] = details
    return JSONResponse(shaped(request.url.path, status, body), status_code=status)


def shaped(path: str, status: int, error: dict[str, Any]) -> dict[str, Any]:
    """The one error shape; under /delta-sharing/ with the protocol's own ``errorCode`` and ``message`` beside it
    (PROTOCOL.md), so Delta Sharing clients and ours both read it."""
    if path.startswith(DELTA_SHARING):
        return {"error": error, "errorCode": PROTOCOL_CODES.get(status, "INTERNAL_ERROR"), "message": error["message"]}
    return {"error": error}


class RequestIdMiddleware:
    """Gives every request an id (``x-request-id``, taken from the caller when sent), and answers an
    unexpected error as a 500 in the error shape without re-raising it: Starlette's outermost middleware
    would re-raise after its own 500, and uvicorn then closes the keep-alive connection under the client.

    Plain ASGI rather than BaseHTTPMiddleware: it adds no task or stream copying per request."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        request_id = headers.get(b"x-request-id", b"").decode("latin-1")[:64] or uuid.uuid4().hex[:16]
        scope.setdefault("state", {})["request_id"] = request_id

        started = False

        async def send_with_id(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode("latin-1"))]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception as exc:
            if started:  # a response broken off midway: closing the connection is how the client learns
                raise
            full = storage_failure(exc, "the server's disk") if isinstance(exc, OSError) else None
            if full is not None:  # e.g. an upload staged to a full disk: 507 storage_full, not a 500
                await JSONResponse({"error": {**full.to_dict(), "request_id": request_id}},
                                   status_code=full.http_status)(scope, receive, send_with_id)
                return
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            await JSONResponse({"error": {**UNEXPECTED, "request_id": request_id}}, status_code=500)(
                scope, receive, send_with_id)


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        if err.get("type") == "json_invalid":  # JsonBodyGuard answers these first; this is the fallback
            parts.append(f"the body is not valid JSON ({(err.get('ctx') or {}).get('error', 'decode error')})")
            continue
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body",)) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "The request is invalid."


_FASTAPI_BODY_ERROR = "There was an error parsing the body"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LakehouseError)
    async def _lakehouse(request: Request, exc: LakehouseError) -> JSONResponse:
        return error_response(request, exc.http_status, exc.code, exc.message, exc.hint, exc.details)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(request, 422, "invalid_request", _describe_validation(exc),
                              "Check the request body and parameters against /docs.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.detail == _FASTAPI_BODY_ERROR:  # a body FastAPI could not decode
            return error_response(request, 422, "invalid_request", "The request body could not be decoded.",
                                  "Check the body's encoding and Content-Type against /docs.")
        code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                413: "payload_too_large"}.get(exc.status_code, "http_error")
        hint = {404: "See /docs for the routes.", 405: "See /docs for the routes.",
                400: "Check the body's encoding and Content-Type against /docs."}.get(exc.status_code)
        return error_response(request, exc.status_code, code, str(exc.detail), hint)
