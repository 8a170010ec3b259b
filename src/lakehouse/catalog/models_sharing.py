"""Delta Sharing (Alembic 0011_sharing): shares of datasets and views, recipients with hashed bearer tokens, and the
materialised snapshots shares are served from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lakehouse.catalog.models import Base


class ShareRow(Base):
    __tablename__ = "sharing_shares"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the protocol's immutable share id
    name: Mapped[str] = mapped_column(String(63), unique=True, index=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))


class ShareObjectRow(Base):
    __tablename__ = "sharing_objects"
    __table_args__ = (UniqueConstraint("share_id", "name"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the protocol's table id
    share_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(63), index=True)  # the dataset's or view's name
    kind: Mapped[str] = mapped_column(String(20))  # dataset | view
    added_at: Mapped[datetime]


class RecipientRow(Base):
    __tablename__ = "sharing_recipients"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(63), unique=True, index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)  # SHA-256; the token is shown once
    prefix: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]


class RecipientShareRow(Base):
    __tablename__ = "sharing_recipient_shares"
    recipient_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    share_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class SnapshotRow(Base):
    """What a shared object is served from now: its own table (a dataset without tombstones) or a materialised copy
    (a view, or a dataset with tombstones), and the state of the sources it reflects."""

    __tablename__ = "sharing_snapshots"
    name: Mapped[str] = mapped_column(String(63), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # dataset | view
    dataset: Mapped[str] = mapped_column(String(63), index=True)  # the base dataset
    bucket: Mapped[str] = mapped_column(String(63))
    path: Mapped[str] = mapped_column(String(400))  # the served Delta table, relative to the bucket's root
    table_version: Mapped[int] = mapped_column(BigInteger)  # its Delta version to serve
    state: Mapped[str] = mapped_column(Text)  # base version | tombstone generation | definition fingerprint
    version: Mapped[int] = mapped_column(Integer)  # the protocol's table version: +1 whenever what is served changes
    refreshed_at: Mapped[datetime]
