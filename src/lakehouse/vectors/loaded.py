"""An index loaded for search: chunk metadata by faiss label, the vectors, and the graph when built."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.vectors import ann
from lakehouse.vectors.hits import HitColumns
from lakehouse.vectors.store import META_COLUMNS, IndexFiles, to_matrix


@dataclass
class LoadedIndex:
    name: str
    generation: int
    metric: str
    dim: int
    meta: pa.Table          # META_COLUMNS, one row per live chunk
    row_of: np.ndarray      # faiss label -> row in ``meta`` (-1: dead label)
    vectors: np.ndarray     # (labels, dim), indexed by label
    graph: Any | None       # faiss HNSW over every label (dead ones are filtered out), None when cold
    _columns: HitColumns | None = None
    _params: dict[int, Any] = field(default_factory=dict)

    @property
    def live(self) -> int:
        return self.meta.num_rows

    @property
    def labels(self) -> int:
        return len(self.row_of)

    @property
    def dead(self) -> int:
        return self.labels - self.live

    def alive_positions(self) -> np.ndarray:
        return self.meta.column("pos").to_numpy()

    def positions_for_docs(self, doc_ids: pa.Array) -> np.ndarray:
        doc_column = self.meta.column("doc_id")
        if doc_ids.type != doc_column.type:
            doc_ids = doc_ids.cast(doc_column.type, safe=False)
        mask = pc.is_in(doc_column, value_set=doc_ids)
        return np.asarray(self.meta.column("pos").filter(mask).to_numpy(), dtype=np.int64)

    def columns(self) -> HitColumns:
        """What hits are assembled from, built on first use (a race builds it twice, harmlessly)."""
        if self._columns is None:
            self._columns = HitColumns(self.meta)
        return self._columns

    def params(self, ef: int) -> Any:
        """faiss search parameters for ``ef`` without a selector, made once (read-only afterwards)."""
        params = self._params.get(ef)
        if params is None:
            params = self._params[ef] = ann.search_params(ef)
        return params

    def documents(self) -> int:
        return len(pc.unique(self.meta.column("doc_id"))) if self.live else 0


def load(files: IndexFiles, row: VectorIndexRow, *, with_graph: bool = True) -> LoadedIndex:
    """``with_graph=False``: the vectors only (exact search), without reading the persisted graph."""
    version = (row.ann or {}).get("table_version")
    dim = int(row.dim or 0)
    graph = files.load_graph(row.generation) if with_graph else None
    columns = META_COLUMNS if graph is not None else [*META_COLUMNS, "vector"]
    table = files.read(version, columns).sort_by("pos").combine_chunks()  # one chunk: fast take per hit
    positions = table.column("pos").to_numpy()
    if graph is not None:
        labels = int(graph.ntotal)
        vectors = ann.stored_vectors(graph)
    else:
        labels = int(positions.max()) + 1 if len(positions) else 0
        vectors = np.zeros((labels, dim), dtype=np.float32)
        vectors[positions] = to_matrix(table.column("vector"), dim)
        table = table.drop_columns(["vector"])
    row_of = np.full(labels, -1, dtype=np.int64)
    row_of[positions] = np.arange(len(positions))
    return LoadedIndex(row.name, row.generation, row.metric, dim, table, row_of, vectors, graph)
