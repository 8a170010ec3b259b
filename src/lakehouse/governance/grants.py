"""Grants: a principal may read (and, as a writer, write) named datasets, views, indexes, profiles."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import Connection, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.db import reading
from lakehouse.catalog.models_governance import GrantRow, PrincipalRow
from lakehouse.catalog.models_profiles import ProfileRow
from lakehouse.errors import Conflict, NotFound
from lakehouse.types import Actor, iso_utc, utcnow

ObjectKind = Literal["dataset", "view", "index", "profile"]


def grant_view(row: GrantRow, principal: str) -> dict[str, Any]:
    return {"id": row.id, "principal": principal, "kind": row.object_kind, "object": row.object_name,
            "created_at": iso_utc(row.created_at), "created_by": row.created_by}


class Grants:
    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    def add(self, principal: PrincipalRow, kind: ObjectKind, name: str, actor: Actor) -> dict[str, Any]:
        row = GrantRow(principal_id=principal.id, object_kind=kind, object_name=name, created_at=utcnow(),
                       created_by=actor.name)
        try:
            with self._sessions.begin() as session:
                session.add(row)
        except IntegrityError:
            raise Conflict(f"'{principal.name}' already holds a grant on {kind} '{name}'.") from None
        return grant_view(row, principal.name)

    def list(self, principal_name: str | None = None) -> list[dict[str, Any]]:
        with self._sessions() as session:
            query = select(GrantRow, PrincipalRow.name).join(PrincipalRow, PrincipalRow.id == GrantRow.principal_id)
            if principal_name:
                query = query.where(PrincipalRow.name == principal_name)
            return [grant_view(g, n) for g, n in session.execute(query.order_by(GrantRow.id))]

    def remove(self, grant_id: int) -> dict[str, Any]:
        with self._sessions.begin() as session:
            row = session.get(GrantRow, grant_id)
            if row is None:
                raise NotFound(f"Grant {grant_id} does not exist.", hint="List grants with GET /auth/grants.")
            principal = session.get(PrincipalRow, row.principal_id)
            view = grant_view(row, principal.name if principal else "?")
            session.execute(delete(GrantRow).where(GrantRow.id == grant_id))
            return view

    def objects(self, actor: Actor, kind: ObjectKind, connection: Connection | None = None) -> set[str]:
        """What the actor may read of ``kind``; a caller bound to a profile has exactly its bindings."""
        if actor.profile is not None:
            if actor.bindings is not None and kind != "profile":  # read with the profile: no second lookup
                return {name for k, name in actor.bindings if k == kind}
            return self._bound(actor.profile, kind)
        if actor.principal_id is None:
            return set()
        with reading(self._sessions, connection) as conn:
            return set(conn.scalars(select(GrantRow.object_name).where(
                GrantRow.principal_id == actor.principal_id, GrantRow.object_kind == kind)))

    def _bound(self, profile: str, kind: ObjectKind) -> set[str]:
        if kind == "profile":
            return {profile}
        with self._sessions() as session:
            row = session.get(ProfileRow, profile)
        return {name for k, name in row.scope() if k == kind} if row is not None else set()

    def drop_object(self, kind: ObjectKind, name: str) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(GrantRow).where(GrantRow.object_kind == kind, GrantRow.object_name == name))
