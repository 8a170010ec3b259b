"""An index loaded for search: chunk metadata by faiss label, the vectors, and the graph when built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.vectors import ann
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
    _codes: np.ndarray | None = None
    _single: bool | None = None

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

    def doc_codes(self) -> np.ndarray:
        """A small integer per row identifying its document (rows of one doc share it)."""
        if self._codes is None:
            encoded = pc.dictionary_encode(self.meta.column("doc_id")).combine_chunks()
            self._codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        return self._codes

    def single_chunk(self) -> bool:
        """Every document is one chunk (short texts, own vectors): no per-document dedupe needed."""
        if self._single is None:
            self._single = bool(self.live == 0 or (self.meta.column("chunk_index").to_numpy() == 0).all())
        return self._single

    def documents(self) -> int:
        return len(pc.unique(self.meta.column("doc_id"))) if self.live else 0


def load(files: IndexFiles, row: VectorIndexRow) -> LoadedIndex:
    version = (row.ann or {}).get("table_version")
    dim = int(row.dim or 0)
    graph = files.load_graph(row.generation)
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
