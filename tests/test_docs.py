"""Docs are part of the change: every setting, CLI command and route must be documented."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from pydantic import BaseModel

from lakehouse.cli.main import app as cli_app
from lakehouse.config import Settings, WatchRule

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def setting_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from setting_paths(annotation, path + ".")
        else:
            yield path


def test_every_setting_is_in_the_example_file_and_the_docs() -> None:
    example = (ROOT / "lakehouse.example.toml").read_text()
    tomllib.loads(example)  # it must stay valid TOML
    reference = (DOCS / "configuration.md").read_text()
    paths = list(setting_paths(Settings)) + [f"ingest.watch.rules.{f}" for f in WatchRule.model_fields]
    def in_example(path: str) -> bool:
        key = re.escape(path.split(".")[-1])
        return bool(re.search(rf"(^|#\s*){key}\s*=", example, re.M) or f"[[{path}]]" in example)

    missing_example = [p for p in paths if not in_example(p)]
    missing_docs = [p for p in paths if f"`{p}`" not in reference]
    assert not missing_example, f"settings missing from lakehouse.example.toml: {missing_example}"
    assert not missing_docs, f"settings missing from docs/configuration.md: {missing_docs}"


def cli_commands(command: Any, prefix: str = "lakehouse") -> Iterator[tuple[str, Any]]:
    if hasattr(command, "commands"):  # a group (typer vendors its own click)
        for name, sub in command.commands.items():
            yield from cli_commands(sub, f"{prefix} {name}")
    else:
        yield prefix, command


def test_every_cli_command_is_documented_and_has_help() -> None:
    text = (DOCS / "cli.md").read_text()
    commands = list(cli_commands(typer.main.get_command(cli_app)))
    assert len(commands) > 10
    undocumented = [path for path, _ in commands if f"`{path}" not in text]
    helpless = [path for path, cmd in commands if not (cmd.help or "").strip()]
    assert not undocumented, f"commands missing from docs/cli.md: {undocumented}"
    assert not helpless, f"commands without help text: {helpless}"


def test_every_route_is_documented(lakehouse: object) -> None:
    from lakehouse.api.app import create_app

    text = (DOCS / "api.md").read_text()
    spec = create_app(lakehouse).openapi()  # type: ignore[arg-type]
    routes = [(m.upper(), path) for path, ops in spec["paths"].items() for m in ops]
    assert routes
    missing = [f"{m} {p}" for m, p in routes if not re.search(rf"\|\s*{m}\s*\|\s*`{re.escape(p)}`", text)]
    assert not missing, f"routes missing from docs/api.md: {missing}"


@pytest.mark.parametrize("doc", sorted(p.name for p in DOCS.glob("*.md")))
def test_docs_links_resolve(doc: str) -> None:
    text = (DOCS / doc).read_text()
    for target in re.findall(r"\]\(([^)#]+\.md)\)", text):
        assert (DOCS / target).exists(), f"{doc} links to missing {target}"


def flat_routes(routes: list[Any]) -> Iterator[Any]:
    for route in routes:
        inner = getattr(route, "original_router", None)  # FastAPI's included router
        if inner is not None:
            yield from flat_routes(inner.routes)
        elif hasattr(route, "path"):
            yield route


def test_every_console_route_is_documented(lakehouse: object) -> None:
    from starlette.routing import Mount

    from lakehouse.api.app import create_app

    text = (DOCS / "console.md").read_text()
    mount = next(r for r in create_app(lakehouse).routes if isinstance(r, Mount) and r.path == "/ui")  # type: ignore[arg-type]
    console = mount.app.app  # type: ignore[attr-defined]  # create_console's FastAPI, inside its error guard
    routes = [(m, f"/ui{r.path}") for r in flat_routes(console.routes)
              for m in sorted(getattr(r, "methods", None) or ["GET"]) if m != "HEAD"]
    assert len(routes) > 3
    routes = [(m, "/ui/static/{file}" if p.startswith("/ui/static") else p) for m, p in routes]
    missing = [f"{m} {p}" for m, p in routes if not re.search(rf"\|\s*{m}\s*\|\s*`{re.escape(p)}`", text)]
    assert not missing, f"console routes missing from docs/console.md: {missing}"
