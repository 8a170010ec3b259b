from __future__ import annotations

import typer

from lakehouse.cli.context import state


def register(app: typer.Typer) -> None:
    @app.command("mcp")
    def mcp(ctx: typer.Context) -> None:
        """Serve the MCP server for agents on stdin/stdout (tools: list_datasets, describe_dataset, sql,
        vector_search, get_document, list_indexes). With auth.mode = token it runs as LAKEHOUSE_TOKEN's
        principal; in local mode as the local admin. See docs/agents.md."""
        from lakehouse.mcp_server.stdio import run_stdio

        st = state(ctx)
        run_stdio(st.local("mcp"), st.token)
