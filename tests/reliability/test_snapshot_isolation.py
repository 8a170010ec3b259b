"""Snapshot isolation: readers querying in a loop while a writer appends, tombstones, overwrites, restores
and optimizes; every read sees exactly one committed version (its row count and id checksum equal one
state of an independent model of the history), never a mix. Readers go through the library (two threads)
and over HTTP (one thread against a real server on loopback). Loops stop when the writer is done, and
after at most MAX_READS reads or DEADLINE seconds each."""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx

from lakehouse.app import Lakehouse
from tests.live_server import serving
from tests.reliability.scenarios import rows

MAX_READS, DEADLINE = 400, 120.0
QUERY = "SELECT count(*) AS n, coalesce(sum(id), 0) AS s FROM people"


class Model:
    """The history as plain Python sets: contents per version, and the tombstoned keys."""

    def __init__(self, ids: range):
        self.versions: list[set[int]] = [set(ids)]
        self.erased: set[int] = set()
        self.states: set[tuple[int, int]] = {self.visible(self.versions[0])}

    def visible(self, ids: set[int]) -> tuple[int, int]:
        kept = ids - self.erased
        return len(kept), sum(kept)

    def commit(self, ids: set[int]) -> None:
        self.versions.append(ids)
        self.states.add(self.visible(ids))

    def tombstone(self, keys: set[int]) -> None:
        self.erased |= keys
        self.states.add(self.visible(self.versions[-1]))


def write_history(lh: Lakehouse, model: Model, settle: Any = lambda: None) -> None:
    """``settle`` runs after each commit: it waits until every reader has read again, so reads overlap
    every version (without it a fast writer could finish before the readers started)."""
    versions = {0: 0}  # model index -> table version
    lh.write_table("people", rows(range(100, 200)))
    model.commit(model.versions[-1] | set(range(100, 200)))
    settle()
    versions[1] = lh.get_dataset("people").version
    lh.tombstone("people", "id", list(range(5)), "erasure request")
    model.tombstone(set(range(5)))
    settle()
    lh.write_table("people", rows(range(1000, 1300)), mode="overwrite")
    model.commit(set(range(1000, 1300)))
    settle()
    lh.write_table("people", rows(range(2000, 2100)))
    model.commit(model.versions[-1] | set(range(2000, 2100)))
    settle()
    lh.restore_dataset("people", versions[1])
    model.commit(set(model.versions[1]))
    settle()
    for part in range(3):
        lh.write_table("people", rows(range(3000 + part * 10, 3010 + part * 10)))
        model.commit(model.versions[-1] | set(range(3000 + part * 10, 3010 + part * 10)))
        settle()
    lh.optimize_dataset("people")
    model.commit(set(model.versions[-1]))
    settle()


def read_loop(read: Any, done: threading.Event, seen: list[tuple[int, int]], errors: list[BaseException],
              progress: threading.Condition) -> None:
    deadline = time.monotonic() + DEADLINE
    try:
        for _ in range(MAX_READS):
            seen.append(read())
            with progress:
                progress.notify_all()
            if done.is_set() or time.monotonic() > deadline:
                seen.append(read())  # one more after the last commit
                return
    except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
        errors.append(exc)


def test_every_read_sees_one_committed_version(make_settings) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(query={"workers": 2})
    with Lakehouse(settings) as lh:
        lh.write_table("people", rows(range(100)))
        model = Model(range(100))
        with serving(lh) as url, httpx.Client(base_url=url, timeout=60) as http:
            def library_read() -> tuple[int, int]:
                table = lh.sql(QUERY).table
                return int(table.column("n")[0].as_py()), int(table.column("s")[0].as_py())

            def http_read() -> tuple[int, int]:
                response = http.post("/query/sql", json={"sql": QUERY})
                assert response.status_code == 200, response.text
                n, s = response.json()["rows"][0]
                return int(n), int(s)

            done = threading.Event()
            errors: list[BaseException] = []
            seen: dict[str, list[tuple[int, int]]] = {"lib-1": [], "lib-2": [], "http": []}
            progress = threading.Condition()
            readers = [threading.Thread(target=read_loop, args=(library_read if name != "http" else http_read,
                                                                 done, seen[name], errors, progress), name=name)
                       for name in seen]

            def settle() -> None:
                marks = {name: len(states) for name, states in seen.items()}
                with progress:
                    progress.wait_for(lambda: errors or all(len(seen[n]) > marks[n] + 1 for n in seen), timeout=30)
            for reader in readers:
                reader.start()
            try:
                write_history(lh, model, settle)
            finally:
                done.set()
                for reader in readers:
                    reader.join(timeout=DEADLINE + 30)
    assert not errors, errors
    for name, states in seen.items():
        assert states, f"{name} read nothing"
        mixed = [s for s in states if s not in model.states]
        assert not mixed, f"{name} saw states no version has: {mixed[:5]} (versions: {sorted(model.states)})"
    final = model.visible(model.versions[-1])
    assert all(states[-1] == final for states in seen.values()), "a read after the last commit missed it"
    distinct = set().union(*map(set, seen.values()))
    assert len(distinct) >= 3, f"the readers saw only {distinct}: they did not overlap the writes"
