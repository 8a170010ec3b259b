"""``lakehouse shares``: Delta Sharing shares and their recipients (docs/sharing.md)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import Format, esc, render_object, render_rows, stderr

app = typer.Typer(help="Delta Sharing: share datasets and views with other engines' users (recipients).",
                  no_args_is_help=True)
recipients = typer.Typer(help="Recipients of shares: each gets a Delta Sharing profile (its token shown once).",
                         no_args_is_help=True)
app.add_typer(recipients, name="recipients")
SHARE_COLUMNS = ["name", "objects", "comment", "created_by", "created_at"]
RECIPIENT_COLUMNS = ["name", "shares", "active", "prefix", "expires_at", "revoked_at", "last_used_at", "created_by"]


def _share_row(share: dict[str, object]) -> dict[str, object]:
    objects = share.get("objects") or []
    return {**share, "objects": ",".join(f"{o['name']} ({o['kind']})" for o in objects)}  # type: ignore[attr-defined]


@app.command("create")
def create(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Share name."),
    objects: list[str] = typer.Argument(..., help="Datasets (admins only) and views to share, by name."),
    comment: str = typer.Option("", "--comment", help="A note recipients see nowhere; for you."),
) -> None:
    """Create a share: each object appears in its schema 'default' under its own name."""
    st = state(ctx)
    share = st.lakehouse().create_share(name, objects, comment=comment)
    if st.format is Format.table:
        stderr.print(f"[green]created[/green] share {esc(name)}: {esc(', '.join(objects))}")
    else:
        render_object(share, st.format)


@app.command("list")
def list_shares(ctx: typer.Context) -> None:
    """List the shares you manage (admins: every share)."""
    st = state(ctx)
    render_rows([_share_row(s) for s in st.lakehouse().list_shares()], st.format, SHARE_COLUMNS, "shares")


@app.command("show")
def show(ctx: typer.Context, name: str = typer.Argument(..., help="Share name.")) -> None:
    """One share: its objects and their protocol table ids."""
    st = state(ctx)
    render_object(st.lakehouse().get_share(name), st.format)


@app.command("delete")
def delete(ctx: typer.Context, name: str = typer.Argument(..., help="Share name.")) -> None:
    """Revoke a share: its recipients lose it at once."""
    state(ctx).lakehouse().delete_share(name)
    stderr.print(f"[green]deleted[/green] share {esc(name)}")


@recipients.command("add")
def add_recipient(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Recipient name."),
    shares: list[str] = typer.Option(..., "--share", help="A share it may read (repeatable)."),
    expires_in_days: float | None = typer.Option(None, "--expires-in-days", help="Its token expires after this."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the profile to this file (mode 0600) "
                                                                     "instead of printing it."),
) -> None:
    """Create a recipient and hand out its Delta Sharing profile (the token is shown this once)."""
    profile = state(ctx).lakehouse().create_recipient(name, shares, expires_in_days=expires_in_days)
    text = json.dumps(profile, indent=2) + "\n"
    if output is None:
        stderr.print(f"[green]profile for {esc(name)}[/green] — shown once, give it to the recipient:")
        print(text, end="")
        return
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    stderr.print(f"[green]wrote[/green] the profile for {esc(name)} to {esc(output)} (shown nowhere else)")


@recipients.command("list")
def list_recipients(ctx: typer.Context) -> None:
    """List recipients (never a token, only its prefix)."""
    st = state(ctx)
    rows = [{**r, "shares": ",".join(r["shares"])} for r in st.lakehouse().list_recipients()]
    render_rows(rows, st.format, RECIPIENT_COLUMNS, "recipients")


@recipients.command("revoke")
def revoke(ctx: typer.Context, name: str = typer.Argument(..., help="Recipient name.")) -> None:
    """Revoke a recipient: its token and the file URLs handed to it stop working at once."""
    state(ctx).lakehouse().revoke_recipient(name)
    stderr.print(f"[green]revoked[/green] recipient {esc(name)}")
