"""Global options accepted anywhere on the command line, not only before the command.

Typer (click) reads the group's options only before the subcommand; people write them at the end
(``lakehouse sql "select 1" --format json``). Those tokens are moved to the front before parsing. Nothing
after a ``--`` separator is touched, and only exact option tokens move (an SQL text containing
"--format" is one argument and stays)."""

from __future__ import annotations

WITH_VALUE = frozenset({"--data-dir", "--config", "--format", "--url", "--token"})
FLAGS = frozenset({"--wide", "--debug"})


def hoist_global_options(argv: list[str]) -> list[str]:
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            rest.extend(argv[i:])
            break
        name = arg.split("=", 1)[0]
        if name in WITH_VALUE and "=" in arg:
            front.append(arg)
        elif name in WITH_VALUE and i + 1 < len(argv):
            front.extend(argv[i:i + 2])
            i += 1
        elif arg in FLAGS:
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest
