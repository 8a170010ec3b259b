"""Hit assembly from cached columns (vectors/hits.py), checked against plain pyarrow lookups."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from lakehouse.vectors.hits import HitColumns


@pytest.mark.parametrize("text_type", [pa.string(), pa.large_string()])
@pytest.mark.parametrize("ids", [["a", "b", "b", "ç", "d"], [10, 11, 11, 12, 13]])
def test_hits_match_a_plain_take(text_type, ids) -> None:  # type: ignore[no-untyped-def]
    texts = ["plain", "naïve café ☕", "", "second chunk of b", "日本語のテキスト"]
    meta = pa.table({"doc_id": ids, "chunk_index": pa.array([0, 0, 1, 0, 0], pa.int32()),
                     "text": pa.array(["junk", *texts], text_type).slice(1)})  # a sliced buffer
    columns = HitColumns(meta)
    assert not columns.single
    row_of = np.array([0, 1, -1, 2, 3, 4], dtype=np.int64)  # label 2 was removed by a refresh
    labels = np.array([3, 2, 1, 4, 5, 0], dtype=np.int64)
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4], dtype=np.float32)
    chunks = columns.hits(row_of, labels, scores, k=10, per_chunk=True)
    rows = [2, 1, 3, 4, 0]
    assert [(h.doc_id, h.chunk_index, h.text) for h in chunks] == [
        (meta["doc_id"][r].as_py(), meta["chunk_index"][r].as_py(), meta["text"][r].as_py()) for r in rows]
    docs = columns.hits(row_of, labels, scores, k=3, per_chunk=False)
    assert [h.doc_id for h in docs] == [ids[2], ids[3], ids[4]]  # the best chunk of each, in score order
    assert [h.score for h in docs] == pytest.approx([0.9, 0.6, 0.5])
