"""What a new user meets at the shell: start-up that loads only what the command needs, global options
anywhere, and no traceback for anything but a bug (and then one line pointing to --debug)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("torch", "faiss", "datafusion", "deltalake", "fastapi", "uvicorn", "sentence_transformers")


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lakehouse.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def modules_after(*args: str) -> set[str]:
    """The modules a whole CLI invocation imported (run in a fresh interpreter, as the user runs it)."""
    script = ("import json, sys\n"
              "sys.argv = ['lakehouse', *json.loads(sys.argv[1])]\n"
              "from lakehouse.cli.launch import run\n"
              "try:\n    run()\nexcept SystemExit:\n    pass\n"
              "print('\\n' + json.dumps(sorted(sys.modules)))\n")
    proc = subprocess.run([sys.executable, "-c", script, json.dumps(list(args))], capture_output=True, text=True,
                          timeout=120)
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    csv = tmp_path / "people.csv"
    csv.write_text("id,name,email\n1,Ann Lee,ann@example.com\n2,Bob Ray,bob@example.com\n")
    proc = cli("--data-dir", str(tmp_path / "data"), "ingest", "file", str(csv), "--dataset", "people")
    assert proc.returncode == 0, proc.stderr
    return tmp_path / "data"


def test_help_loads_nothing_heavy() -> None:
    loaded = modules_after("--help")
    assert not [m for m in HEAVY if m in loaded]
    assert "sqlalchemy" not in loaded and "pyarrow" not in loaded and "rich" not in loaded


def test_listing_datasets_starts_no_query_worker_and_loads_no_engine(data_dir: Path) -> None:
    loaded = modules_after("--data-dir", str(data_dir), "datasets", "list")
    assert not [m for m in HEAVY if m in loaded]
    assert "lakehouse.query.executor" not in loaded and "pyarrow" not in loaded


def test_sql_loads_the_engine_only_in_its_worker(data_dir: Path) -> None:
    loaded = modules_after("--data-dir", str(data_dir), "sql", "select 1")
    assert not [m for m in ("torch", "faiss", "fastapi", "uvicorn", "datafusion") if m in loaded]


def test_global_options_after_the_command(data_dir: Path) -> None:
    proc = cli("sql", "SELECT count(*) AS n FROM people", "--format", "json", "--data-dir", str(data_dir))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [{"n": 2}]
    shown = cli("datasets", "show", "people", "--data-dir", str(data_dir), "--format=json")
    assert json.loads(shown.stdout)["name"] == "people"
    # an SQL text that contains the option's name is one argument and is left alone
    text = cli("--data-dir", str(data_dir), "--format", "json", "sql", "SELECT '--format' AS f")
    assert json.loads(text.stdout) == [{"f": "--format"}]


def test_commands_never_print_tracebacks(data_dir: Path) -> None:
    runs = [("datasets", "show", "people"), ("tombstone", "add", "people", "1", "--key-column", "id"),
            ("tombstone", "list", "people"), ("views", "show", "nope"), ("sql", "SELEC 1"), ("sql", "select 1")]
    for args in runs:
        proc = cli("--data-dir", str(data_dir), *args)
        assert "Traceback" not in proc.stderr, (args, proc.stderr)
        assert "BrokenPipeError" not in proc.stderr, (args, proc.stderr)


def test_a_worker_whose_parent_leaves_early_says_nothing(tmp_path: Path) -> None:
    script = ("import os\nfrom lakehouse.config import QuerySettings\nfrom lakehouse.query.executor import "
              "QueryExecutor\nQueryExecutor(QuerySettings(workers=2))\nos._exit(0)\n")
    for _ in range(3):
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
        assert proc.stderr == ""  # the workers inherit this stderr: EOF only once they are gone


def test_a_bug_prints_one_line_and_debug_shows_the_traceback(data_dir: Path) -> None:
    # a corrupt setting type cannot come from the CLI, so break a module the command imports instead
    boom = data_dir.parent / "sitecustomize.py"
    boom.write_text("import lakehouse.cli.datasets as d\n"
                    "def broken(*a, **k):\n    raise ZeroDivisionError('simulated bug')\n"
                    "d.render_rows = broken\n")
    env = {"PYTHONPATH": os.pathsep.join([str(boom.parent), *sys.path])}
    quiet = cli("--data-dir", str(data_dir), "datasets", "list", env=env)
    assert quiet.returncode == 1
    assert "Traceback" not in quiet.stderr
    assert "ZeroDivisionError: simulated bug" in quiet.stderr and "--debug" in quiet.stderr
    loud = cli("--data-dir", str(data_dir), "datasets", "list", "--debug", env=env)
    assert "Traceback" in loud.stderr


def test_closed_stdout_is_not_an_error(data_dir: Path) -> None:
    proc = subprocess.run(f"{sys.executable} -m lakehouse.cli --data-dir {data_dir} --format json sql "
                          "'SELECT * FROM generate_series(1, 200000)' | head -c 10", shell=True,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_tombstone_add_shows_each_key_and_what_it_hid(data_dir: Path) -> None:
    proc = cli("--data-dir", str(data_dir), "tombstone", "add", "people", "2", "404", "--key-column", "id")
    said = " ".join(proc.stderr.split())
    assert proc.returncode == 0, proc.stderr
    assert "rows_hidden" in proc.stdout and "404" in proc.stdout
    assert "tombstoned 2 key(s) on people.id: 1 row hidden from every read now" in said
    assert "1 key(s) match no row now" in said
