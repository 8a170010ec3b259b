"""Walk every route in the OpenAPI spec with bad input: each answers 4xx in the one error shape."""

from __future__ import annotations

import re

from tests.api.conftest import assert_error


def _routes(client):  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            takes_input = bool(operation.get("parameters") or operation.get("requestBody"))
            yield method.upper(), path, takes_input


def test_every_route_answers_bad_input_in_the_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for method, path, takes_input in _routes(client):
        if not takes_input:
            continue  # nothing to get wrong
        concrete = re.sub(r"\{[^}]+\}", "does-not-exist", path)
        if method == "GET" and "{" not in path:
            response = client.get(concrete, params={"limit": "not-a-number", "stale": "maybe",
                                                    "status": "bogus"})
        else:
            response = client.request(method, concrete, content=b"{not json",
                                      headers={"content-type": "application/json"})
        assert 400 <= response.status_code < 500, f"{method} {path}: {response.status_code} {response.text}"
        if method != "HEAD":  # a HEAD answer never has a body
            assert_error(response, response.status_code)
        seen += 1
    assert seen >= 12


def test_unknown_route_and_method_use_the_error_shape(client) -> None:  # type: ignore[no-untyped-def]
    assert_error(client.get("/nope"), 404, "not_found")
    assert_error(client.put("/health"), 405)


def test_openapi_page_and_health(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/docs").status_code == 200
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["auth_mode"] == "local"
    assert "x-request-id" in client.get("/health").headers


def test_buckets_lifecycle(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    names = [b["name"] for b in client.get("/storage/buckets").json()["items"]]
    assert {"primary", "rescue"} <= set(names)
    root = tmp_path / "data" / "archive-root"  # local bucket roots lie under the data dir by default
    added = client.post("/storage/buckets", json={"name": "archive", "backend": "local", "root": str(root)})
    assert added.status_code == 201, added.text
    assert root.is_dir()
    assert_error(client.post("/storage/buckets", json={"name": "archive", "backend": "local", "root": str(root)}), 409)
    assert_error(client.post("/storage/buckets", json={"name": "Bad/Name", "backend": "local", "root": "x"}), 422)
    assert_error(client.delete("/storage/buckets/primary"), 403)
    assert_error(client.delete("/storage/buckets/rescue"), 403)
    assert_error(client.delete("/storage/buckets/missing"), 404)
    csv = b"a\n1\n"
    job = client.post("/ingest/file?wait=true", files={"file": ("t.csv", csv)},
                      data={"dataset": "archived", "target_bucket": "archive"})
    assert job.status_code == 200, job.text
    assert client.get("/catalog/datasets/by-name/archived").json()["bucket"] == "archive"
    assert_error(client.delete("/storage/buckets/archive"), 409)
    client.delete("/catalog/datasets/by-name/archived")
    assert client.delete("/storage/buckets/archive").status_code == 204


def test_catalog_backup_lists(client) -> None:  # type: ignore[no-untyped-def]
    created = client.post("/catalog/backups")
    assert created.status_code == 201
    assert created.json()["backup"] in client.get("/catalog/backups").json()["items"]
