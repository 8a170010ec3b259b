"""Tombstone-free copies of data files: used when present, never needed for correctness."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from lakehouse.app import Lakehouse
from lakehouse.governance.clean_copies import CleanCopies
from lakehouse.storage.uris import data_file_name
from tests.governance.conftest import open_lakehouse, principal

READS = ["SELECT count(*) AS n, sum(id) AS s FROM t", "SELECT id FROM t ORDER BY id",
         "SELECT v, count(*) AS n FROM t GROUP BY v ORDER BY v", "SELECT id FROM tv ORDER BY id"]


def _answers(lh: Lakehouse, **kwargs: object) -> list[list[dict[str, object]]]:
    return [lh.sql(sql, **kwargs).table.to_pylist() for sql in READS]  # type: ignore[arg-type]


def _expected(ids: list[int], erased: set[int]) -> list[list[dict[str, object]]]:
    kept = sorted(i for i in ids if i not in erased)
    groups: dict[str, int] = {}
    for i in kept:
        groups[f"g{i % 3}"] = groups.get(f"g{i % 3}", 0) + 1
    return [[{"n": len(kept), "s": sum(kept)}], [{"id": i} for i in kept],
            [{"v": v, "n": n} for v, n in sorted(groups.items())], [{"id": i} for i in kept]]


def _part(ids: range) -> pa.Table:
    return pa.table({"id": pa.array(ids, pa.int64()), "v": [f"g{i % 3}" for i in ids]})


def _manifest(lh: Lakehouse, dataset: str) -> tuple[Path, dict[str, str]]:
    generation = lh.governance.tombstones.relation(dataset)
    assert generation is not None
    folder = lh.governance.clean_copies.folder(dataset, generation)
    return folder, json.loads((folder / "manifest.json").read_text())


def test_copies_replace_only_files_holding_keys_and_match_the_anti_join(gov: Lakehouse) -> None:
    gov.write_table("t", _part(range(0, 100)))
    gov.write_table("t", _part(range(100, 200)))
    gov.create_view({"name": "tv", "base_dataset": "t", "columns": ["id", "v"]})
    reader, _ = principal(gov, "r", "reader", dataset=["t"], view=["tv"])
    erased = {5, 17, 42}
    gov.tombstone("t", "id", sorted(erased), "test")
    folder, manifest = _manifest(gov, "t")
    assert sorted(bool(copy) for copy in manifest.values()) == [False, True]  # only the first file held keys
    copy = next(folder / c for c in manifest.values() if c)
    assert not set(pq.read_table(copy).column("id").to_pylist()) & erased
    expected = _expected(list(range(200)), erased)
    for who in (None, reader):
        assert _answers(gov, actor=who) == expected
    assert gov.sql("SELECT count(*) AS n FROM __raw__t").table.to_pylist() == [{"n": 200}]

    shutil.rmtree(folder)  # no copies at all: every file is anti-joined, same answers
    assert _answers(gov) == expected
    assert _answers(gov, as_of={"t": 0}) == _expected(list(range(100)), erased)  # history: first file only


def test_rewritten_files_are_checked_again(gov: Lakehouse) -> None:
    gov.write_table("t", _part(range(0, 50)))
    gov.write_table("t", _part(range(50, 100)))
    gov.create_view({"name": "tv", "base_dataset": "t", "columns": ["id", "v"]})
    gov.tombstone("t", "id", [3, 77], "test")
    gov.optimize_dataset("t", vacuum=False)  # compaction writes one new file that holds both keys again
    files = gov.sql("SELECT count(*) AS n FROM __raw__t").table.to_pylist()
    assert files == [{"n": 100}]
    _, manifest = _manifest(gov, "t")
    assert len(manifest) == 3 and sum(bool(c) for c in manifest.values()) == 3
    assert _answers(gov) == _expected(list(range(100)), {3, 77})


def test_restore_and_purge_replace_the_generation_and_its_copies(gov: Lakehouse) -> None:
    gov.write_table("t", _part(range(0, 30)))
    gov.create_view({"name": "tv", "base_dataset": "t", "columns": ["id", "v"]})
    ids = gov.tombstone("t", "id", [1, 2], "test")["ids"]
    first, _ = _manifest(gov, "t")
    gov.restore_tombstone("t", ids[0])
    assert _answers(gov) == _expected(list(range(30)), {2})
    second, _ = _manifest(gov, "t")
    assert second != first
    gov.tombstone("t", "id", [9], "test")
    assert first.exists()  # superseded twice within seconds: kept for queries planned against it
    gov.governance.tombstones._retain_ns = 0  # as if the retention (2x the query time limit) had passed
    gov.tombstone("t", "id", [10], "test")
    assert not first.exists()  # now it goes, with its copies
    gov.purge("t")
    assert gov.governance.tombstones.relation("t") is None
    assert not second.exists() and not list(second.parent.glob("*"))
    assert _answers(gov) == _expected(list(range(30)), {2, 9, 10})


def test_files_not_on_local_disk_get_no_copies(tmp_path: Path) -> None:
    copies = CleanCopies(tmp_path)
    assert copies.refresh("t", str(tmp_path / "gen"), "id", "s3://bucket/t", 0) == 0
    assert data_file_name("s3://bucket/t/part-1.parquet") == "part-1.parquet"


def test_a_dataset_without_copies_gets_them_when_the_server_starts(tmp_path: Path) -> None:
    from lakehouse.app.recovery import deep_check

    lh = open_lakehouse(tmp_path / "data")
    try:
        lh.write_table("t", _part(range(0, 40)))
        lh.tombstone("t", "id", [4], "test")
        folder, _ = _manifest(lh, "t")
    finally:
        lh.close()
    shutil.rmtree(folder)  # as a dataset tombstoned by a release without copies
    lh = open_lakehouse(tmp_path / "data")
    try:
        assert lh.sql("SELECT count(*) AS n FROM t").table.to_pylist() == [{"n": 39}]  # anti-joined meanwhile
        deep_check(lh)  # what `lakehouse serve` runs before it listens
        again, manifest = _manifest(lh, "t")
        assert again == folder and sum(bool(c) for c in manifest.values()) == 1
        assert lh.sql("SELECT count(*) AS n FROM t").table.to_pylist() == [{"n": 39}]
    finally:
        lh.close()


def test_string_keys_of_every_layout_purge_and_get_copies_without_warnings(gov: Lakehouse, caplog) -> None:  # type: ignore[no-untyped-def]
    import logging

    import pyarrow.compute as pc

    from lakehouse.storage.arrays import is_in

    for key_type in (pa.string(), pa.large_string(), pa.string_view()):
        values = pa.array(["a", "b", "c", None], key_type)
        assert is_in(values, pa.array(["b", "zz"])).to_pylist() == [False, True, False, False]
        assert pc.sum(is_in(pa.chunked_array([values]), pa.array(["c"], key_type))).as_py() == 1
    gov.write_table("s", pa.table({"user": [f"u{i}" for i in range(50)], "n": list(range(50))}))
    gov.tombstone("s", "user", ["u3", "u7", "nobody"], "request")
    caplog.set_level(logging.WARNING)
    assert gov.purge("s").status == "succeeded"
    gov.write_table("s", pa.table({"user": ["u60"], "n": [60]}))  # files rewritten by purge get checked again
    gov.tombstone("s", "user", ["u8"], "request")
    gov.governance.refresh_clean_copies("s")
    assert "no tombstone-free copy" not in caplog.text
    assert gov.sql("SELECT count(*) AS n FROM s").table.to_pylist() == [{"n": 48}]
    _, manifest = _manifest(gov, "s")
    assert manifest and any(manifest.values())
