"""Request dependencies: the lakehouse instance and the calling actor."""

from __future__ import annotations

from fastapi import Request

from lakehouse.app import Lakehouse
from lakehouse.types import Actor


def get_lakehouse(request: Request) -> Lakehouse:
    lakehouse: Lakehouse = request.app.state.lakehouse
    return lakehouse


def get_actor(request: Request) -> Actor:
    """In auth.mode = "local" (loopback only) every caller is the built-in local admin."""
    lakehouse: Lakehouse = request.app.state.lakehouse
    return lakehouse.actor
