"""The GPU slot against the Ollama-compatible test server: what a swap sends, in order, and what the slot
claims after success, failure and concurrent swaps."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from lakehouse.errors import Conflict, ModelNotFound, ModelServerError, ModelServerTimeout, ModelServerUnavailable
from lakehouse.models import ModelServer, ModelSlot, SlotTarget
from tests.live_server import free_port
from tests.ollama_server import OllamaServer

A = SlotTarget(model="llama3", embed_model="nomic-embed-text", owner="profile-a")
B = SlotTarget(model="qwen2", embed_model="nomic-embed-text", owner="profile-b")


@pytest.fixture
def slot(ollama_server: OllamaServer) -> Iterator[ModelSlot]:
    slot = ModelSlot(ModelServer(ollama_server.url, timeout=5), vram_check=False)
    try:
        yield slot
    finally:
        slot.close()


def test_first_swap_preloads_both_and_verifies(slot: ModelSlot, ollama_server: OllamaServer) -> None:
    state = slot.swap(A)
    assert [(m, p) for m, p, _ in ollama_server.requests()] == [
        ("GET", "/api/ps"), ("POST", "/api/generate"), ("POST", "/api/embed"), ("GET", "/api/ps")]
    assert ollama_server.loads_and_unloads() == ["load llama3:latest via /api/generate",
                                                  "load nomic-embed-text:latest via /api/embed"]
    assert state.target == A and state.models == ("llama3:latest", "nomic-embed-text:latest")
    assert state.steps == ("preload llama3:latest via /api/generate", "preload nomic-embed-text:latest via /api/embed")
    assert slot.state() is state and state.since is not None and state.error is None
    assert state.info().owner == "profile-a"


def test_swap_unloads_the_old_model_first_and_keeps_the_shared_embedder(slot: ModelSlot,
                                                                        ollama_server: OllamaServer) -> None:
    slot.swap(A)
    ollama_server.calls.clear()
    state = slot.swap(B)
    assert ollama_server.loads_and_unloads() == ["unload llama3:latest", "load qwen2:latest via /api/generate"]
    assert ollama_server.requests("/api/generate")[0][2] == {"model": "llama3:latest", "keep_alive": 0}
    assert not ollama_server.requests("/api/embed"), "the shared embedding model was reloaded"
    assert ollama_server.loaded_names() == {"qwen2:latest", "nomic-embed-text:latest"}
    assert state.models == ("qwen2:latest", "nomic-embed-text:latest") and state.target == B


def test_same_target_again_loads_nothing(slot: ModelSlot, ollama_server: OllamaServer) -> None:
    slot.swap(A)
    ollama_server.calls.clear()
    slot.swap(SlotTarget(model="llama3:latest", embed_model="nomic-embed-text", owner="profile-a2"))
    assert ollama_server.loads_and_unloads() == []
    assert slot.state().target is not None and slot.state().target.owner == "profile-a2"


def test_a_model_the_server_dropped_is_preloaded_again(slot: ModelSlot, ollama_server: OllamaServer) -> None:
    slot.swap(A)
    ollama_server.loaded.pop("nomic-embed-text:latest")  # expired on the server's side
    ollama_server.calls.clear()
    slot.swap(B)
    assert ollama_server.loads_and_unloads() == ["unload llama3:latest", "load qwen2:latest via /api/generate",
                                                  "load nomic-embed-text:latest via /api/embed"]


def test_failed_preload_leaves_the_slot_empty_and_undoes_its_loads(slot: ModelSlot,
                                                                   ollama_server: OllamaServer) -> None:
    slot.swap(A)
    ollama_server.fail_next_load["nomic-embed-text:latest"] = (500, "out of memory")
    ollama_server.loaded.pop("nomic-embed-text:latest")
    ollama_server.calls.clear()
    with pytest.raises(ModelServerError, match="slot is now empty") as caught:
        slot.swap(B)
    assert "out of memory" in caught.value.message and caught.value.details["slot"] == "empty"
    assert ollama_server.loads_and_unloads() == ["unload llama3:latest", "load qwen2:latest via /api/generate",
                                                  "load nomic-embed-text:latest via /api/embed",
                                                  "unload qwen2:latest"]
    state = slot.state()
    assert state.empty and state.models == () and "out of memory" in (state.error or "")
    assert ollama_server.loaded_names() == set()
    assert state.info().owner is None and state.info().error


def test_unknown_model_fails_the_swap_with_404_and_an_empty_slot(slot: ModelSlot) -> None:
    slot.swap(A)
    with pytest.raises(ModelNotFound) as caught:
        slot.swap(SlotTarget(model="mistral", owner="p"))
    assert caught.value.details["slot"] == "empty" and slot.state().empty


def test_server_that_loads_but_does_not_keep_is_caught_by_ps(slot: ModelSlot, ollama_server: OllamaServer) -> None:
    ollama_server.evict.add("qwen2:latest")
    with pytest.raises(ModelServerError, match="does not list qwen2:latest"):
        slot.swap(B)
    assert slot.state().empty and slot.state().models == ()
    assert "nomic-embed-text:latest" not in ollama_server.loaded_names(), "the half-loaded model was left"


def test_without_ps_the_preload_answers_are_trusted(slot: ModelSlot, ollama_server: OllamaServer) -> None:
    ollama_server.no_ps = True
    assert slot.swap(A).models == ("llama3:latest", "nomic-embed-text:latest")
    assert slot.vram().models == [] and slot.vram().server_error is None


def test_server_down_before_anything_changed_keeps_the_slot() -> None:
    slot = ModelSlot(ModelServer(f"http://127.0.0.1:{free_port()}"), vram_check=False)
    with pytest.raises(ModelServerUnavailable, match="http://127.0.0.1:"):
        slot.swap(A)
    assert slot.state().empty and slot.state().error is None


def test_timeout_during_a_swap_empties_the_slot(ollama_server: OllamaServer) -> None:
    slot = ModelSlot(ModelServer(ollama_server.url, timeout=0.3, probe_timeout=5), vram_check=False)
    slot.swap(SlotTarget(model="llama3", owner="a"))
    ollama_server.load_delay = 1.0
    with pytest.raises(ModelServerTimeout) as caught:
        slot.swap(SlotTarget(model="qwen2", owner="b"))
    assert caught.value.details["slot"] == "empty" and slot.state().empty
    slot.close()


def test_clear_unloads_and_checks_the_owner(slot: ModelSlot, ollama_server: OllamaServer) -> None:
    slot.swap(A)
    with pytest.raises(Conflict, match="'profile-b' does not hold"):
        slot.clear(owner="profile-b")
    ollama_server.calls.clear()
    state = slot.clear(owner="profile-a")
    assert state.empty and state.error is None
    assert ollama_server.loads_and_unloads() == ["unload llama3:latest", "unload nomic-embed-text:latest"]
    assert ollama_server.loaded_names() == set()
    assert slot.clear().empty  # nothing to do


def test_operator_unload_of_the_slots_model_empties_the_slot(slot: ModelSlot, ollama_server: OllamaServer) -> None:
    slot.swap(A)
    action = slot.unload("nomic-embed-text")
    assert action.slot_cleared and action.loaded is False and slot.state().empty
    assert "unloaded by an operator" in (slot.state().error or "")
    other = slot.unload("qwen2")
    assert not other.slot_cleared


def test_operator_preload_asks_show_and_reports_vram(slot: ModelSlot, ollama_server: OllamaServer) -> None:
    action = slot.preload("nomic-embed-text")
    assert (action.model, action.via, action.embedding, action.loaded) == (
        "nomic-embed-text:latest", "/api/embed", True, True)
    assert action.size_vram_bytes == 300 * 1024**2
    assert slot.state().empty, "an operator preload does not set the slot's target"


def test_concurrent_swaps_serialise_and_never_claim_an_unloaded_model(ollama_server: OllamaServer) -> None:
    slot = ModelSlot(ModelServer(ollama_server.url, timeout=10), vram_check=False)
    ollama_server.load_delay = 0.15
    targets = [SlotTarget(model="llama3", owner="a"), SlotTarget(model="qwen2", owner="b")]
    stop = threading.Event()
    violations: list[str] = []
    observed: set[str] = set()

    def sample() -> None:
        with ollama_server.frozen() as loaded:
            claimed = set(slot.state().models)
            if not claimed <= loaded:
                violations.append(f"slot claims {claimed - loaded}, server has {loaded}")
            observed.update(claimed)

    def watch() -> None:
        while not stop.is_set():
            sample()
            time.sleep(0.002)
        sample()  # once more after the swaps: a watcher starved while they ran still sees the slot's last claim

    errors: list[BaseException] = []

    def swapper(index: int) -> None:
        try:
            for round_ in range(3):
                slot.swap(targets[(index + round_) % 2])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    watcher = threading.Thread(target=watch)
    watcher.start()
    threads = [threading.Thread(target=swapper, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    stop.set()
    watcher.join(5)
    slot.close()
    assert not errors and not violations, (errors, violations[:3])
    assert ollama_server.max_concurrent_loads == 1
    # the watcher samples, so on a busy machine it may miss a short-lived state: it must have seen the slot
    # claim something, and only these models; the server's log shows that both were loaded
    assert observed and observed <= {"llama3:latest", "qwen2:latest"}
    # one model at a time on the server: every load is preceded by the other's unload
    changes = ollama_server.loads_and_unloads()
    assert {c.split()[1] for c in changes if c.startswith("load ")} == {"llama3:latest", "qwen2:latest"}, changes
    loaded: set[str] = set()
    for change in changes:
        verb, name = change.split()[:2]
        if verb == "load":
            assert not loaded - {name}, f"{name} loaded while {loaded} still was: {changes}"
            loaded.add(name)
        else:
            loaded.discard(name)
    final = slot.state()
    assert final.models and set(final.models) == ollama_server.loaded_names()
