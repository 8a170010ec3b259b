"""Catalog state machine: hypothesis drives create / append / overwrite / tombstone / restore a tombstone /
restore a version / purge / delete datasets, views, grants and vector indexes, and restarts, against a
plain-Python model; after every step what the lakehouse lists and what SQL reads must equal the model.
Runs over SQLite and PostgreSQL catalogs; bounded by EXAMPLES (and the hypothesis profile) and STEPS."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from lakehouse.app import Lakehouse
from lakehouse.config import load_settings
from tests.services import postgres_database

STEPS = 10
# Each example is a fresh lakehouse doing real writes (~5 s): a few in CI, more with LAKEHOUSE_STATEFUL_EXAMPLES.
EXAMPLES = int(os.environ.get("LAKEHOUSE_STATEFUL_EXAMPLES", "4"))
DIM = 4


def table(ids: list[int]) -> pa.Table:
    vectors = [[float((i * 7 + j) % 11) + 1.0 for j in range(DIM)] for i in ids]
    return pa.table({"id": pa.array(ids, pa.int64()), "name": [f"n{i}" for i in ids],
                     "v": pa.array(vectors, pa.list_(pa.float32(), DIM))})


@dataclass
class DatasetModel:
    versions: list[set[int]]  # physical contents per restorable version (a purge cuts the history)
    erased: dict[int, bool] = field(default_factory=dict)  # tombstoned key -> purged

    def visible(self) -> tuple[int, int]:
        kept = self.versions[-1] - set(self.erased)
        return len(kept), sum(kept)


def _state(lh: Lakehouse, relation: str) -> tuple[int, int]:
    t = lh.sql(f'SELECT count(*) AS n, coalesce(sum(id), 0) AS s FROM "{relation}"').table  # noqa: S608
    return int(t.column("n")[0].as_py()), int(t.column("s")[0].as_py())


class CatalogMachine(RuleBasedStateMachine):
    catalog_urls: Iterator[str]  # set per test: a fresh catalog database per example

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="lh-state-"))
        self.url_source = self.catalog_urls()  # type: ignore[call-arg,operator]
        url = next(self.url_source)
        self.settings = load_settings(None, data_dir=self.dir, catalog={"url": url}, query={"workers": 1})
        self.lh = Lakehouse(self.settings)
        self.datasets: dict[str, DatasetModel] = {}
        self.views: dict[str, str] = {}
        self.grants: dict[tuple[str, str], int] = {}
        self.indexes: dict[str, str] = {}
        self.counter = 0

    @initialize()
    def principal(self) -> None:
        self.lh.create_token("analyst", "reader")

    def teardown(self) -> None:
        self.lh.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        self.url_source.close()  # drops a PostgreSQL database

    def _ids(self, n: int) -> list[int]:
        self.counter += 1
        return list(range(self.counter * 1000, self.counter * 1000 + n))

    # Datasets -------------------------------------------------------------------------------
    @precondition(lambda self: len(self.datasets) < 3)
    @rule(n=st.integers(1, 30))
    def create(self, n: int) -> None:
        name = f"ds_{self.counter}"
        ids = self._ids(n)
        self.lh.write_table(name, table(ids))
        self.datasets[name] = DatasetModel([set(ids)])

    @precondition(lambda self: self.datasets)
    @rule(data=st.data(), n=st.integers(1, 20), overwrite=st.booleans())
    def write(self, data: st.DataObject, n: int, overwrite: bool) -> None:
        name = data.draw(st.sampled_from(sorted(self.datasets)))
        ids = self._ids(n)
        self.lh.write_table(name, table(ids), mode="overwrite" if overwrite else "append")
        model = self.datasets[name]
        model.versions.append(set(ids) if overwrite else model.versions[-1] | set(ids))

    @precondition(lambda self: self.datasets)
    @rule(data=st.data())
    def tombstone(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(self.datasets)))
        model = self.datasets[name]
        live = sorted(model.versions[-1] - set(model.erased))
        if not live:
            return
        keys = data.draw(st.lists(st.sampled_from(live), min_size=1, max_size=3, unique=True))
        self.lh.tombstone(name, "id", keys, "state machine")
        model.erased.update({k: False for k in keys})

    @precondition(lambda self: any(not p for m in self.datasets.values() for p in m.erased.values()))
    @rule(data=st.data())
    def restore_tombstone(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(n for n, m in self.datasets.items()
                                                if any(not p for p in m.erased.values()))))
        rows = [r for r in self.lh.list_tombstones(name) if r["purged_at"] is None]
        row = data.draw(st.sampled_from(sorted(rows, key=lambda r: r["id"])))
        self.lh.restore_tombstone(name, row["id"])
        del self.datasets[name].erased[int(row["value"])]

    @precondition(lambda self: any(len(m.versions) > 1 for m in self.datasets.values()))
    @rule(data=st.data())
    def restore_version(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(n for n, m in self.datasets.items() if len(m.versions) > 1)))
        model = self.datasets[name]
        back = data.draw(st.integers(1, len(model.versions) - 1))
        history = [h.version for h in self.lh.history(name, limit=1000)]  # newest first
        target = model.versions[-1 - back]
        self.lh.restore_dataset(name, history[back])
        model.versions.append(set(target))

    @precondition(lambda self: any(m.erased for m in self.datasets.values()))
    @rule(data=st.data())
    def purge(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(n for n, m in self.datasets.items() if m.erased)))
        job = self.lh.purge(name, wait=True)
        assert job.status == "succeeded", job.error
        model = self.datasets[name]
        model.versions = [model.versions[-1] - set(model.erased)]  # older versions are no longer restorable
        model.erased = {k: True for k in model.erased}

    @precondition(lambda self: self.datasets)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        free = sorted(n for n in self.datasets if n not in self.views.values() and n not in self.indexes.values()
                      and not any(obj == n for _, obj in self.grants))
        if not free:
            return
        name = data.draw(st.sampled_from(free))
        self.lh.delete_dataset(name)
        del self.datasets[name]

    # Views, grants, indexes -------------------------------------------------------------------
    @precondition(lambda self: self.datasets and len(self.views) < 3)
    @rule(data=st.data())
    def create_view(self, data: st.DataObject) -> None:
        base = data.draw(st.sampled_from(sorted(self.datasets)))
        name = f"view_{self.counter}"
        self.counter += 1
        self.lh.create_view({"name": name, "base_dataset": base, "columns": ["id", "name"]})
        self.views[name] = base

    @precondition(lambda self: self.views)
    @rule(data=st.data())
    def delete_view(self, data: st.DataObject) -> None:
        name = data.draw(st.sampled_from(sorted(self.views)))
        self.lh.delete_view(name)
        del self.views[name]
        for key in [k for k in self.grants if k[1] == name]:
            self.lh.remove_grant(self.grants.pop(key))

    @precondition(lambda self: self.datasets or self.views)
    @rule(data=st.data())
    def grant(self, data: st.DataObject) -> None:
        choices = [("dataset", n) for n in self.datasets] + [("view", n) for n in self.views]
        kind, name = data.draw(st.sampled_from(sorted(choices)))
        if (kind, name) in self.grants:
            self.lh.remove_grant(self.grants.pop((kind, name)))
        else:
            self.grants[(kind, name)] = int(self.lh.add_grant("analyst", kind, name)["id"])

    @precondition(lambda self: self.datasets and not self.indexes)
    @rule(data=st.data())
    def create_index(self, data: st.DataObject) -> None:
        dataset = data.draw(st.sampled_from(sorted(self.datasets)))
        if self.datasets[dataset].visible()[0] == 0:
            return
        job = self.lh.create_vector_index({"index_name": "idx", "dataset": dataset, "id_column": "id",
                                           "vector_column": "v"}, wait=True)
        assert job.status == "succeeded", job.error
        self.indexes["idx"] = dataset

    @precondition(lambda self: self.indexes)
    @rule()
    def delete_index(self) -> None:
        self.lh.delete_vector_index("idx")
        self.indexes.clear()

    @rule()
    def restart(self) -> None:
        self.lh.close()
        self.lh = Lakehouse(self.settings)

    # What must always hold --------------------------------------------------------------------
    @invariant()
    def matches_the_model(self) -> None:
        lh = self.lh
        assert sorted(m.name for m in lh.list_datasets()) == sorted(self.datasets)
        for name, model in self.datasets.items():
            assert _state(lh, name) == model.visible(), name
            assert lh.get_dataset(name).row_count == len(model.versions[-1]), name
            assert {int(r["value"]) for r in lh.list_tombstones(name)} == set(model.erased), name
        assert sorted(v.name for v in lh.list_views()) == sorted(self.views)
        for view, base in self.views.items():
            assert _state(lh, view) == self.datasets[base].visible(), view
        grants = {(g["kind"], g["object"]): g["id"] for g in lh.list_grants("analyst")}
        assert grants == self.grants
        assert {i.index_name: i.dataset for i in lh.list_vector_indexes()} == self.indexes
        assert lh.catalog.pending_intents() == []


def _run(urls: object) -> None:
    machine = type("Machine", (CatalogMachine,), {"catalog_urls": staticmethod(urls)})
    machine.TestCase.settings = settings(settings.default, stateful_step_count=STEPS,
                                         max_examples=min(EXAMPLES, settings.default.max_examples))
    machine.TestCase().runTest()


@pytest.mark.slow
def test_sqlite_catalog_follows_the_model() -> None:
    def urls() -> Iterator[str]:
        folder = Path(tempfile.mkdtemp(prefix="lh-state-cat-"))
        try:
            yield f"sqlite:///{folder / 'catalog.db'}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    _run(urls)


@pytest.mark.slow
@pytest.mark.postgres
def test_postgresql_catalog_follows_the_model() -> None:
    _run(postgres_database)


