"""Incremental sync: the high-water mark per (dataset, source), and the rows already taken at it.

A run reads ``column >= mark``. Rows equal to the mark that an earlier run already ingested are dropped
by content hash (a multiset, so identical rows count), so rows that share the mark and arrive later
are taken, and none is taken twice. The new mark and its hashes are saved in the same catalog
transaction that records the table version: a failed run moves nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import select

from lakehouse.catalog.models_sync import SyncStateRow
from lakehouse.catalog.records import as_utc
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import InvalidInput
from lakehouse.ingest.db.source import Mark
from lakehouse.ingest.db.types import ColumnPlan
from lakehouse.types import utcnow

MAX_ROWS_AT_MARK = 100_000  # beyond this many rows sharing one mark, the next run reads strictly newer rows


def mark_kind(plan: ColumnPlan) -> str:
    t = plan.arrow_type
    if pa.types.is_integer(t):
        return "int"
    if pa.types.is_decimal(t):
        return "decimal"
    if pa.types.is_date32(t):
        return "date"
    if pa.types.is_timestamp(t):
        return "timestamptz" if t.tz else "timestamp"
    raise InvalidInput(
        f"Incremental column '{plan.source_name}' is {plan.source_type}; it must be an integer, decimal, date "
        "or timestamp column.", hint="Pick an id or an updated_at column.")


def decode(kind: str, text: str) -> Mark:
    try:
        if kind == "int":
            return int(text)
        if kind == "decimal":
            return Decimal(text)
        if kind == "date":
            return date.fromisoformat(text)
        value = datetime.fromisoformat(text)
        return value if kind == "timestamp" else as_utc(value)  # type: ignore[return-value]
    except (ValueError, ArithmeticError):
        raise InvalidInput(f"Stored high-water mark {text!r} is not a {kind}.") from None


@dataclass
class SyncState:
    kind: str
    mark: Mark
    at_mark: Counter[str] = field(default_factory=Counter)
    exclusive: bool = False  # too many rows shared the mark to remember them: read strictly newer rows

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.mark.isoformat() if isinstance(self.mark, date) else str(self.mark),
                "exclusive": self.exclusive}


def _row_hashes(table: pa.RecordBatch) -> list[str]:
    return [hashlib.sha256(repr(tuple(row.values())).encode()).hexdigest()[:32] for row in table.to_pylist()]


class MarkTracker:
    """Filters rows already taken at the previous mark; follows the new mark and the rows at it."""

    def __init__(self, column: str, kind: str, previous: SyncState | None):
        self.column, self.kind, self.previous = column, kind, previous
        self._seen = Counter(previous.at_mark) if previous and not previous.exclusive else Counter()
        self.mark: Mark | None = previous.mark if previous else None
        self.at_mark: Counter[str] = Counter(previous.at_mark) if previous else Counter()
        self.overflow = bool(previous and previous.exclusive)

    def _equal(self, batch: pa.RecordBatch, value: Mark) -> pa.Array:
        column = batch.column(batch.schema.get_field_index(self.column))
        return pc.fill_null(pc.equal(column, pa.scalar(value, type=column.type)), False)

    def take(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        if self.previous is not None and self._seen and batch.num_rows:
            equal = self._equal(batch, self.previous.mark)
            if pc.any(equal).as_py():
                keep = [True] * batch.num_rows
                positions = pc.indices_nonzero(equal).to_pylist()
                for pos, digest in zip(positions, _row_hashes(batch.take(positions)), strict=True):
                    if self._seen[digest] > 0:
                        self._seen[digest] -= 1
                        keep[pos] = False
                batch = batch.filter(pa.array(keep))
        self._observe(batch)
        return batch

    def _observe(self, batch: pa.RecordBatch) -> None:
        if not batch.num_rows:
            return
        top = pc.max(batch.column(batch.schema.get_field_index(self.column))).as_py()
        if top is None:
            return
        if self.mark is None or top > self.mark:
            self.mark, self.at_mark, self.overflow = top, Counter(), False
        if top == self.mark and not self.overflow:
            self.at_mark.update(_row_hashes(batch.filter(self._equal(batch, self.mark))))
            if sum(self.at_mark.values()) > MAX_ROWS_AT_MARK:
                self.overflow, self.at_mark = True, Counter()

    def state(self) -> SyncState | None:
        if self.mark is None:
            return None
        return SyncState(self.kind, self.mark, self.at_mark, self.overflow)


def load_state(catalog: CatalogStore, dataset: str, source_key: str) -> SyncState | None:
    """The saved mark, unless the dataset was deleted (or recreated) since it was saved."""
    with catalog.sessions() as session:
        row = session.get(SyncStateRow, (dataset, source_key))
    if row is None or not catalog.datasets.exists(dataset):
        return None
    created = catalog.datasets.get(dataset, with_lineage=False).created_at
    updated = as_utc(row.updated_at)
    if created is not None and updated is not None and created > updated:
        return None
    mark = row.high_water
    return SyncState(str(mark["kind"]), decode(str(mark["kind"]), str(mark["value"])),
                     Counter({str(k): int(v) for k, v in (row.at_mark or {}).items()}), bool(mark.get("exclusive")))


def save_state(session: Any, dataset: str, source_key: str, source: str, column: str, state: SyncState,
               version: int) -> None:
    row = session.get(SyncStateRow, (dataset, source_key))
    if row is None:
        row = SyncStateRow(dataset_name=dataset, source_key=source_key)
        session.add(row)
    row.source, row.incremental_column = source[:1000], column
    row.high_water, row.at_mark = state.to_json(), dict(state.at_mark)
    row.version, row.updated_at = version, utcnow()


def list_states(catalog: CatalogStore, dataset: str) -> list[dict[str, Any]]:
    with catalog.sessions() as session:
        rows = session.scalars(select(SyncStateRow).where(SyncStateRow.dataset_name == dataset)).all()
        return [{"source": r.source, "incremental_column": r.incremental_column, "high_water_mark": r.high_water,
                 "version": r.version, "updated_at": as_utc(r.updated_at)} for r in rows]
