"""Query engines by name: ``datafusion`` (the default, query/engine.py) and ``daft`` (query/daft_engine.py).

Both run inside a query worker over the relations the governance layer registered for the caller, under
the same time limit and row cap; the caller names one per statement (``"engine"`` in ``POST /query/sql``).
An engine other than the default is loaded lazily, in the worker, on its first statement; a missing package
answers ``NotInstalled`` with the ``pip install`` to run before any worker sees the statement.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from lakehouse.errors import Forbidden, InvalidInput, NotInstalled
from lakehouse.types import Actor, Role

if TYPE_CHECKING:
    import pyarrow as pa

    from lakehouse.query.engine import EngineResult
    from lakehouse.query.spec import QuerySpec

DEFAULT_ENGINE = "datafusion"


class QueryEngine(Protocol):
    def run(self, spec: QuerySpec) -> EngineResult: ...

    def stream(self, spec: QuerySpec) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]: ...


@dataclass(frozen=True)
class EngineEntry:
    loader: str
    """``module:attribute`` of a zero-argument factory, imported only when the engine is first used."""
    package: str
    """The import name that must be installed, and ``extra`` the pip install that brings it."""
    extra: str
    roles: frozenset[Role]
    """Who may run statements on it: a cluster engine spends more than one query worker's share."""
    on_cluster: bool = False
    """Runs on the Ray cluster when ``compute.engine = "ray"`` (the spec carries its address), else locally."""


ENGINES: dict[str, EngineEntry] = {
    "datafusion": EngineEntry("lakehouse.query.engine:Engine", "datafusion", "lakehouse",
                              frozenset(Role)),
    "daft": EngineEntry("lakehouse.query.daft_engine:DaftEngine", "daft", "lakehouse[daft]",
                        frozenset({Role.admin, Role.writer}), on_cluster=True),
}


def check_engine(name: str | None, actor: Actor) -> str:
    """The engine's name once ``actor`` may use it and it is installed: 422 for a name not in the registry,
    403 for a role it is not open to, 501 when its package is missing."""
    name = name or DEFAULT_ENGINE
    entry = ENGINES.get(name)
    if entry is None:
        raise InvalidInput(f"Unknown query engine '{name}'.", hint=f"Engines: {', '.join(ENGINES)}.")
    if actor.role not in entry.roles:
        allowed = " or ".join(sorted(r.value for r in entry.roles))
        raise Forbidden(f"The '{name}' engine is open to {allowed} principals; you are a {actor.role.value}.",
                        hint=f"Leave out the engine (or name {DEFAULT_ENGINE}) to run the statement.")
    if not _installed(entry.package):
        raise NotInstalled(f"The '{name}' query engine", entry.extra)
    return name


_FOUND: set[str] = set()


def _installed(package: str) -> bool:
    """Whether ``package`` can be imported; a hit is remembered (finding it costs 0.3 ms of file lookups on every
    statement), a miss is not, so a package installed while a server runs is found on the next statement."""
    if package in _FOUND:
        return True
    if importlib.util.find_spec(package) is None:
        return False
    _FOUND.add(package)
    return True


def load_engine(name: str) -> QueryEngine:
    entry = ENGINES.get(name)
    if entry is None:
        raise InvalidInput(f"Unknown query engine '{name}'.", hint=f"Engines: {', '.join(ENGINES)}.")
    module, _, attribute = entry.loader.partition(":")
    try:
        factory = getattr(importlib.import_module(module), attribute)
    except ImportError as exc:
        raise NotInstalled(f"The '{name}' query engine", entry.extra) from exc
    engine: QueryEngine = factory()
    return engine
