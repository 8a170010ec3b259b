"""The shared commit path: events, locks, failures that commit nothing, crash reconciliation."""

from __future__ import annotations

from datetime import timedelta

import pyarrow as pa
import pytest

from lakehouse.errors import Locked, SchemaConflict
from lakehouse.storage import delta
from lakehouse.types import SYSTEM, utcnow


def people(n: int = 3, start: int = 1) -> pa.Table:
    ids = list(range(start, start + n))
    return pa.table({"id": ids, "email": [f"user{i}@example.com" for i in ids]})


def test_every_write_publishes_the_same_events(lakehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seen = []
    lakehouse.bus.subscribe("dataset.*", lambda e: seen.append((e.type, e.subject, e.payload["version"])))
    lakehouse.write_table("people", people())
    csv = tmp_path / "more.csv"
    csv.write_text("id,email\n10,ten@example.com\n")
    lakehouse.ingest_file(csv, "people")
    lakehouse.write_table("people", people(), mode="overwrite")
    assert seen == [("dataset.created", "people", 0), ("dataset.appended", "people", 1),
                    ("dataset.overwritten", "people", 2)]


def test_pii_found_on_library_writes_too(lakehouse) -> None:  # type: ignore[no-untyped-def]
    lakehouse.write_table("people", people(50))
    columns = {c.name: c for c in lakehouse.get_dataset("people").columns}
    assert columns["email"].pii_category == "email" and columns["id"].pii_kind is None


def test_failure_mid_stream_commits_nothing(lakehouse) -> None:  # type: ignore[no-untyped-def]
    lakehouse.write_table("people", people())

    def exploding():  # type: ignore[no-untyped-def]
        yield people(2, 100).to_batches()[0]
        raise RuntimeError("disk on fire")

    reader = pa.RecordBatchReader.from_batches(people().schema, exploding())
    with pytest.raises(RuntimeError):
        lakehouse.write_table("people", reader)
    assert lakehouse.sql("SELECT count(*) AS n FROM people").table.column("n").to_pylist() == [3]
    assert lakehouse.get_dataset("people").version == 0
    lakehouse.write_table("people", people(1, 50))  # the lock was released
    with pytest.raises(RuntimeError):
        lakehouse.write_table("fresh", pa.RecordBatchReader.from_batches(people().schema, exploding()))
    assert not lakehouse.catalog.datasets.exists("fresh")


def test_one_writer_per_dataset(lakehouse) -> None:  # type: ignore[no-untyped-def]
    lakehouse.write_table("people", people())
    lakehouse.catalog.acquire_lock("dataset:people", "another-process-job")
    with pytest.raises(Locked):
        lakehouse.write_table("people", people())
    lakehouse.catalog.release_lock("dataset:people", "another-process-job")
    lakehouse.write_table("people", people())


def test_conflicting_append_is_rejected_before_writing(lakehouse) -> None:  # type: ignore[no-untyped-def]
    lakehouse.write_table("people", people())
    with pytest.raises(SchemaConflict, match="id"):
        lakehouse.write_table("people", pa.table({"id": ["x"], "email": ["a@example.com"]}))
    bucket = lakehouse.buckets.get("primary")
    assert delta.table_version(bucket.table_uri("people"), bucket.storage_options()) == 0


def _crash_after_delta_commit(lakehouse, table: pa.Table, mode: str = "append", tag_intent: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Do what the writer does up to the Delta commit, then 'crash' before the catalog commit."""
    bucket = lakehouse.buckets.get("primary")
    base = lakehouse.get_dataset("people").version
    intent = lakehouse.catalog.add_intent("people", base, {
        "operation": mode, "bucket": "primary", "actor": "tester", "job_id": None,
        "lineage": {"source_system": "file", "source": "crash.csv"}, "create_defaults": {}})
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches())
    delta.write_table(bucket.table_uri("people"), bucket.storage_options(), reader, mode,
                      {"lakehouse.intent": str(intent) if tag_intent else "someone-else"})


def test_delta_ahead_of_catalog_is_invisible_then_adopted_on_start(make_settings) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse

    settings = make_settings()
    with Lakehouse(settings) as lh:
        lh.write_table("people", people())
        _crash_after_delta_commit(lh, people(2, 100))
        # until reconciled, readers see the committed catalog version only
        assert lh.sql("SELECT count(*) AS n FROM people").table.column("n").to_pylist() == [3]
    with Lakehouse(settings) as lh:
        assert lh.startup_report.adopted == ["people"]
        manifest = lh.get_dataset("people")
        assert manifest.version == 1 and manifest.row_count == 5
        assert lh.sql("SELECT count(*) AS n FROM people").table.column("n").to_pylist() == [5]
        assert {c.name: c.pii_category for c in manifest.columns}["email"] == "email"


def test_unrecognised_delta_commit_is_rolled_back_on_start(make_settings) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse

    settings = make_settings()
    with Lakehouse(settings) as lh:
        lh.write_table("people", people())
        _crash_after_delta_commit(lh, people(2, 100), tag_intent=False)
    with Lakehouse(settings) as lh:
        assert lh.startup_report.rolled_back == ["people"]
        assert lh.sql("SELECT count(*) AS n FROM people").table.column("n").to_pylist() == [3]
        lh.write_table("people", people(1, 7))
        assert lh.sql("SELECT count(*) AS n FROM people").table.column("n").to_pylist() == [4]


def test_start_removes_only_staging_of_owners_that_are_gone(make_settings) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse
    from lakehouse.catalog.models import ProcessLeaseRow
    from lakehouse.catalog.owners import staging_name

    settings = make_settings()
    root = settings.primary_root / "staging"
    with Lakehouse(settings) as live:
        (live.staging_dir / "upload-live").write_bytes(b"an upload in flight")
        leases = {"otherhost:4242:0123456789ab": utcnow() - timedelta(minutes=5),  # expired: removed
                  "otherhost:4343:0123456789ac": utcnow()}  # another host, renewed just now: kept
        with live.catalog.sessions.begin() as session:
            for owner, beat in leases.items():
                session.add(ProcessLeaseRow(owner=owner, host="otherhost", pid=1, started_at=beat, heartbeat_at=beat))
        folders = {owner: root / staging_name(owner) for owner in [*leases, "otherhost:4444:0123456789ad"]}
        for folder in folders.values():  # the last one has no lease at all (its owner closed or never was)
            folder.mkdir(parents=True)
            (folder / "upload").write_bytes(b"half an upload")
        with Lakehouse(settings) as fresh:
            assert fresh.startup_report.staging_files_removed == 2
        assert [o for o, f in folders.items() if f.exists()] == ["otherhost:4343:0123456789ac"]
        assert (live.staging_dir / "upload-live").read_bytes() == b"an upload in flight"


def test_catalog_backup_and_restore(lakehouse) -> None:  # type: ignore[no-untyped-def]
    lakehouse.write_table("people", people())
    name = lakehouse.backup_catalog()
    lakehouse.patch_metadata("people", {"description": "changed after the backup"})
    counts = lakehouse.restore_catalog(name)
    assert counts["datasets"] == 1
    assert lakehouse.get_dataset("people").description == ""
    assert lakehouse.sql("SELECT count(*) AS n FROM people").table.column("n").to_pylist() == [3]


def test_system_actor_is_recorded(lakehouse) -> None:  # type: ignore[no-untyped-def]
    lakehouse.write_table("people", people(), actor=SYSTEM)
    assert lakehouse.history("people")[0].actor == "system"
