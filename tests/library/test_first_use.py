"""What a new user is told (issue: first use): per-key tombstone counts, visible and erased rows, erasure
states, history notes, re-ingesting a file, name suggestions, one timestamp form. Each runs through
``Lakehouse`` and ``RemoteLakehouse`` (fixture ``lh``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from lakehouse.errors import InvalidName
from lakehouse.ingest.service import FileIngestOptions

Api = Any
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def packages() -> pa.Table:
    return pa.table({"name": ["ssh", "vim", "bash"], "maintainer": ["Ana <ana@x.io>", "Bo <bo@x.io>", "Cy <cy@x.io>"]})


def test_tombstones_report_rows_per_key_and_lists_show_visible_rows(lh: Api) -> None:
    lh.write_table("pkgs", packages())
    result = lh.tombstone("pkgs", "name", ["ssh", "doesnotexist"], reason="request")
    assert result["applied"] == 2 and result["rows_hidden"] == 1
    assert [(k["value"], k["rows_hidden"]) for k in result["keys"]] == [("ssh", 1), ("doesnotexist", 0)]
    assert "match no row" in result["hint"]
    manifest = next(m for m in lh.list_datasets() if m.name == "pkgs")
    assert (manifest.row_count, manifest.visible_rows, manifest.erased_rows) == (3, 2, 1)
    assert lh.sql("SELECT count(*) AS n FROM pkgs").table.to_pylist() == [{"n": manifest.visible_rows}]
    assert lh.get_dataset("pkgs").visible_rows == 2


def test_erasure_states_are_explicit(lh: Api) -> None:
    lh.write_table("pkgs", packages())
    lh.tombstone("pkgs", "name", ["ssh"], reason="request")
    assert [t["purged"] for t in lh.list_tombstones("pkgs")] == ["no"]
    certificate = lh.purge("pkgs").result
    # the default retention keeps the file the purge rewrote: the certificate says so, and until when
    assert certificate["status"] == "pending"
    assert ISO_Z.match(certificate["pending_until"]) and "purge_retention_hours" in certificate["pending_reason"]
    listed = lh.list_tombstones("pkgs")
    assert [(t["value"], t["purged"]) for t in listed] == [("ssh", "pending")]
    history = lh.history("pkgs")
    purge = history[0]
    assert purge.operation == "purge" and "1 row(s) removed" in (purge.note or "")
    assert f"Versions before {purge.version}" in (purge.note or "")
    if purge.version - history[1].version > 1:  # the purge first set the table's log retention
        assert f"Version {purge.version - 1} only set the table's log retention" in (purge.note or "")


def test_reingesting_the_same_file_warns_and_can_be_skipped(lh: Api, tmp_path: Path) -> None:
    csv = tmp_path / "pkgs.csv"
    csv.write_text("name,version\nssh,1\nvim,2\n")
    first = lh.ingest_file(csv, "pkgs")
    assert "warnings" not in first.result and len(first.result["content_sha256"]) == 64
    again = lh.ingest_file(csv, "pkgs")
    assert again.result["rows"] == 2 and "already ingested into 'pkgs' at version 0" in again.result["warnings"][0]
    skipped = lh.ingest_file(csv, "pkgs", options=FileIngestOptions(skip_if_seen=True))
    assert skipped.result["skipped"] is True and skipped.result["rows"] == 0
    assert lh.sql("SELECT count(*) AS n FROM pkgs").table.to_pylist() == [{"n": 4}]
    lh.ingest_file(csv, "pkgs", mode="overwrite")  # after an overwrite, the earlier appends no longer count
    assert lh.ingest_file(csv, "pkgs", options=FileIngestOptions(skip_if_seen=True)).result["skipped"] is True
    other = tmp_path / "other.csv"
    other.write_text("name,version\nbash,3\n")
    assert "skipped" not in lh.ingest_file(other, "pkgs", options=FileIngestOptions(skip_if_seen=True)).result


def test_an_invalid_dataset_name_suggests_the_normalised_one(lh: Api) -> None:
    with pytest.raises(InvalidName) as refused:
        lh.write_table("MyData", packages())
    assert "'my_data'" in (refused.value.hint or "")


def test_timestamps_have_one_form(lh: Api) -> None:
    lh.write_table("pkgs", packages())
    lh.tombstone("pkgs", "name", ["ssh"])
    manifest = lh.get_dataset("pkgs").model_dump(mode="json")
    stamps = [manifest["created_at"], manifest["freshness"]["last_updated"], manifest["lineage"][0]["at"],
              lh.history("pkgs")[0].model_dump(mode="json")["at"], lh.list_tombstones("pkgs")[0]["created_at"]]
    assert all(ISO_Z.match(s) for s in stamps), stamps
