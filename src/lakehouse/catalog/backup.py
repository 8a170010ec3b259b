"""Logical catalog backups (JSON, gzip) to the ``rescue`` bucket; restorable into SQLite or PostgreSQL."""

from __future__ import annotations

import gzip
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from lakehouse.catalog.models import Base
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import InvalidInput
from lakehouse.types import utcnow

FORMAT = "lakehouse-catalog-backup/1"
SKIPPED_TABLES = {"locks"}  # process-local state, never restored


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return {"$dt": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"$dt"}:
        return datetime.fromisoformat(value["$dt"])
    return value


def export_catalog(catalog: CatalogStore) -> bytes:
    tables: dict[str, list[dict[str, Any]]] = {}
    with catalog.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in SKIPPED_TABLES:
                continue
            rows = connection.execute(select(table)).mappings()
            tables[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
    document = {"format": FORMAT, "created_at": utcnow().isoformat(), "tables": tables}
    return gzip.compress(json.dumps(document).encode())


def import_catalog(catalog: CatalogStore, blob: bytes) -> dict[str, int]:
    """Replace the catalog's contents with a backup, in one transaction."""
    try:
        document = json.loads(gzip.decompress(blob))
    except (OSError, ValueError) as exc:
        raise InvalidInput("The file is not a lakehouse catalog backup (gzip JSON).") from exc
    if document.get("format") != FORMAT:
        raise InvalidInput(f"Unsupported backup format {document.get('format')!r}; expected {FORMAT}.")
    counts: dict[str, int] = {}
    ordered = [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED_TABLES]
    with catalog.engine.begin() as connection:
        for table in reversed(ordered):
            connection.execute(delete(table))
        for table in ordered:
            rows = [{k: _decode(v) for k, v in row.items()} for row in document["tables"].get(table.name, [])]
            if rows:
                connection.execute(insert(table), rows)
            counts[table.name] = len(rows)
        if connection.dialect.name == "postgresql":
            for table in ordered:
                pk = list(table.primary_key.columns)
                if len(pk) == 1 and pk[0].autoincrement is True and pk[0].type.python_type is int:
                    # names come from our own metadata, never from input
                    table_name, column = table.name, pk[0].name
                    sequence = f"pg_get_serial_sequence('{table_name}', '{column}')"
                    highest = f"(SELECT MAX({column}) FROM {table_name})"  # noqa: S608
                    connection.exec_driver_sql(f"SELECT setval({sequence}, COALESCE({highest}, 0) + 1, false)")
    return counts
