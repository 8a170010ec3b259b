"""Erase a person everywhere: find every dataset column of a PII kind holding a value, and tombstone
the matching rows in each (keyed by the dataset's fixed key column, or by that column when none is
fixed yet). Purge then applies per dataset."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads

from lakehouse.wire import ColumnInfo, DatasetManifest


@dataclass
class Match:
    dataset: str
    column: str
    key_column: str
    keys: list[object]


def matching_columns(manifest: DatasetManifest, kind: str) -> list[ColumnInfo]:
    wanted = kind.strip().lower()
    return [c for c in manifest.columns
            if wanted in {(c.pii_category or "").lower(), (c.pii_kind or "").lower()} and c.pii_kind]


def find_keys(data: pads.Dataset, column: str, key_column: str, value: str) -> list[object]:
    """Key values of the rows whose ``column`` equals ``value`` (case-insensitively for text)."""
    field = data.schema.field(column)
    needle = value.strip()
    if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
        expression = pc.utf8_lower(pc.field(column)) == needle.lower()
    else:
        try:
            expression = pc.field(column) == pa.scalar(needle).cast(field.type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
            return []
    table = data.to_table(columns=[key_column], filter=expression)
    return [k for k in dict.fromkeys(table.column(key_column).to_pylist()) if k is not None]
