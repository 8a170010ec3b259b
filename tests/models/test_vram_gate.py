"""The VRAM gate's decisions (a fake NVML is allowed here only), and NVML itself: the real pynvml path where a
GPU exists, the 'no GPU' answer with its reason elsewhere."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lakehouse.errors import VramInsufficient
from lakehouse.models import GpuReport, ModelServer, ModelSlot, NvmlProbe, SlotTarget
from lakehouse.models.gate import MIB, check_vram
from lakehouse.wire import GpuMemory, LoadedModel
from tests.ollama_server import GIB, OllamaServer


def gpu(free: int, total: int = 24 * GIB, index: int = 0) -> GpuMemory:
    return GpuMemory(index=index, name="Fake GPU", total_bytes=total, used_bytes=total - free, free_bytes=free)


SIZES = {"llama3:latest": 4 * GIB, "qwen2:latest": 5 * GIB, "nomic-embed-text:latest": 300 * MIB}


def test_fits_with_headroom() -> None:
    check_vram(["llama3:latest"], SIZES, [gpu(5 * GIB)], [], [], 512 * MIB)


def test_short_by_the_headroom_is_refused_naming_what_to_unload() -> None:
    loaded = [LoadedModel(name="mixtral:latest", size_vram_bytes=20 * GIB),
              LoadedModel(name="phi3:latest", size_vram_bytes=2 * GIB),
              LoadedModel(name="cpu-only:latest", size_vram_bytes=0)]
    with pytest.raises(VramInsufficient) as caught:
        check_vram(["llama3:latest"], SIZES, [gpu(4 * GIB)], loaded, [], 512 * MIB)
    error = caught.value
    assert error.http_status == 409 and error.details["unload"] == ["mixtral:latest", "phi3:latest"]
    assert "unload mixtral:latest, phi3:latest first" in error.message and "llama3:latest" in error.message


def test_what_the_swap_unloads_counts_as_free() -> None:
    loaded = [LoadedModel(name="qwen2:latest", size_vram_bytes=5 * GIB)]
    check_vram(["llama3:latest"], SIZES, [gpu(1 * GIB)], loaded, ["qwen2:latest"], 512 * MIB)
    with pytest.raises(VramInsufficient):
        check_vram(["llama3:latest"], SIZES, [gpu(1 * GIB)], loaded, [], 512 * MIB)


def test_resident_and_unknown_models_need_nothing_and_gpus_add_up() -> None:
    loaded = [LoadedModel(name="llama3:latest", size_vram_bytes=4 * GIB)]
    check_vram(["llama3:latest", "unknown:latest"], SIZES, [gpu(0)], loaded, [], 512 * MIB)
    check_vram(["qwen2:latest"], SIZES, [gpu(3 * GIB), gpu(3 * GIB, index=1)], [], [], 512 * MIB)


def test_nothing_to_unload_says_other_processes_hold_the_memory() -> None:
    with pytest.raises(VramInsufficient, match="no model the server has loaded can be unloaded") as caught:
        check_vram(["qwen2:latest"], SIZES, [gpu(1 * GIB)], [], [], 0)
    assert caught.value.details["unload"] == []


class FakeNvml:
    def __init__(self, *gpus: GpuMemory):
        self.report = GpuReport(gpus=list(gpus))

    def read(self) -> GpuReport:
        return self.report


@pytest.fixture
def tight_slot(ollama_server: OllamaServer) -> Iterator[ModelSlot]:
    slot = ModelSlot(ModelServer(ollama_server.url), FakeNvml(gpu(4 * GIB)), headroom_bytes=256 * MIB)
    yield slot
    slot.close()


def test_a_refused_swap_touches_nothing(tight_slot: ModelSlot, ollama_server: OllamaServer) -> None:
    tight_slot.swap(SlotTarget(model="nomic-embed-text", owner="small"))
    ollama_server.calls.clear()
    with pytest.raises(VramInsufficient, match="qwen2:latest") as caught:
        tight_slot.swap(SlotTarget(model="qwen2", owner="big"))
    assert caught.value.http_status == 409
    assert ollama_server.loads_and_unloads() == [], "a refused swap unloaded or loaded something"
    assert [p for _, p, _ in ollama_server.requests()] == ["/api/ps", "/api/tags"]
    state = tight_slot.state()
    assert state.target is not None and state.target.owner == "small" and state.models == ("nomic-embed-text:latest",)


def test_the_gate_counts_the_swaps_own_unloads(ollama_server: OllamaServer) -> None:
    nvml = FakeNvml(gpu(10 * GIB))
    slot = ModelSlot(ModelServer(ollama_server.url), nvml, headroom_bytes=0)
    slot.swap(SlotTarget(model="qwen2", owner="a"))
    nvml.report = GpuReport(gpus=[gpu(2 * GIB)])
    ollama_server.calls.clear()
    slot.swap(SlotTarget(model="llama3", owner="b"))  # 2 GiB free + 5 GiB freed >= 4 GiB
    assert ollama_server.loads_and_unloads() == ["unload qwen2:latest", "load llama3:latest via /api/generate"]
    slot.close()


def test_operator_preload_is_gated_too(tight_slot: ModelSlot, ollama_server: OllamaServer) -> None:
    with pytest.raises(VramInsufficient):
        tight_slot.preload("qwen2")
    assert ollama_server.loads_and_unloads() == []


def test_vram_report_with_a_fake_gpu(tight_slot: ModelSlot, ollama_server: OllamaServer) -> None:
    tight_slot.swap(SlotTarget(embed_model="nomic-embed-text", owner="p"))
    report = tight_slot.vram()
    assert report.gpus[0].free_bytes == 4 * GIB and report.reason is None
    assert [(m.name, m.size_vram_bytes) for m in report.models] == [("nomic-embed-text:latest", 300 * MIB)]
    assert report.slot.owner == "p" and report.slot.models == ["nomic-embed-text:latest"]


# The real NVML ----------------------------------------------------------------------------------------------
REAL = NvmlProbe().read()


@pytest.mark.skipif(not REAL.gpus, reason=f"no GPU on this machine: {REAL.reason}")
def test_real_nvml_reads_every_gpu() -> None:
    report = NvmlProbe().read()
    assert report.gpus and report.reason is None
    for g in report.gpus:
        assert g.total_bytes > 0 and 0 <= g.free_bytes <= g.total_bytes and g.used_bytes <= g.total_bytes
        assert g.name


@pytest.mark.skipif(bool(REAL.gpus), reason="this machine has a GPU: the no-GPU answer cannot be seen here")
def test_no_gpu_is_an_empty_list_with_the_reason() -> None:
    report = NvmlProbe().read()
    assert report.gpus == [] and report.reason
    assert "NVML" in report.reason or "nvidia-ml-py" in report.reason
