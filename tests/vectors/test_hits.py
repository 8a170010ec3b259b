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


@pytest.mark.parametrize("ids", [["a", "b", "c"], [10, 11, 12]])
def test_columns_grown_by_appends_match_columns_built_whole(ids) -> None:  # type: ignore[no-untyped-def]
    """An append extends the hit columns instead of rebuilding them; past MAX_PARTS appends the text parts are
    joined. Whatever the path, hits are those of columns built over the whole table."""
    from lakehouse.vectors.hits import MAX_PARTS

    def part(n: int) -> pa.Table:
        doc = [f"{ids[0]}{n}" if isinstance(ids[0], str) else 1000 + n] * 2
        return pa.table({"doc_id": doc, "chunk_index": pa.array([0, 1], pa.int32()),
                         "text": pa.array([f"first of {n}", f"second of {n} ☕"], pa.string())})

    first = pa.table({"doc_id": ids, "chunk_index": pa.array([0, 0, 0], pa.int32()), "text": ["x", "y", "z"]})
    grown, tables = HitColumns(first), [first]
    assert grown.single
    for n in range(MAX_PARTS + 3):
        tables.append(part(n).cast(first.schema))
        grown = grown.plus(tables[-1])
    whole = HitColumns(pa.concat_tables(tables))
    labels = np.arange(whole.chunk.size)[::-1].copy()
    row_of = np.arange(whole.chunk.size)
    scores = np.linspace(1, 0, labels.size).astype(np.float32)
    for per_chunk in (True, False):
        assert grown.hits(row_of, labels, scores, 12, per_chunk) == whole.hits(row_of, labels, scores, 12, per_chunk)
    assert len(grown.text.parts) <= MAX_PARTS


def test_id_map_layers_and_grown_vectors() -> None:
    from lakehouse.vectors.growth import grown
    from lakehouse.vectors.loaded import IdMap

    base = IdMap.of(pa.table({"doc_id": pa.array([1, 2, 2], pa.int64()), "pos": pa.array([0, 1, 2], pa.int64())}))
    maps = [base]
    for n in range(40):  # appends: each a layer, merged while layers stay small
        maps.append(maps[-1].plus(pa.array([100 + n, 100 + n], pa.int64()), np.array([3 + 2 * n, 4 + 2 * n])))
    last = maps[-1]
    assert last.get("2").tolist() == [1, 2] and last.get("139").tolist() == [81, 82] and not len(last.get("7"))
    assert not len(maps[5].get("139")) and maps[5].get("104").tolist() == [11, 12]  # earlier maps unchanged
    depth, node = 0, last
    while node is not None:
        depth, node = depth + 1, node._parent
    assert depth <= 8

    vectors = np.arange(6, dtype=np.float32).reshape(3, 2)
    steps = [vectors]
    for n in range(10):
        steps.append(grown(steps[-1], np.full((2, 2), n, dtype=np.float32)))
    assert steps[3].shape == (9, 2) and steps[3][-1].tolist() == [2.0, 2.0]  # older views keep their rows
    assert steps[-1].shape == (23, 2) and steps[-1][:3].tolist() == vectors.tolist()
