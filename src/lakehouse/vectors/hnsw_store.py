"""The ``hnsw`` backend: rows in a Delta table (``vectors/<index>/embeddings``), a faiss HNSW graph per
generation (``hnsw-<generation>.faiss``) over every label; refresh adds to a copy of the graph and leaves
removed labels in it (filtered out) until a rebuild compacts them."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.errors import InvalidInput, NotFound
from lakehouse.storage import delta
from lakehouse.vectors import ann
from lakehouse.vectors.backend import Built, VectorBackend
from lakehouse.vectors.build import build_graph, settings_config
from lakehouse.vectors.evalsets import kept_labels
from lakehouse.vectors.evaluation import Probe, graph_memory_bytes
from lakehouse.vectors.loaded import LoadedIndex, extended, row_map
from lakehouse.vectors.store import META_COLUMNS, to_matrix, vectors_column

if TYPE_CHECKING:
    from lakehouse.config import Settings
    from lakehouse.vectors.spec import AutotuneRequest


def _config(params: dict[str, Any]) -> ann.HnswConfig:
    return ann.HnswConfig(int(params["m"]), int(params["ef_construction"]), int(params.get("ef_search") or 40))


class HnswBackend(VectorBackend):
    name = "hnsw"
    method = "hnsw"

    def build(self, table: pa.Table, metric: str, params: dict[str, Any], generation: int,
              threads: int, with_ann: bool = True) -> Built:
        config = _config(params)
        vectors = to_matrix(table.column("vector"), _dim(table))
        graph = build_graph(vectors, metric, config, threads)
        version = self.files.write(table, "overwrite")
        self.files.save_graph(graph, generation)
        return Built(version, {"type": "HNSW", "m": config.m, "ef_construction": config.ef_construction})

    def check_params(self, params: dict[str, Any], rows: int, dim: int) -> None:
        foreign = sorted(k for k in params if k not in ("m", "ef_construction"))
        if foreign:
            raise InvalidInput(f"An hnsw index takes m and ef_construction, not {', '.join(foreign)}.",
                               hint="Migrate the index to lance first for IVF_PQ parameters.")

    def save(self, graph: Any, generation: int) -> None:
        """A graph built elsewhere (a promoted trial's) for ``generation``, over the same labels."""
        self.files.save_graph(graph, generation)

    def update(self, current: LoadedIndex, dead: np.ndarray, new: pa.Table | None, generation: int) -> Built:
        if current.graph is None:
            raise NotFound(f"Index '{current.name}' has no graph to add to.")
        graph = ann.faiss_module().clone_index(current.graph)  # searches keep using the old one meanwhile
        version: int | None = None
        if len(dead):
            version = self.files.delete_positions([int(p) for p in dead])
        if new is not None and new.num_rows:
            ann.add_vectors(graph, to_matrix(new.column("vector"), current.dim))
            version = self.files.write(new, "append")
        if version is None:
            version = self.files.version()
        self.files.save_graph(graph, generation)
        if len(dead) or new is None:
            return Built(version)
        fresh = extended(current, new, generation, vectors=ann.stored_vectors(graph), graph=graph)
        return Built(version, loaded=fresh)

    def erase(self) -> None:
        self.files.vacuum_all()

    def load(self, row: VectorIndexRow, *, with_ann: bool = True) -> LoadedIndex:
        version = (row.ann or {}).get("table_version")
        dim = int(row.dim or 0)
        graph = self.files.load_graph(row.generation) if with_ann else None
        columns = META_COLUMNS if graph is not None else [*META_COLUMNS, "vector"]
        table = self.files.read(version, columns).sort_by("pos").combine_chunks()  # one chunk: fast take per hit
        positions = table.column("pos").to_numpy()
        if graph is not None:
            labels = int(graph.ntotal)
            vectors = ann.stored_vectors(graph)
        else:
            labels = int(positions.max()) + 1 if len(positions) else 0
            vectors = np.zeros((labels, dim), dtype=np.float32)
            vectors[positions] = to_matrix(table.column("vector"), dim)
            table = table.drop_columns(["vector"])
        return LoadedIndex(row.name, row.generation, row.metric, dim, table, row_map(positions, labels), vectors,
                           graph, self)

    def search(self, index: LoadedIndex, query: np.ndarray, k: int, positions: np.ndarray | None,
               knobs: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        ef = max(int(knobs.get("ef_search") or 40), k)  # efSearch below k would make search_hnsw rebuild params
        if positions is None:
            return ann.search_hnsw(index.graph, query, k, ef, None, index.metric, index.params(ef))
        sel = ann.selector(positions, index.labels)
        return ann.search_hnsw(index.graph, query, k, ef, sel, index.metric, ann.search_params(ef, sel))

    def chunk_vectors(self, index: LoadedIndex, rows: np.ndarray) -> pa.Array:
        labels = index.meta.column("pos").take(pa.array(rows, pa.int64())).to_numpy()
        return vectors_column(index.vectors[labels])

    def read_vectors(self, row: VectorIndexRow, positions: np.ndarray | None = None) -> np.ndarray:
        return self.load(row, with_ann=False).vectors

    def stats(self, row: VectorIndexRow, index: LoadedIndex | None) -> dict[str, Any]:
        files = self.files.table_files((row.ann or {}).get("table_version"))
        graph_bytes = self.files.size(self.files.graph_path(row.generation))
        live = index.live if index is not None else int(row.vectors)
        return {"rows": live, "fragments": files["count"], "indexed_rows": live, "unindexed_rows": 0,
                "dead_labels": index.dead if index is not None else None,
                "index": {"type": "HNSW", **((row.ann or {}).get("graph_config") or {})},
                "exact_only": False, "bytes_on_disk": files["bytes"] + graph_bytes}

    def memory_bytes(self, index: LoadedIndex) -> int:
        graph = index.graph
        extra = 0 if graph is None else int(graph.ntotal) * int(graph.d) * 4 + int(graph.hnsw.neighbors.size()) * 4
        return super().memory_bytes(index) + extra

    config_keys = ("m", "ef_construction", "ef_search")
    structure_keys = ("m", "ef_construction")

    def served(self, row: VectorIndexRow, settings: Settings) -> dict[str, Any]:
        graph = (row.ann or {}).get("graph_config") or settings_config(settings, row.ann or {}).as_dict()
        return {"m": int(graph["m"]), "ef_construction": int(graph["ef_construction"])}

    def trial_probe(self, row: VectorIndexRow, index: LoadedIndex, excluded: np.ndarray, params: dict[str, Any],
                    threads: int, memo: dict[tuple[Any, ...], Probe]) -> Probe:
        """The served graph when nothing is excluded and the graph is the same; otherwise a graph built
        without the excluded labels."""
        config = _config(params)
        dead = ann.selector(index.alive_positions(), index.labels) if index.dead else None
        graph = (row.ann or {}).get("graph_config")
        same = graph is None or (int(graph["m"]), int(graph["ef_construction"])) == (config.m, config.ef_construction)
        if not len(excluded) and same and index.graph is not None:
            return self._probe(index.graph, None, dead, row.build_seconds, index.metric)
        key = (row.name, row.generation, excluded.tobytes(), config.m, config.ef_construction)
        if key in memo:
            return memo[key]
        memo.clear()  # let the previous graph go before building the next
        t0 = time.perf_counter()
        if len(excluded):
            kept = kept_labels(index, excluded)
            built, labels, sel = build_graph(index.vectors[kept], row.metric, config, threads), kept, None
        else:
            built, labels, sel = build_graph(index.vectors, row.metric, config, threads), None, dead
        probe = self._probe(built, labels, sel, round(time.perf_counter() - t0, 3), index.metric)
        memo[key] = probe
        return probe

    def _probe(self, graph: Any, labels: np.ndarray | None, sel: Any, seconds: float | None, metric: str) -> Probe:
        def search(query: np.ndarray, k: int, knobs: dict[str, Any]) -> np.ndarray:
            found = ann.search_hnsw(graph, query, k, int(knobs["ef_search"]), sel, metric)[1]
            return found if labels is None else labels[found]
        return Probe(graph, None, sel, seconds, search, graph_memory_bytes(graph))

    def grid(self, request: AutotuneRequest, served: dict[str, Any]) -> list[tuple[dict[str, Any],
                                                                                   list[dict[str, Any]]]]:
        knobs = [{"ef_search": ef} for ef in sorted(set(request.ef_search))]
        return [({"m": m, "ef_construction": c}, knobs) for m in sorted(set(request.m))
                for c in sorted(set(request.ef_construction))]

    def restructure(self, row: VectorIndexRow, index: LoadedIndex, params: dict[str, Any], generation: int,
                    threads: int, prebuilt: Any = None) -> dict[str, Any]:
        config = _config(params)
        graph = prebuilt
        if graph is None or int(graph.ntotal) != index.labels:
            graph = build_graph(index.vectors, row.metric, config, threads)
        self.files.save_graph(graph, generation)
        return {"graph_config": config.as_dict()}

    def sweep(self, generation: int) -> None:
        self.files.sweep(generation)
        self.files.bucket.delete_tree(self.files.lance_rel)  # a migration to lance that died before its switch

    def delete_data(self) -> None:
        delta.delete_table(self.files.embeddings_uri, self.files.options)
        self.files.drop_old_graphs(-1)

    def retire(self, generation: int) -> None:
        self.files.drop_old_graphs(generation)


def _dim(table: pa.Table) -> int:
    vtype = table.schema.field("vector").type
    return int(vtype.list_size) if hasattr(vtype, "list_size") else int(
        pc.list_value_length(table.column("vector")).to_numpy()[0]) if table.num_rows else 0
