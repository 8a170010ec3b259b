"""The GPU slot: the model server's load/unload API, GPU memory from NVML, and the one active target
(docs/models.md)."""

from lakehouse.models.nvml import GpuProbe, GpuReport, NvmlProbe
from lakehouse.models.server import ModelServer, model_key
from lakehouse.models.slot import ModelSlot, SlotState, SlotTarget

__all__ = ["GpuProbe", "GpuReport", "ModelServer", "ModelSlot", "NvmlProbe", "SlotState", "SlotTarget", "model_key"]
