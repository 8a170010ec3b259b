"""Crash-consistent files (ALICE-style): the file operations of one ingest commit (Delta data file, log
entry, catalog transactions) are recorded with strace and every prefix is replayed in a fresh copy; each
must open and recover to the old or the new state, and leave nothing unreferenced after maintenance.

The catalog's SQLite file and its write-ahead log are replayed byte for byte like the rest: SQLite ignores
WAL frames after the last commit frame, so a prefix ending inside a transaction reads as the transaction
before it. The shared-memory index (``-shm``) is written through mmap, invisible to strace, and is rebuilt
by SQLite from the WAL, so the replay deletes it.

A second pass models a power loss on top: at every fsync of the catalog, files under tables/ that were
written but not fsynced since lose their contents. The catalog must never durably name a Delta version
whose files could be lost that way (storage/delta.py ``sync_version`` fsyncs them before it records).

CI replays the prefixes that end at a Delta or fsync operation plus a seeded sample of the others;
``LAKEHOUSE_ALICE_ALL=1`` replays every prefix.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

import pytest

from lakehouse.app import Lakehouse
from lakehouse.config import load_settings
from tests.reliability.fileops import Op, materialise, record
from tests.reliability.invariants import check_no_orphans, check_recovered, maintain
from tests.reliability.scenarios import BY_NAME, rows
from tests.services import service_missing

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import os, sys
from lakehouse.app import Lakehouse
from lakehouse.config import load_settings
from tests.reliability.scenarios import batched
lh = Lakehouse(load_settings(None, data_dir=sys.argv[1], query={"workers": 1}))
os.write(1, b"BEGIN\\n")
lh.write_table("people", batched(None, 1000))
os.write(1, b"END\\n")
lh.close()
"""


def _settings(data_dir: Path):  # type: ignore[no-untyped-def]
    return load_settings(None, data_dir=data_dir, query={"workers": 1})


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and not p.name.endswith("-shm")}


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Op]]:
    if shutil.which("strace") is None:
        service_missing("strace", "needed to record file operations (apt-get install strace; .ci/run does)")
    work = tmp_path_factory.mktemp("alice")
    live, base = work / "live", work / "base"
    with Lakehouse(_settings(live)) as lh:
        lh.write_table("people", rows(range(50)))
    shutil.copytree(live, base)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    ops = record([sys.executable, "-c", CHILD, str(live)], live, work / "trace.txt", env)
    return live, base, ops


def test_replaying_every_operation_reproduces_the_files(recording, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The recorder's own check: all operations applied to the starting copy give the files the process
    left, byte for byte (so a prefix is what a crash at that point leaves)."""
    live, base, ops = recording
    markers = [op.data for op in ops if op.kind == "marker"]
    assert markers == [b"BEGIN\n", b"END\n"], markers
    assert {op.kind for op in ops} >= {"write", "rename", "link", "unlink", "fsync"}
    materialise(base, [op for op in ops if op.kind != "marker"], live, tmp_path / "replayed")
    assert _files(tmp_path / "replayed") == _files(live)


def _prefixes(ops: list[Op]) -> list[int]:
    begin, end = (i for i, op in enumerate(ops) if op.kind == "marker")
    every = list(range(begin + 1, end + 1))
    if os.environ.get("LAKEHOUSE_ALICE_ALL"):
        return every
    delta_or_sync = [k for k in every if ops[k - 1].kind != "write" or "/tables/" in ops[k - 1].path]
    rest = sorted(set(every) - set(delta_or_sync))
    return sorted(set(delta_or_sync) | set(random.Random("alice").sample(rest, min(3, len(rest)))))


@pytest.mark.slow
def test_every_prefix_recovers_to_the_old_or_the_new_version(recording, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    live, base, ops = recording
    scenario = BY_NAME["append"]
    outcomes: dict[int, str] = {}
    for k in _prefixes(ops):
        target = tmp_path / f"prefix-{k}"
        materialise(base, [op for op in ops[:k] if op.kind != "marker"], live, target)
        for shm in target.rglob("*-shm"):
            shm.unlink()
        with Lakehouse(_settings(target)) as lh:
            outcomes[k] = check_recovered(lh, scenario)[0]
            maintain(lh)
            check_no_orphans(lh)
            assert check_recovered(lh, scenario)[0] == outcomes[k]
        shutil.rmtree(target)
    assert set(outcomes.values()) == {"before", "after"}, outcomes
    flips = [k for k in sorted(outcomes) if outcomes[k] == "after"]
    assert all(outcomes[k] == "after" for k in outcomes if k >= flips[0]), f"a later prefix went back: {outcomes}"


def test_power_loss_never_leaves_the_catalog_naming_lost_files(recording, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    live, base, ops = recording
    scenario = BY_NAME["append"]
    begin, end = (i for i, op in enumerate(ops) if op.kind == "marker")
    # every fsync of the catalog (with synchronous=FULL), and the end of the operation (with NORMAL, the WAL
    # is fsynced only at checkpoints: the model keeps SQLite's bytes, so the catalog's commit survives)
    points = [k + 1 for k in range(begin, end) if ops[k].kind == "fsync" and "catalog.db" in ops[k].path] + [end]
    outcomes = {}
    for k in points:
        target = tmp_path / f"loss-{k}"
        materialise(base, [op for op in ops[:k] if op.kind != "marker"], live, target, lose_unsynced="/tables/")
        for shm in target.rglob("*-shm"):
            shm.unlink()
        with Lakehouse(_settings(target)) as lh:
            outcomes[k] = check_recovered(lh, scenario)[0]
        shutil.rmtree(target)
    assert "after" in outcomes.values(), f"no point after the catalog commit was replayed: {outcomes}"
