"""Request dependencies: the lakehouse instance and the calling actor."""

from __future__ import annotations

from fastapi import Request

from lakehouse.app import Lakehouse
from lakehouse.errors import Unauthorized
from lakehouse.types import Actor


def get_lakehouse(request: Request) -> Lakehouse:
    lakehouse: Lakehouse = request.app.state.lakehouse
    return lakehouse


def get_actor(request: Request) -> Actor:
    """auth.mode = "local" (loopback only): every caller is the built-in local admin.
    auth.mode = "token": the principal of ``Authorization: Bearer <token>``, else 401."""
    lakehouse: Lakehouse = request.app.state.lakehouse
    if lakehouse.settings.auth.mode == "local":
        actor = lakehouse.actor
    else:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("This server requires a token.")
        actor = lakehouse.authenticate(token.strip())
    request.state.actor = actor  # the audit middleware records who made the request
    return actor
