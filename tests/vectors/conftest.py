from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pytest

from lakehouse.embeddings.base import Embedder

DIM = 32


class HashEmbedder(Embedder):
    """Deterministic bag-of-words vectors: texts sharing words are close. Not a real model."""

    name = "hash"
    model = "hash-bow-32"

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    @property
    def dim(self) -> int:
        return DIM

    def _embed(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little")
                out[i, h % DIM] += 1.0 + (h >> 8) % 3
        return out


WORDS = ["nurse", "python", "welder", "forklift", "paralegal", "teacher", "accountant", "engineer",
         "kubernetes", "payroll", "litigation", "classroom", "icu", "cloud", "safety", "audit"]


def corpus(n: int, seed: int = 0) -> pa.Table:
    rng = np.random.default_rng(seed)
    texts = [" ".join(rng.choice(WORDS, size=12)) + f". Candidate number {i} is available." for i in range(n)]
    return pa.table({"doc_id": pa.array(range(n), pa.int64()), "body": texts,
                     "state": pa.array(["TX" if i % 4 == 0 else "CA" for i in range(n)]),
                     "years": pa.array([i % 20 for i in range(n)], pa.int64())})


@pytest.fixture
def embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def vlh(lakehouse, embedder) -> Iterator[object]:  # type: ignore[no-untyped-def]
    lakehouse.vectors.embedders.register("hash", lambda settings: embedder)
    yield lakehouse


def build(lh, name: str = "idx", dataset: str = "docs", n: int = 300, **extra):  # type: ignore[no-untyped-def]
    if n:
        lh.write_table(dataset, corpus(n), mode="overwrite")
    spec = {"index_name": name, "dataset": dataset, "id_column": "doc_id", "text_column": "body",
            "embedder": "hash", "chunk_size": 200, "overlap": 20, **extra}
    job = lh.create_vector_index(spec, wait=True)
    assert job.status == "succeeded", job.error
    return job
