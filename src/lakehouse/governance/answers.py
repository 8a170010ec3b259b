"""Answers: the provenance of each agent tool call, kept under the call's request id so that the answer can be
traced later (``lakehouse://answers/{id}``) and found beside its audit records (same ``request_id``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_governance import AnswerRow
from lakehouse.errors import NotFound
from lakehouse.types import Actor, iso_utc, utcnow


class AnswerStore:
    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    @staticmethod
    def row(answer_id: str, actor: Actor, tool: str, provenance: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        """The record to keep, written with the call's audit record (``AuditScope.extra``)."""
        return AnswerRow.__table__, {"id": answer_id, "at": utcnow(), "actor": actor.name, "tool": tool,
                                     "provenance": provenance}

    def get(self, answer_id: str, actor: Actor) -> dict[str, Any]:
        """The answer's record; another principal's answer is 404 unless the caller is an admin."""
        with self._sessions() as session:
            row = session.get(AnswerRow, answer_id)
            if row is None or (row.actor != actor.name and not actor.is_admin):
                raise NotFound(f"Answer '{answer_id}' does not exist.",
                               hint="Answer ids come from a tool result's provenance.answer_id.")
            return {"answer_id": row.id, "at": iso_utc(row.at), "actor": row.actor, "tool": row.tool,
                    "provenance": row.provenance}


def erased_key_counts(sessions: sessionmaker[Session], datasets: list[str]) -> dict[str, dict[str, int]]:
    """Per dataset: keys tombstones hide at read time (``hidden``) and keys already purged (``purged``). Numbers
    only: the keys themselves never leave the tombstone store."""
    from sqlalchemy import func, select

    from lakehouse.catalog.models_governance import TombstoneRow

    out = {name: {"hidden": 0, "purged": 0} for name in datasets}
    if not datasets:
        return out
    query = (select(TombstoneRow.dataset_name, TombstoneRow.purged_at.is_(None), func.count())
             .where(TombstoneRow.dataset_name.in_(datasets))
             .group_by(TombstoneRow.dataset_name, TombstoneRow.purged_at.is_(None)))
    with sessions() as session:
        for name, active, count in session.execute(query):
            out[name]["hidden" if active else "purged"] += int(count)
    return out
