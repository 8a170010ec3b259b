from __future__ import annotations

import json

from lakehouse.agents.watcher import DropFolderWatcher
from lakehouse.app import Lakehouse


def make(make_settings, **watch):  # type: ignore[no-untyped-def]
    settings = make_settings(ingest={"watch": {"enabled": True, **watch}})
    lh = Lakehouse(settings)
    watcher = DropFolderWatcher(lh.settings, lh.ingest, lh.catalog)
    watcher.folder.mkdir(parents=True, exist_ok=True)
    return lh, watcher


def test_each_file_is_ingested_once_and_moved_with_a_report(make_settings) -> None:  # type: ignore[no-untyped-def]
    lh, watcher = make(make_settings)
    try:
        events = []
        lh.bus.subscribe("dataset.*", lambda e: events.append(e.type))
        (watcher.folder / "Sales Report.csv").write_text("id,amount\n1,9.5\n2,3.25\n")
        [report] = watcher.scan_once()
        assert report["status"] == "ingested" and report["dataset"] == "sales_report"
        assert (watcher.done / "Sales Report.csv").exists()
        saved = json.loads((watcher.done / "Sales Report.csv.report.json").read_text())
        assert saved["result"]["rows"] == 2
        assert events == ["dataset.created"]
        (watcher.folder / "copy.csv").write_text("id,amount\n1,9.5\n2,3.25\n")
        # same bytes under another name: the content hash says it was ingested already
        (watcher.folder / "Sales Report.csv").write_text("id,amount\n1,9.5\n2,3.25\n")
        reports = {r["file"]: r for r in watcher.scan_once()}
        assert reports["Sales Report.csv"]["status"] == "duplicate"
        assert reports["copy.csv"]["status"] == "duplicate"
        assert lh.get_dataset("sales_report").row_count == 2
    finally:
        lh.close()


def test_rules_and_failures(make_settings) -> None:  # type: ignore[no-untyped-def]
    lh, watcher = make(make_settings, rules=[{"pattern": "orders_*.csv", "dataset": "orders", "mode": "append"}])
    try:
        (watcher.folder / "orders_jan.csv").write_text("id\n1\n")
        (watcher.folder / "orders_feb.csv").write_text("id\n2\n")
        (watcher.folder / "broken.csv").write_text("a,b\n1,2\n3,4,5\n")
        (watcher.folder / "half.csv.part").write_text("a\n")
        reports = {r["file"]: r for r in watcher.scan_once()}
        assert set(reports) == {"orders_jan.csv", "orders_feb.csv", "broken.csv"}
        assert lh.get_dataset("orders").row_count == 2
        assert reports["broken.csv"]["status"] == "failed"
        assert (watcher.failed / "broken.csv").exists()
        assert "line 3" in json.loads((watcher.failed / "broken.csv.report.json").read_text())["error"]["message"]
        assert (watcher.folder / "half.csv.part").exists()
    finally:
        lh.close()
