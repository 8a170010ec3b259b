"""The C heap of a long-running server: fewer glibc arenas and a periodic ``malloc_trim`` (glibc only).

Why (measured in the soak, docs/operations.md): the server's Python objects stay flat (tracemalloc: a few MB
after warm-up) and the pyarrow pool holds under 5 MB, yet its RSS kept growing. What grew was glibc's heap
keeping memory that had been freed: requests run on up to 40 threads spread over up to 8 arenas per core, and
an arena hands memory back only from its top, so the native allocations of each request (faiss, SQLite,
tokenizers, torch) leave freed holes that stay resident. ``malloc_trim(0)`` returns every free page of every
arena (madvise); it holds each arena for tens of ms (50-130 ms on a fragmented 600 MB test heap), so it runs
every 30 s rather than after each request. Fewer arenas leave fewer half-empty heaps to begin with. pyarrow's
own pool (mimalloc) is switched to the system allocator so that the trim reaches it as well.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # glibc's mallopt parameter number (malloc.h)


def _glibc() -> Any | None:
    """The C library when it is glibc (has ``malloc_trim``); None elsewhere (musl, macOS, Windows)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
    except OSError:
        return None
    if not hasattr(libc, "malloc_trim") or not hasattr(libc, "mallopt"):
        return None
    libc.malloc_trim.argtypes = [ctypes.c_size_t]
    libc.malloc_trim.restype = ctypes.c_int
    libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    libc.mallopt.restype = ctypes.c_int
    return libc


def _arrow_on_the_c_heap() -> None:
    """pyarrow allocates from glibc too, so the trim covers it: its own mimalloc pool kept 60 MB committed
    for 3 MB in use in the server (whose Arrow work is small: ingest batches, index metadata)."""
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())


class HeapTrimmer:
    """``start()`` caps the arenas (best before the server starts its threads) and trims every
    ``interval`` seconds on a daemon thread; a no-op where the C library is not glibc."""

    def __init__(self, arena_max: int, interval: float):
        self.arena_max, self.interval = arena_max, interval
        self._libc = _glibc()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.trims = 0

    @property
    def available(self) -> bool:
        return self._libc is not None

    def start(self) -> bool:
        """True when glibc is there and the settings were applied."""
        if self._libc is None:
            return False
        if self.arena_max > 0 and self._libc.mallopt(M_ARENA_MAX, self.arena_max) != 1:
            log.warning("mallopt(M_ARENA_MAX, %s) was refused", self.arena_max)
        if self.interval > 0:
            _arrow_on_the_c_heap()
        if self.interval > 0 and self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="lakehouse-heap-trim", daemon=True)
            self._thread.start()
        return True

    def trim(self) -> bool:
        """Hand the free pages of every arena back to the OS now; True when some memory was released."""
        if self._libc is None:
            return False
        self.trims += 1
        return bool(self._libc.malloc_trim(0))

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.trim()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
