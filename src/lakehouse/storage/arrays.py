"""Arrow compute over whatever string/binary layout a file or engine hands back.

delta-rs and DataFusion return view types (``string_view``, ``binary_view``) in places, and ``is_in`` has no
kernel for them: every membership test on keys goes through ``is_in`` here, which compares both sides as the
plain large types."""

from __future__ import annotations

import array
from collections.abc import Sequence
from typing import Any

from lakehouse.lazy import lazy_module

pa: Any = lazy_module("pyarrow")
pc: Any = lazy_module("pyarrow.compute")


def int64_array(values: Sequence[int]) -> Any:
    """``pa.array(values, pa.int64())`` without ``pa.array``: that call imports pandas (0.3-0.6 s, once per
    process) to ask whether its argument is a pandas object, on paths (an ingest's PII sample) that have no
    other use for it."""
    data = array.array("q", values)
    return pa.Array.from_buffers(pa.int64(), len(data), [None, pa.py_buffer(data)])


def comparable(arrow_type: Any) -> Any:
    if pa.types.is_string_view(arrow_type) or pa.types.is_string(arrow_type):
        return pa.large_string()
    if pa.types.is_binary_view(arrow_type) or pa.types.is_binary(arrow_type):
        return pa.large_binary()
    return arrow_type


def is_in(values: Any, value_set: Any) -> Any:
    """``pc.is_in(values, value_set)`` with ``value_set`` (an Arrow array or any Python sequence) cast to the
    values' (comparable) type."""
    if not hasattr(value_set, "type"):
        value_set = pa.array(list(value_set))
    target = comparable(values.type)
    if target != values.type:
        values = values.cast(target)
    if value_set.type != target:
        value_set = value_set.cast(target)
    return pc.is_in(values, value_set=value_set)


def filter_table(table: Any, mask: Any) -> Any:
    """``table.filter(mask)`` keeping each column's type, view types included (filtered as their plain large
    counterparts, then cast back: Arrow has no take kernel for views)."""
    schema = table.schema
    views = [i for i, f in enumerate(schema) if pa.types.is_string_view(f.type) or pa.types.is_binary_view(f.type)]
    plain = table
    for i in views:
        plain = plain.set_column(i, schema.field(i).name, table.column(i).cast(comparable(schema.field(i).type)))
    kept = plain.filter(mask)
    for i in views:
        kept = kept.set_column(i, schema.field(i), kept.column(i).cast(schema.field(i).type))
    return kept
