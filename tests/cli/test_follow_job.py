"""The CLI's progress bar for a job (cli/context.follow_job) returns when the job ends, not at its next tick."""

from __future__ import annotations

import io
import threading
import time

import pytest

from lakehouse.cli import context
from lakehouse.cli.output import _LazyConsole
from lakehouse.types import LOCAL_ADMIN


def test_the_progress_bar_returns_as_the_job_ends(lakehouse, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(context, "stderr", _LazyConsole(force_terminal=True, file=io.StringIO()))
    monkeypatch.setattr(context, "_TICK", 30.0)  # a loop that slept a tick between looks would take 30 s
    release = threading.Event()
    job = lakehouse.jobs.submit("test.wait", LOCAL_ADMIN, {}, lambda _ctx: {"waited": release.wait(60)})
    threading.Timer(0.2, release.set).start()
    started = time.monotonic()
    finished = context.follow_job(lakehouse, job, "waiting", show=True)
    assert finished.status == "succeeded" and finished.result == {"waited": True}
    assert time.monotonic() - started < 20  # returned with the job, long before a 30 s tick


def test_a_failed_job_is_returned_as_it_ends(lakehouse, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(context, "stderr", _LazyConsole(force_terminal=True, file=io.StringIO()))

    def fail(_ctx):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    job = lakehouse.jobs.submit("test.fail", LOCAL_ADMIN, {}, fail)
    finished = context.follow_job(lakehouse, job, "failing", show=True)
    assert finished.status == "failed" and "boom" in finished.error["message"]
