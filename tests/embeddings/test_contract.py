"""One contract, every registered embedder: the local model for real, Ollama and OpenAI-compatible
servers through a loopback server speaking their documented APIs. A new entry point fails here until
it is added to ``SETUPS``."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from lakehouse.config import EmbedderEndpoint, EmbeddingsSettings
from lakehouse.embeddings import EmbedderRegistry
from lakehouse.embeddings.base import Embedder
from tests.embeddings.fake_server import fake_server

SETUPS = ("local", "ollama", "openai")
TEXTS = ["Registered nurse on night shifts.", "Welder on construction sites.", "", "Accountant closing books.",
         "naïve café — ünïcode ✓", "x" * 2000, "Python engineer building data pipelines."]


@pytest.fixture(scope="module")
def loopback() -> Iterator[str]:
    with fake_server() as (url, _behaviour):
        yield url


@pytest.fixture(params=SETUPS)
def embedder(request: pytest.FixtureRequest, loopback: str) -> Embedder:
    settings = EmbeddingsSettings(batch_size=3, timeout_seconds=5.0, retries=1, backoff_seconds=0.01,
                                  ollama=EmbedderEndpoint(url=loopback, model="fake-embed"),
                                  openai=EmbedderEndpoint(url=f"{loopback}/v1", model="fake-embed"))
    return EmbedderRegistry(settings).get(request.param)


def test_every_registered_embedder_is_covered() -> None:
    assert set(EmbedderRegistry(EmbeddingsSettings()).names()) <= set(SETUPS)


def test_reports_name_model_and_dimension(embedder: Embedder) -> None:
    described = embedder.describe()
    assert described == {"name": embedder.name, "model": embedder.model, "dim": embedder.dim}
    assert embedder.name in SETUPS and embedder.model and embedder.dim > 0


def test_batches_keep_order_shape_and_dtype(embedder: Embedder) -> None:
    batch = embedder.embed(TEXTS)  # more texts than one batch
    assert batch.shape == (len(TEXTS), embedder.dim) and batch.dtype == np.float32
    assert np.isfinite(batch).all()
    for i in (0, 3, 6):  # each row is that text's own vector, whatever batch it travelled in
        np.testing.assert_allclose(batch[i], embedder.embed([TEXTS[i]])[0], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(embedder.embed_query(TEXTS[1]), batch[1], rtol=1e-4, atol=1e-5)
    assert embedder.embed([]).shape == (0, embedder.dim)


def test_deterministic(embedder: Embedder) -> None:
    np.testing.assert_array_equal(embedder.embed(TEXTS[:2]), embedder.embed(TEXTS[:2]))
