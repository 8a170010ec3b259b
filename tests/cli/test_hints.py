"""A hint that names an HTTP route is said, at the shell, as the CLI command that does the same."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from lakehouse.api.app import create_app
from lakehouse.cli.hints import ROUTES, for_cli
from lakehouse.cli.main import app as cli_app

SRC = Path(__file__).resolve().parents[2] / "src" / "lakehouse"
ROUTE = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE) (/[\w/{}.-]*\w)")
# routes a CLI user never meets in a hint: the Delta Sharing protocol (for recipients' clients) and the API's own
# request-shape errors
NOT_FOR_THE_CLI = ("/delta-sharing/", "/ingest/file", "/vectors/eval/")


def _cli_commands() -> set[str]:
    found: set[str] = set()

    def walk(command: Any, path: str) -> None:  # Typer's own (vendored) click: groups have .commands
        found.add(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(typer.main.get_command(cli_app), "lakehouse")
    assert len(found) > 50
    return found


def test_every_translation_names_a_real_route_and_a_real_command(lakehouse) -> None:  # type: ignore[no-untyped-def]
    routes = {(method.upper(), path) for path, item in create_app(lakehouse).openapi()["paths"].items()
              for method in item}
    commands = _cli_commands()
    for method, path, command in ROUTES:
        template = re.sub(r"\(\?P<(\w+)>[^)]*\)\)?", r"{\1}", path).replace(")", "")
        assert any(m == method and re.fullmatch(re.sub(r"\{\w+\}", r"\\{\\w+\\}", template), p)
                   for m, p in routes), f"{method} {template} is no route"
        assert re.sub(r" \{\w+\}", "", command) in commands, f"{command!r} is no command"


def test_every_route_a_hint_names_is_translated() -> None:
    missing = set()
    for source in SRC.rglob("*.py"):
        if "api" in source.relative_to(SRC).parts:
            continue
        for line in source.read_text().splitlines():
            if "hint" not in line.lower():
                continue
            for method, path in ROUTE.findall(line):
                named = f"{method} {path.replace('{', '').replace('}', '').replace('.', '_')}"
                if not path.startswith(NOT_FOR_THE_CLI) and ROUTE.search(for_cli(named)):
                    missing.add(f"{method} {path} ({source.name})")
    assert missing == set(), "add these to lakehouse.cli.hints.ROUTES"


@pytest.mark.parametrize("args, command", [(["datasets", "show", "nope"], "`lakehouse datasets list`"),
                                           (["jobs", "show", "nope"], "`lakehouse jobs list`")])
def test_the_shell_sees_the_command(tmp_path: Path, args: list[str], command: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "lakehouse.cli", "--data-dir", str(tmp_path / "d"), *args],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and command in proc.stderr.replace("\n", " ") and "GET /" not in proc.stderr
