"""Governance facade: one object the composition root builds, holding every governance service and
the checks that combine them (who may do what to which object)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import InvalidInput
from lakehouse.events import Erasable, ErasableRegistry, EventBus, LazyErasable
from lakehouse.governance.access import Access
from lakehouse.governance.audit import AuditLog
from lakehouse.governance.grants import Grants, ObjectKind
from lakehouse.governance.journal import Journal
from lakehouse.governance.principals import Principals
from lakehouse.governance.redaction import hmac_hex, load_secret
from lakehouse.governance.views import ViewInfo, ViewSpec, ViewStore, normalise
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import Actor, Event, Role

if TYPE_CHECKING:
    import pyarrow as pa
    from sqlalchemy import Connection

    from lakehouse.governance.clean_copies import CleanCopies
    from lakehouse.governance.purge import PurgeService
    from lakehouse.governance.tombstones import TombstoneStore


class Governance:
    def __init__(self, settings: Settings, catalog: CatalogStore, buckets: BucketRegistry, bus: EventBus,
                 erasables: ErasableRegistry):
        self._catalog = catalog
        self._buckets = buckets
        self._bus = bus
        self._erasables = erasables
        sessions = catalog.sessions
        self.secret = load_secret(settings)
        self._check_secret(catalog)
        self.principals = Principals(sessions)
        self.grants = Grants(sessions)
        self.access = Access(self.grants, catalog.datasets.exists)
        self.views = ViewStore(sessions)
        self._tombstone_root = Path(settings.data_dir) / "governance" / "tombstones"
        self._retention = settings.governance.purge_retention_hours
        self._query_seconds = settings.query.time_limit_seconds
        self.audit = AuditLog(sessions)
        self.journal = Journal(sessions, bus)
        erasables.register(LazyErasable("delta-tables", self._table_erasable))
        for pattern in ("dataset.*", "tombstone.*", "purge.done"):
            bus.subscribe(pattern, self._refresh_clean_copies)

    def _check_secret(self, catalog: CatalogStore) -> None:
        """Every process on one catalog must hash with one secret (replicas have their own data dirs)."""
        check = hmac_hex(self.secret, "lakehouse:governance-secret-check")
        if catalog.claim_meta("governance_secret_check", check) != check:
            from lakehouse.errors import SecretMismatch

            raise SecretMismatch("This process's governance secret is not the one this catalog was first used "
                                 "with (another data dir's secret.key, or another governance.secret).")

    # Parts built on first use (they load Arrow and delta-rs; listing datasets needs neither) --------
    @cached_property
    def tombstones(self) -> TombstoneStore:
        from lakehouse.governance.tombstones import TombstoneStore

        # superseded key sets stay as long as a query planned against one may run
        retain = 2 * max(self._query_seconds, 60.0)
        store = TombstoneStore(self._catalog.sessions, self.secret, self._tombstone_root, retain,
                               key_type_of=lambda name: self.schema_of(name).field(store.key_column(name)).type)
        self._catalog.owners.on_sweep.append(lambda _dead: store.sync())
        return store

    @cached_property
    def clean_copies(self) -> CleanCopies:
        from lakehouse.governance.clean_copies import CleanCopies

        return CleanCopies(self._tombstone_root)

    @cached_property
    def purger(self) -> PurgeService:
        from lakehouse.governance.purge import PurgeService

        return PurgeService(self._catalog, self._buckets, self.tombstones, self._erasables, self._bus, self.secret,
                            self._retention)

    def _table_erasable(self) -> Erasable:
        from lakehouse.governance.purge import DeltaTableErasable

        return DeltaTableErasable(self._catalog, self._buckets, self._retention)

    def _refresh_clean_copies(self, event: Event) -> None:
        """Keys or files changed: check the committed version's new files against the current keys."""
        if event.type != "dataset.deleted":
            self.refresh_clean_copies(event.subject)

    def refresh_clean_copies(self, dataset: str) -> None:
        """Also run at start, so a dataset tombstoned by an older release (no copies yet) gets them."""
        generation = self.tombstones.relation(dataset)
        if generation is None or not self._catalog.datasets.exists(dataset):
            return
        manifest = self._catalog.datasets.get(dataset, with_lineage=False)
        bucket = self._buckets.get(manifest.bucket)
        self.clean_copies.refresh(dataset, generation, self.tombstones.key_column(dataset),
                                  bucket.table_uri(dataset), manifest.version)

    def _publish(self, kind: str, subject: str, actor: Actor, payload: dict[str, Any]) -> None:
        self._bus.publish(Event(kind, subject, actor.name, payload))

    def schema_of(self, dataset: str) -> pa.Schema:
        manifest = self._catalog.datasets.get(dataset, with_lineage=False)
        bucket = self._buckets.get(manifest.bucket)
        from lakehouse.storage import delta

        return delta.schema(bucket.table_uri(dataset), bucket.storage_options())

    # Tokens and grants ----------------------------------------------------------------------
    def create_token(self, actor: Actor, name: str, role: Role | str, expires_in_days: float | None = None,
                     profile: str | None = None) -> dict[str, Any]:
        self.access.require_admin(actor, "create tokens")
        token, info = self.principals.create_token(name, Role(role), actor, expires_in_days, profile)
        self._publish("token.created", name, actor, {"after": info})
        return {"token": token, **info}

    def revoke_token(self, actor: Actor, token_id: str) -> dict[str, Any]:
        self.access.require_admin(actor, "revoke tokens")
        info = self.principals.revoke(token_id)
        self._publish("token.revoked", info["name"], actor, {"after": info})
        return info

    def add_grant(self, actor: Actor, principal: str, kind: ObjectKind, name: str) -> dict[str, Any]:
        self.access.require_admin(actor, "grant access")
        info = self.grants.add(self.principals.get(principal), kind, name, actor)
        self._publish("grant.added", principal, actor, {"after": info})
        return info

    def remove_grant(self, actor: Actor, grant_id: int) -> dict[str, Any]:
        self.access.require_admin(actor, "remove grants")
        info = self.grants.remove(grant_id)
        self._publish("grant.removed", info["principal"], actor, {"before": info, "after": None})
        return info

    # Views ----------------------------------------------------------------------------------
    def check_view(self, actor: Actor, spec: ViewSpec) -> ViewSpec:
        self.access.require_write_dataset(actor, spec.base_dataset, True, "define views on")
        manifest = self._catalog.datasets.get(spec.base_dataset, with_lineage=False)
        if self._catalog.datasets.exists(spec.name) or spec.name.startswith("__"):
            raise InvalidInput(f"'{spec.name}' is taken by a dataset or reserved.", hint="Pick another view name.")
        return normalise(spec, manifest.columns)

    def readable_views(self, actor: Actor, connection: Connection | None = None) -> list[ViewInfo]:
        views = self.views.list(connection)  # one read: every query makes this call
        visible = self.access.readable_views(actor, {v.name: v.owner for v in views}, connection)
        return [v for v in views if v.name in visible]

    def get_view(self, actor: Actor, name: str) -> ViewInfo:
        info = self.views.get(name)
        self.access.require_read_view(actor, name, info.owner if info else None)
        assert info is not None
        return info

    def delete_view(self, actor: Actor, name: str) -> ViewInfo:
        info = self.get_view(actor, name)
        self.access.require_view_owner(actor, name, info.owner)
        self.views.delete(name)
        self.grants.drop_object("view", name)
        self._publish("view.deleted", name, actor, {"before": self.views.summary(info), "after": None})
        return info

    # Tombstones, purge, erase ---------------------------------------------------------------
    def add_tombstones(self, actor: Actor, dataset: str, key_column: str, values: Sequence[object], reason: str,
                       note: str | None = None) -> dict[str, Any]:
        self.access.require_admin_on_dataset(actor, dataset, "tombstone rows of")
        schema = self.schema_of(dataset)
        if key_column not in schema.names:
            raise InvalidInput(f"Dataset '{dataset}' has no column '{key_column}'.",
                               hint=f"Columns: {', '.join(schema.names)}.")
        fresh, failed = self.tombstones.add(dataset, key_column, schema.field(key_column).type, values, reason,
                                            note, actor)
        if fresh:
            self._publish("tombstone.added", dataset, actor, {"after": {
                "row_key_column": key_column, "keys": [r.key_hmac for r in fresh], "reason": reason}})
        hidden = self._rows_per_key(dataset, key_column, schema.field(key_column).type, [r.key_value for r in fresh])
        keys = [{"id": r.id, "value": r.key_value, "rows_hidden": hidden.get(r.key_value, 0)} for r in fresh]
        result: dict[str, Any] = {
            "applied": len(fresh), "ids": [r.id for r in fresh], "rows_hidden": sum(k["rows_hidden"] for k in keys),
            "keys": keys, "failed": [{"value": f["value"], "reason": f["reason"]} for f in failed]}
        unmatched = sum(1 for k in keys if not k["rows_hidden"])
        if unmatched:
            result["hint"] = (f"{unmatched} key(s) match no row now. They stay tombstoned: rows with them that are "
                              "written later are dropped (restore a tombstone to allow them).")
        return result

    def _rows_per_key(self, dataset: str, key_column: str, key_type: pa.DataType,
                      values: Sequence[object]) -> dict[object, int]:
        """How many rows of the current version each key hides (a scan of the key column alone)."""
        if not values:
            return {}
        import pyarrow as pa
        import pyarrow.compute as pc

        from lakehouse.storage import delta
        from lakehouse.storage.arrays import is_in

        manifest = self._catalog.datasets.get(dataset, with_lineage=False)
        bucket = self._buckets.get(manifest.bucket)
        data = delta.dataset(bucket.table_uri(dataset), bucket.storage_options(), manifest.version)
        wanted = pa.array(list(values)).cast(key_type)
        counts: dict[object, int] = {}
        for batch in data.to_batches(columns=[key_column]):
            keys = batch.column(0)
            matched = keys.filter(pc.fill_null(is_in(keys, wanted), False))
            if len(matched):
                for item in pc.value_counts(matched).to_pylist():
                    counts[item["values"]] = counts.get(item["values"], 0) + item["counts"]
        # keyed as the tombstone rows store values (JSON-able: dates and decimals as text)
        return {k if isinstance(k, str | int | float | bool) else str(k): v for k, v in counts.items()}

    def tombstoned_datasets(self) -> set[str]:
        """Datasets with active tombstones, without loading the tombstone machinery (Arrow, delta-rs): a
        listing that finds none stays light."""
        from sqlalchemy import select

        from lakehouse.catalog.models_governance import TombstoneRow

        active = select(TombstoneRow.dataset_name).where(TombstoneRow.purged_at.is_(None)).distinct()
        with self._catalog.engine.connect() as conn:
            return set(conn.scalars(active))  # every query asks: one statement, no ORM session

    def list_tombstones(self, actor: Actor, dataset: str) -> list[dict[str, Any]]:
        from lakehouse.governance.tombstones import tombstone_view

        self.access.require_admin_on_dataset(actor, dataset, "list tombstones of")
        pending = frozenset(k for c in self.purger.certificates(dataset) if c.get("status") == "pending"
                            for k in c.get("keys", []))
        return [tombstone_view(r, pending) for r in self.tombstones.rows(dataset)]

    def remove_tombstone(self, actor: Actor, dataset: str, tombstone_id: int) -> dict[str, Any]:
        self.access.require_admin_on_dataset(actor, dataset, "restore rows of")
        from lakehouse.governance.tombstones import tombstone_view

        row = self.tombstones.remove(dataset, tombstone_id, self._key_type(dataset))
        self._publish("tombstone.removed", dataset, actor, {"before": {"id": tombstone_id, "key": row.key_hmac},
                                                            "after": None})
        return tombstone_view(row)

    def _key_type(self, dataset: str) -> pa.DataType | None:
        column = self.tombstones.key_column(dataset)
        schema = self.schema_of(dataset)
        return schema.field(column).type if column and column in schema.names else None

    def purge(self, actor: Actor, dataset: str) -> dict[str, Any]:
        self.access.require_admin_on_dataset(actor, dataset, "purge")
        return self.purger.purge(dataset, actor)

    def certificates(self, actor: Actor, dataset: str) -> list[dict[str, Any]]:
        self.access.require_admin_on_dataset(actor, dataset, "read erasure certificates of")
        return self.purger.certificates(dataset)

    def erase(self, actor: Actor, value: str, kind: str, reason: str) -> dict[str, Any]:
        from lakehouse.governance import erase as erasing
        from lakehouse.storage import delta

        self.access.require_admin(actor, "erase a person")
        report: list[dict[str, Any]] = []
        for manifest in self._catalog.datasets.list():
            columns = erasing.matching_columns(manifest, kind)
            if not columns:
                continue
            bucket = self._buckets.get(manifest.bucket)
            data = delta.dataset(bucket.table_uri(manifest.name), bucket.storage_options())
            key_column = self.tombstones.key_column(manifest.name)
            for column in columns:
                keys = erasing.find_keys(data, column.name, key_column or column.name, value)
                if not keys:
                    continue
                result = self.add_tombstones(actor, manifest.name, key_column or column.name, keys, reason)
                key_column = key_column or column.name
                report.append({"dataset": manifest.name, "column": column.name, "row_key_column": key_column,
                               "rows_matched": len(keys), "applied": result["applied"], "failed": result["failed"]})
        self._publish("governance.erased", kind, actor, {"after": {
            "value": hmac_hex(self.secret, value), "kind": kind, "datasets": [r["dataset"] for r in report]}})
        return {"value_hmac": hmac_hex(self.secret, value), "kind": kind, "datasets": report,
                "next": "POST /catalog/datasets/by-name/{name}/purge for each dataset to remove the rows"}
