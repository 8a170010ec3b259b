"""Model profiles (Alembic 0009_profiles): a model's scope (its bindings), embedder, ANN config and bucket."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lakehouse.catalog.models import Base


class ProfileRow(Base):
    __tablename__ = "profiles"
    id: Mapped[str] = mapped_column(String(63), primary_key=True)
    model: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    bound: Mapped[list[dict[str, str]]] = mapped_column(JSON)  # [{"kind": "dataset"|"view", "name"}]
    embedder: Mapped[str | None] = mapped_column(String(100))
    embed_model: Mapped[str | None] = mapped_column(String(200))
    ann: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    bucket: Mapped[str | None] = mapped_column(String(63))
    vector_backend: Mapped[str] = mapped_column(String(20), default="hnsw")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))

    def scope(self) -> frozenset[tuple[str, str]]:
        """The bindings as (kind, name) pairs: what an actor acting through the profile may read."""
        return frozenset((b["kind"], b["name"]) for b in self.bound)
