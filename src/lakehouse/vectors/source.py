"""An index's source: a dataset (its Delta table pinned to the committed catalog version) or an AI-safe
view over one (read through the query sandbox, so the view's masks, row filter and the base dataset's
tombstones apply exactly as they do in SQL).

An index on a view is recorded with the view's base dataset (so writes, tombstones, purge, staleness and
``refresh/{dataset}`` reach it like any index on that dataset) and ``ann["view"]`` naming the view, with a
fingerprint of the view's definition: a view dropped and redefined differently is noticed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from lakehouse.catalog.models_vectors import VectorIndexRow
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import Conflict, InvalidInput, NotFound
from lakehouse.governance.redaction import quote
from lakehouse.governance.views import ViewInfo, ViewStore
from lakehouse.query.executor import QueryExecutor
from lakehouse.query.spec import QuerySpec
from lakehouse.query.sql_service import SqlService
from lakehouse.storage import delta
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import SYSTEM
from lakehouse.wire import DatasetManifest

SOURCE_ROWS = 100_000_000  # a build reads every row the source exposes


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


def view_fingerprint(view: ViewInfo) -> str:
    definition = view.model_dump(mode="json", include={"base_dataset", "columns", "row_filter", "column_redactions"})
    return hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Source:
    name: str               # what the index is defined on: the dataset, or the view
    dataset: str            # the Delta table underneath
    view: ViewInfo | None = None


class Sources:
    def __init__(self, settings: Settings, catalog: CatalogStore, buckets: BucketRegistry, sql: SqlService,
                 executor: QueryExecutor, views: ViewStore | None = None):
        self.settings, self.catalog, self.buckets = settings, catalog, buckets
        self.sql, self.executor, self.views = sql, executor, views

    def view(self, name: str) -> ViewInfo | None:
        if self.views is None or self.catalog.datasets.exists(name):
            return None
        return self.views.get(name)

    def resolve(self, name: str) -> Source:
        """``name`` is a dataset or a view; 404 when it is neither."""
        view = self.view(name)
        if view is not None:
            return Source(view.name, view.base_dataset, view)
        self.catalog.datasets.get(name, with_lineage=False)
        return Source(name, name)

    def of(self, row: VectorIndexRow) -> Source:
        """The index's source now; 404/409 when its view was dropped or redefined since the build."""
        name = (row.ann or {}).get("view")
        if name is None:
            return Source(row.dataset, row.dataset)
        view = self.views.get(name) if self.views is not None else None
        if view is None or view.base_dataset != row.dataset:
            raise NotFound(f"View '{name}', the source of vector index '{row.name}', does not exist any more.",
                           hint="Delete the index, or recreate the view and rebuild the index.")
        return Source(name, row.dataset, view)

    def check_current(self, row: VectorIndexRow) -> None:
        """Search refuses an index built from another definition of its view (masks may have changed)."""
        built = (row.ann or {}).get("view_fingerprint")
        source = self.of(row)
        if source.view is not None and built is not None and view_fingerprint(source.view) != built:
            raise Conflict(f"View '{source.name}' was redefined after vector index '{row.name}' was built.",
                           hint=f"Refresh it: POST /vectors/refresh/{source.name}.")

    def manifest(self, source: Source) -> DatasetManifest:
        """The columns an index on ``source`` may use (a view's, typed as the view exposes them)."""
        base = self.catalog.datasets.get(source.dataset, with_lineage=False)
        if source.view is None:
            return base
        redactions = source.view.column_redactions
        by_name = {c.name: c for c in base.columns}
        columns = [by_name[c].model_copy(update={"type": "string"}) if c in redactions
                   and redactions[c].kind in ("hash", "mask") else by_name[c]
                   for c in source.view.columns if c in by_name]
        return base.model_copy(update={"name": source.name, "columns": columns})

    def check(self, source: Source, id_column: str, text_column: str | None, vector_column: str | None) -> None:
        check_columns(self.manifest(source), id_column, text_column, vector_column)
        if source.view is None:
            return
        for role, column in (("id_column", id_column), ("vector_column", vector_column)):
            if column is not None and column in source.view.column_redactions:
                raise InvalidInput(f"View '{source.name}' redacts '{column}'; an index's {role} must be exposed "
                                   "as is (doc ids must match tombstones and erasure).",
                                   hint="Use an unredacted key column, or index the text column only.")

    def read(self, source: Source, columns: list[str]) -> tuple[pa.Table, int]:
        """Every row the source exposes, with the base dataset's committed version it was read at."""
        manifest = self.catalog.datasets.get(source.dataset, with_lineage=False)
        if source.view is None:
            bucket = self.buckets.get(manifest.bucket)
            table = delta.dataset(bucket.table_uri(source.dataset), bucket.storage_options(),
                                  manifest.version).to_table(columns=columns)
            return table, manifest.version
        select = ", ".join(quote(c) for c in columns)
        return self.query(source, f"SELECT {select} FROM {quote(source.name)}",  # noqa: S608 (quoted names)
                          manifest.version, SOURCE_ROWS), manifest.version

    def query(self, source: Source, sql: str, version: int | None, max_rows: int) -> pa.Table:
        """``sql`` (trusted, or a subquery-free user predicate over the view) read as the system sees the
        view: masks, row filter and tombstones apply; the base dataset is pinned to ``version``."""
        tables, views = self.sql.governed(SYSTEM, {source.dataset: version} if version is not None else None,
                                          {source.name})
        q = self.settings.query
        spec = QuerySpec(sql=sql, tables=tuple(tables), views=tuple(views), max_rows=max_rows,
                         time_limit_seconds=max(q.time_limit_seconds, 600.0), memory_limit_mb=q.memory_limit_mb,
                         target_partitions=q.target_partitions)
        return self.executor.run(spec).table

    def built(self, source: Source) -> dict[str, Any]:
        """What an index's ``ann`` records about its source."""
        if source.view is None:
            return {}
        return {"view": source.name, "view_fingerprint": view_fingerprint(source.view)}


def content_hashes(texts: pa.Array | pa.ChunkedArray) -> list[str]:
    return [hashlib.sha256((t or "").encode()).hexdigest()[:32] for t in texts.to_pylist()]


def doc_keys(ids: pa.Array | pa.ChunkedArray) -> list[str]:
    return [str(v) for v in pc.cast(ids, pa.string()).to_pylist()]
