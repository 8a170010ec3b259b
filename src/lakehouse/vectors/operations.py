"""Index operations below a build: fetch a document, append rows, stats, optimize, (re)build the ANN
structure and migrate between backends. Each runs through the backend interface under the index lock."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

import numpy as np
import pyarrow as pa

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.config import Settings
from lakehouse.embeddings import EmbedderRegistry
from lakehouse.errors import Conflict, InvalidInput, NotFound
from lakehouse.vectors import build as steps
from lakehouse.vectors.backend import STRUCTURES, Built, VectorBackend, backend_for, check_backend
from lakehouse.vectors.cache import IndexCache
from lakehouse.vectors.hooks import Guards
from lakehouse.vectors.indexer import Indexer, _renumber
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.records import IndexRecords

MAX_APPEND_ROWS = 10_000


class IndexOps:
    def __init__(self, settings: Settings, records: IndexRecords, cache: IndexCache, indexer: Indexer,
                 embedders: EmbedderRegistry, guards: Guards):
        self.settings, self.records, self.cache, self.indexer = settings, records, cache, indexer
        self.embedders, self.guards = embedders, guards

    def _ready(self, name: str) -> tuple[VectorIndexRow, LoadedIndex]:
        row = self.records.get(name)
        if row.generation == 0:
            raise Conflict(f"Vector index '{name}' has not finished its first build (status {row.status}).",
                           hint="Wait for the build job (GET /jobs) and try again.")
        return row, self.cache.get(row)

    # Fetch --------------------------------------------------------------------------------------
    def fetch(self, row: VectorIndexRow, doc_id: Any, allowed: set[object] | None,
              with_vectors: bool) -> dict[str, Any]:
        """Every chunk of one document; 404 for an unknown, erased or (row-level) unreadable id."""
        name = row.name
        if row.generation == 0:
            raise Conflict(f"Vector index '{name}' has not finished its first build (status {row.status}).",
                           hint="Wait for the build job (GET /jobs) and try again.")
        index = self.cache.get(row)
        key = str(doc_id)
        readable = allowed is None or key in {str(a) for a in allowed}
        if not readable or key in self.guards.erased(row.dataset, row.id_column):
            table = pa.table({})
        else:
            table = self.cache.backend(row).fetch(index, doc_id, with_vectors)
        if not table.num_rows:
            raise NotFound(f"Index '{name}' has no document '{doc_id}'.",
                           hint=f"POST /vectors/search/{name} finds documents and their doc_ids.")
        columns = ["doc_id", "chunk_index", "start", "end", "text"]
        chunks = table.select(columns).to_pylist()
        if with_vectors:
            for chunk, vector in zip(chunks, table.column("vector").to_pylist(), strict=True):
                chunk["vector"] = vector
        return {"index_name": name, "doc_id": chunks[0]["doc_id"], "chunks": chunks}

    # Append -------------------------------------------------------------------------------------
    def append(self, name: str, rows: list[dict[str, Any]], owner: str) -> dict[str, Any]:
        """Embed (texts) or take (vectors) ``rows`` and add them to the index alone, without a rebuild."""
        def body() -> dict[str, Any]:
            row, current = self._ready(name)
            timer = steps.Timer()
            docs = self._docs(row, current, rows)
            chunks = steps.chunk_docs(row, docs, list(range(len(docs.keys))),
                                      self.settings.vectors.max_chunks_per_document)
            if not chunks.ids:
                raise InvalidInput("Every appended row is empty: nothing to index.")
            vectors = self._vectors(row, docs, chunks)
            chunks.hashes = [steps.APPENDED + h for h in chunks.hashes]
            new = chunks.table(current.labels, vectors, current.meta.schema.field("doc_id").type)
            backend = self.cache.backend(row)
            result = self.indexer.commit(row, backend, None, None, None, timer, dim=current.dim,
                                         update=lambda generation: backend.append(current, new, generation))
            optimized = self._maybe_optimize(name, backend, self.cache.latest(name))
            return {**result, "appended_documents": len(docs.keys), "appended_chunks": len(chunks.ids),
                    "optimized": optimized}
        return self.indexer.locked(name, owner, body)

    def _docs(self, row: VectorIndexRow, current: LoadedIndex, rows: list[dict[str, Any]]) -> steps.Docs:
        content = row.text_column or row.vector_column
        assert content is not None
        if not rows:
            raise InvalidInput('Send {"rows": [...]} with at least one row.')
        if len(rows) > MAX_APPEND_ROWS:
            raise InvalidInput(f"At most {MAX_APPEND_ROWS} rows per append, got {len(rows)}.",
                               hint="Split the rows into several appends.")
        missing = [i for i, r in enumerate(rows) if r.get(row.id_column) is None or r.get(content) is None]
        if missing:
            raise InvalidInput(f"Rows {missing[:10]} lack '{row.id_column}' or '{content}'.",
                               hint=f'Each row is {{"{row.id_column}": ..., "{content}": ...}}.')
        keys = [str(r[row.id_column]) for r in rows]
        id_type = current.meta.schema.field("doc_id").type
        try:
            ids = pa.array([r[row.id_column] for r in rows], id_type)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
            raise InvalidInput(f"'{row.id_column}' values do not fit the index's id type {id_type}: {exc}") from None
        counts = Counter(keys)
        repeated = sorted(k for k, c in counts.items() if c > 1)
        present = sorted(current.known_docs(ids))
        erased = self.guards.erased(row.dataset, row.id_column) & set(keys)
        if repeated or present or erased:
            raise InvalidInput(f"Duplicate doc_id(s): {(repeated + present + sorted(erased))[:10]} (repeated in the "
                               "request, already in the index, or erased); nothing was written.",
                               hint="Append new documents only; refresh the index to change existing ones.")
        values = [r[content] for r in rows]
        if row.vector_column is not None:
            return _vector_docs(ids, self._checked_vectors(row, values))
        bad = [i for i, v in enumerate(values) if not isinstance(v, str)]
        if bad:
            raise InvalidInput(f"Rows {bad[:10]}: '{content}' must be text (the index embeds it).")
        table = pa.table({row.id_column: ids, content: values})
        return steps.read_docs(table, row.id_column, content, False)

    def _checked_vectors(self, row: VectorIndexRow, values: list[Any]) -> np.ndarray:
        """The rows' vectors as one matrix (one conversion for all of them), or 422 naming the first bad row."""
        try:
            matrix = np.asarray(values, dtype=np.float32)
        except (TypeError, ValueError):
            matrix = None
        if matrix is None or matrix.shape != (len(values), row.dim):
            for i, value in enumerate(values):
                try:
                    vector = np.asarray(value, dtype=np.float32)
                except (TypeError, ValueError):
                    raise InvalidInput(f"Row {i}: the vector is not a list of numbers. Nothing was written.") from None
                if vector.shape != (row.dim,):
                    raise InvalidInput(f"Row {i}: a vector of dimension {vector.size}; index '{row.name}' holds "
                                       f"{row.dim}. Nothing was written.", hint=f"Send vectors of {row.dim} numbers.")
            raise InvalidInput("The vectors are not lists of numbers. Nothing was written.")
        finite = np.isfinite(matrix).all(axis=1)
        if not finite.all():
            raise InvalidInput(f"Row {int(np.argmin(finite))}: the vector holds NaN or infinite values. "
                               "Nothing was written.")
        return matrix

    def _vectors(self, row: VectorIndexRow, docs: steps.Docs, chunks: steps.Rows) -> np.ndarray:
        embedder = steps.resolve_embedder(self.embedders, row)
        if embedder is None:
            return steps.prepare(row.metric, steps.byo_vectors(docs, chunks))
        if embedder.model != row.model:
            raise Conflict(f"Index '{row.name}' was built with model '{row.model}', but embedder '{embedder.name}' "
                           f"serves '{embedder.model}'.", hint="Rebuild the index to switch models.")
        vectors = embedder.embed(chunks.text)
        if vectors.shape[1] != row.dim:
            raise InvalidInput(f"The embedder returned dimension {vectors.shape[1]}; the index holds {row.dim}.")
        return steps.prepare(row.metric, vectors)

    # Optimize -----------------------------------------------------------------------------------
    def _maybe_optimize(self, name: str, backend: VectorBackend, appended: LoadedIndex | None) -> bool:
        """Size-triggered: fold appended rows in once they pass vectors.lance_optimize_unindexed_fraction.
        ``appended``: the index the append just left (the lock is held), judged without reading the catalog."""
        if appended is None:
            return False
        unindexed = backend.unindexed_rows(appended)
        if not appended.live or unindexed / appended.live <= self.settings.vectors.lance_optimize_unindexed_fraction:
            return False
        row, index = self._ready(name)
        return self._optimize(row, index) is not None

    def optimize(self, name: str, owner: str) -> dict[str, Any]:
        def body() -> dict[str, Any]:
            row, index = self._ready(name)
            result = self._optimize(row, index)
            return result or {"index_name": name, "optimized": False, "reason": "no unindexed rows"}
        return self.indexer.locked(name, owner, body)

    def _optimize(self, row: VectorIndexRow, index: LoadedIndex) -> dict[str, Any] | None:
        backend = self.cache.backend(row)
        built = backend.optimize(row, index, row.generation + 1)
        if built is None:
            return None
        result = self.indexer.switch(row, backend, built, row.generation + 1, None, None, steps.Timer(), full=False)
        return {**result, "optimized": True}

    # Stats --------------------------------------------------------------------------------------
    def stats(self, name: str) -> dict[str, Any]:
        row, index = self._ready(name)
        backend = self.cache.backend(row)
        return {"index_name": name, "vector_backend": backend.name, "generation": row.generation,
                "documents": index.documents(), **backend.stats(row, index),
                "memory_bytes": backend.memory_bytes(index)}

    # The ANN structure --------------------------------------------------------------------------
    def rebuild_ann(self, name: str, params: dict[str, Any], owner: str) -> dict[str, Any]:
        """Rebuild the ANN structure with ``params`` (HNSW m/ef_construction, or IVF_PQ sizes) over the same
        rows; the parameters become the champion's."""
        def body() -> dict[str, Any]:
            row, index = self._ready(name)
            champion = {**((row.ann or {}).get("champion") or {}), **params, "trial_id": None}
            row.ann = {**(row.ann or {}), "champion": champion}
            self.records.update(name, ann=row.ann)
            return self._reindex(row, index)
        return self.indexer.locked(name, owner, body)

    def _reindex(self, row: VectorIndexRow, index: LoadedIndex) -> dict[str, Any]:
        backend, timer = self.cache.backend(row), steps.Timer()
        generation = row.generation + 1
        built = backend.reindex(row, index, steps.ann_params(self.settings, row.ann or {}), generation,
                                self.settings.vectors.search_threads)
        if built is None:
            return self._rewrite(row, index, row.vector_backend)
        return self.indexer.switch(row, backend, built, generation, None, None, timer, full=True)

    @staticmethod
    def ann_pending(row: VectorIndexRow) -> bool:
        """The rows are written but the ANN structure is not built yet (after a migration): searches are exact."""
        return bool(((row.ann or {}).get("structure") or {}).get("pending"))

    def build_pending(self, name: str, owner: str) -> dict[str, Any]:
        """Build the ANN structure a migration left pending, with the champion's parameters (the job a migration
        queues, and the scheduler's when that job was lost); nothing when another already built it."""
        def body() -> dict[str, Any]:
            row, index = self._ready(name)
            if not self.ann_pending(row):
                return {"index_name": name, "built": False, "reason": "the ANN structure is built"}
            return {**self._reindex(row, index), "built": True}
        return self.indexer.locked(name, owner, body)

    # Migration ----------------------------------------------------------------------------------
    @staticmethod
    def check_migration(row: VectorIndexRow, backend_name: str) -> None:
        """Refuse what cannot migrate: an unknown backend, an index being built, one already there."""
        check_backend(backend_name)
        if row.status == "building" or row.generation == 0:
            raise Conflict(f"Vector index '{row.name}' is being built (status {row.status}); migrate it "
                           "afterwards.", hint="Wait for the build job (GET /jobs), then migrate.")
        if row.vector_backend == backend_name:
            raise Conflict(f"Vector index '{row.name}' already uses the {backend_name} backend.")

    def migrate(self, name: str, backend_name: str, owner: str) -> dict[str, Any]:
        """Copy the rows to the other backend, switch the catalog in one update, then remove the old backend's
        files. A failure before the switch leaves the old copy serving. The rows are all a migration writes
        where the backend can search without its ANN structure (lance: exactly, until the IVF_PQ that
        ``build_pending`` trains switches in); ``ann_pending`` in the result says so."""
        self.check_migration(self.records.get(name), backend_name)

        def body() -> dict[str, Any]:
            fresh, index = self._ready(name)
            old = self.cache.backend(fresh)
            result = self._rewrite(fresh, index, backend_name, with_ann=False)
            old.delete_data()
            return {**result, "from": old.name, "to": backend_name,
                    "ann_pending": self.ann_pending(self.records.get(name))}
        return self.indexer.locked(name, owner, body)

    def _rewrite(self, row: VectorIndexRow, index: LoadedIndex, backend_name: str,
                 with_ann: bool = True) -> dict[str, Any]:
        """Every live row, renumbered, written by ``backend_name`` with a fresh ANN structure (or none yet)."""
        timer = steps.Timer()
        alive = index.alive_positions()
        dense = not index.dead and bool(np.array_equal(alive, np.arange(len(alive))))
        table = _renumber(index.meta, None, index.vectors if dense else index.vectors[alive])  # no copy if dense
        backend = backend_for(backend_name, self.cache.files(row))
        generation = row.generation + 1
        built: Built = backend.build(table, row.metric, steps.ann_params(self.settings, row.ann or {}), generation,
                                     self.settings.vectors.search_threads, with_ann=with_ann)
        extra = {"vector_backend": backend_name, "backend": STRUCTURES[backend_name]}
        if backend_name != row.vector_backend:
            row.ann = {k: v for k, v in (row.ann or {}).items() if k != "structure"}
        return self.indexer.switch(row, backend, built, generation, None, None, timer, full=True, extra=extra)


def _vector_docs(ids: pa.Array, matrix: np.ndarray) -> steps.Docs:
    """Appended rows of a vector_column index as documents (ids checked unique), without a round trip through
    Arrow: what ``steps.read_docs`` makes of a table of them."""
    values = ids.to_pylist()
    docs = steps.Docs(ids=values, keys=[str(v) for v in values], id_type=ids.type, matrix=matrix,
                      rows=list(range(len(values))))
    docs.vectors = list(matrix)
    docs.hashes = [hashlib.sha256(v.tobytes()).hexdigest()[:32] for v in docs.vectors]
    return docs
