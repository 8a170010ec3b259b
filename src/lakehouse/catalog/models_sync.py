"""Incremental DB sync state: one high-water mark per (dataset, source) pair."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from lakehouse.catalog.models import Base


class SyncStateRow(Base):
    """``source_key`` hashes system, host, port, database, table or query and the incremental column."""

    __tablename__ = "db_sync_state"
    dataset_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    source_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    source: Mapped[str] = mapped_column(String(1000))  # redacted DSN + table/query hash, for people
    incremental_column: Mapped[str] = mapped_column(String(200))
    high_water: Mapped[dict[str, Any]]  # {"kind": "int|decimal|date|timestamp|timestamptz", "value": str}
    # Multiset {row hash: count} of the rows already ingested whose column equals the mark, so rows that
    # share it and arrive later are taken while those already taken are not (``>=`` plus this filter).
    at_mark: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]
