"""The ``lakehouse`` command: a thin layer over the library API (``lakehouse.connect``).

Start-up stays cheap: this module and the command modules import only Typer and the small value types;
each command imports what it needs when it runs (``--help`` never loads the catalog, Arrow or a model)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import typer

from lakehouse import __version__
from lakehouse.cli import (
    agent,
    buckets,
    datasets,
    grants,
    ingest,
    jobs,
    query,
    server,
    shares,
    tokens,
    tombstones,
    vectors_backend,  # noqa: F401 - registers its commands on vectors_cli.app
    views,
)
from lakehouse.cli import mcp as mcp_cli
from lakehouse.cli import models as models_cli
from lakehouse.cli import profiles as profiles_cli
from lakehouse.cli import vectors as vectors_cli
from lakehouse.cli.argv import hoist_global_options
from lakehouse.cli.context import CliState
from lakehouse.cli.output import WIDE, Format, stderr, stdout

app = typer.Typer(
    name="lakehouse",
    help="An AI-native, local-first data lakehouse: versioned tables, a governed catalog, SQL, vector search.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(__version__)
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Path | None = typer.Option(None, "--data-dir", envvar="LAKEHOUSE_DATA_DIR", metavar="DIR",
                                         help="Where the catalog and the primary bucket live."),
    config: Path | None = typer.Option(None, "--config", envvar="LAKEHOUSE_CONFIG", metavar="FILE",
                                       help="A lakehouse.toml (default ./lakehouse.toml if present)."),
    fmt: Format = typer.Option(Format.table, "--format", help="Output for data: table, json or csv."),
    url: str | None = typer.Option(None, "--url", envvar="LAKEHOUSE_URL", metavar="URL",
                                   help="Use a running server (e.g. http://127.0.0.1:8765) instead of the data dir."),
    token: str | None = typer.Option(None, "--token", envvar="LAKEHOUSE_TOKEN", metavar="TOKEN",
                                     help="Bearer token for --url (servers with auth.mode = token)."),
    wide: bool = typer.Option(False, "--wide", help="Tables: show every cell whole (default: fit the terminal)."),
    debug: bool = typer.Option(False, "--debug", envvar="LAKEHOUSE_DEBUG",
                               help="Print the traceback of an unexpected error."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Global options may also come after the command (lakehouse sql "..." --format json)."""
    WIDE["on"] = wide
    stdout.reset()  # each command fits the terminal it runs in, not the first command's
    stderr.reset()
    ctx.obj = CliState(data_dir=data_dir, config=config, format=fmt, url=url or None, token=token or None,
                       debug=debug)
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
app.add_typer(agent.app, name="agent")
app.add_typer(profiles_cli.app, name="profiles")
app.add_typer(models_cli.app, name="models")
app.add_typer(shares.app, name="shares")
query.register(app)
server.register(app)
mcp_cli.register(app)


def run() -> None:
    """Entry point with one error rendering for every command: a message and a hint, never a traceback
    (except for a bug, and then only with --debug)."""
    from lakehouse.cli.errors import handle

    argv = hoist_global_options(sys.argv[1:])
    debug = "--debug" in argv or os.environ.get("LAKEHOUSE_DEBUG", "") not in ("", "0", "false")
    # No cyclic garbage collection while the command imports: each full collection walks every object the
    # imports made so far (SQLAlchemy, pydantic, Arrow), ~0.15 of the ~0.8 CPU-s they take. Opening the
    # lakehouse turns it back on (CliState.lakehouse), by when the heavy imports are done.
    gc.disable()
    code = handle(lambda: app(args=argv, standalone_mode=False), debug)
    # The command is done (its lakehouse closed): what is left is the interpreter's shutdown, whose garbage
    # collections walk every object the imports made (SQLAlchemy, pydantic, Arrow...), 0.2-0.3 CPU-s after a
    # DB ingest. Frozen objects are skipped; they are freed at exit all the same, and atexit handlers still run.
    gc.freeze()
    sys.exit(code)
