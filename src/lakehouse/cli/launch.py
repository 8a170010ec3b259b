"""The ``lakehouse`` console script's entry point, kept to the standard library.

A whole ``ingest mysql`` (no ``--incremental-column``, no ``--url``) reads through a ConnectorX child
(ingest/db/mysql_reader.py) whose interpreter and imports take ~0.13 s before it can run the read. Spawning
it here, before Typer and the command modules load, lets that start-up overlap the CLI's own instead of
following it; the command adopts the child (``mysql_spawn.take_spare``), and one nobody adopts is stopped at
exit. Every other command goes straight to ``lakehouse.cli.main``.
"""

from __future__ import annotations

import os
import sys

from lakehouse.cli.argv import WITH_VALUE, hoist_global_options

_NOT_WHOLE = frozenset({"--url", "--incremental-column", "--help", "-h"})


def run() -> None:
    if whole_mysql_ingest(sys.argv[1:]):
        from lakehouse.ingest.db import mysql_spawn

        mysql_spawn.spawn_spare()
    from lakehouse.cli.main import run as main

    main()


def whole_mysql_ingest(argv: list[str]) -> bool:
    """True when ``argv`` is ``ingest mysql ...`` that reads a whole table or query in this process."""
    argv = hoist_global_options(argv)
    if os.environ.get("LAKEHOUSE_URL") or any(a.split("=", 1)[0] in _NOT_WHOLE for a in argv):
        return False
    positional: list[str] = []
    i = 0
    while i < len(argv) and len(positional) < 2:
        arg = argv[i]
        if arg == "--":
            return False
        if arg in WITH_VALUE:
            i += 2  # a global option and its value
            continue
        if not arg.startswith("-"):
            positional.append(arg)
        i += 1
    return positional == ["ingest", "mysql"]
