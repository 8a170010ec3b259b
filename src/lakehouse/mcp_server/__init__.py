"""The MCP server for agents: the ``mcp`` SDK is imported only in this package (DESIGN.md section 9).

``LakehouseMcp`` (server.py) holds the tools, resources and prompt; ``run_stdio`` serves it on stdin/stdout
(``lakehouse mcp``); ``McpHttp`` (http.py) serves it as streamable HTTP inside the API at ``/mcp``."""

from lakehouse.mcp_server.server import LakehouseMcp

__all__ = ["LakehouseMcp"]
