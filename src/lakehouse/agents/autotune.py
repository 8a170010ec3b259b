"""The autotune agent: keeps every vector index at its recall target, on held-out and live queries, as fast as
it can, without saturating the machine (docs/vectors.md, "The autotune agent").

Triggers put an index in the catalog's queue (``AgentStore``): ``POST /vectors/agent/enqueue/{idx}``, the
periodic wake, ``dataset.appended|overwritten`` from every ingest path (in whatever process ingested), and
recall drift (a new generation whose champion misses the target on the live set). One leader per catalog
works the queue, one trial at a time (``TrialRunner``: a low-priority child process), within the hourly
limits, the cooldowns and while searches are fast; what to try comes from ``proposer.propose``. A challenger
replaces the champion only when it meets the target on both eval sets and is faster by the margin (or the
champion misses the target).
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta
from typing import Any

from lakehouse.agents.agent_store import AgentStore
from lakehouse.agents.knobs import KnobTuner
from lakehouse.agents.proposer import Bounds, Proposal, bisect_ef, meets_target, propose
from lakehouse.agents.trials import Outcome, TrialRunner
from lakehouse.catalog.leader import LeaderLock
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import LakehouseError
from lakehouse.types import iso_utc, utcnow
from lakehouse.vectors import build
from lakehouse.vectors.service import VectorService
from lakehouse.vectors.spec import EvalRequest

log = logging.getLogger(__name__)
POLL_SECONDS = 2.0  # how often the leader looks at the queue (and a follower tries to lead)


class AutotuneAgent:
    def __init__(self, settings: Settings, catalog: CatalogStore, vectors: VectorService, owner: str):
        self.config = settings.agent
        self.vectors = vectors
        self.store = AgentStore(catalog.sessions)
        self.lock = LeaderLock(catalog.engine, "autotune-agent", settings.data_dir)
        self.owner = owner
        self.trials = TrialRunner(vectors, self.config, settings.data_dir / ".agent-scratch")
        self.knobs = KnobTuner(vectors, self.config)
        self.bounds = Bounds(tuple(self.config.m_bounds), tuple(self.config.ef_construction_bounds),  # type: ignore[arg-type]
                             tuple(self.config.ef_search_bounds))  # type: ignore[arg-type]
        self._last_wake = 0.0
        self._seen: dict[str, tuple[int, int | None]] = {}  # index -> (generation, source_version) checked
        self._stopping = False

    # Running ---------------------------------------------------------------------------------------
    async def run(self) -> None:
        """The loop: in ``lakehouse serve`` a task of the server's event loop, or ``lakehouse agent run``."""
        try:
            while not self._stopping:
                pause = await asyncio.to_thread(self.tick)
                await asyncio.sleep(pause)
        finally:
            self.lock.release()

    def stop(self) -> None:
        """Stop after (or by killing) the current trial; the champion and its graph stay as they were."""
        self._stopping = True
        self.trials.kill()

    def tick(self) -> float:
        """One pass; returns the seconds to wait before the next."""
        if not self.lock.lead():
            return POLL_SECONDS
        self.store.lead(self.owner)
        now = time.monotonic()
        if now - self._last_wake >= self.config.wake_seconds:
            self._last_wake = now
            self.wake()
        for row in self.store.queued():
            if self._stopping:
                break
            self.step(row.index_name)
        return POLL_SECONDS

    def wake(self) -> None:
        """The periodic wake: queue indexes that changed since they were last looked at, and check drift."""
        self.store.woke(self.owner)
        for row in self.vectors.records.list():
            if row.generation == 0:
                continue
            seen = (row.generation, row.source_version)
            if self._seen.get(row.name) == seen:
                continue
            self._seen[row.name] = seen
            state = self.store.state(row.name)
            if state is None or state["state"] not in ("queued", "settled"):
                self.store.enqueue(row.name, "periodic wake: not tuned yet")
                continue
            drift = self.drift(row.name)
            if drift is not None:
                self.store.enqueue(row.name, drift)

    def drift(self, name: str) -> str | None:
        """Re-measure the champion on the live set with the served graph (no build); a reason when it misses."""
        row = self.vectors.records.get(name)
        evaluator = self.vectors.evaluator
        index = self.vectors.cache.get(row)
        if index.ann is None or not (row.ann or {}).get("query_log"):
            return None
        live = evaluator.sets.live(row, index, min(10, index.live), None, self.config.live_set_minimum,
                                   self.config.live_set_size)
        if live is None:
            return None
        champion = evaluator.served(row, index)  # the served structure, the champion's search knobs
        probe = evaluator.probe(row, index, live.excluded, champion)  # nothing excluded: the served structure
        recall = evaluator.trial_metrics(probe, live, None, champion, row.metric)["recall"]
        if recall < row.recall_target:
            return (f"recall drift: live recall {recall:.3f} < target {row.recall_target:g} "
                    f"at generation {row.generation}")
        return None

    # Triggers --------------------------------------------------------------------------------------
    def enqueue(self, index: str, reason: str) -> dict[str, Any]:
        self.vectors.records.get(index)  # 404 for an unknown index
        self.store.enqueue(index, reason)
        return self.index_status(index)

    # One step of one index -----------------------------------------------------------------------------
    def step(self, name: str) -> None:
        if self.vectors.records.find(name) is None:
            return
        wait = self.blocked(name)
        if wait is not None:
            self.store.set_state(name, "queued", wait)
            return
        try:
            self._step(name)
        except LakehouseError as exc:
            self.store.set_state(name, "failed", f"{exc.code}: {exc.message}")
            log.warning("autotune agent: %s: %s", name, exc.message)
        except Exception as exc:  # noqa: BLE001 - one index's failure must not stop the agent
            self.store.set_state(name, "failed", f"{type(exc).__name__}: {exc}")
            log.exception("autotune agent: %s failed", name)

    def _step(self, name: str) -> None:
        row = self.vectors.records.get(name)
        evaluator = self.vectors.evaluator
        index = self.vectors.cache.get(row)
        if row.generation == 0 or index.ann is None:
            self.store.set_state(name, "idle", "not built yet" if row.generation == 0 else
                                 "no ANN structure (searched exactly): nothing to tune")
            return
        request = EvalRequest(k=min(10, index.live), sample=self.config.eval_sample)
        held, live = evaluator.eval_sets(row, index, request)
        if index.graph is None:  # an ANN structure tuned by its search knobs alone (lance's IVF_PQ)
            self.store.set_state(name, "running", "tuning nprobes and refine_factor")
            done = self.knobs.step(row, index, held, live)
            self.store.set_state(name, done.state, done.reason, trial=True)
            return
        journal = self.vectors.records.trials(name, 10_000, eval_set_id=held.id)  # every config tried on it
        champion = self._baseline(row.ann or {}, journal)
        if champion is None:
            current = build.settings_config(evaluator.settings, row.ann or {})
            proposal: Proposal | None = Proposal(current.m, current.ef_construction,
                                                 "re-measure the champion on the current eval sets", len(journal))
        else:
            proposal = propose(journal, champion, self.bounds, self.config.epsilon, row.recall_target,
                               self.config.promotion_margin, self.config.recall_z)
        if proposal is None:
            self.store.set_state(name, "settled", "no config tried is faster than the champion by the promotion "
                                 "margin at the target, and every neighbouring config has been tried")
            return
        self.store.set_state(name, "running", proposal.reason)
        outcome = self.trials.explore(row, index, held, live, proposal, self._ef_bounds())
        self.store.set_state(name, "queued", self._after(row, index, outcome, champion, proposal), trial=True)

    def _after(self, row: Any, index: Any, outcome: Outcome, champion: dict[str, Any] | None,
               proposal: Proposal) -> str:
        if outcome.failed:
            return f"trial failed ({outcome.failed}); going on"
        challenger = outcome.best
        if challenger is None:
            return f"M={proposal.m}, ef_construction={proposal.ef_construction} missed the target at every ef"
        if champion is not None and not self._wins(challenger, champion, row.recall_target):
            return (f"M={proposal.m}, ef_construction={proposal.ef_construction}, ef_search="
                    f"{challenger['config']['ef_search']} met the target but is not faster by the margin")
        promoted = self.trials.promote(row, index, challenger)
        self.vectors.records.add_trial(row.name, "promotion", challenger["config"], challenger["metrics"],
                                       challenger["eval_set_id"], row.generation, row.source_version,
                                       note=f"promoted trial {challenger['trial_id']}",
                                       proposal={"proposed_by": "agent", "reason": "promotion",
                                                 "trial_id": challenger["trial_id"],
                                                 "previous": (row.ann or {}).get("champion")})
        settled = f"promoted trial {promoted.get('trial_id')} (M={promoted['m']}, ef_search={promoted['ef_search']})"
        return settled + self._verify_served(row.name)

    def _verify_served(self, name: str) -> str:
        """The promoted graph was built anew over every label: check it on the live set (queries that are not
        in it) and raise ef_search by bisection where this build needs more than the trial's did."""
        row = self.vectors.records.get(name)
        evaluator = self.vectors.evaluator
        index = self.vectors.cache.get(row)
        live = evaluator.sets.live(row, index, min(10, index.live), None, self.config.live_set_minimum,
                                   self.config.live_set_size)
        champion = build.settings_config(evaluator.settings, row.ann or {})
        if live is None or index.graph is None:
            return ""
        probe = evaluator.probe(row, index, live.excluded, champion)
        on_live = evaluator.trial_metrics(probe, live, None, champion.ef_search, row.metric)
        recall = on_live["recall"]
        if meets_target(on_live, row.recall_target, self.config.recall_z):
            return ""

        def meets(ef: int) -> bool:
            return meets_target(evaluator.trial_metrics(probe, live, None, ef, row.metric), row.recall_target,
                                self.config.recall_z)

        ef, _ = bisect_ef(meets, champion.ef_search + 1, self.bounds.ef_search[1])
        if ef is None:
            self.store.enqueue(name, f"the promoted graph misses the target on the live set ({recall:.3f})")
            return f"; its rebuilt graph misses the target on the live set ({recall:.3f}): queued again"
        reason = "ef_search raised: the promoted graph, rebuilt over every label, needed it on the live set"
        trial = evaluator.evaluate(name, EvalRequest(k=live.k, vectors=live.queries.tolist(), ef_search=ef),
                                   kind="agent", note=reason,
                                   config=champion.__class__(champion.m, champion.ef_construction, ef),
                                   proposal={"proposed_by": "agent", "reason": reason, "seed": None})
        evaluator.promote(name, trial)
        return f"; its rebuilt graph needed ef_search {ef} on the live set (was {champion.ef_search})"

    def _wins(self, challenger: dict[str, Any], champion: dict[str, Any], target: float) -> bool:
        c, b = challenger["metrics"], champion["metrics"]
        if not meets_target(c, target, self.config.recall_z):
            return False
        if not meets_target(b, target, self.config.recall_z):
            return True
        return float(c["qps"]) >= float(b["qps"]) * (1 + self.config.promotion_margin)

    def _baseline(self, ann_meta: dict[str, Any], journal: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The champion as measured on the current eval sets (its own graph, best ef), or None if not yet."""
        champion = ann_meta.get("champion") or {}
        graph = ann_meta.get("graph_config") or champion
        if not graph:
            return None
        same = [t for t in journal if t["kind"] in ("agent", "eval", "autotune") and "recall" in t["metrics"]
                and t["config"].get("m") == graph.get("m")
                and t["config"].get("ef_construction") == graph.get("ef_construction")]
        if not same:
            return None
        meeting = [t for t in same if t["config"].get("ef_search") == champion.get("ef_search")] or same
        return max(meeting, key=lambda t: t["trial_id"])

    def _ef_bounds(self) -> tuple[int, int]:
        return self.bounds.ef_search

    # Guards ------------------------------------------------------------------------------------------
    def blocked(self, name: str) -> str | None:
        """Why ``name`` may not run a trial now (None: it may)."""
        now = utcnow()
        hour = now - timedelta(hours=1)
        records = self.vectors.records
        if records.agent_trials_since(hour, name) >= self.config.max_trials_per_hour:
            return f"waiting: agent.max_trials_per_hour ({self.config.max_trials_per_hour}) reached for this index"
        if records.agent_trials_since(hour) >= self.config.max_trials_per_hour_total:
            return f"waiting: agent.max_trials_per_hour_total ({self.config.max_trials_per_hour_total}) reached"
        last = _aware(self.store.last_trial_at(name))
        if last is not None and (now - last).total_seconds() < self.config.cooldown_seconds:
            return f"waiting: cooldown until {iso_utc(last + timedelta(seconds=self.config.cooldown_seconds))}"
        last_any = _aware(self.store.last_trial_at())
        if last_any is not None and (now - last_any).total_seconds() < self.config.global_cooldown_seconds:
            return "waiting: agent.global_cooldown_seconds"
        p95 = self.vectors.searcher.recent_p95()
        if p95 is not None and p95 > self.config.load_pause_p95_ms:
            return f"paused: search p95 {p95:.0f} ms > agent.load_pause_p95_ms ({self.config.load_pause_p95_ms:g})"
        return None

    # Visibility --------------------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        hour = utcnow() - timedelta(hours=1)
        states = self.store.states()
        return {"enabled": self.config.enabled, "leader": self.store.leader(), "this_process_leads": self.lock.held,
                "queue": [s["index_name"] for s in states if s["state"] == "queued"],
                "trials_this_hour": self.vectors.records.agent_trials_since(hour),
                "max_trials_per_hour_total": self.config.max_trials_per_hour_total,
                "next_allowed_at": self._next_allowed(None), "indexes": states}

    def index_status(self, name: str) -> dict[str, Any]:
        row = self.vectors.records.get(name)
        hour = utcnow() - timedelta(hours=1)
        return {"index_name": name, **(self.store.state(name) or {"state": "idle", "reason": None}),
                "trials_this_hour": self.vectors.records.agent_trials_since(hour, name),
                "max_trials_per_hour": self.config.max_trials_per_hour, "next_allowed_at": self._next_allowed(name),
                "champion": (row.ann or {}).get("champion"), "recall_target": row.recall_target}

    def _next_allowed(self, name: str | None) -> str | None:
        last = _aware(self.store.last_trial_at(name))
        if last is None:
            return None
        gap = self.config.cooldown_seconds if name else self.config.global_cooldown_seconds
        return iso_utc(last + timedelta(seconds=gap))


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=utcnow().tzinfo)


