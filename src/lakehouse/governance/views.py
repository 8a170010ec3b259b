"""AI-safe views: a base dataset, a column allow-list, an optional checked row filter, and per-column
redactions applied in the relation (so WHERE/JOIN/GROUP BY written against the view see masked values).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, Row, delete, select
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.db import reading
from lakehouse.catalog.models_governance import ViewRow
from lakehouse.errors import Conflict, InvalidInput, NotFound
from lakehouse.governance.redaction import Redaction, check, quote, redact_sql
from lakehouse.storage.names import validate_name
from lakehouse.types import Actor, iso_utc, utcnow
from lakehouse.wire import ColumnInfo


class ViewSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    base_dataset: str
    columns: list[str] = Field(min_length=1, description="Column allow-list, in output order.")
    row_filter: str | None = Field(None, description="A SQL predicate over the base dataset's raw values.")
    column_redactions: dict[str, Redaction] = Field(default_factory=dict)


class ViewInfo(ViewSpec):
    owner: str
    created_at: str


def _info(row: ViewRow | Row[Any]) -> ViewInfo:
    return ViewInfo.model_validate({**row.definition, "owner": row.owner, "created_at": iso_utc(row.created_at)})


def normalise(spec: ViewSpec, base_columns: list[ColumnInfo]) -> ViewSpec:
    """Check names, columns, redactions and the row filter; 422 with the reason otherwise."""
    from lakehouse.governance.rowfilter import validate_row_filter

    validate_name(spec.name, "view")
    types = {c.name: c.type for c in base_columns}
    unknown = [c for c in spec.columns if c not in types]
    if unknown:
        raise InvalidInput(f"View columns {unknown} are not columns of dataset '{spec.base_dataset}'.",
                           hint=f"Columns: {', '.join(types)}.")
    if len(set(spec.columns)) != len(spec.columns):
        raise InvalidInput("View columns must not repeat.")
    for column, redaction in spec.column_redactions.items():
        if column not in spec.columns:
            raise InvalidInput(f"Redaction names column '{column}', which the view does not expose.")
        check(column, types[column], redaction)
    row_filter = validate_row_filter(spec.row_filter, list(types)) if spec.row_filter else None
    return spec.model_copy(update={"row_filter": row_filter})


def select_list(spec: ViewSpec, types: dict[str, str], secret: bytes) -> list[str]:
    """One output expression per view column: its redaction aliased back to its name, or the column."""
    return [redact_sql(c, types.get(c, "string"), spec.column_redactions[c], secret)
            if c in spec.column_redactions else quote(c) for c in spec.columns]


def view_sql(spec: ViewSpec, base_relation: str, select: list[str]) -> str:
    """The whole view over ``base_relation``, from its ``select_list``."""
    where = f" WHERE ({spec.row_filter})" if spec.row_filter else ""
    return f"SELECT {', '.join(select)} FROM {quote(base_relation)}{where}"  # noqa: S608 - checked parts


class ViewStore:
    def __init__(self, sessions: sessionmaker[Session]):
        self._sessions = sessions

    def create(self, spec: ViewSpec, actor: Actor) -> ViewInfo:
        with self._sessions.begin() as session:
            if session.get(ViewRow, spec.name) is not None:
                raise Conflict(f"View '{spec.name}' already exists.", hint="Delete it first to redefine it.")
            row = ViewRow(name=spec.name, base_dataset=spec.base_dataset, definition=spec.model_dump(mode="json"),
                          owner=actor.name, created_at=utcnow())
            session.add(row)
        return _info(row)

    def get(self, name: str) -> ViewInfo | None:
        with self._sessions() as session:
            row = session.get(ViewRow, name)
            return _info(row) if row else None

    def require(self, name: str) -> ViewInfo:
        info = self.get(name)
        if info is None:
            raise NotFound(f"View '{name}' does not exist.", hint="List views with GET /catalog/views.")
        return info

    def list(self, connection: Connection | None = None) -> list[ViewInfo]:
        with reading(self._sessions, connection) as conn:  # plain rows, not ORM objects: every query lists them
            return [_info(r) for r in conn.execute(select(ViewRow.__table__).order_by(ViewRow.name))]

    def delete(self, name: str) -> None:
        with self._sessions.begin() as session:
            session.execute(delete(ViewRow).where(ViewRow.name == name))

    def owners(self) -> dict[str, str]:
        with self._sessions() as session:
            return {name: owner for name, owner in session.execute(select(ViewRow.name, ViewRow.owner))}

    def summary(self, info: ViewInfo) -> dict[str, Any]:
        return info.model_dump(mode="json", exclude={"created_at"})
