"""Per-invocation state: settings from the global flags and a lazily opened lakehouse — in-process on the
data dir, or a running server's (``--url``) through ``RemoteLakehouse`` with the same methods."""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from lakehouse.cli.hints import for_cli
from lakehouse.cli.output import Format, esc, stderr
from lakehouse.errors import InvalidInput

if TYPE_CHECKING:
    from lakehouse.app import Lakehouse
    from lakehouse.client import RemoteLakehouse
    from lakehouse.config import Settings
    from lakehouse.query.executor import QueryExecutor
    from lakehouse.wire import JobInfo

    AnyLakehouse = Lakehouse | RemoteLakehouse


@dataclass
class CliState:
    data_dir: Path | None = None
    config: Path | None = None
    format: Format = Format.table
    url: str | None = None
    token: str | None = None
    debug: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)
    _lakehouse: Any = None
    _settings: Any = None

    @property
    def remote(self) -> bool:
        return self.url is not None

    def settings(self) -> Settings:
        if self._settings is None:
            from lakehouse.config import load_settings

            self._settings = load_settings(self.config, data_dir=self.data_dir, **self.overrides)
        return self._settings

    def lakehouse(self, *, executor: QueryExecutor | None = None) -> AnyLakehouse:
        """The lakehouse this command talks to. ``executor``: query workers already starting (``sql``
        starts them before opening the catalog, so the two overlap)."""
        if self._lakehouse is None:
            if self.url is not None:
                from lakehouse.client import RemoteLakehouse

                self._lakehouse = RemoteLakehouse(self.url, token=self.token)
            else:
                from lakehouse.app import Lakehouse

                self._lakehouse = Lakehouse(self.settings(), executor=executor)
            collect_again()
        return self._lakehouse  # type: ignore[no-any-return]

    def local(self, what: str) -> Lakehouse:
        """For commands that only make sense on the data dir itself (serve, demo, agent runs)."""
        if self.url is not None:
            raise InvalidInput(f"'{what}' runs on the data dir, not against a server (--url/LAKEHOUSE_URL).",
                               hint="Unset LAKEHOUSE_URL or drop --url for this command.")
        return self.lakehouse()  # type: ignore[return-value]

    def close(self) -> None:
        if self._lakehouse is not None:
            self._lakehouse.close()
            self._lakehouse = None


def collect_again() -> None:
    """Turn the garbage collector back on after ``run`` turned it off for the command's imports: what they
    made is frozen first (permanent: later collections skip it), so commands that run for long (serve, agent
    run, a big ingest) collect as usual, over their own objects only. A no-op where nothing turned it off."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    assert isinstance(obj, CliState)
    return obj


_TICK = 0.2  # seconds between progress updates


def follow_job(lakehouse: AnyLakehouse, job: JobInfo, label: str, show: bool = True) -> JobInfo:
    """Wait for a job, drawing a progress bar on stderr (with the rows read so far when the running job
    reports them, against the source's size when known: ``~`` marks an estimate)."""
    if not show or not stderr.is_terminal:
        return lakehouse.wait_job(job.job_id)
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TextColumn("{task.fields[rows]}"), TimeElapsedColumn(), console=stderr.get(),
                  transient=True) as progress:
        task = progress.add_task(label, total=1.0, rows="")
        while True:
            asked = time.monotonic()
            try:  # returns as the job ends, not at the next tick (a tick's sleep was up to 0.2 s on every job)
                current = lakehouse.wait_job(job.job_id, timeout=_TICK)
            except TimeoutError:
                current = lakehouse.get_job(job.job_id)
            if current.ended:
                return current
            progress.update(task, completed=current.progress, rows=_rows_text(current.result or {}))
            time.sleep(max(0.0, _TICK - (time.monotonic() - asked)))  # a job this process does not run


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
        stderr.print(f"[red]error:[/red] {esc(err.get('message', finished.status))}", highlight=False)
        if err.get("hint"):
            stderr.print(f"[yellow]hint:[/yellow] {esc(for_cli(err['hint']))}", highlight=False)
        raise typer.Exit(2 if int(err.get("http_status", 500)) < 500 else 1)
    return dict(finished.result or {})


def report_pii(result: dict[str, Any], dataset: str) -> None:
    """The columns an ingest flagged, for people: ``email (PII: email), phone (PII: phone)``."""
    found: dict[str, str] = result.get("pii_columns") or {}
    if not found:
        return
    listed = ", ".join(f"{column} ({finding.replace(':', ': ', 1)})" for column, finding in found.items())
    stderr.print(f"PII detected in {len(found)} column{'s' if len(found) != 1 else ''}: {esc(listed)}", highlight=False)
    stderr.print(esc(f"  evidence: `lakehouse datasets show {dataset}`; to keep them from models and agents: "
                     "`lakehouse views create --help`"), highlight=False)


def rows_text(count: int) -> str:
    """``1 row``, ``2,000 rows``."""
    return f"{count:,} row{'' if count == 1 else 's'}"
