"""A page of a result for the templates: column names and Arrow types, rows as display values, where the
neighbouring pages start. The caller asks for one row more than it shows, to know whether more follow."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from lakehouse.query.results import convert_column


@dataclass
class ResultPage:
    columns: list[tuple[str, str]]
    rows: list[list[Any]]
    offset: int
    more: bool
    elapsed_ms: float
    size: int
    numeric: list[bool]

    @property
    def first(self) -> int:
        return self.offset + 1 if self.rows else self.offset

    @property
    def last(self) -> int:
        return self.offset + len(self.rows)

    @property
    def previous(self) -> int | None:
        return max(self.offset - self.size, 0) if self.offset > 0 else None

    @property
    def next(self) -> int | None:
        return self.offset + self.size if self.more else None


def _numeric(t: pa.DataType) -> bool:
    return pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t)


def result_page(table: pa.Table, offset: int, size: int, elapsed_ms: float) -> ResultPage:
    shown = table.slice(0, size)
    values = [convert_column(column) for column in shown.columns]
    rows = [list(row) for row in zip(*values, strict=True)] if values else []
    return ResultPage(columns=[(f.name, str(f.type)) for f in table.schema], rows=rows, offset=offset,
                      more=table.num_rows > size, elapsed_ms=elapsed_ms, size=size,
                      numeric=[_numeric(f.type) for f in table.schema])


def first_rows(schema: pa.Schema, batches: Generator[pa.RecordBatch | None, None, None], offset: int,
               count: int) -> tuple[pa.Table, bool]:
    """Rows ``offset`` to ``offset + count`` of a result stream, and whether the stream ended; the stream is
    closed as soon as they are in hand (its worker freed, the rest never computed)."""
    kept: list[pa.RecordBatch] = []
    seen, wanted = 0, offset + count
    ended = True
    try:
        for batch in batches:
            if batch is None or batch.num_rows == 0:
                continue
            start = max(offset - seen, 0)
            if start < batch.num_rows:
                kept.append(batch.slice(start, wanted - max(seen, offset)))
            seen += batch.num_rows
            if seen >= wanted:
                ended = False
                break
    finally:
        batches.close()
    return pa.Table.from_batches(kept, schema=schema).slice(0, count), ended
