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
