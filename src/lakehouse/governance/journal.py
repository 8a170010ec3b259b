"""Mutation journal: every change published on the event bus becomes a row with before/after summaries.

Publishers put ``before``/``after`` in the payload where they have them; otherwise the payload is the
``after`` summary. Erased keys never reach it: tombstone and purge events carry HMACs only.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_governance import JournalRow
from lakehouse.events import EventBus
from lakehouse.types import Event, iso_utc

if TYPE_CHECKING:
    import pyarrow as pa

log = logging.getLogger(__name__)


def _journal_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([
        ("id", pa.int64()), ("at", pa.timestamp("us", tz="UTC")), ("type", pa.string()), ("subject", pa.string()),
        ("actor", pa.string()), ("before", pa.string()), ("after", pa.string()),
    ])


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def journal_view(row: JournalRow) -> dict[str, Any]:
    return {"id": row.id, "at": iso_utc(row.at), "type": row.type, "subject": row.subject, "actor": row.actor,
            "before": row.before, "after": row.after}


class Journal:
    def __init__(self, sessions: sessionmaker[Session], bus: EventBus):
        self._sessions = sessions
        bus.subscribe("*", self.on_event)

    def on_event(self, event: Event) -> None:
        payload = dict(event.payload)
        before = payload.pop("before", None)
        after = payload.pop("after", None)
        if after is None:
            after = payload
        elif payload:
            after = {"summary": after, **payload}
        with self._sessions.begin() as session:
            session.add(JournalRow(at=event.at, type=event.type, subject=event.subject[:200], actor=event.actor,
                                   before=_plain(before) if before is not None else None, after=_plain(after)))

    def query(self, *, since: datetime | None = None, type_: str | None = None, after_id: int | None = None,
              limit: int = 100, subject: str | None = None, actor_name: str | None = None) -> list[dict[str, Any]]:
        with self._sessions() as session:
            q = select(JournalRow).order_by(JournalRow.id).limit(limit)
            if since:
                q = q.where(JournalRow.at >= since)
            if type_:
                q = q.where(JournalRow.type.like(type_.replace("*", "%")))
            if after_id:
                q = q.where(JournalRow.id > after_id)
            if subject:
                q = q.where(JournalRow.subject == subject)
            if actor_name:
                q = q.where(JournalRow.actor == actor_name)
            return [journal_view(r) for r in session.scalars(q)]

    def to_arrow(self) -> pa.Table:
        with self._sessions() as session:
            rows = [journal_view(r) for r in session.scalars(select(JournalRow).order_by(JournalRow.id))]
        for r in rows:
            r["at"] = datetime.fromisoformat(r["at"])
            r["before"] = json.dumps(r["before"]) if r["before"] is not None else None
            r["after"] = json.dumps(r["after"])
        import pyarrow as pa

        return pa.Table.from_pylist(rows, schema=_journal_schema())
