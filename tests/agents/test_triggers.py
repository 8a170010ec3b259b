"""Every ingest path queues the indexes on the dataset it wrote for the agent (the drop folder never did),
in whichever process ingested: the queue is in the catalog, where the leader reads it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lakehouse.agents.watcher import DropFolderWatcher
from lakehouse.app import Lakehouse
from tests.agents.conftest import people, queued_reason, text_index

CSV = "id,bio\n10,person 10 likes chess\n11,person 11 likes hiking\n"


@pytest.fixture
def indexed(agent_lh: Lakehouse) -> Lakehouse:
    agent_lh.write_table("people", people())
    text_index(agent_lh)
    assert queued_reason(agent_lh, "bios") is None
    return agent_lh


def test_write_table(indexed: Lakehouse) -> None:
    indexed.write_table("people", people(20))
    assert "dataset.appended" in (queued_reason(indexed, "bios") or "")


def test_an_overwrite(indexed: Lakehouse) -> None:
    indexed.write_table("people", people(30), mode="overwrite")
    assert "dataset.overwritten" in (queued_reason(indexed, "bios") or "")


def test_a_local_file(indexed: Lakehouse, tmp_path: Path) -> None:
    (tmp_path / "more.csv").write_text(CSV)
    indexed.ingest_file(tmp_path / "more.csv", "people")
    assert "dataset.appended" in (queued_reason(indexed, "bios") or "")


def test_a_bucket_path(indexed: Lakehouse) -> None:
    indexed.buckets.get("primary").write_bytes("drops/more.csv", CSV.encode())
    assert indexed.ingest_file(None, "people", source_bucket="primary", source_path="drops/more.csv").status \
        == "succeeded"
    assert "dataset.appended" in (queued_reason(indexed, "bios") or "")


def test_an_http_upload(indexed: Lakehouse) -> None:
    from lakehouse.api.app import create_app

    client = TestClient(create_app(indexed))  # no lifespan: this server runs no agent, it only queues
    response = client.post("/ingest/file?wait=true", files={"file": ("more.csv", CSV.encode())},
                           data={"dataset": "people"})
    assert response.status_code == 200, response.text
    assert "dataset.appended" in (queued_reason(indexed, "bios") or "")


def test_the_drop_folder(indexed: Lakehouse) -> None:
    watcher = DropFolderWatcher(indexed.settings, indexed.ingest, indexed.catalog)
    watcher.folder.mkdir(parents=True, exist_ok=True)
    (watcher.folder / "people.csv").write_text(CSV)
    [report] = watcher.scan_once()
    assert report["status"] == "ingested" and report["dataset"] == "people"
    assert "dataset.appended" in (queued_reason(indexed, "bios") or "")


def test_the_cli_in_another_process(indexed: Lakehouse, tmp_path: Path) -> None:
    (tmp_path / "more.csv").write_text(CSV)
    env = {**os.environ, "LAKEHOUSE_AGENT__ENABLED": "true"}
    cli = str(Path(sys.executable).with_name("lakehouse"))
    proc = subprocess.run([cli, "--data-dir", str(indexed.settings.data_dir), "ingest", "file",
                           str(tmp_path / "more.csv"), "--dataset", "people"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "dataset.appended" in (queued_reason(indexed, "bios") or "")


@pytest.mark.postgres
def test_postgresql(agent_lh: Lakehouse, pg: Any) -> None:
    pg.execute("CREATE TABLE people (id bigint, bio text)", "INSERT INTO people VALUES (1, 'likes chess')")
    assert agent_lh.ingest_postgres(pg.dsn, "people", table=pg.table("people")).status == "succeeded"
    text_index(agent_lh)
    assert agent_lh.ingest_postgres(pg.dsn, "people", table=pg.table("people")).status == "succeeded"
    assert "dataset.appended" in (queued_reason(agent_lh, "bios") or "")


def test_mysql(agent_lh: Lakehouse, my: Any) -> None:
    my.execute("CREATE TABLE people (id bigint, bio text)", "INSERT INTO people VALUES (1, 'likes chess')")
    assert agent_lh.ingest_mysql(my.dsn, "people", table="people").status == "succeeded"
    text_index(agent_lh)
    assert agent_lh.ingest_mysql(my.dsn, "people", table="people").status == "succeeded"
    assert "dataset.appended" in (queued_reason(agent_lh, "bios") or "")


def test_nothing_is_queued_when_the_agent_is_off(make_settings: Any) -> None:
    from tests.agents.conftest import open_agent_lakehouse

    lh = open_agent_lakehouse(make_settings, enabled=False)
    try:
        lh.write_table("people", people())
        text_index(lh)
        lh.write_table("people", people(20))
        assert queued_reason(lh, "bios") is None
    finally:
        lh.close()
