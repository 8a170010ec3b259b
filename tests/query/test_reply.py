"""The worker's one-message answer (query/reply.py) reads back as it was written."""

from __future__ import annotations

import pyarrow as pa

from lakehouse.query import reply


def test_a_result_and_its_header_read_back() -> None:
    table = pa.table({"id": [1, 2], "name": ["a", None]})
    header, back = reply.decode(reply.encode(("ok", True, 1.5), table).to_pybytes())
    assert header == ("ok", True, 1.5)
    assert back is not None and back.equals(table)


def test_an_empty_result_keeps_its_schema() -> None:
    table = pa.schema([("n", pa.int64())]).empty_table()
    _, back = reply.decode(reply.encode(("ok", False, 0.1), table).to_pybytes())
    assert back is not None and back.schema == table.schema and back.num_rows == 0


def test_an_error_carries_no_result() -> None:
    header, back = reply.decode(reply.encode(("error", "QueryError", "bad", "fix it")).to_pybytes())
    assert header == ("error", "QueryError", "bad", "fix it") and back is None
