"""create_app(lakehouse): the FastAPI application. Routes are thin: parse, one call, convert."""

from __future__ import annotations

from fastapi import FastAPI

from lakehouse import __version__
from lakehouse.api.errors import RequestIdMiddleware, install_error_handlers
from lakehouse.api.routes import catalog, health, ingest, jobs, query, storage
from lakehouse.app import Lakehouse

DESCRIPTION = """An AI-native, local-first lakehouse: buckets of versioned Delta tables, a catalog with
PII detection and lineage, and sandboxed SQL. Errors always have the shape
`{"error": {"code", "message", "hint", "request_id"}}`."""


def create_app(lakehouse: Lakehouse) -> FastAPI:
    app = FastAPI(title="lakehouse", version=__version__, description=DESCRIPTION)
    app.state.lakehouse = lakehouse
    app.add_middleware(RequestIdMiddleware)
    install_error_handlers(app)
    for module in (health, storage, ingest, jobs, catalog, query):
        app.include_router(module.router)
    return app
