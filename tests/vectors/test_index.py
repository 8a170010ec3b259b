"""Build, search (filters, k in documents, exact fallback), refresh, restart, erasure, bad input."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

from lakehouse.errors import Conflict, InvalidInput, LimitExceeded, NotFound
from tests.vectors.conftest import DIM, build, corpus


def test_build_persists_embeddings_and_graph(vlh, embedder) -> None:  # type: ignore[no-untyped-def]
    job = build(vlh)
    assert job.result["documents"] == 300 and job.result["vectors"] >= 300
    info = vlh.get_vector_index("idx")
    assert (info.model, info.dim, info.status, info.source_version) == ("hash-bow-32", DIM, "ready", 0)
    root = vlh.settings.primary_root / "vectors" / "idx"
    assert (root / "embeddings" / "_delta_log").is_dir() and (root / f"hnsw-{info.generation}.faiss").is_file()
    assert not (root / "pending").exists()
    import deltalake  # a second reader sees the embeddings table

    table = deltalake.DeltaTable(str(root / "embeddings")).to_pyarrow_table()
    assert table.num_rows == info.vectors and set(table.column("doc_id").to_pylist()) == set(range(300))


def test_search_returns_k_documents_and_chunks(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh)
    docs = vlh.vector_search("idx", "nurse icu safety", k=7)
    ids = [h.doc_id for h in docs.hits]
    assert len(ids) == 7 and len(set(ids)) == 7
    assert docs.hits == sorted(docs.hits, key=lambda h: -h.score)
    chunks = vlh.vector_search("idx", "nurse icu safety", k=7, per_chunk=True)
    assert len(chunks.hits) == 7
    assert all(h.text for h in chunks.hits)


def test_filters_keep_recall(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=400)
    for predicate, expected in [("state = 'TX'", lambda i: i % 4 == 0),
                                ("years = 3", lambda i: i % 20 == 3),
                                ("doc_id IN (5, 17)", lambda i: i in (5, 17))]:
        result = vlh.vector_search("idx", "python kubernetes cloud", k=10, filter=predicate)
        matching = [i for i in range(400) if expected(i)]
        assert len(result.hits) == min(10, len(matching)), predicate
        assert all(expected(h.doc_id) for h in result.hits), predicate
        exact = vlh.vectors.search(vlh.actor, "idx", _req("python kubernetes cloud", 10, predicate, exact=True))
        assert {h.doc_id for h in result.hits} == {h.doc_id for h in exact.hits} or result.method == "hnsw"


def _req(query, k, predicate=None, exact=False):  # type: ignore[no-untyped-def]
    from lakehouse.vectors.spec import SearchRequest

    return SearchRequest(query=query, k=k, filter=predicate, exact=exact)


def test_hnsw_agrees_with_exact_and_small_indexes_go_exact(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=300)
    vlh.settings.vectors.exact_below = 0
    a = vlh.vectors.search(vlh.actor, "idx", _req("welder forklift safety", 5))
    b = vlh.vectors.search(vlh.actor, "idx", _req("welder forklift safety", 5, exact=True))
    assert a.method == "hnsw" and b.method == "exact"
    assert np.isclose(a.hits[0].score, b.hits[0].score)
    vlh.settings.vectors.exact_below = 10_000
    assert vlh.vector_search("idx", "welder", k=3).method == "exact"


def test_bring_your_own_vectors(vlh) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(50, 6)).astype(np.float32)
    vlh.write_table("emb", pa.table({"id": [f"d{i}" for i in range(50)], "v": [list(map(float, v)) for v in vectors]}))
    job = vlh.create_vector_index({"index_name": "byo", "dataset": "emb", "id_column": "id", "vector_column": "v",
                                   "metric": "ip"}, wait=True)
    assert job.status == "succeeded", job.error
    hit = vlh.vector_search("byo", vector=vectors[7] * 3, k=1).hits[0]
    assert hit.doc_id == f"d{int(np.argmax(vectors @ vectors[7]))}"
    with pytest.raises(InvalidInput, match="dimension 3"):
        vlh.vector_search("byo", vector=[1.0, 2.0, 3.0])
    with pytest.raises(InvalidInput, match="own vectors"):
        vlh.vector_search("byo", "text query")


def test_bad_input(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=50)
    vlh.write_table("nums", pa.table({"id": [1, 2], "n": [1, 2], "t": ["", "  "]}))
    spec = {"index_name": "bad", "dataset": "docs", "id_column": "doc_id", "text_column": "body", "embedder": "hash"}
    with pytest.raises(NotFound):
        vlh.create_vector_index({**spec, "dataset": "missing"})
    with pytest.raises(InvalidInput, match="no column 'nope'"):
        vlh.create_vector_index({**spec, "text_column": "nope"})
    with pytest.raises(InvalidInput, match="not text"):
        vlh.create_vector_index({**spec, "dataset": "nums", "id_column": "id", "text_column": "n"})
    with pytest.raises(InvalidInput, match="Unknown embedder"):
        vlh.create_vector_index({**spec, "embedder": "nope"})
    with pytest.raises(InvalidInput, match="cron"):
        vlh.create_vector_index({**spec, "refresh_policy": "scheduled", "refresh_cron": "every day"})
    empty = vlh.create_vector_index({**spec, "dataset": "nums", "id_column": "id", "text_column": "t"}, wait=True)
    assert empty.status == "failed" and "empty" in empty.error["message"]
    with pytest.raises(Conflict):
        vlh.vector_search("bad", "x")
    with pytest.raises(NotFound):
        vlh.vector_search("missing", "x")
    for k in (0, -1, 10**6):
        with pytest.raises(LimitExceeded):
            vlh.vector_search("idx", "x", k=k)
    with pytest.raises(InvalidInput, match="dimension"):
        vlh.vector_search("idx", vector=[0.1] * (DIM + 1))
    with pytest.raises(InvalidInput):
        vlh.vector_search("idx", "   ")
    with pytest.raises(InvalidInput):
        vlh.vector_search("idx", "x", filter="state = 'TX') UNION SELECT 1 --")
    with pytest.raises(Exception, match="(?i)no_such_column|not found|schema"):
        vlh.vector_search("idx", "x", filter="no_such_column = 1")


def test_huge_document_is_truncated_and_reported(vlh) -> None:  # type: ignore[no-untyped-def]
    vlh.settings.vectors.max_chunks_per_document = 20
    vlh.write_table("big", pa.table({"id": [1, 2], "t": ["nurse " * 50_000, "welder safety"]}))
    job = vlh.create_vector_index({"index_name": "big", "dataset": "big", "id_column": "id", "text_column": "t",
                                   "embedder": "hash", "chunk_size": 100, "overlap": 0}, wait=True)
    assert job.status == "succeeded" and job.result["truncated_documents"] == 1
    assert vlh.get_vector_index("big").vectors == 21


def test_restart_loads_the_persisted_graph(vlh, make_settings, embedder) -> None:  # type: ignore[no-untyped-def]
    build(vlh)
    before = vlh.vector_search("idx", "teacher classroom", k=5)
    from lakehouse.app import Lakehouse

    again = Lakehouse(make_settings(query={"workers": 1}))
    try:
        again.vectors.embedders.register("hash", lambda s: embedder)
        after = again.vector_search("idx", "teacher classroom", k=5)
        assert [h.doc_id for h in after.hits] == [h.doc_id for h in before.hits]
        assert again.vectors.cache.get(again.vectors.records.get("idx")).graph is not None
    finally:
        again.close()


def test_model_mismatch_is_refused(vlh, embedder) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=50)
    embedder.model = "another-model"
    with pytest.raises(Conflict, match="another-model"):
        vlh.vector_search("idx", "nurse")


def test_delete_index(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=30)
    vlh.delete_vector_index("idx")
    assert vlh.list_vector_indexes() == []
    assert not (vlh.settings.primary_root / "vectors" / "idx").exists()
    with pytest.raises(NotFound):
        vlh.get_vector_index("idx")


def test_corpus_is_deterministic() -> None:
    assert corpus(5).equals(corpus(5))
