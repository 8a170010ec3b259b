"""The query engine layer: sandboxed DataFusion over Delta tables, in worker processes.

It knows nothing about the catalog or actors: the caller builds a ``QuerySpec`` of what may be seen.
"""

from lakehouse.query.executor import QueryExecutor
from lakehouse.query.results import to_arrow_ipc, to_csv_bytes, to_json_bytes, to_json_payload
from lakehouse.query.spec import QueryResult, QuerySpec, TableRegistration, ViewRegistration

__all__ = [
    "QueryExecutor",
    "QueryResult",
    "QuerySpec",
    "TableRegistration",
    "ViewRegistration",
    "to_arrow_ipc",
    "to_csv_bytes",
    "to_json_bytes",
    "to_json_payload",
]
