"""The agent end to end on a small index: it journals who proposed what and why, promotes only a faster
config that meets the target, settles, respects its limits under a burst, survives a crashing trial and a
shutdown mid-trial, and leads alone."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pyarrow as pa
import pytest

from lakehouse.app import Lakehouse
from lakehouse.errors import Forbidden, NotFound
from tests.agents.conftest import open_agent_lakehouse, vector_index
from tests.governance.conftest import principal


def run_until(lh: Lakehouse, index: str, states: tuple[str, ...], ticks: int = 40) -> dict[str, Any]:
    for _ in range(ticks):
        lh.agent.tick()
        status = lh.agent.index_status(index)
        if status["state"] in states:
            return status
    raise AssertionError(f"{index} never reached {states}: {lh.agent.index_status(index)}")


def agent_trials(lh: Lakehouse, index: str) -> list[dict[str, Any]]:
    return [t for t in lh.vector_trials(index, 10_000) if t["kind"] == "agent"]


@pytest.mark.slow
def test_the_agent_tunes_journals_and_settles(agent_lh: Lakehouse) -> None:
    vector_index(agent_lh)
    before = agent_lh.vector_champion("vecs")["effective"]
    agent_lh.agent_enqueue("vecs", "test")
    status = run_until(agent_lh, "vecs", ("settled",))
    assert "promotion margin" in status["reason"]
    journal = agent_lh.vector_trials("vecs", 10_000)
    mine = [t for t in journal if t["kind"] in ("agent", "agent-probe")]
    assert mine and all(t["proposal"]["proposed_by"] == "agent" and t["proposal"]["reason"]
                        and isinstance(t["proposal"]["seed"], int) for t in mine)
    assert all(t["metrics"]["eval_scheme"] == "held_out" for t in mine)
    promotions = [t for t in journal if t["kind"] == "promotion"]
    champion = agent_lh.vector_champion("vecs")["champion"]
    if promotions:  # reversible: the previous champion comes back by its trial id (or explicit config)
        assert promotions[0]["proposal"]["trial_id"] == champion["trial_id"]
        restored = agent_lh.set_vector_champion("vecs", {"m": before["m"], "ef_construction":
                                                         before["ef_construction"], "ef_search": before["ef_search"]})
        assert restored["champion"]["m"] == before["m"]
    best = next(t for t in journal if t["trial_id"] == champion["trial_id"]) if champion.get("trial_id") else None
    assert best is None or best["metrics"]["recall"] >= 0.9


def test_limits_hold_under_a_burst(make_settings: Any) -> None:
    lh = open_agent_lakehouse(make_settings, max_trials_per_hour=2, max_trials_per_hour_total=3)
    try:
        vector_index(lh, n=2000, dim=16)
        vector_index(lh, n=2000, dim=16, seed=1, name="other", )
        for i in range(100):
            lh.agent_enqueue("vecs", f"burst {i}")
        for i in range(100):  # each append queues the indexes on the dataset again
            lh.write_table("vecs", pa.table({"id": [f"x{i}"], "v": pa.array([[0.1] * 16], pa.list_(pa.float32()))}))
        lh.agent_enqueue("other", "burst")
        for _ in range(12):
            lh.agent.tick()
        assert len(agent_trials(lh, "vecs")) == 2  # the per-index limit
        assert len(agent_trials(lh, "vecs")) + len(agent_trials(lh, "other")) == 3  # the global limit
        assert "max_trials_per_hour" in (lh.agent.index_status("vecs")["reason"] or "")
    finally:
        lh.close()


def test_the_cooldown_spaces_trials(make_settings: Any) -> None:
    lh = open_agent_lakehouse(make_settings, cooldown_seconds=3600)
    try:
        vector_index(lh, n=2000, dim=16)
        for _ in range(5):
            lh.agent_enqueue("vecs", "again")
            lh.agent.tick()
        assert len(agent_trials(lh, "vecs")) == 1
        assert "cooldown until" in (lh.agent.index_status("vecs")["reason"] or "")
    finally:
        lh.close()


def test_a_crashing_trial_is_journaled_and_the_agent_goes_on(agent_lh: Lakehouse,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    vector_index(agent_lh, n=2000, dim=16)
    monkeypatch.setenv("LAKEHOUSE_AGENT_NICE", "not-a-number")  # the trial process dies at its first line
    agent_lh.agent_enqueue("vecs", "test")
    agent_lh.agent.tick()
    [failed] = agent_trials(agent_lh, "vecs")
    assert failed["note"] == "failed" and "exit code" in failed["metrics"]["error"]
    assert "trial failed" in agent_lh.agent.index_status("vecs")["reason"]
    monkeypatch.delenv("LAKEHOUSE_AGENT_NICE")
    agent_lh.agent.tick()  # it goes on: the next trial runs
    assert len(agent_trials(agent_lh, "vecs")) == 2 and "error" not in agent_trials(agent_lh, "vecs")[0]["metrics"]


def test_shutdown_mid_trial_leaves_the_champion_and_no_files(make_settings: Any) -> None:
    lh = open_agent_lakehouse(make_settings)
    try:
        vector_index(lh, n=20_000, dim=64)  # a graph build of a few seconds: time to stop it midway
        before = lh.vector_champion("vecs")
        folder = lh.settings.data_dir / "buckets" / "primary" / "vectors" / "vecs"
        files_before = sorted(p.name for p in folder.rglob("*"))
        lh.agent_enqueue("vecs", "test")
        worker = threading.Thread(target=lambda: asyncio.run(lh.agent.run()))
        worker.start()
        deadline = time.monotonic() + 60
        while lh.agent.trials._child is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert lh.agent.trials._child is not None, "no trial started"
        lh.agent.stop()
        worker.join(timeout=30)
        assert not worker.is_alive()
        assert lh.vector_champion("vecs") == before
        files_after = sorted(p.name for p in folder.rglob("*"))
        assert files_after == files_before
        scratch = lh.settings.data_dir / ".agent-scratch"
        assert not scratch.exists() or not any(scratch.iterdir())
    finally:
        lh.close()


def test_one_leader_per_catalog(make_settings: Any) -> None:
    first, second = open_agent_lakehouse(make_settings), open_agent_lakehouse(make_settings)
    try:
        first.agent.tick()
        second.agent.tick()
        assert first.agent.lock.held and not second.agent.lock.held
        assert first.agent_status()["leader"]["owner"] == first.catalog.owners.owner_id
        first.agent.lock.release()
        second.agent.tick()
        assert second.agent.lock.held
    finally:
        first.close()
        second.close()


def test_bad_requests(agent_lh: Lakehouse) -> None:
    vector_index(agent_lh, n=2000, dim=16)
    with pytest.raises(NotFound):
        agent_lh.agent_enqueue("nope")
    reader, _ = principal(agent_lh, "rita", "reader", dataset=["vecs"])
    with pytest.raises(Forbidden):
        agent_lh.agent_enqueue("vecs", actor=reader)  # may search it, may not manage it
    outsider, _ = principal(agent_lh, "olga", "reader")
    with pytest.raises(NotFound):
        agent_lh.agent_enqueue("vecs", actor=outsider)
    assert agent_lh.agent_status(actor=outsider)["indexes"] == []


@pytest.mark.parametrize("bounds", [{"m_bounds": [32, 8]}, {"ef_search_bounds": [0, 0]}])
def test_bad_bounds_stop_startup_naming_the_setting(make_settings: Any, bounds: dict[str, Any]) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match=f"agent.{next(iter(bounds))}"):
        make_settings(agent=bounds)


def test_the_agent_tunes_a_lance_index_by_nprobes_and_refine_factor(make_settings: Any) -> None:
    """A lance index has no graph to propose: the agent tries refine_factors, bisects nprobes on each (in this
    process, nothing is built), journals every probe and promotes the fastest config meeting the target."""
    lh = open_agent_lakehouse(make_settings, nprobes_bounds=[1, 64], refine_factor_bounds=[20, 100],
                              eval_sample=40)
    try:
        vector_index(lh, vector_backend="lance")
        assert lh.vector_index_stats("vecs")["index"]["type"] == "IVF_PQ"
        lh.agent_enqueue("vecs", "test")
        status = run_until(lh, "vecs", ("settled",), ticks=10)
        assert "refine_factor" in status["reason"], status
        journal = [t for t in lh.vector_trials("vecs", 10_000) if t["kind"] in ("agent", "agent-probe")]
        # the champion's own refine_factor re-measured first, then the bounds' values (PQ of 2 sub-vectors is
        # coarse: the exact re-rank carries the recall)
        assert {t["config"]["refine_factor"] for t in journal if t["kind"] == "agent"} == {10, 20, 50, 100}
        assert all(t["proposal"]["proposed_by"] == "agent" and 1 <= t["config"]["nprobes"] <= 64 for t in journal)
        champion = lh.vector_champion("vecs")
        assert champion["champion"]["trial_id"] is not None and champion["champion"]["recall"] >= 0.9
        assert champion["effective"]["nprobes"] == champion["champion"]["nprobes"]
        assert [t for t in lh.vector_trials("vecs", 10_000) if t["kind"] == "promotion"]
        assert lh.vector_search("vecs", vector=[0.1] * 32, k=10).method == "ivf_pq"
    finally:
        lh.close()
