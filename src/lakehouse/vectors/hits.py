"""Hit assembly, kept off the per-query path: the columns a hit needs (doc_id, chunk_index, text, a small
integer per document for the per-document dedupe) are turned once per loaded index into numpy arrays and
offset tables over the Arrow buffers, so a query does vectorised lookups and builds Python values only for
its final k hits (one pydantic validation for all of them).

Measured with ``bench/vectors.py``: a pyarrow ``select().take().to_pylist()`` plus ``Hit.model_construct``
per hit cost ~60 us a query, more than bare faiss's whole search at ef_search=40 on 100K vectors.
"""

from __future__ import annotations

import codecs
import copy
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import TypeAdapter

from lakehouse.vectors.growth import grown
from lakehouse.vectors.spec import Hit

HITS = TypeAdapter(list[Hit])
_utf8 = codecs.utf_8_decode


MAX_PARTS = 32  # string parts a column keeps before they are joined into one (appends add one each)


class _Strings:
    """rows -> their strings, decoded straight from the Arrow data buffers (nulls read as ""). An append adds a
    part instead of copying the column; past MAX_PARTS parts they are joined (one copy per MAX_PARTS appends)."""

    def __init__(self, arrays: list[pa.Array]):
        self.arrays = arrays
        self.parts = [_buffers(a) for a in arrays]
        self.starts = np.cumsum([0] + [len(a) for a in arrays[:-1]]).astype(np.int64)

    @staticmethod
    def of(column: pa.ChunkedArray | pa.Array) -> _Strings:
        array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
            array = pc.cast(array, pa.large_string())
        return _Strings([array])

    def plus(self, column: pa.ChunkedArray | pa.Array) -> _Strings:
        arrays = [*self.arrays, *_Strings.of(column).arrays]
        if len(arrays) > MAX_PARTS:
            arrays = [pa.concat_arrays([a.cast(pa.large_string()) for a in arrays])]
        return _Strings(arrays)

    def __call__(self, rows: np.ndarray) -> list[str]:
        if len(self.parts) == 1:
            offsets, data = self.parts[0]
            return _decode(offsets, data, rows)
        part = np.searchsorted(self.starts, rows, side="right") - 1
        out = []
        for p, r in zip(part.tolist(), (rows - self.starts[part]).tolist(), strict=True):
            offsets, data = self.parts[p]
            out.extend(_decode(offsets, data, np.asarray([r])))
        return out


def _buffers(array: pa.Array) -> tuple[np.ndarray, memoryview]:
    width = np.int64 if pa.types.is_large_string(array.type) else np.int32
    _, offsets_buf, data_buf = array.buffers()
    offsets = np.frombuffer(offsets_buf, dtype=width)[array.offset:array.offset + len(array) + 1].astype(np.int64)
    return offsets, memoryview(data_buf) if data_buf is not None else memoryview(b"")


def _decode(offsets: np.ndarray, data: memoryview, rows: np.ndarray) -> list[str]:
    starts, ends = offsets[rows].tolist(), offsets[rows + 1].tolist()
    return [_utf8(data[a:b])[0] for a, b in zip(starts, ends, strict=True)]  # no copy before decoding


class _Values:
    """rows -> Python values of a doc_id column: numpy for numbers, buffers for strings, else a list."""

    def __init__(self, column: pa.ChunkedArray | pa.Array):
        kind = column.type
        self.numbers: np.ndarray | None = None
        self.strings: _Strings | None = None
        self.items: list[Any] | None = None
        if pa.types.is_integer(kind) or pa.types.is_floating(kind):
            self.numbers = column.to_numpy()
        elif pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind):
            self.strings = _Strings.of(column)
        else:
            self.items = column.to_pylist()

    def plus(self, column: pa.ChunkedArray | pa.Array) -> _Values:
        out = copy.copy(self)
        if self.numbers is not None:
            out.numbers = grown(self.numbers, column.to_numpy().astype(self.numbers.dtype))
        elif self.strings is not None:
            out.strings = self.strings.plus(column)
        else:
            out.items = [*(self.items or []), *column.to_pylist()]
        return out

    def __call__(self, rows: np.ndarray) -> list[Any]:
        if self.numbers is not None:
            return self.numbers[rows].tolist()  # type: ignore[no-any-return]
        if self.strings is not None:
            return self.strings(rows)
        items = self.items or []
        return [items[r] for r in rows.tolist()]


class HitColumns:
    """Per loaded index: what a hit is made of, ready for fancy indexing by row."""

    def __init__(self, meta: pa.Table):
        self.doc = _Values(meta.column("doc_id"))
        self.chunk = meta.column("chunk_index").to_numpy().astype(np.int64)
        self.text = _Strings.of(meta.column("text"))
        self.single = bool(meta.num_rows == 0 or not self.chunk.any())
        self.codes: np.ndarray | None = None
        if not self.single:
            self.codes = _codes(meta.column("doc_id"))

    def plus(self, new: pa.Table) -> HitColumns:
        """These columns with the rows of ``new`` after them, whose documents are new to the index (an append):
        the existing columns are not rebuilt."""
        out = copy.copy(self)
        out.doc = self.doc.plus(new.column("doc_id"))
        chunk = new.column("chunk_index").to_numpy().astype(np.int64)
        out.chunk = grown(self.chunk, chunk)
        out.text = self.text.plus(new.column("text"))
        out.single = self.single and not chunk.any()
        if not out.single:
            before = self.codes if self.codes is not None else np.arange(len(self.chunk), dtype=np.int64)
            first = int(before.max()) + 1 if len(before) else 0
            out.codes = grown(before, _codes(new.column("doc_id")) + first)
        return out

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


def _codes(doc_ids: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """A small integer per document (the per-document dedupe compares these)."""
    encoded = pc.dictionary_encode(doc_ids)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    return np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
