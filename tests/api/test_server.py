"""A real uvicorn server on loopback: the remote client, and the query time limit under load."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pytest

import lakehouse as lakehouse_pkg
from lakehouse.app import Lakehouse
from lakehouse.errors import InvalidInput, NotFound, QueryError, QueryTimeout
from tests.live_server import serving


@pytest.fixture
def server(make_settings) -> Iterator[tuple[str, Lakehouse]]:  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(query={"workers": 2, "time_limit_seconds": 2}))
    try:
        executor = lh.executor  # both workers up before the 2 s limit starts counting (a loaded machine is slow)
        deadline = time.monotonic() + 120
        while (executor._starting or len(executor._workers) < 2) and time.monotonic() < deadline:
            time.sleep(0.05)
        with serving(lh) as url:
            yield url, lh
    finally:
        lh.close()


def test_remote_client_has_the_library_methods(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url, _ = server
    csv = tmp_path / "people.csv"
    csv.write_text("id,email\n1,a@example.com\n2,b@example.com\n")
    with lakehouse_pkg.connect(url=url) as remote:
        job = remote.ingest_file(csv, "people")
        assert job.status == "succeeded" and job.result and job.result["rows"] == 2
        assert remote.get_dataset("people").row_count == 2
        assert [d.name for d in remote.list_datasets()] == ["people"]
        result = remote.sql("SELECT id FROM people ORDER BY id")
        assert result.table.column("id").to_pylist() == [1, 2] and not result.truncated
        assert remote.history("people")[0].version == 0
        assert remote.get_job(job.job_id).status == "succeeded"
        with pytest.raises(NotFound):
            remote.get_dataset("missing")
        with pytest.raises(QueryError):
            remote.sql("SELEC 1")
        with pytest.raises(InvalidInput):
            remote.ingest_file(csv, "Bad Name")


def test_runaway_query_stops_with_408_while_others_are_served(server) -> None:  # type: ignore[no-untyped-def]
    url, lh = server
    lh.write_table("t", pa.table({"n": list(range(3000))}))
    runaway = "SELECT count(*) FROM t a, t b, t c WHERE a.n + b.n + c.n >= 0"
    with lakehouse_pkg.connect(url=url) as remote, ThreadPoolExecutor(2) as pool:
        started = time.monotonic()
        slow = pool.submit(remote.sql, runaway)
        time.sleep(0.3)
        quick_started = time.monotonic()
        assert remote.sql("SELECT count(*) AS n FROM t").table.to_pylist() == [{"n": 3000}]
        assert time.monotonic() - quick_started < 1.5
        with pytest.raises(QueryTimeout):
            slow.result(timeout=30)
        assert time.monotonic() - started < 2 + 3
        # the worker that ran it was replaced: the server keeps answering
        assert remote.sql("SELECT 1 AS one").table.to_pylist() == [{"one": 1}]


def test_remote_client_governance_and_vectors(server) -> None:  # type: ignore[no-untyped-def]
    url, lh = server
    lh.write_table("people", pa.table({"id": [1, 2, 3], "email": ["a@example.com", "b@example.com", "c@x.org"],
                                       "bio": ["icu nurse", "python engineer", "forklift driver"]}))
    with lakehouse_pkg.connect(url=url) as remote:
        token = remote.create_token("analyst", "reader")
        assert token["token"] and [t["id"] for t in remote.list_tokens()] == [token["id"]]
        grant = remote.add_grant("analyst", "dataset", "people")
        assert [g["id"] for g in remote.list_grants("analyst")] == [grant["id"]]
        view = remote.create_view({"name": "people_safe", "base_dataset": "people", "columns": ["id", "email"],
                                   "column_redactions": {"email": {"kind": "mask", "keep_prefix": 1,
                                                                   "keep_suffix": 0}}})
        assert view.name == "people_safe" and remote.get_view("people_safe").name == "people_safe"
        masked = remote.sql("SELECT email FROM people_safe ORDER BY id").table.column("email")[0].as_py()
        assert masked == "a" + "*" * 12
        applied = remote.tombstone("people", "id", [2], reason="request")
        assert applied["applied"] == 1 and len(remote.list_tombstones("people")) == 1
        assert remote.sql("SELECT count(*) AS n FROM people").table.to_pylist() == [{"n": 2}]
        assert remote.audit_events(limit=5) and remote.journal_events(limit=5)
        remote.delete_view("people_safe")
        assert remote.list_views() == []
        assert remote.list_vector_indexes() == [] and remote.stale_vector_indexes() == []
