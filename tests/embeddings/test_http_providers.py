from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest

from lakehouse.config import EmbedderEndpoint, EmbeddingsSettings
from lakehouse.embeddings import EmbedderError, EmbedderRegistry, EmbedderUnavailable
from lakehouse.embeddings.http import OllamaEmbedder, OpenAIEmbedder
from lakehouse.errors import InvalidInput
from tests.embeddings.fake_server import Behaviour, fake_server, vector


@pytest.fixture
def server() -> Iterator[tuple[str, Behaviour]]:
    with fake_server() as pair:
        yield pair


def settings(url: str, **extra) -> EmbeddingsSettings:  # type: ignore[no-untyped-def]
    base = {"batch_size": 2, "timeout_seconds": 2.0, "retries": 2, "backoff_seconds": 0.01,
            "ollama": EmbedderEndpoint(url=url, model="fake-embed"),
            "openai": EmbedderEndpoint(url=f"{url}/v1", model="fake-embed")}
    return EmbeddingsSettings(**{**base, **extra})


@pytest.mark.parametrize("name", ["ollama", "openai"])
def test_batches_and_vectors_match_the_server(server, name) -> None:  # type: ignore[no-untyped-def]
    url, b = server
    embedder = EmbedderRegistry(settings(url)).get(name)
    texts = ["alpha", "beta", "gamma", "delta", "epsilon"]
    out = embedder.embed(texts)
    assert out.shape == (5, 8) and out.dtype == np.float32
    np.testing.assert_allclose(out[3], vector("delta", 8), rtol=1e-6)  # order kept (openai answers reversed)
    assert b.batches == [2, 2, 1]
    assert embedder.dim == 8 and embedder.model == "fake-embed"


def test_retries_with_backoff_then_succeeds(server) -> None:  # type: ignore[no-untyped-def]
    url, b = server
    b.fail_status = [503, 429]
    out = OllamaEmbedder(settings(url), settings(url).ollama).embed(["x"])
    assert out.shape == (1, 8) and b.requests == 3


def test_server_down_names_url_and_model() -> None:
    s = settings("http://127.0.0.1:9", retries=1)
    with pytest.raises(EmbedderUnavailable) as info:
        OpenAIEmbedder(s, s.openai).embed(["x"])
    assert "http://127.0.0.1:9/v1/embeddings" in info.value.message and "fake-embed" in info.value.message


def test_timeout_is_reported(server) -> None:  # type: ignore[no-untyped-def]
    url, b = server
    b.delay = 0.5
    s = settings(url, timeout_seconds=0.1, retries=1)
    with pytest.raises(EmbedderUnavailable, match="timed out"):
        OllamaEmbedder(s, s.ollama).embed(["x"])


def test_missing_model_is_a_clear_error(server) -> None:  # type: ignore[no-untyped-def]
    url, _ = server
    s = settings(url, ollama=EmbedderEndpoint(url=url, model="nomic-embed-text"))
    with pytest.raises(EmbedderError) as info:
        OllamaEmbedder(s, s.ollama).embed(["x"])
    assert "nomic-embed-text" in info.value.message and "404" in info.value.message


def test_wrong_sized_vectors_are_refused(server) -> None:  # type: ignore[no-untyped-def]
    url, b = server
    b.wrong_dim_at = 2
    embedder = OpenAIEmbedder(settings(url), settings(url).openai)
    with pytest.raises(EmbedderError, match="dimension 9, expected 8"):
        embedder.embed(["a", "b", "c"])


def test_unknown_embedder_lists_the_known_ones() -> None:
    with pytest.raises(InvalidInput, match="Unknown embedder 'nope'") as info:
        EmbedderRegistry(EmbeddingsSettings()).get("nope")
    assert "local, ollama, openai" in (info.value.hint or "")
