"""The operator routes over HTTP (TestClient on the real app), the library and the remote client: admin only,
200 without a GPU, the model server's failures in the one error shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lakehouse.api.app import create_app
from lakehouse.app import Lakehouse
from lakehouse.client import RemoteLakehouse
from lakehouse.errors import Forbidden, ModelServerTimeout
from tests.api.conftest import assert_error
from tests.live_server import free_port, serving
from tests.ollama_server import GIB, OllamaServer


@pytest.fixture
def world(make_settings: Any, ollama_server: OllamaServer) -> Iterator[tuple[Lakehouse, TestClient, dict[str, str]]]:
    lh = Lakehouse(make_settings(auth={"mode": "token"}, models={"url": ollama_server.url, "timeout_seconds": 1},
                                 catalog={"lock_timeout_seconds": 0.3}))
    tokens = {role: lh.create_token(f"t-{role}", role)["token"] for role in ("admin", "writer", "reader", "agent")}
    try:
        with TestClient(create_app(lh), raise_server_exceptions=False) as client:
            yield lh, client, tokens
    finally:
        lh.close()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_vram_answers_200_without_a_gpu_with_the_reason(world: Any, ollama_server: OllamaServer) -> None:
    lh, client, tokens = world
    client.post("/admin/models/llama3/preload", headers=auth(tokens["admin"]))
    response = client.get("/admin/vram", headers=auth(tokens["admin"]))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["gpus"] == [] and "NVML" in body["reason"]
    assert body["models"] == [{"name": "llama3:latest", "size_bytes": 4 * GIB, "size_vram_bytes": 4 * GIB,
                               "expires_at": "2318-01-01T00:00:00Z"}]
    assert body["server"] == ollama_server.url and body["server_error"] is None
    assert body["slot"]["owner"] is None and body["slot"]["models"] == []


def test_vram_answers_200_when_the_model_server_is_down(make_settings: Any) -> None:
    lh = Lakehouse(make_settings(models={"url": f"http://127.0.0.1:{free_port()}"}))
    try:
        with TestClient(create_app(lh), raise_server_exceptions=False) as client:
            response = client.get("/admin/vram")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["models"] == [] and "unreachable" in body["server_error"]
        assert body["server"] in body["server_error"]
    finally:
        lh.close()


def test_preload_and_unload_routes(world: Any, ollama_server: OllamaServer) -> None:
    lh, client, tokens = world
    admin = auth(tokens["admin"])
    loaded = client.post("/admin/models/nomic-embed-text/preload", headers=admin)
    assert loaded.status_code == 200, loaded.text
    assert loaded.json() | {"elapsed_ms": 0} == {
        "model": "nomic-embed-text:latest", "action": "preload", "via": "/api/embed", "embedding": True,
        "elapsed_ms": 0, "loaded": True, "size_vram_bytes": 300 * 1024**2, "slot_cleared": False}
    forced = client.post("/admin/models/llama3:latest/preload", params={"embedding": "false"}, headers=admin)
    assert forced.json()["via"] == "/api/generate"
    assert [p for _, p, _ in ollama_server.requests("/api/show")] == ["/api/show"], "asked /api/show when told"
    gone = client.post("/admin/models/llama3:latest/unload", headers=admin)
    assert gone.status_code == 200 and gone.json()["loaded"] is False
    assert ollama_server.loaded_names() == {"nomic-embed-text:latest"}
    assert_error(client.post("/admin/models/mistral/preload", headers=admin), 404, "model_not_found", "mistral")
    assert_error(client.post("/admin/models/bad%20name/preload", headers=admin), 422)
    audit = lh.audit_events(action="models.preload")
    assert {e["objects"][0] for e in audit} >= {"nomic-embed-text", "llama3:latest", "mistral"}
    assert {e["outcome"] for e in audit if e["objects"][0] == "mistral"} != {"ok"}
    journal = [(e["type"], e["subject"]) for e in lh.journal_events(type_="model.*")]
    assert journal == [("model.preloaded", "nomic-embed-text:latest"), ("model.preloaded", "llama3:latest"),
                       ("model.unloaded", "llama3:latest")]


def test_model_names_with_a_namespace_reach_the_server(world: Any, ollama_server: OllamaServer) -> None:
    _, client, tokens = world
    ollama_server.add("hf.co/org/tiny", GIB)
    response = client.post("/admin/models/hf.co/org/tiny/preload", headers=auth(tokens["admin"]))
    assert response.status_code == 200, response.text
    assert response.json()["model"] == "hf.co/org/tiny:latest" and response.json()["loaded"] is True


@pytest.mark.parametrize("role", ["writer", "reader", "agent"])
def test_only_admins(world: Any, ollama_server: OllamaServer, role: str) -> None:
    _, client, tokens = world
    for method, path in [("GET", "/admin/vram"), ("POST", "/admin/models/llama3/preload"),
                         ("POST", "/admin/models/llama3/unload")]:
        assert_error(client.request(method, path, headers=auth(tokens[role])), 403, "forbidden")
    assert_error(client.get("/admin/vram"), 401)
    assert ollama_server.requests() == [], "a refused caller reached the model server"


def test_server_failures_keep_the_error_shape(world: Any, ollama_server: OllamaServer) -> None:
    _, client, tokens = world
    admin = auth(tokens["admin"])
    ollama_server.garbage.add("/api/generate")
    assert_error(client.post("/admin/models/llama3/unload", headers=admin), 502, "model_server_error", "not a JSON")
    ollama_server.garbage.clear()
    ollama_server.delay = 1.5
    error = assert_error(client.post("/admin/models/llama3/unload", headers=admin), 504, "model_server_timeout")
    assert "models.timeout_seconds" in error["hint"]


def test_remote_client_matches(world: Any, ollama_server: OllamaServer) -> None:
    lh, _, tokens = world
    with serving(lh) as url, RemoteLakehouse(url, token=tokens["admin"]) as remote:
        action = remote.preload_model("nomic-embed-text", embedding=True)
        assert action.via == "/api/embed" and action.loaded
        assert [m.name for m in remote.vram().models] == ["nomic-embed-text:latest"]
        assert remote.unload_model("nomic-embed-text").loaded is False
        ollama_server.delay = 1.5
        with pytest.raises(ModelServerTimeout):
            remote.unload_model("nomic-embed-text")
        ollama_server.delay = 0
        with RemoteLakehouse(url, token=tokens["reader"]) as reader, pytest.raises(Forbidden):
            reader.vram()
