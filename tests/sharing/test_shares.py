"""Shares and recipients in the catalog (SQLite and PostgreSQL), through the library, the remote client and the
CLI; and the recipient side in process (the protocol's answers without a server)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from lakehouse.app import Lakehouse
from lakehouse.cli.main import app as cli
from lakehouse.errors import Conflict, HistoryNotShared, InvalidInput, NotFound, RecipientUnauthorized
from lakehouse.wire import QueryTableRequest
from tests.sharing.conftest import PEOPLE, VIEW


@pytest.fixture
def catalog_lakehouse(catalog_url: str, make_settings) -> Lakehouse:  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(catalog={"url": catalog_url}, query={"workers": 1},
                                 sharing={"endpoint": "https://data.example.org/delta-sharing/"}))
    yield lh
    lh.close()


def test_share_and_recipient_lifecycle_on_both_catalogs(catalog_lakehouse: Lakehouse) -> None:
    lh = catalog_lakehouse
    lh.write_table("people", PEOPLE)
    lh.create_view(VIEW)
    share = lh.create_share("s", ["people_safe", "people"], comment="two")
    assert [(o["name"], o["kind"]) for o in share["objects"]] == [("people", "dataset"), ("people_safe", "view")]
    with pytest.raises(Conflict):
        lh.create_share("s", ["people"])
    with pytest.raises(InvalidInput):
        lh.create_share("t", ["people", "people"])
    profile = lh.create_recipient("acme", ["s"], expires_in_days=7)
    assert set(profile) == {"shareCredentialsVersion", "endpoint", "bearerToken", "expirationTime"}
    assert profile["endpoint"] == "https://data.example.org/delta-sharing"
    with pytest.raises(Conflict):
        lh.create_recipient("acme", ["s"])
    with pytest.raises(NotFound):
        lh.create_recipient("other", ["missing"])
    token = profile["bearerToken"]
    ds = lh.delta_sharing
    assert ds.list_shares(token)["items"] == [{"name": "s", "id": share["id"]}]
    tables = ds.list_tables(token, "S", "DEFAULT")["items"]  # names are case-insensitive
    assert [t["name"] for t in tables] == ["people", "people_safe"]
    first = ds.list_tables(token, "s", None, max_results=1)
    assert len(first["items"]) == 1 and first["nextPageToken"]
    rest = ds.list_tables(token, "s", None, max_results=1, page_token=first["nextPageToken"])
    assert [t["name"] for t in rest["items"]] == ["people_safe"] and "nextPageToken" not in rest
    answer = ds.query(token, "s", "default", "people_safe", QueryTableRequest())
    lines = [json.loads(line) for line in answer.body.splitlines()]
    assert answer.version == 0 and answer.format == "parquet" and len(lines) >= 3
    assert all(f["file"]["url"].startswith("https://data.example.org/delta-sharing/files/") for f in lines[2:])
    with pytest.raises(HistoryNotShared):
        ds.query(token, "s", "default", "people_safe", QueryTableRequest(version=3))
    listed = lh.list_recipients()
    assert [(r["name"], r["shares"], r["active"]) for r in listed] == [("acme", ["s"], True)]
    assert token not in json.dumps(listed)
    lh.revoke_recipient("acme")
    with pytest.raises(RecipientUnauthorized):
        ds.list_shares(token)
    assert lh.delete_share("s")["name"] == "s" and lh.list_shares() == []


def test_remote_client_mirrors_the_library(remote_pair) -> None:  # type: ignore[no-untyped-def]
    lh, remote = remote_pair
    lh.write_table("people", PEOPLE)
    remote.create_share("s", ["people"])
    assert [s["name"] for s in remote.list_shares()] == ["s"]
    assert remote.get_share("s")["objects"][0]["kind"] == "dataset"
    profile = remote.create_recipient("r", ["s"], expires_in_days=1.5)
    assert profile["bearerToken"].startswith("lhs_")
    assert remote.list_recipients()[0]["name"] == "r"
    assert remote.revoke_recipient("r")["active"] is False
    with pytest.raises(NotFound):
        remote.get_share("nope")
    assert remote.delete_share("s")["name"] == "s"


@pytest.fixture
def remote_pair(lakehouse):  # type: ignore[no-untyped-def]
    from lakehouse.client import RemoteLakehouse
    from tests.live_server import serving

    with serving(lakehouse) as url:
        remote = RemoteLakehouse(url)
        yield lakehouse, remote
        remote.close()


def test_cli_shares_and_recipients(tmp_path: Path) -> None:
    runner = CliRunner()
    data = tmp_path / "data"

    def run(*args: str):  # type: ignore[no-untyped-def]
        result = runner.invoke(cli, ["--data-dir", str(data), *args])
        assert result.exit_code == 0, result.output
        return result

    csv = tmp_path / "p.csv"
    csv.write_text("id,email\n1,a@example.org\n")
    run("ingest", "file", str(csv), "--dataset", "people")
    run("shares", "create", "s", "people", "--comment", "raw")
    assert json.loads(run("--format", "json", "shares", "list").stdout)[0]["objects"] == "people (dataset)"
    assert json.loads(run("--format", "json", "shares", "show", "s").stdout)["name"] == "s"
    printed = json.loads(run("shares", "recipients", "add", "acme", "--share", "s").stdout)
    assert printed["bearerToken"].startswith("lhs_")
    out = tmp_path / "bob.share"
    run("shares", "recipients", "add", "bob", "--share", "s", "--expires-in-days", "2", "-o", str(out))
    assert json.loads(out.read_text())["expirationTime"] and os.stat(out).st_mode & 0o777 == 0o600
    listed = json.loads(run("--format", "json", "shares", "recipients", "list").stdout)
    assert [r["name"] for r in listed] == ["acme", "bob"] and "bearerToken" not in json.dumps(listed)
    run("shares", "recipients", "revoke", "acme")
    run("shares", "delete", "s")
    assert json.loads(run("--format", "json", "shares", "list").stdout) == []


def test_empty_and_appended_views_share_cleanly(lakehouse) -> None:  # type: ignore[no-untyped-def]
    lh = lakehouse
    lh.write_table("people", PEOPLE)
    lh.create_view({**VIEW, "name": "nobody", "row_filter": "age > 1000"})
    lh.create_share("s", ["nobody"])
    token = lh.create_recipient("r", ["s"])["bearerToken"]
    empty = lh.delta_sharing.query(token, "s", "default", "nobody", {"limitHint": 0})
    assert len(empty.body.splitlines()) == 2  # protocol and metaData, no file
    lh.write_table("people", pa.table({"id": pa.array([99], pa.int64()), "email": ["x@y.org"],
                                       "age": pa.array([2000], pa.int64())}))
    assert lh.delta_sharing.table_version(token, "s", "default", "nobody") == 1
    assert lh.delta_sharing.query(token, "s", "default", "nobody").body.count(b'"file"') >= 1
