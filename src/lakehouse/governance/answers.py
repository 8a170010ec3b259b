"""Answers: the provenance of each agent tool call, kept under the call's request id so that the answer can be
traced later (``lakehouse://answers/{id}``) and found beside its audit records (same ``request_id``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_governance import AnswerRow
from lakehouse.errors import NotFound
from lakehouse.events import ErasureReport
from lakehouse.types import Actor, iso_utc, utcnow

ERASED = "erased"


class AnswerStore:
    """Also an ``Erasable``: a purge rewrites kept answers whose chunk ids name an erased key, so the answers
    table never keeps a purged key in clear (before the purge, reads already show it as ``erased``)."""

    name = "agent-answers"

    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    def erase(self, dataset: str, key_column: str, keys: Sequence[object], actor: Actor) -> ErasureReport:
        erased = {str(k) for k in keys}
        scrubbed = 0
        if not erased:
            return ErasureReport(store=self.name)
        engine = self._sessions.kw["bind"]
        sqlite = engine.dialect.name == "sqlite"
        with self._sessions.begin() as session:
            if sqlite:  # zero the cells the rewritten rows leave, as the tombstones' purge does
                session.execute(text("PRAGMA secure_delete = ON"))
            for row in session.scalars(select(AnswerRow).where(AnswerRow.tool == "vector_search")):
                provenance = dict(row.provenance or {})
                chunks = provenance.get("chunk_ids") or []
                sources = provenance.get("sources") or []
                if (provenance.get("id_column") != key_column
                        or not any(s.get("dataset") == dataset for s in sources)):
                    continue
                kept = [ERASED if c != ERASED and c.rsplit("#", 1)[0] in erased else c for c in chunks]
                if kept != chunks:
                    row.provenance = {**provenance, "chunk_ids": kept}
                    scrubbed += 1
        if scrubbed and sqlite:
            with self._sessions() as session:
                session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        elif scrubbed and engine.dialect.name == "postgresql":  # the old rows live on as dead tuples until then
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text(f"VACUUM FULL {AnswerRow.__tablename__}"))
        return ErasureReport(store=self.name, records_scrubbed=scrubbed)

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
