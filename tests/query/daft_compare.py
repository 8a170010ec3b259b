"""Comparing two engines' results: the same multiset of rows, whatever the order, numbers within a tolerance.

Engines differ in types that do not change the answer (Daft counts as uint64, DataFusion as int64; a
decimal's scale after arithmetic; string vs large_string), so values are compared, not schemas: decimals and
integers as floats, floats to 1e-6 relative (sums in another order round differently).
"""

from __future__ import annotations

import decimal
import math

import pyarrow as pa

REL = 1e-6


def _value(v: object) -> object:
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, int | float | decimal.Decimal):
        return float(v)
    return v


def _key(row: tuple[object, ...]) -> tuple[object, ...]:
    # numbers rounded for sorting only, so that two rows differing in the last digits still sort together
    return tuple((0, "") if v is None else (1, f"{v:.6g}") if isinstance(v, float) else (2, str(v)) for v in row)


def rows(table: pa.Table) -> list[tuple[object, ...]]:
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    return sorted((tuple(_value(c[r]) for c in columns) for r in range(table.num_rows)), key=_key)


def assert_same_rows(got: pa.Table, want: pa.Table, *, names: bool = True) -> None:
    """``names=False`` for statements with unaliased expressions, which each engine names its own way
    (``sum(l_quantity)`` is ``l_quantity`` on Daft, ``sum(lineitem.l_quantity)`` on DataFusion)."""
    assert got.column_names == want.column_names if names else got.num_columns == want.num_columns
    assert got.num_rows == want.num_rows, f"{got.num_rows} rows, expected {want.num_rows}"
    for a, b in zip(rows(got), rows(want), strict=True):
        for x, y in zip(a, b, strict=True):
            if isinstance(x, float) and isinstance(y, float):
                assert math.isclose(x, y, rel_tol=REL, abs_tol=1e-9), (a, b)
            else:
                assert x == y, (a, b)
