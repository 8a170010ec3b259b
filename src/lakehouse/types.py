"""Small immutable values passed between layers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Role(StrEnum):
    admin = "admin"
    writer = "writer"
    reader = "reader"
    agent = "agent"


@dataclass(frozen=True)
class Actor:
    """Who is calling. Every service call takes one; audit and governance key off it."""

    name: str
    role: Role = Role.admin
    principal_id: str | None = None
    profile: str | None = None  # a caller bound to a profile sees exactly its bindings
    model: str | None = None  # the profile's model, named in the audit
    bindings: frozenset[tuple[str, str]] | None = None  # the profile's (kind, name)s, when read with it

    @property
    def is_admin(self) -> bool:
        return self.role is Role.admin


LOCAL_ADMIN = Actor(name="local-admin", role=Role.admin)
SYSTEM = Actor(name="system", role=Role.admin)


class WriteMode(StrEnum):
    append = "append"
    overwrite = "overwrite"
    upsert = "upsert"  # Delta merge on a primary key: matching rows are replaced, others inserted


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None = None


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso_utc(value: datetime | None) -> str | None:
    """The one timestamp form everywhere (CLI, JSON, audit): ISO-8601 in UTC, milliseconds, ``Z``.
    A naive value (SQLite hands them back so) is UTC by the catalog's convention."""
    if value is None:
        return None
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


@dataclass(frozen=True)
class Event:
    """Something that changed. ``type`` is dotted, e.g. ``dataset.appended``."""

    type: str
    subject: str
    actor: str
    payload: dict[str, object] = field(default_factory=dict)
    at: datetime = field(default_factory=utcnow)
