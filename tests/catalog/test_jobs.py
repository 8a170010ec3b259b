from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from lakehouse.catalog.jobs import JobContext, JobRunner
from lakehouse.catalog.sampling import Cancelled
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import Conflict, InvalidInput
from lakehouse.types import LOCAL_ADMIN


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    catalog = CatalogStore(f"sqlite:///{tmp_path / 'c.db'}")
    yield catalog
    catalog.close()


def test_success_failure_and_results(store: CatalogStore) -> None:
    runner = JobRunner(store, workers=1)
    ok = runner.submit("demo", LOCAL_ADMIN, {"x": 1}, lambda ctx: {"answer": 42})
    assert runner.wait(ok.job_id).result == {"answer": 42}

    def bad(ctx: JobContext) -> dict[str, object]:
        raise InvalidInput("nope", hint="do better")

    failed = runner.wait(runner.submit("demo", LOCAL_ADMIN, {}, bad).job_id)
    assert failed.status == "failed" and failed.error
    error = failed.error
    assert (error["code"], error["http_status"], error["hint"]) == ("invalid_input", 422, "do better")
    with pytest.raises(Conflict):
        runner.cancel(ok.job_id)
    runner.close()


def test_cancel_from_another_process_is_noticed(store: CatalogStore) -> None:
    """A CLI 'jobs cancel' runs in another process: it can only say so through the catalog."""
    server_side, cli_side = JobRunner(store, workers=1), JobRunner(store, workers=1)
    started = threading.Event()

    def long_job(ctx: JobContext) -> dict[str, object]:
        started.set()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if ctx.cancelled():
                raise Cancelled("cancelled")
            time.sleep(0.05)
        return {}

    job = server_side.submit("long", LOCAL_ADMIN, {}, long_job)
    assert started.wait(5)
    cli_side.cancel(job.job_id)
    finished = server_side.wait(job.job_id, timeout=10)
    assert finished.status == "cancelled"
    server_side.close()
    cli_side.close()


def test_a_job_cancelled_before_it_starts_wakes_its_waiters_with_its_final_state(store: CatalogStore) -> None:
    runner = JobRunner(store, workers=1)
    release = threading.Event()
    busy = runner.submit("busy", LOCAL_ADMIN, {}, lambda _ctx: {"done": release.wait(30)})
    queued = runner.submit("queued", LOCAL_ADMIN, {}, lambda _ctx: {})
    ended = runner.ended(queued.job_id)
    assert ended is not None and not ended.done()
    seen: list[str] = []
    waiter = threading.Thread(target=lambda: seen.append(runner.wait(queued.job_id, timeout=20).status))
    waiter.start()
    runner.cancel(queued.job_id)
    waiter.join(timeout=10)
    assert seen == ["cancelled"]  # the catalog already said so when the waiter woke
    assert ended.done() and runner.ended(queued.job_id) is None  # nothing left behind for a job that never ran
    release.set()
    assert runner.wait(busy.job_id, timeout=10).status == "succeeded"
    assert runner.ended(busy.job_id) is None
    runner.close()
