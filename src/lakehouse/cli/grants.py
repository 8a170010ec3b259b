from __future__ import annotations

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import esc, render_rows, stderr
from lakehouse.errors import InvalidInput

app = typer.Typer(help="Grants: which datasets, views, indexes and profiles a principal may read.",
                  no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    principal: str = typer.Argument(..., help="Principal name (see 'tokens list')."),
    dataset: str | None = typer.Option(None, "--dataset", help="Grant a dataset (writers may also write it)."),
    view: str | None = typer.Option(None, "--view", help="Grant a view."),
    index: str | None = typer.Option(None, "--index", help="Grant a vector index."),
    profile: str | None = typer.Option(None, "--profile", help="Grant a profile."),
) -> None:
    """Grant a principal one object."""
    chosen = [(k, v) for k, v in (("dataset", dataset), ("view", view), ("index", index), ("profile", profile))
              if v is not None]
    if len(chosen) != 1:
        raise InvalidInput("Name exactly one of --dataset, --view, --index, --profile.")
    kind, name = chosen[0]
    grant = state(ctx).lakehouse().add_grant(principal, kind, name)
    stderr.print(f"[green]granted[/green] {esc(kind)} {esc(name)} to {esc(principal)} (grant {esc(grant['id'])})")


@app.command("list")
def list_grants(ctx: typer.Context,
                principal: str | None = typer.Option(None, "--principal", help="Only this principal.")) -> None:
    """List grants."""
    st = state(ctx)
    render_rows(st.lakehouse().list_grants(principal), st.format,
                ["id", "principal", "kind", "object", "created_at", "created_by"], "grants")


@app.command("remove")
def remove(ctx: typer.Context, grant_id: int = typer.Argument(..., help="Grant id from 'grants list'.")) -> None:
    """Remove a grant."""
    state(ctx).lakehouse().remove_grant(grant_id)
    stderr.print(f"[green]removed[/green] grant {esc(grant_id)}")
