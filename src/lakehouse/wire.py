"""Pydantic models shared by the services, the HTTP API and the remote client (DESIGN.md section 6)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from lakehouse.types import iso_utc

UtcTime = Annotated[datetime, PlainSerializer(iso_utc, return_type=str, when_used="json")]
"""A timestamp that goes out in the one form used everywhere (``2026-01-31T13:45:00.123Z``)."""

PiiKind = Literal["PII", "PHI", "Financial"]
Sensitivity = Literal["public", "internal", "confidential", "restricted"]


class ContainsPii(BaseModel):
    """A free-text column with PII inside its values (emails, phones, ... in prose), not PII as a whole."""

    kinds: list[str] = Field(description="Entity kinds found: email, phone, credit_card, iban, national_id.")
    rate: float = Field(ge=0, le=1, description="Share of the sampled values holding at least one.")
    sampled: int = Field(ge=0, description="Values scanned.")


class ColumnInfo(BaseModel):
    name: str
    type: str
    nullable: bool = True
    original_name: str | None = None
    sensitivity: Sensitivity | None = None
    pii_kind: PiiKind | None = None
    pii_category: str | None = None
    pii_confidence: float | None = None
    pii_evidence: str | None = None
    pii_overridden: bool = False
    source_type: str | None = None
    redaction: str | None = None
    """In a view's entry: the redaction its values get (null, hash, mask, bucket, ...)."""
    contains_pii: ContainsPii | None = None


class Freshness(BaseModel):
    expected_interval_seconds: int | None = None
    last_updated: UtcTime | None = None
    stale: bool = False


class LineageEntry(BaseModel):
    version: int
    source_system: str
    source: str
    job_id: str | None = None
    actor: str
    at: UtcTime
    details: dict[str, Any] = Field(default_factory=dict)


class VersionEntry(BaseModel):
    version: int
    operation: str
    actor: str
    at: UtcTime
    rows_written: int
    row_count: int
    job_id: str | None = None
    note: str | None = None
    """Why versions below this one are missing from the history, or what this version means for older ones."""


class DatasetManifest(BaseModel):
    name: str
    kind: Literal["dataset", "view"] = "dataset"
    view_of: str | None = None
    """For a view: its base dataset."""
    bucket: str
    description: str = ""
    owner: str | None = None
    sensitivity: Sensitivity = "internal"
    tags: list[str] = Field(default_factory=list)
    freshness: Freshness = Field(default_factory=Freshness)
    row_count: int | None = 0
    """Rows stored (None for a view: it depends on its row filter)."""
    visible_rows: int | None = None
    """Rows a query sees: ``row_count`` less the rows tombstones hide until a purge removes them."""
    erased_rows: int = 0
    version: int = 0
    created_at: UtcTime | None = None
    created_by: str | None = None
    columns: list[ColumnInfo] = Field(default_factory=list)
    lineage: list[LineageEntry] = Field(default_factory=list)


class ColumnPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sensitivity: Sensitivity | None = None
    pii_kind: PiiKind | None = None
    pii_category: str | None = None


class MetadataPatch(BaseModel):
    """PATCH body: only the fields present change. ``columns`` overrides PII flags per column."""

    model_config = ConfigDict(extra="forbid")

    description: str | None = None
    owner: str | None = None
    sensitivity: Sensitivity | None = None
    tags: list[str] | None = None
    freshness_interval_seconds: int | None = Field(default=None, ge=0)
    columns: dict[str, ColumnPatch] | None = None


JobStatus = Literal["queued", "running", "succeeded", "failed", "cancelled"]


class JobInfo(BaseModel):
    job_id: str
    kind: str
    status: JobStatus
    progress: float = 0.0
    actor: str
    created_at: UtcTime
    started_at: UtcTime | None = None
    finished_at: UtcTime | None = None
    duration_ms: float | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None

    @property
    def ended(self) -> bool:
        """Succeeded, failed or cancelled: nothing about the job changes any more."""
        return self.status not in ("queued", "running")


# The GPU slot (models/, docs/models.md) ------------------------------------------------------------
class GpuMemory(BaseModel):
    index: int
    name: str
    total_bytes: int
    used_bytes: int
    free_bytes: int


class LoadedModel(BaseModel):
    """A model the model server reports loaded (``GET /api/ps``)."""

    name: str
    size_bytes: int | None = None
    size_vram_bytes: int | None = Field(None, description="Bytes of it in GPU memory (0: it runs on the CPU).")
    expires_at: str | None = Field(None, description="When the server unloads it by itself (keep_alive).")


class SlotInfo(BaseModel):
    """The GPU slot: its active target (a generation model and/or an embedding model, and who set it)."""

    owner: str | None = None
    model: str | None = None
    embed_model: str | None = None
    models: list[str] = Field(default_factory=list, description="What the slot holds loaded, verified at the swap.")
    since: UtcTime | None = None
    swapping_to: str | None = Field(None, description="The owner a swap in progress is loading for.")
    error: str | None = Field(None, description="Why the slot is empty after a failed swap.")


class VramReport(BaseModel):
    gpus: list[GpuMemory]
    reason: str | None = Field(None, description="Why gpus is empty: no NVML library, no driver, no GPU.")
    server: str = Field(description="The model server asked (scheme://host:port).")
    models: list[LoadedModel] = Field(description="Loaded models as the server reports them (/api/ps).")
    server_error: str | None = Field(None, description="Why models is empty: the server is down, slow or broken.")
    slot: SlotInfo


class ModelAction(BaseModel):
    """The answer to an operator's preload or unload."""

    model: str
    action: Literal["preload", "unload"]
    via: str = Field(description="The server endpoint used: /api/generate or /api/embed.")
    embedding: bool | None = Field(None, description="Preloaded as an embedding-only model.")
    elapsed_ms: float
    loaded: bool | None = Field(None, description="Listed by /api/ps afterwards (null: the server has no /api/ps).")
    size_vram_bytes: int | None = None
    slot_cleared: bool = Field(False, description="The unloaded model was the slot's: the slot is now empty.")


class ShareSpec(BaseModel):
    """``POST /sharing/shares``: each object appears in the share's schema ``default`` under its own name."""

    model_config = ConfigDict(extra="forbid")
    name: str
    objects: list[str] = Field(min_length=1, max_length=1000, description="Dataset or view names (raw datasets: "
                                                                          "admins only).")
    comment: str = Field("", max_length=65_536)


class RecipientSpec(BaseModel):
    """``POST /sharing/recipients``: answers the recipient's Delta Sharing profile (its token shown this once)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    shares: list[str] = Field(min_length=1, max_length=1000)
    expires_in_days: float | None = Field(None, gt=0, le=36_500, description="Default: the token never expires.")


class QueryTableRequest(BaseModel):
    """The Delta Sharing query body (PROTOCOL.md); hints are best effort, history fields are refused."""

    model_config = ConfigDict(extra="ignore")
    predicateHints: list[str] | None = None  # noqa: N815 - the protocol's field names
    jsonPredicateHints: str | None = None  # noqa: N815
    limitHint: int | None = Field(None, ge=0)  # noqa: N815
    version: int | None = Field(None, ge=0)
    timestamp: str | None = None
    startingVersion: int | None = Field(None, ge=0)  # noqa: N815
    endingVersion: int | None = Field(None, ge=0)  # noqa: N815
