"""Principals (named callers with one role) and their API tokens: shown once, stored as SHA-256."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_governance import PrincipalRow, TokenRow
from lakehouse.catalog.models_profiles import ProfileRow
from lakehouse.errors import Conflict, InvalidInput, NotFound, Unauthorized
from lakehouse.storage.names import validate_name
from lakehouse.types import Actor, Role, iso_utc, utcnow

MAX_TOKEN_DAYS = 36_500

TOKEN_PREFIX = "lh_"
RESERVED = {"local-admin", "system"}


def token_hash(token: str) -> str:
    # Tokens carry 256 random bits, so a fast unsalted digest is enough: nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(at: datetime | None) -> datetime | None:
    if at is not None and at.tzinfo is None:
        from datetime import UTC

        return at.replace(tzinfo=UTC)
    return at


def token_view(row: TokenRow, principal: PrincipalRow) -> dict[str, Any]:
    return {"id": row.id, "name": principal.name, "role": principal.role, "prefix": row.prefix,
            "created_at": iso_utc(row.created_at), "created_by": row.created_by,
            "expires_at": iso_utc(row.expires_at),
            "revoked_at": iso_utc(row.revoked_at),
            "last_used_at": iso_utc(row.last_used_at), "profile": row.profile_id}


class Principals:
    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    def get(self, name: str) -> PrincipalRow:
        with self._sessions() as session:
            row = session.scalar(select(PrincipalRow).where(PrincipalRow.name == name))
            if row is None:
                raise NotFound(f"Principal '{name}' does not exist.", hint="List tokens with GET /auth/tokens.")
            return row

    def ensure(self, name: str, role: Role, actor: Actor) -> PrincipalRow:
        if name in RESERVED:
            raise InvalidInput(f"'{name}' is a built-in actor name.")
        validate_name(name, "principal")
        with self._sessions.begin() as session:
            row = session.scalar(select(PrincipalRow).where(PrincipalRow.name == name))
            if row is not None:
                if row.role != role.value:
                    raise Conflict(f"Principal '{name}' exists with role '{row.role}', not '{role.value}'.",
                                   hint="Revoke its tokens and use a new name to change a role.")
                return row
            row = PrincipalRow(id=uuid.uuid4().hex, name=name, role=role.value, created_at=utcnow(),
                               created_by=actor.name)
            session.add(row)
            return row

    def create_token(self, name: str, role: Role, actor: Actor, expires_in_days: float | None = None,
                     profile: str | None = None) -> tuple[str, dict[str, Any]]:
        """``profile``: the token's caller sees exactly that profile's bindings (checked by the caller)."""
        if expires_in_days is not None and not 0 < expires_in_days <= MAX_TOKEN_DAYS:
            raise InvalidInput(f"expires_in_days must be above 0 and at most {MAX_TOKEN_DAYS:,} (100 years), "
                               f"got {expires_in_days:g}.", hint="Leave it out for a token that never expires.")
        principal = self.ensure(name, role, actor)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        expires = utcnow() + timedelta(days=expires_in_days) if expires_in_days else None
        row = TokenRow(id=uuid.uuid4().hex[:16], principal_id=principal.id, token_hash=token_hash(token),
                       prefix=token[:8], created_at=utcnow(), created_by=actor.name, expires_at=expires,
                       revoked_at=None, last_used_at=None, profile_id=profile)
        with self._sessions.begin() as session:
            session.add(row)
        return token, token_view(row, principal)

    def list_tokens(self) -> list[dict[str, Any]]:
        with self._sessions() as session:
            rows = session.execute(select(TokenRow, PrincipalRow).join(
                PrincipalRow, PrincipalRow.id == TokenRow.principal_id).order_by(TokenRow.created_at))
            return [token_view(t, p) for t, p in rows]

    def revoke(self, token_id: str) -> dict[str, Any]:
        with self._sessions.begin() as session:
            row = session.get(TokenRow, token_id)
            if row is None:
                raise NotFound(f"Token '{token_id}' does not exist.", hint="List tokens with GET /auth/tokens.")
            if row.revoked_at is None:
                row.revoked_at = utcnow()
            principal = session.get(PrincipalRow, row.principal_id)
            assert principal is not None
            return token_view(row, principal)

    def authenticate(self, token: str, *, touch: bool = True) -> Actor:
        """The token's principal, or 401. ``touch=False`` only reads (no ``last_used_at`` write): for a caller
        that checks the same token on every call and records its use less often."""
        if not touch:
            return self._verify(token)
        with self._sessions.begin() as session:
            row = session.scalar(select(TokenRow).where(TokenRow.token_hash == token_hash(token)))
            now = utcnow()
            if row is None or row.revoked_at is not None:
                raise Unauthorized("The token is unknown or revoked.")
            expires = _aware(row.expires_at)
            if expires is not None and expires <= now:
                raise Unauthorized("The token has expired.", hint="Create a new one with 'lakehouse tokens create'.")
            principal = session.get(PrincipalRow, row.principal_id)
            if principal is None:
                raise Unauthorized("The token's principal no longer exists.")
            row.last_used_at = now
            return _actor(session, principal.name, principal.role, principal.id, row.profile_id)

    def _verify(self, token: str) -> Actor:
        """``authenticate`` as one read: the same refusals, nothing written."""
        query = (select(TokenRow.revoked_at, TokenRow.expires_at, TokenRow.profile_id, PrincipalRow.id,
                        PrincipalRow.name, PrincipalRow.role)
                 .outerjoin(PrincipalRow, PrincipalRow.id == TokenRow.principal_id)
                 .where(TokenRow.token_hash == token_hash(token)))
        with self._sessions() as session:
            found = session.execute(query).first()
            if found is None or found.revoked_at is not None:
                raise Unauthorized("The token is unknown or revoked.")
            expires = _aware(found.expires_at)
            if expires is not None and expires <= utcnow():
                raise Unauthorized("The token has expired.", hint="Create a new one with 'lakehouse tokens create'.")
            if found.id is None:
                raise Unauthorized("The token's principal no longer exists.")
            return _actor(session, found.name, found.role, found.id, found.profile_id)


def _actor(session: Session, name: str, role: str, principal_id: str, profile_id: str | None) -> Actor:
    """A token bound to a profile acts within it; a profile deleted under it leaves the token useless."""
    if profile_id is None:
        return Actor(name=name, role=Role(role), principal_id=principal_id)
    profile = session.get(ProfileRow, profile_id)
    if profile is None:
        raise Unauthorized(f"The token's profile '{profile_id}' no longer exists.",
                           hint="Create a new token for another profile.")
    return Actor(name=name, role=Role(role), principal_id=principal_id, profile=profile.id, model=profile.model,
                 bindings=profile.scope())
