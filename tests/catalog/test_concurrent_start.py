"""Processes starting at once on a fresh catalog: one migrates, the others wait (two servers, or a server
and a CLI command, raced on CREATE TABLE alembic_version before)."""

from __future__ import annotations

import subprocess
import sys


def test_concurrent_first_starts_all_succeed(catalog_url: str) -> None:
    code = ("import sys; from lakehouse.catalog.store import CatalogStore; "
            "CatalogStore(sys.argv[1], 5.0).close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, catalog_url], stderr=subprocess.PIPE) for _ in range(4)]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
