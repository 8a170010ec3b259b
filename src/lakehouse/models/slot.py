"""The GPU slot: one active target per model server (a generation model and/or an embedding model, and who
set it), swapped under a lock so that two swaps never load models at the same time.

A swap: ask the server what is loaded (/api/ps) -> the VRAM gate (may refuse: 409, nothing touched) -> unload
the old target's models the new one does not use -> preload the new ones (a model both share, still resident,
is neither unloaded nor reloaded) -> check /api/ps lists them -> the new state. Any failure after the gate
leaves the slot EMPTY (what this swap preloaded is unloaded again where possible) and says so in the error and
in ``state().error``; while a swap runs the state claims nothing (``swapping_to`` says what is coming)."""

from __future__ import annotations

import copy
import ipaddress
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from lakehouse.errors import Conflict, LakehouseError, ModelServerError
from lakehouse.models.gate import MIB, check_vram
from lakehouse.models.nvml import GpuProbe, NvmlProbe
from lakehouse.models.server import ModelServer, model_key
from lakehouse.network import url_host
from lakehouse.types import utcnow
from lakehouse.wire import LoadedModel, ModelAction, SlotInfo, VramReport

if TYPE_CHECKING:
    from lakehouse.config import Settings
    from lakehouse.network import NetworkPolicy


@dataclass(frozen=True)
class SlotTarget:
    """What the slot should hold: ``model`` (a generation model, preloaded through /api/generate) and/or
    ``embed_model`` (an embedding model, preloaded through /api/embed), set on behalf of ``owner``."""

    model: str | None = None
    embed_model: str | None = None
    owner: str | None = None

    def models(self) -> list[tuple[str, bool]]:
        """(server name, is an embedding model) in load order; a model named twice loads once."""
        out: list[tuple[str, bool]] = []
        for name, embedding in ((self.model, False), (self.embed_model, True)):
            if name and model_key(name) not in {n for n, _ in out}:
                out.append((model_key(name), embedding))
        return out


@dataclass(frozen=True)
class SlotState:
    target: SlotTarget | None = None
    models: tuple[str, ...] = ()
    """What the slot holds loaded, each listed by the server's /api/ps after the swap (when it has /api/ps)."""
    since: datetime | None = None
    swapping_to: SlotTarget | None = None
    error: str | None = None
    steps: tuple[str, ...] = field(default=())
    """The server calls of the last swap, in order (``unload NAME``, ``preload NAME via /api/embed``)."""
    elapsed_ms: float | None = None

    @property
    def empty(self) -> bool:
        return self.target is None

    def info(self) -> SlotInfo:
        target = self.target or SlotTarget()
        return SlotInfo(owner=target.owner, model=target.model and model_key(target.model),
                        embed_model=target.embed_model and model_key(target.embed_model), models=list(self.models),
                        since=self.since, error=self.error,
                        swapping_to=self.swapping_to.owner or "(no owner)" if self.swapping_to else None)


def _is_loopback(url: str) -> bool:
    host = url_host(url) or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ModelSlot:
    def __init__(self, server: ModelServer, probe: GpuProbe | None = None, *, vram_check: bool = True,
                 headroom_bytes: int = 512 * MIB):
        self.server = server
        self.probe: GpuProbe = probe or NvmlProbe()
        self.vram_check = vram_check
        self.headroom_bytes = headroom_bytes
        self._lock = threading.Lock()
        self._state = SlotState()

    @classmethod
    def from_settings(cls, settings: Settings, network: NetworkPolicy | None = None) -> ModelSlot:
        cfg = settings.models
        url = settings.models_url
        server = ModelServer(url, keep_alive=cfg.keep_alive, timeout=cfg.timeout_seconds,
                             probe_timeout=cfg.probe_timeout_seconds, network=network)
        check = cfg.vram_check == "always" or (cfg.vram_check == "auto" and _is_loopback(url))
        return cls(server, vram_check=check, headroom_bytes=cfg.vram_headroom_mb * MIB)

    def close(self) -> None:
        self.server.close()

    def state(self) -> SlotState:
        """The slot as it stands (no server call): during a swap it claims nothing."""
        return self._state

    # Swaps --------------------------------------------------------------------------------------------
    def swap(self, target: SlotTarget) -> SlotState:
        """Make ``target`` the active one (waits for a swap in progress). Raises ``VramInsufficient`` (409,
        slot unchanged), or the server's error (``ModelServerUnavailable`` 503, ``ModelServerTimeout`` 504,
        ``ModelServerError`` 502, ``ModelNotFound`` 404) with the slot unchanged when it came before anything
        was unloaded, else with the slot empty (``details["slot"] == "empty"``)."""
        with self._lock:
            return self._swap(target)

    def clear(self, owner: str | None = None) -> SlotState:
        """Unload the slot's models and empty it. ``owner``: only when that owner's target is the active one
        (``Conflict`` 409 when another owner's is; nothing to do when the slot is empty)."""
        with self._lock:
            active = self._state.target
            if active is None:
                return self._state
            if owner is not None and active.owner != owner:
                raise Conflict(f"'{owner}' does not hold the GPU slot; '{active.owner}' does.",
                               hint="Deactivate the owner that holds it, or activate another target.")
            return self._swap(SlotTarget(owner=None), clearing=True)

    def _swap(self, target: SlotTarget, clearing: bool = False) -> SlotState:
        started = time.perf_counter()
        wanted = target.models()
        names = [n for n, _ in wanted]
        old = list(self._state.models)
        loaded = self.server.loaded()
        still = {n for n in old if loaded is None or n in {m.name for m in loaded}}
        to_unload = [n for n in old if n not in names]
        to_load = [(n, embedding) for n, embedding in wanted if n not in still]
        if to_load:
            self._gate(names, loaded or [], to_unload)
        self._state = SlotState(swapping_to=target, since=utcnow())
        steps: list[str] = []
        preloaded: list[str] = []
        try:
            for name in to_unload:
                self.server.unload(name)
                steps.append(f"unload {name}")
            for name, embedding in to_load:
                via, _ = self.server.preload(name, embedding)
                preloaded.append(name)
                steps.append(f"preload {name} via {via}")
            if to_load:
                self._verify(names)
        except Exception as exc:
            left = self._undo(preloaded, steps)
            message = exc.message if isinstance(exc, LakehouseError) else f"{type(exc).__name__}: {exc}"
            self._state = SlotState(since=utcnow(), steps=tuple(steps), error=message,
                                    elapsed_ms=(time.perf_counter() - started) * 1000)
            if isinstance(exc, LakehouseError):
                raise _emptied(exc, "clearing the GPU slot" if clearing else
                               f"swapping the GPU slot to {target.owner or 'a new target'}", left) from None
            raise
        elapsed = (time.perf_counter() - started) * 1000
        if clearing:
            self._state = SlotState(since=utcnow(), steps=tuple(steps), elapsed_ms=elapsed)
        else:
            self._state = SlotState(target=target, models=tuple(names), since=utcnow(), steps=tuple(steps),
                                    elapsed_ms=elapsed)
        return self._state

    def _gate(self, names: list[str], loaded: list[LoadedModel], to_unload: list[str]) -> None:
        if not self.vram_check:
            return
        report = self.probe.read()
        if report.gpus:
            check_vram(names, self.server.sizes(), report.gpus, loaded, to_unload, self.headroom_bytes)

    def _verify(self, names: list[str]) -> None:
        loaded = self.server.loaded()
        if loaded is None:
            return  # the server has no /api/ps: its preload answers are all there is
        missing = [n for n in names if n not in {m.name for m in loaded}]
        if missing:
            raise ModelServerError(f"The model server at {self.server.where} answered the preload but /api/ps "
                                   f"does not list {', '.join(missing)}.",
                                   hint="The server may have evicted it (too little memory, OLLAMA_MAX_LOADED_MODELS)"
                                        "; see GET /admin/vram and the server's log.")

    def _undo(self, preloaded: list[str], steps: list[str]) -> list[str]:
        """Unload what this swap loaded; the names that could not be unloaded."""
        left = []
        for name in reversed(preloaded):
            try:
                self.server.unload(name)
                steps.append(f"unload {name} (undo)")
            except LakehouseError:
                left.append(name)
        return left

    # Operators ------------------------------------------------------------------------------------------
    def preload(self, name: str, embedding: bool | None = None) -> ModelAction:
        """Load one model outside any target (the VRAM gate applies; the slot's target does not change)."""
        key = model_key(name)
        with self._lock:
            loaded = self.server.loaded()
            if loaded is None or key not in {m.name for m in loaded}:
                self._gate([key], loaded or [], [])
            started = time.perf_counter()
            via, as_embedding = self.server.preload(key, embedding)
            return self._action(key, "preload", via, started, embedding=as_embedding)

    def unload(self, name: str) -> ModelAction:
        """Unload one model now; when the slot holds it, the slot is emptied (it would claim a model gone)."""
        key = model_key(name)
        with self._lock:
            started = time.perf_counter()
            self.server.unload(key)
            cleared = key in self._state.models
            if cleared:
                self._state = SlotState(since=utcnow(), error=f"{key} was unloaded by an operator.")
            return self._action(key, "unload", "/api/generate", started, cleared=cleared)

    def _action(self, key: str, action: Literal["preload", "unload"], via: str, started: float, *,
                embedding: bool | None = None, cleared: bool = False) -> ModelAction:
        elapsed = (time.perf_counter() - started) * 1000
        loaded = self.server.loaded()
        entry = next((m for m in loaded or [] if m.name == key), None)
        return ModelAction(model=key, action=action, via=via, embedding=embedding, elapsed_ms=round(elapsed, 3),
                           loaded=None if loaded is None else entry is not None,
                           size_vram_bytes=entry.size_vram_bytes if entry else None, slot_cleared=cleared)

    # Report ----------------------------------------------------------------------------------------------
    def vram(self) -> VramReport:
        """GPUs (NVML) and the server's loaded models; a GPU-less machine or a down server is an answer too."""
        gpus = self.probe.read()
        models: list[LoadedModel] = []
        server_error = None
        try:
            models = self.server.loaded() or []
        except LakehouseError as exc:
            server_error = exc.message
        return VramReport(gpus=gpus.gpus, reason=gpus.reason, server=self.server.where, models=models,
                          server_error=server_error, slot=self._state.info())


def _emptied(exc: LakehouseError, doing: str, left: list[str]) -> LakehouseError:
    """The same error, saying that the slot is now empty (and what could not be unloaded)."""
    error = copy.copy(exc)
    extra = f" Could not unload {', '.join(left)} again." if left else ""
    error.message = f"{doing[0].upper()}{doing[1:]} failed; the slot is now empty. {exc.message}{extra}"
    error.args = (error.message,)
    error.details = {**exc.details, "slot": "empty", "not_unloaded": left}
    return error
