"""GPU memory from NVML (``nvidia-ml-py``, imported on first use), behind a small interface.

No library, no driver, no GPU: an empty list and the reason, never an exception — a machine without a GPU
is a normal place for the lakehouse to run."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Any, Protocol

from lakehouse.wire import GpuMemory


@dataclass(frozen=True)
class GpuReport:
    gpus: list[GpuMemory] = field(default_factory=list)
    reason: str | None = None
    """Why ``gpus`` is empty (or incomplete)."""

    @property
    def free_bytes(self) -> int:
        return sum(g.free_bytes for g in self.gpus)


class GpuProbe(Protocol):
    def read(self) -> GpuReport: ...


class NvmlProbe:
    """Reads every GPU NVML sees, each call afresh (init, read, shutdown: NVML counts its inits)."""

    def read(self) -> GpuReport:
        try:
            import pynvml
        except ImportError:
            return GpuReport(reason="nvidia-ml-py is not installed (pip install nvidia-ml-py).")
        try:
            pynvml.nvmlInit()
        except pynvml.NVMLError_LibraryNotFound:
            return GpuReport(reason="NVML library not found: no NVIDIA driver on this machine (no GPU).")
        except pynvml.NVMLError_DriverNotLoaded:
            return GpuReport(reason="NVML: the NVIDIA driver is not loaded.")
        except pynvml.NVMLError as exc:
            return GpuReport(reason=f"NVML could not start: {exc}.")
        except OSError as exc:  # a broken libnvidia-ml
            return GpuReport(reason=f"NVML could not be loaded: {exc}.")
        try:
            return self._gpus(pynvml)
        finally:
            with contextlib.suppress(pynvml.NVMLError):
                pynvml.nvmlShutdown()

    @staticmethod
    def _gpus(nv: Any) -> GpuReport:
        try:
            count = nv.nvmlDeviceGetCount()
        except nv.NVMLError as exc:
            return GpuReport(reason=f"NVML could not count GPUs: {exc}.")
        gpus: list[GpuMemory] = []
        problems: list[str] = []
        for index in range(count):
            try:
                handle = nv.nvmlDeviceGetHandleByIndex(index)
                name = nv.nvmlDeviceGetName(handle)
                memory = nv.nvmlDeviceGetMemoryInfo(handle)
            except nv.NVMLError as exc:
                problems.append(f"GPU {index}: {exc}")
                continue
            gpus.append(GpuMemory(index=index, name=name.decode() if isinstance(name, bytes) else str(name),
                                  total_bytes=int(memory.total), used_bytes=int(memory.used),
                                  free_bytes=int(memory.free)))
        if count == 0:
            return GpuReport(reason="NVML found no GPU.")
        return GpuReport(gpus=gpus, reason="; ".join(problems) or None)
