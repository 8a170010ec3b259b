"""Embedding providers behind one interface: ``local`` (offline default), ``ollama``, ``openai``."""

from lakehouse.embeddings.base import Embedder, EmbedderError, EmbedderUnavailable
from lakehouse.embeddings.registry import ENTRY_POINT_GROUP, EmbedderRegistry

__all__ = ["ENTRY_POINT_GROUP", "Embedder", "EmbedderError", "EmbedderRegistry", "EmbedderUnavailable"]
