"""The backend routes (migrate, ann, docs, append, stats, optimize) over HTTP, the CLI over them, and the bad
input each refuses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from lakehouse.api.app import create_app
from tests.api.conftest import assert_error
from tests.vectors.conftest import build, corpus

N = 600
QUERIES = ["icu nurse payroll", "python kubernetes cloud", "welder forklift safety", "litigation paralegal"]


@pytest.fixture
def client(vlh) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    vlh.settings.vectors.exact_below = 0
    with TestClient(create_app(vlh), raise_server_exceptions=False) as test_client:
        yield test_client


def exact_top10(client: TestClient, query: str) -> list[object]:
    response = client.post("/vectors/search/idx", json={"query": query, "k": 10, "exact": True})
    assert response.status_code == 200, response.text
    return [h["doc_id"] for h in response.json()["hits"]]


def test_migrate_both_ways_keeps_the_exact_top10(vlh, client) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N)
    before = {q: exact_top10(client, q) for q in QUERIES}
    root = vlh.settings.primary_root / "vectors" / "idx"
    for target, method in (("lance", "ivf_pq"), ("hnsw", "hnsw")):
        response = client.post("/vectors/indexes/idx/migrate?wait=true", json={"backend": target})
        assert response.status_code == 200, response.text
        result = response.json()["result"]
        assert result["to"] == target and result["ann_pending"] == (target == "lance")
        assert client.get("/vectors/indexes/idx").json()["vector_backend"] == target
        assert {q: exact_top10(client, q) for q in QUERIES} == before
        if target == "lance":  # the rows are migrated; IVF_PQ trains in its own job, searches exact meanwhile
            trained = vlh.wait_job(result["ann_job_id"])
            assert trained.kind == "vectors.ann" and trained.status == "succeeded", trained.error
            stats = client.get("/vectors/indexes/idx/stats").json()
            assert stats["index"]["type"] == "IVF_PQ" and stats["unindexed_rows"] == 0
            assert {q: exact_top10(client, q) for q in QUERIES} == before
        ann = client.post("/vectors/search/idx", json={"query": QUERIES[0], "k": 10}).json()
        assert ann["method"] == method and len(ann["hits"]) == 10
        assert (root / "embeddings.lance").exists() == (target == "lance")  # the old copy is removed
        assert (root / "embeddings").exists() == (target == "hnsw")


def test_docs_append_stats_optimize_routes(vlh, client) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend="lance")
    doc = client.get("/vectors/indexes/idx/docs/5")
    assert doc.status_code == 200 and doc.json()["chunks"][0]["doc_id"] == 5
    assert "vector" in client.get("/vectors/indexes/idx/docs/5?vectors=true").json()["chunks"][0]
    assert_error(client.get("/vectors/indexes/idx/docs/999999"), 404, "not_found")
    before = client.get("/vectors/indexes/idx/stats").json()
    assert before["rows"] == N and before["index"]["type"] == "IVF_PQ" and before["unindexed_rows"] == 0
    appended = client.post("/vectors/indexes/idx/append", json={"rows": [{"doc_id": 7000, "body": "okapi okapi"}]})
    assert appended.status_code == 200, appended.text
    after = client.get("/vectors/indexes/idx/stats").json()
    assert after["rows"] == N + 1 and after["unindexed_rows"] == 1 and after["fragments"] == before["fragments"] + 1
    assert client.post("/vectors/indexes/idx/optimize").json()["optimized"] is True
    assert client.get("/vectors/indexes/idx/stats").json()["unindexed_rows"] == 0


def test_ann_rebuild_with_ivf_parameters(vlh, client) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend="lance")
    response = client.post("/vectors/indexes/idx/ann?wait=true", json={"num_partitions": 4, "num_sub_vectors": 4})
    assert response.status_code == 200, response.text
    stats = client.get("/vectors/indexes/idx/stats").json()
    assert stats["index"] == {"type": "IVF_PQ", "num_partitions": 4, "num_sub_vectors": 4,
                              "sample_rate": vlh.settings.vectors.lance_sample_rate,
                              "max_iters": vlh.settings.vectors.lance_max_iters}
    assert client.get("/vectors/champion/idx").json()["champion"]["num_partitions"] == 4


def test_bad_input(vlh, client) -> None:  # type: ignore[no-untyped-def]
    build(vlh, n=N, vector_backend="lance")
    error = assert_error(client.post("/vectors/indexes/idx/migrate", json={"backend": "qdrant"}), 422)
    assert "hnsw" in error["message"] and "lance" in error["message"]
    assert_error(client.post("/vectors/index", json={"index_name": "x", "dataset": "docs", "id_column": "doc_id",
                                                     "text_column": "body", "embedder": "hash",
                                                     "vector_backend": "qdrant"}), 422)
    error = assert_error(client.post("/vectors/indexes/idx/ann", json={"num_sub_vectors": 5}), 422)
    assert "1, 2, 4, 8, 16, 32" in error["hint"]
    error = assert_error(client.post("/vectors/indexes/idx/ann", json={"num_partitions": N + 1}), 422)
    assert f"1..{N}" in error["hint"]
    assert_error(client.post("/vectors/indexes/idx/ann", json={"m": 8}), 422)
    rows = client.get("/vectors/indexes/idx/stats").json()["rows"]
    assert_error(client.post("/vectors/indexes/idx/append", json={"rows": [{"doc_id": 3, "body": "again"}]}),
                 422, contains="duplicate")
    assert_error(client.post("/vectors/indexes/idx/append", json={"rows": [
        {"doc_id": 8000, "body": "a"}, {"doc_id": 8000, "body": "b"}]}), 422, contains="duplicate")
    assert client.get("/vectors/indexes/idx/stats").json()["rows"] == rows  # nothing written
    assert_error(client.get("/vectors/indexes/idx/docs/8000"), 404)
    assert_error(client.get("/vectors/indexes/missing/stats"), 404)
    vlh.write_table("docs", corpus(N), mode="overwrite")
    queued = client.post("/vectors/index", json={"index_name": "fresh", "dataset": "docs", "id_column": "doc_id",
                                                 "text_column": "body", "embedder": "hash"})
    assert queued.status_code == 202
    assert_error(client.post("/vectors/indexes/fresh/migrate", json={"backend": "lance"}), 409)
    client.get(f"/jobs/{queued.json()['job_id']}?wait=true")


def test_append_of_wrong_dimension_writes_nothing(vlh, client) -> None:  # type: ignore[no-untyped-def]
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(1)
    vectors = rng.standard_normal((300, 8)).astype(np.float32)
    vlh.write_table("vecs", pa.table({"id": pa.array(range(300), pa.int64()),
                                      "v": pa.array(vectors.tolist(), pa.list_(pa.float32()))}))
    job = vlh.create_vector_index({"index_name": "vi", "dataset": "vecs", "id_column": "id", "vector_column": "v",
                                   "vector_backend": "lance"}, wait=True)
    assert job.status == "succeeded", job.error
    assert_error(client.post("/vectors/indexes/vi/append", json={"rows": [{"id": 900, "v": [0.1] * 7}]}), 422,
                 contains="dimension")
    assert client.get("/vectors/indexes/vi/stats").json()["rows"] == 300
    ok = client.post("/vectors/indexes/vi/append", json={"rows": [{"id": 900, "v": vectors[3].tolist()}]})
    assert ok.status_code == 200, ok.text
    hits = client.post("/vectors/search/vi", json={"vector": vectors[3].tolist(), "k": 2}).json()["hits"]
    assert {h["doc_id"] for h in hits} == {3, 900}


def test_cli(vlh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import numpy as np
    import pyarrow as pa

    from lakehouse.cli.main import app

    vectors = np.random.default_rng(2).standard_normal((300, 8)).astype(np.float32)
    vlh.write_table("vecs", pa.table({"id": pa.array(range(300), pa.int64()),
                                      "v": pa.array(vectors.tolist(), pa.list_(pa.float32()))}))
    job = vlh.create_vector_index({"index_name": "vi", "dataset": "vecs", "id_column": "id", "vector_column": "v"},
                                  wait=True)
    assert job.status == "succeeded", job.error
    runner = CliRunner()
    base = ["--data-dir", str(vlh.settings.data_dir), "--format", "json", "vectors"]
    vlh.close()

    def run(*args: str) -> dict[str, object]:
        result = runner.invoke(app, [*base, *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    migrated = run("migrate", "vi", "--backend", "lance")  # and the IVF_PQ job it queued, in this process
    assert migrated["to"] == "lance" and migrated["ann"]["built"]
    assert run("stats", "vi")["index"]["type"] == "IVF_PQ"
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": 9001, "v": vectors[0].tolist()}) + "\n")
    assert run("append", "vi", str(rows))["appended_documents"] == 1
    stored = np.asarray(run("doc", "vi", "9001", "--vectors")["chunks"][0]["vector"])  # type: ignore[index]
    assert np.allclose(stored, vectors[0] / np.linalg.norm(vectors[0]), atol=1e-6)  # cosine: stored normalised
    assert run("stats", "vi")["vector_backend"] == "lance"
    assert "optimized" in run("optimize", "vi")
    assert run("ann", "vi", "--num-partitions", "3")["generation"]


def test_a_build_sweeps_what_a_dead_migration_left(vlh) -> None:  # type: ignore[no-untyped-def]
    import lance

    build(vlh, n=N)
    root = vlh.settings.primary_root / "vectors" / "idx"
    lance.write_dataset(corpus(3), str(root / "embeddings.lance"))  # a migration to lance killed before its switch
    vlh.refresh_vectors("docs", force=True)
    assert not (root / "embeddings.lance").exists() and vlh.get_vector_index("idx").vector_backend == "hnsw"
    migrated = vlh.migrate_vector_index("idx", "lance")
    assert vlh.wait_job(migrated.result["ann_job_id"]).status == "succeeded"  # not racing the refresh below
    (root / "embeddings").mkdir()
    (root / "embeddings" / "part-0.parquet").write_bytes(b"partial")  # and one back to hnsw
    vlh.refresh_vectors("docs", force=True)
    assert not (root / "embeddings").exists() and vlh.vector_search("idx", "nurse", k=3).hits


def test_a_migrated_index_searches_exactly_until_its_ivf_pq_is_built(vlh) -> None:  # type: ignore[no-untyped-def]
    """Migration writes the rows and switches; until the IVF_PQ job switches in, searches are exact and stats
    say why. A pending build whose job was lost (the process stopped) is queued again by the scheduler."""
    from lakehouse.vectors.scheduler import RefreshScheduler

    vlh.settings.vectors.exact_below = 0
    build(vlh, n=N)
    before = vlh.search_vectors("idx", {"query": QUERIES[1], "k": 10, "exact": True}).hits
    result = vlh.vectors.ops.migrate("idx", "lance", "test")  # the migration alone, no job queued after it
    assert result["ann_pending"] and result["to"] == "lance"
    stats = vlh.vector_index_stats("idx")
    assert stats["exact_only"] and stats["index"]["pending"] and "vectors.ann" in stats["index"]["reason"]
    assert stats["unindexed_rows"] == N and stats["rows"] == N
    pending = vlh.vector_search("idx", QUERIES[1], k=10)
    assert pending.method == "exact" and pending.hits == before
    assert vlh.get_vector_document("idx", "5")["chunks"][0]["doc_id"] == 5
    scheduler = RefreshScheduler(vlh.vectors, 60)
    assert scheduler.ann_due() == ["idx"]
    assert scheduler.ann_due() == [] or vlh.vectors.ops.ann_pending(vlh.vectors.records.get("idx"))
    for job in vlh.vectors.catalog.list_jobs(kind="vectors.ann"):
        assert vlh.vectors.jobs.wait(job.job_id).status == "succeeded"
    assert vlh.vector_index_stats("idx")["index"]["type"] == "IVF_PQ"
    assert vlh.vector_search("idx", QUERIES[1], k=10).method == "ivf_pq"
    assert not vlh.vectors.ops.build_pending("idx", "test")["built"]  # a second job finds nothing to do
