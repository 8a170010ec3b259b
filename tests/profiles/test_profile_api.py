"""The profile routes over HTTP: statuses and error shapes, and a bound token's view of the API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lakehouse.app import Lakehouse
from tests.profiles.conftest import open_lakehouse, vectors_table


@pytest.fixture
def api(tmp_path: Path, ollama_server: Any) -> Iterator[tuple[Lakehouse, TestClient, dict[str, str]]]:
    from lakehouse.api.app import create_app

    lh = open_lakehouse(tmp_path / "data", auth={"mode": "token"}, models={"url": ollama_server.url})
    try:
        for name, seed in (("docs", 1), ("hidden", 3)):
            lh.write_table(name, vectors_table(50, seed))
            lh.create_vector_index({"index_name": f"{name}_idx", "dataset": name, "id_column": "id",
                                    "vector_column": "v"}, wait=True)
        admin = {"Authorization": f"Bearer {lh.create_token('root', 'admin')['token']}"}
        with TestClient(create_app(lh), raise_server_exceptions=False) as client:
            yield lh, client, admin
    finally:
        lh.close()


def test_records_and_their_errors(api) -> None:  # type: ignore[no-untyped-def]
    _, client, admin = api
    made = client.post("/catalog/profiles", json={"id": "bot", "bound": ["docs"], "model": "llama3"}, headers=admin)
    assert made.status_code == 201 and made.json()["bound"] == [{"kind": "dataset", "name": "docs"}]
    cases = [({"id": "bot", "bound": ["docs"]}, 409, "already exists"),
             ({"id": "b2", "bound": ["docs", "ghost"]}, 422, "'ghost'"),
             ({"id": "Bad Id", "bound": []}, 422, "Invalid profile id"),
             ({"id": "b3", "bound": [], "vector_backend": "x"}, 422, "unknown vector backend"),
             ({"id": "b4", "bound": [], "extra": 1}, 422, "extra")]
    for body, status, text in cases:
        response = client.post("/catalog/profiles", json=body, headers=admin)
        assert response.status_code == status and text in response.text, (body, response.text)
        assert {"code", "message", "hint", "request_id"} <= set(response.json()["error"])
    assert client.get("/catalog/profiles/ghost", headers=admin).status_code == 404
    assert [p["id"] for p in client.get("/catalog/profiles", headers=admin).json()["items"]] == ["bot"]
    activated = client.post("/vectors/profile/bot/activate", headers=admin).json()
    assert [w["index"] for w in activated["warmed"]] == ["docs_idx"]
    assert client.get("/vectors/profile/active", headers=admin).json()["profile"] == "bot"
    assert client.delete("/catalog/profiles/bot", headers=admin).status_code == 409  # active
    assert client.delete("/catalog/profiles/bot?force=true", headers=admin).status_code == 200
    assert client.get("/vectors/profile/active", headers=admin).json()["profile"] is None


def test_a_bound_token_over_http(api) -> None:  # type: ignore[no-untyped-def]
    _, client, admin = api
    client.post("/catalog/profiles", json={"id": "bot", "bound": ["docs"], "model": "llama3"}, headers=admin)
    made = client.post("/auth/tokens", json={"name": "r", "role": "reader", "profile": "bot"}, headers=admin)
    assert made.status_code == 201 and made.json()["profile"] == "bot"
    bound = {"Authorization": f"Bearer {made.json()['token']}"}
    assert client.get("/auth/whoami", headers=bound).json() | {} == {
        "name": "r", "role": "reader", "principal_id": client.get("/auth/whoami", headers=bound).json()[
            "principal_id"], "profile": "bot", "model": "llama3"}
    assert [d["name"] for d in client.get("/catalog/datasets", headers=bound).json()["items"]] == ["docs"]
    assert [i["index_name"] for i in client.get("/vectors/indexes", headers=bound).json()["items"]] == ["docs_idx"]
    assert client.get("/catalog/datasets/by-name/hidden", headers=bound).status_code == 404
    assert client.post("/query/sql", json={"sql": "SELECT * FROM hidden"}, headers=bound).status_code in (400, 404)
    query = {"vector": [0.1] * 16, "k": 2}
    assert client.post("/vectors/search/hidden_idx", json=query, headers=bound).status_code == 404
    outside = client.post("/vectors/profile/bot/search", json={**query, "index": "hidden_idx"}, headers=bound)
    assert outside.status_code == 403 and "dataset 'docs'" in outside.json()["error"]["message"]
    ok = client.post("/vectors/profile/bot/search", json=query, headers=bound)
    assert ok.status_code == 200 and ok.json()["hits"][0]["index"] == "docs_idx"
    assert client.post("/vectors/profile/bot/activate", headers=bound).status_code == 403
    assert client.get("/jobs", headers=bound).json()["items"] == []  # the admin's index builds are not its own
    assert client.get("/audit", headers=bound).status_code == 403
    assert client.get("/catalog/views", headers=bound).json()["items"] == []
    agent = client.post("/auth/tokens", json={"name": "a", "role": "agent", "profile": "bot"}, headers=admin)
    assert agent.status_code == 422 and "views only" in agent.text
    unknown = client.post("/auth/tokens", json={"name": "u", "role": "reader", "profile": "ghost"}, headers=admin)
    assert unknown.status_code == 404
    assert client.delete("/catalog/datasets/by-name/docs", headers=admin).status_code == 409


def test_a_profile_without_indexes_and_an_unknown_one(api) -> None:  # type: ignore[no-untyped-def]
    lh, client, admin = api
    import pyarrow as pa

    lh.write_table("plain", pa.table({"id": [1]}))
    client.post("/catalog/profiles", json={"id": "bare", "bound": ["plain"]}, headers=admin)
    bare = client.post("/vectors/profile/bare/activate", headers=admin)
    assert bare.status_code == 200 and bare.json()["warmed"] == [] and "No vector index" in bare.json()["reason"]
    assert client.post("/vectors/profile/ghost/activate", headers=admin).status_code == 404
    assert client.post("/vectors/profile/ghost/search", json={"query": "x"}, headers=admin).status_code == 404
