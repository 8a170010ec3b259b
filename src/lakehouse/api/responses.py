"""The error statuses each route documents, derived rather than listed route by route.

Every error has one shape (``ErrorResponse``). Worked out from each operation's own spec, a route documents:
- 401 and 403 when it authenticates the caller (it depends on ``get_actor``, which declares bearer auth);
- 404 when it names objects (a path parameter or a body: what the caller may not read answers 404 too);
- 422 when it takes any input (parameters or a body: validation, bad names, broken JSON);
- 503 when it uses the lakehouse (its catalog database or query workers may be unreachable);
- for writes, what its area can add (``AREA_ERRORS``, by the router's tag: 400 for SQL, 408 for time limits);
- what the route itself declares in its decorator (``responses=errors(...)``) for anything particular.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. not_found, query_too_complex.")
    message: str = Field(description="What went wrong, for a person.")
    hint: str | None = Field(description="What to do about it (a setting to change, a route to call), or null.")
    request_id: str | None = Field(description="The x-request-id of the request; quote it in reports.")
    details: dict[str, Any] | None = Field(None, description="Machine-readable particulars (a line, a setting).")


class ErrorResponse(BaseModel):
    error: ErrorBody


DESCRIPTIONS = {
    400: "Bad request: SQL the engine refuses (syntax, unknown names, outside the sandbox, too long or deep), "
         "or a malformed multipart body",
    401: "No valid bearer token (auth.mode = token)",
    403: "The caller's role or grants do not allow this",
    404: "No such object, or none the caller may read",
    408: "The query time limit (query.time_limit_seconds) ran out",
    409: "Conflict with the current state (exists, in use, locked, already finished, schema)",
    422: "Invalid input: validation, names, limits, broken or too deeply nested JSON",
    501: "An optional package this needs is not installed (the hint says what to pip install)",
    502: "A storage backend or source database refused or failed the request",
    503: "The catalog database, query workers, an embedding server or the model server cannot be reached; retry",
    504: "The model server did not answer in time (models.timeout_seconds)",
    507: "storage_full: the disk under a bucket or the catalog is full; nothing was committed, free space and retry",
}

# By router tag: what the services behind an area's writes (POST, PATCH, DELETE) raise beyond the derived
# statuses. Reads (GET) add only what their decorator declares.
AREA_ERRORS: dict[str, tuple[int, ...]] = {
    "health": (),
    "storage": (409, 502, 507),
    "ingest": (400, 409, 501, 502, 507),
    "jobs": (409,),
    "catalog": (409, 502, 507),
    "query": (400, 408, 502),
    "auth": (409,),
    "views": (400, 408, 409),
    "tombstones": (400, 408, 409, 502, 507),
    "governance": (400, 408, 409, 502, 507),
    "audit": (),
    "journal": (),
    "vectors": (400, 408, 409, 501, 502, 507),
    "models": (409, 502, 504),
    "sharing": (409,),
    "delta-sharing": (400, 409, 502),
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries for a route decorator, in the one error shape."""
    return {status: {"model": ErrorResponse, "description": DESCRIPTIONS[status]} for status in statuses}


def derived_statuses(method: str, operation: dict[str, Any]) -> set[int]:
    """From the operation's own spec: bearer security means ``get_actor`` (and the lakehouse) is used."""
    params = operation.get("parameters") or []
    authenticated = bool(operation.get("security"))
    takes_input = bool(params or operation.get("requestBody"))
    names_objects = any(p.get("in") == "path" for p in params) or "requestBody" in operation
    writes = method.lower() != "get"
    statuses = {s for tag in operation.get("tags", ())[:1] for s in AREA_ERRORS.get(tag, ()) if writes}
    statuses |= {401, 403, 503} if authenticated else set()
    statuses |= {422} if takes_input else set()
    statuses |= {404} if authenticated and names_objects else set()
    return statuses


def document_errors(spec: dict[str, Any]) -> dict[str, Any]:
    """Add every operation's error statuses to ``spec`` (in place), all pointing at ``ErrorResponse``."""
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    body = ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(body.pop("$defs", {}))
    schemas["ErrorResponse"] = body
    for name in ("HTTPValidationError", "ValidationError"):  # FastAPI's 422 shape; ours is ErrorResponse
        schemas.pop(name, None)
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
    for operations in spec.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in sorted(derived_statuses(method, operation)):
                declared = responses.get(str(status), {})
                described = declared.get("description") not in (None, "Validation Error")
                responses[str(status)] = {"description": declared["description"] if described else DESCRIPTIONS[status],
                                          "content": error}
    return spec
