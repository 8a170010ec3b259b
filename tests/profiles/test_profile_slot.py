"""Activation swaps the GPU slot against an Ollama-compatible server on loopback: the exact unload/preload
sequence, a shared embedding model kept loaded, a failed preload leaving no profile half-active."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from lakehouse.app import Lakehouse
from lakehouse.errors import LakehouseError
from tests.ollama_server import OllamaServer
from tests.profiles.conftest import open_lakehouse


@pytest.fixture
def slh(tmp_path: Path, ollama_server: OllamaServer) -> Iterator[Lakehouse]:
    lh = open_lakehouse(tmp_path / "data", models={"url": ollama_server.url})
    try:
        lh.write_table("t", pa.table({"id": [1, 2]}))
        shared = {"bound": ["t"], "embedder": "ollama", "embed_model": "nomic-embed-text"}
        lh.create_profile({"id": "support", "model": "llama3", **shared})
        lh.create_profile({"id": "recruit", "model": "qwen2", **shared})
        lh.create_profile({"id": "plain", "bound": ["t"]})
        yield lh
    finally:
        lh.close()


def test_a_swap_unloads_the_old_model_keeps_the_shared_one(slh: Lakehouse, ollama_server: OllamaServer) -> None:
    first = slh.activate_profile("support")["slot"]
    assert first["owner"] == "support" and set(first["models"]) == {"llama3:latest", "nomic-embed-text:latest"}
    assert ollama_server.loads_and_unloads() == ["load llama3:latest via /api/generate",
                                                 "load nomic-embed-text:latest via /api/embed"]
    ollama_server.calls.clear()
    second = slh.activate_profile("recruit")["slot"]
    assert ollama_server.loads_and_unloads() == ["unload llama3:latest", "load qwen2:latest via /api/generate"]
    assert set(second["models"]) == {"qwen2:latest", "nomic-embed-text:latest"} == ollama_server.loaded_names()
    assert slh.active_profile()["slot"]["owner"] == "recruit"
    ollama_server.calls.clear()
    slh.activate_profile("recruit")
    assert ollama_server.loads_and_unloads() == []  # the same models are not reloaded
    slh.deactivate_profile("recruit")
    assert ollama_server.loaded_names() == set()


def test_a_failed_preload_leaves_no_profile_active(slh: Lakehouse, ollama_server: OllamaServer) -> None:
    slh.activate_profile("support")
    ollama_server.fail_next_load["qwen2:latest"] = (500, "out of memory")
    with pytest.raises(LakehouseError, match="slot is now empty"):
        slh.activate_profile("recruit")
    assert slh.active_profile()["profile"] is None
    assert "qwen2:latest" not in ollama_server.loaded_names()


def test_a_profile_without_models_needs_no_model_server(tmp_path: Path) -> None:
    lh = open_lakehouse(tmp_path / "data", models={"url": "http://127.0.0.1:9"})  # nothing listens there
    try:
        lh.write_table("t", pa.table({"id": [1]}))
        lh.create_profile({"id": "plain", "bound": ["t"]})
        assert lh.activate_profile("plain")["slot"]["reason"] == "the profile names no model"
        lh.create_profile({"id": "llm", "bound": ["t"], "model": "llama3"})
        with pytest.raises(LakehouseError, match="127.0.0.1:9"):
            lh.activate_profile("llm")
    finally:
        lh.close()


def test_a_model_server_answering_garbage_is_a_clear_502(slh: Lakehouse, ollama_server: OllamaServer) -> None:
    ollama_server.garbage.add("/api/ps")
    with pytest.raises(LakehouseError) as err:
        slh.activate_profile("support")
    assert err.value.http_status == 502 and ollama_server.url.split("//")[1] in err.value.message
    assert slh.active_profile()["profile"] is None


def test_concurrent_activations_serialise(slh: Lakehouse, ollama_server: OllamaServer) -> None:
    import threading

    ollama_server.load_delay = 0.05
    errors: list[BaseException] = []

    def activate(profile: str) -> None:
        try:
            for _ in range(3):
                slh.activate_profile(profile)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)

    threads = [threading.Thread(target=activate, args=(p,)) for p in ("support", "recruit")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert ollama_server.max_concurrent_loads == 1
    active = slh.active_profile()
    assert set(active["slot"]["models"]) == ollama_server.loaded_names()
    assert active["slot"]["owner"] == active["profile"]
