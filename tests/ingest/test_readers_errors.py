"""Bad input: each case fails with a 422 error saying what to fix, or is rejected with its line."""


import pytest

from lakehouse.config import IngestSettings
from lakehouse.errors import InvalidInput, LimitExceeded, MalformedFile
from lakehouse.ingest import readers_csv
from lakehouse.ingest.readers import open_source

LIMITS = IngestSettings()
N = 60_000  # rows: enough for several parse blocks, so errors are found past the fast path's start


def _body(n=N, start=0):
    return b"".join(b"%d,name %d,%d.5\n" % (i, i, i) for i in range(start, start + n))


def _file(tmp_path, data, name="t.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _consume(path, **kw):
    with open_source(path, limits=kw.pop("limits", LIMITS), **kw) as reader:
        table = reader.to_reader().read_all()
        return table, reader.rejects


def _raises(exc_type, path, **kw):
    with pytest.raises(exc_type) as info:
        _consume(path, **kw)
    assert info.value.http_status == 422 and info.value.hint
    return info.value


def test_empty_file(tmp_path):
    assert "empty" in _raises(MalformedFile, _file(tmp_path, b"")).message
    assert "empty" in _raises(MalformedFile, _file(tmp_path, b"\xef\xbb\xbf \n")).message


def test_header_only(tmp_path):
    err = _raises(MalformedFile, _file(tmp_path, b"a,b,c\n\n"))
    assert "header but no data rows" in err.message


def test_unknown_format(tmp_path):
    err = _raises(InvalidInput, _file(tmp_path, b"a\n1\n"), format="xlsx")
    assert "xlsx" in err.message and "csv" in err.hint


def test_huge_header_is_refused(tmp_path):
    path = _file(tmp_path, b",".join(b"col%d" % i for i in range(100_000)) + b"\n" + b"1," * 99_999 + b"1\n")
    err = _raises(LimitExceeded, path)
    assert "ingest.max_columns" in err.hint and "10,000" in err.message


def test_field_larger_than_limit(tmp_path):
    data = b"a,b\n" + b"".join(b"%d,x\n" % i for i in range(2000))
    data += b"2000," + b"y" * 5000 + b"\n"
    err = _raises(LimitExceeded, _file(tmp_path, data), limits=IngestSettings(max_field_bytes=4096))
    assert "line 2002" in err.message and "ingest.max_field_bytes" in err.hint


def test_big_fields_under_the_limit_are_read(tmp_path):
    big = "z" * (3 * readers_csv.BLOCK_SIZE)  # larger than a parse block: read by the exact path
    data = b"a,b\n" + b"".join(b"%d,x\n" % i for i in range(10)) + f'10,"{big}"\n11,y\n'.encode()
    table, _ = _consume(_file(tmp_path, data))
    assert table.column("a").to_pylist() == list(range(12))
    assert table.column("b").to_pylist()[10] == big


@pytest.mark.parametrize(("bad", "found"), [(b"x,y\n", 2), (b"1,2,3,4\n", 4)])
def test_ragged_row_fails_with_its_line(tmp_path, bad, found):
    data = b"id,name,v\n" + _body(N) + bad + _body(10, N)
    err = _raises(MalformedFile, _file(tmp_path, data))
    assert err.message == f"line {N + 2}: expected 3 fields, found {found}"
    assert "--on-error skip" in err.hint


def test_line_numbers_count_quoted_newlines_and_blank_lines(tmp_path):
    data = b'id,name,v\n1,"two\nlines",1.5\n\n2,b,2.5\n3,c\n'
    err = _raises(MalformedFile, _file(tmp_path, data))
    assert err.message == "line 6: expected 3 fields, found 2"


def test_unbalanced_quote(tmp_path):
    data = b"id,name,v\n" + _body(N) + b'7,"broken,1.5\n' + _body(10, N)
    err = _raises(MalformedFile, _file(tmp_path, data))
    assert err.message == f"unbalanced quote starting at line {N + 2}"


def test_skip_keeps_good_rows_and_reports_rejects(tmp_path):
    data = b"id,name,v\n" + _body(N) + b"x,y\n" + _body(5, N) + b"1,2,3,4\n" + _body(5, N + 5)
    table, rejects = _consume(_file(tmp_path, data), on_error="skip")
    assert table.column("id").to_pylist() == list(range(N + 10))
    assert [(r.line, r.raw) for r in rejects] == [(N + 2, "x,y"), (N + 8, "1,2,3,4")]
    assert rejects[0].reason == f"line {N + 2}: expected 3 fields, found 2"


def test_value_not_fitting_the_inferred_type(tmp_path, monkeypatch):
    monkeypatch.setattr(readers_csv, "SAMPLE_ROWS", 1000)
    data = b"id,name,v\n" + _body(N) + b"n/a,z,1.5\n" + _body(5, N)
    err = _raises(MalformedFile, _file(tmp_path, data))
    assert err.message.startswith(f"line {N + 2}, column 'id': value 'n/a' is not int64")
    table, rejects = _consume(_file(tmp_path, data), on_error="skip")
    assert table.column("id").to_pylist() == list(range(N + 5))  # never a silent null
    assert [(r.line, r.raw) for r in rejects] == [(N + 2, "n/a,z,1.5")]


def test_non_utf8_names_the_encoding(tmp_path):
    data = b"name,city\n" + "José,München,Zürich\n".replace(",Zürich", "").encode("cp1252") * 50
    err = _raises(MalformedFile, _file(tmp_path, data))
    assert "line 2" in err.message and "not valid UTF-8" in err.message
    assert err.details["detected_encoding"] == "cp1252" and "--encoding cp1252" in err.hint


def test_non_utf8_late_in_the_file(tmp_path):
    data = b"id,name,v\n" + _body(N) + "1,Café,2\n".encode("cp1252")
    err = _raises(MalformedFile, _file(tmp_path, data), on_error="skip")
    assert f"line {N + 2}" in err.message and "--encoding" in err.hint


def test_utf16_is_recognised(tmp_path):
    err = _raises(MalformedFile, _file(tmp_path, "a,b\n1,2\n".encode("utf-16")))
    assert "utf-16" in err.hint


def test_jsonl_errors_name_the_line(tmp_path):
    good = b"".join(b'{"a": %d, "b": "x"}\n' % i for i in range(200_000))
    data = good + b'{"a": "oops"}\n{not json}\n' + b'{"a": 1}\n'
    err = _raises(MalformedFile, _file(tmp_path, data, "t.jsonl"))
    assert err.message.startswith("line 200001:")
    table, rejects = _consume(_file(tmp_path, data, "t.jsonl"), on_error="skip")
    assert table.num_rows == 200_001
    assert [r.line for r in rejects] == [200_001, 200_002]
    assert "invalid JSON" in rejects[1].reason


def test_corrupt_parquet(tmp_path):
    err = _raises(MalformedFile, _file(tmp_path, b"PAR1 not really", "t.parquet"))
    assert "Parquet" in err.message
