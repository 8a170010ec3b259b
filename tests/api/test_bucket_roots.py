"""The /etc bucket of issue 12 over HTTP, in auth.mode = "local" (every loopback caller is admin)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lakehouse.api.app import create_app
from lakehouse.app import Lakehouse
from tests.api.conftest import assert_error


@pytest.fixture
def local_client(make_settings):  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(auth={"mode": "local"}, query={"workers": 1}))
    with TestClient(create_app(lh), raise_server_exceptions=False) as client:
        yield lh, client
    lh.close()


def test_a_bucket_at_etc_is_403_and_passwd_never_reaches_sql(local_client) -> None:  # type: ignore[no-untyped-def]
    lh, client = local_client
    response = client.post("/storage/buckets", json={"name": "etc", "backend": "local", "root": "/etc"})
    error = assert_error(response, 403, "path_not_allowed", "/etc")
    assert "storage.allowed_roots" in error["hint"]
    assert "etc" not in [b["name"] for b in client.get("/storage/buckets").json()["items"]]
    ingest = client.post("/ingest/file?wait=true", json={"bucket": "etc", "path": "passwd", "dataset": "pw"})
    assert_error(ingest, 404)
    assert_error(client.post("/query/sql", json={"sql": "SELECT * FROM pw"}), 400)


def test_a_symlinked_root_is_judged_by_its_target(local_client) -> None:  # type: ignore[no-untyped-def]
    lh, client = local_client
    link = lh.settings.data_dir / "innocent"
    os.symlink("/etc", link)
    response = client.post("/storage/buckets", json={"name": "innocent", "backend": "local", "root": str(link)})
    assert_error(response, 403, "path_not_allowed")


def test_an_allowed_root_works_and_links_inside_it_do_not_lead_out(make_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lake = tmp_path / "lake"
    lake.mkdir()
    (tmp_path / "private.csv").write_text("secret\nhunter2\n")
    settings = make_settings(storage={"allowed_roots": [str(lake)]})
    with Lakehouse(settings) as lh, TestClient(create_app(lh), raise_server_exceptions=False) as client:
        added = client.post("/storage/buckets", json={"name": "drop", "backend": "local", "root": str(lake / "d")})
        assert added.status_code == 201, added.text
        (lake / "d" / "ok.csv").write_text("id\n1\n")
        os.symlink(tmp_path / "private.csv", lake / "d" / "leak.csv")
        ok = client.post("/ingest/file?wait=true", json={"bucket": "drop", "path": "ok.csv", "dataset": "ok"})
        assert ok.status_code == 200, ok.text
        leak = client.post("/ingest/file?wait=true", json={"bucket": "drop", "path": "leak.csv", "dataset": "lk"})
        assert_error(leak, 403, "forbidden", "outside bucket 'drop'")
        assert "hunter2" not in leak.text
        assert_error(client.get("/catalog/datasets/by-name/lk"), 404)


def test_a_bucket_from_before_the_rule_keeps_its_data_but_serves_no_file(make_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pyarrow as pa

    legacy = tmp_path / "legacy"
    with Lakehouse(make_settings(storage={"allowed_roots": [str(tmp_path)]})) as lh:  # as an older release allowed
        lh.add_bucket({"name": "legacy", "backend": "local", "root": str(legacy)})
        lh.write_table("kept", pa.table({"a": [1, 2]}), bucket="legacy")
    (legacy / "passwd").write_text("user\nroot\n")
    settings = make_settings(query={"workers": 1})
    with Lakehouse(settings) as lh, TestClient(create_app(lh), raise_server_exceptions=False) as client:
        rows = client.post("/query/sql", json={"sql": "SELECT count(*) AS n FROM kept"})
        assert rows.status_code == 200 and rows.json()["rows"] == [[2]], rows.text
        ingest = client.post("/ingest/file?wait=true", json={"bucket": "legacy", "path": "passwd",
                                                              "dataset": "pw"})
        error = assert_error(ingest, 403, "path_not_allowed")
        assert "storage.allowed_roots" in error["hint"]
        assert "legacy" in [b["name"] for b in client.get("/storage/buckets").json()["items"]]
