"""Request dependencies: the lakehouse instance and the calling actor."""

from __future__ import annotations

from fastapi import Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from lakehouse.app import Lakehouse
from lakehouse.errors import Unauthorized
from lakehouse.types import Actor


# Both are ``async``: FastAPI runs a plain ``def`` dependency in the thread pool, a thread hop per dependency and
# request (about 0.3 ms each on a loaded 2-core machine) for what is an attribute read in local mode.
async def get_lakehouse(request: Request) -> Lakehouse:
    lakehouse: Lakehouse = request.app.state.lakehouse
    return lakehouse


# Declares the scheme in the OpenAPI spec (Swagger UI's Authorize button) for every route that authenticates;
# it never answers by itself (auto_error=False): get_actor decides, in the one error shape.
BEARER = HTTPBearer(auto_error=False, scheme_name="bearer", description=(
    "A token from `lakehouse tokens create NAME --role ROLE` or POST /auth/tokens. Required when "
    "auth.mode = token; ignored in local mode (loopback only, every caller is local-admin)."))


async def get_actor(request: Request,
                    _credentials: HTTPAuthorizationCredentials | None = Security(BEARER)) -> Actor:
    """auth.mode = "local" (loopback only): every caller is the built-in local admin.
    auth.mode = "token": the principal of ``Authorization: Bearer <token>``, else 401."""
    lakehouse: Lakehouse = request.app.state.lakehouse
    if lakehouse.settings.auth.mode == "local":
        actor = lakehouse.actor
    else:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("This server requires a token.")
        actor = await run_in_threadpool(lakehouse.authenticate, token.strip())  # a catalog read: off the loop
    request.state.actor = actor  # the audit middleware records who made the request
    return actor
