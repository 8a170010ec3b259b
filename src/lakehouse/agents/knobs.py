"""The agent's tuning of an index whose ANN structure is searched through knobs alone (lance: ``nprobes`` and
``refine_factor`` over the served IVF_PQ; nothing is built, so a trial runs in this process, not a child).

A step tries one ``refine_factor``: the champion's first (re-measured on the current eval sets), then its
untried neighbours in ``REFINE_FACTORS`` within ``agent.refine_factor_bounds``. On each the smallest
``nprobes`` meeting the target is found by bisection within ``agent.nprobes_bounds`` (recall grows with
nprobes), every probe journaled (``agent-probe``; the chosen one ``agent``). The chosen config replaces the
champion under the HNSW path's rule: it meets the target on both eval sets and is faster by the promotion
margin, or the champion misses the target. No untried neighbour of a champion meeting the target: settled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lakehouse.agents.proposer import bisect_ef, meets_target
from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.config import AgentSettings
from lakehouse.vectors.evalsets import EvalSet
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.service import VectorService

REFINE_FACTORS = (1, 2, 5, 10, 20, 50, 100)


@dataclass(frozen=True)
class KnobStep:
    state: str   # queued (tried one refine_factor) | settled
    reason: str


class KnobTuner:
    def __init__(self, vectors: VectorService, settings: AgentSettings):
        self.vectors, self.settings = vectors, settings

    def candidates(self) -> list[int]:
        low, high = self.settings.refine_factor_bounds
        return [r for r in REFINE_FACTORS if low <= r <= high] or [low]

    def step(self, row: VectorIndexRow, index: LoadedIndex, held: EvalSet, live: EvalSet | None) -> KnobStep:
        evaluator = self.vectors.evaluator
        served = evaluator.served(row, index)
        journal = [t for t in self.vectors.records.trials(row.name, 10_000, eval_set_id=held.id)
                   if t["kind"] == "agent" and "refine_factor" in t["config"]]
        tried = {int(t["config"]["refine_factor"]) for t in journal}
        champion_rf = int(served.get("refine_factor") or 0)
        baseline = next((t for t in reversed(journal) if int(t["config"]["refine_factor"]) == champion_rf), None)
        seed = len(journal)
        if baseline is None:
            refine, reason = champion_rf, "re-measure the champion's refine_factor on the current eval sets"
        else:
            options = sorted(self.candidates(), key=lambda r: (abs(r - champion_rf), r))
            untried = [r for r in options if r not in tried]
            if not untried and meets_target(baseline, row.recall_target, self.settings.recall_z):
                return KnobStep("settled", "every refine_factor in the bounds has been tried; no config is faster "
                                "than the champion by the promotion margin at the target")
            if not untried:
                return KnobStep("settled", "every refine_factor in the bounds has been tried; none meets the target")
            refine, reason = untried[0], f"a step from the champion's refine_factor {champion_rf}"
        chosen = self._bisect(row, index, held, live, served, refine, reason, seed)
        if chosen is None:
            return KnobStep("queued", f"refine_factor={refine} missed the target at every nprobes in the bounds")
        if baseline is not None and not self._wins(chosen, baseline, row.recall_target):
            return KnobStep("queued", f"refine_factor={refine}, nprobes={chosen['config']['nprobes']} met the target "
                                      "but is not faster by the margin")
        self._promote(row, chosen)
        return KnobStep("queued", f"promoted trial {chosen['trial_id']} (nprobes={chosen['config']['nprobes']}, "
                                  f"refine_factor={refine})")

    def _bisect(self, row: VectorIndexRow, index: LoadedIndex, held: EvalSet, live: EvalSet | None,
                served: dict[str, Any], refine: int, reason: str, seed: int) -> dict[str, Any] | None:
        evaluator = self.vectors.evaluator
        probe = evaluator.probe(row, index, held.excluded, served)
        proposal = {"proposed_by": "agent", "reason": reason, "seed": seed}
        measured: dict[int, dict[str, Any]] = {}

        def metrics(nprobes: int) -> dict[str, Any]:
            if nprobes not in measured:
                measured[nprobes] = evaluator.trial_metrics(probe, held, live, {**served, "nprobes": nprobes,
                                                                                "refine_factor": refine}, row.metric)
            return measured[nprobes]

        def meets(nprobes: int) -> bool:
            return meets_target(metrics(nprobes), row.recall_target, self.settings.recall_z)

        low, high = self.settings.nprobes_bounds
        best, _ = bisect_ef(meets, low, high)
        chosen = best if best is not None else high
        out = None
        for nprobes, found in sorted(measured.items()):
            kind = "agent" if nprobes == chosen else "agent-probe"
            trial = self.vectors.records.add_trial(row.name, kind, {**served, "nprobes": nprobes, "refine_factor":
                                                                    refine}, found, held.id, row.generation,
                                                   row.source_version, note=reason, proposal=proposal)
            if kind == "agent":
                out = trial
        return out if best is not None else None

    def _wins(self, challenger: dict[str, Any], champion: dict[str, Any], target: float) -> bool:
        z = self.settings.recall_z
        if not meets_target(challenger, target, z):
            return False
        if not meets_target(champion, target, z):
            return True
        return float(challenger["metrics"]["qps"]) >= float(champion["metrics"]["qps"]) * (
            1 + self.settings.promotion_margin)

    def _promote(self, row: VectorIndexRow, trial: dict[str, Any]) -> None:
        previous = (row.ann or {}).get("champion")
        self.vectors.evaluator.promote(row.name, trial)
        self.vectors.records.add_trial(row.name, "promotion", trial["config"], trial["metrics"], trial["eval_set_id"],
                                       row.generation, row.source_version, note=f"promoted trial {trial['trial_id']}",
                                       proposal={"proposed_by": "agent", "reason": "promotion",
                                                 "trial_id": trial["trial_id"], "previous": previous})
