"""Recipient checks kept for a few seconds (``sharing.check_cache_seconds``).

A recipient's read makes several requests within a second — metadata, query, then for each file a GET, a HEAD
and ranged GETs (fsspec's HTTP reader asks for the size and the footer before the data) — and each checks the
recipient against the catalog. The answer is kept here for a short window, keyed by the token's hash (bearer
token) or the recipient's id (file tickets). Revoking a recipient, deleting a share and an object leaving its
shares clear it in this process at once; another server process over the same catalog sees such a change
within the window. A recipient's own expiry is checked on every hit, and the ticket's signature and expiry,
and the file's existence, are checked on every request anyway (they cost no catalog read).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from lakehouse.sharing.store import Recipient, SharedObject
from lakehouse.types import utcnow

T = TypeVar("T")
MAX_ENTRIES = 4096


@dataclass(frozen=True)
class Access:
    """A recipient and what its shares hold: (name, id, objects) per share, in the store's order."""

    recipient: Recipient
    shares: tuple[tuple[str, str, tuple[SharedObject, ...]], ...]

    def readable(self, name: str) -> bool:
        return any(o.name == name for _, _, objects in self.shares for o in objects)


class CheckCache(Generic[T]):
    def __init__(self, seconds: float):
        self._seconds = seconds
        self._entries: dict[str, tuple[float, datetime | None, T]] = {}
        self._lock = threading.Lock()

    def get(self, key: str, load: Callable[[], tuple[T, datetime | None]]) -> T:
        """The value kept for ``key`` while fresh and before its ``expires`` (a recipient's expiry), else
        ``load()``'s (which raises for a recipient no longer allowed: nothing is kept then)."""
        if self._seconds <= 0:
            return load()[0]
        now = time.monotonic()
        with self._lock:
            found = self._entries.get(key)
        if found is not None and found[0] > now and (found[1] is None or found[1] > utcnow()):
            return found[2]
        value, expires = load()
        with self._lock:
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[key] = (now + self._seconds, expires, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
