"""Whole-result exports (``sql_stream``), through ``Lakehouse`` and ``RemoteLakehouse`` (fixture ``lh``)."""

from __future__ import annotations

import gc
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from lakehouse.errors import NotFound, QueryError

Api = Any

ROWS = 60_000  # several engine batches (8,192 rows each) and more than query.max_rows (10,000)


def numbers() -> pa.Table:
    return pa.table({"i": pa.array(range(ROWS), pa.int64()), "s": [f"row {i}" for i in range(ROWS)]})


def test_a_stream_returns_every_row_past_the_cap(lh: Api) -> None:
    lh.write_table("numbers", numbers())
    capped = lh.sql("SELECT i FROM numbers")
    assert capped.truncated and capped.table.num_rows == 10_000
    reader = lh.sql_stream("SELECT i, s FROM numbers WHERE i % 2 = 0")
    assert reader.schema.names == ["i", "s"]
    batches = list(reader)
    assert len(batches) > 1  # it came in pieces, not as one table
    table = pa.Table.from_batches(batches)
    expected = numbers().filter(pc.equal(pc.bit_wise_and(numbers()["i"], 1), 0))
    assert table.num_rows == expected.num_rows
    assert table.sort_by("i").equals(expected.sort_by("i"))


def test_a_stream_honours_its_own_cap_and_params(lh: Api) -> None:
    lh.write_table("numbers", numbers())
    table = lh.sql_stream("SELECT i FROM numbers WHERE i >= $low ORDER BY i", params={"low": 100},
                          max_rows=15_000).read_all()
    assert table.column("i").to_pylist() == list(range(100, 15_100))


def test_statement_errors_raise_before_any_row(lh: Api) -> None:
    lh.write_table("numbers", numbers())
    with pytest.raises(QueryError) as unknown:
        lh.sql_stream("SELECT * FROM numbrs")
    assert "numbrs" in unknown.value.message and "Did you mean numbers?" in (unknown.value.hint or "")
    with pytest.raises(QueryError):
        lh.sql_stream("SELECT nope FROM numbers")
    with pytest.raises(NotFound):
        lh.sql_stream("SELECT * FROM numbers", as_of={"nowhere": 1})


def test_a_failure_mid_stream_is_the_query_error(lh: Api) -> None:
    lh.write_table("numbers", numbers())
    with pytest.raises(QueryError) as failed:  # remote: an error batch, then the body ends without completing
        lh.sql_stream("SELECT 1 / (i - 50000) AS x FROM numbers").read_all()
    assert "Divide by zero" in failed.value.message
    assert lh.sql("SELECT count(*) AS n FROM numbers").table.to_pylist() == [{"n": ROWS}]


def test_an_abandoned_stream_frees_its_worker(lh: Api) -> None:
    lh.write_table("numbers", numbers())
    for _ in range(3):  # one worker in the pool: each abandoned export must give it back (or replace it)
        reader = lh.sql_stream("SELECT * FROM numbers")
        assert reader.read_next_batch().num_rows > 0
        reader.close()
        del reader
        gc.collect()
        assert lh.sql("SELECT count(*) AS n FROM numbers").table.to_pylist() == [{"n": ROWS}]


def test_a_stream_is_governed_like_sql(lh: Api) -> None:
    lh.write_table("people", pa.table({"id": [1, 2, 3], "email": ["a@x.io", "b@x.io", "c@x.io"]}))
    lh.create_view({"name": "people_safe", "base_dataset": "people", "columns": ["id", "email"],
                    "column_redactions": {"email": {"kind": "mask", "keep_prefix": 1, "keep_suffix": 0}}})
    lh.tombstone("people", "id", [2], reason="erasure request")
    emails = lh.sql_stream("SELECT email FROM people_safe ORDER BY id").read_all().column("email").to_pylist()
    assert emails == ["a*****", "c*****"]
    assert lh.sql_stream("SELECT id FROM people ORDER BY id").read_all().column("id").to_pylist() == [1, 3]
