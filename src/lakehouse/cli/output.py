"""Renderers for data on stdout: a Rich table for people, JSON or CSV for scripts."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

stderr = Console(stderr=True)
stdout = Console()


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, default=str)
    return str(value)


def render_rows(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
                title: str | None = None) -> None:
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.json:
        sys.stdout.write(json.dumps([{c: r.get(c) for c in columns} for r in rows], default=str) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    else:
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in columns))
        stdout.print(table)


def render_object(obj: dict[str, Any], fmt: Format) -> None:
    if fmt is Format.json or fmt is Format.csv:
        sys.stdout.write(json.dumps(obj, default=str) + "\n")
        return
    for key, value in obj.items():
        stdout.print(f"[bold]{key}[/bold]: {_cell(value)}")
