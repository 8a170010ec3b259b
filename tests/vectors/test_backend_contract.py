"""One behaviour suite over both vector backends (hnsw, lance): what the layers above the backend interface
rely on. The expected side is computed independently (numpy over the embedder's vectors, pyarrow/lance
readers over the files)."""

from __future__ import annotations

import glob
import os

import numpy as np
import pyarrow as pa
import pytest

from lakehouse.errors import NotFound
from tests.vectors.conftest import build, corpus

BACKENDS = ["hnsw", "lance"]
N = 600  # above the 256 rows PQ needs to train


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, vlh) -> str:  # type: ignore[no-untyped-def]
    vlh.settings.vectors.exact_below = 0  # exercise the ANN structure, not the small-index exact path
    return str(request.param)


def exact_top(vlh, texts: list[str], query: str, k: int, exclude: set[int] = frozenset()) -> list[int]:  # type: ignore[no-untyped-def,assignment]
    embedder = vlh.vectors.embedders.get("hash")
    docs = embedder.embed(texts)
    docs /= np.maximum(np.linalg.norm(docs, axis=1, keepdims=True), 1e-12)
    q = embedder.embed_query(query)
    q = q / np.linalg.norm(q)
    scores = docs @ q
    order = [int(i) for i in np.argsort(-scores, kind="stable") if int(i) not in exclude]
    return order[:k]


def exact_vector(vlh, text: str) -> np.ndarray:  # type: ignore[no-untyped-def]
    vector = vlh.vectors.embedders.get("hash").embed([text])[0]
    return vector / np.linalg.norm(vector)  # type: ignore[no-any-return]


def test_build_records_the_backend_and_searches_through_it(vlh, backend) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend=backend)
    info = vlh.get_vector_index("idx")
    assert info.vector_backend == backend
    result = vlh.vector_search("idx", "icu nurse payroll", k=10)
    assert result.method == ("hnsw" if backend == "hnsw" else "ivf_pq")
    expected = exact_top(vlh, corpus(N).column("body").to_pylist(), "icu nurse payroll", 10)
    exact = vlh.search_vectors("idx", {"query": "icu nurse payroll", "k": 10, "exact": True})
    assert [h.doc_id for h in exact.hits][:3] == expected[:3]
    assert len({h.doc_id for h in result.hits} & set(expected)) >= 8


def test_filtered_search_returns_only_matching_rows(vlh, backend) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend=backend)
    hits = vlh.vector_search("idx", "python kubernetes cloud", k=10, filter="state = 'TX'").hits
    assert len(hits) == 10 and all(int(h.doc_id) % 4 == 0 for h in hits)
    wide = vlh.vector_search("idx", "python kubernetes cloud", k=10, filter="years < 18").hits
    assert len(wide) == 10 and all(int(h.doc_id) % 20 < 18 for h in wide)


def test_fetch_by_doc_id(vlh, backend) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend=backend)
    texts = corpus(N).column("body").to_pylist()
    for doc_id in (17, 0, N - 1, 311):
        doc = vlh.get_vector_document("idx", str(doc_id), vectors=True)
        assert doc["doc_id"] == doc_id and doc["chunks"][0]["text"] == texts[doc_id]
        assert np.allclose(doc["chunks"][0]["vector"], exact_vector(vlh, texts[doc_id]), atol=1e-6)
    with pytest.raises(NotFound):
        vlh.get_vector_document("idx", "123456")
    with pytest.raises(NotFound):
        vlh.get_vector_document("idx", "not-a-number")


def test_append_then_search_finds_the_new_rows(vlh, backend) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend=backend)
    text = "zebra quokka narwhal axolotl pangolin"
    result = vlh.append_vectors("idx", {"rows": [{"doc_id": 10_000 + i, "body": f"{text} {i}"} for i in range(5)]})
    assert result["appended_documents"] == 5
    hits = vlh.vector_search("idx", text, k=5).hits
    assert {h.doc_id for h in hits} == {10_000 + i for i in range(5)}
    assert vlh.get_vector_document("idx", "10003")["chunks"][0]["text"] == f"{text} 3"
    stored = vlh.get_vector_document("idx", "10003", vectors=True)["chunks"][0]["vector"]
    assert np.allclose(stored, exact_vector(vlh, f"{text} 3"), atol=1e-6)  # the new rows' own vectors
    stats = vlh.vector_index_stats("idx")
    assert stats["rows"] == N + 5
    if backend == "lance":
        from lakehouse.vectors.scheduler import RefreshScheduler

        assert stats["unindexed_rows"] == 5 and stats["indexed_rows"] == N
        assert RefreshScheduler(vlh.vectors, 60).optimize_due() == ["idx"]  # the scheduled optimize
        assert vlh.vector_index_stats("idx")["unindexed_rows"] == 0
        assert {h.doc_id for h in vlh.vector_search("idx", text, k=5).hits} == {10_000 + i for i in range(5)}
    vlh.refresh_vectors("docs", force=True)  # appended documents survive a refresh from the source
    assert {h.doc_id for h in vlh.vector_search("idx", text, k=5).hits} == {10_000 + i for i in range(5)}


def test_tombstoned_ids_are_never_returned(vlh, backend) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend=backend)
    first = [h.doc_id for h in vlh.vector_search("idx", "icu nurse paralegal", k=5).hits]
    vlh.tombstone("docs", "doc_id", first, reason="erasure request")
    again = vlh.vector_search("idx", "icu nurse paralegal", k=20).hits
    assert len(again) == 20 and not {h.doc_id for h in again} & set(first)
    filtered = vlh.vector_search("idx", "icu nurse paralegal", k=20, filter="years < 19").hits
    assert not {h.doc_id for h in filtered} & set(first)
    with pytest.raises(NotFound):
        vlh.get_vector_document("idx", str(first[0]))


def test_purge_removes_erased_vectors_from_the_files(vlh, backend) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend=backend)
    erasable = next(e for e in vlh.erasables if e.name == "vector-indexes")
    report = erasable.erase("docs", "doc_id", [4, 9], vlh.actor)
    assert report.rows_removed >= 2
    root = vlh.settings.primary_root / "vectors" / "idx"
    if backend == "hnsw":
        import pyarrow.parquet as pq

        files = glob.glob(str(root / "embeddings" / "*.parquet"))
        ids = set().union(*(set(pq.read_table(f).column("doc_id").to_pylist()) for f in files))
    else:
        import lance
        from lance.file import LanceFileReader

        files = glob.glob(str(root / "embeddings.lance" / "data" / "*.lance"))
        ids = set().union(*(set(LanceFileReader(f).read_all().to_table().column("doc_id").to_pylist())
                            for f in files))
        ds = lance.dataset(str(root / "embeddings.lance"))
        assert len(ds.versions()) == 1  # no older version (or its index) keeps the erased rows
        live_indexes = {segment.uuid for index in ds.describe_indices() for segment in index.segments}
        assert set(os.listdir(root / "embeddings.lance" / "_indices")) == live_indexes
    assert files and not {4, 9} & ids and len(ids) == N - 2
    assert not {4, 9} & {h.doc_id for h in vlh.vector_search("idx", "x nurse", k=100).hits}


def test_small_lance_index_is_searched_exactly_and_says_so(vlh) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=100, vector_backend="lance")
    stats = vlh.vector_index_stats("idx")
    assert stats["exact_only"] and stats["index"]["type"] == "exact" and "256" in stats["index"]["reason"]
    assert vlh.vector_search("idx", "nurse", k=5).method == "exact"


def test_refresh_and_view_sources_work_for_both(vlh, backend) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend=backend)
    extra = pa.table({"doc_id": pa.array([N], pa.int64()), "body": ["walrus walrus walrus"],
                      "state": ["TX"], "years": pa.array([1], pa.int64())})
    vlh.write_table("docs", extra, mode="append")
    vlh.refresh_vectors("docs")
    assert vlh.vector_search("idx", "walrus walrus", k=1).hits[0].doc_id == N
    assert vlh.get_vector_index("idx").vectors == N + 1
    stored = vlh.get_vector_document("idx", str(N), vectors=True)["chunks"][0]["vector"]
    assert np.allclose(stored, exact_vector(vlh, "walrus walrus walrus"), atol=1e-6)


def test_an_append_drops_what_a_write_that_died_left(vlh) -> None:  # type: ignore[no-untyped-def]
    """A lance insert whose catalog switch never happened (the process died) leaves a later dataset version; the
    next append (or IVF_PQ rebuild) writes on the version the catalog serves, so those rows never surface."""
    import lance

    build(vlh, n=N, vector_backend="lance")
    uri = str(vlh.settings.primary_root / "vectors" / "idx" / "embeddings.lance")

    def die_after_insert() -> None:
        ds = lance.dataset(uri)
        orphan = ds.to_table(limit=3).to_pylist()
        for n, item in enumerate(orphan):
            item.update(pos=N + 100 + n, doc_id=90_000 + n)
        ds.insert(pa.Table.from_pylist(orphan, schema=ds.schema))

    def stored_ids() -> set[int]:
        return set(lance.dataset(uri).to_table(columns=["doc_id"]).column("doc_id").to_pylist())

    die_after_insert()
    vlh.append_vectors("idx", {"rows": [{"doc_id": 10_000, "body": "quokka quokka"}]})
    assert 10_000 in stored_ids() and not stored_ids() & {90_000, 90_001, 90_002}
    assert vlh.vector_index_stats("idx")["rows"] == N + 1
    assert vlh.get_vector_document("idx", "10000", vectors=True)["chunks"][0]["text"] == "quokka quokka"
    die_after_insert()  # a rebuild of the IVF_PQ writes on the served rows too
    assert vlh.rebuild_vector_ann("idx", {"num_partitions": 4}).status == "succeeded"
    assert not stored_ids() & {90_000, 90_001, 90_002} and vlh.vector_index_stats("idx")["rows"] == N + 1
    assert vlh.get_vector_document("idx", "10000", vectors=True)["chunks"][0]["text"] == "quokka quokka"


def test_eval_trials_autotune_and_champion_for_both(vlh, backend) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend=backend, recall_target=0.9)
    trial = vlh.evaluate_vector_index("idx", {"sample": 40})
    assert trial["metrics"]["queries"] == 40 and trial["metrics"]["eval_scheme"] == "held_out"
    grid = ({"m": [8], "ef_construction": [40], "ef_search": [10, 200]} if backend == "hnsw"
            else {"nprobes": [1, 16], "refine_factor": [1, 10]})
    job = vlh.autotune_vector_index("idx", grid)
    assert job.status == "succeeded", job.error
    assert job.result["trials"] == (2 if backend == "hnsw" else 4)
    champion = vlh.vector_champion("idx")
    assert champion["champion"]["recall"] >= 0.9 and champion["champion"]["trial_id"] is not None
    knob = "ef_search" if backend == "hnsw" else "nprobes"
    assert champion["effective"][knob] == champion["champion"][knob]
    assert len(vlh.vector_search("idx", "icu nurse", k=10).hits) == 10


def test_ivf_pq_recall_with_refine_on_held_out_queries(vlh) -> None:  # type: ignore[no-untyped-def]
    """Held-out documents are queries the index cannot return; the truth is numpy's exact top-10."""
    build(vlh, n=N, vector_backend="lance")
    rough = vlh.evaluate_vector_index("idx", {"sample": 60, "nprobes": 2, "refine_factor": 0})
    refined = vlh.evaluate_vector_index("idx", {"sample": 60, "nprobes": 9, "refine_factor": 10})
    assert refined["metrics"]["recall"] >= 0.95 > rough["metrics"]["recall"]
    assert refined["config"] == {**refined["config"], "nprobes": 9, "refine_factor": 10}
