"""The GPU slot for operators: the VRAM report, and preload/unload of one model (admin only)."""

from __future__ import annotations

from lakehouse.app.base import LakehouseBase
from lakehouse.types import Actor
from lakehouse.wire import ModelAction, VramReport


class ModelsApi(LakehouseBase):
    def vram(self, actor: Actor | None = None) -> VramReport:
        """GPUs (NVML) and the model server's loaded models; answers without a GPU or a server, saying why."""
        with self._call(actor, "models.vram") as (who, _):
            self.access.require_admin(who, "read the GPU report")
            return self.model_slot.vram()

    def preload_model(self, name: str, embedding: bool | None = None, actor: Actor | None = None) -> ModelAction:
        """Load ``name`` on the model server (the VRAM gate applies). ``embedding``: None asks the server's
        /api/show whether it is an embedding-only model (loaded through /api/embed)."""
        with self._call(actor, "models.preload", name) as (who, _):
            self.access.require_admin(who, f"preload model '{name}'")
            result = self.model_slot.preload(name, embedding)
        self._publish("model.preloaded", result.model, actor, result.model_dump(mode="json"))
        return result

    def unload_model(self, name: str, actor: Actor | None = None) -> ModelAction:
        """Unload ``name`` from the model server now (``keep_alive: 0``); empties the slot when it held it."""
        with self._call(actor, "models.unload", name) as (who, _):
            self.access.require_admin(who, f"unload model '{name}'")
            result = self.model_slot.unload(name)
        self._publish("model.unloaded", result.model, actor, result.model_dump(mode="json"))
        return result
