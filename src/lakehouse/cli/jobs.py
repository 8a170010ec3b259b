from __future__ import annotations

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import render_object, render_rows

app = typer.Typer(help="Background jobs (ingest and other long work).", no_args_is_help=True)
COLUMNS = ["job_id", "kind", "status", "progress", "actor", "created_at", "duration_ms"]


@app.command("list")
def list_jobs(ctx: typer.Context, limit: int = typer.Option(20, "--limit", help="How many, newest first."),
              status: str | None = typer.Option(None, "--status", help="Only jobs with this status.")) -> None:
    """List jobs."""
    st = state(ctx)
    rows = [j.model_dump(mode="json") for j in st.lakehouse().list_jobs(limit=limit, status=status)]
    render_rows(rows, st.format, COLUMNS, "jobs")


@app.command("show")
def show_job(ctx: typer.Context, job_id: str = typer.Argument(..., help="Job id.")) -> None:
    """Show a job's status, result and error."""
    st = state(ctx)
    render_object(st.lakehouse().get_job(job_id).model_dump(mode="json"), st.format)


@app.command("cancel")
def cancel_job(ctx: typer.Context, job_id: str = typer.Argument(..., help="Job id.")) -> None:
    """Cancel a queued or running job."""
    st = state(ctx)
    render_object(st.lakehouse().cancel_job(job_id).model_dump(mode="json"), st.format)
