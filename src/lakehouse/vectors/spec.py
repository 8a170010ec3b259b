"""Wire shapes of vector search (request bodies and the index manifest), shared by library, API and CLI."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lakehouse.wire import UtcTime


class IndexSpec(BaseModel):
    """``POST /vectors/index``. Give ``text_column`` (embedded here) or ``vector_column`` (your own)."""

    model_config = ConfigDict(extra="forbid")

    index_name: str
    dataset: str = Field(description="The source: a dataset, or an AI-safe view (then only what it exposes is "
                                     "embedded, and searching needs read access to the view).")
    id_column: str
    text_column: str | None = None
    vector_column: str | None = None
    chunk_size: int | None = Field(None, description="Default vectors.chunk_size.")
    overlap: int | None = Field(None, description="Default vectors.overlap.")
    chunk_unit: Literal["chars", "tokens"] = "chars"
    embedder: str | None = Field(None, description="local | ollama | openai | a plugin; default embeddings.default.")
    bucket: str | None = Field(None, description="Where the embeddings live; default the dataset's bucket.")
    metric: Literal["cosine", "ip", "l2"] = "cosine"
    recall_target: float = Field(0.95, gt=0, le=1)
    refresh_policy: Literal["manual", "on_append", "scheduled"] = "manual"
    refresh_cron: str | None = Field(None, description="Cron expression for refresh_policy = scheduled.")
    vector_backend: str | None = Field(None, description=(
        "hnsw (faiss graph over a Delta table) or lance (IVF_PQ over a Lance dataset); default "
        "vectors.default_backend."))
    m: int | None = Field(None, ge=4, le=128, description="HNSW M; default vectors.hnsw_m.")
    ef_construction: int | None = Field(None, ge=8, le=2000)
    ef_search: int | None = Field(None, ge=1, le=4096)
    num_partitions: int | None = Field(None, ge=1, description="Lance IVF partitions; default about sqrt(rows).")
    num_sub_vectors: int | None = Field(None, ge=1, description="Lance PQ sub-vectors (divides the dimension).")
    nprobes: int | None = Field(None, ge=1, le=65_536,
                                description="Lance: partitions probed; default vectors.lance_nprobes.")
    refine_factor: int | None = Field(None, ge=0, le=1000, description="Lance: exact re-rank factor.")
    profile: str | None = Field(None, description=(
        "Build through a model profile: the source must be one of its bindings; bucket, embedder and HNSW "
        "config default to the profile's."))
    query_log: bool = Field(False, description=(
        "Keep a sample of real search vectors (never texts) as the live eval set that trials and the agent "
        "measure recall on; searches by principals who read the source through a masking view are not kept."))


class IndexSettingsPatch(BaseModel):
    """``PATCH /vectors/indexes/{idx}``: the settings that can change without a rebuild."""

    model_config = ConfigDict(extra="forbid")

    query_log: bool | None = None
    recall_target: float | None = Field(None, gt=0, le=1)
    bucket: str | None = Field(None, description=(
        "Move the index to this bucket: copy, verify checksums and row count, switch, delete the old copy."))


class SearchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str | None = None
    vector: list[float] | None = None
    k: int = 10
    filter: str | None = Field(None, description="SQL predicate on the source dataset's columns.")
    per_chunk: bool = Field(False, description="Return chunks instead of the best chunk per document.")
    ef_search: int | None = Field(None, ge=1, le=4096, description="Override the champion's ef_search (hnsw).")
    nprobes: int | None = Field(None, ge=1, le=65_536, description="Override the champion's nprobes (lance).")
    refine_factor: int | None = Field(None, ge=0, le=1000, description="Override the champion's refine_factor (lance).")
    exact: bool = Field(False, description="Force exact search.")


class Hit(BaseModel):
    doc_id: Any
    chunk_index: int
    score: float
    text: str


class SearchResult(BaseModel):
    hits: list[Hit]
    method: Literal["hnsw", "ivf_pq", "exact"]
    elapsed_ms: float


class IndexManifest(BaseModel):
    index_name: str
    dataset: str            # the source as named at build: a dataset or a view
    base_dataset: str       # the Delta table underneath (== dataset unless the source is a view)
    view: str | None = None
    bucket: str
    id_column: str
    text_column: str | None
    vector_column: str | None
    chunk_size: int
    overlap: int
    chunk_unit: str
    embedder: str | None
    model: str | None
    dim: int | None
    metric: str
    recall_target: float
    status: str
    generation: int
    vectors: int
    documents: int
    source_version: int | None
    backend: str
    vector_backend: str = "hnsw"
    ann: dict[str, Any]
    build_seconds: float | None
    refresh_policy: str
    refresh_cron: str | None
    stale_since: UtcTime | None
    last_refresh_at: UtcTime | None
    built_at: UtcTime | None
    created_at: UtcTime
    created_by: str
    error: dict[str, Any] | None


class EvalRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    queries: list[str] | None = Field(None, description="Your own query texts (embedded by the index's model).")
    vectors: list[list[float]] | None = Field(
        None, min_length=1, max_length=100_000,
        description="Your own query vectors (the index's dimension). Default (neither): held-out documents.")
    sample: int = Field(100, ge=1, le=10_000, description="How many documents to hold out as queries.")
    k: int = Field(10, ge=1, le=1000)
    m: int | None = Field(None, ge=4, le=128)
    ef_construction: int | None = Field(None, ge=8, le=2000)
    ef_search: int | None = Field(None, ge=1, le=4096)
    nprobes: int | None = Field(None, ge=1, le=65_536, description="Lance: partitions probed.")
    refine_factor: int | None = Field(None, ge=0, le=1000, description="Lance: exact re-rank factor.")
    new_set: bool = Field(False, description="Make a fresh eval set instead of reusing the latest.")


class AutotuneRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    m: list[int] = Field(default_factory=lambda: [8, 16, 32])
    ef_construction: list[int] = Field(default_factory=lambda: [40, 80, 200])
    ef_search: list[int] = Field(default_factory=lambda: [10, 20, 40, 80, 160, 320])
    nprobes: list[int] = Field(default_factory=lambda: [1, 5, 10, 20, 40, 80], description="Lance indexes.")
    refine_factor: list[int] = Field(default_factory=lambda: [1, 5, 10, 20], description="Lance indexes.")
    k: int = Field(10, ge=1, le=1000)
    time_limit_seconds: float | None = Field(None, gt=0)


class ChampionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    trial_id: int | None = None
    m: int | None = Field(None, ge=4, le=128)
    ef_construction: int | None = Field(None, ge=8, le=2000)
    ef_search: int | None = Field(None, ge=1, le=4096)
    nprobes: int | None = Field(None, ge=1, le=65_536)
    refine_factor: int | None = Field(None, ge=0, le=1000)


class AnnRequest(BaseModel):
    """``POST /vectors/indexes/{idx}/ann``: rebuild the ANN structure over the same rows (the parameters of
    the index's backend: HNSW ``m``/``ef_construction``, Lance IVF_PQ ``num_partitions``/``num_sub_vectors``)."""

    model_config = ConfigDict(extra="forbid")

    m: int | None = Field(None, ge=4, le=128)
    ef_construction: int | None = Field(None, ge=8, le=2000)
    num_partitions: int | None = Field(None, ge=1)
    num_sub_vectors: int | None = Field(None, ge=1)


class MigrateRequest(BaseModel):
    """``POST /vectors/indexes/{idx}/migrate``: move the index's rows to another backend."""

    model_config = ConfigDict(extra="forbid")

    backend: str = Field(description="hnsw or lance.")


class AppendRequest(BaseModel):
    """``POST /vectors/indexes/{idx}/append``: rows of ``{"<id column>": ..., "<text or vector column>": ...}``."""

    model_config = ConfigDict(extra="forbid")

    rows: list[dict[str, Any]] = Field(min_length=1)
