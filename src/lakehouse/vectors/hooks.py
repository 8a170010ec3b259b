"""Where governance plugs into vector search (it arrives later; nothing here depends on it).

A ``SearchGuard`` restricts hits to the rows an actor may read and names tombstoned doc_ids. Every
search asks every registered guard; refresh and build drop the erased ids too.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from lakehouse.types import Actor
from lakehouse.vectors.spec import IndexManifest


class SearchGuard(Protocol):
    def can_search(self, actor: Actor, index: IndexManifest, filtering: bool = False) -> None:
        """Raise NotFound/Forbidden when the actor may not read the index's source (or, with
        ``filtering``, may not see the source columns a filter would probe)."""

    def allowed_doc_ids(self, actor: Actor, index: IndexManifest) -> Collection[object] | None:
        """The doc_ids the actor may read, or None for no restriction."""

    def erased_doc_ids(self, dataset: str, id_column: str) -> Collection[str]:
        """Tombstoned keys of ``dataset`` (as strings) that must never be indexed or returned."""


class Guards:
    def __init__(self) -> None:
        self._guards: list[SearchGuard] = []

    def register(self, guard: SearchGuard) -> None:
        self._guards.append(guard)

    def check(self, actor: Actor, index: IndexManifest, filtering: bool = False) -> None:
        for guard in self._guards:
            guard.can_search(actor, index, filtering)

    def allowed(self, actor: Actor, index: IndexManifest) -> set[object] | None:
        allowed: set[object] | None = None
        for guard in self._guards:
            ids = guard.allowed_doc_ids(actor, index)
            if ids is not None:
                allowed = set(ids) if allowed is None else allowed & set(ids)
        return allowed

    def erased(self, dataset: str, id_column: str) -> set[str]:
        out: set[str] = set()
        for guard in self._guards:
            out |= {str(k) for k in guard.erased_doc_ids(dataset, id_column)}
        return out
