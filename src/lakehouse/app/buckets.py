"""Buckets and catalog backups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lakehouse.app.base import LakehouseBase
from lakehouse.catalog import backup
from lakehouse.storage.buckets import BucketSpec
from lakehouse.types import Actor, Role, utcnow


class BucketsApi(LakehouseBase):
    # Buckets --------------------------------------------------------------------------------
    def list_buckets(self, actor: Actor | None = None) -> list[BucketSpec]:
        with self._call(actor, "bucket.list") as (who, _):
            self.access.require_role(who, (Role.admin, Role.writer), "list buckets")
            return self.buckets.list()

    def add_bucket(self, spec: BucketSpec | Mapping[str, Any], actor: Actor | None = None) -> BucketSpec:
        spec = spec if isinstance(spec, BucketSpec) else BucketSpec.model_validate(spec)
        with self._call(actor, "bucket.add", spec.name) as (who, _):
            self.access.require_admin(who, "add buckets")
            self.buckets.add(spec)
        self._publish("bucket.added", spec.name, actor, spec.model_dump(mode="json"))
        return spec

    def remove_bucket(self, name: str, actor: Actor | None = None) -> None:
        with self._call(actor, "bucket.remove", name) as (who, _):
            self.access.require_admin(who, "remove buckets")
            self.buckets.remove(name)
        self._publish("bucket.removed", name, actor, {})

    # Catalog backups ------------------------------------------------------------------------
    def backup_catalog(self, actor: Actor | None = None) -> str:
        with self._call(actor, "catalog.backup") as (who, _):
            self.access.require_admin(who, "back up the catalog")
            name = f"catalog-backups/catalog-{utcnow().strftime('%Y%m%dT%H%M%S%fZ')}.json.gz"
            self.buckets.get("rescue").write_bytes(name, backup.export_catalog(self.catalog))
        self._publish("catalog.backed_up", name, actor, {})
        return name

    def list_backups(self, actor: Actor | None = None) -> list[str]:
        with self._call(actor, "catalog.list_backups") as (who, _):
            self.access.require_admin(who, "list catalog backups")
            return sorted(self.buckets.get("rescue").list("catalog-backups"))

    def restore_catalog(self, name: str, actor: Actor | None = None) -> dict[str, int]:
        with self._call(actor, "catalog.restore", name) as (who, _):
            self.access.require_admin(who, "restore the catalog")
            blob = self.buckets.get("rescue").read_bytes(name)
            counts = backup.import_catalog(self.catalog, blob)
        self._publish("catalog.restored", name, actor, {"rows": counts})
        return counts
