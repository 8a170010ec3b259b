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
from lakehouse.vectors import ann, store
from lakehouse.vectors import build as steps
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
                 embedders: EmbedderRegistry, cache: IndexCache, guards: Guards):
        self.settings, self.catalog, self.sources = settings, catalog, sources
        self.records, self.embedders, self.cache, self.guards = records, embedders, cache, guards

    def _locked(self, name: str, owner: str, body: Callable[[], dict[str, Any]]) -> dict[str, Any]:
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
        vectors, reused = steps.embed_rows(files, embedder, rows, progress, cancelled)
        return steps.prepare(row.metric, vectors), embedder.model, reused

    # Full build ---------------------------------------------------------------------------------
    def build(self, name: str, owner: str, progress: Progress, cancelled: Callable[[], bool] = _never
              ) -> dict[str, Any]:
        return self._locked(name, owner, lambda: self._build(name, progress, cancelled))

    def _build(self, name: str, progress: Progress, cancelled: Callable[[], bool]) -> dict[str, Any]:
        timer = steps.Timer()
        row = self.records.get(name)
        files = self.cache.files(row)
        files.sweep(row.generation)
        docs, version, erased = self._docs(row)
        picks = [i for i, k in enumerate(docs.keys) if k not in erased]
        rows = steps.chunk_docs(row, docs, picks, self.settings.vectors.max_chunks_per_document)
        if not rows.ids:
            raise InvalidInput(f"Nothing to index: all {len(docs.keys)} documents of '{row.dataset}' are empty.")
        vectors, model, reused = self._vectors(row, files, docs, rows, lambda f: progress(0.9 * f), cancelled)
        config = steps.settings_config(self.settings, row.ann or {})
        graph = steps.build_graph(vectors, row.metric, config, self.settings.vectors.search_threads)
        table = rows.table(0, vectors, docs.id_type)
        result = self._commit(row, files, table, graph, version, model, timer, full=True)
        return {**result, "empty_documents": rows.empty_documents, "truncated_documents": rows.truncated_documents,
                "reused_embeddings": reused}

    def _commit(self, row: VectorIndexRow, files: IndexFiles, table: pa.Table | None, graph: Any, version: int,
                model: str, timer: steps.Timer, *, full: bool, table_version: int | None = None) -> dict[str, Any]:
        if table is not None:
            table_version = files.write(table, "overwrite")
        generation = row.generation + 1
        files.save_graph(graph, generation)
        config = steps.settings_config(self.settings, row.ann or {})
        ann_meta = {**(row.ann or {}), "table_version": table_version, "config": config.as_dict(),
                    "graph_config": config.as_dict() if full else (row.ann or {}).get("graph_config")}
        updated = self.records.update(row.name, status="ready", generation=generation, ann=ann_meta,
                                      source_version=version, model=model, dim=int(graph.d), stale_since=None,
                                      error=None, last_refresh_at=utcnow(),
                                      **({"built_at": utcnow(), "build_seconds": timer.seconds()} if full else {}))
        fresh = self.cache.get(updated)
        self.records.update(row.name, vectors=fresh.live, documents=fresh.documents())
        files.clear_pending()
        files.drop_old_graphs(generation)
        return {"index_name": row.name, "generation": generation, "vectors": fresh.live,
                "documents": fresh.documents(), "source_version": version, "seconds": timer.seconds()}

    # Refresh ------------------------------------------------------------------------------------
    def refresh(self, name: str, owner: str, progress: Progress, cancelled: Callable[[], bool] = _never,
                force: bool = False) -> dict[str, Any]:
        return self._locked(name, owner, lambda: self._refresh(name, progress, cancelled, force))

    def _refresh(self, name: str, progress: Progress, cancelled: Callable[[], bool], force: bool) -> dict[str, Any]:
        timer = steps.Timer()
        row = self.records.get(name)
        if row.generation == 0:
            return self._build(name, progress, cancelled)
        self.cache.files(row).sweep(row.generation)
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
        changed = [i for i, k in enumerate(docs.keys) if k not in erased and existing.get(k) != docs.hashes[i]]
        keep = set(docs.keys) - erased - {docs.keys[i] for i in changed}
        removed = [k for k in existing if k not in keep]
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
        if current.graph is None or steps.needs_compaction(current, len(dead), len(rows.ids)):
            return self._compact(row, files, current, dead, rows, vectors, id_type, version, model, timer)
        graph = ann.faiss_module().clone_index(current.graph)  # searches keep using the old one meanwhile
        ann.add_vectors(graph, vectors)
        table_version = None
        if len(dead):
            table_version = files.delete_positions([int(p) for p in dead])
        if rows.ids:
            new = rows.table(current.labels, vectors, current.meta.schema.field("doc_id").type)
            table_version = files.write(new, "append")
        return self._commit(row, files, None, graph, version, model, timer, full=False, table_version=table_version)

    def _compact(self, row: VectorIndexRow, files: IndexFiles, current: LoadedIndex, dead: np.ndarray,
                 rows: steps.Rows, vectors: np.ndarray, id_type: pa.DataType, version: int, model: str,
                 timer: steps.Timer) -> dict[str, Any]:
        """Renumber the live chunks and rebuild the graph without the dead labels."""
        keep_mask = ~np.isin(current.alive_positions(), dead)
        kept = current.meta.filter(pa.array(keep_mask))
        kept_vectors = current.vectors[kept.column("pos").to_numpy()]
        all_vectors = np.vstack([kept_vectors, vectors]) if len(vectors) else kept_vectors
        new = rows.table(kept.num_rows, vectors, current.meta.schema.field("doc_id").type) if rows.ids else None
        table = _renumber(kept, new, all_vectors)
        config = steps.settings_config(self.settings, row.ann or {})
        graph = steps.build_graph(all_vectors, row.metric, config, self.settings.vectors.search_threads)
        return self._commit(row, files, table, graph, version, model, timer, full=True)

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
                files = self.cache.files(fresh)
                self._compact(fresh, files, current, dead, steps.Rows(), np.zeros((0, current.dim), np.float32),
                              current.meta.schema.field("doc_id").type, fresh.source_version or 0,
                              fresh.model or "", steps.Timer())
                files.vacuum_all()
            return {"removed": len(dead)}
        return int(self._locked(row.name, owner, body)["removed"])


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
