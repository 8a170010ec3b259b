"""Sample a column for the value checks: up to a cap of non-null values spread over the column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.storage.arrays import int64_array

SAMPLE_CAP: Final = 200  # values validated per column

PLACEHOLDERS: Final = frozenset({"", "n/a", "na", "none", "null", "nil", "unknown", "-", "--", "?", "nan",
                                 "tbd", "#n/a", "not available", "redacted"})
_BOOLEAN_WORDS: Final = frozenset({"true", "false", "yes", "no", "y", "n", "t", "f", "0", "1"})
_UUID: Final = re.compile(r"^[0-9a-fA-F]{8}(?:-?[0-9a-fA-F]{4}){3}-?[0-9a-fA-F]{12}$")


@dataclass(frozen=True)
class Values:
    items: list[Any]
    kind: str  # str | int | float | bool | date | other | empty


def _value_kind(dtype: pa.DataType) -> str:
    if pa.types.is_boolean(dtype):
        return "bool"
    if pa.types.is_integer(dtype):
        return "int"
    if pa.types.is_floating(dtype) or pa.types.is_decimal(dtype):
        return "float"
    if pa.types.is_string(dtype) or pa.types.is_large_string(dtype) or pa.types.is_string_view(dtype):
        return "str"
    if pa.types.is_date(dtype) or pa.types.is_timestamp(dtype):
        return "date"
    if pa.types.is_dictionary(dtype):
        return _value_kind(dtype.value_type)
    return "other"


def sample_values(column: pa.ChunkedArray | pa.Array, cap: int = SAMPLE_CAP) -> Values:
    """Up to ``cap`` non-null values spread evenly over the column (not just its head)."""
    kind = _value_kind(column.type)
    if kind == "other":
        return Values([], "other")
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    present = pc.drop_null(column)
    if kind == "str":
        present = pc.utf8_trim_whitespace(present)
    n = len(present)
    if n > cap * 3:  # strings may be placeholders; oversample a little before filtering them
        present = present.take(int64_array([i * n // (cap * 3) for i in range(cap * 3)]))
    items = present.to_pylist()
    if kind == "str":
        items = [v for v in items if v.lower() not in PLACEHOLDERS]
    if len(items) > cap:
        step = len(items) / cap
        items = [items[int(i * step)] for i in range(cap)]
    return Values(items, kind if items else "empty")


def looks_boolean(values: Values) -> bool:
    if values.kind == "bool":
        return True
    if values.kind != "str" or not values.items:
        return False
    return sum(v.lower() in _BOOLEAN_WORDS for v in values.items) >= 0.9 * len(values.items)


def is_surrogate_key(values: Values) -> bool:
    if values.kind == "int":
        return True
    return values.kind == "str" and sum(bool(_UUID.match(v)) for v in values.items) >= 0.8 * len(values.items)


def share(check: Any, values: Values) -> float:
    """The share of sampled values that pass ``check``."""
    return sum(1 for v in values.items if check(v)) / len(values.items) if values.items else 0.0
