"""Many-file ingest on a real two-node Ray cluster: one task per file, one Delta commit, all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

import deltalake
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from tests.compute.conftest import on_ray


def write_files(folder: Path, count: int, rows: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"people_{k}.csv"
        lines = ["id,name,email,joined,score"]
        for i in range(rows):
            n = k * rows + i
            lines.append(f"{n},Person {n},person{n}@example.com,2024-0{1 + n % 9}-1{n % 10},{n * 0.5}")
        path.write_text("\n".join(lines) + "\n")
        paths.append(path)
    return paths


def table_files(lh, dataset: str) -> list[str]:  # type: ignore[no-untyped-def]
    root = lh.settings.primary_root / "tables" / dataset
    return sorted(p for p in os.listdir(root) if p.endswith(".parquet"))


def test_many_files_on_ray_commit_once_with_every_row(ray_cluster, make_lakehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = write_files(tmp_path / "in", 4, 60)
    local = make_lakehouse("local")
    ray = make_lakehouse("ray", compute=on_ray(ray_cluster))
    ray.ingest_files(paths[:1], "people")  # version 0
    job = ray.ingest_files(paths, "people")
    assert job.status == "succeeded", job.error
    assert job.result["engine"] == "ray" and job.result["rows"] == 240 and len(job.result["files"]) == 4
    assert [f["rows"] for f in job.result["files"]] == [60] * 4
    manifest = ray.get_dataset("people")
    assert (manifest.version, manifest.row_count) == (1, 300)  # one commit for the four files
    uri = str(ray.settings.primary_root / "tables" / "people")
    history = deltalake.DeltaTable(uri).history()
    assert len(history) == 2 and len(deltalake.DeltaTable(uri).file_uris()) == 5
    assert [c.pii_kind for c in manifest.columns if c.name == "email"] == ["PII"]
    # the same files through the local engine: the same rows, read back by a second engine (pyarrow)
    local.ingest_files(paths[:1], "people")
    local.ingest_files(paths, "people")
    expected = deltalake.DeltaTable(str(local.settings.primary_root / "tables" / "people")).to_pyarrow_table()
    got = deltalake.DeltaTable(uri).to_pyarrow_table()
    assert got.schema.equals(expected.schema)
    assert got.sort_by("id").equals(expected.sort_by("id"))
    assert pc.sum(got.column("id")).as_py() == sum(range(240)) + sum(range(60))
    # the workers' file statistics prune correctly: filtered SQL agrees with pyarrow on the raw table
    for where, mask in [("id BETWEEN 100 AND 130", lambda t: pc.and_(pc.greater_equal(t["id"], 100),
                                                                       pc.less_equal(t["id"], 130))),
                        ("name = 'Person 7'", lambda t: pc.equal(t["name"], "Person 7")),
                        ("joined < DATE '2024-02-01'", lambda t: pc.less(t["joined"], pa.scalar(
                            __import__("datetime").date(2024, 2, 1))))]:
        count = ray.sql(f"SELECT count(*) AS n FROM people WHERE {where}").table.column("n")[0].as_py()
        assert count == pc.sum(mask(expected).cast(pa.int64())).as_py(), where


def test_a_file_that_fails_in_one_task_fails_the_job_and_commits_nothing(ray_cluster, make_lakehouse,
                                                                         tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = write_files(tmp_path / "in", 3, 40)
    bad = tmp_path / "in" / "late_bad.csv"  # the header and first rows parse; a value far down does not
    bad.write_text("id,name,email,joined,score\n" + "".join(
        f"{i},P{i},p{i}@example.com,2024-01-01,1.5\n" for i in range(60_000)) + "oops,P,p@example.com,2024-01-01,1\n")
    lh = make_lakehouse("ray", compute=on_ray(ray_cluster))
    lh.ingest_files(paths[:1], "people")
    before = table_files(lh, "people")
    job = lh.ingest_files([paths[1], bad, paths[2]], "people", wait=True)
    assert job.status == "failed"
    assert job.error["code"] == "malformed_file" and str(bad) in job.error["message"]
    assert "line 60002" in job.error["message"]
    manifest = lh.get_dataset("people")
    assert (manifest.version, manifest.row_count) == (0, 40)
    assert table_files(lh, "people") == before  # the good tasks' part files were swept
    assert len(deltalake.DeltaTable(str(lh.settings.primary_root / "tables" / "people")).history()) == 1
    assert not lh.catalog.pending_intents()


def test_tombstoned_keys_are_dropped_on_the_workers(ray_cluster, make_lakehouse, tmp_path) -> None:  # type: ignore[no-untyped-def]
    paths = write_files(tmp_path / "in", 2, 30)
    lh = make_lakehouse("ray", compute=on_ray(ray_cluster))
    lh.ingest_files(paths[:1], "people")
    lh.tombstone("people", "id", [3, 45], reason="erasure request")
    job = lh.ingest_files(paths, "people")
    assert job.status == "succeeded", job.error
    assert job.result["rows_filtered"] == 2 and job.result["rows"] == 58
    raw = deltalake.DeltaTable(str(lh.settings.primary_root / "tables" / "people")).to_pyarrow_table()
    assert pc.sum(pc.is_in(raw.column("id"), pa.array([3, 45]))).as_py() == 1  # only the first ingest's row 3


@pytest.mark.parametrize("mode", ["overwrite"])
def test_overwrite_with_new_columns_on_ray(ray_cluster, make_lakehouse, tmp_path, mode) -> None:  # type: ignore[no-untyped-def]
    paths = write_files(tmp_path / "in", 2, 10)
    extra = tmp_path / "in" / "extra.csv"
    extra.write_text("id,name,team\n1000,Zed,blue\n")
    lh = make_lakehouse("ray", compute=on_ray(ray_cluster))
    lh.ingest_files(paths[:1], "people")
    job = lh.ingest_files([paths[1], extra], "people")  # append: adds column 'team'
    assert job.status == "succeeded", job.error
    rows = lh.sql("SELECT id, team FROM people WHERE id >= 10 ORDER BY id").table.to_pylist()
    assert len(rows) == 11 and rows[-1] == {"id": 1000, "team": "blue"} and rows[0]["team"] is None
    job = lh.ingest_files([extra], "people", mode=mode)
    assert lh.get_dataset("people").row_count == 1
    assert lh.sql("SELECT * FROM people").table.to_pylist() == [{"id": 1000, "name": "Zed", "team": "blue"}]
