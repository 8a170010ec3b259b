"""Which Arrow schemas a Delta table can store, and which appends fit an existing table.

Decided before any byte is written, so a conflict never leaves a half-written commit behind.
"""

from __future__ import annotations

import pyarrow as pa

from lakehouse.errors import InvalidInput, SchemaConflict

_UNSIGNED = {
    pa.uint8(): pa.int16(),
    pa.uint16(): pa.int32(),
    pa.uint32(): pa.int64(),
    pa.uint64(): pa.decimal128(20, 0),
}
_INT_WIDTH = {pa.int8(): 8, pa.int16(): 16, pa.int32(): 32, pa.int64(): 64}


def _delta_type(t: pa.DataType) -> pa.DataType | None:
    """The Arrow type Delta can store for ``t`` (None when it has no Delta equivalent)."""
    if t in _UNSIGNED:
        return _UNSIGNED[t]
    if pa.types.is_float16(t):
        return pa.float32()
    if pa.types.is_timestamp(t):
        return pa.timestamp("us", tz="UTC" if t.tz else None)
    if pa.types.is_date64(t):
        return pa.date32()
    if pa.types.is_dictionary(t):
        return _delta_type(t.value_type)
    if pa.types.is_decimal256(t):
        return pa.decimal128(t.precision, t.scale) if t.precision <= 38 else None
    if pa.types.is_fixed_size_binary(t) or pa.types.is_binary_view(t):
        return pa.binary()
    if pa.types.is_string_view(t):
        return pa.string()
    if pa.types.is_map(t):
        key, item = _delta_type(t.key_type), _delta_type(t.item_type)
        return None if key is None or item is None else pa.map_(key, item)
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        inner = _delta_type(t.value_type)
        if inner is None:
            return None
        return pa.large_list(inner) if pa.types.is_large_list(t) else pa.list_(inner)
    if pa.types.is_struct(t):
        fields = [_delta_field(t.field(i)) for i in range(t.num_fields)]
        return None if any(f is None for f in fields) else pa.struct(fields)  # type: ignore[arg-type]
    unsupported = (pa.types.is_time, pa.types.is_duration, pa.types.is_interval, pa.types.is_union)
    return None if any(check(t) for check in unsupported) or pa.types.is_list_view(t) else t


def _delta_field(f: pa.Field) -> pa.Field | None:
    t = _delta_type(f.type)
    return None if t is None else pa.field(f.name, t, f.nullable)


def to_delta_schema(incoming: pa.Schema) -> pa.Schema:
    """Map ``incoming`` to types Delta stores, or raise ``InvalidInput`` naming every column it can't.

    Unsigned ints widen to the next signed type (uint64 -> decimal(20, 0)), timestamps become
    microseconds (UTC when zoned; finer units are truncated on write), dictionaries decode, date64 ->
    date32, float16 -> float32. Time, duration, interval and union columns are refused.
    """
    names = [n.lower() for n in incoming.names]
    dupes = sorted({n for n in incoming.names if names.count(n.lower()) > 1})
    if dupes:
        raise InvalidInput(f"Duplicate column names (case-insensitive): {', '.join(dupes)}.")
    fields, bad = [], []
    for f in incoming:
        mapped = _delta_field(f)
        if mapped is None:
            bad.append(f"'{f.name}' ({f.type})")
        else:
            fields.append(mapped)
    if bad:
        raise InvalidInput(
            f"Delta tables cannot store column(s) {', '.join(bad)}.", hint="Cast them (e.g. to string) first."
        )
    return pa.schema(fields)


def _canon(t: pa.DataType) -> str:
    """Type identity at the Delta level: string/large_string, list item names etc. don't matter."""
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        return "string"
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_binary_view(t):
        return "binary"
    if pa.types.is_list(t) or pa.types.is_large_list(t) or pa.types.is_fixed_size_list(t):
        return f"list<{_canon(t.value_type)}>"
    if pa.types.is_map(t):
        return f"map<{_canon(t.key_type)},{_canon(t.item_type)}>"
    if pa.types.is_struct(t):
        return (
            "struct<"
            + ",".join(f"{t.field(i).name}:{_canon(t.field(i).type)}" for i in range(t.num_fields))
            + ">"
        )
    return str(t)


def _widens(src: pa.DataType, dst: pa.DataType) -> bool:
    """True when every ``src`` value converts to ``dst`` exactly."""
    if src in _INT_WIDTH and dst in _INT_WIDTH:
        return _INT_WIDTH[src] <= _INT_WIDTH[dst]
    if src in _INT_WIDTH and pa.types.is_floating(dst):
        return _INT_WIDTH[src] <= (32 if dst == pa.float64() else 16)
    if pa.types.is_floating(src) and pa.types.is_floating(dst):
        return src.bit_width <= dst.bit_width
    if pa.types.is_decimal(src) and pa.types.is_decimal(dst):
        return dst.scale >= src.scale and dst.precision - dst.scale >= src.precision - src.scale
    return False


def check_append_schema(existing: pa.Schema, incoming: pa.Schema) -> pa.Schema:
    """The table schema after appending data shaped like ``incoming``, or ``SchemaConflict``.

    Accepted: equal types at the Delta level (string == large_string); exact widenings of incoming
    data to the table type (int8/16/32 -> int64, smaller ints -> float64, float32 -> float64,
    decimals that fit); an all-null (null-typed) incoming column; a null-typed table column takes the
    incoming type; missing nullable columns (filled with nulls); new columns, appended and always
    nullable (older rows have no value). Refused, all named in one message: other type changes
    (narrowing such as int64 -> int32 included, even if the values would fit), a NOT NULL table
    column that is missing or null-typed, a column differing from a table column only in case.
    """
    incoming = to_delta_schema(incoming)
    by_lower = {n.lower(): n for n in existing.names}
    conflicts: list[dict[str, str]] = []
    merged: dict[str, pa.Field] = {f.name: f for f in existing}

    def conflict(column: str, table: str, data: str, reason: str) -> None:
        conflicts.append({"column": column, "table_type": table, "data_type": data, "reason": reason})

    for f in incoming:
        if f.name not in merged:
            if f.name.lower() in by_lower:
                conflict(
                    f.name,
                    "",
                    str(f.type),
                    f"differs only in case from table column '{by_lower[f.name.lower()]}'",
                )
            else:
                merged[f.name] = f.with_nullable(True)
            continue
        e = merged[f.name]
        if pa.types.is_null(e.type):
            merged[f.name] = pa.field(f.name, f.type, True)
        elif pa.types.is_null(f.type):
            if not e.nullable:
                conflict(f.name, str(e.type), "null", "is NOT NULL in the table but has no values")
        elif _canon(f.type) != _canon(e.type) and not _widens(f.type, e.type):
            conflict(f.name, str(e.type), str(f.type), f"is {e.type} in the table but {f.type} in the data")
    for e in existing:
        if e.name not in incoming.names and not e.nullable:
            conflict(e.name, str(e.type), "", "is NOT NULL in the table but missing from the data")
    if conflicts:
        detail = "; ".join(f"'{c['column']}' {c['reason']}" for c in conflicts)
        raise SchemaConflict(
            f"Cannot append: {len(conflicts)} column(s) conflict with the table schema: {detail}.",
            hint="Cast the data to the table's types, or write with mode=overwrite to replace the schema.",
            details={"conflicts": conflicts},
        )
    return pa.schema(list(merged.values()))


def write_schema(table: pa.Schema, incoming: pa.Schema) -> pa.Schema:
    """What batches are conformed to: the table's columns, keeping the incoming Arrow type where it
    is the same Delta type (no pointless string -> large_string copies)."""
    fields = []
    for f in table:
        idx = incoming.get_field_index(f.name)
        keep = idx >= 0 and _canon(incoming.field(idx).type) == _canon(f.type)
        fields.append(pa.field(f.name, incoming.field(idx).type if keep else f.type, f.nullable))
    return pa.schema(fields)
