"""In-process event bus and the ``Erasable`` hook registry.

Every write path publishes through the bus, so journal, stale marking and refresh policies subscribe
once and see uploads, bucket-path ingest, the watcher, the CLI and the library alike. A failing
subscriber is logged and never undoes the write that already committed.
"""

from __future__ import annotations

import fnmatch
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from lakehouse.types import Actor, Event

log = logging.getLogger(__name__)

Handler = Callable[[Event], None]


class EventBus:
    def __init__(self) -> None:
        self._subscribers: list[tuple[str, Handler]] = []
        self._lock = threading.Lock()

    def subscribe(self, pattern: str, handler: Handler) -> Callable[[], None]:
        """Call ``handler`` for events whose type matches the glob ``pattern`` (``dataset.*``)."""
        entry = (pattern, handler)
        with self._lock:
            self._subscribers.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._subscribers:
                    self._subscribers.remove(entry)

        return unsubscribe

    def publish(self, event: Event) -> None:
        with self._lock:
            targets = [h for p, h in self._subscribers if fnmatch.fnmatchcase(event.type, p)]
        for handler in targets:
            try:
                handler(event)
            except Exception:  # a subscriber must never break the write that happened
                log.exception("event handler failed for %s", event.type)


@dataclass(frozen=True)
class ErasureReport:
    """What one erasable store did for a purge: rewritten versions, removed files, remaining."""

    store: str
    rows_removed: int = 0
    files_removed: int = 0
    versions_rewritten: int = 0
    remaining: tuple[str, ...] = ()
    records_scrubbed: int = 0        # records outside tables (kept agent answers) that named an erased key


class Erasable(Protocol):
    """A store that can hold copies of dataset rows (tables now; vector indexes, caches later)."""

    name: str

    def erase(self, dataset: str, key_column: str, keys: Sequence[object], actor: Actor) -> ErasureReport: ...


class LazyErasable:
    """An ``Erasable`` built on first use, so a process that never purges never imports its store."""

    def __init__(self, name: str, factory: Callable[[], Erasable]):
        self.name = name
        self._factory = factory
        self._store: Erasable | None = None

    def erase(self, dataset: str, key_column: str, keys: Sequence[object], actor: Actor) -> ErasureReport:
        if self._store is None:
            self._store = self._factory()
        return self._store.erase(dataset, key_column, keys, actor)


class ErasableRegistry:
    def __init__(self) -> None:
        self._stores: list[Erasable] = []

    def register(self, store: Erasable) -> None:
        self._stores.append(store)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(list(self._stores))
