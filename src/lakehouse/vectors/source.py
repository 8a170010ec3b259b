"""Reading an index's source rows: the dataset's Delta table pinned to its committed catalog version."""

from __future__ import annotations

import hashlib

import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import InvalidInput
from lakehouse.storage import delta
from lakehouse.storage.registry import BucketRegistry
from lakehouse.wire import DatasetManifest


def check_columns(manifest: DatasetManifest, id_column: str, text_column: str | None,
                  vector_column: str | None) -> None:
    types = {c.name: c.type for c in manifest.columns}
    names = ", ".join(types)
    for role, column in (("id_column", id_column), ("text_column", text_column), ("vector_column", vector_column)):
        if column is not None and column not in types:
            raise InvalidInput(f"Dataset '{manifest.name}' has no column '{column}' ({role}).",
                               hint=f"Columns: {names}.")
    if (text_column is None) == (vector_column is None):
        raise InvalidInput("Give exactly one of text_column (embedded here) or vector_column (your own vectors).")
    if text_column is not None and types[text_column] not in ("string", "large_string", "string_view"):
        raise InvalidInput(f"Column '{text_column}' is {types[text_column]}, not text; text_column must be a string.")
    if vector_column is not None and "list" not in types[vector_column]:
        raise InvalidInput(f"Column '{vector_column}' is {types[vector_column]}, not a list of floats.")
    if types[id_column].startswith(("list", "struct", "map", "fixed_size_list")):
        raise InvalidInput(f"Column '{id_column}' is {types[id_column]}; id_column must be a scalar key.")


def read_source(catalog: CatalogStore, buckets: BucketRegistry, dataset: str, columns: list[str]) -> tuple[
        pa.Table, int]:
    manifest = catalog.datasets.get(dataset, with_lineage=False)
    bucket = buckets.get(manifest.bucket)
    table = delta.dataset(bucket.table_uri(dataset), bucket.storage_options(), manifest.version).to_table(
        columns=columns)
    return table, manifest.version


def content_hashes(texts: pa.Array | pa.ChunkedArray) -> list[str]:
    return [hashlib.sha256((t or "").encode()).hexdigest()[:32] for t in texts.to_pylist()]


def doc_keys(ids: pa.Array | pa.ChunkedArray) -> list[str]:
    return [str(v) for v in pc.cast(ids, pa.string()).to_pylist()]
