"""The autotune agent's shared state in the catalog: per-index state and queue, and who leads.

Any process may enqueue (an HTTP call to any server, an ingest from the CLI); only the leader works the queue,
so the queue lives in the catalog, not in the leader's memory."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_vectors import AgentLeaderRow, VectorAgentStateRow
from lakehouse.types import iso_utc, utcnow

AGENT = "autotune"


def state_view(row: VectorAgentStateRow) -> dict[str, Any]:
    return {"index_name": row.index_name, "state": row.state, "reason": row.reason,
            "queued_at": iso_utc(row.queued_at), "last_trial_at": iso_utc(row.last_trial_at),
            "updated_at": iso_utc(row.updated_at)}


class AgentStore:
    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    def enqueue(self, index: str, reason: str) -> None:
        """Queue ``index`` (idempotent: an index already queued keeps its place and gains the reason)."""
        now = utcnow()
        with self._sessions.begin() as session:
            row = session.get(VectorAgentStateRow, index)
            if row is None:
                session.add(VectorAgentStateRow(index_name=index, state="queued", reason=reason, queued_at=now,
                                                updated_at=now))
                return
            if row.state != "queued":
                row.queued_at = now
            row.state, row.reason, row.updated_at = "queued", reason, now

    def queued(self) -> list[VectorAgentStateRow]:
        with self._sessions() as session:
            return list(session.scalars(select(VectorAgentStateRow).where(VectorAgentStateRow.state == "queued")
                                        .order_by(VectorAgentStateRow.queued_at)))

    def set_state(self, index: str, state: str, reason: str | None, *, trial: bool = False) -> None:
        now = utcnow()
        with self._sessions.begin() as session:
            row = session.get(VectorAgentStateRow, index)
            if row is None:
                row = VectorAgentStateRow(index_name=index, state=state, reason=reason, updated_at=now)
                session.add(row)
            row.state, row.reason, row.updated_at = state, reason, now
            if state != "queued":
                row.queued_at = None
            if trial:
                row.last_trial_at = now

    def states(self) -> list[dict[str, Any]]:
        with self._sessions() as session:
            return [state_view(r) for r in session.scalars(select(VectorAgentStateRow)
                                                           .order_by(VectorAgentStateRow.index_name))]

    def state(self, index: str) -> dict[str, Any] | None:
        with self._sessions() as session:
            row = session.get(VectorAgentStateRow, index)
            return state_view(row) if row else None

    def last_trial_at(self, index: str | None = None) -> datetime | None:
        with self._sessions() as session:
            query = select(VectorAgentStateRow.last_trial_at).where(VectorAgentStateRow.last_trial_at.is_not(None))
            if index is not None:
                query = query.where(VectorAgentStateRow.index_name == index)
            values = [v for v in session.scalars(query) if v is not None]
        return max(values, default=None)

    # Leadership -----------------------------------------------------------------------------------
    def lead(self, owner: str) -> None:
        now = utcnow()
        with self._sessions.begin() as session:
            row = session.get(AgentLeaderRow, AGENT)
            if row is None:
                session.add(AgentLeaderRow(name=AGENT, owner=owner, since=now, last_wake=None))
            elif row.owner != owner:
                row.owner, row.since, row.last_wake = owner, now, None

    def woke(self, owner: str) -> None:
        with self._sessions.begin() as session:
            row = session.get(AgentLeaderRow, AGENT)
            if row is not None and row.owner == owner:
                row.last_wake = utcnow()

    def leader(self) -> dict[str, Any] | None:
        with self._sessions() as session:
            row = session.get(AgentLeaderRow, AGENT)
            return None if row is None else {"owner": row.owner, "since": iso_utc(row.since),
                                             "last_wake": iso_utc(row.last_wake)}
