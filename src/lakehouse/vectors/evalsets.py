"""Eval sets: queries with exact ground truth, on which a trial measures recall.

Three sources, all stored (``vector_eval_sets``) so that every trial can be traced to its queries:

- ``held_out`` (the default): ``sample`` documents are held out of the evaluation. A query is one chunk of
  each held-out document; its ground truth is the exact top-k over every *other* live chunk, and the graph a
  trial searches is built without the held-out documents. A query therefore never finds itself or another
  chunk of its own document — it is as new to the graph as a user's query is. (Sampling queries from the
  index and keeping them in the graph claimed recall 0.95 where unseen queries got 0.74.)
- ``user``: your own queries — texts, embedded by the index's embedder, or vectors — over the whole index.
- ``live``: real search queries logged for the index (``query_log``; vectors only), with ground truth over
  the same chunks as the held-out set they are measured beside.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from lakehouse.catalog.models_vectors import VectorEvalSetRow, VectorIndexRow
from lakehouse.errors import InvalidInput
from lakehouse.vectors import ann
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.records import IndexRecords

_TRUTH_BATCH = 256  # queries per exact-search matrix product


@dataclass(frozen=True)
class EvalSet:
    id: int
    source: str
    k: int
    queries: np.ndarray        # (n, dim) float32, ready to search (normalised for cosine)
    truth: list[list[int]]     # index labels, best first
    excluded: np.ndarray       # labels a trial's graph leaves out (the held-out documents' chunks)


def encode(vectors: np.ndarray) -> dict[str, Any]:
    data = np.ascontiguousarray(vectors, dtype=np.float32)
    return {"b64": base64.b64encode(data.tobytes()).decode("ascii"), "rows": int(data.shape[0]),
            "dim": int(data.shape[1]) if data.ndim == 2 else 0}


def decode(blob: dict[str, Any]) -> np.ndarray:
    raw = np.frombuffer(base64.b64decode(blob["b64"]), dtype=np.float32)
    return raw.reshape(int(blob["rows"]), int(blob["dim"])).copy()


def exact_truth(index: LoadedIndex, queries: np.ndarray, k: int, kept: np.ndarray) -> list[list[int]]:
    """Exact top-k labels among ``kept`` for every query (batched matrix products)."""
    pool = index.vectors[kept]
    out: list[list[int]] = []
    for start in range(0, len(queries), _TRUTH_BATCH):
        block = queries[start:start + _TRUTH_BATCH]
        similarity = block @ pool.T
        scores = 2 * similarity - np.sum(pool ** 2, axis=1)[None, :] if index.metric == "l2" else similarity
        n = min(k, pool.shape[0])
        top = np.argpartition(-scores, n - 1, axis=1)[:, :n]
        for row, cand in zip(scores, top, strict=True):
            ordered = cand[np.argsort(-row[cand], kind="stable")]
            out.append(kept[ordered].astype(np.int64).tolist())
    return out


def data_key(row: VectorIndexRow, index: LoadedIndex) -> str:
    """What a held-out set's labels depend on: the source version and the label layout, not the graph."""
    return f"{row.source_version}:{index.labels}:{index.live}"


def kept_labels(index: LoadedIndex, excluded: np.ndarray) -> np.ndarray:
    alive = index.alive_positions().astype(np.int64)
    return np.setdiff1d(alive, excluded, assume_unique=False) if len(excluded) else np.sort(alive)


class EvalSets:
    def __init__(self, records: IndexRecords):
        self.records = records

    def held_out(self, row: VectorIndexRow, index: LoadedIndex, sample: int, k: int, new: bool = False) -> EvalSet:
        data = data_key(row, index)
        if not new:  # reused while the vectors are the same (a promotion's new graph keeps the labels)
            existing = self.records.latest_eval_set(row.name, None, k, source="held_out")
            if existing is not None and existing.queries.get("data") == data:
                return self.load(existing, index)
        documents = index.documents()
        if documents < 2:
            raise InvalidInput(f"Index '{row.name}' has {documents} document(s): too few to hold any out.",
                               hint='Evaluate with your own queries: "queries" (texts) or "vectors".')
        rng = np.random.default_rng((row.source_version or 0) * 1_000_003 + index.labels)  # same data, same sample
        alive = index.alive_positions()
        picks = rng.permutation(alive)
        doc_ids = index.meta.column("doc_id").to_pylist()
        row_of = index.row_of
        wanted = min(sample, documents // 2)
        chosen: dict[Any, int] = {}  # held-out doc -> its query chunk's label
        for label in picks:
            doc = doc_ids[int(row_of[label])]
            if doc not in chosen:
                chosen[doc] = int(label)
                if len(chosen) == wanted:
                    break
        excluded = np.sort(index.positions_for_docs(pa.array([str(d) for d in chosen], pa.string())))
        labels = np.asarray(list(chosen.values()), dtype=np.int64)
        queries = index.vectors[labels]
        truth = exact_truth(index, queries, k, kept_labels(index, excluded))
        saved = self.records.add_eval_set(
            row.name, "held_out", k, {"labels": labels.tolist(), "excluded": excluded.tolist(), "data": data},
            {"labels": truth}, row.generation)
        return EvalSet(saved.id, "held_out", k, queries, truth, excluded)

    def user(self, row: VectorIndexRow, index: LoadedIndex, k: int, vectors: np.ndarray,
             texts: list[str] | None) -> EvalSet:
        queries = prepare(row, vectors)
        truth = exact_truth(index, queries, k, kept_labels(index, np.zeros(0, dtype=np.int64)))
        stored: dict[str, Any] = {"vectors": encode(queries)}
        if texts is not None:
            stored["texts"] = texts
        saved = self.records.add_eval_set(row.name, "user", k, stored, {"labels": truth}, row.generation)
        return EvalSet(saved.id, "user", k, queries, truth, np.zeros(0, dtype=np.int64))

    def live(self, row: VectorIndexRow, index: LoadedIndex, k: int, beside: EvalSet | None, minimum: int,
             limit: int) -> EvalSet | None:
        """The logged queries (newest ``limit``), measured on the same chunks as ``beside`` (the held-out set
        of the same trial; None: the whole index); None when fewer than ``minimum`` were logged."""
        logged = self.records.logged_queries(row.name, limit)
        if len(logged) < minimum:
            return None
        excluded = beside.excluded if beside is not None else np.zeros(0, dtype=np.int64)
        queries = prepare(row, np.stack(logged))
        truth = exact_truth(index, queries, k, kept_labels(index, excluded))
        saved = self.records.add_eval_set(
            row.name, "live", k, {"vectors": encode(queries), "beside": beside.id if beside else None},
            {"labels": truth}, row.generation)
        return EvalSet(saved.id, "live", k, queries, truth, excluded)

    def load(self, saved: VectorEvalSetRow, index: LoadedIndex) -> EvalSet:
        stored = saved.queries
        excluded = np.asarray(stored.get("excluded", []), dtype=np.int64)
        if "vectors" in stored:
            queries = decode(stored["vectors"])
        else:  # a held-out set names its queries by label
            queries = index.vectors[np.asarray(stored["labels"], dtype=np.int64)]
        return EvalSet(saved.id, saved.source, saved.k, queries, saved.ground_truth["labels"], excluded)


def prepare(row: VectorIndexRow, vectors: np.ndarray) -> np.ndarray:
    """Query vectors as the index searches them: the right dimension, finite, normalised for cosine."""
    queries = np.asarray(vectors, dtype=np.float32)
    if queries.ndim != 2 or queries.shape[0] == 0:
        raise InvalidInput("Eval vectors must be a non-empty list of vectors.")
    if queries.shape[1] != row.dim:
        raise InvalidInput(f"Eval vectors have dimension {queries.shape[1]}; index '{row.name}' holds {row.dim}.",
                           hint=f"Send vectors of {row.dim} numbers (the index's embedding size).")
    if not np.isfinite(queries).all():
        raise InvalidInput("Eval vectors hold NaN or infinite values.")
    return ann.normalise(queries) if row.metric == "cosine" else queries
