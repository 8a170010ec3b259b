"""Recall drift: new data the champion was not tuned for drops recall on the live set (real queries); the
wake notices it, the agent runs, and the new champion meets the target again on queries it never saw."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from lakehouse.app import Lakehouse
from tests.agents.conftest import open_agent_lakehouse

DIM = 32


def table(vectors: np.ndarray, start: int) -> pa.Table:
    return pa.table({"id": pa.array([str(start + i) for i in range(len(vectors))]),
                     "v": pa.array(list(vectors.astype(np.float32)), pa.list_(pa.float32()))})


def near_duplicates(rng: np.random.Generator, n: int) -> np.ndarray:
    """Points crowded around a few centres: telling their neighbours apart takes a wide search."""
    centres = rng.standard_normal((4, DIM)) * 3
    return centres[rng.integers(0, 4, n)] + rng.standard_normal((n, DIM)) * 0.05


def recall(lh: Lakehouse, corpus: np.ndarray, queries: np.ndarray) -> float:
    normed = corpus / np.linalg.norm(corpus, axis=1, keepdims=True)
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
    truth = np.argsort(-(q @ normed.T), axis=1)[:, :10]
    found = sum(len({int(h.doc_id) for h in lh.vector_search("drift", vector=v.tolist(), k=10).hits}
                    & set(t.tolist())) for v, t in zip(queries, truth, strict=True))
    return found / (10 * len(queries))


@pytest.mark.slow
def test_drift_is_noticed_and_tuned_away(make_settings: Any) -> None:
    rng = np.random.default_rng(3)
    lh = open_agent_lakehouse(make_settings, query_log_sample_rate=1.0, live_set_size=200, live_set_minimum=40,
                              m_bounds=[8, 16], ef_construction_bounds=[40, 80], ef_search_bounds=[4, 512])
    try:
        easy = rng.standard_normal((3000, DIM)) * 0.2 + rng.standard_normal(DIM)  # one loose cluster
        lh.write_table("drift", table(easy, 0))
        job = lh.create_vector_index({"index_name": "drift", "dataset": "drift", "id_column": "id",
                                      "vector_column": "v", "recall_target": 0.9, "query_log": True,
                                      "ef_search": 4})
        assert job.status == "succeeded", job.error
        for q in easy[rng.choice(len(easy), 60)] + rng.standard_normal((60, DIM)) * 0.05:
            lh.vector_search("drift", vector=q.tolist(), k=10)
        lh.agent.wake()
        hard = near_duplicates(rng, 3000)
        lh.write_table("drift", table(hard, 3000))
        assert lh.refresh_vectors("drift").status == "succeeded"
        fresh = near_duplicates(np.random.default_rng(5), 200)
        for q in fresh[:150]:
            lh.vector_search("drift", vector=q.tolist(), k=10)
        corpus = np.vstack([easy, hard])
        assert recall(lh, corpus, fresh[150:]) < 0.9  # the old champion misses on the new data
        lh.agent.store.set_state("drift", "settled", "as if tuned before the new data")
        lh.agent.wake()
        assert "recall drift" in (lh.agent.index_status("drift")["reason"] or "")
        for _ in range(30):
            lh.agent.tick()
            if lh.agent.index_status("drift")["state"] == "settled":
                break
        assert recall(lh, corpus, fresh[150:]) >= 0.9 - 0.05, lh.vector_champion("drift")
    finally:
        lh.close()
