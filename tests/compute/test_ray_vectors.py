"""Index builds and refreshes embedding through Ray Data on a real two-node cluster: the same vectors and
search results as the local engine, the embedder the index names on every worker, the network policy too."""

from __future__ import annotations

import deltalake
import numpy as np
import pyarrow as pa
import pytest

from lakehouse.vectors.spec import IndexSpec
from tests.compute.conftest import on_ray

WORDS = ["nurse", "python", "welder", "forklift", "paralegal", "teacher", "accountant", "engineer",
         "kubernetes", "payroll", "litigation", "classroom", "icu", "cloud", "safety", "audit"]
QUERIES = ["icu nurse with safety training", "python engineer for kubernetes and cloud", "payroll audit",
           "forklift operator", "litigation paralegal"]


def corpus(n: int, seed: int = 0) -> pa.Table:
    rng = np.random.default_rng(seed)
    texts = [" ".join(rng.choice(WORDS, size=10)) + f". Candidate {i} is available." for i in range(n)]
    return pa.table({"doc_id": pa.array(range(n), pa.int64()), "body": texts})


def build(lh, embedder: str, n: int, chunk_size: int = 1000) -> None:  # type: ignore[no-untyped-def]
    lh.write_table("resumes", corpus(n))
    job = lh.vectors.create_index(lh.actor, IndexSpec(index_name="idx", dataset="resumes", id_column="doc_id",
                                                      text_column="body", embedder=embedder, chunk_size=chunk_size,
                                                      overlap=0), wait=True)
    assert job.status == "succeeded", job.error


def embeddings(lh) -> pa.Table:  # type: ignore[no-untyped-def]
    info = lh.get_vector_index("idx")
    table = deltalake.DeltaTable(str(lh.settings.primary_root / "vectors" / "idx" / "embeddings")).to_pyarrow_table()
    assert table.num_rows == info.vectors
    return table.sort_by([("doc_id", "ascending"), ("chunk_index", "ascending")])


def same_index(local, ray, exact: bool) -> None:  # type: ignore[no-untyped-def]
    a, b = embeddings(local), embeddings(ray)
    assert a.drop_columns(["vector", "pos"]).equals(b.drop_columns(["vector", "pos"]))
    va, vb = (np.asarray(t.column("vector").to_pylist(), dtype=np.float32) for t in (a, b))
    assert a.schema.field("vector").type == b.schema.field("vector").type
    if exact:
        assert np.array_equal(va, vb)
    else:  # torch on 1 thread vs all cores, other batch paddings: the last bits may differ
        assert np.allclose(va, vb, rtol=1e-4, atol=1e-5)
    for query in QUERIES:
        hits_a = [(h.doc_id, h.chunk_index) for h in local.vector_search("idx", query, k=10).hits]
        hits_b = [(h.doc_id, h.chunk_index) for h in ray.vector_search("idx", query, k=10).hits]
        assert hits_a == hits_b, query


def test_http_embedder_on_ray_gives_the_local_vectors_and_refresh_embeds_only_changes(
        ray_cluster, make_lakehouse, embedding_server) -> None:  # type: ignore[no-untyped-def]
    openai = {"openai": {"url": embedding_server.url, "model": "hash-24"}}
    local = make_lakehouse("local", embeddings=openai)
    ray = make_lakehouse("ray", embeddings=openai, compute=on_ray(ray_cluster, ray_batch_size=40, ray_actors=2))
    build(local, "openai", 150, chunk_size=40)
    sent = embedding_server.texts
    build(ray, "openai", 150, chunk_size=40)
    assert embedding_server.texts - sent == local.get_vector_index("idx").vectors
    same_index(local, ray, exact=True)
    changed = pa.table({"doc_id": pa.array([150, 151], pa.int64()), "body": ["nurse nurse icu", "welder safety audit"]})
    for lh in (local, ray):
        lh.write_table("resumes", changed)
    sent = embedding_server.texts
    job = ray.vectors.refresh_index(ray.actor, "idx", wait=True)
    assert job.status == "succeeded", job.error
    assert job.result["indexes"][0]["embedded_chunks"] == embedding_server.texts - sent == 2  # the new documents
    local.vectors.refresh_index(local.actor, "idx", wait=True)
    same_index(local, ray, exact=True)


def test_worker_embedders_follow_the_network_policy(ray_cluster, make_lakehouse, embedding_server) -> None:  # type: ignore[no-untyped-def]
    embedding_server.redirect = "http://169.254.169.254/latest/meta-data/"
    lh = make_lakehouse("ray", embeddings={"openai": {"url": embedding_server.url, "model": "hash-24"}},
                        compute=on_ray(ray_cluster))
    lh.write_table("resumes", corpus(20))
    job = lh.vectors.create_index(lh.actor, IndexSpec(index_name="idx", dataset="resumes", id_column="doc_id",
                                                      text_column="body", embedder="openai"), wait=True)
    assert job.status == "failed"
    assert job.error["code"] == "network_refused" and "169.254.169.254" in job.error["message"]
    info = lh.get_vector_index("idx")
    assert (info.generation, info.status) == (0, "failed")


@pytest.mark.slow
def test_local_model_on_ray_gives_the_local_vectors_and_search_results(ray_cluster, make_lakehouse) -> None:  # type: ignore[no-untyped-def]
    local = make_lakehouse("local")
    ray = make_lakehouse("ray", compute=on_ray(ray_cluster, ray_batch_size=64))
    build(local, "local", 200, chunk_size=60)
    build(ray, "local", 200, chunk_size=60)
    assert ray.get_vector_index("idx").model == local.get_vector_index("idx").model == "all-MiniLM-L6-v2"
    same_index(local, ray, exact=False)
