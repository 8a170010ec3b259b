"""Hints that name an HTTP route, said as the CLI command that does the same (the library's errors are shared by
the API, MCP and the CLI, and their hints name routes; at a shell, `GET /jobs` is no help)."""

from __future__ import annotations

import re

_NAME = r"(?P<name>[A-Za-z0-9_.-]*[A-Za-z0-9_-])"  # a sentence's full stop is not part of it
# most specific first: a route that another one starts with comes before it
ROUTES: tuple[tuple[str, str, str], ...] = (
    ("GET", rf"/catalog/datasets/by-name/{_NAME}/history", "lakehouse datasets history {name}"),
    ("GET", r"/catalog/datasets", "lakehouse datasets list"),
    ("GET", r"/catalog/views", "lakehouse views list"),
    ("GET", r"/catalog/profiles", "lakehouse profiles list"),
    ("GET", r"/jobs", "lakehouse jobs list"),
    ("GET", r"/vectors/indexes", "lakehouse vectors list"),
    ("GET", r"/vectors/profile/active", "lakehouse profiles active"),
    ("POST", rf"/vectors/indexes/{_NAME}/ann", "lakehouse vectors ann {name}"),
    ("POST", rf"/vectors/refresh/{_NAME}", "lakehouse vectors refresh {name}"),
    ("POST", rf"/vectors/search/{_NAME}", "lakehouse vectors search {name}"),
    ("POST", r"/vectors/index", "lakehouse vectors build"),
    ("GET", r"/storage/buckets", "lakehouse buckets list"),
    ("GET", r"/auth/tokens", "lakehouse tokens list"),
    ("GET", r"/auth/grants", "lakehouse grants list"),
    ("GET", r"/sharing/shares", "lakehouse shares list"),
    ("GET", r"/sharing/recipients", "lakehouse shares recipients"),
    ("GET", r"/admin/vram", "lakehouse models vram"),
)
_PATTERNS = [(re.compile(rf"\b{method} {path}(?![\w/{{])"), command) for method, path, command in ROUTES]


def for_cli(hint: str) -> str:
    """``hint`` with each route it names replaced by the command, in backticks."""
    for pattern, command in _PATTERNS:
        hint = pattern.sub(lambda m, c=command: "`" + c.format(**m.groupdict()) + "`", hint)  # type: ignore[misc]
    return hint
