"""Catalog schema (SQLAlchemy 2). Alembic migrations in ``migrations/`` create exactly this."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, datetime: DateTime(timezone=True)}


class BucketRow(Base):
    __tablename__ = "buckets"
    name: Mapped[str] = mapped_column(String(63), primary_key=True)
    spec: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


class DatasetRow(Base):
    __tablename__ = "datasets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(63), unique=True, index=True)
    bucket: Mapped[str] = mapped_column(String(63), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str | None] = mapped_column(String(200))
    sensitivity: Mapped[str] = mapped_column(String(20), default="internal")
    tags: Mapped[list[str]]
    freshness_interval_seconds: Mapped[int | None] = mapped_column(BigInteger)
    last_updated_at: Mapped[datetime | None]
    row_count: Mapped[int] = mapped_column(BigInteger, default=0)
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))
    columns: Mapped[list[ColumnRow]] = relationship(
        back_populates="dataset", cascade="all, delete-orphan", order_by="ColumnRow.position"
    )


class ColumnRow(Base):
    __tablename__ = "dataset_columns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    original_name: Mapped[str | None] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(200))
    nullable: Mapped[bool] = mapped_column(Boolean, default=True)
    sensitivity: Mapped[str | None] = mapped_column(String(20))
    pii_kind: Mapped[str | None] = mapped_column(String(20))
    pii_category: Mapped[str | None] = mapped_column(String(50))
    pii_confidence: Mapped[float | None] = mapped_column(Float)
    pii_evidence: Mapped[str | None] = mapped_column(Text)
    pii_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    source_type: Mapped[str | None] = mapped_column(String(200))
    contains_pii: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # {"kinds", "rate", "sampled"}
    dataset: Mapped[DatasetRow] = relationship(back_populates="columns")


class VersionRow(Base):
    __tablename__ = "dataset_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_name: Mapped[str] = mapped_column(String(63), index=True)
    version: Mapped[int]
    operation: Mapped[str] = mapped_column(String(30))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime]
    rows_written: Mapped[int] = mapped_column(BigInteger)
    row_count: Mapped[int] = mapped_column(BigInteger)
    job_id: Mapped[str | None] = mapped_column(String(40))


class LineageRow(Base):
    __tablename__ = "lineage"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_name: Mapped[str] = mapped_column(String(63), index=True)
    version: Mapped[int]
    source_system: Mapped[str] = mapped_column(String(50))
    source: Mapped[str] = mapped_column(Text)
    job_id: Mapped[str | None] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime]
    details: Mapped[dict[str, Any]]


class JobRow(Base):
    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(50), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    params: Mapped[dict[str, Any]]
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # set by whichever process asks; the process running the job notices between batches
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    # the process lease (ProcessLeaseRow.owner) running the job; NULL for jobs of releases before owners
    owner: Mapped[str | None] = mapped_column(String(200), index=True)


class IngestedFileRow(Base):
    """Content hashes the drop-folder watcher has already ingested (each file is ingested once)."""

    __tablename__ = "ingested_files"
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    dataset_name: Mapped[str] = mapped_column(String(63))
    file_name: Mapped[str] = mapped_column(Text)
    job_id: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[datetime]


class LockRow(Base):
    """One writer per dataset across processes: a row per held lock."""

    __tablename__ = "locks"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    acquired_at: Mapped[datetime]


class ProcessLeaseRow(Base):
    """A live lakehouse instance (server, CLI command, library) that owns jobs, locks or staging files.

    Its heartbeat renews the lease; an owner whose lease expired, or whose process is gone from this host,
    is dead, and only a dead owner's jobs, locks and staging files are cleaned up by others."""

    __tablename__ = "process_leases"
    owner: Mapped[str] = mapped_column(String(200), primary_key=True)
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]
    heartbeat_at: Mapped[datetime]


class CatalogMetaRow(Base):
    """Facts about the catalog itself, e.g. the check value of the governance secret its HMACs were made with."""

    __tablename__ = "catalog_meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class WriteIntentRow(Base):
    """Journaled before a Delta commit so a crash between Delta and the catalog can be reconciled."""

    __tablename__ = "write_intents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_name: Mapped[str] = mapped_column(String(63), index=True)
    base_version: Mapped[int | None] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]


# Capabilities keep their tables in their own modules (same Base, own Alembic branch off 0001);
# importing them here puts every table in Base.metadata for migrations checks and backups.
from lakehouse.catalog import (  # noqa: E402
    models_governance,  # noqa: F401
    models_profiles,  # noqa: F401
    models_sync,  # noqa: F401
    models_vectors,  # noqa: F401
)
