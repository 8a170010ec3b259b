"""Audit: one record per request and per service call — actor, action, objects, outcome, rows,
elapsed, request id. The HTTP layer sets the request id in a context variable; service calls made
while handling that request carry it, so one request's records can be found together."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import String, Table, insert, select
from sqlalchemy import cast as sql_cast
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models_governance import AuditRow
from lakehouse.errors import LakehouseError
from lakehouse.types import Actor, iso_utc, utcnow

if TYPE_CHECKING:
    import pyarrow as pa

log = logging.getLogger(__name__)


def _audit_schema() -> pa.Schema:
    import pyarrow as pa

    return pa.schema([
        ("id", pa.int64()), ("at", pa.timestamp("us", tz="UTC")), ("actor", pa.string()), ("role", pa.string()),
        ("action", pa.string()), ("objects", pa.string()), ("outcome", pa.string()), ("status", pa.int32()),
        ("rows", pa.int64()), ("elapsed_ms", pa.float64()), ("request_id", pa.string()), ("via", pa.string()),
        ("tool", pa.string()), ("profile", pa.string()), ("model", pa.string()),
    ])


_AUDIT = cast(Table, AuditRow.__table__)
request_id: ContextVar[str | None] = ContextVar("lakehouse_request_id", default=None)
# How a call came in when not through the library, CLI or HTTP API directly: ("mcp", tool name) for an agent's
# tool call, so every record it causes says so.
origin: ContextVar[tuple[str, str | None] | None] = ContextVar("lakehouse_call_origin", default=None)


class AuditBatch:
    """The records made while one HTTP request is served, written in one transaction once its response has
    gone out (api/audit_middleware.py): the library call's record (``query.sql`` ...) and the request's own.
    Each record is complete when it is made (time, actor, outcome, request id); only the insert waits. A record
    made after the batch was written (a task the request started that outlives it) is written at once."""

    def __init__(self) -> None:
        self.rows: list[tuple[dict[str, Any], Sequence[tuple[Any, dict[str, Any]]]]] = []
        self.open = True


_batch: ContextVar[AuditBatch | None] = ContextVar("lakehouse_audit_batch", default=None)


@dataclass
class AuditScope:
    """Filled in by the audited call: how many rows it returned, which objects it touched."""

    rows: int | None = None
    objects: list[str] = field(default_factory=list)
    extra: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)
    """(table, row) pairs to commit with the audit record, in its transaction, on success (an agent call's
    provenance)."""


def audit_view(row: AuditRow) -> dict[str, Any]:
    return {"id": row.id, "at": iso_utc(row.at), "actor": row.actor, "role": row.role, "action": row.action,
            "objects": row.objects, "outcome": row.outcome, "status": row.status, "rows": row.rows,
            "elapsed_ms": row.elapsed_ms, "request_id": row.request_id, "via": row.via, "tool": row.tool,
            "profile": row.profile, "model": row.model}


class AuditLog:
    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    def record(self, actor: Actor, action: str, objects: Sequence[str], outcome: str, *, status: int | None = None,
               rows: int | None = None, elapsed_ms: float = 0.0, request: str | None = None,
               extra: Sequence[tuple[Any, dict[str, Any]]] = ()) -> None:
        via, tool = origin.get() or (None, None)
        row = {"at": utcnow(), "actor": actor.name, "role": actor.role.value, "action": action,
               "objects": [str(o) for o in objects][:50], "outcome": outcome[:50], "status": status, "rows": rows,
               "elapsed_ms": round(elapsed_ms, 3), "request_id": request or request_id.get(), "via": via, "tool": tool,
               "profile": actor.profile, "model": actor.model}
        batch = _batch.get()
        if batch is not None and batch.open:
            batch.rows.append((row, extra))
            return
        self._write([(row, extra)])

    @contextmanager
    def batched(self) -> Iterator[AuditBatch]:
        """Records made inside (this context and the threads it hands work to) are held and written together
        by ``write_batch``: one commit per HTTP request instead of one per record, after the response."""
        batch = AuditBatch()
        token = _batch.set(batch)
        try:
            yield batch
        finally:
            _batch.reset(token)

    def write_batch(self, batch: AuditBatch) -> None:
        batch.open = False
        rows, batch.rows = batch.rows, []
        if rows:
            self._write(rows)

    def _write(self, rows: Sequence[tuple[dict[str, Any], Sequence[tuple[Any, dict[str, Any]]]]]) -> None:
        try:  # Core inserts on a bare connection: every call writes one, and an ORM session costs 40% more
            with self._sessions.kw["bind"].begin() as connection:
                connection.execute(insert(_AUDIT), [row for row, _ in rows])
                for _, extra in rows:
                    for table, values in extra:
                        connection.execute(insert(table), [values])
        except Exception:  # auditing must not turn a served call into a failure; it is logged loudly
            log.exception("could not write the audit record for %s", ", ".join(row["action"] for row, _ in rows))

    @contextmanager
    def scope(self, actor: Actor, action: str, *objects: str) -> Iterator[AuditScope]:
        scope = AuditScope(objects=[o for o in objects if o])
        start = time.perf_counter()
        outcome, status = "ok", 200
        try:
            yield scope
        except LakehouseError as exc:
            outcome, status = exc.code, exc.http_status
            raise
        except Exception:
            outcome, status = "internal_error", 500
            raise
        finally:
            self.record(actor, action, scope.objects, outcome, status=status, rows=scope.rows,
                        elapsed_ms=(time.perf_counter() - start) * 1000,
                        extra=scope.extra if outcome == "ok" else ())

    def query(self, *, principal: str | None = None, action: str | None = None, outcome: str | None = None,
              request: str | None = None, since: datetime | None = None, limit: int = 100,
              before_id: int | None = None, object_name: str | None = None,
              until: datetime | None = None) -> list[dict[str, Any]]:
        """``object_name``: records naming that object (a dataset, view, index, path...) among their objects."""
        with self._sessions() as session:
            q = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
            for column, value in ((AuditRow.actor, principal), (AuditRow.outcome, outcome),
                                  (AuditRow.request_id, request)):
                if value:
                    q = q.where(column == value)
            if action:
                q = q.where(AuditRow.action.like(action.replace("*", "%")))
            if since:
                q = q.where(AuditRow.at >= since)
            if until:
                q = q.where(AuditRow.at <= until)
            if before_id:
                q = q.where(AuditRow.id < before_id)
            if object_name:  # objects is a JSON list of strings: match the quoted name in its text
                quoted = json.dumps(object_name)
                escaped = quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                q = q.where(sql_cast(AuditRow.objects, String).like(f"%{escaped}%", escape="\\"))
            return [audit_view(r) for r in session.scalars(q)]

    def to_arrow(self) -> pa.Table:
        with self._sessions() as session:
            rows = [audit_view(r) for r in session.scalars(select(AuditRow).order_by(AuditRow.id))]
        for r in rows:
            r["at"] = datetime.fromisoformat(r["at"])
            r["objects"] = ",".join(r["objects"])
        import pyarrow as pa

        return pa.Table.from_pylist(rows, schema=_audit_schema())
