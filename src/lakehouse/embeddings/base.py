"""The embedder interface: a named provider that turns texts into float32 vectors of a fixed dimension."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

import numpy as np

from lakehouse.errors import LakehouseError


class EmbedderError(LakehouseError):
    """The model server is down, timed out, lacks the model, or answered something unusable."""

    code = "embedder_error"
    http_status = 502


class EmbedderUnavailable(EmbedderError):
    code = "embedder_unavailable"
    http_status = 503


class Embedder(ABC):
    """``name`` is the registry name (``local``, ``ollama``, ``openai``); ``model`` identifies the
    weights, so an index can refuse queries embedded by another model."""

    name: str
    model: str

    @property
    @abstractmethod
    def dim(self) -> int: ...

    @abstractmethod
    def _embed(self, texts: list[str]) -> np.ndarray: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """An ``(n, dim)`` float32 matrix, one row per text, checked for shape and finiteness."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._embed(list(texts)), dtype=np.float32)
        return check_vectors(vectors, len(texts), self.dim, f"{self.name} embedder (model '{self.model}')")

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    def describe(self) -> dict[str, object]:
        return {"name": self.name, "model": self.model, "dim": self.dim}


def check_vectors(vectors: np.ndarray, n: int, dim: int | None, source: str) -> np.ndarray:
    if vectors.ndim != 2 or vectors.shape[0] != n:
        raise EmbedderError(f"{source} returned {vectors.shape[0] if vectors.ndim else 0} vectors for {n} texts.")
    if dim is not None and vectors.shape[1] != dim:
        raise EmbedderError(
            f"{source} returned vectors of dimension {vectors.shape[1]}, expected {dim}.",
            hint="The server may be serving a different model than configured.",
        )
    if not np.isfinite(vectors).all():
        raise EmbedderError(f"{source} returned NaN or infinite values.")
    return vectors
