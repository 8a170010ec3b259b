"""Datasets: list, manifests, history, metadata, delete, restore, optimize."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from lakehouse.app.base import LakehouseBase
from lakehouse.types import Actor
from lakehouse.wire import ColumnInfo, DatasetManifest, MetadataPatch, VersionEntry

if TYPE_CHECKING:
    from lakehouse.governance.views import ViewInfo


def view_entry(view: ViewInfo, base: DatasetManifest) -> DatasetManifest:
    """A view as a list entry: its columns as the base types them (PII flags only where not redacted)."""
    columns = {c.name: c for c in base.columns}
    shown = []
    for name in view.columns:
        column = columns[name] if name in columns else ColumnInfo(name=name, type="unknown")
        redaction = view.column_redactions.get(name)
        if redaction is not None:
            typed = column.type if redaction.kind in ("null", "bucket") else "string"
            column = ColumnInfo(name=name, type=typed, nullable=True, redaction=redaction.kind)
        shown.append(column)
    return DatasetManifest(name=view.name, kind="view", view_of=view.base_dataset, bucket=base.bucket,
                           description=f"AI-safe view of {view.base_dataset}", owner=view.owner,
                           sensitivity=base.sensitivity, tags=[], row_count=None, visible_rows=None,
                           version=base.version, columns=shown, freshness=base.freshness)


class DatasetsApi(LakehouseBase):
    # Datasets -------------------------------------------------------------------------------
    def list_datasets(self, actor: Actor | None = None, *, columns: bool = True) -> list[DatasetManifest]:
        """What the caller can query by name: its datasets, and the views it may read (``kind: "view"``).
        ``columns=False``: manifests without their columns (lists of many datasets read fast)."""
        with self._call(actor, "dataset.list") as (who, scope):
            items = self.catalog.datasets.list(with_columns=columns)
            readable = self.access.readable_datasets(who, [m.name for m in items])
            tombstoned = self.governance.tombstoned_datasets()
            out = [self._with_visible_rows(m, tombstoned) for m in items if m.name in readable]
            bases = {m.name: m for m in items}
            views = [view_entry(v, bases[v.base_dataset]) for v in self.governance.readable_views(who)
                     if v.base_dataset in bases]
            out += views if columns else [v.model_copy(update={"columns": []}) for v in views]
            out.sort(key=lambda m: m.name)
            scope.rows = len(out)
            return out

    def get_dataset(self, name: str, actor: Actor | None = None) -> DatasetManifest:
        with self._call(actor, "dataset.get", name) as (who, _):
            self.access.require_read_dataset(who, name)
            return self._with_visible_rows(self.catalog.datasets.get(name), self.governance.tombstoned_datasets())

    def _with_visible_rows(self, manifest: DatasetManifest, tombstoned: set[str]) -> DatasetManifest:
        if manifest.name not in tombstoned:
            return manifest.model_copy(update={"visible_rows": manifest.row_count})
        tombstones = self.governance.tombstones
        from lakehouse.storage import delta

        bucket = self.buckets.get(manifest.bucket)
        erased = tombstones.hidden_rows(
            manifest.name, lambda: delta.dataset(bucket.table_uri(manifest.name), bucket.storage_options(),
                                                 manifest.version), manifest.version)
        stored = manifest.row_count or 0
        return manifest.model_copy(update={"visible_rows": max(stored - erased, 0), "erased_rows": erased})

    def history(self, name: str, limit: int = 100, actor: Actor | None = None) -> list[VersionEntry]:
        with self._call(actor, "dataset.history", name) as (who, _):
            self.access.require_read_dataset(who, name)
            return self.catalog.datasets.history(name, limit)

    def patch_metadata(self, name: str, patch: MetadataPatch | Mapping[str, Any],
                       actor: Actor | None = None) -> DatasetManifest:
        patch = patch if isinstance(patch, MetadataPatch) else MetadataPatch.model_validate(patch)
        with self._call(actor, "dataset.patch_metadata", name) as (who, _):
            self.access.require_write_dataset(who, name, True, "change metadata of")
            before, after = self.catalog.datasets.patch_metadata(name, patch)
        self._publish("dataset.metadata_patched", name, actor,
                      {"patch": patch.model_dump(mode="json", exclude_unset=True),
                       "before": before.model_dump(mode="json", exclude={"lineage"})})
        return after

    def delete_dataset(self, name: str, actor: Actor | None = None, *, force: bool = False) -> DatasetManifest:
        """``force``: delete it though a profile binds it (the binding is dropped)."""
        with self._call(actor, "dataset.delete", name) as (who, _):
            self.access.require_admin_on_dataset(who, name, "delete")
            self.profiles.require_unbound("dataset", name, force)  # type: ignore[attr-defined]
            return self.tables.delete(name, who)

    def restore_dataset(self, name: str, version: int, actor: Actor | None = None) -> DatasetManifest:
        with self._call(actor, "dataset.restore", name) as (who, _):
            self.access.require_write_dataset(who, name, True, "restore")
            return self.tables.restore(name, version, who)

    def optimize_dataset(self, name: str, vacuum: bool = True, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "dataset.optimize", name) as (who, _):
            self.access.require_write_dataset(who, name, True, "optimize")
            return self.tables.optimize(name, who, vacuum=vacuum)
