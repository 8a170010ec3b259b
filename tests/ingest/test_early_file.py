"""The CLI's early file read (lakehouse.ingest.early_file): adopted only for the same file and read options,
never changes what is written, its hash or which error a bad file gets, and a read nobody takes is closed."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import time
from pathlib import Path

import deltalake
import pyarrow as pa
import pyarrow.csv as pacsv

from lakehouse.ingest.early_file import EarlyFile, read_key
from lakehouse.ingest.service import FileIngestOptions


def _csv(path: Path, rows: int) -> Path:
    lines = ["id,name,email,amount"] + [f"{i},person {i},p{i}@example.org,{i / 4}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


def _early(lakehouse, path: Path, **options: str) -> EarlyFile:  # type: ignore[no-untyped-def]
    limits = lakehouse.settings.ingest
    early = EarlyFile(read_key(path, options.get("format"), None, options.get("delimiter"), "fail", limits), limits)
    lakehouse.ingest.early = early
    return early


def _table(lakehouse, dataset: str) -> pa.Table:  # type: ignore[no-untyped-def]
    return deltalake.DeltaTable(str(lakehouse.settings.primary_root / "tables" / dataset)).to_pyarrow_table()


def test_an_adopted_early_read_writes_exactly_the_file(lakehouse, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _csv(tmp_path / "people.csv", 70_000)  # several parse blocks
    early = _early(lakehouse, path)
    job = lakehouse.ingest_file(path, "early")
    assert job.status == "succeeded", job.error
    assert early.adopted
    plain = lakehouse.ingest_file(path, "plain")
    assert plain.status == "succeeded", plain.error
    expected = pacsv.read_csv(path)  # a second reader, not ours
    written = _table(lakehouse, "early").sort_by("id")
    assert written.num_rows == 70_000
    assert written.column("id").to_pylist() == expected.column("id").to_pylist()
    assert written.column("email").to_pylist() == expected.column("email").to_pylist()
    assert written.column("amount").to_pylist() == expected.column("amount").to_pylist()
    assert job.result["content_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    for key in ("rows", "content_sha256", "pii_columns", "column_mapping", "bytes"):
        assert job.result[key] == plain.result[key], key
    assert lakehouse.get_dataset("early").lineage[0].details["content_sha256"] == job.result["content_sha256"]


def test_an_early_read_with_other_options_is_not_adopted(lakehouse, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _csv(tmp_path / "people.csv", 100)
    early = _early(lakehouse, path, delimiter=";")  # one column named "id,name,email,amount"
    job = lakehouse.ingest_file(path, "t", options=FileIngestOptions(delimiter=","))
    assert job.status == "succeeded", job.error
    assert not early.adopted
    assert _table(lakehouse, "t").column_names == ["id", "name", "email", "amount"]


def test_an_early_read_of_another_file_is_not_adopted(lakehouse, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    early = _early(lakehouse, _csv(tmp_path / "a.csv", 10))
    job = lakehouse.ingest_file(_csv(tmp_path / "b.csv", 20), "t")
    assert job.status == "succeeded", job.error
    assert not early.adopted and job.result["rows"] == 20


def test_a_bad_file_fails_as_without_the_early_read(lakehouse, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.csv"
    path.write_text("id,name\n" + "".join(f"{i},n{i}\n" for i in range(40_000)) + "7,x,extra\n")
    early = _early(lakehouse, path)
    failed = lakehouse.ingest_file(path, "t", wait=True)
    plain = lakehouse.ingest_file(path, "t", wait=True)
    assert early.adopted
    assert failed.status == plain.status == "failed"
    assert failed.error == plain.error and failed.error["details"]["line"] == 40_002
    assert not lakehouse.catalog.datasets.exists("t")


def test_a_read_nobody_takes_is_closed(lakehouse, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    early = _early(lakehouse, _csv(tmp_path / "a.csv", 50_000))
    lakehouse.ingest.early = None
    early.close()
    early._thread.join(30)
    deadline = time.monotonic() + 30
    while any(t.name == "lakehouse-readahead" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(t.name == "lakehouse-readahead" for t in threading.enumerate())


def test_cli_ingest_file_end_to_end(tmp_path: Path) -> None:
    path = _csv(tmp_path / "people.csv", 1000)
    done = subprocess.run([sys.executable, "-m", "lakehouse.cli", "--data-dir", str(tmp_path / "lh"), "ingest", "file",
                           str(path), "--dataset", "people"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1,000 rows -> people v0" in done.stderr
    table = deltalake.DeltaTable(str(tmp_path / "lh" / "buckets" / "primary" / "tables" / "people")).to_pyarrow_table()
    assert table.num_rows == 1000
