"""What starts early stays light: the modules a command loads before its heavy imports (to start a database
read, to spawn its reader child) must not pull those heavy imports in themselves."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _loaded_by(module: str) -> set[str]:
    script = f"import json, sys\nimport {module}\nprint(json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    return set(json.loads(proc.stdout))


@pytest.mark.parametrize("module", ["lakehouse.ingest.db.request", "lakehouse.ingest.db.early",
                                    "lakehouse.ingest.db.mysql_spawn", "lakehouse.ingest.early_file",
                                    "lakehouse.cli.launch"])
def test_early_start_modules_import_nothing_heavy(module: str) -> None:
    loaded = _loaded_by(module)
    heavy = [m for m in ("pyarrow", "sqlalchemy", "sqlglot", "datafusion", "deltalake", "numpy") if m in loaded]
    assert not heavy, f"{module} imports {heavy}"


def test_the_console_script_entry_spawns_before_the_cli_loads() -> None:
    loaded = _loaded_by("lakehouse.cli.launch")  # it runs before Typer, pydantic and the command modules
    assert not [m for m in ("typer", "pydantic", "rich", "lakehouse.cli.main") if m in loaded]


def test_a_table_ingest_never_imports_the_sql_parser() -> None:
    loaded = _loaded_by("lakehouse.ingest.db.sqlcheck")
    assert "sqlglot" not in loaded
    from lakehouse.ingest.db.sqlcheck import check_select

    assert check_select("SELECT 1;", "postgresql") == "SELECT 1"  # the parser still checks queries


def test_the_collector_is_back_on_once_the_lakehouse_is_open(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``run`` turns garbage collection off for the command's imports; opening the lakehouse turns it back on
    (a server or agent run would otherwise never collect a cycle)."""
    script = ("import gc, sys\nfrom pathlib import Path\nfrom lakehouse.cli.context import CliState\n"
              "gc.disable()\nst = CliState(data_dir=Path(sys.argv[1]))\nst.lakehouse()\n"
              "print(gc.isenabled(), gc.get_freeze_count() > 0)\nst.close()\n")
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120,
                          check=True)
    assert proc.stdout.split() == ["True", "True"]


# What a file ingest from the shell never needs: each costs CPU before the first row is written (issue 11)
_NOT_FOR_AN_INGEST = ("datafusion", "sqlglot", "fastapi", "httpx", "lakehouse.api", "lakehouse.mcp_server",
                      "lakehouse.agents", "lakehouse.embeddings", "lakehouse.query", "lakehouse.vectors.spec",
                      "lakehouse.profiles.spec",
                      # the PII checkers load for a value that reaches them; these rows hold none
                      "email_validator", "phonenumbers", "stdnum")


def test_a_file_ingest_imports_only_what_it_uses(tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "people.csv"
    source.write_text("id,name,code\n" + "".join(f"{i},item {i},{i:08d}\n" for i in range(1, 9)))
    loaded = tmp_path / "loaded.json"
    script = ("import atexit, json, sys\n"
              "out = sys.argv[1]\n"
              "atexit.register(lambda: open(out, 'w').write(json.dumps(sorted(sys.modules))))\n"
              "from lakehouse.cli.launch import run\n"
              "sys.argv = ['lakehouse', '--data-dir', sys.argv[2], 'ingest', 'file', sys.argv[3], '--dataset', 'p']\n"
              "run()\n")
    proc = subprocess.run([sys.executable, "-c", script, str(loaded), str(tmp_path / "lh"), str(source)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "ok 8 rows -> p v0" in proc.stderr
    modules = json.loads(loaded.read_text())
    extra = [m for m in modules if m.split(".")[0] in _NOT_FOR_AN_INGEST or m in _NOT_FOR_AN_INGEST
             or any(m.startswith(f"{p}.") for p in _NOT_FOR_AN_INGEST)]
    assert not extra, f"a file ingest imports {extra}"
