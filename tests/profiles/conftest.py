from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pytest

from lakehouse.app import Lakehouse

DIM = 16


def vectors_table(n: int, seed: int) -> pa.Table:
    rng = np.random.default_rng(seed)
    matrix = rng.normal(size=(n, DIM)).astype(np.float32)
    return pa.table({"id": pa.array([f"{seed}-{i}" for i in range(n)]), "secret": [f"s{i}" for i in range(n)],
                     "v": pa.array(list(matrix), pa.list_(pa.float32(), DIM))})


def open_lakehouse(data_dir: Path, **overrides: object) -> Lakehouse:
    from lakehouse.config import load_settings

    options: dict[str, object] = {"query": {"workers": 1, "time_limit_seconds": 30}, "vectors": {"exact_below": 0}}
    return Lakehouse(load_settings(None, data_dir=data_dir, **{**options, **overrides}))


@pytest.fixture
def plh(tmp_path: Path, ollama_server: Any) -> Iterator[Lakehouse]:
    """Two datasets with their own vectors (an index on each), a view of one with an index, and a third
    dataset nothing binds; the GPU slot talks to the Ollama-compatible test server."""
    lh = open_lakehouse(tmp_path / "data", storage={"profile_root": str(tmp_path / "profiles")},
                        models={"url": ollama_server.url})
    try:
        for name, seed in (("docs", 1), ("notes", 2), ("hidden", 3)):
            lh.write_table(name, vectors_table(300, seed))
            lh.create_vector_index({"index_name": f"{name}_idx", "dataset": name, "id_column": "id",
                                    "vector_column": "v"}, wait=True)
        lh.create_view({"name": "notes_safe", "base_dataset": "notes", "columns": ["id", "v"]})
        lh.create_vector_index({"index_name": "notes_safe_idx", "dataset": "notes_safe", "id_column": "id",
                                "vector_column": "v"}, wait=True)
        yield lh
    finally:
        lh.close()
