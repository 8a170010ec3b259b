"""The CLI end to end, as a user runs it (in-process through Typer's runner, and one real subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lakehouse.cli.main import app

runner = CliRunner()


def lh(data_dir: Path, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["--data-dir", str(data_dir), *args])


def test_ingest_show_sql_history_restore(tmp_path: Path) -> None:
    data = tmp_path / "data"
    csv = tmp_path / "people.csv"
    csv.write_text("id,email\n1,a@example.com\n2,b@example.com\n")
    result = lh(data, "ingest", "file", str(csv), "--dataset", "people")
    assert result.exit_code == 0, result.output
    assert lh(data, "ingest", "file", str(csv), "--dataset", "people").exit_code == 0
    shown = lh(data, "--format", "json", "datasets", "show", "people")
    manifest = json.loads(shown.stdout)
    assert manifest["row_count"] == 4 and manifest["version"] == 1
    rows = json.loads(lh(data, "--format", "json", "sql", "SELECT count(*) AS n FROM people").stdout)
    assert rows == [{"n": 4}]
    old = json.loads(lh(data, "--format", "json", "sql", "SELECT count(*) AS n FROM people",
                        "--as-of", "people=0").stdout)
    assert old == [{"n": 2}]
    csv_out = lh(data, "--format", "csv", "sql", "SELECT id FROM people WHERE id = $id", "--param", "id=2").stdout
    assert csv_out.split() == ["id", "2", "2"]
    history = json.loads(lh(data, "--format", "json", "datasets", "history", "people").stdout)
    assert [h["version"] for h in history] == [1, 0]
    assert lh(data, "datasets", "restore", "people", "--version", "0").exit_code == 0
    listed = json.loads(lh(data, "--format", "json", "datasets", "list").stdout)
    assert listed[0]["rows"] == 2
    jobs = json.loads(lh(data, "--format", "json", "jobs", "list").stdout)
    assert len(jobs) == 2 and {j["status"] for j in jobs} == {"succeeded"}


def test_sql_engine_daft_and_an_unknown_engine(tmp_path: Path) -> None:
    pytest.importorskip("daft")
    data = tmp_path / "data"
    csv = tmp_path / "people.csv"
    csv.write_text("id,email\n1,a@example.com\n2,b@example.com\n3,c@example.com\n")
    assert lh(data, "ingest", "file", str(csv), "--dataset", "people").exit_code == 0
    out = lh(data, "--format", "json", "sql", "SELECT sum(id) AS s FROM people WHERE id > 1", "--engine", "daft")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == [{"s": 5}]
    export = tmp_path / "rows.parquet"
    assert lh(data, "sql", "SELECT * FROM people", "--engine", "daft", "--output", str(export)).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(export).num_rows == 3
    bad = lh(data, "sql", "SELECT 1", "--engine", "spark")
    assert bad.exit_code != 0 and "daft" in str(getattr(bad.exception, "hint", ""))


def test_errors_exit_2_with_a_hint_and_nothing_on_stdout(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = runner.invoke(app, ["--data-dir", str(data), "datasets", "show", "missing"], catch_exceptions=True)
    assert result.exit_code != 0
    proc = subprocess.run([sys.executable, "-m", "lakehouse.cli", "--data-dir", str(data), "sql", "SELEC 1"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "error:" in proc.stderr


def test_help_everywhere() -> None:
    import typer.main

    def walk(command, path: list[str]):  # type: ignore[no-untyped-def]
        yield path
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                yield from walk(sub, [*path, name])

    for path in walk(typer.main.get_command(app), []):
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage" in result.output


def test_buckets_commands(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert lh(data, "buckets", "add", "archive", "--root", str(data / "archive")).exit_code == 0
    names = [b["name"] for b in json.loads(lh(data, "--format", "json", "buckets", "list").stdout)]
    assert names == ["archive", "primary", "rescue"] or set(names) == {"archive", "primary", "rescue"}
    assert lh(data, "buckets", "remove", "primary").exit_code != 0
    assert lh(data, "buckets", "remove", "archive").exit_code == 0


def test_serve_refuses_unsafe_binds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    public = lh(data, "serve", "--host", "0.0.0.0")
    assert public.exit_code != 0 and "loopback" in str(public.exception or public.output)
    half_tls = lh(data, "serve", "--tls-certfile", str(tmp_path / "cert.pem"))
    assert half_tls.exit_code != 0 and "tls" in str(half_tls.exception or half_tls.output).lower()


@pytest.mark.timeout(600)  # the real model embeds the resumes
def test_demo_small(tmp_path: Path) -> None:
    # 300 candidates, so 300 resumes to embed: the whole path at a seventh of the default demo's embedding
    # (2,000 resumes took over four minutes of the suite on a busy 2-core machine)
    result = lh(tmp_path / "data", "demo", "--rows", "300")
    assert result.exit_code == 0, result.output
    assert "PII found" in result.output and "candidates.email" in result.output
    assert "300 resumes ->" in result.output and "candidate " in result.output.split("Semantic search")[1]
    rows = json.loads(lh(tmp_path / "data", "--format", "json", "sql", "SELECT count(*) AS n FROM candidates").stdout)
    assert rows == [{"n": 300}]
