"""Disk full, on real small filesystems (tmpfs mounts; the tests run as root, as CI does): an ingest whose
data or catalog write runs out of space fails with ``storage_full`` (507 over HTTP), the previous version
stays readable and complete, and the next ingest after space returns succeeds."""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest
from fastapi.testclient import TestClient

from lakehouse.api.app import create_app
from lakehouse.app import Lakehouse
from lakehouse.config import load_settings
from lakehouse.errors import StorageFull
from lakehouse.storage import delta
from tests.reliability.invariants import check_no_orphans, maintain, sql_state
from tests.reliability.scenarios import rows, state
from tests.services import service_missing

FILLER = ".filler"


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[object]:
    mounted: list[Path] = []

    def make(name: str, size_mb: int) -> Path:
        target = tmp_path / name
        target.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(target)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            service_missing("a tmpfs mount (root)", done.stderr.strip() or "mount failed")
        mounted.append(target)
        return target

    yield make
    for target in reversed(mounted):
        subprocess.run(["umount", "-l", str(target)], check=False)


def fill(volume: Path, leave_bytes: int) -> None:
    """Take all but ``leave_bytes`` of the volume's free space."""
    stats = os.statvfs(volume)
    free = stats.f_bavail * stats.f_frsize
    with open(volume / FILLER, "ab") as handle:
        os.posix_fallocate(handle.fileno(), 0, max(free - leave_bytes, 1) + os.path.getsize(volume / FILLER))


def free(volume: Path) -> None:
    (volume / FILLER).unlink(missing_ok=True)


def incompressible(first: int, n: int) -> pa.Table:
    rng = np.random.default_rng(first)
    return pa.table({"id": pa.array(range(first, first + n), pa.int64()),
                     "name": [rng.bytes(48).hex() for _ in range(n)]})


def checkpoint_wal(lh: Lakehouse) -> None:
    """Empty SQLite's write-ahead log, so the next catalog write needs new space (not reused WAL pages)."""
    with lh.catalog.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def test_ingest_into_a_full_volume_fails_cleanly_and_succeeds_after(mount) -> None:  # type: ignore[no-untyped-def]
    volume = mount("data", 24)
    settings = load_settings(None, data_dir=volume / "lh", query={"workers": 1})
    with Lakehouse(settings) as lh:
        lh.write_table("people", rows(range(50)))
        fill(volume, 256 * 1024)
        with pytest.raises(StorageFull) as caught:
            lh.write_table("people", incompressible(1000, 40_000))  # ~4 MB of Parquet
        assert caught.value.code == "storage_full" and caught.value.http_status == 507
        assert lh.get_dataset("people").version == 0
        assert sql_state(lh, "people") == state(range(50))
        free(volume)
        result = lh.write_table("people", incompressible(1000, 40_000))
        assert result.version == 1 and result.row_count == 40_050
        assert sql_state(lh, "people") == state([*range(50), *range(1000, 41_000)])
        assert lh.catalog.pending_intents() == []
    with Lakehouse(settings) as lh:
        maintain(lh)
        check_no_orphans(lh)


@pytest.mark.slow
def test_catalog_running_out_of_space_at_every_write_keeps_the_previous_state(mount) -> None:  # type: ignore[no-untyped-def]
    """The catalog on its own small volume, filled so that a different catalog write of the ingest (audit,
    lock, intent, the commit record, ...) is the one that fails on each round; bounded to 24 rounds."""
    data, catalog = mount("data", 64), mount("catalog", 8)
    settings = load_settings(None, data_dir=data / "lh", catalog={"url": f"sqlite:///{catalog}/catalog.db"},
                             query={"workers": 1})
    expected = list(range(50))
    failures = 0
    with Lakehouse(settings) as lh:
        lh.write_table("people", rows(range(50)))
        for round_ in range(24):
            version = lh.get_dataset("people").version
            checkpoint_wal(lh)
            fill(catalog, round_ * 4096)
            batch = range(10_000 * (round_ + 1), 10_000 * (round_ + 1) + 100)
            try:
                lh.write_table("people", rows(batch))
            except StorageFull:
                failures += 1
                assert lh.get_dataset("people").version == version
                assert sql_state(lh, "people") == state(expected), f"round {round_}: a failed write is visible"
            else:
                expected.extend(batch)
            free(catalog)
            assert sql_state(lh, "people") == state(expected)
        lh.write_table("people", rows(range(100_000, 100_010)))  # after space returns, writes go on
        expected.extend(range(100_000, 100_010))
        assert sql_state(lh, "people") == state(expected)
        bucket = lh.buckets.get("primary")
        assert delta.row_count(bucket.table_uri("people"), None, lh.get_dataset("people").version) == len(expected)
        # some round failed after the Delta commit, and that commit was rolled back (not left to a later write)
        assert "RESTORE" in {h["operation"] for h in delta.history(bucket.table_uri("people"))}
    assert failures >= 3, f"only {failures} rounds ran out of space: the sweep did not exercise the catalog"
    with Lakehouse(settings) as lh:
        assert lh.catalog.pending_intents() == []
        assert sql_state(lh, "people") == state(expected)
        maintain(lh)
        check_no_orphans(lh)


def test_http_answers_507_storage_full(mount) -> None:  # type: ignore[no-untyped-def]
    volume = mount("data", 16)
    settings = load_settings(None, data_dir=volume / "lh", query={"workers": 1})
    with Lakehouse(settings) as lh, TestClient(create_app(lh), raise_server_exceptions=False) as client:
        lh.write_table("people", rows(range(50)))
        fill(volume, 128 * 1024)
        sink = pa.BufferOutputStream()
        table = incompressible(1000, 30_000)
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        response = client.post("/ingest/arrow?dataset=people", content=sink.getvalue().to_pybytes(),
                               headers={"content-type": "application/vnd.apache.arrow.stream"})
        assert response.status_code == 507, response.text
        error = response.json()["error"]
        assert error["code"] == "storage_full" and "free space" in error["hint"].lower()
        free(volume)
        assert sql_state(lh, "people") == state(range(50))
        response = client.post(f"/ingest/arrow?dataset=people&source={uuid.uuid4().hex[:6]}",
                               content=sink.getvalue().to_pybytes(),
                               headers={"content-type": "application/vnd.apache.arrow.stream"})
        assert response.status_code == 200, response.text
        assert sql_state(lh, "people")[0] == 30_050


def test_out_of_space_and_io_errors_are_named_wherever_they_come_from() -> None:
    """The mapping the write paths share: errno (Python I/O), Rust's "(os error N)" (delta-rs, object_store)
    and SQLite's wording all give storage_full / storage_io_error; anything else is left alone."""
    import errno

    from lakehouse.errors import StorageIOError, storage_failure

    full = [OSError(errno.ENOSPC, "No space left on device"), OSError(errno.EDQUOT, "Disk quota exceeded"),
            RuntimeError("Generic LocalFileSystem error: No space left on device (os error 28)"),
            RuntimeError("database or disk is full")]
    for exc in full:
        failure = storage_failure(exc, "x")
        assert isinstance(failure, StorageFull) and failure.http_status == 507, exc
    for exc in (OSError(errno.EIO, "Input/output error"), RuntimeError("write failed (os error 5)"),
                RuntimeError("disk I/O error")):
        failure = storage_failure(exc, "x")
        assert isinstance(failure, StorageIOError) and failure.code == "storage_io_error", exc
    chained = ValueError("wrapper")
    chained.__cause__ = OSError(errno.ENOSPC, "full")
    assert isinstance(storage_failure(chained, "x"), StorageFull)
    assert storage_failure(OSError(errno.ENOENT, "No such file"), "x") is None
    assert storage_failure(ValueError("Invalid data found"), "x") is None
