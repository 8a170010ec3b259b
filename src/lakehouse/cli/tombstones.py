from __future__ import annotations

import typer

from lakehouse.cli.context import follow_job, rows_text, state
from lakehouse.cli.output import Format, esc, render_object, render_rows, stderr
from lakehouse.errors import LakehouseError

app = typer.Typer(help="Tombstones (erase rows by key), purge with erasure certificates, erase a person.",
                  no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    dataset: str = typer.Argument(..., help="Dataset."),
    values: list[str] = typer.Argument(..., help="Key values to erase."),
    key_column: str = typer.Option(..., "--key-column", help="Key column (fixed by the first tombstone)."),
    reason: str = typer.Option("", "--reason", help="Why (kept in the tombstone's audit fields)."),
) -> None:
    """Tombstone rows by key: reads exclude them at once, later writes of the keys are filtered."""
    st = state(ctx)
    result = st.lakehouse().tombstone(dataset, key_column, list(values), reason)
    if st.format is not Format.table:
        render_object(result, st.format)
        return
    render_rows(result.get("keys") or [], st.format, ["id", "value", "rows_hidden"], title=f"tombstoned in {dataset}")
    stderr.print(f"[green]tombstoned[/green] {result.get('applied', 0)} key(s) on {esc(dataset)}.{esc(key_column)}: "
                 f"{rows_text(result.get('rows_hidden') or 0)} hidden from every read now", highlight=False)
    for failed in result.get("failed") or []:
        stderr.print(f"[red]not tombstoned[/red] {esc(failed['value'])}: {esc(failed['reason'])}", highlight=False)
    if result.get("hint"):
        stderr.print(f"[yellow]hint:[/yellow] {esc(result['hint'])}", highlight=False)


@app.command("list")
def list_tombstones(ctx: typer.Context, dataset: str = typer.Argument(..., help="Dataset.")) -> None:
    """List a dataset's tombstones: purged is no (hidden, still stored), pending (removed from the current
    version, older files keep it until the purge retention passes) or complete (value gone, HMAC kept)."""
    st = state(ctx)
    render_rows(st.lakehouse().list_tombstones(dataset), st.format,
                ["id", "row_key_column", "value", "purged", "reason", "actor", "created_at", "purged_at",
                 "key_hmac"])


@app.command("restore")
def restore(ctx: typer.Context, dataset: str = typer.Argument(..., help="Dataset."),
            tombstone_id: int = typer.Argument(..., help="Tombstone id.")) -> None:
    """Remove a tombstone (the row is visible again; impossible after purge)."""
    state(ctx).lakehouse().restore_tombstone(dataset, tombstone_id)
    stderr.print(f"[green]restored[/green] tombstone {esc(tombstone_id)}")


@app.command("purge")
def purge(ctx: typer.Context, dataset: str = typer.Argument(..., help="Dataset.")) -> None:
    """Physically remove tombstoned rows and print the erasure certificate."""
    st = state(ctx)
    lakehouse = st.lakehouse()
    job = follow_job(lakehouse, lakehouse.purge(dataset, wait=False), f"purging {dataset}")
    if job.status != "succeeded":
        error = job.error or {}
        raise LakehouseError(error.get("message", "The purge failed."), hint=error.get("hint"))
    render_object(job.result or {}, st.format)


@app.command("erase")
def erase(ctx: typer.Context, value: str = typer.Argument(..., help="The person's value, e.g. an email."),
          kind: str = typer.Option("email", "--kind", help="PII category of the columns to search."),
          reason: str = typer.Option("erasure request", "--reason", help="Why.")) -> None:
    """Erase a person everywhere: tombstone matching rows in every dataset with a column of that kind."""
    st = state(ctx)
    render_object(st.lakehouse().erase_person(value, kind, reason), st.format)
