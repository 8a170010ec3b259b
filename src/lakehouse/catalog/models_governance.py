"""Governance tables: principals, tokens, grants, views, tombstones, certificates, audit, journal."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lakehouse.catalog.models import Base


class PrincipalRow(Base):
    __tablename__ = "gov_principals"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, index=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))


class TokenRow(Base):
    __tablename__ = "gov_tokens"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    principal_id: Mapped[str] = mapped_column(String(40), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    prefix: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
    profile_id: Mapped[str | None] = mapped_column(String(63), nullable=True)  # the caller's whole scope


class GrantRow(Base):
    __tablename__ = "gov_grants"
    __table_args__ = (UniqueConstraint("principal_id", "object_kind", "object_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    principal_id: Mapped[str] = mapped_column(String(40), index=True)
    object_kind: Mapped[str] = mapped_column(String(20))
    object_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))


class ViewRow(Base):
    __tablename__ = "gov_views"
    name: Mapped[str] = mapped_column(String(63), primary_key=True)
    base_dataset: Mapped[str] = mapped_column(String(63), index=True)
    definition: Mapped[dict[str, Any]]
    owner: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class TombstoneRow(Base):
    __tablename__ = "gov_tombstones"
    __table_args__ = (Index("ix_gov_tombstones_ds_hmac", "dataset_name", "key_hmac"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset_name: Mapped[str] = mapped_column(String(63), index=True)
    key_column: Mapped[str] = mapped_column(String(200))
    key_value: Mapped[Any | None] = mapped_column(JSON)
    key_hmac: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    purged_at: Mapped[datetime | None]


class CertificateRow(Base):
    __tablename__ = "gov_certificates"
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    dataset_name: Mapped[str] = mapped_column(String(63), index=True)
    status: Mapped[str] = mapped_column(String(20))
    body: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class AuditRow(Base):
    __tablename__ = "gov_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(200), index=True)
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(100), index=True)
    objects: Mapped[list[str]]
    outcome: Mapped[str] = mapped_column(String(50))
    status: Mapped[int | None] = mapped_column(Integer)
    rows: Mapped[int | None] = mapped_column(Integer)
    elapsed_ms: Mapped[float] = mapped_column(Float)
    request_id: Mapped[str | None] = mapped_column(String(64), index=True)
    via: Mapped[str | None] = mapped_column(String(20), nullable=True)
    tool: Mapped[str | None] = mapped_column(String(64), nullable=True)
    profile: Mapped[str | None] = mapped_column(String(63), nullable=True)
    model: Mapped[str | None] = mapped_column(String(200), nullable=True)


class AnswerRow(Base):
    """What an agent's tool call read (its provenance), kept beside the call's audit rows (same request id)."""

    __tablename__ = "gov_answers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(200), index=True)
    tool: Mapped[str] = mapped_column(String(64))
    provenance: Mapped[dict[str, Any]] = mapped_column(JSON)


class JournalRow(Base):
    __tablename__ = "gov_journal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    type: Mapped[str] = mapped_column(String(100), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    actor: Mapped[str] = mapped_column(String(200))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
