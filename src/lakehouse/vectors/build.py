"""Build and refresh: read the source, chunk, embed (checkpointed, so a failed build resumes), write
the embeddings table and the graph, then switch the catalog to the new generation in one update.
Until that update, searches keep using the previous generation."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.catalog.sampling import Cancelled
from lakehouse.config import Settings
from lakehouse.embeddings import Embedder, EmbedderRegistry
from lakehouse.errors import InvalidInput
from lakehouse.vectors import ann
from lakehouse.vectors.chunking import chunk_text
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.store import IndexFiles, vectors_column

Progress = Callable[[float], None]
CHECKPOINT_CHUNKS = 512
APPENDED = "append:"  # content_hash prefix of rows appended to the index alone: refresh keeps them
COMPACT_DEAD_FRACTION = 0.3


@dataclass
class Docs:
    """Source documents, last row wins per id: key (str id), id value, content hash, text or vector."""

    ids: list[Any] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    vectors: list[Any] = field(default_factory=list)
    id_type: pa.DataType = pa.string()
    matrix: np.ndarray | None = None  # every source row's vector when they share one length; ``vectors`` view it
    rows: list[int] = field(default_factory=list)  # with ``matrix``: each document's row in it


def read_docs(table: pa.Table, id_column: str, content_column: str, is_vector: bool) -> Docs:
    ids = table.column(id_column).to_pylist()
    column = table.column(content_column)
    matrix = _matrix(column) if is_vector else None  # vectors without a Python float each
    contents = column.to_pylist() if matrix is None else None
    latest: dict[str, int] = {}
    for i, value in enumerate(ids):
        if value is not None:
            latest[str(value)] = i
    docs = Docs(id_type=table.schema.field(id_column).type, matrix=matrix)
    for key, i in latest.items():
        docs.ids.append(ids[i])
        docs.keys.append(key)
        if is_vector:
            if matrix is not None:
                vec = matrix[i]
                docs.rows.append(i)
            else:
                assert contents is not None
                vec = np.asarray(contents[i] if contents[i] is not None else [], dtype=np.float32)
            docs.vectors.append(vec)
            docs.hashes.append(hashlib.sha256(vec.tobytes()).hexdigest()[:32])
        else:
            content = contents[i]  # type: ignore[index]
            docs.texts.append(content)
            docs.hashes.append(hashlib.sha256((content or "").encode()).hexdigest()[:32])
    return docs


def _matrix(column: pa.ChunkedArray) -> np.ndarray | None:
    """A list<float> column as one float32 matrix when every row holds a vector of one length (None otherwise:
    the rows are read one by one, so empty and odd rows are reported as before)."""
    if column.null_count or not len(column):
        return None
    lengths = pc.unique(pc.list_value_length(column))
    if len(lengths) != 1 or lengths[0].as_py() in (None, 0):
        return None
    flat = pc.list_flatten(column)
    if flat.null_count:
        return None
    return np.asarray(flat.to_numpy(), dtype=np.float32).reshape(len(column), lengths[0].as_py())


@dataclass
class Rows:
    """New embeddings rows before their positions are assigned."""

    ids: list[Any] = field(default_factory=list)
    chunk_index: list[int] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    empty_documents: int = 0
    truncated_documents: int = 0

    def table(self, first_pos: int, vectors: np.ndarray, id_type: pa.DataType) -> pa.Table:
        n = len(self.ids)
        return pa.table({
            "pos": pa.array(np.arange(first_pos, first_pos + n, dtype=np.int64)),
            "doc_id": pa.array(self.ids, id_type),
            "chunk_index": pa.array(self.chunk_index, pa.int32()),
            "start": pa.array(self.start, pa.int32()),
            "end": pa.array(self.end, pa.int32()),
            "text": pa.array(self.text, pa.string()),
            "content_hash": pa.array(self.hashes, pa.string()),
            "vector": vectors_column(vectors),
        })


def chunk_docs(row: VectorIndexRow, docs: Docs, picks: list[int], limit: int) -> Rows:
    rows = Rows()
    for i in picks:
        if row.vector_column is not None:
            if docs.vectors[i].size == 0:
                rows.empty_documents += 1
                continue
            pieces = [(0, 0, 0, "")]
        else:
            chunks = chunk_text(docs.texts[i], row.chunk_size, row.overlap, row.chunk_unit, limit + 1)  # type: ignore[arg-type]
            if not chunks:
                rows.empty_documents += 1
                continue
            if len(chunks) > limit:
                rows.truncated_documents += 1
                chunks = chunks[:limit]
            pieces = [(c.chunk_index, c.start, c.end, c.text) for c in chunks]
        for chunk_index, start, end, text in pieces:
            rows.ids.append(docs.ids[i])
            rows.keys.append(docs.keys[i])
            rows.hashes.append(docs.hashes[i])
            rows.chunk_index.append(chunk_index)
            rows.start.append(start)
            rows.end.append(end)
            rows.text.append(text)
    return rows


Parts = Callable[[Embedder, list[str], list[int], Callable[[], bool]], Iterator[tuple[list[int], np.ndarray]]]


def local_parts(embedder: Embedder, texts: list[str], todo: list[int], cancelled: Callable[[], bool]
                ) -> Iterator[tuple[list[int], np.ndarray]]:
    """Embed ``todo`` (positions in ``texts``) here, ``CHECKPOINT_CHUNKS`` at a time."""
    for start in range(0, len(todo), CHECKPOINT_CHUNKS):
        if cancelled():
            raise Cancelled("Build cancelled; finished batches are kept and the next build resumes.")
        part = todo[start:start + CHECKPOINT_CHUNKS]
        yield part, embedder.embed([texts[i] for i in part])


def sized(parts: Parts, min_chunks: int) -> Parts:
    """``parts`` for ``min_chunks`` chunks or more, ``local_parts`` below (``compute.ray_min_chunks``): a Ray
    job's fixed cost, fresh actor processes importing torch and the model's libraries, would dominate a small
    one, which then never contacts the cluster."""

    def choose(embedder: Embedder, texts: list[str], todo: list[int], cancelled: Callable[[], bool]
               ) -> Iterator[tuple[list[int], np.ndarray]]:
        chosen = parts if len(todo) >= min_chunks else local_parts
        return chosen(embedder, texts, todo, cancelled)

    return choose


def embed_rows(files: IndexFiles, embedder: Embedder, rows: Rows, progress: Progress,
               cancelled: Callable[[], bool], parts: Parts = local_parts) -> tuple[np.ndarray, int]:
    """Vectors for ``rows``; reuses and extends the pending checkpoint. Returns (vectors, reused).
    ``parts`` embeds the missing ones: here (``local_parts``) or on a cluster (compute/embed.py)."""
    keys = [(k, c, h) for k, c, h in zip(rows.keys, rows.chunk_index, rows.hashes, strict=True)]
    done = files.read_pending(embedder.model)
    out: list[np.ndarray | None] = [done.get(key) for key in keys]
    reused = sum(v is not None for v in out)
    todo = sorted((i for i, v in enumerate(out) if v is None), key=lambda i: len(rows.text[i]))
    finished = 0
    for part, vectors in parts(embedder, rows.text, todo, cancelled):
        files.append_pending(embedder.model, [keys[i] for i in part], vectors)
        for j, i in enumerate(part):
            out[i] = vectors[j]
        finished += len(part)
        progress(finished / max(len(todo), 1))
    if not out:
        return np.zeros((0, embedder.dim), dtype=np.float32), reused
    return np.vstack(out).astype(np.float32), reused  # type: ignore[arg-type]


def byo_vectors(docs: Docs, rows: Rows) -> np.ndarray:
    index_of = {k: i for i, k in enumerate(docs.keys)}
    if docs.matrix is not None and docs.rows:  # one gather from the source matrix, not a stack of 100k views
        picks = np.fromiter((docs.rows[index_of[k]] for k in rows.keys), dtype=np.int64, count=len(rows.keys))
        return np.ascontiguousarray(docs.matrix[picks], dtype=np.float32)
    vectors = [docs.vectors[index_of[k]] for k in rows.keys]
    dims = {len(v) for v in vectors}
    if len(dims) > 1:
        raise InvalidInput(f"The vector column holds vectors of different lengths: {sorted(dims)[:5]}.")
    return np.vstack(vectors).astype(np.float32) if vectors else np.zeros((0, 0), dtype=np.float32)


def build_graph(vectors: np.ndarray, metric: str, config: ann.HnswConfig, search_threads: int) -> Any:
    ann.set_threads(os.cpu_count() or 1)  # graph construction parallelises well; searches do not
    try:
        return ann.build_hnsw(vectors, metric, config)
    finally:
        ann.set_threads(search_threads)


def prepare(metric: str, vectors: np.ndarray) -> np.ndarray:
    return ann.normalise(vectors) if metric == "cosine" else vectors


class Timer:
    def __init__(self) -> None:
        self.started = time.perf_counter()

    def seconds(self) -> float:
        return round(time.perf_counter() - self.started, 3)


def needs_compaction(current: LoadedIndex, removed: int, added: int) -> bool:
    labels = current.labels + added
    return labels > 0 and (current.dead + removed) / labels > COMPACT_DEAD_FRACTION


def settings_config(settings: Settings, ann_meta: dict[str, Any]) -> ann.HnswConfig:
    champion = ann_meta.get("champion") or {}
    v = settings.vectors
    return ann.HnswConfig(int(champion.get("m", v.hnsw_m)), int(champion.get("ef_construction",
                          v.hnsw_ef_construction)), int(champion.get("ef_search", v.hnsw_ef_search)))


ANN_KEYS = ("m", "ef_construction", "ef_search", "nprobes", "refine_factor", "num_partitions", "num_sub_vectors")


def ann_params(settings: Settings, ann_meta: dict[str, Any]) -> dict[str, Any]:
    """Every backend's ANN parameters: the champion's over the settings (each backend reads its own; IVF
    sizes left None are chosen from the data at build)."""
    v = settings.vectors
    params: dict[str, Any] = {"m": v.hnsw_m, "ef_construction": v.hnsw_ef_construction, "ef_search": v.hnsw_ef_search,
                              "nprobes": v.lance_nprobes, "refine_factor": v.lance_refine_factor,
                              "num_partitions": None, "num_sub_vectors": None}
    champion = ann_meta.get("champion") or {}
    params.update({k: champion[k] for k in ANN_KEYS if champion.get(k) is not None})
    params.update(sample_rate=v.lance_sample_rate, max_iters=v.lance_max_iters)  # training, not tuned
    return params


def resolve_embedder(embedders: EmbedderRegistry, row: VectorIndexRow) -> Embedder | None:
    return None if row.vector_column is not None else embedders.get(row.embedder)


def existing_vectors(current: LoadedIndex) -> np.ndarray:
    return current.vectors[current.alive_positions()]
