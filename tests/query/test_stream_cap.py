"""A capped result is cut at exactly ``max_rows`` rows, whether the plan carries LIMIT cap+1 (small caps) or the
result stream alone is stopped (caps of ``STREAM_CAP`` rows or more), sorted or not."""

from __future__ import annotations

import pytest

from lakehouse.query.engine import STREAM_CAP, Engine
from tests.query.conftest import spec


@pytest.mark.parametrize("cap", [10, STREAM_CAP])
def test_cap_cuts_exactly_with_or_without_a_limit_in_the_plan(cap: int) -> None:
    engine = Engine()
    total = cap + 5
    result = engine.run(spec(f"SELECT value FROM range({total}) ORDER BY value DESC", max_rows=cap))
    values = result.table.column("value")
    assert (result.truncated, len(values), values[0].as_py(), values[-1].as_py()) == (True, cap, total - 1, 5)

    unsorted = engine.run(spec(f"SELECT value FROM range({total})", max_rows=cap))
    assert (unsorted.truncated, unsorted.table.num_rows) == (True, cap)

    whole = engine.run(spec(f"SELECT value FROM range({cap})", max_rows=cap))
    assert (whole.truncated, whole.table.num_rows) == (False, cap)
