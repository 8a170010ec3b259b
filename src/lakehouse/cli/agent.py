"""``lakehouse agent ...``: the autotune agent (docs/vectors.md, "The autotune agent")."""

from __future__ import annotations

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import Format, render_object, render_rows, stderr

app = typer.Typer(help="The autotune agent: status, queue an index, run it in the foreground.",
                  no_args_is_help=True)


@app.command("status")
def status(ctx: typer.Context) -> None:
    """Enabled, leader, queue, trials this hour, and each index's state and reason."""
    st = state(ctx)
    result = st.lakehouse().agent_status()
    if st.format is not Format.table:
        render_object(result, st.format)
        return
    render_object({k: v for k, v in result.items() if k != "indexes"}, st.format)
    render_rows(result["indexes"], st.format, ["index_name", "state", "reason", "queued_at", "last_trial_at"],
                "indexes")


@app.command("enqueue")
def enqueue(ctx: typer.Context, index: str = typer.Argument(..., help="Index name."),
            reason: str = typer.Option("requested", "--reason", help="Why (shown in the status).")) -> None:
    """Queue an index for the agent."""
    st = state(ctx)
    render_object(st.lakehouse().agent_enqueue(index, reason), st.format)


@app.command("run")
def run(ctx: typer.Context) -> None:
    """Run the agent in the foreground on the data dir until Ctrl-C (one leader per catalog: a second
    process waits until the first stops)."""
    import asyncio

    lakehouse = state(ctx).local("agent run")
    agent = lakehouse.agent
    stderr.print("autotune agent running (Ctrl-C stops it; the champion stays as it is)")
    try:
        asyncio.run(agent.run())
    except KeyboardInterrupt:
        agent.stop()
