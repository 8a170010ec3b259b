"""The server's heap trimmer: freed C heap stays resident until trimmed, and the trimmer hands it back."""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest

from lakehouse.allocator import HeapTrimmer
from lakehouse.config import Settings

pytestmark = pytest.mark.skipif(not HeapTrimmer(0, 0).available, reason="the C library is not glibc")
BLOCKS, BLOCK = 32_768, 2_000  # ~64 MB in blocks far below glibc's mmap threshold: they come from an arena


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_freed_heap_stays_resident_until_trimmed() -> None:
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    trimmer = HeapTrimmer(0, 0)
    trimmer.trim()
    before = rss_mb()
    blocks = [libc.malloc(BLOCK) for _ in range(BLOCKS)]
    for block in blocks:
        ctypes.memset(block, 1, BLOCK)
    last = libc.malloc(BLOCK)  # still in use above the freed ones: the heap cannot shrink from its top
    for block in blocks:
        libc.free(block)
    retained = rss_mb() - before
    try:
        assert retained > 45, f"glibc gave the freed blocks back by itself ({retained:.0f} MB left)"
        assert trimmer.trim()
        assert rss_mb() - before < retained - 40, "malloc_trim did not hand the freed heap back"
    finally:
        libc.free(last)


def test_the_trimmer_runs_until_stopped() -> None:
    previous = pa.default_memory_pool()
    trimmer = HeapTrimmer(0, 0.01)
    try:
        assert trimmer.start()
        assert pa.default_memory_pool().backend_name == "system"  # within reach of the trim
    finally:
        pa.set_memory_pool(previous)
    deadline = time.monotonic() + 5
    while trimmer.trims < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    trimmer.stop()
    assert trimmer.trims >= 3
    assert not any(t.name == "lakehouse-heap-trim" for t in threading.enumerate())
    after = trimmer.trims
    time.sleep(0.05)
    assert trimmer.trims == after


def test_no_thread_when_trimming_is_off() -> None:
    trimmer = HeapTrimmer(0, 0)
    assert trimmer.start()
    assert not any(t.name == "lakehouse-heap-trim" for t in threading.enumerate())


def test_server_defaults() -> None:
    server = Settings().server
    assert (server.malloc_arena_max, server.malloc_trim_seconds) == (2, 30.0)
