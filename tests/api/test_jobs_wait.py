"""``GET /jobs/{id}?wait=S``: a long poll that answers as the job ends, which ``RemoteLakehouse.wait_job`` uses."""

from __future__ import annotations

import threading

import pytest

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
