from __future__ import annotations

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import Format, esc, render_object, render_rows, stderr

app = typer.Typer(help="API tokens: principals with a role (admin, writer, reader, agent).", no_args_is_help=True)
COLUMNS = ["id", "name", "role", "profile", "prefix", "created_at", "expires_at", "revoked_at", "last_used_at"]


@app.command("create")
def create(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Principal name (created on first use)."),
    role: str = typer.Option(..., "--role", help="admin | writer | reader | agent"),
    expires_in_days: float | None = typer.Option(None, "--expires-in-days", help="Expire after this many days."),
    profile: str | None = typer.Option(None, "--profile", help="Bind it to a model profile: it sees exactly the "
                                                               "profile's bindings."),
) -> None:
    """Create a token and print it once (it is stored hashed and cannot be shown again)."""
    st = state(ctx)
    created = st.lakehouse().create_token(name, role, expires_in_days=expires_in_days, profile=profile)
    if st.format is Format.table:
        stderr.print(f"[green]token for {esc(name)} ({esc(role)})[/green] — shown once, store it now:")
        print(created["token"])
    else:
        render_object(created, st.format)


@app.command("list")
def list_tokens(ctx: typer.Context) -> None:
    """List tokens (never the secret, only its prefix)."""
    st = state(ctx)
    render_rows(st.lakehouse().list_tokens(), st.format, COLUMNS, "tokens")


@app.command("revoke")
def revoke(ctx: typer.Context, token_id: str = typer.Argument(..., help="Token id from 'tokens list'.")) -> None:
    """Revoke a token: it stops working at once."""
    state(ctx).lakehouse().revoke_token(token_id)
    stderr.print(f"[green]revoked[/green] token {esc(token_id)}")
