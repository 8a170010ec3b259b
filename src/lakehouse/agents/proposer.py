"""What the autotune agent tries next, decided from the trial journal alone (so it can be replayed).

Epsilon-greedy around the champion: with probability ``epsilon`` a random graph config from the whole bounds,
otherwise the champion's graph perturbed by one step on each axis (M and ef_construction; ef_search is not
proposed but found by bisection on each built graph, since a graph build is the expensive step and ef is
free). Configs already in the journal are never proposed again. The RNG is seeded from the journal's length,
so the same journal always proposes the same next config. The agent stops proposing once the champion meets
the target, no trial that meets it is faster by the promotion margin, and none of its neighbours is untried: the
index is then settled. (Recall beyond the target is not worth QPS, and a QPS gain inside the margin is noise: a
strict Pareto test let measurement noise keep the agent exploring until the whole grid was built.)
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

M_STEP = 4
EF_CONSTRUCTION_STEP = 40


@dataclass(frozen=True)
class Bounds:
    m: tuple[int, int]
    ef_construction: tuple[int, int]
    ef_search: tuple[int, int]


@dataclass(frozen=True)
class Proposal:
    m: int
    ef_construction: int
    reason: str
    seed: int

    @property
    def graph(self) -> tuple[int, int]:
        return self.m, self.ef_construction


def tried_graphs(journal: Sequence[dict[str, Any]]) -> set[tuple[int, int]]:
    return {(int(t["config"]["m"]), int(t["config"]["ef_construction"])) for t in journal
            if t.get("config") and "m" in t["config"]}


def neighbours(m: int, efc: int, bounds: Bounds) -> list[tuple[int, int]]:
    """The champion's graph one step away on each axis (and on both), inside the bounds."""
    out = []
    for dm in (-M_STEP, 0, M_STEP):
        for de in (-EF_CONSTRUCTION_STEP, 0, EF_CONSTRUCTION_STEP):
            if dm == de == 0:
                continue
            cm, ce = m + dm, efc + de
            if bounds.m[0] <= cm <= bounds.m[1] and bounds.ef_construction[0] <= ce <= bounds.ef_construction[1]:
                out.append((cm, ce))
    return out


def best_known(champion: dict[str, Any], journal: Sequence[dict[str, Any]], target: float, margin: float,
               z: float = 0.0) -> bool:
    """No candidate in the journal meets the target and is faster than the champion by more than ``margin``
    (the rule a challenger must pass to be promoted). Bisection probes are not candidates: a graph's candidate is
    its smallest ef meeting the target, and a probe at a larger ef measured faster than it is noise."""
    _, qps = _rq(champion)
    return not any(meets_target(t, target, z) and _rq(t)[1] > qps * (1 + margin)
                   for t in journal if t.get("kind") != "agent-probe")


def propose(journal: Sequence[dict[str, Any]], champion: dict[str, Any] | None, bounds: Bounds,
            epsilon: float, target: float, margin: float = 0.05, z: float = 0.0) -> Proposal | None:
    """The next graph config to build, or None when the index is settled (or the bounds are exhausted).
    A champion below ``target`` never settles: the agent keeps trying untried configs."""
    if champion is not None and "config" in champion:  # a journal entry: its graph and its metrics
        champion = {**champion["config"], "metrics": champion.get("metrics") or {}}
    seed = len(journal)
    rng = random.Random(seed)  # noqa: S311 - a replayable search, not a secret
    tried = tried_graphs(journal)
    everything = [(m, e) for m in _axis(bounds.m, M_STEP) for e in _axis(bounds.ef_construction,
                                                                          EF_CONSTRUCTION_STEP)]
    untried = [g for g in everything if g not in tried]
    if champion is None or "m" not in champion:
        start = (_clamp(16, bounds.m), _clamp(80, bounds.ef_construction))
        if start not in tried:
            return Proposal(*start, reason="no champion yet: start from the defaults", seed=seed)
        return _random(untried, rng, seed, "no champion yet: a random config") if untried else None
    m, efc = int(champion["m"]), int(champion["ef_construction"])
    near = [g for g in neighbours(m, efc, bounds) if g not in tried]
    meets = meets_target(champion, target, z)
    if not near and meets and best_known(champion, journal, target, margin, z):
        return None
    if untried and (rng.random() < epsilon or not near):
        return _random(untried, rng, seed, f"exploring (epsilon {epsilon:g}): a random config in the bounds")
    if not near:
        return None
    choice = near[rng.randrange(len(near))]
    return Proposal(*choice, reason=f"a step from the champion M={m}, ef_construction={efc}", seed=seed)


def bisect_ef(meets: Any, low: int, high: int) -> tuple[int | None, list[int]]:
    """The smallest ef_search in [low, high] for which ``meets(ef)`` holds (recall grows with ef), found in
    O(log) evaluations; returns it (None if even ``high`` misses) and every ef probed."""
    probed: list[int] = []
    if not meets(high):
        return None, [high]
    probed.append(high)
    best = high
    while low < best:
        mid = (low + best) // 2
        probed.append(mid)
        if meets(mid):
            best = mid
        else:
            low = mid + 1
    return best, probed


def _random(candidates: list[tuple[int, int]], rng: random.Random, seed: int, reason: str) -> Proposal:
    m, efc = candidates[rng.randrange(len(candidates))]
    return Proposal(m, efc, reason=reason, seed=seed)


def _axis(bounds: tuple[int, int], step: int) -> list[int]:
    low, high = bounds
    values = list(range(low, high + 1, step))
    return values if values[-1] == high else [*values, high]


def _clamp(value: int, bounds: tuple[int, int]) -> int:
    return max(bounds[0], min(bounds[1], value))


def meets_target(trial: dict[str, Any], target: float, z: float = 0.0) -> bool:
    """Meets the target on the held-out set and, where one was measured, on the live set (as promotion asks),
    ``z`` standard errors below each estimate: a sample's point estimate at the target misses it on unseen
    queries half the time."""
    metrics = trial.get("metrics") or trial
    held = _rq(trial)[0] - z * float(metrics.get("recall_se") or 0.0)
    live = metrics.get("recall_live")
    return held >= target and (live is None or float(live) - z * float(metrics.get("recall_live_se") or 0.0)
                               >= target)


def _rq(trial: dict[str, Any]) -> tuple[float, float]:
    metrics = trial.get("metrics") or trial
    return float(metrics.get("recall") or 0.0), float(metrics.get("qps") or 0.0)
