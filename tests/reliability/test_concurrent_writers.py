"""Writers in one process, acting for the same actor, appending to one dataset at once (what a server does
for several clients of one token): the dataset lock must keep them one at a time, so every write succeeds
and the rows add up. Found by the soak (bench/load.py --soak): a lock bookkeeping that could not tell two
threads of one actor apart let them write at once, and their clean-ups removed each other's files."""

from __future__ import annotations

import threading

from lakehouse.app import Lakehouse
from tests.reliability.invariants import sql_state
from tests.reliability.scenarios import rows, state

THREADS, WRITES, ROWS = 6, 8, 10


def test_same_actor_threads_take_turns(make_settings) -> None:  # type: ignore[no-untyped-def]
    with Lakehouse(make_settings(query={"workers": 1}, catalog={"lock_timeout_seconds": 120})) as lh:
        lh.write_table("shared", rows(range(5)))
        errors: list[BaseException] = []

        def writer(t: int) -> None:
            try:
                for w in range(WRITES):
                    first = 1000 * (t + 1) + w * ROWS
                    lh.write_table("shared", rows(range(first, first + ROWS)))
            except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(t,)) for t in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not errors, errors
        expected = [*range(5)] + [1000 * (t + 1) + w * ROWS + i for t in range(THREADS) for w in range(WRITES)
                                  for i in range(ROWS)]
        assert sql_state(lh, "shared") == state(expected)
        assert lh.get_dataset("shared").row_count == len(expected)
        assert lh.catalog.pending_intents() == []
