"""Pieces shared by the format readers: rejects, progress counters, type clean-up, batch slicing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.config import IngestSettings
from lakehouse.errors import LimitExceeded, MalformedFile
from lakehouse.ingest.normalize import ColumnMapping

MAX_RAW_CHARS = 64 * 1024  # a reject keeps at most this much of the offending row


@dataclass(frozen=True)
class Reject:
    """A row left out with ``on_error="skip"``: 1-based physical line, why, and the row's text."""

    line: int
    reason: str
    raw: str


@dataclass
class Progress:
    rows_read: int = 0
    bytes_read: int = 0
    rejects: list[Reject] = field(default_factory=list)


def clip(raw: str) -> str:
    return raw if len(raw) <= MAX_RAW_CHARS else raw[:MAX_RAW_CHARS] + "..."


def check_column_count(count: int, limits: IngestSettings, what: str = "header") -> None:
    if count > limits.max_columns:
        raise LimitExceeded(
            f"The {what} has {count:,} or more columns; the limit is {limits.max_columns:,}.",
            hint="Raise ingest.max_columns (LAKEHOUSE_INGEST__MAX_COLUMNS) or split the file.",
            details={"setting": "ingest.max_columns", "limit": limits.max_columns},
        )


def field_too_large(line: int | None, column: str, size: int, limits: IngestSettings) -> LimitExceeded:
    where = f"line {line}, " if line is not None else ""
    return LimitExceeded(
        f"{where}column '{column}': a field of {size:,} bytes exceeds the limit of "
        f"{limits.max_field_bytes:,} bytes.",
        hint="Raise ingest.max_field_bytes (LAKEHOUSE_INGEST__MAX_FIELD_BYTES) or fix the file.",
        details={"setting": "ingest.max_field_bytes", "line": line, "column": column},
    )


def storable_type(t: pa.DataType) -> pa.DataType:
    """The type a Delta table can hold for ``t`` (no null, dictionary or unsigned columns)."""
    if pa.types.is_null(t):
        return pa.string()
    if pa.types.is_dictionary(t):
        return storable_type(t.value_type)
    if pa.types.is_unsigned_integer(t):
        return {8: pa.int16(), 16: pa.int32()}.get(t.bit_width, pa.int64())
    if pa.types.is_large_string(t):
        return pa.string()
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.list_(pa.field(t.value_field.name, storable_type(t.value_type)))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, storable_type(f.type), f.nullable) for f in t])
    if pa.types.is_map(t):
        return pa.map_(storable_type(t.key_type), storable_type(t.item_type))
    return t


MAX_NESTED_TYPE_DEPTH = 32  # lists/structs/maps inside each other; the type conversions here recurse per level


def type_depth(t: pa.DataType) -> int:
    """How many lists/structs/maps nest in ``t`` (counted without recursion: the input may be 5,000 deep)."""
    deepest, stack = 0, [(t, 0)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_NESTED_TYPE_DEPTH:
            break
        if pa.types.is_dictionary(current):
            stack.append((current.value_type, depth))
        else:
            stack.extend((current.field(i).type, depth + 1) for i in range(current.num_fields))
    return deepest


def storable_schema(schema: pa.Schema, mapping: ColumnMapping) -> pa.Schema:
    for name, f in zip(mapping.normalized, schema, strict=True):
        if type_depth(f.type) > MAX_NESTED_TYPE_DEPTH:
            raise MalformedFile(f"Column '{name}' nests lists or objects more than {MAX_NESTED_TYPE_DEPTH} levels "
                                "deep.", hint="Flatten the nested values, or store them as JSON text.")
    return pa.schema(
        [pa.field(n, storable_type(f.type), True) for n, f in zip(mapping.normalized, schema, strict=True)]
    )


def conform(batch: pa.RecordBatch, target: pa.Schema, mapping: ColumnMapping) -> pa.RecordBatch:
    """Rename to the normalised names and cast to the storable types; overflow is an error, not null."""
    arrays = []
    for i, f in enumerate(target):
        col = batch.column(i)
        if col.type != f.type:
            try:
                col = pc.cast(col, f.type)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
                raise MalformedFile(
                    f"column '{mapping.pairs[i][0]}': cannot store {col.type} as {f.type}: {exc}",
                    hint="Convert the column to a supported type before ingesting.",
                ) from None
        arrays.append(col)
    return pa.RecordBatch.from_arrays(arrays, schema=target)


def sliced(batch: pa.RecordBatch, max_rows: int) -> Iterator[pa.RecordBatch]:
    if batch.num_rows <= max_rows:
        yield batch
        return
    for offset in range(0, batch.num_rows, max_rows):
        yield batch.slice(offset, max_rows)
