"""The VRAM gate: refuse a preload that would not fit, before anything is unloaded or loaded.

What a load needs is its size on disk (``/api/tags``; the KV cache comes on top, hence the headroom); what is
available is the free memory of every GPU (Ollama splits a model across GPUs when one is too small) plus what
the swap's own unloads give back. A model already resident needs nothing; a model of unknown size is not
counted (the server's own scheduler is the last word there)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from lakehouse.errors import VramInsufficient
from lakehouse.wire import GpuMemory, LoadedModel

MIB = 1024 * 1024


def check_vram(target: Iterable[str], sizes: Mapping[str, int], gpus: Sequence[GpuMemory],
               loaded: Sequence[LoadedModel], to_unload: Iterable[str], headroom_bytes: int) -> None:
    """Raise ``VramInsufficient`` (409) naming what to unload when the ``target`` models (those not yet
    resident) would not fit after ``to_unload`` is unloaded."""
    wanted_names = list(target)
    resident = {m.name for m in loaded}
    unloading = set(to_unload)
    needed = {name: sizes[name] for name in wanted_names if name not in resident and name in sizes}
    if not needed or not gpus:
        return
    freed = sum(m.size_vram_bytes or 0 for m in loaded if m.name in unloading)
    available = sum(g.free_bytes for g in gpus) + freed
    total = sum(needed.values()) + headroom_bytes
    if total <= available:
        return
    candidates = sorted((m for m in loaded if m.name not in unloading and m.name not in wanted_names
                         and (m.size_vram_bytes or 0) > 0), key=lambda m: -(m.size_vram_bytes or 0))
    suggestion = [m.name for m in candidates]
    wanted = ", ".join(f"{n} ({v / MIB:,.0f} MiB)" for n, v in needed.items())
    what = (f"unload {', '.join(suggestion)} first (POST /admin/models/{{name}}/unload)" if suggestion
            else "no model the server has loaded can be unloaded to make room (other processes hold the memory, "
                 "or the GPUs are too small)")
    raise VramInsufficient(
        f"Not enough free GPU memory to load {wanted}: {total / MIB:,.0f} MiB needed with "
        f"{headroom_bytes / MIB:,.0f} MiB headroom, {available / MIB:,.0f} MiB available; {what}.",
        hint="Unload a model (lakehouse models unload NAME), or lower models.vram_headroom_mb.",
        details={"needed_bytes": total, "available_bytes": available, "unload": suggestion,
                 "gpus": [g.model_dump() for g in gpus]})
