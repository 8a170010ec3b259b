"""Profiles in the catalog, and a token bound to one sees exactly its bindings on every read path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lakehouse.app import Lakehouse
from lakehouse.errors import Conflict, InvalidInput, LakehouseError, NotFound
from tests.profiles.conftest import open_lakehouse

PROFILE = {"id": "support-bot", "model": "llama3:8b", "description": "answers support tickets",
           "bound": ["docs", "notes_safe"], "ann": {"ef_search": 64}}


def _bound(lh: Lakehouse, role: str = "reader", profile: str = "support-bot"):  # type: ignore[no-untyped-def]
    token = lh.create_token(f"{role}-{profile}", role, profile=profile)["token"]
    return lh.authenticate(token)


def test_create_get_list_and_bindings_resolved(plh: Lakehouse) -> None:
    made = plh.create_profile(PROFILE)
    assert [(b.kind, b.name) for b in made.bound] == [("dataset", "docs"), ("view", "notes_safe")]
    assert made.ann == {"ef_search": 64} and made.vector_backend == "hnsw" and made.created_by == "local-admin"
    assert plh.get_profile("support-bot") == made
    assert [p.id for p in plh.list_profiles()] == ["support-bot"]
    events = [e["type"] for e in plh.journal_events(limit=20)]
    assert "profile.created" in events


def test_bad_profiles_are_refused_naming_what_to_fix(plh: Lakehouse) -> None:
    with pytest.raises(InvalidInput, match=r"'nope', 'gone' do not exist"):
        plh.create_profile({**PROFILE, "bound": ["docs", "nope", "gone"]})
    with pytest.raises(InvalidInput, match="Invalid profile id"):
        plh.create_profile({**PROFILE, "id": "Not A Slug"})
    with pytest.raises(InvalidInput, match="Unknown embedder 'nope'"):
        plh.create_profile({**PROFILE, "embedder": "nope"})
    with pytest.raises(ValueError, match="unknown vector backend .faiss."):  # 422 over HTTP
        plh.create_profile({**PROFILE, "vector_backend": "faiss"})
    plh.create_profile(PROFILE)
    with pytest.raises(Conflict, match="already exists"):
        plh.create_profile(PROFILE)
    with pytest.raises(NotFound, match="Profile 'ghost' does not exist"):
        plh.get_profile("ghost")
    assert [p.id for p in plh.list_profiles()] == ["support-bot"]  # nothing half-written


def test_deleting_a_bound_dataset_or_view_is_refused_unless_forced(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    with pytest.raises(Conflict, match="bound by profile\\(s\\) support-bot"):
        plh.delete_dataset("docs")
    with pytest.raises(Conflict, match="bound by profile\\(s\\) support-bot"):
        plh.delete_view("notes_safe")
    plh.delete_view("notes_safe", force=True)
    assert [b.name for b in plh.get_profile("support-bot").bound] == ["docs"]


def test_a_profile_with_live_tokens_is_deleted_only_with_force(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    token = plh.create_token("reader-bot", "reader", profile="support-bot")["token"]
    actor = plh.authenticate(token)
    with pytest.raises(Conflict, match="1 live token bound to it"):
        plh.delete_profile("support-bot")
    plh.delete_profile("support-bot", force=True)
    with pytest.raises(LakehouseError, match="unknown or revoked"):
        plh.authenticate(token)
    # an actor read before the deletion is a snapshot (as for any token); re-reading its scope finds nothing
    assert plh.list_datasets(actor=replace(actor, bindings=None)) == []
    with pytest.raises(NotFound):
        plh.get_profile("support-bot")


def test_a_bound_token_sees_exactly_the_bindings(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    actor = _bound(plh)
    assert actor.profile == "support-bot" and actor.model == "llama3:8b"
    assert [d.name for d in plh.list_datasets(actor=actor)] == ["docs", "notes_safe"]  # views list as relations
    assert [v.name for v in plh.list_views(actor=actor)] == ["notes_safe"]
    assert sorted(i.index_name for i in plh.list_vector_indexes(actor=actor)) == ["docs_idx", "notes_safe_idx"]
    assert plh.sql("SELECT count(*) AS n FROM docs", actor=actor).table.to_pylist() == [{"n": 300}]
    assert plh.sql("SELECT count(*) AS n FROM notes_safe", actor=actor).table.to_pylist() == [{"n": 300}]
    for hidden in ("SELECT * FROM notes", "SELECT * FROM hidden", "SELECT * FROM __raw__docs"):
        with pytest.raises(LakehouseError):
            plh.sql(hidden, actor=actor)
    for call in (lambda: plh.get_dataset("hidden", actor=actor), lambda: plh.get_dataset("notes", actor=actor),
                 lambda: plh.get_vector_index("hidden_idx", actor=actor),
                 lambda: plh.vector_search("notes_idx", vector=[0.1] * 16, actor=actor)):
        with pytest.raises(NotFound):
            call()
    assert [p.id for p in plh.list_profiles(actor=actor)] == ["support-bot"]


def test_a_grant_on_the_principal_does_not_widen_a_profile_token(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    actor = _bound(plh)
    plh.add_grant(actor.name, "dataset", "hidden")
    with pytest.raises(NotFound):
        plh.get_dataset("hidden", actor=actor)
    unbound = plh.authenticate(plh.create_token(actor.name, "reader")["token"])  # same principal, no profile
    assert plh.get_dataset("hidden", actor=unbound).name == "hidden"


def test_token_bindings_that_cannot_be(plh: Lakehouse) -> None:
    plh.create_profile(PROFILE)
    plh.create_profile({"id": "views-only", "bound": ["notes_safe"]})
    with pytest.raises(InvalidInput, match="agents see AI-safe views only"):
        plh.create_token("bot", "agent", profile="support-bot")
    with pytest.raises(InvalidInput, match="An admin token cannot be bound"):
        plh.create_token("boss", "admin", profile="support-bot")
    with pytest.raises(NotFound, match="Profile 'ghost'"):
        plh.create_token("who", "reader", profile="ghost")
    agent = _bound(plh, "agent", "views-only")
    assert [v.name for v in plh.list_views(actor=agent)] == ["notes_safe"]
    assert [(d.name, d.kind) for d in plh.list_datasets(actor=agent)] == [("notes_safe", "view")]


def test_profiles_survive_a_restart(tmp_path: Path) -> None:
    lh = open_lakehouse(tmp_path / "data")
    lh.write_table("t", __import__("pyarrow").table({"id": [1]}))
    lh.create_profile({"id": "p1", "bound": ["t"], "model": "m"})
    token = lh.create_token("r", "reader", profile="p1")["token"]
    lh.close()
    again = open_lakehouse(tmp_path / "data")
    try:
        assert again.get_profile("p1").model == "m"
        assert again.authenticate(token).profile == "p1"
    finally:
        again.close()
