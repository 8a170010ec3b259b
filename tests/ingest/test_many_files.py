"""ingest_files on the local engine: many files, one version, all rows or none; and the Delta statistics
the compute workers write for their part files, checked against delta-rs's own."""

from __future__ import annotations

import datetime
import json
import os

import deltalake
import pyarrow as pa
import pytest

from lakehouse.storage.file_stats import FileStats


def write(path, header: str, rows: list[str]) -> str:  # type: ignore[no-untyped-def]
    path.write_text(header + "\n" + "\n".join(rows) + "\n")
    return str(path)


def test_many_files_become_one_version_with_every_row(lakehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = write(tmp_path / "a.csv", "id,name", [f"{i},n{i}" for i in range(50)])
    b = write(tmp_path / "b.jsonl", "", [json.dumps({"id": 100 + i, "name": f"m{i}", "extra": i}) for i in range(5)])
    job = lakehouse.ingest_files([a, b], "t")
    assert job.status == "succeeded", job.error
    assert (job.result["engine"], job.result["rows"], job.result["version"]) == ("local", 55, 0)
    assert [f["rows"] for f in job.result["files"]] == [50, 5]
    assert [f["format"] for f in job.result["files"]] == ["csv", "jsonl"]
    table = deltalake.DeltaTable(str(lakehouse.settings.primary_root / "tables" / "t")).to_pyarrow_table()
    assert table.num_rows == 55 and table.column_names == ["id", "name", "extra"]
    assert table.filter(pa.compute.equal(table["id"], 3)).column("extra").to_pylist() == [None]
    lineage = lakehouse.get_dataset("t").lineage
    assert [f["source"] for f in lineage[0].details["files"]] == [a, b]


def test_a_bad_file_commits_nothing_and_is_named(lakehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    good = write(tmp_path / "good.csv", "id,name", [f"{i},n{i}" for i in range(10)])
    late = write(tmp_path / "late.csv", "id,name", [f"{i},name number {i} padded" for i in range(60_000)] + ["x,late"])
    lakehouse.ingest_files([good], "t")
    job = lakehouse.ingest_files([good, late], "t", wait=True)
    assert job.status == "failed" and job.error["code"] == "malformed_file" and late in job.error["message"]
    assert (lakehouse.get_dataset("t").version, lakehouse.get_dataset("t").row_count) == (0, 10)
    root = lakehouse.settings.primary_root / "tables" / "t"
    assert len([p for p in os.listdir(root) if p.endswith(".parquet")]) == 1
    with pytest.raises(Exception, match="conflict|is int64|cannot"):
        text = write(tmp_path / "text.csv", "id,name", ["abc,z"])
        lakehouse.ingest_files([good, text], "t")  # refused before the job: 'id' is text there


def test_upsert_and_uploads_are_refused(lakehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.errors import InvalidInput

    good = write(tmp_path / "good.csv", "id", ["1"])
    with pytest.raises(InvalidInput):
        lakehouse.ingest_files([good], "t", mode="upsert")
    with pytest.raises(InvalidInput):
        lakehouse.ingest_files([str(tmp_path / "missing.csv")], "t")


def test_file_stats_match_what_delta_rs_writes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    table = pa.table({
        "i": pa.array([5, 1, None, 9], pa.int32()), "s": ["b", "a" * 40, None, "c"],
        "d": pa.array([datetime.date(2024, 1, 2), None, datetime.date(2023, 5, 1), None]),
        "b": [True, False, None, True], "f": [1.0, float("nan"), 2.0, None],
        "long": ["x" * 100, "y", "z", None],
    })
    deltalake.write_deltalake(str(tmp_path / "t"), table)
    log = (tmp_path / "t" / "_delta_log" / "00000000000000000000.json").read_text().splitlines()
    theirs = json.loads(next(json.loads(line)["add"]["stats"] for line in log if '"add"' in line))
    stats = FileStats(table.schema)
    for batch in table.to_batches(max_chunksize=2):
        stats.add(batch)
    ours = json.loads(stats.to_json())
    assert ours["numRecords"] == theirs["numRecords"] == 4
    assert ours["nullCount"] == {k: v for k, v in theirs["nullCount"].items()}
    for kind in ("minValues", "maxValues"):
        for column in ("i", "s", "d", "b"):
            assert ours[kind][column] == theirs[kind][column], (kind, column)
        assert "f" not in ours[kind] and "long" not in ours[kind]  # no bound rather than a doubtful one
