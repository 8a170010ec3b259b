"""Waiting on jobs over HTTP: ``GET /jobs/{id}?wait=S`` (a long poll that answers as the job ends, which
``RemoteLakehouse.wait_job`` uses) and ``?wait=true`` on routes that start a job; neither holds a server thread."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import anyio
import anyio.to_thread
import httpx
import pytest
from starlette.requests import Request

from lakehouse.api.jobs_response import job_response
from lakehouse.client import RemoteLakehouse
from lakehouse.types import LOCAL_ADMIN
from tests.api.conftest import assert_error
from tests.live_server import serving


def _held_job(lakehouse):  # type: ignore[no-untyped-def]
    release = threading.Event()
    job = lakehouse.jobs.submit("test.wait", LOCAL_ADMIN, {}, lambda _ctx: {"waited": release.wait(60)})
    return job, release


def test_a_long_poll_answers_as_the_job_ends(client, lakehouse) -> None:  # type: ignore[no-untyped-def]
    job, release = _held_job(lakehouse)
    assert client.get(f"/jobs/{job.job_id}?wait=0.2").json()["status"] in ("queued", "running")  # waited, not done
    threading.Timer(0.2, release.set).start()
    answer = client.get(f"/jobs/{job.job_id}?wait=25").json()
    assert answer["status"] == "succeeded" and answer["result"] == {"waited": True}


def test_a_long_poll_is_bounded_and_checks_the_job_first(client) -> None:  # type: ignore[no-untyped-def]
    assert_error(client.get("/jobs/nope?wait=31"), 422)
    assert_error(client.get("/jobs/nope?wait=-1"), 422)
    assert_error(client.get("/jobs/nope?wait=5"), 404)


def test_the_remote_client_waits_through_the_long_poll(lakehouse) -> None:  # type: ignore[no-untyped-def]
    job, release = _held_job(lakehouse)
    with serving(lakehouse) as url, RemoteLakehouse(url) as remote:
        with pytest.raises(TimeoutError):
            remote.wait_job(job.job_id, timeout=0.3)
        threading.Timer(0.2, release.set).start()
        finished = remote.wait_job(job.job_id, timeout=30)
    assert finished.status == "succeeded" and finished.result == {"waited": True}


def test_long_polls_hold_no_thread_the_synchronous_routes_need(lakehouse) -> None:  # type: ignore[no-untyped-def]
    """More waiting clients than the server has threads for synchronous routes (40): those routes still answer."""
    job, release = _held_job(lakehouse)
    polls = 48
    with serving(lakehouse) as url, ThreadPoolExecutor(polls) as pool:
        waiting = [pool.submit(httpx.get, f"{url}/jobs/{job.job_id}?wait=25", timeout=60) for _ in range(polls)]
        time.sleep(1.0)  # every poll is waiting
        start = time.monotonic()
        health = httpx.get(f"{url}/health", timeout=60)  # a plain ``def`` route: it runs in the thread pool
        answered_after = time.monotonic() - start
        assert not any(w.done() for w in waiting)
        release.set()
        statuses = {w.result().json()["status"] for w in waiting}
    assert health.status_code == 200 and answered_after < 15  # held threads would keep it until the polls end
    assert statuses == {"succeeded"}


def test_a_long_poll_answers_when_a_queued_job_is_cancelled(client, lakehouse) -> None:  # type: ignore[no-untyped-def]
    held = [_held_job(lakehouse) for _ in range(lakehouse.jobs.workers)]  # every job thread busy
    queued = lakehouse.jobs.submit("test.queued", LOCAL_ADMIN, {}, lambda _ctx: {})
    cancel = threading.Timer(0.3, lambda: client.delete(f"/jobs/{queued.job_id}"))
    cancel.start()
    answer = client.get(f"/jobs/{queued.job_id}?wait=25").json()
    cancel.join(10)  # its response read before the test client closes
    for _, release in held:
        release.set()
    assert answer["status"] == "cancelled"


def test_a_route_that_waits_for_its_job_holds_no_thread_meanwhile(lakehouse) -> None:  # type: ignore[no-untyped-def]
    """``?wait=true`` on a route that starts a job (an ingest can take minutes) awaits it on the event loop."""
    job, release = _held_job(lakehouse)

    async def answer_while_counting_threads() -> tuple[int, int, dict[str, object]]:
        task = asyncio.create_task(job_response(Request({"type": "http", "headers": []}), lakehouse, job, True))
        await asyncio.sleep(0.3)
        borrowed = anyio.to_thread.current_default_thread_limiter().borrowed_tokens
        release.set()
        response = await task
        return borrowed, response.status_code, json.loads(bytes(response.body))

    borrowed, status, body = anyio.run(answer_while_counting_threads)
    assert borrowed == 0 and status == 200 and body["status"] == "succeeded"
