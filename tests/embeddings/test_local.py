"""The real packaged MiniLM model, offline."""

from __future__ import annotations

import numpy as np
import pytest

from lakehouse.config import EmbeddingsSettings
from lakehouse.embeddings import EmbedderRegistry


@pytest.fixture(scope="module")
def local():  # type: ignore[no-untyped-def]
    return EmbedderRegistry(EmbeddingsSettings()).get("local")


def test_local_model_is_offline_and_semantic(local) -> None:  # type: ignore[no-untyped-def]
    assert local.name == "local" and local.model == "all-MiniLM-L6-v2" and local.dim == 384
    docs = local.embed(["Registered nurse caring for ICU patients on night shifts.",
                        "Certified welder fabricating steel structures on construction sites.",
                        "Accountant closing the monthly books and reconciling ledgers."])
    assert docs.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(docs, axis=1), 1.0, rtol=1e-4)
    query = local.embed_query("hospital nursing experience")
    assert int(np.argmax(docs @ query)) == 0
    assert int(np.argmax(docs @ local.embed_query("bookkeeping and finance"))) == 2


def test_registry_hands_out_one_instance() -> None:
    registry = EmbedderRegistry(EmbeddingsSettings())
    assert registry.get("local") is registry.get()


def test_query_fast_path_matches_encode(local) -> None:  # type: ignore[no-untyped-def]
    """``embed_query`` skips sentence-transformers' encode loop; the vector must be the same one."""
    for text in ("registered nurse with ICU experience", "x", "a much longer query about welding " * 30):
        np.testing.assert_allclose(local.embed_query(text), local.embed([text])[0], atol=1e-6)
