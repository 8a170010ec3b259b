"""SQL for an actor: registers exactly the catalog datasets the actor may read, pinned to their
committed versions (so a Delta commit the catalog has not recorded yet is never visible)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import InvalidInput, NotFound
from lakehouse.query.executor import QueryExecutor
from lakehouse.query.spec import QueryResult, QuerySpec, TableRegistration
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import Actor


def referenced_tables(sql: str) -> set[str] | None:
    """Names the statement reads, so only those tables are opened; None when it does not parse."""
    try:
        trees = sqlglot.parse(sql, read="postgres")
    except SqlglotError:
        return None
    names: set[str] = set()
    for tree in trees:
        if tree is None:
            continue
        for table in tree.find_all(exp.Table):
            names.add(table.name)
            names.add(table.name.lower())
    return names


class SqlService:
    def __init__(self, settings: Settings, catalog: CatalogStore, buckets: BucketRegistry, executor: QueryExecutor):
        self._settings = settings
        self._catalog = catalog
        self._buckets = buckets
        self._executor = executor

    def registrations(
        self, actor: Actor, as_of: Mapping[str, int] | None = None, referenced: set[str] | None = None
    ) -> list[TableRegistration]:
        as_of = dict(as_of or {})
        manifests = {m.name: m for m in self._catalog.datasets.list()}
        for name, version in as_of.items():
            if name not in manifests:
                raise NotFound(f"as_of names dataset '{name}', which does not exist.")
            versions = {v.version for v in self._catalog.datasets.history(name, limit=1_000_000)}
            if not isinstance(version, int) or version not in versions:
                raise InvalidInput(
                    f"Dataset '{name}' has no version {version!r}.",
                    hint=f"Versions: {', '.join(str(v) for v in sorted(versions))}.",
                )
        registrations = []
        for name, manifest in manifests.items():
            if referenced is not None and name not in referenced and name not in as_of:
                continue
            bucket = self._buckets.get(manifest.bucket)
            registrations.append(TableRegistration(
                name=name, uri=bucket.table_uri(name), storage_options=bucket.storage_options(),
                version=as_of.get(name, manifest.version),
            ))
        return registrations

    def run(
        self,
        actor: Actor,
        sql: str,
        *,
        params: Mapping[str, Any] | None = None,
        as_of: Mapping[str, int] | None = None,
        max_rows: int | None = None,
    ) -> QueryResult:
        if not sql or not sql.strip():
            raise InvalidInput("The query is empty.", hint='Send {"sql": "SELECT ..."}.')
        limit = self._settings.query.max_rows if max_rows is None else min(max_rows, self._settings.query.max_rows)
        spec = QuerySpec(
            sql=sql,
            tables=tuple(self.registrations(actor, as_of, referenced_tables(sql))),
            params=dict(params) if params else None,
            max_rows=limit,
            time_limit_seconds=self._settings.query.time_limit_seconds,
            memory_limit_mb=self._settings.query.memory_limit_mb,
            target_partitions=self._settings.query.target_partitions,
        )
        return self._executor.run(spec)
