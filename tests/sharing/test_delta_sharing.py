"""Delta Sharing against a real server (uvicorn on loopback) with the official ``delta-sharing`` Python client:
recipients read only what a view shows, lose access when revoked or expired, see nothing outside their shares,
and a purged key disappears from every shared snapshot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import delta_sharing
import fsspec
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
import requests
from delta_sharing.protocol import DeltaSharingProfile, Table
from delta_sharing.rest_client import DataSharingRestClient
from requests.exceptions import HTTPError
from sqlalchemy import update

from lakehouse.catalog.models_sharing import RecipientRow
from lakehouse.errors import Forbidden, NotFound
from lakehouse.types import utcnow
from tests.governance.conftest import principal
from tests.sharing.conftest import PEOPLE, Sharing


def expected_view(table: pa.Table) -> list[dict[str, Any]]:
    """The view's rows built independently of the code under test: age >= 40, email masked to 2 characters."""
    return [{"id": r["id"], "email": r["email"][:2] + "*" * (len(r["email"]) - 2), "age": r["age"]}
            for r in table.to_pylist() if r["age"] >= 40]


def rows(frame: Any) -> list[dict[str, Any]]:
    return sorted(frame.to_dict("records"), key=lambda r: r["id"])


def status_of(error: pytest.ExceptionInfo[HTTPError]) -> int:
    assert error.value.response is not None
    return int(error.value.response.status_code)


def file_urls(profile: Path, share: str, table: str) -> list[str]:
    client = DataSharingRestClient(DeltaSharingProfile.read_from_file(str(profile)))
    response = client.list_files_in_table(Table(name=table, share=share, schema="default"))
    return [f.url for f in response.add_files]


def arrow_read(urls: list[str]) -> pa.Table:
    """The Arrow reader: each file URL read by pyarrow over HTTP (what the client's reader does per file)."""
    http = fsspec.filesystem("http")
    return pa.concat_tables([pads.dataset(url, format="parquet", filesystem=http).to_table() for url in urls])


def test_the_official_client_lists_and_reads_a_shared_view_masked(sharing_server: Sharing, table_url) -> None:
    lh = sharing_server.lh
    lh.create_share("people_share", ["people_safe"], comment="masked")
    profile = sharing_server.profile("acme", ["people_share"])
    client = delta_sharing.SharingClient(str(profile))
    assert [s.name for s in client.list_shares()] == ["people_share"]
    share = client.list_shares()[0]
    assert [s.name for s in client.list_schemas(share)] == ["default"]
    assert [(t.share, t.schema, t.name) for t in client.list_all_tables()] == [
        ("people_share", "default", "people_safe")]
    url = table_url(profile, "people_share", "people_safe")
    want = expected_view(PEOPLE)
    assert rows(delta_sharing.load_as_pandas(url)) == want
    assert rows(delta_sharing.load_as_pandas(url, convert_in_batches=True)) == want  # Arrow batch reader
    arrow = arrow_read(file_urls(profile, "people_share", "people_safe"))
    assert sorted(arrow.to_pylist(), key=lambda r: r["id"]) == want
    raw = set(PEOPLE.column("email").to_pylist())
    assert not raw & set(arrow.column("email").to_pylist())
    assert delta_sharing.get_table_version(url) == 0
    assert len(delta_sharing.load_as_pandas(url, limit=2)) == 2
    metadata = delta_sharing.get_table_metadata(url, use_delta_format=False)
    assert [f["name"] for f in json.loads(metadata.schema_string)["fields"]] == ["id", "email", "age"]
    audited = lh.audit_events(limit=10_000)
    reads = [r for r in audited if r["action"] == "sharing.query" and r["actor"] == "recipient:acme"]
    assert reads and reads[0]["objects"] == ["people_share.default.people_safe"]
    assert any(r["action"] == "sharing.create_recipient" and r["actor"] == "local-admin" for r in audited)


def test_snapshots_follow_new_versions_and_tombstones(sharing_server: Sharing, table_url) -> None:
    lh = sharing_server.lh
    lh.create_share("s", ["people_safe"])
    url = table_url(sharing_server.profile("r", ["s"]), "s", "people_safe")
    assert len(delta_sharing.load_as_pandas(url)) == 5
    more = pa.table({"id": pa.array([9], pa.int64()), "email": ["late@example.org"], "age": pa.array([80], pa.int64())})
    lh.write_table("people", more)
    assert delta_sharing.get_table_version(url) == 1  # noticed without rebuilding
    assert rows(delta_sharing.load_as_pandas(url)) == expected_view(pa.concat_tables([PEOPLE, more]))
    assert delta_sharing.get_table_version(url) == 1
    lh.tombstone("people", "id", [9], "erasure request")
    assert 9 not in set(delta_sharing.load_as_pandas(url)["id"])
    assert delta_sharing.get_table_version(url) == 2


def test_a_purged_key_disappears_from_the_shared_snapshots(sharing_server: Sharing, table_url) -> None:
    lh = sharing_server.lh
    lh.create_share("s", ["people_safe", "people"])
    profile = sharing_server.profile("r", ["s"])
    view, raw = table_url(profile, "s", "people_safe"), table_url(profile, "s", "people")
    assert 5 in set(delta_sharing.load_as_pandas(view)["id"])
    lh.tombstone("people", "id", [5], "erasure request")
    assert 5 not in set(delta_sharing.load_as_pandas(view)["id"])
    assert 5 not in set(delta_sharing.load_as_pandas(raw)["id"])  # a tombstoned dataset is served materialised
    stale_urls = file_urls(profile, "s", "people")
    certificate = lh.purge("people").result
    assert certificate is not None and certificate["status"] == "complete"
    store = next(s for s in certificate["stores"] if s["store"] == "shared-snapshots")
    assert store["versions_rewritten"] == 2 and store["files_removed"] > 0
    for url in (view, raw):
        assert 5 not in set(delta_sharing.load_as_pandas(url)["id"])
    root = lh.settings.primary_root / "shared"
    ids = [i for path in root.rglob("*.parquet") for i in pq.read_table(path, columns=["id"]).column("id").to_pylist()]
    assert ids and 5 not in ids  # no snapshot generation on disk still holds the erased row
    for url in stale_urls:  # the older generation's files are gone, not just unlisted
        assert requests.get(url, timeout=30).status_code == 404


def test_revoked_and_expired_recipients_are_refused(sharing_server: Sharing, table_url) -> None:
    lh = sharing_server.lh
    lh.create_share("s", ["people_safe"])
    revoked, expired = sharing_server.profile("gone", ["s"]), sharing_server.profile("old", ["s"], expires_in_days=30)
    urls = file_urls(revoked, "s", "people_safe")
    assert requests.get(urls[0], timeout=30).status_code == 200
    lh.revoke_recipient("gone")
    with pytest.raises(HTTPError) as refused:
        delta_sharing.load_as_pandas(table_url(revoked, "s", "people_safe"))
    assert status_of(refused) == 401
    assert requests.get(urls[0], timeout=30).status_code == 404  # URLs handed out before stop working too
    with lh.catalog.sessions.begin() as session:  # its expiry passes
        session.execute(update(RecipientRow).where(RecipientRow.name == "old").values(expires_at=utcnow()))
    with pytest.raises(HTTPError) as gone:
        delta_sharing.SharingClient(str(expired)).list_shares()
    assert status_of(gone) == 401
    body = requests.get(f"{sharing_server.url}/delta-sharing/shares", timeout=30,
                        headers={"Authorization": f"Bearer {json.loads(expired.read_text())['bearerToken']}"}).json()
    assert body["errorCode"] == "UNAUTHENTICATED" and body["error"]["code"] == "recipient_unauthorized"
    assert "expired" in body["message"]
    listed = {r["name"]: r for r in lh.list_recipients()}
    assert not listed["gone"]["active"] and listed["gone"]["revoked_at"] and not listed["old"]["active"]


def test_nothing_outside_the_recipients_shares(sharing_server: Sharing, table_url) -> None:
    lh = sharing_server.lh
    lh.create_share("mine", ["people_safe"])
    lh.create_share("theirs", ["people"])
    profile = sharing_server.profile("r", ["mine"])
    for url in (table_url(profile, "mine", "people"), table_url(profile, "theirs", "people"),
                f"{profile}#mine.other.people_safe"):
        with pytest.raises(HTTPError) as missing:
            delta_sharing.load_as_pandas(url)
        assert status_of(missing) == 404
    token = json.loads(profile.read_text())["bearerToken"]
    answer = requests.get(f"{sharing_server.url}/delta-sharing/shares/theirs/all-tables", timeout=30,
                          headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 404 and answer.json()["errorCode"] == "RESOURCE_DOES_NOT_EXIST"
    assert requests.get(f"{sharing_server.url}/delta-sharing/files/forged.ticket", timeout=30).status_code == 403


def test_raw_datasets_are_shared_by_admins_only(sharing_server: Sharing) -> None:
    lh = sharing_server.lh
    writer, _ = principal(lh, "w", "writer", dataset=["people"], view=["people_safe"])
    reader, _ = principal(lh, "rd", "reader", dataset=["people"])
    with pytest.raises(Forbidden):
        lh.create_share("raw", ["people"], actor=writer)
    with pytest.raises(Forbidden):
        lh.create_share("any", ["people_safe"], actor=reader)
    with pytest.raises(NotFound):
        lh.create_share("nothing", ["no_such_view"], actor=writer)
    share = lh.create_share("ok", ["people_safe"], actor=writer)
    assert [o["kind"] for o in share["objects"]] == ["view"]
    assert [s["name"] for s in lh.list_shares(actor=writer)] == ["ok"] and lh.list_shares(actor=reader) == []
    lh.create_share("admins", ["people"])
    with pytest.raises(NotFound):
        lh.get_share("admins", actor=writer)
    with pytest.raises(NotFound):
        lh.create_recipient("x", ["admins"], actor=writer)
    lh.delete_view("people_safe")  # a deleted object leaves every share
    assert lh.get_share("ok")["objects"] == []


def test_tokens_are_never_kept_in_clear(sharing_server: Sharing) -> None:
    lh = sharing_server.lh
    lh.create_share("s", ["people_safe"])
    token = lh.create_recipient("r", ["s"])["bearerToken"]
    assert token.startswith("lhs_")
    lh.revoke_recipient("r")
    catalog = Path(lh.settings.catalog_url.removeprefix("sqlite:///"))
    stored = b"".join(p.read_bytes() for p in catalog.parent.glob(catalog.name + "*"))
    assert token.encode() not in stored
    assert token not in json.dumps(lh.audit_events(limit=10_000)) + json.dumps(lh.journal_events(limit=10_000))


def test_the_delta_response_format(sharing_server: Sharing) -> None:
    lh = sharing_server.lh
    lh.create_share("s", ["people_safe"])
    token = lh.create_recipient("r", ["s"])["bearerToken"]
    answer = requests.post(f"{sharing_server.url}/delta-sharing/shares/s/schemas/default/tables/people_safe/query",
                           json={}, timeout=30, headers={"Authorization": f"Bearer {token}",
                                                         "delta-sharing-capabilities": "responseformat=delta"})
    assert answer.status_code == 200 and answer.headers["delta-sharing-capabilities"] == "responseformat=delta"
    protocol, metadata, *files = [json.loads(line) for line in answer.text.splitlines()]
    assert protocol["protocol"]["deltaProtocol"]["minReaderVersion"] == 1
    assert json.loads(metadata["metaData"]["deltaMetadata"]["schemaString"])["type"] == "struct"
    adds = [f["file"]["deltaSingleAction"]["add"] for f in files]
    table = arrow_read([a["path"] for a in adds])
    assert sorted(table.to_pylist(), key=lambda r: r["id"]) == expected_view(PEOPLE)
    assert sum(json.loads(a["stats"])["numRecords"] for a in adds) == 5
    history = requests.post(answer.url, json={"startingVersion": 0}, timeout=30,
                            headers={"Authorization": f"Bearer {token}"})
    assert history.status_code == 400 and history.json()["error"]["code"] == "history_not_shared"


@pytest.mark.s3
def test_an_s3_bucket_is_read_through_presigned_urls(sharing_server: Sharing, request, table_url) -> None:
    lh = sharing_server.lh
    lh.add_bucket(request.getfixturevalue("s3_bucket_spec"))
    lh.write_table("remote", PEOPLE, bucket="s3test")
    lh.create_view(_view_over("remote"))
    lh.create_share("s3share", ["remote_safe"])
    profile = sharing_server.profile("r", ["s3share"])
    urls = file_urls(profile, "s3share", "remote_safe")
    assert urls and all("X-Amz-Signature=" in u and "/delta-sharing/" not in u for u in urls)
    assert rows(delta_sharing.load_as_pandas(table_url(profile, "s3share", "remote_safe"))) == expected_view(PEOPLE)


def _view_over(dataset: str) -> dict[str, Any]:
    from tests.sharing.conftest import VIEW

    return {**VIEW, "name": f"{dataset}_safe", "base_dataset": dataset}
