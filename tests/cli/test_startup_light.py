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
                                    "lakehouse.ingest.db.mysql_spawn", "lakehouse.ingest.early_file"])
def test_early_start_modules_import_nothing_heavy(module: str) -> None:
    loaded = _loaded_by(module)
    heavy = [m for m in ("pyarrow", "sqlalchemy", "sqlglot", "datafusion", "deltalake", "numpy") if m in loaded]
    assert not heavy, f"{module} imports {heavy}"


def test_a_table_ingest_never_imports_the_sql_parser() -> None:
    loaded = _loaded_by("lakehouse.ingest.db.sqlcheck")
    assert "sqlglot" not in loaded
    from lakehouse.ingest.db.sqlcheck import check_select

    assert check_select("SELECT 1;", "postgresql") == "SELECT 1"  # the parser still checks queries
