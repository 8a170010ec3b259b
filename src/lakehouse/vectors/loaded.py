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
from lakehouse.vectors.growth import grown
from lakehouse.vectors.hits import HitColumns

if TYPE_CHECKING:
    from lakehouse.vectors.backend import VectorBackend
    from lakehouse.vectors.store import IndexFiles

MAX_META_CHUNKS = 64  # record batches the metadata keeps before an append joins them


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
    offsets: np.ndarray | None = None  # meta row -> the row's offset in the backend's storage (lance ``take``)
    _params: dict[int, Any] = field(default_factory=dict)
    _by_doc: IdMap | None = None

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
        """The labels of one document's chunks (an id map built on first use, carried over by appends)."""
        if self._by_doc is None:
            self._by_doc = IdMap.of(self.meta)
        return self._by_doc.get(str(doc_id))

    def known_docs(self, doc_ids: pa.Array) -> set[str]:
        """Which of ``doc_ids`` the index holds (as strings): by the id map when it is built, else by looking them
        up in the stored column (not a hash set of every stored id)."""
        if self._by_doc is not None:
            return {k for k in pc.cast(doc_ids, pa.string()).to_pylist() if self._by_doc.holds(str(k))}
        column = self.meta.column("doc_id")
        return {str(v) for v in column.filter(pc.is_in(column, value_set=doc_ids)).to_pylist()}

    def rows_of_doc(self, doc_id: Any) -> np.ndarray:
        """Rows of ``meta`` holding one document's chunks (empty for an unknown id)."""
        rows = self.row_of[self.positions_of_doc(doc_id)]
        return rows[rows >= 0]

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


class IdMap:
    """doc_id (as a string) -> its labels. An append adds a layer over its parent instead of copying it; a layer
    absorbs the layers above it that are no more than twice its size (so there are O(log n) layers and each
    label is copied O(log n) times in all): an append costs in proportion to its rows, not to the index."""

    def __init__(self, own: dict[str, list[int]], parent: IdMap | None = None):
        self._own, self._parent = own, parent

    @staticmethod
    def of(meta: pa.Table) -> IdMap:
        return IdMap(_grouped(meta.column("doc_id"), meta.column("pos").to_numpy()))

    def get(self, key: str) -> np.ndarray:
        return np.asarray(self._labels(key), dtype=np.int64)

    def holds(self, key: str) -> bool:
        layer: IdMap | None = self
        while layer is not None:
            if key in layer._own:
                return True
            layer = layer._parent
        return False

    def _labels(self, key: str) -> list[int]:
        own = self._own.get(key)
        above = self._parent._labels(key) if self._parent is not None else []
        return above if own is None else above + own

    def plus(self, doc_ids: pa.ChunkedArray | pa.Array, positions: np.ndarray) -> IdMap:
        """This map with the labels ``positions`` of ``doc_ids`` added (this one is left as it is)."""
        own = _grouped(doc_ids, positions)
        parent: IdMap | None = self
        while parent is not None and len(parent._own) <= 2 * len(own):
            merged = dict(parent._own)
            for key, labels in own.items():
                merged[key] = merged.get(key, []) + labels
            own, parent = merged, parent._parent
        return IdMap(own, parent)


def _grouped(doc_ids: pa.ChunkedArray | pa.Array, positions: np.ndarray) -> dict[str, list[int]]:
    keys = pc.cast(doc_ids, pa.string()).to_pylist()
    grouped: dict[str, list[int]] = {}
    for key, pos in zip(keys, positions.tolist(), strict=True):
        grouped.setdefault(str(key), []).append(pos)
    return grouped


def row_map(positions: np.ndarray, labels: int) -> np.ndarray:
    row_of = np.full(labels, -1, dtype=np.int64)
    row_of[positions] = np.arange(len(positions))
    return row_of


def extended(current: LoadedIndex, new: pa.Table, generation: int, *, vectors: np.ndarray | None, graph: Any = None,
             ann_structure: Any = None, read_vectors: Callable[[], np.ndarray] | None = None,
             handle: Any = None, offsets: np.ndarray | None = None) -> LoadedIndex:
    """``current`` with the rows of ``new`` appended (labels from ``current.labels`` on; documents new to the
    index), built in memory so an append need not reload the index from storage. What the index derived from
    its rows (metadata, id map, hit columns) grows by the new rows without being copied; ``offsets``: the new
    rows' offsets in the backend's storage."""
    from lakehouse.vectors.store import META_COLUMNS

    added = new.select(META_COLUMNS)
    if not added.schema.equals(current.meta.schema):
        added = added.cast(current.meta.schema)
    meta = pa.concat_tables([current.meta, added])
    if meta.column(0).num_chunks > MAX_META_CHUNKS:  # one copy every MAX_META_CHUNKS appends
        meta = meta.combine_chunks()
    positions = new.column("pos").to_numpy()
    labels = max(current.labels, int(positions.max()) + 1 if len(positions) else 0)
    if len(positions) and int(positions.min()) < current.labels:  # labels of the old range: a copy to change
        row_of = np.concatenate([current.row_of, np.full(labels - current.labels, -1, dtype=np.int64)])
    else:
        row_of = grown(current.row_of, np.full(labels - current.labels, -1, dtype=np.int64))
    row_of[positions] = np.arange(current.live, current.live + len(positions))
    stored = None if current.offsets is None or offsets is None else grown(current.offsets, offsets)
    fresh = LoadedIndex(current.name, generation, current.metric, current.dim, meta, row_of, vectors, graph,
                        current.backend, ann_structure, read_vectors, handle=handle, offsets=stored)
    if current._by_doc is not None:  # carry the id map over instead of rebuilding it from every row
        fresh._by_doc = current._by_doc.plus(new.column("doc_id"), positions)
    if current._columns is not None:
        fresh._columns = current._columns.plus(added)
    return fresh


def load(files: IndexFiles, row: VectorIndexRow, *, with_graph: bool = True) -> LoadedIndex:
    """``with_graph=False``: the vectors only (exact search), without reading the persisted ANN structure."""
    from lakehouse.vectors.backend import backend_for

    return backend_for(row.vector_backend, files).load(row, with_ann=with_graph)
