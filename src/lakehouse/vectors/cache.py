"""Loaded indexes by name, reloaded when the catalog's generation moves (another process refreshed)."""

from __future__ import annotations

import threading

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.storage.registry import BucketRegistry
from lakehouse.vectors.backend import VectorBackend, backend_for
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.store import IndexFiles


class IndexCache:
    def __init__(self, buckets: BucketRegistry):
        self._buckets = buckets
        self._loaded: dict[str, LoadedIndex] = {}
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Lock] = {}
        self._backends: dict[tuple[str, str, str], VectorBackend] = {}

    def files(self, row: VectorIndexRow) -> IndexFiles:
        return IndexFiles(self._buckets.get(row.bucket), row.name)

    def backend(self, row: VectorIndexRow) -> VectorBackend:
        """The index's backend over its bucket (kept per name, bucket and backend: paths resolve once)."""
        key = (row.name, row.bucket, row.vector_backend)
        found = self._backends.get(key)
        if found is None:
            found = self._backends[key] = backend_for(row.vector_backend, self.files(row))
        return found

    def get(self, row: VectorIndexRow) -> LoadedIndex:
        with self._lock:
            current = self._loaded.get(row.name)
            if current is not None and current.generation == row.generation:
                return current
            gate = self._loading.setdefault(row.name, threading.Lock())
        with gate:
            with self._lock:
                current = self._loaded.get(row.name)
            if current is not None and current.generation == row.generation:
                return current
            fresh = self.backend(row).load(row)
            self.put(fresh)
            return fresh

    def peek(self, row: VectorIndexRow) -> LoadedIndex | None:
        """The loaded index when it is warm at the row's generation; never loads."""
        with self._lock:
            current = self._loaded.get(row.name)
        return current if current is not None and current.generation == row.generation else None

    def latest(self, name: str) -> LoadedIndex | None:
        """The newest index loaded under ``name``, whatever the catalog says now (for the holder of its lock)."""
        with self._lock:
            return self._loaded.get(name)

    def put(self, index: LoadedIndex) -> None:
        with self._lock:
            current = self._loaded.get(index.name)
            if current is None or current.generation <= index.generation:
                self._loaded[index.name] = index

    def drop(self, name: str) -> None:
        with self._lock:
            self._loaded.pop(name, None)
            for key in [k for k in self._backends if k[0] == name]:
                self._backends.pop(key, None)
