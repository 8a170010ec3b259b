"""Freshness: stale marking, incremental refresh by content hash, policies, resume, erasure, guards."""

from __future__ import annotations

import time
from datetime import timedelta

import pyarrow as pa
import pytest

from lakehouse.config import EmbedderEndpoint
from lakehouse.types import utcnow
from tests.embeddings.fake_server import fake_server
from tests.vectors.conftest import build, corpus


def test_append_marks_stale_and_refresh_embeds_only_new_rows(vlh, embedder) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=200)
    assert vlh.stale_vector_indexes() == []
    vlh.write_table("docs", corpus(230).slice(200))
    stale = vlh.stale_vector_indexes()
    assert [s["index_name"] for s in stale] == ["idx"] and stale[0]["dataset_version"] == 1
    before = embedder.texts
    job = vlh.refresh_vectors("docs")
    result = job.result["indexes"][0]
    assert (result["added_documents"], result["changed_documents"], result["removed_documents"]) == (30, 0, 0)
    assert embedder.texts - before == result["embedded_chunks"] < 200
    assert vlh.stale_vector_indexes() == []
    assert vlh.get_vector_index("idx").documents == 230
    hits = vlh.vector_search("idx", corpus(230).column("body")[215].as_py(), k=1).hits
    assert hits[0].doc_id == 215
    started = time.perf_counter()
    again = vlh.refresh_vectors("docs").result["indexes"][0]
    assert again["skipped"] and time.perf_counter() - started < 1.0


def test_changed_and_deleted_rows(vlh, embedder) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=100)
    table = corpus(100)
    bodies = table.column("body").to_pylist()
    bodies[3] = "completely new text about zebra stripes and savanna grass"
    keep = [i for i in range(100) if i != 7]
    changed = table.set_column(1, "body", pa.array(bodies)).take(keep)
    vlh.write_table("docs", changed, mode="overwrite")
    result = vlh.refresh_vectors("docs").result["indexes"][0]
    assert (result["added_documents"], result["changed_documents"], result["removed_documents"]) == (0, 1, 1)
    hit = vlh.vector_search("idx", "zebra stripes savanna grass", k=1).hits[0]
    assert hit.doc_id == 3 and "zebra" in hit.text
    ids = {h.doc_id for h in vlh.vector_search("idx", bodies[7], k=99, per_chunk=False).hits}
    assert 7 not in ids and len(ids) == 99


def test_on_append_policy_refreshes_after_ingest(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=50, refresh_policy="on_append")
    vlh.write_table("docs", corpus(60).slice(50))
    deadline = time.time() + 20
    while vlh.get_vector_index("idx").documents != 60 and time.time() < deadline:
        time.sleep(0.1)
    assert vlh.get_vector_index("idx").documents == 60


def test_scheduler_runs_due_cron_refreshes(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=40, refresh_policy="scheduled", refresh_cron="*/5 * * * *")
    vlh.write_table("docs", corpus(45).slice(40))
    assert vlh.vector_scheduler.tick(utcnow()) == []  # not due yet
    assert vlh.vector_scheduler.tick(utcnow() + timedelta(minutes=6)) == ["idx"]
    deadline = time.time() + 20
    while vlh.get_vector_index("idx").documents != 45 and time.time() < deadline:
        time.sleep(0.1)
    assert vlh.get_vector_index("idx").documents == 45


def test_server_timeout_mid_build_keeps_the_old_index_and_resumes(lakehouse) -> None:  # type: ignore[no-untyped-def]
    with fake_server() as (url, behaviour):
        settings = lakehouse.settings.embeddings
        settings.ollama = EmbedderEndpoint(url=url, model="fake-embed")
        settings.retries, settings.backoff_seconds, settings.batch_size, settings.timeout_seconds = 1, 0.01, 64, 0.3
        lakehouse.write_table("docs", corpus(100))
        spec = {"index_name": "idx", "dataset": "docs", "id_column": "doc_id", "text_column": "body",
                "embedder": "ollama", "chunk_size": 2000, "overlap": 0}
        assert lakehouse.create_vector_index(spec, wait=True).status == "succeeded"
        first = lakehouse.vector_search("idx", "nurse", k=3)
        lakehouse.write_table("docs", corpus(1400).slice(100))
        behaviour.slow_after = behaviour.requests + 10  # times out after 10 more batches (640 chunks)
        failed = lakehouse.create_vector_index(spec, wait=True)
        assert failed.status == "failed" and url in failed.error["message"] and "timed out" in failed.error["message"]
        behaviour.slow_after = None
        assert lakehouse.get_vector_index("idx").status == "ready"
        assert [h.doc_id for h in lakehouse.vector_search("idx", "nurse", k=3).hits] == [h.doc_id for h in first.hits]
        resumed = lakehouse.create_vector_index(spec, wait=True)
        assert resumed.status == "succeeded", resumed.error
        assert resumed.result["reused_embeddings"] >= 512 and resumed.result["documents"] == 1400


def test_wrong_sized_vectors_fail_the_build_clearly(lakehouse) -> None:  # type: ignore[no-untyped-def]
    with fake_server() as (url, behaviour):
        lakehouse.settings.embeddings.openai = EmbedderEndpoint(url=f"{url}/v1", model="fake-embed")
        behaviour.wrong_dim_at = 2
        lakehouse.settings.embeddings.batch_size = 16
        lakehouse.write_table("docs", corpus(100))
        job = lakehouse.create_vector_index({"index_name": "idx", "dataset": "docs", "id_column": "doc_id",
                                             "text_column": "body", "embedder": "openai"}, wait=True)
        assert job.status == "failed" and "dimension 9, expected 8" in job.error["message"]


class Guard:
    def __init__(self) -> None:
        self.erased: set[str] = set()

    def can_search(self, actor, index, filtering=False) -> None:  # type: ignore[no-untyped-def]
        pass

    def allowed_doc_ids(self, actor, index):  # type: ignore[no-untyped-def]
        return None if actor.name != "reader" else {i for i in range(0, 300, 3)}

    def erased_doc_ids(self, dataset, id_column):  # type: ignore[no-untyped-def]
        return self.erased


def test_guards_restrict_hits_and_tombstones_never_appear(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=300)
    guard = Guard()
    vlh.vectors.guards.register(guard)
    reader = vlh.authenticate(vlh.create_token("reader", "reader")["token"])
    vlh.add_grant("reader", "dataset", "docs")  # the governance guard needs read access to the source
    hits = vlh.vector_search("idx", "payroll audit", k=20, actor=reader).hits
    assert len(hits) == 20 and all(h.doc_id % 3 == 0 for h in hits)
    top = vlh.vector_search("idx", "payroll audit", k=5).hits
    guard.erased = {str(h.doc_id) for h in top}
    again = vlh.vector_search("idx", "payroll audit", k=5).hits
    assert not {h.doc_id for h in again} & {h.doc_id for h in top} and len(again) == 5


def test_purge_reaches_vector_indexes(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=80)
    erasable = next(e for e in vlh.erasables if e.name == "vector-indexes")
    report = erasable.erase("docs", "doc_id", [4, 9], vlh.actor)
    assert report.rows_removed >= 2
    import deltalake

    table = deltalake.DeltaTable(str(vlh.settings.primary_root / "vectors" / "idx" / "embeddings"))
    assert not {4, 9} & set(table.to_pyarrow_table().column("doc_id").to_pylist())
    assert not {4, 9} & {h.doc_id for h in vlh.vector_search("idx", "x nurse", k=78).hits}


@pytest.mark.parametrize("n", [0])
def test_refresh_unknown_dataset(vlh, n) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.errors import NotFound

    with pytest.raises(NotFound):
        vlh.refresh_vectors("missing")


def test_of_two_processes_on_one_catalog_only_the_leader_runs_the_scheduler(make_settings) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse

    settings = make_settings(query={"workers": 1})
    with Lakehouse(settings) as first, Lakehouse(settings) as second:  # (a CLI beside a server, or replicas)
        assert first.vector_scheduler.run_once() is True
        assert second.vector_scheduler.run_once() is False  # the file lock beside the SQLite catalog is taken
        assert (first.loops_led["refresh_scheduler"], second.loops_led["refresh_scheduler"]) == (True, False)
        first.vector_scheduler.stop()  # a leader going away (or dying: the lock goes with the process)
        assert second.vector_scheduler.run_once() is True
