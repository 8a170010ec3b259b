"""MCP over streamable HTTP, served inside the API at ``/mcp``: an ASGI app that authenticates every request
the way the API does (Bearer token when ``auth.mode = "token"``) before the SDK sees a byte of it."""

from __future__ import annotations

import json
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

from mcp.server.transport_security import TransportSecuritySettings

from lakehouse.errors import LakehouseError
from lakehouse.mcp_server.server import ACTOR_KEY, LakehouseMcp

if TYPE_CHECKING:
    from lakehouse.app import Lakehouse

Scope = dict[str, Any]


class McpHttp:
    """``await McpHttp(lh)(scope, receive, send)``; ``lifespan()`` must wrap the hosting app's lifetime."""

    def __init__(self, lakehouse: Lakehouse):
        self.lakehouse = lakehouse
        self.server = LakehouseMcp(lakehouse)
        # Local mode serves loopback only and has no token: the SDK's Host/Origin check (DNS rebinding) guards it.
        # Token mode may bind any address (`serve --host`), and every request must carry a valid token anyway.
        local = lakehouse.settings.auth.mode == "local"
        security = None if local else TransportSecuritySettings(enable_dns_rebinding_protection=False)
        # builds the session manager; the Starlette app it returns is not used (the API hosts the route)
        self.server.streamable_http_app(streamable_http_path="/mcp", host="127.0.0.1",
                                        transport_security=security)
        self.manager = self.server.session_manager

    def lifespan(self) -> AbstractAsyncContextManager[None]:
        return self.manager.run()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        scheme, _, token = headers.get("authorization", "").partition(" ")
        try:
            actor = self.lakehouse.answers.principal(token if scheme.lower() == "bearer" else None)
        except LakehouseError as exc:  # nothing reaches the MCP session: the API's error shape, 401
            await _refuse(scope, send, exc)
            return
        state = scope.setdefault("state", {})
        state[ACTOR_KEY] = actor
        state["actor"] = actor  # the API's audit middleware names the caller of this HTTP request
        await self.manager.handle_request(scope, receive, send)


async def _refuse(scope: Scope, send: Any, exc: LakehouseError) -> None:
    state = scope.get("state") or {}
    body = json.dumps({"error": {**exc.to_dict(), "request_id": state.get("request_id")}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if exc.http_status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="lakehouse"'))
    await send({"type": "http.response.start", "status": exc.http_status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
