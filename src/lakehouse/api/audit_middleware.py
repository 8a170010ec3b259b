"""One audit record per HTTP request (method and path, status, elapsed, request id, actor)."""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lakehouse.governance.audit import origin, request_id
from lakehouse.types import Actor, Role

ANONYMOUS = Actor(name="anonymous", role=Role.agent)
_UNAUDITED = ("/docs", "/redoc", "/openapi.json", "/ui/static/")  # public assets: pages are audited


class AuditMiddleware:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(_UNAUDITED):
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        token = request_id.set(state.get("request_id"))
        status = [500]
        start = time.perf_counter()

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            request_id.reset(token)
            lakehouse = scope["app"].state.lakehouse
            code = status[0]
            marker = origin.set(("mcp", None)) if path == "/mcp" else None  # an agent's MCP exchange
            try:
                lakehouse.governance.audit.record(
                    state.get("actor") or ANONYMOUS, f"http.{scope['method'].lower()}", [path],
                    "ok" if code < 400 else f"http_{code}", status=code,
                    elapsed_ms=(time.perf_counter() - start) * 1000, request=state.get("request_id"))
            finally:
                if marker is not None:
                    origin.reset(marker)
