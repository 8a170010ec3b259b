"""create_app(lakehouse): the FastAPI application. Routes are thin: parse, one call, convert."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

import lakehouse.api.routes.db as db_routes
import lakehouse.api.routes.vectors as vector_routes
from lakehouse import __version__
from lakehouse.api.audit_middleware import AuditMiddleware
from lakehouse.api.docs import install_docs
from lakehouse.api.errors import RequestIdMiddleware, install_error_handlers
from lakehouse.api.json_body import JsonBodyGuard
from lakehouse.api.responses import document_errors
from lakehouse.api.routes import (
    audit,
    auth,
    catalog,
    delta_sharing,
    governance,
    health,
    ingest,
    jobs,
    journal,
    models,
    profiles,
    query,
    sharing,
    storage,
    tombstones,
    views,
)
from lakehouse.app import Lakehouse
from lakehouse.errors import Unavailable

DESCRIPTION = """An AI-native, local-first lakehouse: buckets of versioned Delta tables, a catalog with
PII detection and lineage, and sandboxed SQL. Errors always have the shape
`{"error": {"code", "message", "hint", "request_id"}}`; each route lists the statuses it can answer.
With `auth.mode = "token"`, send `Authorization: Bearer <token>` (the Authorize button)."""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Background work that lives as long as the server: the MCP sessions (``/mcp``), and the autotune agent
    when ``agent.enabled``."""
    lakehouse: Lakehouse = app.state.lakehouse
    task = None
    if lakehouse.settings.agent.enabled:
        task = asyncio.create_task(lakehouse.agent.run(), name="lakehouse-autotune-agent")
    try:
        async with contextlib.AsyncExitStack() as stack:
            if lakehouse.settings.mcp.http_enabled:  # the SDK loads here, not in create_app: the CLI stays quick
                from lakehouse.mcp_server.http import McpHttp

                app.state.mcp = McpHttp(lakehouse)
                await stack.enter_async_context(app.state.mcp.lifespan())
            yield
    finally:
        if task is not None:
            lakehouse.agent.stop()
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


class _McpEndpoint:
    """``/mcp``: the MCP server the lifespan started (mcp_server/http.py); it authenticates each request itself."""

    def __init__(self, app: FastAPI):
        self._app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        mcp = self._app.state.mcp
        if mcp is None:
            raise Unavailable("The MCP endpoint starts with the server's lifespan, which has not run.",
                              hint="Serve the app with `lakehouse serve` (or enter TestClient as a context).")
        await mcp(scope, receive, send)


def create_app(lakehouse: Lakehouse) -> FastAPI:
    app = FastAPI(title="lakehouse", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None,
                  lifespan=_lifespan)
    app.state.lakehouse = lakehouse
    app.add_middleware(JsonBodyGuard, max_depth=lakehouse.settings.server.max_json_depth)
    app.add_middleware(AuditMiddleware)  # inside RequestIdMiddleware, so it sees the request id
    app.add_middleware(RequestIdMiddleware)
    install_error_handlers(app)
    for module in (health, storage, ingest, db_routes, jobs, catalog, query, auth, views, tombstones, governance, audit,
                   journal, profiles, vector_routes, models, sharing, delta_sharing):
        app.include_router(module.router)
    install_docs(app)
    app.state.mcp = None
    if lakehouse.settings.mcp.http_enabled:  # agents' MCP endpoint (docs/agents.md), authenticated like the API
        from starlette.routing import Route

        app.router.routes.append(Route("/mcp", _McpEndpoint(app), methods=["GET", "POST", "DELETE"],
                                       include_in_schema=False))

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            app.openapi_schema = document_errors(spec)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    if lakehouse.settings.ui.enabled:  # the web console (ui/; docs/console.md), governed like these routes
        from lakehouse.ui import create_console

        app.mount("/ui", create_console(lakehouse), name="console")
    return app
