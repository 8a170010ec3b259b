"""Governance for vector search: who may search an index, and which documents are erased.

Searching needs read access to the index's source (DESIGN.md 6b): an admin, a grant on the index
itself, or read access to the source — for an index on a dataset a writer/reader grant on it (agents
never read raw datasets); for an index on an AI-safe view read access to the view (a grant, or owning
it), whatever the role: that is what view-only principals and agents search. Tombstoned
keys never come back: when the tombstone key column is not the index's id column, the erased rows'
ids are looked up in the raw table.
"""

from __future__ import annotations

from collections.abc import Collection

from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import Forbidden, NotFound
from lakehouse.governance.service import Governance
from lakehouse.storage import delta
from lakehouse.storage.arrays import filter_table, is_in
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import Actor, Role
from lakehouse.vectors.spec import IndexManifest


class GovernedSearch:
    def __init__(self, governance: Governance, catalog: CatalogStore, buckets: BucketRegistry):
        self._governance = governance
        self._catalog = catalog
        self._buckets = buckets

    def can_search(self, actor: Actor, index: IndexManifest, filtering: bool = False) -> None:
        if actor.is_admin or self._reads_source(actor, index):
            return
        if index.index_name in self._governance.grants.objects(actor, "index"):
            if filtering:  # a filter probes source columns: it would reveal values the grant does not cover
                raise Forbidden(
                    f"Filtering vector index '{index.index_name}' needs read access to its source "
                    f"'{index.dataset}'; a grant on the index alone allows unfiltered search.",
                    hint="Search without a filter, or ask an admin for a grant on the source.")
            return
        raise NotFound(f"Vector index '{index.index_name}' does not exist.",
                       hint="List indexes with GET /vectors/indexes.")

    def _reads_source(self, actor: Actor, index: IndexManifest) -> bool:
        if index.view is not None:
            view = self._governance.views.get(index.view)
            return bool(view is not None and view.base_dataset == index.base_dataset and
                        self._governance.access.readable_views(actor, {view.name: view.owner}))
        return actor.role is not Role.agent and self._governance.access.can_read_dataset(actor, index.dataset)

    def allowed_doc_ids(self, actor: Actor, index: IndexManifest) -> Collection[object] | None:
        return None  # access is all-or-nothing per source; a view's row filter already shaped its index

    def erased_doc_ids(self, dataset: str, id_column: str) -> Collection[str]:
        key_column, keys = self._governance.tombstones.active_keys(dataset)
        if not keys:
            return set()
        if key_column == id_column:
            return {str(k) for k in keys}
        manifest = self._catalog.datasets.get(dataset, with_lineage=False)
        bucket = self._buckets.get(manifest.bucket)
        table = delta.dataset(bucket.table_uri(dataset), bucket.storage_options()).to_table(
            columns=[key_column, id_column])
        wanted = is_in(table.column(key_column), keys)
        return {str(v) for v in filter_table(table, wanted).column(id_column).to_pylist() if v is not None}
