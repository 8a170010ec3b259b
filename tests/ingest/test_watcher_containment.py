"""The drop folder: links dropped there are refused (never followed), and the folder cannot sit over
the data directory or a bucket."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lakehouse.agents.watcher import DropFolderWatcher
from lakehouse.app import Lakehouse
from lakehouse.errors import InvalidInput, NotFound


def test_a_symlink_dropped_in_is_refused_and_its_target_left_alone(make_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(ingest={"watch": {"enabled": True}}))
    try:
        watcher = DropFolderWatcher(lh.settings, lh.ingest, lh.catalog)
        watcher.folder.mkdir(parents=True, exist_ok=True)
        secret = tmp_path / "private.csv"
        secret.write_text("card,pin\n4111111111111111,1234\n")
        os.symlink(secret, watcher.folder / "report.csv")
        os.symlink(lh.settings.data_dir / "catalog.db", watcher.folder / "catalog.csv")
        (watcher.folder / "fine.csv").write_text("id\n1\n")
        reports = {r["file"]: r for r in watcher.scan_once()}
        assert reports["fine.csv"]["status"] == "ingested"
        for name in ("report.csv", "catalog.csv"):
            assert reports[name]["status"] == "failed", reports[name]
            assert "symbolic link" in reports[name]["error"]["message"]
            assert (watcher.failed / name).is_symlink()
            saved = json.loads((watcher.failed / f"{name}.report.json").read_text())
            assert saved["status"] == "failed" and "sha256" not in saved
        assert secret.read_text().startswith("card,pin")
        for dataset in ("report", "catalog"):
            with pytest.raises(NotFound):
                lh.get_dataset(dataset)
    finally:
        lh.close()


@pytest.mark.parametrize("where", ["data_dir", "parent", "primary", "inside_primary", "user_bucket"])
def test_the_drop_folder_may_not_overlap_the_data_dir_or_a_bucket(make_settings, where: str) -> None:  # type: ignore[no-untyped-def]
    base = make_settings()
    with Lakehouse(base) as lh:
        lh.add_bucket({"name": "archive", "backend": "local", "root": str(base.data_dir / "archive")})
    folder = {"data_dir": base.data_dir, "parent": base.data_dir.parent, "primary": base.primary_root,
              "inside_primary": base.primary_root / "tables", "user_bucket": base.data_dir / "archive" / "in"}[where]
    settings = make_settings(ingest={"watch": {"enabled": True, "path": str(folder)}})
    with Lakehouse(settings) as lh, pytest.raises(InvalidInput, match=r"ingest\.watch\.path"):
        DropFolderWatcher(lh.settings, lh.ingest, lh.catalog)
