"""Run one agent trial: prepare its task folder, run ``trial_worker`` in a low-priority child process under a
time limit, journal what it measured, and promote a challenger that beats the champion.

The child gets the graph's vectors (the index without its held-out documents), each eval set's queries and
ground truth translated to the graph's labels; it never touches the catalog or the index files. A promotion's
graph (over every label) is built by a second child and written to a temporary file that the promotion moves
into place, so a kill at any moment leaves the champion and its graph as they were.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from lakehouse.agents.proposer import Proposal
from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.config import AgentSettings
from lakehouse.errors import LakehouseError
from lakehouse.vectors import ann
from lakehouse.vectors.evalsets import EvalSet, kept_labels
from lakehouse.vectors.loaded import LoadedIndex
from lakehouse.vectors.service import VectorService

log = logging.getLogger(__name__)


class TrialFailed(LakehouseError):
    code = "agent_trial_failed"


@dataclass
class Outcome:
    best: dict[str, Any] | None      # the journaled trial at the smallest ef meeting the target (None: none did)
    last: dict[str, Any]             # the journaled trial that counts against the rate limit
    failed: str | None = None


class TrialRunner:
    def __init__(self, vectors: VectorService, settings: AgentSettings, scratch: Path):
        self.vectors, self.settings, self.scratch = vectors, settings, scratch
        self._child: subprocess.Popen[bytes] | None = None
        self.stopping = False

    def kill(self) -> None:
        self.stopping = True
        child = self._child
        if child is not None and child.poll() is None:
            child.kill()

    # One trial -------------------------------------------------------------------------------------
    def explore(self, row: VectorIndexRow, index: LoadedIndex, held: EvalSet, live: EvalSet | None,
                proposal: Proposal, ef_bounds: tuple[int, int]) -> Outcome:
        kept = kept_labels(index, held.excluded)
        sets = [s for s in (held, live) if s is not None]
        proposed = {"proposed_by": "agent", "reason": proposal.reason, "seed": proposal.seed,
                    "build": uuid.uuid4().hex[:12]}
        with self._folder() as folder:
            np.save(folder / "vectors.npy", np.ascontiguousarray(index.vectors[kept]))
            for s in sets:
                np.save(folder / f"{s.source}.npy", s.queries)
            task = {"kind": "explore", "metric": row.metric, "m": proposal.m, "ef_construction":
                    proposal.ef_construction, "target": row.recall_target, "z": self.settings.recall_z,
                    "ef_bounds": list(ef_bounds),
                    "threads": None, "sets": [{"name": s.source, "k": s.k, "truth": _graph_labels(s.truth, kept)}
                                              for s in sets]}
            try:
                answer = self._run(folder, task)
            except TrialFailed as failed:
                config = {"m": proposal.m, "ef_construction": proposal.ef_construction, "ef_search": ef_bounds[1]}
                trial = self.vectors.records.add_trial(
                    row.name, "agent", config, {"error": failed.message, "eval_scheme": "held_out"}, held.id,
                    row.generation, row.source_version, note="failed", proposal=proposed)
                return Outcome(None, trial, failed.message)
        return self._journal(row, held, live, proposal, proposed, answer)

    def _journal(self, row: VectorIndexRow, held: EvalSet, live: EvalSet | None, proposal: Proposal,
                 proposed: dict[str, Any], answer: dict[str, Any]) -> Outcome:
        best_ef = answer["best_ef"]
        chosen = best_ef if best_ef is not None else max(p["ef"] for p in answer["probes"])
        best: dict[str, Any] | None = None
        last: dict[str, Any] | None = None
        for probe in answer["probes"]:
            results = probe["results"]
            on_held = results["held_out"]
            metrics: dict[str, Any] = {
                **on_held, "recall_held_out": on_held["recall"], "k": held.k, "queries": len(held.queries),
                "eval_scheme": "held_out", "build_seconds": answer["build_seconds"],
                "memory_bytes": answer["memory_bytes"]}
            if live is not None and "live" in results:
                metrics |= {"recall_live": results["live"]["recall"], "recall_live_se": results["live"]["recall_se"],
                            "live_queries": len(live.queries),
                            "live_eval_set_id": live.id}
            kind = "agent" if probe["ef"] == chosen else "agent-probe"
            config = {"m": proposal.m, "ef_construction": proposal.ef_construction, "ef_search": probe["ef"]}
            trial = self.vectors.records.add_trial(row.name, kind, config, metrics, held.id, row.generation,
                                                   row.source_version, note=proposal.reason, proposal=proposed)
            if kind == "agent":
                last = trial
                best = trial if best_ef is not None else None
        assert last is not None
        return Outcome(best, last)

    # Promotion ---------------------------------------------------------------------------------------
    def promote(self, row: VectorIndexRow, index: LoadedIndex, trial: dict[str, Any]) -> dict[str, Any]:
        """Make ``trial`` the champion; a new graph shape is built (over every label) in a child first."""
        config = ann.HnswConfig.from_dict(trial["config"])
        graph_config = (row.ann or {}).get("graph_config")
        evaluator = self.vectors.evaluator
        if graph_config and config.same_graph(ann.HnswConfig.from_dict(graph_config)):
            return evaluator.promote(row.name, trial)
        with self._folder() as folder:
            np.save(folder / "vectors.npy", np.ascontiguousarray(index.vectors))
            out = folder / "graph.faiss"
            self._run(folder, {"kind": "build", "metric": row.metric, "m": config.m,
                               "ef_construction": config.ef_construction, "out": str(out)})
            graph = ann.read_file(str(out))
        return evaluator.promote(row.name, trial, graph)

    # The child ---------------------------------------------------------------------------------------
    def _run(self, folder: Path, task: dict[str, Any]) -> dict[str, Any]:
        if self.stopping:
            raise TrialFailed("The agent is shutting down.")
        (folder / "task.json").write_text(json.dumps(task))
        child = subprocess.Popen([sys.executable, "-m", "lakehouse.agents.trial_worker", str(folder)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        self._child = child
        try:
            out, err = child.communicate(timeout=self.settings.trial_time_limit_seconds)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise TrialFailed(f"The trial ran past agent.trial_time_limit_seconds "
                              f"({self.settings.trial_time_limit_seconds:g} s) and was stopped.") from None
        finally:
            self._child = None
        if child.returncode != 0:
            tail = err.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
            raise TrialFailed(f"The trial process failed (exit code {child.returncode}): {tail[0][:300]}")
        return dict(json.loads(out))

    def _folder(self) -> _Scratch:
        return _Scratch(self.scratch / uuid.uuid4().hex)


class _Scratch:
    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> Path:
        self.path.mkdir(parents=True, exist_ok=True)
        return self.path

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _graph_labels(truth: list[list[int]], kept: np.ndarray) -> list[list[int]]:
    """Index labels -> positions in ``kept`` (the graph's labels); every truth label is kept by construction."""
    return [np.searchsorted(kept, np.asarray(t, dtype=np.int64)).tolist() for t in truth]
