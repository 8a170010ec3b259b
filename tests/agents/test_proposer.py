"""The proposer decides from the journal alone: the same journal, the same next config; it stops once the
champion is on the front with no untried neighbour; ef_search is found by bisection."""

from __future__ import annotations

from typing import Any

from lakehouse.agents.proposer import Bounds, bisect_ef, neighbours, propose

BOUNDS = Bounds(m=(8, 48), ef_construction=(40, 400), ef_search=(10, 512))


def trial(m: int, efc: int, ef: int, recall: float, qps: float) -> dict[str, Any]:
    return {"config": {"m": m, "ef_construction": efc, "ef_search": ef}, "metrics": {"recall": recall, "qps": qps}}


def test_the_same_journal_proposes_the_same_config() -> None:
    journal = [trial(16, 80, 40, 0.96, 3000.0), trial(12, 80, 60, 0.95, 2500.0)]
    champion = {"m": 16, "ef_construction": 80, "ef_search": 40, "recall": 0.96, "qps": 3000.0}
    first = propose(journal, champion, BOUNDS, 0.25, 0.95)
    again = propose(list(journal), dict(champion), BOUNDS, 0.25, 0.95)
    assert first == again and first is not None and first.seed == len(journal)
    proposals = {propose(journal + [trial(16, 80, 40, 0.96, 3000.0)] * extra, champion, BOUNDS, 0.25, 0.95)
                 for extra in range(1, 8)}
    assert len(proposals) > 1  # a different journal (length) gives different proposals


def test_never_proposes_a_tried_graph_and_settles() -> None:
    champion = {"m": 16, "ef_construction": 80, "ef_search": 40, "recall": 0.97, "qps": 4000.0}
    journal = [trial(16, 80, 40, 0.97, 4000.0)]
    journal += [trial(m, e, 60, 0.96, 3000.0) for m, e in neighbours(16, 80, BOUNDS)]
    tried = {(t["config"]["m"], t["config"]["ef_construction"]) for t in journal}
    for extra in range(20):
        proposal = propose(journal + [journal[0]] * extra, champion, BOUNDS, 0.0, 0.95)
        assert proposal is None  # every neighbour tried, the champion dominates: settled
    open_journal = journal[:-1]
    proposal = propose(open_journal, champion, BOUNDS, 0.0, 0.95)
    assert proposal is not None and proposal.graph not in {(t["config"]["m"], t["config"]["ef_construction"])
                                                           for t in open_journal}
    assert proposal.graph in tried  # the one neighbour left out of open_journal
    missing = {"m": 16, "ef_construction": 80, "ef_search": 40, "recall": 0.90, "qps": 4000.0}
    assert propose(journal, missing, BOUNDS, 0.0, 0.95) is not None  # below target: never settled


def test_bisection_finds_the_smallest_ef_in_log_steps() -> None:
    calls: list[int] = []

    def meets(ef: int) -> bool:
        calls.append(ef)
        return ef >= 77

    best, probed = bisect_ef(meets, 10, 512)
    assert best == 77 and len(calls) <= 11 and probed == calls
    assert bisect_ef(lambda ef: False, 10, 512) == (None, [512])


def test_noise_inside_the_margin_does_not_keep_the_agent_exploring() -> None:
    """Neighbours measured a hair faster (and with more recall) than the champion, inside the promotion margin,
    were never promoted; a strict Pareto test let them keep the agent exploring until the grid was exhausted."""
    champion = {"m": 16, "ef_construction": 80, "ef_search": 40, "recall": 0.96, "qps": 4000.0}
    journal = [trial(16, 80, 40, 0.96, 4000.0)]
    journal += [trial(m, e, 40, 0.97, 4100.0) for m, e in neighbours(16, 80, BOUNDS)]
    assert propose(journal, champion, BOUNDS, 0.0, 0.95, margin=0.05) is None
    faster = journal + [trial(40, 400, 20, 0.96, 4400.0)]  # beyond the margin: it should have been promoted
    assert propose(faster, champion, BOUNDS, 0.0, 0.95, margin=0.05) is not None
    slow_but_exact = journal + [trial(48, 400, 500, 1.0, 1000.0)]
    assert propose(slow_but_exact, champion, BOUNDS, 0.0, 0.95, margin=0.05) is None
    live_miss = journal + [{"config": {"m": 40, "ef_construction": 400, "ef_search": 20},
                            "metrics": {"recall": 0.99, "recall_live": 0.80, "qps": 9000.0}}]
    assert propose(live_miss, champion, BOUNDS, 0.0, 0.95, margin=0.05) is None  # never promotable: no reason to go on
    probe = {"kind": "agent-probe", **trial(16, 80, 41, 0.97, 4500.0)}  # a larger ef that timed faster: noise
    assert propose(journal + [probe], champion, BOUNDS, 0.0, 0.95, margin=0.05) is None


def test_a_champion_given_as_a_journal_entry_is_stepped_from_not_ignored() -> None:
    """The agent passes the champion's journal entry ({"config", "metrics"}); read as 'no champion', every
    proposal was random and the agent built the whole grid before it settled."""
    entry = {"kind": "agent", **trial(16, 80, 40, 0.97, 4000.0)}
    journal = [entry]
    for _ in range(8):
        proposal = propose(journal, entry, BOUNDS, 0.0, 0.95)
        assert proposal is not None and proposal.graph in neighbours(16, 80, BOUNDS)
        journal.append({"kind": "agent", **trial(proposal.m, proposal.ef_construction, 60, 0.96, 3000.0)})
    assert propose(journal, entry, BOUNDS, 0.0, 0.95) is None  # every neighbour tried: settled after 9 builds
