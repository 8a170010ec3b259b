"""Profile records in the catalog: create, read, list, delete, and who binds what."""

from __future__ import annotations

import time

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_governance import TokenRow
from lakehouse.catalog.models_profiles import ProfileRow
from lakehouse.catalog.records import as_utc
from lakehouse.errors import Conflict, NotFound
from lakehouse.profiles.spec import Binding, ProfileManifest


def manifest(row: ProfileRow) -> ProfileManifest:
    return ProfileManifest(id=row.id, model=row.model, description=row.description,
                           bound=[Binding(**b) for b in row.bound], embedder=row.embedder,
                           embed_model=row.embed_model, ann=row.ann, bucket=row.bucket,
                           vector_backend=row.vector_backend, created_at=as_utc(row.created_at),
                           created_by=row.created_by)


def no_profile(profile_id: str) -> NotFound:
    return NotFound(f"Profile '{profile_id}' does not exist.", hint="List profiles with GET /catalog/profiles.")


class ProfileStore:
    def __init__(self, sessions: sessionmaker[Session], ttl_seconds: float = 1.0):
        """``ttl_seconds``: how long ``recent`` may answer from memory (changes made here drop it at once)."""
        self._sessions = sessions
        self._ttl = ttl_seconds
        self._recent: dict[str, tuple[float, ProfileRow | None]] = {}

    def recent(self, profile_id: str) -> ProfileRow | None:
        """``find`` for the search path: a catalog read per search would add a fifth to its p50. Another
        process's delete shows here within ``ttl_seconds``; tokens never use this (authentication reads the
        catalog), so a deleted profile's tokens stop at once."""
        now = time.monotonic()
        hit = self._recent.get(profile_id)
        if hit is not None and now - hit[0] < self._ttl:
            return hit[1]
        row = self.find(profile_id)
        self._recent[profile_id] = (now, row)
        return row

    def add(self, row: ProfileRow) -> ProfileManifest:
        self._recent.clear()
        try:
            with self._sessions.begin() as session:
                session.add(row)
        except IntegrityError:
            raise Conflict(f"Profile '{row.id}' already exists.",
                           hint="Delete it first, or choose another id.") from None
        return manifest(row)

    def find(self, profile_id: str) -> ProfileRow | None:
        with self._sessions() as session:
            return session.get(ProfileRow, profile_id)

    def get(self, profile_id: str) -> ProfileRow:
        row = self.find(profile_id)
        if row is None:
            raise no_profile(profile_id)
        return row

    def all(self) -> list[ProfileRow]:
        with self._sessions() as session:
            return list(session.scalars(select(ProfileRow).order_by(ProfileRow.id)))

    def delete(self, profile_id: str) -> None:
        self._recent.clear()
        with self._sessions.begin() as session:
            row = session.get(ProfileRow, profile_id)
            if row is None:
                raise no_profile(profile_id)
            session.delete(row)

    def binding(self, kind: str, name: str) -> list[str]:
        """The profiles that bind this dataset or view."""
        return [r.id for r in self.all() if {"kind": kind, "name": name} in r.bound]

    def unbind(self, kind: str, name: str) -> list[str]:
        """Drops the binding from every profile holding it (a forced delete of its object); their ids."""
        changed = []
        self._recent.clear()
        with self._sessions.begin() as session:
            for row in session.scalars(select(ProfileRow)):
                kept = [b for b in row.bound if b != {"kind": kind, "name": name}]
                if len(kept) != len(row.bound):
                    row.bound = kept
                    changed.append(row.id)
        return changed

    def live_tokens(self, profile_id: str) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(TokenRow).where(
                TokenRow.profile_id == profile_id, TokenRow.revoked_at.is_(None))) or 0)

    def revoke_tokens(self, profile_id: str, at: object) -> None:
        with self._sessions.begin() as session:
            session.execute(update(TokenRow).where(TokenRow.profile_id == profile_id, TokenRow.revoked_at.is_(None))
                            .values(revoked_at=at))
