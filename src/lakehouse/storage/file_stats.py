"""Delta ``add`` statistics for a Parquet file written outside delta-rs (a compute worker's part file).

Readers skip files by these (``minValues``/``maxValues``) and count rows by ``numRecords``, so a wrong
bound would silently drop rows from results. Bounds are therefore kept only where they are exact and
written as delta-rs writes them: integers, booleans, dates and strings of at most ``MAX_STRING`` characters.
Floats (NaN has no place in a min/max), timestamps (delta-rs itself writes them truncated to milliseconds),
decimals and nested columns get no bounds: a missing bound only means the file is never skipped.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

INDEXED_COLUMNS = 32  # Delta's default delta.dataSkippingNumIndexedCols
MAX_STRING = 64


def _bounded(t: pa.DataType) -> bool:
    return (pa.types.is_integer(t) or pa.types.is_boolean(t) or pa.types.is_date32(t)
            or pa.types.is_string(t) or pa.types.is_large_string(t))


def _json(value: Any, t: pa.DataType) -> Any:
    return value.isoformat() if pa.types.is_date32(t) else value


class FileStats:
    """Fed every batch written to one file; ``to_json`` is the add action's ``stats``."""

    def __init__(self, schema: pa.Schema):
        self._fields = [f for f in list(schema)[:INDEXED_COLUMNS] if not pa.types.is_nested(f.type)]
        self.rows = 0
        self._nulls = {f.name: 0 for f in self._fields}
        self._min: dict[str, Any] = {}
        self._max: dict[str, Any] = {}
        self._unbounded = {f.name for f in self._fields if not _bounded(f.type)}

    def add(self, batch: pa.RecordBatch) -> None:
        self.rows += batch.num_rows
        for field in self._fields:
            column = batch.column(batch.schema.get_field_index(field.name))
            self._nulls[field.name] += column.null_count
            if field.name in self._unbounded or column.null_count == len(column):
                continue
            low, high = (pc.min_max(column)[k].as_py() for k in ("min", "max"))
            if isinstance(high, str) and max(len(low), len(high)) > MAX_STRING:
                self._unbounded.add(field.name)
                self._min.pop(field.name, None)
                self._max.pop(field.name, None)
                continue
            if field.name not in self._min or low < self._min[field.name]:
                self._min[field.name] = low
            if field.name not in self._max or high > self._max[field.name]:
                self._max[field.name] = high

    def to_json(self) -> str:
        types = {f.name: f.type for f in self._fields}
        return json.dumps({
            "numRecords": self.rows,
            "minValues": {k: _json(v, types[k]) for k, v in self._min.items()},
            "maxValues": {k: _json(v, types[k]) for k, v in self._max.items()},
            "nullCount": self._nulls,
        }, separators=(",", ":"))
