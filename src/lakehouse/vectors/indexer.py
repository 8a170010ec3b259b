"""Build, refresh and erase an index (the bodies of the build/refresh jobs and of purge)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.embeddings import EmbedderRegistry
from lakehouse.errors import Conflict, InvalidInput, LakehouseError
from lakehouse.types import utcnow
from lakehouse.vectors import build as steps
from lakehouse.vectors import store
from lakehouse.vectors.backend import Built, VectorBackend
from lakehouse.vectors.cache import IndexCache
from lakehouse.vectors.hooks import Guards
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.records import IndexRecords
from lakehouse.vectors.source import Sources
from lakehouse.vectors.store import META_COLUMNS, IndexFiles

Progress = Callable[[float], None]


def _never() -> bool:
    return False


class Indexer:
    def __init__(self, settings: Settings, catalog: CatalogStore, sources: Sources, records: IndexRecords,
                 embedders: EmbedderRegistry, cache: IndexCache, guards: Guards, parts: steps.Parts | None = None):
        """``parts``: where builds and refreshes embed (default here; compute/embed.py on a Ray cluster)."""
        self.settings, self.catalog, self.sources = settings, catalog, sources
        self.records, self.embedders, self.cache, self.guards = records, embedders, cache, guards
        self.parts = parts or steps.local_parts

    def locked(self, name: str, owner: str, body: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        self.catalog.acquire_lock(f"vector-index:{name}", owner)
        try:
            return body()
        except LakehouseError as exc:
            self.records.update(name, error=exc.to_dict(),
                                status="failed" if self.records.get(name).generation == 0 else "ready")
            raise
        finally:
            self.catalog.release_lock(f"vector-index:{name}", owner)

    def _docs(self, row: VectorIndexRow) -> tuple[steps.Docs, int, set[str]]:
        """The source's documents; ``row.ann`` takes what the build records about the source (its view)."""
        content = row.text_column or row.vector_column
        assert content is not None
        source = self.sources.of(row)
        table, version = self.sources.read(source, [row.id_column, content])
        row.ann = {**(row.ann or {}), **self.sources.built(source)}
        docs = steps.read_docs(table, row.id_column, content, row.vector_column is not None)
        return docs, version, self.guards.erased(row.dataset, row.id_column)

    def _vectors(self, row: VectorIndexRow, files: IndexFiles, docs: steps.Docs, rows: steps.Rows,
                 progress: Progress, cancelled: Callable[[], bool], same_model: bool = False
                 ) -> tuple[np.ndarray, str, int]:
        embedder = steps.resolve_embedder(self.embedders, row)
        if embedder is None:
            return steps.prepare(row.metric, steps.byo_vectors(docs, rows)), f"byo:{row.vector_column}", 0
        if same_model and row.model and embedder.model != row.model:
            raise Conflict(f"Index '{row.name}' was built with model '{row.model}' but embedder "
                           f"'{embedder.name}' now serves '{embedder.model}'.",
                           hint="Rebuild the index (POST /vectors/index) to switch models.")
        vectors, reused = steps.embed_rows(files, embedder, rows, progress, cancelled, self.parts)
        return steps.prepare(row.metric, vectors), embedder.model, reused

    # Full build ---------------------------------------------------------------------------------
    def build(self, name: str, owner: str, progress: Progress, cancelled: Callable[[], bool] = _never
              ) -> dict[str, Any]:
        return self.locked(name, owner, lambda: self._build(name, progress, cancelled))

    def _build(self, name: str, progress: Progress, cancelled: Callable[[], bool]) -> dict[str, Any]:
        timer = steps.Timer()
        row = self.records.get(name)
        files = self.cache.files(row)
        backend = self.cache.backend(row)
        backend.sweep(row.generation)
        docs, version, erased = self._docs(row)
        picks = [i for i, k in enumerate(docs.keys) if k not in erased]
        rows = steps.chunk_docs(row, docs, picks, self.settings.vectors.max_chunks_per_document)
        if not rows.ids:
            raise InvalidInput(f"Nothing to index: all {len(docs.keys)} documents of '{row.dataset}' are empty.")
        vectors, model, reused = self._vectors(row, files, docs, rows, lambda f: progress(0.9 * f), cancelled)
        table = rows.table(0, vectors, docs.id_type)
        result = self.commit(row, backend, table, version, model, timer, dim=int(vectors.shape[1]))
        return {**result, "empty_documents": rows.empty_documents, "truncated_documents": rows.truncated_documents,
                "reused_embeddings": reused}

    def commit(self, row: VectorIndexRow, backend: VectorBackend, table: pa.Table | None, version: int | None,
                model: str | None, timer: steps.Timer, *, dim: int, update: Callable[[int], Built] | None = None
                ) -> dict[str, Any]:
        """Write the rows of the next generation (all of ``table``, or what ``update`` changes) and switch
        the catalog to it in one update; searches use the previous generation until then."""
        generation = row.generation + 1
        params = steps.ann_params(self.settings, row.ann or {})
        if update is not None:
            built = update(generation)
        else:
            assert table is not None
            built = backend.build(table, row.metric, params, generation, self.settings.vectors.search_threads)
        return self.switch(row, backend, built, generation, version, model, timer, full=update is None, dim=dim)

    def switch(self, row: VectorIndexRow, backend: VectorBackend, built: Built, generation: int,
               version: int | None, model: str | None, timer: steps.Timer, *, full: bool,
               dim: int | None = None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """Point the catalog at ``generation`` (and ``extra`` changes) in one update."""
        config = steps.settings_config(self.settings, row.ann or {})
        ann_meta = {**(row.ann or {}), "table_version": built.table_version, "config": config.as_dict(),
                    "graph_config": config.as_dict() if full else (row.ann or {}).get("graph_config")}
        if built.structure:
            ann_meta["structure"] = built.structure
        changes: dict[str, Any] = {"status": "ready", "generation": generation, "ann": ann_meta, "error": None}
        if version is not None:  # None: rows appended or restructured, not a refresh from the source
            changes.update(source_version=version, model=model, dim=dim if dim is not None else row.dim,
                           stale_since=None, last_refresh_at=utcnow())
        if full:
            changes.update(built_at=utcnow(), build_seconds=timer.seconds())
        if built.loaded is not None:  # built in memory (an append): no reload from storage
            fresh = built.loaded
            documents = fresh.documents() if full else row.documents + len(pc.unique(
                fresh.meta.column("doc_id").slice(row.vectors)))
            changes.update(vectors=fresh.live, documents=documents)
            self.records.set(row.name, **changes, **(extra or {}))
            self.cache.put(fresh)
        else:
            updated = self.records.update(row.name, **changes, **(extra or {}))
            fresh = self.cache.get(updated)
            changes["documents"] = fresh.documents()
            self.records.update(row.name, vectors=fresh.live, documents=changes["documents"])
        self.cache.files(row).clear_pending()
        backend.retire(generation)
        return {"index_name": row.name, "generation": generation, "vectors": fresh.live,
                "documents": changes["documents"],
                "source_version": version if version is not None else row.source_version, "seconds": timer.seconds()}

    # Refresh ------------------------------------------------------------------------------------
    def refresh(self, name: str, owner: str, progress: Progress, cancelled: Callable[[], bool] = _never,
                force: bool = False) -> dict[str, Any]:
        return self.locked(name, owner, lambda: self._refresh(name, progress, cancelled, force))

    def _refresh(self, name: str, progress: Progress, cancelled: Callable[[], bool], force: bool) -> dict[str, Any]:
        timer = steps.Timer()
        row = self.records.get(name)
        if row.generation == 0:
            return self._build(name, progress, cancelled)
        self.cache.backend(row).sweep(row.generation)
        manifest = self.catalog.datasets.get(row.dataset, with_lineage=False)
        same_view = self.sources.built(self.sources.of(row)).get("view_fingerprint") == (row.ann or {}).get(
            "view_fingerprint")
        if manifest.version == row.source_version and same_view and not force:
            self.records.update(name, stale_since=None)
            return {"index_name": name, "skipped": True, "reason": "source unchanged",
                    "source_version": row.source_version, "seconds": timer.seconds()}
        current = self.cache.get(row)
        files = self.cache.files(row)
        docs, version, erased = self._docs(row)
        existing = dict(zip(_keys(current.meta.column("doc_id")), current.meta.column("content_hash").to_pylist(),
                            strict=True))
        docs_keys = set(docs.keys)
        changed = [i for i, k in enumerate(docs.keys) if k not in erased and existing.get(k) != docs.hashes[i]]
        keep = set(docs.keys) - erased - {docs.keys[i] for i in changed}
        removed = [k for k in existing if k not in keep and not (existing[k].startswith(steps.APPENDED)
                                                                 and k not in erased and k not in docs_keys)]
        rows = steps.chunk_docs(row, docs, changed, self.settings.vectors.max_chunks_per_document)
        vectors, model, reused = self._vectors(row, files, docs, rows, lambda f: progress(0.9 * f), cancelled,
                                               same_model=True)
        counts = {"added_documents": len([i for i in changed if docs.keys[i] not in existing]),
                  "changed_documents": len([i for i in changed if docs.keys[i] in existing]),
                  "removed_documents": len([k for k in removed if k not in {docs.keys[i] for i in changed}]),
                  "embedded_chunks": len(rows.ids) - reused, "reused_embeddings": reused}
        if not rows.ids and not removed:
            self.records.update(name, source_version=version, stale_since=None, last_refresh_at=utcnow(),
                                ann=row.ann)
            return {"index_name": name, **counts, "source_version": version, "seconds": timer.seconds()}
        dead = current.positions_for_docs(pa.array(removed, pa.string())) if removed else np.zeros(0, np.int64)
        result = self._apply(row, files, current, dead, rows, vectors, docs.id_type, version, model, timer)
        return {**result, **counts}

    def _apply(self, row: VectorIndexRow, files: IndexFiles, current: LoadedIndex, dead: np.ndarray,
               rows: steps.Rows, vectors: np.ndarray, id_type: pa.DataType, version: int, model: str,
               timer: steps.Timer) -> dict[str, Any]:
        if current.ann is None or steps.needs_compaction(current, len(dead), len(rows.ids)):
            return self._compact(row, current, dead, rows, vectors, version, model, timer)
        backend = self.cache.backend(row)
        new = rows.table(current.labels, vectors, current.meta.schema.field("doc_id").type) if rows.ids else None
        return self.commit(row, backend, None, version, model, timer, dim=current.dim,
                            update=lambda generation: backend.update(current, dead, new, generation))

    def _compact(self, row: VectorIndexRow, current: LoadedIndex, dead: np.ndarray, rows: steps.Rows,
                 vectors: np.ndarray, version: int, model: str, timer: steps.Timer) -> dict[str, Any]:
        """Renumber the live chunks and rebuild the ANN structure without the dead labels."""
        keep_mask = ~np.isin(current.alive_positions(), dead)
        kept = current.meta.filter(pa.array(keep_mask))
        kept_vectors = current.vectors[kept.column("pos").to_numpy()]
        all_vectors = np.vstack([kept_vectors, vectors]) if len(vectors) else kept_vectors
        new = rows.table(kept.num_rows, vectors, current.meta.schema.field("doc_id").type) if rows.ids else None
        table = _renumber(kept, new, all_vectors)
        return self.commit(row, self.cache.backend(row), table, version, model, timer, dim=current.dim)

    # Erasure ------------------------------------------------------------------------------------
    def erase(self, row: VectorIndexRow, keys: Collection[object], owner: str) -> int:
        """Remove every chunk of ``keys`` and rewrite table and graph so no copy of them remains."""
        def body() -> dict[str, Any]:
            fresh = self.records.get(row.name)
            if fresh.generation == 0:
                return {"removed": 0}
            current = self.cache.get(fresh)
            dead = current.positions_for_docs(pa.array([str(k) for k in keys], pa.string()))
            if len(dead):
                self._compact(fresh, current, dead, steps.Rows(), np.zeros((0, current.dim), np.float32),
                              fresh.source_version or 0, fresh.model or "", steps.Timer())
                self.cache.backend(fresh).erase()
            return {"removed": len(dead)}
        return int(self.locked(row.name, owner, body)["removed"])


def _keys(column: pa.ChunkedArray) -> list[str]:
    return [str(v) for v in pc.cast(column, pa.string()).to_pylist()]


def _renumber(old: pa.Table, new: pa.Table | None, vectors: np.ndarray) -> pa.Table:
    columns = [c for c in META_COLUMNS if c != "pos"]
    parts = [old.select(columns)]
    if new is not None:
        parts.append(new.select(columns))
    merged = pa.concat_tables(parts)
    merged = merged.add_column(0, "pos", pa.array(np.arange(merged.num_rows, dtype=np.int64)))
    return merged.append_column("vector", store.vectors_column(vectors))
