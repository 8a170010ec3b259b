from __future__ import annotations

import json

import typer

from lakehouse.cli.context import state
from lakehouse.cli.output import esc, render_object, render_rows, stderr

app = typer.Typer(help="AI-safe views: column allow-list, checked row filter, redactions.", no_args_is_help=True)


@app.command("create")
def create(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="View name."),
    dataset: str = typer.Option(..., "--dataset", help="Base dataset."),
    columns: str = typer.Option(..., "--columns", help="Comma-separated column allow-list."),
    row_filter: str | None = typer.Option(None, "--where", help="Row filter predicate over the base columns."),
    redact: list[str] = typer.Option(
        [], "--redact", metavar="COL=RULE",
        help="Redact a column (repeatable). RULE: null (always NULL), hash (HMAC-SHA256 hex), mask:P:S (keep P "
             "leading and S trailing characters, '*' for the rest; e.g. mask:0:4), bucket:W (numbers rounded down "
             "to a multiple of W, e.g. bucket:10), entities[:KINDS] (in text, replace emails, phones, cards, "
             "IBANs and national ids with [EMAIL], [PHONE], [CARD], [IBAN], [NATIONAL_ID]; KINDS limits it, "
             "e.g. entities:email,phone; kinds: email, phone, credit_card, iban, national_id)."),
) -> None:
    """Define a view."""
    redactions: dict[str, dict[str, object]] = {}
    for item in redact:
        column, _, rule = item.partition("=")
        kind, *args = rule.split(":")
        spec: dict[str, object] = {"kind": kind}
        if kind == "mask":
            spec.update(keep_prefix=int(args[0]) if args else 0, keep_suffix=int(args[1]) if len(args) > 1 else 0)
        elif kind == "bucket":
            spec["width"] = float(args[0]) if args else None
        elif kind == "entities" and args and args[0]:
            spec["kinds"] = [k.strip() for k in args[0].split(",") if k.strip()]
        redactions[column] = spec
    from lakehouse.governance.views import ViewSpec

    view = ViewSpec.model_validate({"name": name, "base_dataset": dataset, "row_filter": row_filter,
                                    "columns": [c.strip() for c in columns.split(",") if c.strip()],
                                    "column_redactions": redactions})
    state(ctx).lakehouse().create_view(view)
    stderr.print(f"[green]created[/green] view {esc(name)} over {esc(dataset)}")


@app.command("list")
def list_views(ctx: typer.Context) -> None:
    """List the views you may read."""
    st = state(ctx)
    rows = [{**v.model_dump(mode="json"), "columns": ",".join(v.columns),
             "column_redactions": json.dumps(v.model_dump(mode="json")["column_redactions"])}
            for v in st.lakehouse().list_views()]
    render_rows(rows, st.format, ["name", "base_dataset", "columns", "row_filter", "column_redactions", "owner"],
                "views")


@app.command("show")
def show(ctx: typer.Context, name: str = typer.Argument(..., help="View name.")) -> None:
    """Show a view's definition."""
    st = state(ctx)
    render_object(st.lakehouse().get_view(name).model_dump(mode="json"), st.format)


@app.command("delete")
def delete(ctx: typer.Context, name: str = typer.Argument(..., help="View name."),
           force: bool = typer.Option(False, "--force", help="Delete though a profile binds it (unbinds it).")) -> None:
    """Delete a view."""
    state(ctx).lakehouse().delete_view(name, force=force)
    stderr.print(f"[green]deleted[/green] view {esc(name)}")
