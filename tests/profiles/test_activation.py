"""Activation warms the profile's indexes (one bad index never aborts the rest); search through a profile
stays in scope, uses warm indexes and searches cold ones exactly; calls are audited with the model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from lakehouse.app import Lakehouse
from lakehouse.errors import Conflict, Forbidden, NotFound
from tests.profiles.conftest import DIM, open_lakehouse, vectors_table

PROFILE = {"id": "support-bot", "model": "llama3", "bound": ["docs", "notes_safe"]}


def _query(seed: int = 1, row: int = 7) -> list[float]:
    return [float(x) for x in vectors_table(300, seed).column("v")[row].as_py()]


def test_activation_warms_every_index_on_the_bindings(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    report = plh.activate_profile("support-bot")
    assert sorted(w["index"] for w in report["warmed"]) == ["docs_idx", "notes_safe_idx"]
    assert all(w["graph"] == "persisted" and w["vectors"] == 300 and w["bytes"] > 300 * DIM * 4
               for w in report["warmed"])
    assert report["failed"] == [] and report["model"] == "llama3"
    active = plh.active_profile()
    assert active["profile"] == "support-bot" and {w["index"] for w in active["warm"]} == {"docs_idx",
                                                                                           "notes_safe_idx"}
    plh.deactivate_profile("support-bot")
    assert plh.active_profile()["profile"] is None
    with pytest.raises(Conflict, match="not the active one"):
        plh.deactivate_profile("support-bot")


def test_a_profile_ann_that_asks_for_another_graph_builds_it(plh: Lakehouse) -> None:
    plh.create_profile({**PROFILE, "id": "wide", "ann": {"m": 32, "ef_construction": 120}})
    report = plh.activate_profile("wide")
    assert {w["graph"] for w in report["warmed"]} == {"built (m=32, ef_construction=120)"}
    hits = plh.profile_search("wide", {"vector": _query(), "index": "docs_idx", "k": 3})
    assert hits["method"] == "hnsw" and hits["hits"][0]["doc_id"] == "1-7"


def test_one_bad_index_is_reported_and_the_rest_warm(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    folder = Path(plh.settings.primary_root) / "vectors" / "docs_idx"
    for path in [*folder.rglob("*.parquet"), *folder.rglob("*.faiss")]:
        path.write_bytes(b"not a data file")
    plh.vectors.cache.drop("docs_idx")
    report = plh.activate_profile("support-bot")
    assert [w["index"] for w in report["warmed"]] == ["notes_safe_idx"]
    assert [f["index"] for f in report["failed"]] == ["docs_idx"] and report["failed"][0]["message"]


def test_a_profile_without_indexes_activates_with_the_reason(plh: Lakehouse) -> None:
    import pyarrow as pa

    plh.write_table("plain", pa.table({"id": [1, 2]}))
    plh.create_profile({"id": "bare", "bound": ["plain"]})
    report = plh.activate_profile("bare")
    assert report["warmed"] == [] and "No vector index is built on the profile's bindings (plain)" in report["reason"]


def test_search_is_scoped_to_the_profile(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    with pytest.raises(Forbidden, match="outside profile 'support-bot'.*dataset 'docs', view 'notes_safe'"):
        plh.profile_search("support-bot", {"vector": _query(), "index": "hidden_idx"})
    with pytest.raises(Forbidden):  # the view's base dataset has its own index: not a binding
        plh.profile_search("support-bot", {"vector": _query(2), "index": "notes_idx"})
    merged = plh.profile_search("support-bot", {"vector": _query(2), "k": 5})
    assert {h["index"] for h in merged["hits"]} <= {"docs_idx", "notes_safe_idx"}
    assert merged["hits"][0]["doc_id"] == "2-7" and merged["hits"][0]["index"] == "notes_safe_idx"
    scores = [h["score"] for h in merged["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_cold_indexes_are_searched_exactly_then_warm_ones_by_graph(tmp_path: Path) -> None:
    lh = open_lakehouse(tmp_path / "data")
    try:
        lh.write_table("docs", vectors_table(300, 1))
        lh.create_vector_index({"index_name": "docs_idx", "dataset": "docs", "id_column": "id",
                                "vector_column": "v"}, wait=True)
        lh.create_profile({"id": "p", "bound": ["docs"]})
        lh.vectors.cache.drop("docs_idx")
        cold = lh.profile_search("p", {"vector": _query(), "k": 10})
        assert cold["method"] == "exact" and cold["indexes"][0]["warm"] is False
        lh.activate_profile("p")
        warm = lh.profile_search("p", {"vector": _query(), "k": 10})
        assert warm["method"] == "hnsw" and warm["indexes"][0]["warm"] is True
        assert [h["doc_id"] for h in warm["hits"]][:5] == [h["doc_id"] for h in cold["hits"]][:5]
        matrix = np.stack(vectors_table(300, 1).column("v").to_numpy(zero_copy_only=False))
        q = np.asarray(_query())
        cos = matrix @ q / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(q))
        assert [h["doc_id"] for h in cold["hits"]] == [f"1-{i}" for i in np.argsort(-cos)[:10]]
    finally:
        lh.close()


def test_a_bound_token_may_search_its_profile_only(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    plh.create_profile({"id": "other", "bound": ["hidden"]})
    actor = plh.authenticate(plh.create_token("r", "reader", profile="support-bot")["token"])
    assert plh.profile_search("support-bot", {"vector": _query(), "k": 1}, actor=actor)["hits"]
    with pytest.raises(NotFound):
        plh.profile_search("other", {"vector": _query(), "k": 1}, actor=actor)
    with pytest.raises(Forbidden, match="Only an admin may activate"):
        plh.activate_profile("support-bot", actor=actor)


def test_calls_through_a_profile_are_audited_with_its_model(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    actor = plh.authenticate(plh.create_token("r", "reader", profile="support-bot")["token"])
    plh.profile_search("support-bot", {"vector": _query(), "k": 1})
    plh.sql("SELECT count(*) FROM docs", actor=actor)
    rows = plh.sql("SELECT actor, action, profile, model FROM system.audit WHERE profile IS NOT NULL "
                   "ORDER BY id").table.to_pylist()
    assert {"actor": "local-admin", "action": "profile.search", "profile": "support-bot",
            "model": "llama3"} in rows
    assert any(r["actor"] == "r" and r["action"].startswith("query") and r["model"] == "llama3" for r in rows)


def test_a_profile_bucket_is_provisioned_on_first_activation(plh: Lakehouse, tmp_path: Path) -> None:
    plh.create_profile({**PROFILE, "bucket": "bot-artifacts"})
    report = plh.activate_profile("support-bot")
    assert report["bucket"] == {"name": "bot-artifacts", "provisioned": True,
                                "root": str((tmp_path / "profiles" / "bot-artifacts").resolve())}
    assert plh.activate_profile("support-bot")["bucket"]["provisioned"] is False
    job = plh.create_vector_index({"index_name": "docs_bot", "dataset": "docs", "id_column": "id",
                                   "vector_column": "v", "profile": "support-bot"}, wait=True)
    assert job.status == "succeeded" and plh.get_vector_index("docs_bot").bucket == "bot-artifacts"
    assert any((tmp_path / "profiles" / "bot-artifacts").rglob("*.parquet"))
    with pytest.raises(Forbidden, match="not bound by profile"):
        plh.create_vector_index({"index_name": "x", "dataset": "hidden", "id_column": "id", "vector_column": "v",
                                 "profile": "support-bot"}, wait=True)


def test_a_profile_bucket_without_profile_root_is_refused_with_a_hint(tmp_path: Path) -> None:
    import pyarrow as pa

    lh = open_lakehouse(tmp_path / "data")
    try:
        lh.write_table("t", pa.table({"id": [1]}))
        lh.create_profile({"id": "p", "bound": ["t"], "bucket": "mine"})
        with pytest.raises(Conflict, match="storage.profile_root") as err:
            lh.activate_profile("p")
        assert "LAKEHOUSE_STORAGE__PROFILE_ROOT" in (err.value.hint or "")
        assert lh.active_profile()["profile"] is None
    finally:
        lh.close()


def test_a_profile_routes_search_to_its_lance_index(tmp_path: Path) -> None:
    """An index built through a profile with vector_backend lance is a lance index; the profile's search goes
    through its IVF_PQ once warm (exactly while cold), the same route as for hnsw indexes."""
    lh = open_lakehouse(tmp_path / "data")
    try:
        lh.write_table("docs", vectors_table(300, 1))
        lh.create_profile({"id": "p", "bound": ["docs"], "vector_backend": "lance", "ann": {"m": 32}})
        job = lh.create_vector_index({"index_name": "docs_idx", "dataset": "docs", "id_column": "id",
                                      "vector_column": "v", "profile": "p"}, wait=True)
        assert job.status == "succeeded", job.error
        assert lh.get_vector_index("docs_idx").vector_backend == "lance"
        lh.vectors.cache.drop("docs_idx")
        cold = lh.profile_search("p", {"vector": _query(), "k": 10})
        assert cold["method"] == "exact" and cold["indexes"][0]["warm"] is False
        report = lh.activate_profile("p")
        assert [(w["index"], w["graph"]) for w in report["warmed"]] == [("docs_idx", "persisted")]  # no HNSW built
        warm = lh.profile_search("p", {"vector": _query(), "k": 10})
        assert warm["method"] == "ivf_pq" and warm["indexes"][0]["warm"] is True
        assert warm["hits"][0]["doc_id"] == cold["hits"][0]["doc_id"] == "1-7"
        assert len({h["doc_id"] for h in warm["hits"]} & {h["doc_id"] for h in cold["hits"]}) >= 8
    finally:
        lh.close()
