"""Replicas: ``lakehouse serve`` processes, each with its own data dir (as on separate machines), over one
PostgreSQL catalog and one S3 bucket (moto on loopback). Each sees another's commits on its next request,
concurrent writes through two and three lose nothing, the refresh scheduler and the autotune agent have one
leader each (again after the leader is killed), and a replica killed in the middle of a job has that job
interrupted by the survivor while it keeps serving."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pyarrow as pa
import pytest

from lakehouse.storage.buckets import BucketSpec
from tests.live_server import free_port
from tests.services import postgres_database

ARROW = "application/vnd.apache.arrow.stream"
# replicas hash (purged keys, hash masks) with one secret; each data dir would otherwise make its own
SHARED_SECRET = {"LAKEHOUSE_GOVERNANCE__SECRET": "env:LAKEHOUSE_SECRET_GOVERNANCE",
                 "LAKEHOUSE_SECRET_GOVERNANCE": "replica-test-secret-0123456789abcdef"}
pytestmark = pytest.mark.postgres


@pytest.fixture
def catalog_url() -> Iterator[str]:
    yield from postgres_database()


class Replica:
    def __init__(self, data_dir: Path, catalog_url: str, **env: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.log = data_dir.parent / f"{data_dir.name}.log"
        environment = {**os.environ, "LAKEHOUSE_CATALOG__URL": catalog_url, "HF_HUB_OFFLINE": "1",
                       "LAKEHOUSE_VECTORS__SCHEDULER_INTERVAL_SECONDS": "1",
                       "LAKEHOUSE_CATALOG__HEARTBEAT_SECONDS": "1", "LAKEHOUSE_GOVERNANCE__PURGE_RETENTION_HOURS": "0",
                       **SHARED_SECRET, **env}
        cli = str(Path(sys.executable).with_name("lakehouse"))
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen([cli, "--data-dir", str(data_dir), "serve", "--port", str(self.port)],
                                            env=environment, stdout=log, stderr=subprocess.STDOUT)
        self.http = httpx.Client(base_url=self.url, timeout=120)

    def wait_up(self) -> None:
        deadline = time.monotonic() + 90
        while True:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            try:
                if self.http.get("/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, self.log.read_text()[-3000:]
            time.sleep(0.2)

    def sql(self, statement: str) -> list[list[Any]]:
        response = self.http.post("/query/sql", json={"sql": statement})
        assert response.status_code == 200, response.text
        return list(response.json()["rows"])

    def append(self, dataset: str, table: pa.Table, bucket: str = "shared") -> httpx.Response:
        sink = io.BytesIO()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        return self.http.post(f"/ingest/arrow?dataset={dataset}&bucket={bucket}", content=sink.getvalue(),
                              headers={"content-type": ARROW})

    def leads(self) -> dict[str, bool]:
        return dict(self.http.get("/health").json()["leads"])

    def stop(self) -> None:
        self.http.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def running(count: int, tmp_path: Path, catalog_url: str, s3_bucket_spec: BucketSpec,
            **env: str) -> Iterator[list[Replica]]:
    """``count`` servers on the catalog, the moto bucket ``shared`` added through the first."""
    started = [Replica(tmp_path / f"replica{i}", catalog_url, **env) for i in range(count)]
    try:
        for replica in started:
            replica.wait_up()
        spec = s3_bucket_spec.model_dump(exclude_none=True) | {"name": "shared"}
        added = started[0].http.post("/storage/buckets", json=spec)
        assert added.status_code == 201, added.text
        yield started
    finally:
        for replica in started:
            replica.stop()


@pytest.fixture
def replicas(tmp_path: Path, catalog_url: str, s3_bucket_spec: BucketSpec) -> Iterator[list[Replica]]:
    with running(2, tmp_path, catalog_url, s3_bucket_spec) as started:
        yield started


def rows(start: int, n: int) -> pa.Table:
    return pa.table({"id": list(range(start, start + n)), "text": [f"row {i}" for i in range(start, start + n)]})


def test_each_replica_sees_the_others_commits_on_its_next_request(replicas: list[Replica]) -> None:
    a, b = replicas
    assert a.append("events", rows(0, 100)).status_code == 200
    assert b.sql("SELECT count(*) FROM events") == [[100]]  # a bucket added on one, a table written on it
    assert b.append("events", rows(100, 50)).status_code == 200
    assert a.sql("SELECT count(*) FROM events") == [[150]]  # a's query workers had version 0 cached
    erased = a.http.post("/catalog/datasets/by-name/events/tombstone",
                         json={"row_key_column": "id", "row_key_values": [3, 120]})
    assert erased.status_code == 200, erased.text
    assert b.sql("SELECT count(*) FROM events WHERE id IN (3, 120)") == [[0]]  # b's tombstone set too
    assert b.sql("SELECT count(*) FROM events") == [[148]]
    keys_on_b = b.data_dir / "governance" / "tombstones" / "events"
    assert [p for p in keys_on_b.iterdir() if not p.name.startswith(".")], "b keeps its own copy of the keys"
    purged = a.http.post("/catalog/datasets/by-name/events/purge?wait=true")
    assert purged.status_code == 200 and purged.json()["status"] == "succeeded", purged.text
    deadline = time.monotonic() + 20  # b's next lease heartbeat drops its copy of the purged keys
    while [p for p in keys_on_b.iterdir() if not p.name.startswith(".")]:
        assert time.monotonic() < deadline, sorted(p.name for p in keys_on_b.iterdir())
        time.sleep(0.2)
    assert b.sql("SELECT count(*) FROM events") == [[148]]
    assert b.append("events", rows(3, 1)).status_code == 200  # a purged key stays out of writes through b too
    assert a.sql("SELECT count(*) FROM events WHERE id = 3") == [[0]]


def test_a_replica_with_another_governance_secret_refuses_to_start(replicas: list[Replica], tmp_path: Path,
                                                                   catalog_url: str) -> None:
    other = Replica(tmp_path / "stranger", catalog_url, LAKEHOUSE_GOVERNANCE__SECRET="",
                    LAKEHOUSE_SECRET_GOVERNANCE="")  # no secret configured: its own data dir's secret.key
    try:
        assert other.process.wait(timeout=60) != 0
        log = other.log.read_text()
        assert "secret_mismatch" in log or "governance secret" in log, log[-2000:]
        assert "governance.secret" in log
    finally:
        other.stop()


def write_concurrently(replicas: list[Replica], dataset: str, writes: int) -> None:
    """``writes`` appends of 25 rows through each replica at once; every one acknowledged is there, through
    every replica, as one table version each."""
    assert replicas[0].append(dataset, rows(0, 10)).status_code == 200
    written: list[int] = []
    failures: list[str] = []

    def writer(replica: Replica, base: int) -> None:
        for i in range(writes):
            for _ in range(40):  # a writer lock held by another replica: 409 locked, retry as a client would
                response = replica.append(dataset, rows(base + i * 25, 25))
                if response.status_code != 409:
                    break
                time.sleep(0.2)
            if response.status_code == 200:
                written.append(25)
            else:
                failures.append(response.text)

    threads = [threading.Thread(target=writer, args=(r, 10_000 * (n + 1))) for n, r in enumerate(replicas)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert failures == []
    expected = 10 + sum(written)
    assert expected == 10 + len(replicas) * writes * 25
    assert replicas[0].sql(f"SELECT count(*), count(DISTINCT id) FROM {dataset}") == [[expected, expected]]
    for replica in replicas[1:]:
        assert replica.sql(f"SELECT count(*) FROM {dataset}") == [[expected]]
    history = replicas[-1].http.get(f"/catalog/datasets/by-name/{dataset}/history").json()["items"]
    assert len(history) == 1 + len(replicas) * writes  # one version per write, none lost or merged


def test_concurrent_writes_through_two_replicas_lose_nothing(replicas: list[Replica]) -> None:
    write_concurrently(replicas, "ledger", 8)


def wait_for_one_leader(replicas: list[Replica], loop: str) -> Replica:
    deadline = time.monotonic() + 30
    while True:
        leads = [r.leads()[loop] for r in replicas]
        if leads.count(True) == 1 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert leads.count(True) == 1, (loop, leads)
    return replicas[leads.index(True)]


def test_three_replicas_lose_no_write_and_elect_one_leader_per_loop_again_after_a_kill(
        tmp_path: Path, catalog_url: str, s3_bucket_spec: BucketSpec) -> None:
    with running(3, tmp_path, catalog_url, s3_bucket_spec, LAKEHOUSE_AGENT__ENABLED="true") as replicas:
        loops = ("refresh_scheduler", "autotune_agent")
        leaders = {loop: wait_for_one_leader(replicas, loop) for loop in loops}
        write_concurrently(replicas, "ledger3", 5)
        victim = leaders["refresh_scheduler"]
        victim.process.send_signal(signal.SIGKILL)  # its PostgreSQL session ends, and its advisory locks with it
        victim.process.wait(timeout=10)
        survivors = [r for r in replicas if r is not victim]
        for loop in loops:
            wait_for_one_leader(survivors, loop)  # exactly one of the two takes over (or kept) each loop
        time.sleep(3)  # several lease heartbeats and scheduler ticks later, still exactly one each
        for loop in loops:
            assert [r.leads()[loop] for r in survivors].count(True) == 1, loop
        assert survivors[0].append("ledger3", rows(900_000, 5)).status_code == 200
        assert survivors[1].sql("SELECT count(*) FROM ledger3") == [[10 + 3 * 5 * 25 + 5]]


def test_one_replica_leads_the_refresh_scheduler_and_the_other_takes_over(replicas: list[Replica]) -> None:
    leader = wait_for_one_leader(replicas, "refresh_scheduler")
    follower = replicas[1] if leader is replicas[0] else replicas[0]
    leader.process.send_signal(signal.SIGKILL)  # PostgreSQL ends its session and the advisory lock with it
    leader.process.wait(timeout=10)
    deadline = time.monotonic() + 30
    while not follower.leads()["refresh_scheduler"]:
        assert time.monotonic() < deadline, "the follower never took over the scheduler"
        time.sleep(0.5)


@pytest.mark.slow
def test_a_killed_replicas_job_is_interrupted_by_the_survivor_which_keeps_serving(replicas: list[Replica]) -> None:
    a, b = replicas
    texts = pa.table({"id": list(range(4000)),
                      "text": [f"resume {i}: nurse, forklift, python, welding, payroll, shift {i % 13}"
                               for i in range(4000)]})
    assert a.append("resumes", texts).status_code == 200
    job = b.http.post("/vectors/index", json={"index_name": "resumes_idx", "dataset": "resumes", "id_column": "id",
                                              "text_column": "text", "embedder": "local"})
    assert job.status_code == 202, job.text
    job_id = job.json()["job_id"]
    deadline = time.monotonic() + 120
    while True:  # kill once it is embedding, not before it started
        state = b.http.get(f"/jobs/{job_id}").json()
        if state["status"] == "running" and (state.get("progress") or 0) > 0:
            break
        assert state["status"] in ("queued", "running"), state
        assert time.monotonic() < deadline, state
        time.sleep(0.1)
    b.process.send_signal(signal.SIGKILL)
    b.process.wait(timeout=10)
    deadline = time.monotonic() + 60
    while (state := a.http.get(f"/jobs/{job_id}").json())["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, f"the survivor never interrupted the dead replica's job: {state}"
        time.sleep(0.5)
    assert state["status"] == "failed" and state["error"]["code"] == "interrupted", state
    assert a.sql("SELECT count(*) FROM resumes") == [[4000]]  # the survivor serves on
    time.sleep(3)  # several of the survivor's sweeps later the job is still failed once, not finished after all
    assert a.http.get(f"/jobs/{job_id}").json() == state
    index = a.http.get("/vectors/indexes/resumes_idx")
    assert index.status_code in (200, 404)
    if index.status_code == 200:
        assert not index.json().get("generation"), index.json()  # no half-built generation became current
