"""An index loaded for search: chunk metadata by label (``pos``), the vectors, and the backend's ANN
structure when built (vectors/backend.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.vectors import ann
from lakehouse.vectors.hits import HitColumns

if TYPE_CHECKING:
    from lakehouse.vectors.backend import VectorBackend
    from lakehouse.vectors.store import IndexFiles


@dataclass
class LoadedIndex:
    name: str
    generation: int
    metric: str
    dim: int
    meta: pa.Table          # META_COLUMNS, one row per live chunk
    row_of: np.ndarray      # label -> row in ``meta`` (-1: dead label)
    _vectors: np.ndarray | None  # (labels, dim), indexed by label; None: read on first use
    graph: Any | None       # the faiss HNSW over every label (hnsw backend; dead ones are filtered out)
    backend: VectorBackend | None = None
    _ann: Any | None = None  # a backend's ANN structure other than a graph (a Lance dataset with its IVF_PQ index)
    read_vectors: Callable[[], np.ndarray] | None = None
    handle: Any = None  # the backend's open storage at this generation (a Lance dataset), if it keeps one
    _columns: HitColumns | None = None
    _params: dict[int, Any] = field(default_factory=dict)
    _by_doc: dict[str, np.ndarray] | None = None

    @property
    def ann(self) -> Any | None:
        """What the backend searches (the graph, or the indexed dataset); None: exact search only."""
        return self._ann if self._ann is not None else self.graph

    @property
    def vectors(self) -> np.ndarray:
        """Every label's vector (exact search, eval ground truth); a backend that searches without them in
        memory reads them on first use."""
        if self._vectors is None:
            assert self.read_vectors is not None
            self._vectors = self.read_vectors()
        return self._vectors

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

    def positions_of_doc(self, doc_id: Any) -> np.ndarray:
        """The labels of one document's chunks (an id map built on first use)."""
        if self._by_doc is None:
            keys = pc.cast(self.meta.column("doc_id"), pa.string()).to_pylist()
            positions = self.meta.column("pos").to_numpy()
            grouped: dict[str, list[int]] = {}
            for key, pos in zip(keys, positions.tolist(), strict=True):
                grouped.setdefault(str(key), []).append(pos)
            self._by_doc = {k: np.asarray(v, dtype=np.int64) for k, v in grouped.items()}
        return self._by_doc.get(str(doc_id), np.zeros(0, dtype=np.int64))

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


def row_map(positions: np.ndarray, labels: int) -> np.ndarray:
    row_of = np.full(labels, -1, dtype=np.int64)
    row_of[positions] = np.arange(len(positions))
    return row_of


def extended(current: LoadedIndex, new: pa.Table, generation: int, *, vectors: np.ndarray | None, graph: Any = None,
             ann_structure: Any = None, read_vectors: Callable[[], np.ndarray] | None = None,
             handle: Any = None) -> LoadedIndex:
    """``current`` with the rows of ``new`` appended (labels from ``current.labels`` on), built in memory so an
    append need not reload the index from storage."""
    from lakehouse.vectors.store import META_COLUMNS

    meta = pa.concat_tables([current.meta, new.select(META_COLUMNS).cast(current.meta.schema)]).combine_chunks()
    positions = new.column("pos").to_numpy()
    labels = max(current.labels, int(positions.max()) + 1 if len(positions) else 0)
    row_of = np.concatenate([current.row_of, np.full(labels - current.labels, -1, dtype=np.int64)])
    row_of[positions] = np.arange(current.live, current.live + len(positions))
    fresh = LoadedIndex(current.name, generation, current.metric, current.dim, meta, row_of, vectors, graph,
                        current.backend, ann_structure, read_vectors, handle=handle)
    if current._by_doc is not None:  # carry the id map over instead of rebuilding it from every row
        by_doc = dict(current._by_doc)
        keys = pc.cast(new.column("doc_id"), pa.string()).to_pylist()
        for key, pos in zip(keys, positions.tolist(), strict=True):
            known = by_doc.get(str(key))
            by_doc[str(key)] = np.append(known, pos) if known is not None else np.asarray([pos], dtype=np.int64)
        fresh._by_doc = by_doc
    return fresh


def load(files: IndexFiles, row: VectorIndexRow, *, with_graph: bool = True) -> LoadedIndex:
    """``with_graph=False``: the vectors only (exact search), without reading the persisted ANN structure."""
    from lakehouse.vectors.backend import backend_for

    return backend_for(row.vector_backend, files).load(row, with_ann=with_graph)
