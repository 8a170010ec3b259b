"""Result encoding against hand-written expectations (never derived from the code under test)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pyarrow as pa
import pytest

from lakehouse.query import QueryExecutor, QueryResult, TableRegistration
from lakehouse.query.results import to_arrow_ipc, to_csv_bytes, to_json_bytes, to_json_payload
from tests.query.conftest import spec

UTC = dt.UTC
# (arrow array, expected type string, expected JSON values)
CASES: list[tuple[pa.Array, str, list[object]]] = [
    (pa.array([None, None], pa.null()), "null", [None, None]),
    (pa.array([True, None]), "bool", [True, None]),
    (pa.array([-(2**63), 2**63 - 1], pa.int64()), "int64", [-(2**63), 2**63 - 1]),
    (pa.array([255, None], pa.uint8()), "uint8", [255, None]),
    # no nulls: the values come through NumPy; they must stay Python ints, bools and floats
    (pa.array([2**64 - 1, 0], pa.uint64()), "uint64", [2**64 - 1, 0]),
    (pa.array([True, False]), "bool", [True, False]),
    (pa.array([0.1, -2.5]), "double", [0.1, -2.5]),
    (pa.array([float("nan"), 1.0]), "double", ["NaN", 1.0]),
    (pa.array([1.5, None], pa.float16()), "halffloat", [1.5, None]),
    (pa.array([0.1, float("nan"), float("inf"), float("-inf"), None]), "double",
     [0.1, "NaN", "Infinity", "-Infinity", None]),
    (pa.array([Decimal("1234.50"), Decimal("-0.01"), None], pa.decimal128(15, 2)), "decimal128(15, 2)",
     ["1234.50", "-0.01", None]),
    (pa.array([Decimal("0.0000000001")], pa.decimal128(20, 10)), "decimal128(20, 10)", ["0.0000000001"]),
    (pa.array([Decimal("12345678901234567890123456789012345678.9")], pa.decimal256(40, 1)),
     "decimal256(40, 1)", ["12345678901234567890123456789012345678.9"]),
    (pa.array([Decimal("100")], pa.decimal128(5, -2)), "decimal128(5, -2)", ["100"]),
    # Arrow's own text for these has an exponent (0E-2, 1.0E-7): they must come back plain all the same
    (pa.array([Decimal("0.00"), Decimal("-0.00"), Decimal("5.00"), None], pa.decimal128(5, 2)), "decimal128(5, 2)",
     ["0.00", "0.00", "5.00", None]),
    (pa.array([Decimal("0.00000010"), Decimal("1.00000000")], pa.decimal128(10, 8)), "decimal128(10, 8)",
     ["0.00000010", "1.00000000"]),
    (pa.array(["héllo", None], pa.string()), "string", ["héllo", None]),
    (pa.array(["a"], pa.large_string()), "large_string", ["a"]),
    (pa.array(["v"], pa.string_view()), "string_view", ["v"]),
    (pa.array([b"\x00\xff", None]), "binary", ["AP8=", None]),
    (pa.array([b"ab"], pa.binary(2)), "fixed_size_binary[2]", ["YWI="]),
    (pa.array([b"xyz"], pa.large_binary()), "large_binary", ["eHl6"]),
    (pa.array([dt.date(2024, 2, 29), None], pa.date32()), "date32[day]", ["2024-02-29", None]),
    (pa.array([dt.date(1969, 12, 31)], pa.date64()), "date64[ms]", ["1969-12-31"]),
    (pa.array([dt.time(13, 45, 0, 123456)], pa.time64("us")), "time64[us]", ["13:45:00.123456"]),
    (pa.array([3_723_004], pa.time32("ms")), "time32[ms]", ["01:02:03.004"]),
    (pa.array([dt.datetime(2024, 1, 31, 13, 45, 0, 500000, tzinfo=UTC), None], pa.timestamp("us", tz="UTC")),
     "timestamp[us, tz=UTC]", ["2024-01-31T13:45:00.500000Z", None]),
    (pa.array([1_700_000_000_123_456_789], pa.timestamp("ns", tz="UTC")), "timestamp[ns, tz=UTC]",
     ["2023-11-14T22:13:20.123456789Z"]),
    (pa.array([0], pa.timestamp("s")), "timestamp[s]", ["1970-01-01T00:00:00"]),
    (pa.array([0], pa.timestamp("ms", tz="Europe/Paris")), "timestamp[ms, tz=Europe/Paris]",
     ["1970-01-01T01:00:00.000+01:00"]),
    (pa.array([90_500, -5_000], pa.duration("ms")), "duration[ms]", ["PT90.500S", "-PT5.000S"]),
    (pa.array([(1, 2, 3)], pa.month_day_nano_interval()), "month_day_nano_interval", ["P1M2DT0.000000003S"]),
    (pa.array([[1, 2], None, []], pa.list_(pa.int64())), "list<item: int64>", [[1, 2], None, []]),
    (pa.array([[Decimal("1.5")]], pa.large_list(pa.decimal128(4, 1))), "large_list<item: decimal128(4, 1)>",
     [["1.5"]]),
    (pa.array([[1, 2], None], pa.list_(pa.int32(), 2)), "fixed_size_list<item: int32>[2]", [[1, 2], None]),
    (pa.array([{"a": 1, "b": dt.date(2020, 1, 1)}, None],
              pa.struct([("a", pa.int64()), ("b", pa.date32())])),
     "struct<a: int64, b: date32[day]>", [{"a": 1, "b": "2020-01-01"}, None]),
    (pa.array([[("k", b"v")], None], pa.map_(pa.string(), pa.binary())), "map<string, binary>",
     [[["k", "dg=="]], None]),
    (pa.array([[{"x": [dt.datetime(2020, 1, 1, tzinfo=UTC)]}]],
              pa.list_(pa.struct([("x", pa.list_(pa.timestamp("us", tz="UTC")))]))),
     "list<item: struct<x: list<item: timestamp[us, tz=UTC]>>>", [[{"x": ["2020-01-01T00:00:00.000000Z"]}]]),
    (pa.array(["a", "b", "a"]).dictionary_encode(), "dictionary<values=string, indices=int32, ordered=0>",
     ["a", "b", "a"]),
]


@pytest.mark.parametrize(("array", "type_string", "expected"), CASES, ids=[c[1] for c in CASES])
def test_json_encoding_per_type(array: pa.Array, type_string: str, expected: list[object]) -> None:
    table = pa.table({"c": array})
    payload = to_json_payload(QueryResult(table=table, truncated=False, elapsed_ms=1.0))
    assert payload["columns"] == [{"name": "c", "type": type_string}]
    assert [row[0] for row in payload["rows"]] == expected
    assert payload["row_count"] == len(expected)
    decoded = json.loads(to_json_bytes(QueryResult(table=table, truncated=True, elapsed_ms=1.0)))
    assert decoded["rows"] == [[v] for v in expected] and decoded["truncated"] is True


def test_sliced_and_chunked_columns() -> None:
    chunked = pa.chunked_array([pa.array([[1], [2, 3]]), pa.array([None, [4]])])
    table = pa.table({"l": chunked}).slice(1, 2)
    assert to_json_payload(QueryResult(table, False, 0.0))["rows"] == [[[2, 3]], [None]]


def test_payload_shape_and_csv_and_ipc() -> None:
    table = pa.table({
        "id": pa.array([1, 2], pa.int64()),
        "amount": pa.array([Decimal("1.10"), None], pa.decimal128(15, 2)),
        "at": pa.array([dt.datetime(2024, 5, 1, tzinfo=UTC), None], pa.timestamp("us", tz="UTC")),
        "tags": pa.array([["x", "y"], []]),
        "raw": pa.array([b"\x01", None]),
        "s": pa.array(["a,b", "c"], pa.string_view()),
    })
    result = QueryResult(table=table, truncated=True, elapsed_ms=12.3456)
    payload = to_json_payload(result)
    assert set(payload) == {"columns", "rows", "row_count", "truncated", "elapsed_ms", "hint"}
    assert "--output" in payload["hint"]  # a truncated result says how to get every row
    assert "hint" not in to_json_payload(QueryResult(table=table, truncated=False, elapsed_ms=1.0))
    assert payload["rows"][0] == [1, "1.10", "2024-05-01T00:00:00.000000Z", ["x", "y"], "AQ==", "a,b"]
    assert payload["row_count"] == 2 and payload["truncated"] is True and payload["elapsed_ms"] == 12.346
    assert to_csv_bytes(result).decode().splitlines() == [
        'id,amount,at,tags,raw,s',
        '1,"1.10","2024-05-01T00:00:00.000000Z","[""x"",""y""]","AQ==","a,b"',
        '2,,,"[]",,"c"',
    ]
    assert pa.ipc.open_stream(to_arrow_ipc(result)).read_all().equals(table)


def test_json_of_1000_rows_of_every_type_is_exact() -> None:
    """Its speed is a bench figure (bench/http_overhead.py: 1,000 rows as JSON over HTTP), not a timed assertion,
    which failed here on a loaded machine."""
    n = 1000
    table = pa.table({
        **{f"i{k}": pa.array(range(n), pa.int64()) for k in range(5)},
        **{f"s{k}": pa.array([f"name-{i}" for i in range(n)]) for k in range(5)},
        "d": pa.array([Decimal(i) / 100 for i in range(n)], pa.decimal128(15, 2)),
        "t": pa.array([dt.datetime(2024, 1, 1, tzinfo=UTC)] * n, pa.timestamp("us", tz="UTC")),
        "day": pa.array([dt.date(2024, 1, 1)] * n, pa.date32()),
        "f": pa.array([i / 3 for i in range(n)]),
        "b": pa.array([i % 2 == 0 for i in range(n)]),
    })
    payload = json.loads(to_json_bytes(QueryResult(table, False, 1.0)))
    assert len(payload["rows"]) == n and [c["name"] for c in payload["columns"]] == table.column_names
    assert payload["rows"][7] == [7] * 5 + ["name-7"] * 5 + ["0.07", "2024-01-01T00:00:00.000000Z", "2024-01-01",
                                                                7 / 3, False]


def test_engine_types_end_to_end(executor: QueryExecutor, people: TableRegistration) -> None:
    sql = ("SELECT CAST(12.5 AS DECIMAL(10, 2)) AS d, DATE '2024-02-29' AS day, "
           "CAST('2024-01-31T13:45:00Z' AS TIMESTAMP) AS ts, [1, 2] AS l, 'x' AS s, NULL AS n")
    payload = to_json_payload(executor.run(spec(sql, people)))
    assert payload["rows"] == [["12.50", "2024-02-29", "2024-01-31T13:45:00.000000000", [1, 2], "x", None]]
    types = [c["type"] for c in payload["columns"]][:3]
    assert types == ["decimal128(10, 2)", "date32[day]", "timestamp[ns]"]


def test_delta_strings_come_back_as_plain_strings(executor: QueryExecutor, people: TableRegistration) -> None:
    result = executor.run(spec("SELECT name, CAST(name AS BYTEA) AS raw FROM people ORDER BY id", people))
    assert [str(f.type) for f in result.table.schema] == ["string", "binary"]
    assert to_json_payload(result)["rows"][0] == ["ann", "YW5u"]
