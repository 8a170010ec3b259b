"""An agent-enabled lakehouse with a small vector index (the hash embedder: no model, deterministic)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from lakehouse.app import Lakehouse
from tests.vectors.conftest import HashEmbedder

FAST = {"enabled": True, "cooldown_seconds": 0, "global_cooldown_seconds": 0, "max_trials_per_hour": 100,
        "max_trials_per_hour_total": 100, "m_bounds": [8, 16], "ef_construction_bounds": [40, 80],
        "ef_search_bounds": [8, 128], "eval_sample": 60, "wake_seconds": 3600}


def people(start: int = 0, n: int = 3) -> pa.Table:
    ids = list(range(start, start + n))
    return pa.table({"id": ids, "bio": [f"person {i} likes {'chess' if i % 2 else 'hiking'}" for i in ids]})


def open_agent_lakehouse(make_settings: Any, **agent: Any) -> Lakehouse:
    lh = Lakehouse(make_settings(query={"workers": 1, "time_limit_seconds": 30}, catalog={"lock_timeout_seconds": 2},
                                 agent={**FAST, **agent}))
    lh.vectors.embedders.register("hash", lambda settings: HashEmbedder())
    return lh


@pytest.fixture
def agent_lh(make_settings: Any) -> Iterator[Lakehouse]:
    lh = open_agent_lakehouse(make_settings)
    try:
        yield lh
    finally:
        lh.close()


def text_index(lh: Lakehouse, dataset: str = "people", name: str = "bios") -> None:
    job = lh.create_vector_index({"index_name": name, "dataset": dataset, "id_column": "id", "text_column": "bio",
                                  "embedder": "hash"})
    assert job.status == "succeeded", job.error


def vector_index(lh: Lakehouse, n: int = 3000, dim: int = 32, seed: int = 0, name: str = "vecs",
                 **extra: Any) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    lh.write_table(name, pa.table({"id": pa.array([str(i) for i in range(n)]),
                                   "v": pa.array(list(vectors), pa.list_(pa.float32()))}))
    job = lh.create_vector_index({"index_name": name, "dataset": name, "id_column": "id", "vector_column": "v",
                                  "recall_target": 0.9, **extra})
    assert job.status == "succeeded", job.error
    return vectors


def queued_reason(lh: Lakehouse, index: str) -> str | None:
    state = lh.agent.store.state(index)
    return state["reason"] if state is not None and state["state"] == "queued" else None


from tests.connectors.conftest import my, pg  # noqa: E402,F401 - the real PostgreSQL and MariaDB fixtures
