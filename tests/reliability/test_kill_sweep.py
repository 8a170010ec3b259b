"""kill -9 sweep: a child running one operation is SIGKILLed at its Nth crash point (crashpoints.py: steps
counted, never slept for); the reopened lakehouse must recover to the state before or after the operation,
and the next maintenance run must leave no unreferenced file.

The default run (CI) takes a seeded sample of points per operation (``LAKEHOUSE_KILL_SAMPLE``, default 2)
so CI stays in budget; ``LAKEHOUSE_KILL_ALL=1 pytest tests/reliability/test_kill_sweep.py -k every`` kills
at every point of every operation (about 300 kills, 20-30 minutes on 2 cores). Each child is bounded by a
timeout; all data stays in a temporary folder.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lakehouse.app import Lakehouse
from lakehouse.config import load_settings
from tests.reliability.invariants import check_no_orphans, check_recovered, maintain
from tests.reliability.scenarios import BY_NAME, SCENARIOS, rows

ROOT = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT = 120
SAMPLE = int(os.environ.get("LAKEHOUSE_KILL_SAMPLE", "2"))


def _settings(data_dir: Path):  # type: ignore[no-untyped-def]
    return load_settings(None, data_dir=data_dir, query={"workers": 1})


def _child(scenario: str, data_dir: Path, kill_at: int | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    args = [sys.executable, "-m", "tests.reliability.child", scenario, str(data_dir)]
    if kill_at is not None:
        args.append(str(kill_at))
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT,
                          check=False)


class Baselines:
    """One prepared data dir and step count per scenario; every kill starts from a fresh copy."""

    def __init__(self, root: Path):
        self.root = root
        self.steps: dict[str, int] = {}

    def prepared(self, name: str) -> Path:
        base = self.root / name / "base"
        if not base.exists():
            with Lakehouse(_settings(base)) as lh:
                BY_NAME[name].prepare(lh)
            probe = self.copy(name, "probe")
            done = _child(name, probe, None)
            assert done.returncode == 0, done.stderr[-3000:]
            self.steps[name] = json.loads(done.stdout.strip().splitlines()[-1])["steps"]
            assert self.steps[name] >= 20, f"{name}: only {self.steps[name]} crash points"
        return base

    def copy(self, name: str, label: str) -> Path:
        target = self.root / name / label
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.root / name / "base", target)
        return target


@pytest.fixture(scope="module")
def baselines(tmp_path_factory: pytest.TempPathFactory) -> Baselines:
    return Baselines(tmp_path_factory.mktemp("kill-sweep"))


def kill_and_check(baselines: Baselines, name: str, point: int) -> tuple[str, str]:
    scenario = BY_NAME[name]
    baselines.prepared(name)
    data_dir = baselines.copy(name, f"kill-{point}")
    done = _child(name, data_dir, point)
    assert done.returncode == -signal.SIGKILL, f"step {point} of {name} was not reached:\n{done.stderr[-3000:]}"
    with Lakehouse(_settings(data_dir)) as lh:
        outcome = check_recovered(lh, scenario)
        maintain(lh)
        check_no_orphans(lh)
        # maintenance may add versions (optimize) or finish a pending refresh, never change the rows
        assert check_recovered(lh, scenario)[0] == outcome[0], "the maintenance run changed what readers see"
    with Lakehouse(_settings(data_dir)) as lh:  # and the next writer can write (no lock left behind)
        lh.write_table("after_crash", rows(range(3)))
    shutil.rmtree(data_dir, ignore_errors=True)
    return outcome


def _sample(name: str, steps: int) -> list[int]:
    return sorted(random.Random(f"kill-{name}").sample(range(1, steps + 1), min(SAMPLE, steps)))


@pytest.mark.slow
@pytest.mark.parametrize("name", [s.name for s in SCENARIOS])
def test_sampled_kill_points_recover(baselines: Baselines, name: str) -> None:
    """A seeded sample of each operation's crash points (every point: the slow test below)."""
    baselines.prepared(name)
    for point in _sample(name, baselines.steps[name]):
        kill_and_check(baselines, name, point)


@pytest.mark.timeout(3600)
@pytest.mark.parametrize("name", [s.name for s in SCENARIOS])
def test_every_kill_point_recovers(baselines: Baselines, name: str) -> None:
    """Every crash point of the operation; both outcomes must occur across the sweep where they differ."""
    if not os.environ.get("LAKEHOUSE_KILL_ALL"):
        pytest.skip("every kill point takes minutes per operation: set LAKEHOUSE_KILL_ALL=1 (bench/ and "
                    "docs/operations.md say how)")
    baselines.prepared(name)
    outcomes = {kill_and_check(baselines, name, point) for point in range(1, baselines.steps[name] + 1)}
    assert len(outcomes) >= 2, f"{name}: every kill point gave {outcomes}; the sweep never crossed the commit"
    assert {content for content, _ in outcomes} == ({"before", "after"} if BY_NAME[name].before
                                                     != BY_NAME[name].after else {"before"}), outcomes
