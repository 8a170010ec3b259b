"""How a command ends: its exit code, and for a failure one message with a hint — never a traceback,
unless the failure is a bug and ``--debug`` asked for it."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import Any

import typer

from lakehouse.cli.hints import for_cli
from lakehouse.cli.output import esc, stderr
from lakehouse.errors import LakehouseError


def handle(command: Callable[[], Any], debug: bool) -> int:
    try:
        command()
    except LakehouseError as exc:
        stderr.print(f"[red]error:[/red] {esc(exc.message)}", highlight=False)
        if exc.hint:
            stderr.print(f"[yellow]hint:[/yellow] {esc(for_cli(exc.hint))}", highlight=False)
        return 2 if 400 <= exc.http_status < 500 else 1
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except (typer.Abort, KeyboardInterrupt):
        stderr.print("aborted")
        return 130
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (| head): not an error
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place unexpected errors are rendered
        show = getattr(exc, "show", None)  # usage errors from (typer's vendored) click
        if callable(show):
            show()
            return int(getattr(exc, "exit_code", 2))
        connect = _connection_error(exc)
        if connect is not None:
            stderr.print(f"[red]error:[/red] {esc(connect)}", highlight=False)
            stderr.print("[yellow]hint:[/yellow] Check --url / LAKEHOUSE_URL and that `lakehouse serve` runs there.",
                         highlight=False)
            return 1
        if debug:
            traceback.print_exc()
        else:
            stderr.print(f"[red]error:[/red] unexpected {esc(type(exc).__name__)}: {esc(exc)} "
                         "(a bug: run again with --debug for the traceback, and report it)", highlight=False)
        return 1
    return 0


def _connection_error(exc: Exception) -> str | None:
    import httpx

    if isinstance(exc, httpx.TransportError):
        try:
            where = f" at {exc.request.url}"
        except RuntimeError:  # raised when the error carries no request
            where = ""
        return f"cannot reach the server{where}: {exc}"
    return None


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
