"""Embedders by name. Built-ins register through the same door as third parties: a loader
``(EmbeddingsSettings) -> Embedder`` under a name, or an entry point in group ``lakehouse.embedders``."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from lakehouse.config import EmbeddingsSettings
from lakehouse.embeddings.base import Embedder
from lakehouse.errors import InvalidInput

if TYPE_CHECKING:
    from lakehouse.network import NetworkPolicy

log = logging.getLogger(__name__)
ENTRY_POINT_GROUP = "lakehouse.embedders"
Loader = Callable[[EmbeddingsSettings], Embedder]


def _builtin_local(settings: EmbeddingsSettings) -> Embedder:
    from lakehouse.embeddings.local import load

    return load(settings)


def _builtin_ollama(settings: EmbeddingsSettings, network: NetworkPolicy | None = None) -> Embedder:
    from lakehouse.embeddings.http import load_ollama

    return load_ollama(settings, network)


def _builtin_openai(settings: EmbeddingsSettings, network: NetworkPolicy | None = None) -> Embedder:
    from lakehouse.embeddings.http import load_openai

    return load_openai(settings, network)


BUILTINS: dict[str, Loader] = {"local": _builtin_local, "ollama": _builtin_ollama, "openai": _builtin_openai}


class EmbedderRegistry:
    """Loads each embedder once (the local model is ~90 MB) and hands out the same instance."""

    def __init__(self, settings: EmbeddingsSettings, *, discover: bool = True, network: NetworkPolicy | None = None):
        """``network``: the outbound policy for the HTTP embedders (default: loopback plus their own host)."""
        self._settings = settings
        self._loaders: dict[str, Loader] = dict(BUILTINS)
        if network is not None:
            self._loaders.update(ollama=partial(_builtin_ollama, network=network),
                                 openai=partial(_builtin_openai, network=network))
        self._instances: dict[str, Embedder] = {}
        self._lock = threading.Lock()
        if discover:
            self._discover()

    def _discover(self) -> None:
        for entry in entry_points(group=ENTRY_POINT_GROUP):
            if entry.name in BUILTINS:
                continue  # the package's own entry points name the built-ins above

            def load(settings: EmbeddingsSettings, _entry=entry) -> Embedder:  # type: ignore[no-untyped-def]
                factory = _entry.load()
                return factory(settings)  # type: ignore[no-any-return]

            self._loaders[entry.name] = load

    def register(self, name: str, loader: Loader) -> None:
        with self._lock:
            self._loaders[name] = loader
            self._instances.pop(name, None)

    def names(self) -> list[str]:
        return sorted(self._loaders)

    def get(self, name: str | None = None) -> Embedder:
        name = name or self._settings.default
        with self._lock:
            if name in self._instances:
                return self._instances[name]
            loader = self._loaders.get(name)
        if loader is None:
            raise InvalidInput(f"Unknown embedder '{name}'.", hint=f"Known embedders: {', '.join(self.names())}.")
        embedder = loader(self._settings)
        with self._lock:
            return self._instances.setdefault(name, embedder)
