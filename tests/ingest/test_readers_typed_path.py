"""Past the inference sample the CSV reader parses straight into the inferred types: it must hand out
exactly the rows the csv module reads, in order, whatever quoted newlines and blank lines there are."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from lakehouse.config import IngestSettings
from lakehouse.ingest.readers import open_source
from lakehouse.ingest.readers_csv import SAMPLE_ROWS

N = SAMPLE_ROWS * 2 + 123


def write(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "note", "amount"])
    writer.writerows(rows)
    path.write_text(buffer.getvalue())


def rows(multiline_every: int) -> list[list[str]]:
    out = []
    for i in range(N):
        note = f"line one\nline two of {i}" if multiline_every and i % multiline_every == 0 else f"note {i}"
        out.append([str(i), note, f"{i % 97}.25"])
    return out


@pytest.mark.parametrize("multiline_every", [0, 1000, 7])
def test_typed_path_reads_every_row_once_in_order(tmp_path: Path, multiline_every: int) -> None:
    expected = rows(multiline_every)
    path = tmp_path / "data.csv"
    write(path, expected)
    with open_source(path, limits=IngestSettings()) as reader:
        assert reader._source._typed_from is not None  # the fast typed path is the one under test
        table = [b.to_pydict() for b in reader.batches()]
    ids = [i for b in table for i in b["id"]]
    notes = [n for b in table for n in b["note"]]
    assert ids == list(range(N))
    assert notes == [r[1] for r in expected]


@pytest.mark.parametrize("blank_at", [[100, N - 100], [N - 100]])
def test_blank_lines_anywhere_are_skipped_not_duplicated(tmp_path: Path, blank_at: list[int]) -> None:
    expected = rows(0)
    path = tmp_path / "data.csv"
    write(path, expected)
    lines = path.read_text().split("\n")
    for at in sorted(blank_at, reverse=True):  # inside the inference sample and/or in the typed part
        lines.insert(at, "")
    path.write_text("\n".join(lines))
    with open_source(path, limits=IngestSettings()) as reader:
        ids = [i for b in reader.batches() for i in b.column("id").to_pylist()]
    assert ids == list(range(N))


def test_a_bad_value_past_the_sample_names_its_line(tmp_path: Path) -> None:
    from lakehouse.errors import MalformedFile

    expected = rows(0)
    expected[N - 10][2] = "n/a"  # well past the inference sample
    path = tmp_path / "data.csv"
    write(path, expected)
    with pytest.raises(MalformedFile, match=f"line {N - 10 + 2}"), \
            open_source(path, limits=IngestSettings()) as reader:
        for _ in reader.batches():
            pass
