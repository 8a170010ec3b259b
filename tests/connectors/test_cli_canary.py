"""``lakehouse ingest postgres|mysql`` as a user runs it: failures never print the password."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from tests.connectors.conftest import MySource, PgSource

CANARY = "Canary-7c3d-pw"


def test_cli_failures_never_print_the_password(tmp_path: Path, my: MySource, pg: PgSource) -> None:
    user = f"lh_{uuid.uuid4().hex[:8]}"
    my.execute(f"CREATE USER '{user}'@'%' IDENTIFIED BY 'the-right-one'",
               f"CREATE USER '{user}_ok'@'%' IDENTIFIED BY '{CANARY}'",
               f"GRANT SELECT ON `{my.database}`.* TO '{user}_ok'@'%'", "CREATE TABLE t (id int)")
    my_url = f"mysql://{user}_ok:{CANARY}@127.0.0.1:3306/{my.database}"
    pg_url = pg.dsn.replace("postgres@", f"postgres:{CANARY}@")  # trust auth: any password gets in
    cases = {  # name: (engine, DSN, source arguments)
        "my_wrong_password": ("mysql", f"mysql://{user}:{CANARY}@127.0.0.1:3306/{my.database}", ["-t", "t"]),
        "my_env_password": ("mysql", f"mysql://{user}:env:LAKEHOUSE_SECRET_CANARY@127.0.0.1:3306/{my.database}",
                            ["-t", "t"]),
        "my_unknown_host": ("mysql", f"mysql://{user}:{CANARY}@lh-no-such-host.invalid:3306/db", ["-t", "t"]),
        "my_unknown_table": ("mysql", my_url, ["-t", "nope"]),
        "my_not_a_select": ("mysql", my_url, ["-q", "DELETE FROM t"]),
        "pg_unknown_host": ("postgres", f"postgresql://u:{CANARY}@lh-no-such-host.invalid/db", ["-t", "t"]),
        "pg_unknown_table": ("postgres", pg_url, ["-t", pg.table("nope")]),
        "pg_not_a_select": ("postgres", f"host=127.0.0.1 user=postgres password={CANARY} dbname=postgres",
                            ["-q", "DROP TABLE x"]),
        "pg_bad_option": ("postgres", pg_url + "?options=-c%20x%3D1", ["-t", "t"]),
    }
    env = {**os.environ, "LAKEHOUSE_SECRET_CANARY": CANARY}
    try:
        running = {
            name: subprocess.Popen(
                [sys.executable, "-m", "lakehouse.cli", "--data-dir", str(tmp_path / name), *(
                    ["--format", "json"] if name.endswith("table") else []),
                 "ingest", engine, dsn, *source, "--dataset", "canary", "--connect-timeout", "3"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            for name, (engine, dsn, source) in cases.items()
        }
        for name, proc in running.items():
            out, err = proc.communicate(timeout=120)
            assert CANARY not in out and CANARY not in err, (name, out, err)
            assert proc.returncode != 0 and "error" in err, (name, proc.returncode, out, err)
    finally:
        my.execute(f"DROP USER '{user}'@'%'", f"DROP USER '{user}_ok'@'%'")
