"""Catalog tables of vector search: indexes, eval sets, the trial journal (Alembic branch 0003_vectors) and
the query log (0006); the vector backend (0010)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lakehouse.catalog.models import Base


class VectorIndexRow(Base):
    __tablename__ = "vector_indexes"
    name: Mapped[str] = mapped_column(String(63), primary_key=True)
    dataset: Mapped[str] = mapped_column(String(63), index=True)
    bucket: Mapped[str] = mapped_column(String(63))
    id_column: Mapped[str] = mapped_column(String(200))
    text_column: Mapped[str | None] = mapped_column(String(200))
    vector_column: Mapped[str | None] = mapped_column(String(200))
    chunk_size: Mapped[int] = mapped_column(Integer)
    overlap: Mapped[int] = mapped_column(Integer)
    chunk_unit: Mapped[str] = mapped_column(String(10))
    embedder: Mapped[str | None] = mapped_column(String(100))
    model: Mapped[str | None] = mapped_column(String(200))
    dim: Mapped[int | None] = mapped_column(Integer)
    metric: Mapped[str] = mapped_column(String(10))
    recall_target: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(20))
    generation: Mapped[int] = mapped_column(Integer, default=0)
    vectors: Mapped[int] = mapped_column(BigInteger, default=0)
    documents: Mapped[int] = mapped_column(BigInteger, default=0)
    source_version: Mapped[int | None] = mapped_column(Integer)
    backend: Mapped[str] = mapped_column(String(20))
    vector_backend: Mapped[str] = mapped_column(String(20), default="hnsw")  # vectors/backend.py (0010)
    ann: Mapped[dict[str, Any]]
    build_seconds: Mapped[float | None] = mapped_column(Float)
    refresh_policy: Mapped[str] = mapped_column(String(20))
    refresh_cron: Mapped[str | None] = mapped_column(String(100))
    stale_since: Mapped[datetime | None]
    last_refresh_at: Mapped[datetime | None]
    built_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class VectorEvalSetRow(Base):
    __tablename__ = "vector_eval_sets"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    index_name: Mapped[str] = mapped_column(ForeignKey("vector_indexes.name", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(20))
    k: Mapped[int] = mapped_column(Integer)
    queries: Mapped[dict[str, Any]]
    ground_truth: Mapped[dict[str, Any]]
    generation: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]


class VectorTrialRow(Base):
    __tablename__ = "vector_trials"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    index_name: Mapped[str] = mapped_column(ForeignKey("vector_indexes.name", ondelete="CASCADE"), index=True)
    eval_set_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    config: Mapped[dict[str, Any]]
    metrics: Mapped[dict[str, Any]]
    generation: Mapped[int] = mapped_column(Integer)
    source_version: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    proposal: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """For the agent's trials: proposed_by, reason, seed (migration 0007)."""


class VectorQueryLogRow(Base):
    """A sampled search vector (never its text) of an index with ``query_log`` on: the live eval set."""

    __tablename__ = "vector_query_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    index_name: Mapped[str] = mapped_column(ForeignKey("vector_indexes.name", ondelete="CASCADE"), index=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    at: Mapped[datetime]


class VectorAgentStateRow(Base):
    """The autotune agent's view of one index: its state, why, and whether it is queued (0007)."""

    __tablename__ = "vector_agent_state"
    index_name: Mapped[str] = mapped_column(ForeignKey("vector_indexes.name", ondelete="CASCADE"), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    queued_at: Mapped[datetime | None]
    last_trial_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class AgentLeaderRow(Base):
    """Which process leads a background agent, since when, and its last wake (0007)."""

    __tablename__ = "agent_leaders"
    name: Mapped[str] = mapped_column(String(63), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    since: Mapped[datetime]
    last_wake: Mapped[datetime | None]
