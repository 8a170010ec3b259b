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


def esc(value: object) -> str:
    """``value`` as text that Rich prints as it is: data, names, paths and messages (``[bold]``, ``[/x]`` or
    ``timestamp[us]`` in them would otherwise be read as markup, dropped or even fail the print)."""
    from rich.markup import escape

    return escape(str(value))


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
                title: str | None = None, empty: str | None = None) -> None:
    """A titled list with nothing in it says so to a person (``empty``, on stderr) rather than drawing an empty
    table; an untitled one (a query's result) keeps its header. Scripts get an empty list either way."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if not rows and fmt is Format.table and (title or not columns):
        stderr.print(esc(empty or f"No {title or 'rows'}."), highlight=False)
        return
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
    from rich.text import Text

    cells = [[_cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    natural = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    least = [min(w, _LEAST_WIDTH) for w in natural]
    if natural:  # the first column names the row: kept whole, up to a third of the terminal
        least[0] = min(natural[0], max(_LEAST_WIDTH, stdout.width // 3))
    if WIDE["on"]:
        shown, widths = len(columns), natural
    else:
        shown = _fitting(least, stdout.width)
        widths = _shrunk(natural[:shown], least[:shown], stdout.width - 1 - _EDGES * shown)
    hidden = columns[shown:]
    caption = (f"{len(hidden)} more column{'s' if len(hidden) > 1 else ''} not shown: {', '.join(hidden)} "
               "(--wide shows every column, --format json every value)") if hidden else None
    table = Table(title=title, caption=caption, caption_justify="left", show_lines=False)
    for column, width in zip(columns[:shown], widths, strict=True):
        table.add_column(Text(column), no_wrap=True, overflow="ellipsis", width=width)
    for row in cells:
        table.add_row(*(Text(cell) for cell in row[:shown]))  # cells are data, never markup
    if WIDE["on"]:
        Console(width=max(sum(w + _EDGES for w in widths) + 1, stdout.width)).print(table)
    else:
        stdout.print(table)


_LEAST_WIDTH = 8  # a column narrower than this shows too little of its cells to be worth its place
_EDGES = 3  # a column's padding either side and its border


def _fitting(least: list[int], width: int) -> int:
    """How many columns, from the left, fit ``width`` at their least widths (at least one). Commands put the
    columns that identify a row first, so the ones left out are the details; squeezing them all in instead made
    Rich give some no width at all (the first one, the name, in `datasets show`)."""
    used = 1  # the table's left border
    for i, w in enumerate(least):
        if i and used + w + _EDGES > width:
            return i
        used += w + _EDGES
    return len(least)


def _shrunk(natural: list[int], least: list[int], room: int) -> list[int]:
    """Column widths that fit ``room``: the widest column gives up a character at a time, never below its least,
    so short columns stay whole and long ones (timestamps, ids, text) end in an ellipsis."""
    widths = [min(w, max(room, 1)) for w in natural]  # none wider than the room: the loop below stays short
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: (widths[i] > least[i], widths[i]))
        if widths[widest] <= least[widest]:
            break  # the first column alone is wider than the terminal: Rich crops it
        widths[widest] -= 1
    return widths


def render_object(obj: dict[str, Any], fmt: Format) -> None:
    if fmt is Format.json or fmt is Format.csv:
        sys.stdout.write(to_json(obj) + "\n")
        return
    for key, value in obj.items():
        stdout.print(f"[bold]{esc(key)}[/bold]: {esc(_cell(value))}", highlight=False, soft_wrap=True)
