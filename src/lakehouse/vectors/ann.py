"""faiss wrappers: HNSW (inner product or L2) built, searched, persisted; exact search in numpy.

Scores are similarities, higher is better: inner product for ``cosine`` (vectors normalised) and
``ip``, the negated squared distance for ``l2``.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from lakehouse.errors import NotInstalled

_threads_lock = threading.Lock()


def faiss_module() -> Any:
    try:
        import faiss
    except ImportError as exc:
        raise NotInstalled("Vector search", "faiss-cpu") from exc
    return faiss


@dataclass(frozen=True)
class HnswConfig:
    m: int = 16
    ef_construction: int = 80
    ef_search: int = 40

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HnswConfig:
        return cls(int(data["m"]), int(data["ef_construction"]), int(data["ef_search"]))

    def same_graph(self, other: HnswConfig) -> bool:
        return (self.m, self.ef_construction) == (other.m, other.ef_construction)


def set_threads(n: int) -> None:
    with _threads_lock:
        faiss_module().omp_set_num_threads(n)


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def build_hnsw(vectors: np.ndarray, metric: str, config: HnswConfig) -> Any:
    faiss = faiss_module()
    kind = faiss.METRIC_L2 if metric == "l2" else faiss.METRIC_INNER_PRODUCT
    index = faiss.IndexHNSWFlat(vectors.shape[1], config.m, kind)
    index.hnsw.efConstruction = config.ef_construction
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def add_vectors(index: Any, vectors: np.ndarray) -> None:
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))


def stored_vectors(index: Any) -> np.ndarray:
    """The HNSW's own flat storage as an (ntotal, d) matrix, without a copy."""
    faiss = faiss_module()
    storage = faiss.downcast_index(index.storage)
    codes = faiss.vector_to_array(storage.codes) if index.ntotal else np.zeros(0, dtype=np.uint8)
    return codes.view(np.float32).reshape(index.ntotal, index.d)


def selector(positions: np.ndarray, total: int) -> Any:
    """A bitmap selector over ``total`` labels (O(1) per test, unlike a batch/hash selector)."""
    faiss = faiss_module()
    bits = np.zeros(total, dtype=bool)
    bits[positions] = True
    packed = np.packbits(bits, bitorder="little")
    sel = faiss.IDSelectorBitmap(total, faiss.swig_ptr(packed))
    sel._keep = packed  # the selector holds a raw pointer: keep the buffer alive with it
    return sel


def search_params(ef: int, sel: Any = None) -> Any:
    params = faiss_module().SearchParametersHNSW()
    params.efSearch = ef
    if sel is not None:
        params.sel = sel  # faiss's wrapper keeps a reference for the params' lifetime
    return params


def search_hnsw(index: Any, query: np.ndarray, k: int, ef: int, sel: Any = None,
                metric: str = "cosine", params: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """One query. ``params`` (from ``search_params``, efSearch >= k) skips building them per call; the
    graph's ``search_c`` is called directly, without faiss's Python wrapper (checks and allocations)."""
    faiss = faiss_module()
    if params is None or ef < k:
        params = search_params(max(ef, k), sel)
    x = query if query.dtype == np.float32 and query.flags.c_contiguous else np.ascontiguousarray(
        query, dtype=np.float32)
    scores = np.empty(k, dtype=np.float32)
    labels = np.empty(k, dtype=np.int64)
    index.search_c(1, faiss.swig_ptr(x), k, faiss.swig_ptr(scores), faiss.swig_ptr(labels), params)
    if labels[-1] < 0:  # fewer than k found (results are packed first)
        keep = labels >= 0
        scores, labels = scores[keep], labels[keep]
    return (-scores if metric == "l2" else scores), labels


def search_exact(vectors: np.ndarray, query: np.ndarray, k: int, positions: np.ndarray | None = None,
                 metric: str = "cosine") -> tuple[np.ndarray, np.ndarray]:
    """Brute force over all rows, or over ``positions`` only (a filtered exact search)."""
    pool = vectors if positions is None else vectors[positions]
    if not len(pool):
        return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
    if metric == "l2":
        diff = pool - query
        scores = -np.einsum("ij,ij->i", diff, diff)
    else:
        scores = pool @ query
    k = min(k, len(scores))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top], kind="stable")]
    labels = top if positions is None else positions[top]
    return scores[top].astype(np.float32), labels.astype(np.int64)


def serialize(index: Any) -> bytes:
    return bytes(faiss_module().serialize_index(index))


def deserialize(blob: bytes) -> Any:
    return faiss_module().deserialize_index(np.frombuffer(blob, dtype=np.uint8))


def write_file(index: Any, path: str) -> None:
    faiss_module().write_index(index, path)


def read_file(path: str) -> Any:
    return faiss_module().read_index(path)
