"""The ``lakehouse`` command: a thin layer over the library API (``lakehouse.connect``)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from lakehouse import __version__
from lakehouse.cli import buckets, datasets, grants, ingest, jobs, query, server, tokens, tombstones, views
from lakehouse.cli import vectors as vectors_cli
from lakehouse.cli.context import CliState
from lakehouse.cli.output import Format, stderr
from lakehouse.errors import LakehouseError

app = typer.Typer(
    name="lakehouse",
    help="An AI-native, local-first data lakehouse: versioned tables, a governed catalog, SQL.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(__version__)
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Path | None = typer.Option(None, "--data-dir", envvar="LAKEHOUSE_DATA_DIR",
                                         help="Where the catalog and the primary bucket live."),
    config: Path | None = typer.Option(None, "--config", envvar="LAKEHOUSE_CONFIG",
                                       help="A lakehouse.toml (default ./lakehouse.toml if present)."),
    fmt: Format = typer.Option(Format.table, "--format", help="Output for data: table, json or csv."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    ctx.obj = CliState(data_dir=data_dir, config=config, format=fmt)
    ctx.call_on_close(ctx.obj.close)


app.add_typer(ingest.app, name="ingest")
app.add_typer(datasets.app, name="datasets")
app.add_typer(buckets.app, name="buckets")
app.add_typer(jobs.app, name="jobs")
app.add_typer(datasets.catalog_app, name="catalog")
app.add_typer(tokens.app, name="tokens")
app.add_typer(grants.app, name="grants")
app.add_typer(views.app, name="views")
app.add_typer(tombstones.app, name="tombstone")
app.add_typer(vectors_cli.app, name="vectors")
query.register(app)
server.register(app)


def run() -> None:
    """Entry point with one error rendering for every command."""
    try:
        app(standalone_mode=False)
    except LakehouseError as exc:
        stderr.print(f"[red]error:[/red] {exc.message}", highlight=False)
        if exc.hint:
            stderr.print(f"[yellow]hint:[/yellow] {exc.hint}", highlight=False)
        sys.exit(2 if 400 <= exc.http_status < 500 else 1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        stderr.print("aborted")
        sys.exit(130)
    except Exception as exc:
        show = getattr(exc, "show", None)  # usage errors from (typer's vendored) click
        if callable(show):
            show()
            sys.exit(int(getattr(exc, "exit_code", 2)))
        raise
