"""Hit assembly, kept off the per-query path: the columns a hit needs (doc_id, chunk_index, text, a small
integer per document for the per-document dedupe) are turned once per loaded index into numpy arrays and
offset tables over the Arrow buffers, so a query does vectorised lookups and builds Python values only for
its final k hits (one pydantic validation for all of them).

Measured with ``bench/vectors.py``: a pyarrow ``select().take().to_pylist()`` plus ``Hit.model_construct``
per hit cost ~60 us a query, more than bare faiss's whole search at ef_search=40 on 100K vectors.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import TypeAdapter

from lakehouse.vectors.spec import Hit

HITS = TypeAdapter(list[Hit])
_utf8 = codecs.utf_8_decode


def _strings(column: pa.ChunkedArray | pa.Array) -> Callable[[np.ndarray], list[str]]:
    """rows -> their strings, decoded straight from the Arrow data buffer (nulls read as "")."""
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        array = pc.cast(array, pa.large_string())
    width = np.int64 if pa.types.is_large_string(array.type) else np.int32
    _, offsets_buf, data_buf = array.buffers()
    offsets = np.frombuffer(offsets_buf, dtype=width)[array.offset:array.offset + len(array) + 1].astype(np.int64)
    data = memoryview(data_buf) if data_buf is not None else memoryview(b"")

    def pick(rows: np.ndarray) -> list[str]:
        starts, ends = offsets[rows].tolist(), offsets[rows + 1].tolist()
        return [_utf8(data[a:b])[0] for a, b in zip(starts, ends, strict=True)]  # no copy before decoding

    return pick


def _values(column: pa.ChunkedArray) -> Callable[[np.ndarray], list[Any]]:
    """rows -> Python values of a doc_id column: numpy for numbers, buffers for strings, else a list."""
    kind = column.type
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        values = column.to_numpy()
        return lambda rows: values[rows].tolist()  # type: ignore[no-any-return]
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
        return _strings(column)
    items = column.to_pylist()
    return lambda rows: [items[r] for r in rows.tolist()]


class HitColumns:
    """Per loaded index: what a hit is made of, ready for fancy indexing by row."""

    def __init__(self, meta: pa.Table):
        self.doc = _values(meta.column("doc_id"))
        self.chunk = meta.column("chunk_index").to_numpy().astype(np.int64)
        self.text = _strings(meta.column("text"))
        self.single = bool(meta.num_rows == 0 or not self.chunk.any())
        self.codes: np.ndarray | None = None
        if not self.single:
            encoded = pc.dictionary_encode(meta.column("doc_id")).combine_chunks()
            self.codes = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)

    def best_per_document(self, rows: np.ndarray, k: int) -> np.ndarray:
        """Indices into ``rows`` (score order) of each document's first (best) chunk, at most k."""
        if self.single or self.codes is None:
            return np.arange(min(k, len(rows)))
        seen: set[int] = set()
        picked = []
        for i, code in enumerate(self.codes[rows].tolist()):
            if code not in seen:
                seen.add(code)
                picked.append(i)
                if len(picked) == k:
                    break
        return np.asarray(picked, dtype=np.int64)

    def hits(self, row_of: np.ndarray, labels: np.ndarray, scores: np.ndarray, k: int, per_chunk: bool,
             dead: bool = True) -> list[Hit]:
        """The final hits from search results in score order; ``dead``: the graph may return labels a
        refresh removed (kept in the graph until compaction)."""
        rows = row_of[labels]
        if dead and (rows < 0).any():
            keep = rows >= 0
            rows, scores = rows[keep], scores[keep]
        if per_chunk or self.single:
            rows, scores = rows[:k], scores[:k]
        else:
            first = self.best_per_document(rows, k)
            rows, scores = rows[first], scores[first]
        if not len(rows):
            return []
        chunks = [0] * len(rows) if self.single else self.chunk[rows].tolist()
        out = [{"doc_id": d, "chunk_index": c, "score": s, "text": t} for d, c, s, t in zip(
            self.doc(rows), chunks, scores.tolist(), self.text(rows), strict=True)]
        return HITS.validate_python(out)
