"""Shares, their objects and recipients in the catalog. A recipient's bearer token is shown once and stored as
its SHA-256 (like API tokens): the catalog, the audit and every error name the recipient, never the token."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_sharing import RecipientRow, RecipientShareRow, ShareObjectRow, ShareRow
from lakehouse.errors import Conflict, NotFound, RecipientUnauthorized
from lakehouse.governance.principals import token_hash
from lakehouse.types import Actor, iso_utc, utcnow

TOKEN_PREFIX = "lhs_"
TOUCH_SECONDS = 60.0  # last_used_at is written at most this often per recipient


@dataclass(frozen=True)
class SharedObject:
    id: str
    share_id: str
    name: str
    kind: str


@dataclass(frozen=True)
class Recipient:
    id: str
    name: str
    share_ids: frozenset[str]
    expires_at: datetime | None = None  # aware; None: never


def _aware(at: datetime | None) -> datetime | None:
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def _no_share(name: str) -> NotFound:
    return NotFound(f"Share '{name}' does not exist.", hint="List shares with GET /sharing/shares.")


def _no_recipient(name: str) -> NotFound:
    return NotFound(f"Recipient '{name}' does not exist.", hint="List recipients with GET /sharing/recipients.")


class ShareStore:
    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    # Shares -----------------------------------------------------------------------------------
    def create_share(self, name: str, comment: str, objects: Sequence[tuple[str, str]], actor: Actor) -> dict[str, Any]:
        """``objects``: (name, kind) pairs, already checked by the caller."""
        now = utcnow()
        share = ShareRow(id=str(uuid.uuid4()), name=name, comment=comment, created_at=now, created_by=actor.name)
        rows = [ShareObjectRow(id=str(uuid.uuid4()), share_id=share.id, name=n, kind=k, added_at=now)
                for n, k in objects]
        try:
            with self._sessions.begin() as session:
                if session.scalar(select(ShareRow.id).where(ShareRow.name == name)) is not None:
                    raise Conflict(f"Share '{name}' already exists.", hint="Delete it first, or pick another name.")
                session.add(share)
                session.flush()
                session.add_all(rows)
        except IntegrityError:
            raise Conflict(f"Share '{name}' already exists.", hint="Delete it first, or pick another name.") from None
        return self._view(share, sorted(rows, key=lambda o: o.name))

    def share(self, name: str) -> dict[str, Any]:
        with self._sessions() as session:
            row = session.scalar(select(ShareRow).where(ShareRow.name == name))
            if row is None:
                raise _no_share(name)
            return self._view(row, self._objects(session, [row.id]))

    def list_shares(self) -> list[dict[str, Any]]:
        with self._sessions() as session:
            rows = list(session.scalars(select(ShareRow).order_by(ShareRow.name)))
            objects = self._objects(session, [r.id for r in rows])
            return [self._view(r, [o for o in objects if o.share_id == r.id]) for r in rows]

    def delete_share(self, name: str) -> dict[str, Any]:
        with self._sessions.begin() as session:
            row = session.scalar(select(ShareRow).where(ShareRow.name == name))
            if row is None:
                raise _no_share(name)
            info = self._view(row, self._objects(session, [row.id]))
            session.execute(delete(ShareObjectRow).where(ShareObjectRow.share_id == row.id))
            session.execute(delete(RecipientShareRow).where(RecipientShareRow.share_id == row.id))
            session.delete(row)
            return info

    def drop_object(self, name: str) -> list[str]:
        """The object is gone (a deleted view or dataset): it leaves every share; returns those shares' names."""
        with self._sessions.begin() as session:
            ids = list(session.scalars(select(ShareObjectRow.share_id).where(ShareObjectRow.name == name)))
            session.execute(delete(ShareObjectRow).where(ShareObjectRow.name == name))
            return list(session.scalars(select(ShareRow.name).where(ShareRow.id.in_(ids)))) if ids else []

    def knows(self, name: str) -> bool:
        """Whether ``name`` is in a share or has a snapshot (what a deletion must clean up)."""
        from lakehouse.catalog.models_sharing import SnapshotRow

        with self._sessions() as session:
            return self.is_shared(name) or session.get(SnapshotRow, name) is not None

    def is_shared(self, name: str) -> bool:
        with self._sessions() as session:
            return session.scalar(select(ShareObjectRow.id).where(ShareObjectRow.name == name).limit(1)) is not None

    @staticmethod
    def _objects(session: Session, share_ids: list[str]) -> list[ShareObjectRow]:
        if not share_ids:
            return []
        return list(session.scalars(select(ShareObjectRow).where(ShareObjectRow.share_id.in_(share_ids))
                                    .order_by(ShareObjectRow.name)))

    @staticmethod
    def _view(row: ShareRow, objects: Sequence[ShareObjectRow]) -> dict[str, Any]:
        return {"name": row.name, "id": row.id, "comment": row.comment, "schema": "default",
                "objects": [{"name": o.name, "kind": o.kind, "id": o.id} for o in objects],
                "created_at": iso_utc(row.created_at), "created_by": row.created_by}

    # What a recipient reads -----------------------------------------------------------------------
    def recipient_shares(self, recipient: Recipient) -> list[tuple[str, str]]:
        """(name, id) of the recipient's shares, by name."""
        with self._sessions() as session:
            rows = session.execute(select(ShareRow.name, ShareRow.id).where(ShareRow.id.in_(recipient.share_ids))
                                   .order_by(ShareRow.name))
            return [(n, i) for n, i in rows]

    def shared_objects(self, share_id: str) -> list[SharedObject]:
        with self._sessions() as session:
            return [SharedObject(o.id, o.share_id, o.name, o.kind) for o in self._objects(session, [share_id])]

    # Recipients -------------------------------------------------------------------------------
    def create_recipient(self, name: str, share_names: Sequence[str], expires_at: datetime | None,
                         actor: Actor) -> tuple[str, dict[str, Any]]:
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = RecipientRow(id=str(uuid.uuid4()), name=name, token_hash=token_hash(token), prefix=token[:8],
                           created_at=utcnow(), created_by=actor.name, expires_at=expires_at, revoked_at=None,
                           last_used_at=None)
        try:
            with self._sessions.begin() as session:
                if session.scalar(select(RecipientRow.id).where(RecipientRow.name == name)) is not None:
                    raise Conflict(f"Recipient '{name}' already exists.",
                                   hint="Revoke it and pick a new name to hand out a new profile.")
                shares = {n: i for n, i in session.execute(
                    select(ShareRow.name, ShareRow.id).where(ShareRow.name.in_(list(share_names))))}
                missing = [n for n in share_names if n not in shares]
                if missing:
                    raise _no_share(missing[0])
                session.add(row)
                session.flush()
                session.add_all([RecipientShareRow(recipient_id=row.id, share_id=shares[n]) for n in share_names])
        except IntegrityError:
            raise Conflict(f"Recipient '{name}' already exists.") from None
        return token, self._recipient_view(row, sorted(share_names))

    def list_recipients(self) -> list[dict[str, Any]]:
        with self._sessions() as session:
            rows = list(session.scalars(select(RecipientRow).order_by(RecipientRow.name)))
            links = session.execute(select(RecipientShareRow.recipient_id, ShareRow.name).join(
                ShareRow, ShareRow.id == RecipientShareRow.share_id))
            names: dict[str, list[str]] = {}
            for recipient_id, share in links:
                names.setdefault(recipient_id, []).append(share)
            return [self._recipient_view(r, sorted(names.get(r.id, []))) for r in rows]

    def recipient(self, name: str) -> dict[str, Any]:
        found = [r for r in self.list_recipients() if r["name"] == name]
        if not found:
            raise _no_recipient(name)
        return found[0]

    def revoke(self, name: str) -> dict[str, Any]:
        with self._sessions.begin() as session:
            row = session.scalar(select(RecipientRow).where(RecipientRow.name == name))
            if row is None:
                raise _no_recipient(name)
            if row.revoked_at is None:
                row.revoked_at = utcnow()
        return self.recipient(name)

    def authenticate(self, token: str) -> Recipient:
        """The token's recipient, or 401 (unknown, revoked or expired: the message says which, never the token)."""
        with self._sessions() as session:
            row = session.scalar(select(RecipientRow).where(RecipientRow.token_hash == token_hash(token)))
            if row is None:
                raise RecipientUnauthorized("The recipient token is unknown.")
            if row.revoked_at is not None:
                raise RecipientUnauthorized(f"Recipient '{row.name}' was revoked.")
            expires = _aware(row.expires_at)
            now = utcnow()
            if expires is not None and expires <= now:
                raise RecipientUnauthorized(f"The token of recipient '{row.name}' expired at {iso_utc(expires)}.")
            shares = frozenset(session.scalars(select(RecipientShareRow.share_id)
                                               .where(RecipientShareRow.recipient_id == row.id)))
            recipient = Recipient(row.id, row.name, shares, expires)
            used = _aware(row.last_used_at)
        if used is None or (now - used).total_seconds() >= TOUCH_SECONDS:
            with self._sessions.begin() as session:
                found = session.get(RecipientRow, recipient.id)
                if found is not None:
                    found.last_used_at = now
        return recipient

    def active(self, recipient_id: str) -> Recipient | None:
        """The recipient when it is still neither revoked nor expired (a signed file URL checks this)."""
        with self._sessions() as session:
            row = session.get(RecipientRow, recipient_id)
            expires = _aware(row.expires_at) if row is not None else None
            if row is None or row.revoked_at is not None or (expires is not None and expires <= utcnow()):
                return None
            shares = frozenset(session.scalars(select(RecipientShareRow.share_id)
                                               .where(RecipientShareRow.recipient_id == row.id)))
            return Recipient(row.id, row.name, shares, expires)

    @staticmethod
    def _recipient_view(row: RecipientRow, shares: list[str]) -> dict[str, Any]:
        expires = _aware(row.expires_at)
        active = row.revoked_at is None and (expires is None or expires > utcnow())
        return {"name": row.name, "id": row.id, "prefix": row.prefix, "shares": shares, "active": active,
                "created_at": iso_utc(row.created_at), "created_by": row.created_by,
                "expires_at": iso_utc(row.expires_at), "revoked_at": iso_utc(row.revoked_at),
                "last_used_at": iso_utc(row.last_used_at)}
