"""Indexes on AI-safe views: only what the view exposes is embedded (masks, row filter, tombstones), refresh
follows the base dataset, and view-only principals search the view's index but never the raw one."""

from __future__ import annotations

import pyarrow as pa
import pytest

from lakehouse.errors import Conflict, Forbidden, InvalidInput, NotFound
from tests.vectors.conftest import build, corpus

KEEP = 30  # the view keeps this many leading characters of each body


def masked(text: str) -> str:
    return text if len(text) <= KEEP else text[:KEEP] + "*" * (len(text) - KEEP)


def actor_for(lh, name: str, role: str):  # type: ignore[no-untyped-def]
    return lh.authenticate(lh.create_token(name, role)["token"])


def safe_view(lh, name: str = "docs_safe", keep: int = KEEP) -> None:  # type: ignore[no-untyped-def]
    lh.create_view({"name": name, "base_dataset": "docs", "columns": ["doc_id", "body", "state"],
                    "row_filter": "state = 'TX'",
                    "column_redactions": {"body": {"kind": "mask", "keep_prefix": keep}}})


def view_index(lh, name: str = "vidx", view: str = "docs_safe", **extra):  # type: ignore[no-untyped-def]
    spec = {"index_name": name, "dataset": view, "id_column": "doc_id", "text_column": "body",
            "embedder": "hash", "chunk_size": 1000, "overlap": 0, **extra}
    job = lh.create_vector_index(spec, wait=True)
    assert job.status == "succeeded", job.error
    return job


@pytest.fixture
def world(vlh):  # type: ignore[no-untyped-def]
    build(vlh, n=200)  # "idx" on the raw dataset
    safe_view(vlh)
    view_index(vlh)
    return vlh


def test_index_holds_only_what_the_view_exposes(world) -> None:  # type: ignore[no-untyped-def]
    raw = corpus(200).to_pylist()
    tx = {r["doc_id"]: r["body"] for r in raw if r["state"] == "TX"}
    info = world.get_vector_index("vidx")
    assert (info.dataset, info.view, info.base_dataset) == ("docs_safe", "docs_safe", "docs")
    assert info.documents == len(tx) == 50
    hits = world.vector_search("vidx", "icu nurse python", k=100).hits
    assert {h.doc_id for h in hits} == set(tx)  # row filter: only TX rows were embedded
    for hit in hits:
        assert hit.text == masked(tx[hit.doc_id]) and "Candidate number" not in hit.text
    # a filter sees masked values too: the raw bodies all say "available", the masked ones never do
    assert world.vector_search("vidx", "nurse", k=10, filter="body LIKE '%available%'").hits == []
    assert len(world.vector_search("idx", "nurse", k=10, filter="body LIKE '%available%'").hits) == 10
    assert {h.doc_id for h in world.vector_search("vidx", "nurse", k=5, filter="doc_id < 40").hits} <= {
        0, 4, 8, 12, 16, 20, 24, 28, 32, 36}
    with pytest.raises(InvalidInput, match="a subquery"):
        world.vector_search("vidx", "nurse", k=5, filter="doc_id IN (SELECT doc_id FROM docs)")


def test_view_only_principals_search_the_view_index_only(world) -> None:  # type: ignore[no-untyped-def]
    agent, reader, stranger = (actor_for(world, n, r) for n, r in
                               (("bot", "agent"), ("viewer", "reader"), ("stranger", "reader")))
    for name in ("bot", "viewer"):
        world.add_grant(name, "view", "docs_safe")
    for who in (agent, reader):
        hits = world.vector_search("vidx", "icu nurse", k=5, actor=who).hits
        assert len(hits) == 5 and all(h.text.endswith("*") for h in hits)
        with pytest.raises(NotFound):
            world.vector_search("idx", "icu nurse", k=5, actor=who)
        assert [m.index_name for m in world.list_vector_indexes(actor=who)] == ["vidx"]
        with pytest.raises(Forbidden):
            world.delete_vector_index("vidx", actor=who)
    with pytest.raises(NotFound):
        world.vector_search("vidx", "icu nurse", k=5, actor=stranger)
    world.add_grant("stranger", "dataset", "docs")  # the raw dataset is not the view: still no view index
    with pytest.raises(NotFound):
        world.vector_search("vidx", "icu nurse", k=5, actor=stranger)
    assert len(world.vector_search("idx", "icu nurse", k=5, actor=stranger).hits) == 5


def test_who_may_build_an_index_on_a_view(vlh) -> None:  # type: ignore[no-untyped-def]
    vlh.write_table("docs", corpus(40), mode="overwrite")
    safe_view(vlh)
    writer, agent = actor_for(vlh, "w", "writer"), actor_for(vlh, "bot", "agent")
    vlh.add_grant("bot", "view", "docs_safe")
    spec = {"index_name": "v1", "dataset": "docs_safe", "id_column": "doc_id", "text_column": "body",
            "embedder": "hash"}
    with pytest.raises(NotFound):  # cannot read the view
        vlh.create_vector_index(spec, actor=writer)
    with pytest.raises(Forbidden):
        vlh.create_vector_index(spec, actor=agent)
    vlh.add_grant("w", "view", "docs_safe")
    with pytest.raises(Forbidden):  # reads the view, but may not write its base dataset
        vlh.create_vector_index(spec, actor=writer)
    vlh.add_grant("w", "dataset", "docs")
    assert vlh.create_vector_index(spec, actor=writer).status == "succeeded"
    with pytest.raises(InvalidInput, match="no column 'years'"):
        vlh.create_vector_index({**spec, "text_column": "years"})
    vlh.create_view({"name": "hashed_ids", "base_dataset": "docs", "columns": ["doc_id", "body"],
                     "column_redactions": {"doc_id": {"kind": "hash"}}})
    with pytest.raises(InvalidInput, match="redacts 'doc_id'"):
        vlh.create_vector_index({**spec, "index_name": "v2", "dataset": "hashed_ids"})
    with pytest.raises(Conflict, match="already exists on 'docs_safe'"):
        vlh.create_vector_index({**spec, "dataset": "docs"})


def test_refresh_follows_the_base_dataset_and_tombstones(world, embedder) -> None:  # type: ignore[no-untyped-def]
    world.write_table("docs", corpus(240).slice(200))
    assert {s["index_name"] for s in world.stale_vector_indexes()} == {"idx", "vidx"}
    before = embedder.texts
    result = world.refresh_vectors("docs_safe").result["indexes"]
    assert [r["index_name"] for r in result] == ["vidx"] and result[0]["added_documents"] == 10
    assert embedder.texts - before == 10  # only the new TX rows, masked
    assert world.get_vector_index("vidx").documents == 60
    assert world.refresh_vectors("docs").result["indexes"][1]["skipped"]  # "docs" covers both; vidx is fresh
    world.tombstone("docs", "doc_id", [0, 4], reason="erasure request")
    ids = {h.doc_id for h in world.vector_search("vidx", "nurse python icu", k=100).hits}
    assert len(ids) == 58 and not ids & {0, 4}
    world.refresh_vectors("docs_safe", force=True)  # a tombstone keeps the version; force re-reads the view
    assert world.get_vector_index("vidx").documents == 58  # whose SQL excludes tombstoned rows


def test_a_redefined_view_must_be_refreshed_before_search(world) -> None:  # type: ignore[no-untyped-def]
    world.delete_view("docs_safe")
    with pytest.raises(NotFound):
        world.vector_search("vidx", "nurse", k=3)
    safe_view(world, keep=10)
    with pytest.raises(Conflict, match="redefined"):
        world.vector_search("vidx", "nurse", k=3)
    result = world.refresh_vectors("docs_safe").result["indexes"][0]
    assert result["changed_documents"] == 50
    hit = world.vector_search("vidx", "nurse", k=1).hits[0]
    assert hit.text[:10] != "*" * 10 and set(hit.text[10:]) == {"*"}


def test_http_index_on_a_view(vlh, make_settings, embedder) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from lakehouse.api.app import create_app
    from lakehouse.app import Lakehouse

    lh = Lakehouse(make_settings(auth={"mode": "token"}, query={"workers": 1}))
    try:
        lh.vectors.embedders.register("hash", lambda settings: embedder)
        lh.write_table("docs", corpus(80), mode="overwrite")
        build(lh, n=0)
        safe_view(lh)
        admin = {"Authorization": f"Bearer {lh.create_token('root', 'admin')['token']}"}
        agent = {"Authorization": f"Bearer {lh.create_token('bot', 'agent')['token']}"}
        lh.add_grant("bot", "view", "docs_safe")
        with TestClient(create_app(lh)) as client:
            spec = {"index_name": "vidx", "dataset": "docs_safe", "id_column": "doc_id", "text_column": "body",
                    "embedder": "hash"}
            assert client.post("/vectors/index", json=spec, headers=agent).status_code == 403
            r = client.post("/vectors/index?wait=true", json=spec, headers=admin)
            assert r.status_code == 200 and r.json()["status"] == "succeeded", r.text
            r = client.post("/vectors/search/vidx", json={"query": "icu nurse", "k": 3}, headers=agent)
            assert r.status_code == 200 and len(r.json()["hits"]) == 3
            assert all(h["doc_id"] % 4 == 0 for h in r.json()["hits"])
            assert client.post("/vectors/search/idx", json={"query": "icu nurse", "k": 3},
                               headers=agent).status_code == 404
            names = [i["index_name"] for i in client.get("/vectors/indexes", headers=agent).json()["items"]]
            assert names == ["vidx"]
            r = client.get("/vectors/indexes/vidx", headers=agent).json()
            assert (r["dataset"], r["view"], r["base_dataset"]) == ("docs_safe", "docs_safe", "docs")
            r = client.post("/vectors/refresh/docs_safe?wait=true", json={}, headers=admin)
            assert r.status_code == 200, r.text
    finally:
        lh.close()


def test_pa_types_of_view_columns_survive(vlh) -> None:  # type: ignore[no-untyped-def]
    vlh.write_table("vecs", pa.table({"id": pa.array([1, 2, 3], pa.int64()), "grp": ["a", "b", "a"],
                                      "v": [[1.0, 0.0], [0.0, 1.0], [0.7, 0.7]]}))
    vlh.create_view({"name": "vecs_a", "base_dataset": "vecs", "columns": ["id", "v"], "row_filter": "grp = 'a'"})
    job = vlh.create_vector_index({"index_name": "va", "dataset": "vecs_a", "id_column": "id",
                                   "vector_column": "v"}, wait=True)
    assert job.status == "succeeded", job.error
    assert {h.doc_id for h in vlh.vector_search("va", vector=[1.0, 0.0], k=5).hits} == {1, 3}
