"""Where an index lives in its bucket: ``vectors/<index>/embeddings`` (the hnsw backend's Delta table, one
row per chunk, ``pos`` = the label), ``vectors/<index>/hnsw-<generation>.faiss`` (its graph),
``vectors/<index>/embeddings.lance`` (the lance backend's dataset) and ``vectors/<index>/pending``
(embedded chunks of a build in progress, so a failed build resumes)."""

from __future__ import annotations

import os
import tempfile
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.fs as pafs

from lakehouse.storage import delta
from lakehouse.storage.buckets import Bucket
from lakehouse.vectors import ann

EMBEDDINGS = "embeddings"
PENDING = "pending"
LANCE = "embeddings.lance"
META_COLUMNS = ["pos", "doc_id", "chunk_index", "start", "end", "text", "content_hash"]


def vectors_column(vectors: np.ndarray) -> pa.Array:
    flat = pa.array(np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1))
    return pa.FixedSizeListArray.from_arrays(flat, vectors.shape[1] if vectors.ndim == 2 else 0)


def to_matrix(column: pa.ChunkedArray | pa.Array, dim: int) -> np.ndarray:
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks else pa.array([], pa.list_(pa.float32()))
    if len(column) == 0:
        return np.zeros((0, dim), dtype=np.float32)
    flat = pc.list_flatten(column).to_numpy(zero_copy_only=False)
    return np.asarray(flat, dtype=np.float32).reshape(len(column), dim)


class IndexFiles:
    def __init__(self, bucket: Bucket, index: str):
        self.bucket = bucket
        self.index = index
        self.prefix = f"vectors/{index}"
        self.embeddings_uri = bucket.uri(f"{self.prefix}/{EMBEDDINGS}")
        self.pending_uri = bucket.uri(f"{self.prefix}/{PENDING}")
        self.lance_rel = f"{self.prefix}/{LANCE}"
        self.lance_uri = bucket.uri(self.lance_rel)
        self.options = bucket.storage_options()

    def graph_path(self, generation: int) -> str:
        return f"{self.prefix}/hnsw-{generation}.faiss"

    # Embeddings table ---------------------------------------------------------------------------
    def write(self, table: pa.Table, mode: str = "overwrite") -> int:
        reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=65_536))
        return delta.write_table(self.embeddings_uri, self.options, reader, mode,  # type: ignore[arg-type]
                                 {"lakehouse.index": self.index})

    def delete_positions(self, positions: list[int]) -> int:
        dt = delta.open_table(self.embeddings_uri, self.options)
        for start in range(0, len(positions), 5000):  # keep each predicate a reasonable size
            part = positions[start:start + 5000]
            dt.delete(f"pos IN ({', '.join(str(int(p)) for p in part)})")
        return dt.version()

    def version(self) -> int:
        return int(delta.open_table(self.embeddings_uri, self.options).version())

    def table_files(self, version: int | None) -> dict[str, int]:
        """How many data files the table has at ``version`` and their bytes."""
        dt = delta.open_table(self.embeddings_uri, self.options, version)
        actions = dt.get_add_actions(flatten=True)
        sizes = [int(x) for x in actions.column("size_bytes").to_pylist()] if actions.num_rows else []
        return {"count": len(sizes), "bytes": int(sum(sizes))}

    def size(self, rel: str) -> int:
        return self.bucket.size(rel) if self.bucket.exists(rel) else 0

    def tree_bytes(self, rel: str) -> int:
        """Bytes of every file under ``rel`` (a folder of this index)."""
        fs, _ = self.bucket.filesystem()
        infos = fs.get_file_info(pafs.FileSelector(self.bucket.resolve(rel), allow_not_found=True, recursive=True))
        return int(sum(i.size or 0 for i in infos if i.type == pafs.FileType.File))

    def read(self, version: int | None, columns: list[str] | None = None) -> pa.Table:
        return delta.dataset(self.embeddings_uri, self.options, version).to_table(columns=columns)

    def vacuum_all(self) -> None:
        """Physically drop files no longer referenced (purge: erased vectors must not linger)."""
        dt = delta.open_table(self.embeddings_uri, self.options)
        dt.vacuum(0, dry_run=False, enforce_retention_duration=False)

    # The graph ----------------------------------------------------------------------------------
    def save_graph(self, graph: Any, generation: int) -> None:
        rel = self.graph_path(generation)
        if self.bucket.backend == "local":
            path = self.bucket.resolve(rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".partial")
            os.close(fd)
            ann.write_file(graph, tmp)
            os.replace(tmp, path)
        else:
            self.bucket.write_bytes(rel, ann.serialize(graph))

    def load_graph(self, generation: int) -> Any | None:
        rel = self.graph_path(generation)
        if not self.bucket.exists(rel):
            return None
        if self.bucket.backend == "local":
            return ann.read_file(self.bucket.resolve(rel))
        return ann.deserialize(self.bucket.read_bytes(rel))

    def drop_old_graphs(self, keep: int) -> None:
        """Graphs of other generations, and graph files a build that died left half-written."""
        for name in self.bucket.list(self.prefix):
            base = name.rsplit("/", 1)[-1]
            if (base.startswith("hnsw-") and base != f"hnsw-{keep}.faiss") or base.endswith(".partial"):
                self.bucket.delete(f"{self.prefix}/{base}")

    def sweep(self, generation: int) -> None:
        """Remove what a build or refresh that died left (hold the index lock: none is in flight): graphs
        of generations the catalog never switched to, and files the embeddings tables never committed."""
        self.drop_old_graphs(generation)
        self.sweep_pending(self.embeddings_uri)

    def sweep_pending(self, *extra: str) -> None:
        for uri in (*extra, self.pending_uri):
            if delta.table_version(uri, self.options) is None:
                delta.remove_uncommitted(uri, self.options)
            else:
                delta.remove_untracked(uri, self.options)

    # Pending embeddings (resumable builds) ------------------------------------------------------
    def read_pending(self, model: str) -> dict[tuple[str, int, str], np.ndarray]:
        if delta.table_version(self.pending_uri, self.options) is None:
            return {}
        table = delta.dataset(self.pending_uri, self.options).to_table()
        table = table.filter(pc.equal(table.column("model"), model))
        if not table.num_rows:
            return {}
        dim = int(table.column("dim")[0].as_py())
        vectors = to_matrix(table.column("vector"), dim)
        keys = zip(table.column("doc_key").to_pylist(), table.column("chunk_index").to_pylist(),
                   table.column("content_hash").to_pylist(), strict=True)
        return {key: vectors[i] for i, key in enumerate(keys)}

    def append_pending(self, model: str, keys: list[tuple[str, int, str]], vectors: np.ndarray) -> None:
        table = pa.table({
            "doc_key": pa.array([k[0] for k in keys], pa.string()),
            "chunk_index": pa.array([k[1] for k in keys], pa.int32()),
            "content_hash": pa.array([k[2] for k in keys], pa.string()),
            "model": pa.array([model] * len(keys), pa.string()),
            "dim": pa.array([vectors.shape[1]] * len(keys), pa.int32()),
            "vector": vectors_column(vectors),
        })
        reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches())
        delta.write_table(self.pending_uri, self.options, reader, "append")

    def clear_pending(self) -> None:
        delta.delete_table(self.pending_uri, self.options)

    def delete_all(self) -> None:
        self.bucket.delete_tree(self.prefix)
