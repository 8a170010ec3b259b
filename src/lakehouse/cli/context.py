"""Per-invocation state: settings from the global flags and a lazily opened Lakehouse."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from lakehouse.app import Lakehouse
from lakehouse.cli.output import Format, stderr
from lakehouse.config import Settings, load_settings
from lakehouse.wire import JobInfo


@dataclass
class CliState:
    data_dir: Path | None = None
    config: Path | None = None
    format: Format = Format.table
    overrides: dict[str, Any] = field(default_factory=dict)
    _lakehouse: Lakehouse | None = None

    def settings(self) -> Settings:
        return load_settings(self.config, data_dir=self.data_dir, **self.overrides)

    def lakehouse(self) -> Lakehouse:
        if self._lakehouse is None:
            self._lakehouse = Lakehouse(self.settings())
        return self._lakehouse

    def close(self) -> None:
        if self._lakehouse is not None:
            self._lakehouse.close()
            self._lakehouse = None


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    assert isinstance(obj, CliState)
    return obj


def follow_job(lakehouse: Lakehouse, job: JobInfo, label: str, show: bool = True) -> JobInfo:
    """Wait for a job, drawing a progress bar on stderr (with the rows read so far when the running job
    reports them, against the source's size when known: ``~`` marks an estimate)."""
    if not show:
        return lakehouse.wait_job(job.job_id)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TextColumn("{task.fields[rows]}"), TimeElapsedColumn(), console=stderr, transient=True) as progress:
        task = progress.add_task(label, total=1.0, rows="")
        while True:
            current = lakehouse.get_job(job.job_id)
            if current.status in ("succeeded", "failed", "cancelled"):
                return current
            progress.update(task, completed=current.progress, rows=_rows_text(current.result or {}))
            time.sleep(0.2)


def _rows_text(running: dict[str, Any]) -> str:
    rows, expected = running.get("rows_read"), running.get("rows_expected")
    if rows is None:
        return ""
    if not expected:
        return f"{rows:,} rows"
    return f"{rows:,} / {'' if running.get('rows_expected_exact') else '~'}{expected:,} rows"


def job_result(finished: JobInfo) -> dict[str, Any]:
    """A finished job's result; a failed or cancelled one prints its error and hint and exits (2 for 4xx)."""
    if finished.status != "succeeded":
        err = finished.error or {}
        stderr.print(f"[red]error:[/red] {err.get('message', finished.status)}", highlight=False)
        if err.get("hint"):
            stderr.print(f"[yellow]hint:[/yellow] {err['hint']}", highlight=False)
        raise typer.Exit(2 if int(err.get("http_status", 500)) < 500 else 1)
    return dict(finished.result or {})

