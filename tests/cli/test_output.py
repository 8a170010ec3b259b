"""What the CLI prints for people: tables fit the terminal (whole columns from the left, the rest named under the
table; --wide all), and data, names and messages print as they are, never as Rich markup."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lakehouse.cli import output
from lakehouse.cli.output import Format, render_rows

ROWS = [{"name": f"column_{i}", "type": "timestamp[us, tz=UTC]", "nullable": True, "original_name": f"Column {i}",
         "pii_kind": "PII" if i % 2 else None, "pii_category": "email", "pii_confidence": 0.6,
         "pii_evidence": "name rule 'email' and 9 of 10 sampled values are emails", "contains_pii": None,
         "note": "x" * 120} for i in range(3)]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    def render(width: int, wide: bool = False) -> list[str]:
        monkeypatch.setenv("COLUMNS", str(width))
        monkeypatch.setitem(output.WIDE, "on", wide)
        output.stdout.reset()
        render_rows(ROWS, Format.table, title="columns")
        output.stdout.reset()
        return capsys.readouterr().out.splitlines()
    return render


def test_a_table_keeps_whole_columns_from_the_left_and_names_the_rest(terminal) -> None:  # type: ignore[no-untyped-def]
    lines = terminal(80)
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if "name" in line and "type" in line)
    assert header.startswith("┃ name") and "nullable" in header  # the first column is never squeezed away
    assert all(any(f"column_{i}" in line for line in lines) for i in range(3))  # its cells whole
    assert "…" in "\n".join(lines)  # long cells end in an ellipsis
    note = " ".join(line.strip() for line in lines[lines.index(next(li for li in lines if "not shown" in li)):])
    assert "more columns not shown:" in note and "note" in note and "--wide" in note


def test_a_narrow_terminal_still_shows_the_first_column(terminal) -> None:  # type: ignore[no-untyped-def]
    lines = terminal(24)
    assert any("column_0" in line for line in lines)
    assert "not shown" in " ".join(line.strip() for line in lines)


def test_wide_shows_every_column_and_every_cell_whole(terminal) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(terminal(80, wide=True))
    assert "not shown" not in text and "…" not in text
    assert "x" * 120 in text and "name rule 'email' and 9 of 10 sampled values are emails" in text


def test_cells_and_names_print_as_they_are_never_as_markup(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "120")
    output.stdout.reset()
    render_rows([{"[b]col": "[bold]x[/bold] and [/]", "type": "timestamp[us, tz=UTC]"}], Format.table)
    output.render_object({"note": "[red]kept[/red] [/x]"}, Format.table)
    output.stdout.reset()
    text = capsys.readouterr().out
    assert "[b]col" in text and "[bold]x[/bold] and [/]" in text and "timestamp[us, tz=UTC]" in text
    assert "[red]kept[/red] [/x]" in text


@pytest.mark.parametrize("sql, shown", [('SELECT * FROM "[/red]"', "'[/red]'"),
                                        ("SELECT [/x] FROM t", "SQL syntax error")])
def test_an_error_quoting_bracketed_text_is_printed_not_a_traceback(tmp_path: Path, sql: str, shown: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "lakehouse.cli", "--data-dir", str(tmp_path / "data"), "sql", sql],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "error:" in proc.stderr and shown in proc.stderr


def test_an_empty_list_says_so_and_a_query_keeps_its_header(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "100")
    output.stdout.reset()
    output.stderr.reset()
    render_rows([], Format.table, ["job_id", "status"], title="jobs")
    listed = capsys.readouterr()
    render_rows([], Format.table, ["id", "name"])  # an empty result of a query
    queried = capsys.readouterr()
    render_rows([], Format.json, ["job_id"], title="jobs")
    scripted = capsys.readouterr()
    output.stdout.reset()
    output.stderr.reset()
    assert listed.out == "" and "No jobs." in listed.err
    assert "id" in queried.out and "name" in queried.out
    assert scripted.out.strip() == "[]"


def test_the_first_column_names_the_row_and_stays_whole(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")
    output.stdout.reset()
    rows = [{**row, "name": f"years_of_experience_{i}"} for i, row in enumerate(ROWS)]
    render_rows(rows, Format.table, list(ROWS[0]), title="columns")
    output.stdout.reset()
    text = capsys.readouterr().out
    assert all(f"years_of_experience_{i}" in text for i in range(3))
    assert max(len(line) for line in text.splitlines()) <= 80
