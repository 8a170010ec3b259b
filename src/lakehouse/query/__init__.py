"""The query engine layer: sandboxed DataFusion over Delta tables, in worker processes.

It knows nothing about the catalog or actors: the caller builds a ``QuerySpec`` of what may be seen.
Names are resolved on first use, so a query worker (which needs only the engine) never imports the
executor, the settings or the result encoders.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "QueryExecutor": "lakehouse.query.executor",
    "QueryResult": "lakehouse.query.spec",
    "QuerySpec": "lakehouse.query.spec",
    "TableRegistration": "lakehouse.query.spec",
    "ViewRegistration": "lakehouse.query.spec",
    "to_arrow_ipc": "lakehouse.query.results",
    "to_csv_bytes": "lakehouse.query.results",
    "to_json_bytes": "lakehouse.query.results",
    "to_json_payload": "lakehouse.query.results",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'lakehouse.query' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
