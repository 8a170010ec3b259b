"""The operations the kill sweep interrupts: how each one's starting data dir is made (``prepare``, in the
test process), the operation itself (``run``, in the child that gets killed), and the two states a reader
may find afterwards (the one before it and the one after it), each built from the data the scenario
generated, never by the code under test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from tests.reliability.crashpoints import CrashPoints

SCHEMA = pa.schema([("id", pa.int64()), ("name", pa.string())])
DIM = 8
BATCHES, BATCH_ROWS = 12, 25


def rows(ids: range) -> pa.Table:
    return pa.table({"id": pa.array(list(ids), pa.int64()), "name": [f"person-{i}" for i in ids]}, schema=SCHEMA)


def state(ids: range | list[int]) -> tuple[int, int]:
    """(row count, sum of ids): what a read of the dataset must give, for one version."""
    values = list(ids)
    return len(values), sum(values)


def batched(points: CrashPoints | None, first: int) -> pa.RecordBatchReader:
    """A source that yields BATCHES batches, one crash point before each (the writer pulls them)."""

    def gen() -> Iterator[pa.RecordBatch]:
        for b in range(BATCHES):
            if points is not None:
                points.step(f"batch:{b}")
            start = first + b * BATCH_ROWS
            yield rows(range(start, start + BATCH_ROWS)).to_batches()[0]

    return pa.RecordBatchReader.from_batches(SCHEMA, gen())


def new_ids(first: int) -> range:
    return range(first, first + BATCHES * BATCH_ROWS)


def vectors(ids: range) -> pa.Table:
    rng = np.random.default_rng(7)
    matrix = rng.normal(size=(ids.stop, DIM)).astype(np.float32)[ids.start:ids.stop]
    return pa.table({"id": pa.array(list(ids), pa.int64()),
                     "v": pa.array([list(map(float, v)) for v in matrix], pa.list_(pa.float32(), DIM))})


def unit_vector(doc: int) -> list[float]:
    rng = np.random.default_rng(7)
    return [float(x) for x in rng.normal(size=(doc + 1, DIM)).astype(np.float32)[doc]]


INDEX = {"index_name": "docs_idx", "dataset": "docs", "id_column": "id", "vector_column": "v", "metric": "cosine"}
VIEWS = [f"view_{i}" for i in range(6)]


@dataclass
class Scenario:
    name: str
    prepare: Callable[[Any], None]
    run: Callable[[Any, CrashPoints], None]
    dataset: str | None = None
    before: tuple[int, int] | None = None  # None: the dataset did not exist (before) / no longer exists (after)
    after: tuple[int, int] | None = None
    raw: bool = False  # compare the raw table (purge changes what admins see as __raw__ only)
    index: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _people(lh: Any) -> None:
    lh.write_table("people", rows(range(50)))


def _restore_base(lh: Any) -> None:
    _people(lh)
    lh.write_table("people", rows(range(50, 100)))


def _small_files(lh: Any) -> None:
    for part in range(6):
        lh.write_table("people", rows(range(part * 10, part * 10 + 10)))


def _tombstoned(lh: Any) -> None:
    lh.write_table("people", rows(range(100)))
    lh.tombstone("people", "id", list(range(10)), "erasure request")


def _indexed(lh: Any) -> None:
    lh.write_table("docs", vectors(range(60)))
    job = lh.create_vector_index(INDEX, wait=True)
    assert job.status == "succeeded", job.error


def _stale_index(lh: Any) -> None:
    _indexed(lh)
    lh.write_table("docs", vectors(range(60, 90)))


def _catalog_writes(lh: Any, points: CrashPoints) -> None:
    for i, view in enumerate(VIEWS):
        lh.create_view({"name": view, "base_dataset": "people", "columns": ["id", "name"],
                        "row_filter": f"id >= {i}"})
        points.step(f"view:{view}")


SCENARIOS = [
    Scenario("append", _people, lambda lh, p: lh.write_table("people", batched(p, 1000)), "people",
             state(range(50)), state([*range(50), *new_ids(1000)])),
    Scenario("overwrite", _people, lambda lh, p: lh.write_table("people", batched(p, 5000), mode="overwrite"),
             "people", state(range(50)), state(new_ids(5000))),
    Scenario("create", _people, lambda lh, p: lh.write_table("fresh", batched(p, 0)), "fresh",
             None, state(new_ids(0))),
    Scenario("restore", _restore_base, lambda lh, p: lh.restore_dataset("people", 0), "people",
             state(range(100)), state(range(50))),
    Scenario("optimize", _small_files, lambda lh, p: lh.optimize_dataset("people"), "people",
             state(range(60)), state(range(60))),
    Scenario("purge", _tombstoned, lambda lh, p: lh.purge("people", wait=True), "people",
             state(range(100)), state(range(10, 100)), raw=True),
    Scenario("index_build", _indexed, lambda lh, p: lh.create_vector_index(INDEX, wait=True), "docs",
             state(range(60)), state(range(60)), index=True, extra={"docs": (60, 60)}),
    Scenario("index_refresh", _stale_index, lambda lh, p: lh.refresh_vectors("docs", wait=True), "docs",
             state(range(90)), state(range(90)), index=True, extra={"docs": (60, 90)}),
    Scenario("catalog", _people, _catalog_writes, "people", state(range(50)), state(range(50))),
    Scenario("delete", _people, lambda lh, p: lh.delete_dataset("people"), "people", state(range(50)), None),
]
BY_NAME = {s.name: s for s in SCENARIOS}
