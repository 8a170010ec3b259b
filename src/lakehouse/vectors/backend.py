"""The vector backend interface: where an index's rows (``pos``, chunk metadata, vector) and its ANN structure
live, and how they are searched. Two implementations: ``hnsw`` (a Delta table + a faiss HNSW graph per
generation, vectors/hnsw_store.py) and ``lance`` (a Lance dataset with an IVF_PQ index and a BTREE on
doc_id, vectors/lance_store.py).

Everything above (governance, tombstones, filters, refresh, eval, trials, the champion, purge, view
indexes) works with labels (``pos``) and this interface only; it never asks which backend it has.
A label is a row's ``pos``: stable until a full build renumbers the rows.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lakehouse.errors import InvalidInput

if TYPE_CHECKING:
    import numpy as np
    import pyarrow as pa

    from lakehouse.catalog.models_vectors import VectorIndexRow
    from lakehouse.config import Settings
    from lakehouse.vectors.evaluation import Probe
    from lakehouse.vectors.loaded import LoadedIndex
    from lakehouse.vectors.spec import AutotuneRequest
    from lakehouse.vectors.store import IndexFiles

BACKENDS: dict[str, str] = {  # name -> "module:class", imported on first use
    "hnsw": "lakehouse.vectors.hnsw_store:HnswBackend",
    "lance": "lakehouse.vectors.lance_store:LanceBackend",
}
DEFAULT_BACKEND = "hnsw"
STRUCTURES = {"hnsw": "faiss-hnsw", "lance": "lance-ivf_pq"}  # the manifest's ``backend``: the ANN structure


def check_backend(name: str) -> str:
    if name not in BACKENDS:
        raise InvalidInput(f"Unknown vector backend '{name}'; use one of: {', '.join(BACKENDS)}.",
                           hint=f"Set vector_backend to one of: {', '.join(BACKENDS)}.")
    return name


def backend_for(name: str, files: IndexFiles) -> VectorBackend:
    module, _, cls = BACKENDS[check_backend(name)].partition(":")
    return getattr(importlib.import_module(module), cls)(files)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Built:
    """What a build or an update leaves: the table version searches pin, and the ANN structure's
    description (type and parameters; empty when the rows are searched exactly)."""

    table_version: int
    structure: dict[str, Any] = field(default_factory=dict)
    loaded: LoadedIndex | None = None  # the index at the new generation when built in memory (appends)


class VectorBackend(ABC):
    """One index's storage and ANN structure in its bucket (``files`` holds the bucket and the paths)."""

    name: str = ""
    method: str = ""  # what a search through the ANN structure reports as its method

    def __init__(self, files: IndexFiles):
        self.files = files

    # Writing ------------------------------------------------------------------------------------
    @abstractmethod
    def build(self, table: pa.Table, metric: str, params: dict[str, Any], generation: int,
              threads: int, with_ann: bool = True) -> Built:
        """Replace every row with ``table`` (the META_COLUMNS and ``vector``, pos 0..n-1) and build the ANN
        structure from ``params`` (the index's champion and ANN settings) for ``generation``. ``with_ann=False``:
        the rows only, the structure left ``pending`` for ``reindex`` to build (searches are exact meanwhile);
        a backend that cannot search without its structure builds it anyway."""

    @abstractmethod
    def update(self, current: LoadedIndex, dead: np.ndarray, new: pa.Table | None, generation: int) -> Built:
        """Delete the rows of labels ``dead`` and append ``new`` (labels from ``current.labels`` on) without
        rebuilding the ANN structure; the result serves ``generation``."""

    def append(self, current: LoadedIndex, new: pa.Table, generation: int) -> Built:
        import numpy  # not at import: the CLI's light paths import this module's names

        return self.update(current, numpy.zeros(0, dtype=numpy.int64), new, generation)

    def delete(self, current: LoadedIndex, dead: np.ndarray, generation: int) -> Built:
        return self.update(current, dead, None, generation)

    @abstractmethod
    def erase(self) -> None:
        """After a full build without erased rows: physically remove every older copy of the data (files of
        earlier table versions, old ANN structures), so erased vectors are gone from the bucket."""

    @abstractmethod
    def check_params(self, params: dict[str, Any], rows: int, dim: int) -> None:
        """Raise InvalidInput (saying what fits) for ANN parameters this backend cannot build on the data."""

    # Reading ------------------------------------------------------------------------------------
    @abstractmethod
    def load(self, row: VectorIndexRow, *, with_ann: bool = True) -> LoadedIndex:
        """The index at ``row``'s generation; ``with_ann=False``: rows and vectors only (exact search)."""

    @abstractmethod
    def search(self, index: LoadedIndex, query: np.ndarray, k: int, positions: np.ndarray | None,
               knobs: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
        """ANN search: (scores, labels) best first, at most ``k``, only among ``positions`` (None: every live
        label). ``knobs``: the search parameters (ef_search, nprobes, refine_factor; each backend reads its own)."""

    def fetch(self, index: LoadedIndex, doc_id: Any, with_vectors: bool = True) -> pa.Table:
        """Every chunk of one document (META_COLUMNS, and ``vector`` when asked), in chunk order: the rows from the
        loaded metadata through the id map (no storage read), the vectors from ``chunk_vectors``."""
        import pyarrow

        rows = index.rows_of_doc(doc_id)
        table = index.meta.take(pyarrow.array(rows, pyarrow.int64()))
        if with_vectors:
            table = table.append_column("vector", self.chunk_vectors(index, rows))
        return table.sort_by("chunk_index")

    @abstractmethod
    def chunk_vectors(self, index: LoadedIndex, rows: np.ndarray) -> pa.Array:
        """The stored vectors (FixedSizeList<float32>) of the metadata ``rows``, in that order."""

    @abstractmethod
    def read_vectors(self, row: VectorIndexRow, positions: np.ndarray | None = None) -> np.ndarray:
        """(labels, dim) matrix indexed by label (dead labels are zero)."""

    @abstractmethod
    def stats(self, row: VectorIndexRow, index: LoadedIndex | None) -> dict[str, Any]:
        """rows, fragments (or files), indexed and unindexed rows, index type and parameters, bytes on disk."""

    def memory_bytes(self, index: LoadedIndex) -> int:
        """What the loaded index holds in memory (approximate)."""
        return int(index.meta.nbytes + index.row_of.nbytes)

    # Tuning (eval, trials, autotune, the champion) ----------------------------------------------
    config_keys: tuple[str, ...] = ()     # what a trial's config holds
    structure_keys: tuple[str, ...] = ()  # the part of it that needs the ANN structure rebuilt

    @abstractmethod
    def served(self, row: VectorIndexRow, settings: Settings) -> dict[str, Any]:
        """The structure parameters the index is built with now."""

    @abstractmethod
    def trial_probe(self, row: VectorIndexRow, index: LoadedIndex, excluded: np.ndarray, params: dict[str, Any],
                    threads: int, memo: dict[tuple[Any, ...], Probe]) -> Probe:
        """What a trial of ``params`` searches, never finding the ``excluded`` labels (the held-out documents).
        ``memo`` keeps the last structure built for trials, so a grid builds each once."""

    @abstractmethod
    def grid(self, request: AutotuneRequest, served: dict[str, Any]) -> list[tuple[dict[str, Any],
                                                                                   list[dict[str, Any]]]]:
        """Autotune's grid: structures, each with the search knobs tried on it."""

    @abstractmethod
    def restructure(self, row: VectorIndexRow, index: LoadedIndex, params: dict[str, Any], generation: int,
                    threads: int, prebuilt: Any = None) -> dict[str, Any]:
        """Promoting a champion of another structure: build it (or take ``prebuilt``) for ``generation``;
        returns what the manifest's ``ann`` records about it."""

    # Housekeeping -------------------------------------------------------------------------------
    @abstractmethod
    def sweep(self, generation: int) -> None:
        """Remove what a build that died left (the index lock is held: nothing is in flight)."""

    def retire(self, generation: int) -> None:
        """After the catalog switched to ``generation``: drop ANN structures only older generations used."""
        return None

    @abstractmethod
    def delete_data(self) -> None:
        """Remove this backend's rows and ANN structures (after a migration switched away from it)."""

    def delete_all(self) -> None:
        self.files.delete_all()

    def reindex(self, row: VectorIndexRow, index: LoadedIndex, params: dict[str, Any], generation: int,
                threads: int) -> Built | None:
        """Rebuild the ANN structure with ``params`` over the rows as stored; None: this backend rewrites the
        rows with it (a full build)."""
        return None

    def unindexed_rows(self, index: LoadedIndex) -> int:
        """Rows the ANN structure has not seen (searched exactly beside it)."""
        return 0

    def optimize(self, row: VectorIndexRow, index: LoadedIndex, generation: int) -> Built | None:
        """Fold rows appended since the last build into the ANN structure without a full rebuild; None when
        there is nothing to fold."""
        return None
