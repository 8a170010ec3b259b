"""The catalog store on SQLite and on the real local PostgreSQL (the same suite over both)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from lakehouse.catalog.datasets import DatasetCommit
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import InvalidInput, Locked, NotFound
from lakehouse.types import utcnow
from lakehouse.wire import ColumnInfo, MetadataPatch


@pytest.fixture
def store(catalog_url: str):  # type: ignore[no-untyped-def]
    catalog = CatalogStore(catalog_url, lock_timeout_seconds=0.2)
    yield catalog
    catalog.close()


def commit(name: str, version: int, operation: str = "create", rows: int = 10, total: int = 10,
           columns: list[ColumnInfo] | None = None) -> DatasetCommit:
    return DatasetCommit(
        name=name, bucket="primary", version=version, operation=operation, actor="tester", at=utcnow(),
        rows_written=rows, row_count=total,
        columns=columns or [
            ColumnInfo(name="id", type="int64", nullable=False),
            ColumnInfo(name="email", type="string", pii_kind="PII", pii_category="email", pii_confidence=0.95,
                       pii_evidence="name rule 'email' + 100% valid", sensitivity="restricted"),
        ],
        lineage={"source_system": "file", "source": "people.csv", "details": {"rows": rows}},
    )


def test_migrations_are_idempotent(catalog_url: str) -> None:
    CatalogStore(catalog_url).close()
    again = CatalogStore(catalog_url)
    assert again.datasets.list() == []
    again.close()


def test_commit_manifest_history_and_lineage(store: CatalogStore) -> None:
    store.datasets.record_commit(commit("people", 0))
    store.datasets.record_commit(commit("people", 1, "append", rows=5, total=15))
    manifest = store.datasets.get("people")
    assert (manifest.version, manifest.row_count, manifest.created_by) == (1, 15, "tester")
    assert [c.name for c in manifest.columns] == ["id", "email"]
    assert manifest.columns[1].pii_kind == "PII" and manifest.columns[1].pii_category == "email"
    assert [entry.version for entry in manifest.lineage] == [0, 1]
    assert manifest.lineage[0].source == "people.csv"
    history = store.datasets.history("people")
    assert [(v.version, v.operation, v.rows_written, v.row_count) for v in history] == [
        (1, "append", 5, 15), (0, "create", 10, 10)]
    assert store.datasets.in_bucket("primary") and not store.datasets.in_bucket("other")


def test_unknown_dataset_is_404(store: CatalogStore) -> None:
    with pytest.raises(NotFound, match="nope"):
        store.datasets.get("nope")


def test_patch_overrides_survive_later_ingests(store: CatalogStore) -> None:
    store.datasets.record_commit(commit("people", 0))
    before, after = store.datasets.patch_metadata("people", MetadataPatch.model_validate({
        "description": "all the people", "tags": ["crm"], "columns": {"email": {"pii_kind": None}}}))
    assert before.columns[1].pii_kind == "PII"
    assert after.description == "all the people" and after.tags == ["crm"]
    assert after.columns[1].pii_kind is None and after.columns[1].pii_overridden
    store.datasets.record_commit(commit("people", 1, "append", rows=1, total=11))
    assert store.datasets.get("people").columns[1].pii_kind is None  # the user's word stands


def test_patch_unknown_column_is_rejected(store: CatalogStore) -> None:
    store.datasets.record_commit(commit("people", 0))
    with pytest.raises(InvalidInput, match="no column"):
        store.datasets.patch_metadata("people", MetadataPatch.model_validate({"columns": {"zzz": {"pii_kind": None}}}))


def test_freshness_stale_is_computed(store: CatalogStore) -> None:
    old = commit("people", 0)
    old.at = utcnow() - timedelta(hours=3)
    store.datasets.record_commit(old)
    assert not store.datasets.get("people").freshness.stale
    store.datasets.patch_metadata("people", MetadataPatch(freshness_interval_seconds=3600))
    assert store.datasets.get("people").freshness.stale
    store.datasets.patch_metadata("people", MetadataPatch(freshness_interval_seconds=6 * 3600))
    assert not store.datasets.get("people").freshness.stale


def test_delete_removes_everything(store: CatalogStore) -> None:
    store.datasets.record_commit(commit("people", 0))
    store.datasets.delete("people")
    assert not store.datasets.exists("people")
    assert store.datasets.lineage_entries("people") == []


def test_jobs_lifecycle(store: CatalogStore, catalog_url: str) -> None:
    job = store.create_job("ingest.file", "tester", {"dataset": "people"})
    assert job.status == "queued"
    store.update_job(job.job_id, status="running", started_at=utcnow())
    other = CatalogStore(catalog_url)
    try:
        assert other.interrupt_dead_jobs() == 0  # its owner is alive: another process leaves it alone
        assert store.get_job(job.job_id).status == "running"
        store.owners.release()  # the owner is gone without finishing it
        assert other.interrupt_dead_jobs() == 1
    finally:
        other.close()
    failed = store.get_job(job.job_id)
    assert failed.status == "failed" and failed.error and failed.error["code"] == "interrupted"
    assert [j.job_id for j in store.list_jobs(status="failed")] == [job.job_id]
    with pytest.raises(NotFound):
        store.get_job("missing")


def test_lock_is_exclusive_and_released(store: CatalogStore) -> None:
    store.acquire_lock("dataset:people", "job-a")
    with pytest.raises(Locked):
        store.acquire_lock("dataset:people", "job-b")
    store.release_lock("dataset:people", "job-a")
    store.acquire_lock("dataset:people", "job-b")


def test_lock_of_a_dead_process_is_taken_over(store: CatalogStore) -> None:
    import socket

    from lakehouse.catalog.models import LockRow

    with store.sessions.begin() as session:  # a lock left behind by a crashed process (pid 999999 is unused)
        session.add(LockRow(name="dataset:people", owner=f"{socket.gethostname()}:999999:job", acquired_at=utcnow()))
    store.acquire_lock("dataset:people", "job-c")


def test_intents_and_seen_files(store: CatalogStore) -> None:
    intent = store.add_intent("people", 3, {"operation": "append"})
    assert [i.id for i in store.pending_intents()] == [intent]
    store.clear_intent(intent)
    assert store.pending_intents() == []
    assert store.file_seen("abc") is None
    store.record_file("abc", "people", "people.csv", None)
    seen = store.file_seen("abc")
    assert seen is not None and seen.dataset_name == "people"


def test_buckets_persist(store: CatalogStore) -> None:
    store.save_bucket({"name": "archive", "backend": "local", "root": "/tmp/x"})
    assert store.load_buckets() == [{"name": "archive", "backend": "local", "root": "/tmp/x"}]
    store.delete_bucket("archive")
    assert store.load_buckets() == []
