from __future__ import annotations

import time

import pyarrow as pa
import pyarrow.ipc

from tests.api.conftest import assert_error, upload

PEOPLE = (b"id,Full Name,E-mail,phone\n1,Ada Lovelace,ada@example.com,(212) 736-5000\n"
          b"2,Alan Turing,alan@example.org,+1 415 555 2671\n")


def test_upload_wait_then_manifest_history_and_query(client) -> None:  # type: ignore[no-untyped-def]
    response = upload(client, "people.csv", PEOPLE, "people")
    assert response.status_code == 200, response.text
    job = response.json()
    assert job["status"] == "succeeded" and job["result"]["rows"] == 2
    assert job["result"]["bytes"] > 0 and job["duration_ms"] is not None
    manifest = client.get("/catalog/datasets/by-name/people").json()
    names = [c["name"] for c in manifest["columns"]]
    assert names == ["id", "full_name", "e_mail", "phone"]
    by_name = {c["name"]: c for c in manifest["columns"]}
    assert by_name["full_name"]["original_name"] == "Full Name"
    assert by_name["e_mail"]["pii_kind"] == "PII" and by_name["e_mail"]["pii_category"] == "email"
    assert manifest["lineage"][0]["source_system"] == "file"
    assert manifest["lineage"][0]["source"] == "people.csv"
    history = client.get("/catalog/datasets/by-name/people/history").json()["items"]
    assert [(v["version"], v["operation"], v["rows_written"]) for v in history] == [(0, "create", 2)]
    result = client.post("/query/sql", json={"sql": "SELECT full_name FROM people ORDER BY id"}).json()
    assert result["rows"] == [["Ada Lovelace"], ["Alan Turing"]]
    assert result["columns"] == [{"name": "full_name", "type": "string"}]
    assert result["truncated"] is False and result["row_count"] == 2


def test_async_job_is_reported_through_jobs(client) -> None:  # type: ignore[no-untyped-def]
    response = upload(client, "people.csv", PEOPLE, "people", wait=False)
    assert response.status_code == 202
    job_id = response.json()["job_id"]
    for _ in range(100):
        job = client.get(f"/jobs/{job_id}").json()
        if job["status"] in ("succeeded", "failed"):
            break
        time.sleep(0.05)
    assert job["status"] == "succeeded", job
    assert job_id in [j["job_id"] for j in client.get("/jobs").json()["items"]]
    assert_error(client.delete(f"/jobs/{job_id}"), 409, contains="already")
    assert_error(client.get("/jobs/nope"), 404)


def test_append_history_time_travel_and_restore(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "people.csv", PEOPLE, "people")
    more = b"id,Full Name,E-mail,phone\n3,Grace Hopper,grace@example.net,212-736-5001\n"
    assert upload(client, "more.csv", more, "people").status_code == 200
    count = client.post("/query/sql", json={"sql": "SELECT count(*) AS n FROM people"}).json()
    assert count["rows"] == [[3]]
    old = client.post("/query/sql", json={"sql": "SELECT count(*) AS n FROM people", "as_of": {"people": 0}})
    assert old.json()["rows"] == [[2]]
    assert_error(client.post("/query/sql", json={"sql": "SELECT 1", "as_of": {"people": 9}}), 422)
    restored = client.post("/catalog/datasets/by-name/people/restore", json={"version": 0})
    assert restored.status_code == 200 and restored.json()["row_count"] == 2
    ops = [v["operation"] for v in client.get("/catalog/datasets/by-name/people/history").json()["items"]]
    assert ops == ["restore", "append", "create"]
    assert client.post("/query/sql", json={"sql": "SELECT count(*) FROM people"}).json()["rows"] == [[2]]


def test_schema_conflict_is_409_naming_columns_and_commits_nothing(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "people.csv", PEOPLE, "people")
    bad = b"id,Full Name,E-mail,phone\nnot-a-number,X,x@example.com,1\n"
    error = assert_error(upload(client, "bad.csv", bad, "people"), 409, "schema_conflict")
    assert "id" in error["message"]
    assert client.get("/catalog/datasets/by-name/people").json()["version"] == 0


def test_new_nullable_column_is_accepted(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "people.csv", PEOPLE, "people")
    wider = b"id,Full Name,E-mail,phone,city\n3,Grace Hopper,grace@example.net,212-736-5001,Arlington\n"
    assert upload(client, "wider.csv", wider, "people").status_code == 200
    rows = client.post("/query/sql", json={"sql": "SELECT id, city FROM people ORDER BY id"}).json()["rows"]
    assert rows == [[1, None], [2, None], [3, "Arlington"]]


def test_malformed_csv_fails_with_line_and_nothing_is_visible(client) -> None:  # type: ignore[no-untyped-def]
    ragged = b"a,b\n1,2\n3,4,5\n"
    error = assert_error(upload(client, "ragged.csv", ragged, "ragged"), 422)
    assert "3" in error["message"]
    assert_error(client.get("/catalog/datasets/by-name/ragged"), 404)
    assert client.get("/catalog/datasets").json()["items"] == []


def test_skip_mode_commits_good_rows_and_reports_rejects(client) -> None:  # type: ignore[no-untyped-def]
    ragged = b"a,b\n1,2\n3,4,5\n6,7\n"
    job = upload(client, "ragged.csv", ragged, "ragged", on_error="skip").json()
    assert job["status"] == "succeeded", job
    assert job["result"]["rows"] == 2 and job["result"]["rejected_rows"] == 1
    assert job["result"]["rejects_path"].startswith("primary:rejects/")


def test_bucket_path_ingest_in_json(client, lakehouse) -> None:  # type: ignore[no-untyped-def]
    lakehouse.buckets.get("primary").write_bytes("incoming/people.csv", PEOPLE)
    response = client.post("/ingest/file?wait=true",
                           json={"dataset": "people", "bucket": "primary", "path": "incoming/people.csv"})
    assert response.status_code == 200, response.text
    assert response.json()["result"]["rows"] == 2
    escape = client.post("/ingest/file?wait=true",
                         json={"dataset": "people", "bucket": "primary", "path": "../../etc/passwd"})
    assert escape.status_code in (403, 422)


def test_bad_names_and_bodies(client) -> None:  # type: ignore[no-untyped-def]
    assert_error(upload(client, "people.csv", PEOPLE, "Bad Name!"), 422, contains="name")
    assert_error(client.post("/ingest/file", content=b"x", headers={"content-type": "text/plain"}), 422)
    assert_error(client.post("/ingest/file", json={"dataset": "x"}), 422, contains="path")
    assert_error(client.post("/ingest/file", files={"nofile": ("a", b"")}, data={"dataset": "x"}), 422)
    assert_error(client.get("/catalog/datasets/by-name/missing"), 404)


def test_empty_and_header_only_files_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    assert_error(upload(client, "empty.csv", b"", "empty"), 422, contains="empty")
    assert_error(upload(client, "header.csv", b"a,b\n", "header"), 422)


def test_upload_limit_is_422(lakehouse, make_settings) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from lakehouse.api.app import create_app

    lakehouse.settings.ingest.max_upload_bytes = 10
    with TestClient(create_app(lakehouse)) as small:
        error = assert_error(upload(small, "people.csv", PEOPLE, "people"), 422, "limit_exceeded")
        assert "ingest.max_upload_bytes" in error["message"]
    assert list(lakehouse.staging_dir.iterdir()) == []


def test_patch_metadata_and_stale_listing(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "people.csv", PEOPLE, "people")
    patched = client.patch("/catalog/datasets/by-name/people/metadata", json={
        "description": "crm export", "owner": "sales", "tags": ["crm"], "freshness_interval_seconds": 1,
        "columns": {"phone": {"pii_kind": None}}})
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["owner"] == "sales" and body["tags"] == ["crm"]
    assert {c["name"]: c["pii_kind"] for c in body["columns"]}["phone"] is None
    assert_error(client.patch("/catalog/datasets/by-name/people/metadata", json={"bogus": 1}), 422)
    assert_error(client.patch("/catalog/datasets/by-name/people/metadata", json={"sensitivity": "top"}), 422)
    time.sleep(1.1)
    stale = client.get("/catalog/datasets?stale=true").json()["items"]
    assert [d["name"] for d in stale] == ["people"] and stale[0]["freshness"]["stale"] is True


def test_optimize_and_delete(client) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        upload(client, "people.csv", PEOPLE, "people")
    optimized = client.post("/catalog/datasets/by-name/people/optimize", json={"vacuum": False})
    assert optimized.status_code == 200, optimized.text
    assert client.post("/query/sql", json={"sql": "SELECT count(*) FROM people"}).json()["rows"] == [[6]]
    assert client.delete("/catalog/datasets/by-name/people").status_code == 200
    assert_error(client.get("/catalog/datasets/by-name/people"), 404)
    assert_error(client.post("/query/sql", json={"sql": "SELECT * FROM people"}), 400)


def test_query_formats(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "people.csv", PEOPLE, "people")
    sql = {"sql": "SELECT id FROM people ORDER BY id"}
    csv = client.post("/query/sql", json=sql, headers={"Accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert [row for row in __import__("csv").reader(csv.text.splitlines())] == [["id"], ["1"], ["2"]]
    arrow = client.post("/query/sql", json=sql, headers={"Accept": "application/vnd.apache.arrow.stream"})
    table = pa.ipc.open_stream(arrow.content).read_all()
    assert table.column("id").to_pylist() == [1, 2]
    capped = client.post("/query/sql", json={**sql, "max_rows": 1}).json()
    assert capped["rows"] == [[1]] and capped["truncated"] is True
    params = client.post("/query/sql", json={"sql": "SELECT id FROM people WHERE id = $id", "params": {"id": 2}})
    assert params.json()["rows"] == [[2]]


def test_sql_errors_are_400(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "people.csv", PEOPLE, "people")
    assert_error(client.post("/query/sql", json={"sql": "SELEC 1"}), 400)
    assert_error(client.post("/query/sql", json={"sql": "DROP TABLE people"}), 400)
    assert_error(client.post("/query/sql", json={"sql": "SELECT nope FROM people"}), 400)
    assert_error(client.post("/query/sql", json={"sql": "SELECT * FROM missing"}), 400)
    assert_error(client.post("/query/sql", json={"sql": ""}), 422)


def test_many_bucket_files_in_one_version(client, lakehouse) -> None:  # type: ignore[no-untyped-def]
    bucket = lakehouse.buckets.get("primary")
    bucket.write_bytes("incoming/a.csv", b"id,name\n1,a\n2,b\n")
    bucket.write_bytes("incoming/b.csv", b"id,name\n3,c\n")
    r = client.post("/ingest/files?wait=true", json={"dataset": "many", "bucket": "primary",
                                                      "paths": ["incoming/a.csv", "incoming/b.csv"]})
    assert r.status_code == 200, r.text
    assert r.json()["result"]["rows"] == 3 and r.json()["result"]["version"] == 0
    assert [f["rows"] for f in r.json()["result"]["files"]] == [2, 1]
    r = client.post("/ingest/files", json={"dataset": "many", "paths": ["incoming/a.csv", "../../etc/passwd"]})
    assert r.status_code in (403, 422) and r.json()["error"]["code"]
    r = client.post("/ingest/files", json={"dataset": "many", "paths": []})
    assert r.status_code == 422
