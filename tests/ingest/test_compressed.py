"""Compressed files (gzip, bzip2, xz, zstd) ingest as the file inside: told by their first bytes, decompressed to a
temp file in bounded memory, bounded in size, and a damaged one is a 422 that says so."""

from __future__ import annotations

import bz2
import gzip
import lzma
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from lakehouse.cli.ingest import dataset_for_file
from lakehouse.cli.main import app
from lakehouse.config import IngestSettings
from lakehouse.errors import InvalidInput, LimitExceeded, MalformedFile
from lakehouse.ingest.readers import open_source

CSV = b"id,name,email\n1,Ann Lee,ann@example.com\n2,Bob Stone,bob@example.org\n"


def _zstd(data: bytes) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.CompressedOutputStream(sink, "zstd") as out:
        out.write(data)
    return bytes(sink.getvalue())


CODECS = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress, "zst": _zstd}


def _read(path: Path, **kw: Any) -> tuple[str, pa.Table]:
    with open_source(path, limits=kw.pop("limits", IngestSettings()), **kw) as reader:
        return reader.format, pa.Table.from_batches(list(reader.batches()))


@pytest.mark.parametrize("suffix", sorted(CODECS))
def test_each_codec_reads_as_the_file_inside(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"people.csv.{suffix}"
    path.write_bytes(CODECS[suffix](CSV))
    fmt, table = _read(path)
    assert fmt == "csv" and table.column_names == ["id", "name", "email"]
    assert table.column("email").to_pylist() == ["ann@example.com", "bob@example.org"]


def test_the_format_is_told_from_the_inner_name_then_the_content(tmp_path: Path) -> None:
    tsv = tmp_path / "people.tsv.gz"
    tsv.write_bytes(gzip.compress(CSV.replace(b",", b"\t")))
    assert _read(tsv)[0] == "tsv"
    unnamed = tmp_path / "download"  # no extension at all: gzip by its bytes, JSON lines by its content
    unnamed.write_bytes(gzip.compress(b'{"a": 1}\n{"a": 2}\n'))
    fmt, table = _read(unnamed)
    assert fmt == "jsonl" and table.column("a").to_pylist() == [1, 2]


def test_a_damaged_archive_is_a_clear_422(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(gzip.compress(CSV * 1000)[:40])
    with pytest.raises(MalformedFile) as caught:
        _read(path)
    assert "cut.csv.gz" in caught.value.message and caught.value.http_status == 422
    assert "complete" in (caught.value.hint or "")


def test_what_an_archive_expands_to_is_bounded_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "bomb.csv.gz"
    path.write_bytes(gzip.compress(b"a\n" + b"1\n" * 5_000_000))  # 10 MB from about 10 kB
    before = set(Path(tempfile.gettempdir()).glob("lakehouse-decompressed-*"))
    with pytest.raises(LimitExceeded) as caught:
        _read(path, limits=IngestSettings(max_upload_bytes=1_000_000))
    assert "ingest.max_upload_bytes" in (caught.value.hint or "")
    readable = tmp_path / "ok.csv.gz"
    readable.write_bytes(gzip.compress(CSV))
    assert _read(readable)[1].num_rows == 2  # its temp file goes when the reader closes
    assert set(Path(tempfile.gettempdir()).glob("lakehouse-decompressed-*")) == before


@pytest.mark.parametrize("path, dataset", [("Sales 2024.csv.gz", "sales_2024"), ("/data/MyData.parquet", "my_data"),
                                           ("crm-contacts.jsonl", "crm_contacts"), ("people.v2.csv", "people"),
                                           ("2024 sales.csv", "c_2024_sales")])
def test_the_cli_names_the_dataset_after_the_file_as_the_drop_folder_does(path: str, dataset: str) -> None:
    assert dataset_for_file(path) == dataset


def test_a_file_name_with_nothing_to_name_a_dataset_after_asks_for_one() -> None:
    with pytest.raises(InvalidInput) as caught:
        dataset_for_file("файл.csv")
    assert "--dataset" in (caught.value.hint or "")


def test_ingest_file_without_a_dataset_uses_the_file_name(tmp_path: Path) -> None:
    source = tmp_path / "Team Members.csv.gz"
    source.write_bytes(gzip.compress(CSV))
    data = str(tmp_path / "data")
    result = CliRunner().invoke(app, ["--data-dir", data, "ingest", "file", str(source)])
    assert result.exit_code == 0, result.output
    counted = CliRunner().invoke(app, ["--data-dir", data, "--format", "json", "sql",
                                       "SELECT count(*) AS n FROM team_members"])
    assert '"n": 2' in counted.stdout
