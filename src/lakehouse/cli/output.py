"""Renderers for data on stdout: a Rich table for people (fitted to the terminal), JSON or CSV for scripts.

Rich is imported on first output, never for ``--help`` or a command that prints nothing."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from lakehouse.types import iso_utc


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class _LazyConsole:
    """A Rich console built on first use (importing Rich costs ~60 ms a start)."""

    def __init__(self, **options: Any):
        self._options = options
        self._console: Any = None

    def get(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def reset(self) -> None:
        """Measure the terminal again on next use (a process running several commands, as tests do)."""
        self._console = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


stderr: Any = _LazyConsole(stderr=True)
stdout: Any = _LazyConsole()
WIDE = {"on": False}  # set from the global --wide flag for this invocation


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, default=str)
    return str(value)


def to_json(value: Any) -> str:
    return json.dumps(_plain(value), default=str)


def render_rows(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
                title: str | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.json:
        sys.stdout.write(to_json([{c: r.get(c) for c in columns} for r in rows]) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    else:
        _table(rows, columns, title)


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    """Cells stay on one line; what does not fit the terminal ends in an ellipsis (``--wide``: never)."""
    from rich.console import Console
    from rich.table import Table

    cells = [[_cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    table = Table(title=title, show_lines=False)
    for i, column in enumerate(columns):
        widest = max([len(column)] + [len(r[i]) for r in cells])
        table.add_column(column, no_wrap=True, overflow="ellipsis", min_width=min(widest, 8))
    for row in cells:
        table.add_row(*row)
    if WIDE["on"]:
        need = sum(max([len(c)] + [len(r[i]) for r in cells]) + 3 for i, c in enumerate(columns)) + 1
        Console(width=max(need, stdout.width)).print(table)
    else:
        stdout.print(table)


def render_object(obj: dict[str, Any], fmt: Format) -> None:
    if fmt is Format.json or fmt is Format.csv:
        sys.stdout.write(to_json(obj) + "\n")
        return
    for key, value in obj.items():
        stdout.print(f"[bold]{key}[/bold]: {_cell(value)}", highlight=False, soft_wrap=True)
