"""Bucket roots and bucket paths at the shell (whole processes, as a user runs them): 403s print their
message and the setting to change, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lakehouse.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_buckets_add_outside_the_allowed_roots_fails_with_the_setting(tmp_path: Path) -> None:
    data = tmp_path / "data"
    proc = cli("--data-dir", str(data), "buckets", "add", "etc", "--root", "/etc")
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert "/etc" in proc.stderr and "storage.allowed_roots" in proc.stderr and "Traceback" not in proc.stderr
    assert '"etc"' not in cli("--data-dir", str(data), "--format", "json", "buckets", "list").stdout


def test_allowed_roots_from_the_config_file_and_links_out_of_a_bucket(tmp_path: Path) -> None:
    data, lake = tmp_path / "data", tmp_path / "lake"
    lake.mkdir()
    config = tmp_path / "lakehouse.toml"
    config.write_text(f'[storage]\nallowed_roots = ["{lake}"]\n')
    base = ("--data-dir", str(data), "--config", str(config))
    added = cli(*base, "buckets", "add", "lake", "--root", str(lake / "b"))
    assert added.returncode == 0, added.stderr
    (tmp_path / "private.csv").write_text("secret\nhunter2\n")
    os.symlink(tmp_path / "private.csv", lake / "b" / "data.csv")
    proc = cli(*base, "ingest", "file", "data.csv", "--from-bucket", "lake", "--dataset", "d")
    assert proc.returncode == 2, proc.stderr
    assert "outside bucket 'lake'" in proc.stderr and "hunter2" not in proc.stderr + proc.stdout
