"""Datasets: list, manifests, history, metadata, delete, restore, optimize."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lakehouse.app.base import LakehouseBase
from lakehouse.types import Actor
from lakehouse.wire import DatasetManifest, MetadataPatch, VersionEntry


class DatasetsApi(LakehouseBase):
    # Datasets -------------------------------------------------------------------------------
    def list_datasets(self, actor: Actor | None = None) -> list[DatasetManifest]:
        with self._call(actor, "dataset.list") as (who, scope):
            items = self.catalog.datasets.list()
            visible = self.access.readable_datasets(who, [m.name for m in items])
            scope.rows = len(visible)
            return [m for m in items if m.name in visible]

    def get_dataset(self, name: str, actor: Actor | None = None) -> DatasetManifest:
        with self._call(actor, "dataset.get", name) as (who, _):
            self.access.require_read_dataset(who, name)
            return self.catalog.datasets.get(name)

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

    def delete_dataset(self, name: str, actor: Actor | None = None) -> DatasetManifest:
        with self._call(actor, "dataset.delete", name) as (who, _):
            self.access.require_admin_on_dataset(who, name, "delete")
            return self.tables.delete(name, who)

    def restore_dataset(self, name: str, version: int, actor: Actor | None = None) -> DatasetManifest:
        with self._call(actor, "dataset.restore", name) as (who, _):
            self.access.require_write_dataset(who, name, True, "restore")
            return self.tables.restore(name, version, who)

    def optimize_dataset(self, name: str, vacuum: bool = True, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "dataset.optimize", name) as (who, _):
            self.access.require_write_dataset(who, name, True, "optimize")
            return self.tables.optimize(name, who, vacuum=vacuum)
