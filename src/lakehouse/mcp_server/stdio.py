"""``lakehouse mcp``: the MCP server on stdin/stdout, for desktop agents that start it as a subprocess."""

from __future__ import annotations

from typing import TYPE_CHECKING

import anyio

from lakehouse.mcp_server.server import LakehouseMcp

if TYPE_CHECKING:
    from lakehouse.app import Lakehouse


def run_stdio(lakehouse: Lakehouse, token: str | None) -> None:
    """Serve until stdin closes. The token is checked now (a missing or revoked one stops the start with the
    API's error, nothing served) and again on every call."""
    lakehouse.answers.principal(token)
    server = LakehouseMcp(lakehouse, token=token)
    anyio.run(server.run_stdio_async)
