"""The console script's entry (cli/launch.py): which command lines get their MySQL reader child before Typer
loads, and that such a child is either adopted or stopped."""

from __future__ import annotations

import pytest

from lakehouse.cli.launch import whole_mysql_ingest
from lakehouse.ingest.db import mysql_spawn

DSN = "mysql://root@127.0.0.1:3306/db"


@pytest.mark.parametrize("argv", [
    ["ingest", "mysql", DSN, "--table", "t", "--dataset", "d"],
    ["--data-dir", "/tmp/x", "ingest", "mysql", DSN, "--table", "t", "--dataset", "d"],
    ["--format=json", "ingest", "mysql", DSN, "--query", "SELECT 1", "--dataset", "d"],
    ["ingest", "mysql", DSN, "--table", "t", "--dataset", "d", "--format", "json", "--wide"],
])
def test_a_whole_mysql_ingest_gets_its_reader_early(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAKEHOUSE_URL", raising=False)
    assert whole_mysql_ingest(argv)


@pytest.mark.parametrize("argv", [
    ["ingest", "postgres", DSN, "--table", "t", "--dataset", "d"],
    ["ingest", "file", "mysql", "--dataset", "d"],
    ["ingest", "mysql", DSN, "--table", "t", "--dataset", "d", "--incremental-column", "id"],  # reads late
    ["ingest", "mysql", DSN, "--table", "t", "--dataset", "d", "--incremental-column=id"],
    ["--url", "http://127.0.0.1:8765", "ingest", "mysql", DSN, "--table", "t", "--dataset", "d"],  # a server reads
    ["ingest", "mysql", "--help"],
    ["--data-dir", "ingest", "mysql", DSN],  # "ingest" is the data dir here
    ["sql", "ingest mysql"],
    ["ingest"],
    [],
])
def test_other_command_lines_do_not(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LAKEHOUSE_URL", raising=False)
    assert not whole_mysql_ingest(argv)


def test_a_server_url_in_the_environment_means_no_local_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAKEHOUSE_URL", "http://127.0.0.1:8765")
    assert not whole_mysql_ingest(["ingest", "mysql", DSN, "--table", "t", "--dataset", "d"])


def test_a_spare_reader_is_taken_once_or_stopped() -> None:
    mysql_spawn.spawn_spare()
    child = mysql_spawn.take_spare()
    assert child is not None and child.poll() is None
    assert mysql_spawn.take_spare() is None
    mysql_spawn.stop(child)
    assert child.returncode is not None

    mysql_spawn.spawn_spare()
    unused = mysql_spawn._spare
    assert unused is not None
    mysql_spawn._stop_spare()  # what exit does with a reader no command adopted
    assert unused.returncode is not None and mysql_spawn.take_spare() is None
