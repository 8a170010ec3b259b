"""Happy paths: formats, types, names, streams. Expected values are built with the csv/json modules."""

import csv
import datetime as dt
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakehouse.config import IngestSettings
from lakehouse.ingest.readers import open_source

LIMITS = IngestSettings(batch_rows=1024)


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _read(source, **kw):
    with open_source(source, limits=kw.pop("limits", LIMITS), **kw) as reader:
        table = reader.to_reader().read_all()
        return reader, table


def test_csv_types_names_and_values_match_the_csv_module(tmp_path):
    lines = ["Id,Full Name,price,when,day,ok,zip,note"]
    for i in range(5000):
        note = '"multi\nline, ""quoted"""' if i % 500 == 0 else ("" if i % 7 == 0 else f"n{i}")
        lines.append(f"{i},Name {i},{i * 1.5},2024-01-02T03:04:{i % 60:02d},2024-02-{1 + i % 28:02d},"
                     f"{'true' if i % 2 else 'false'},{i % 100:05d},{note}")  # fmt: skip
    data = ("\n".join(lines) + "\n").encode()
    reader, table = _read(_write(tmp_path, "t.csv", data))
    assert reader.format == "csv"
    assert reader.schema.names == ["id", "full_name", "price", "when", "day", "ok", "zip", "note"]
    assert [str(t) for t in reader.schema.types] == [
        "int64", "string", "double", "timestamp[us]", "date32[day]", "bool", "string", "string",
    ]  # fmt: skip
    assert reader.mapping.original_of("full_name") == "Full Name"
    expected = list(csv.reader(io.StringIO(data.decode())))[1:]
    assert table.num_rows == len(expected) == reader.rows_read
    assert max(b.num_rows for b in table.to_batches()) <= LIMITS.batch_rows
    got = table.to_pylist()
    for row, exp in zip(got, expected, strict=True):
        assert row["id"] == int(exp[0]) and row["price"] == float(exp[2])
        assert row["when"] == dt.datetime.fromisoformat(exp[3])
        assert row["day"] == dt.date.fromisoformat(exp[4])
        assert row["ok"] == (exp[5] == "true") and row["zip"] == exp[6]
        assert row["note"] == (exp[7] or None)
    assert reader.bytes_read == reader.total_bytes == len(data)


def test_bom_duplicate_and_blank_headers_are_normalised(tmp_path):
    _, table = _read(_write(tmp_path, "t.csv", b"\xef\xbb\xbfName,name,,NAME\na,b,c,d\n"))
    assert table.column_names == ["name", "name_2", "column_3", "name_3"]
    assert table.to_pylist() == [{"name": "a", "name_2": "b", "column_3": "c", "name_3": "d"}]


@pytest.mark.parametrize(("name", "data", "fmt"), [
    ("t.tsv", b"a\tb\n1\tx,y\n", "tsv"),
    ("t.txt", b"a;b\n1;x,y\n", "csv"),
    ("t.csv", b"a|b\n1|x,y\n", "csv"),
])  # fmt: skip
def test_delimiters(tmp_path, name, data, fmt):
    reader, table = _read(_write(tmp_path, name, data))
    assert reader.format == fmt
    assert table.to_pylist() == [{"a": 1, "b": "x,y"}]


def test_explicit_delimiter_and_crlf(tmp_path):
    _, table = _read(_write(tmp_path, "t.csv", b"a:b\r\n1:2\r\n"), delimiter=":")
    assert table.to_pylist() == [{"a": 1, "b": 2}]


def test_non_seekable_stream_is_spooled(tmp_path):
    class Upload(io.RawIOBase):
        def __init__(self, data):
            self._inner = io.BytesIO(data)

        def readable(self):
            return True

        def seekable(self):
            return False

        def readinto(self, b):
            chunk = self._inner.read(len(b))
            b[: len(chunk)] = chunk
            return len(chunk)

    data = b"id,v\n" + b"".join(b"%d,%d\n" % (i, i * 2) for i in range(3000))
    reader, table = _read(Upload(data))
    assert reader.format == "csv"
    assert table.column("v").to_pylist() == [i * 2 for i in range(3000)]


def test_given_encoding_is_transcoded(tmp_path):
    data = "name,city\nJosé,München\n".encode("cp1252")
    _, table = _read(_write(tmp_path, "t.csv", data), encoding="cp1252")
    assert table.to_pylist() == [{"name": "José", "city": "München"}]


def test_jsonl(tmp_path):
    rows = [{"Id": i, "Tags": ["a", "b"], "Info": {"k": i}, "Opt": None} for i in range(3000)]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    reader, table = _read(_write(tmp_path, "t.jsonl", data))
    assert reader.format == "jsonl"
    assert table.column_names == ["id", "tags", "info", "opt"]
    assert table.schema.field("opt").type == pa.string()  # all-null columns become nullable strings
    assert table.column("id").to_pylist() == list(range(3000))
    assert table.column("info").to_pylist()[5] == {"k": 5}


def test_jsonl_detected_from_content(tmp_path):
    reader, table = _read(_write(tmp_path, "upload", b'\n{"a": 1}\n\n{"a": 2}\n'))
    assert reader.format == "jsonl" and table.column("a").to_pylist() == [1, 2]


def test_parquet_types_made_storable(tmp_path):
    table = pa.table({
        "Small": pa.array([1, 2, 3], pa.uint8()),
        "Big": pa.array([1, 2, 3], pa.uint32()),
        "Cat": pa.array(["x", "y", "x"]).dictionary_encode(),
        "Nothing": pa.nulls(3),
    })  # fmt: skip
    path = tmp_path / "t.bin"
    pq.write_table(table, path, row_group_size=2)
    reader, out = _read(path)
    assert reader.format == "parquet"
    assert [str(t) for t in out.schema.types] == ["int16", "int64", "string", "string"]
    assert out.column("cat").to_pylist() == ["x", "y", "x"]
    assert out.column("big").to_pylist() == [1, 2, 3]
