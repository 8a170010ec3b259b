"""Wire shapes of model profiles: the request that creates one and the manifest every reader gets."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from lakehouse.vectors.backend import BACKENDS
from lakehouse.wire import UtcTime


class Binding(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["dataset", "view"]
    name: str


class AnnConfig(BaseModel):
    """The profile's HNSW config; any field left out is the index's champion (or the defaults)."""

    model_config = ConfigDict(extra="forbid")

    m: int | None = Field(None, ge=4, le=128)
    ef_construction: int | None = Field(None, ge=8, le=2000)
    ef_search: int | None = Field(None, ge=1, le=4096)


class ProfileSpec(BaseModel):
    """``POST /catalog/profiles``."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="A slug: 1-63 characters from a-z, 0-9, '_' and '-'.")
    model: str | None = Field(None, max_length=200, description="The generation model at its server (an "
                                                                "Ollama tag); the GPU slot loads it on activation.")
    description: str = Field("", max_length=2000)
    bound: list[str | Binding] = Field(default_factory=list, description=(
        "What the profile's callers may see: dataset or AI-safe view names (a name that is both must be "
        "given as {\"kind\", \"name\"})."))
    embedder: str | None = Field(None, description="local | ollama | openai: the embedder of indexes built "
                                                   "through the profile; default embeddings.default.")
    embed_model: str | None = Field(None, max_length=200, description="The embedding model at the embedder's "
                                                                      "server; preloaded with the profile.")
    ann: AnnConfig | None = Field(None, description="HNSW config for its indexes; default each index's champion.")
    bucket: str | None = Field(None, description="The profile's artifact home, provisioned on first activation "
                                                 "under storage.profile_root.")
    vector_backend: str = Field("hnsw", description="The backend of indexes built through the profile.")

    @field_validator("vector_backend")
    @classmethod
    def _known_backend(cls, value: str) -> str:
        if value not in BACKENDS:
            raise ValueError(f"unknown vector backend {value!r}; use one of: {', '.join(BACKENDS)}")
        return value


class ProfileManifest(BaseModel):
    id: str
    model: str | None
    description: str
    bound: list[Binding]
    embedder: str | None
    embed_model: str | None
    ann: dict[str, Any] | None
    bucket: str | None
    vector_backend: str
    created_at: UtcTime
    created_by: str


class ProfileSearchRequest(BaseModel):
    """``POST /vectors/profile/{id}/search``: one of the profile's indexes, or all of them merged by score."""

    model_config = ConfigDict(extra="forbid")

    query: str | None = None
    vector: list[float] | None = None
    k: int = 10
    index: str | None = Field(None, description="One of the profile's indexes; default all of them.")
    filter: str | None = Field(None, description="SQL predicate on the source's columns (with `index` only).")
    per_chunk: bool = False
