"""Governance: tokens, grants, views, tombstones, purge, erasure, audit, journal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lakehouse.app.base import LakehouseBase
from lakehouse.errors import InvalidInput, LakehouseError
from lakehouse.governance.views import ViewInfo, ViewSpec
from lakehouse.types import SYSTEM, Actor, Role
from lakehouse.wire import JobInfo


class GovernanceApi(LakehouseBase):
    # Governance: tokens, grants, views, tombstones, purge, erase, audit, journal -------------
    def authenticate(self, token: str) -> Actor:
        return self.governance.principals.authenticate(token)

    def create_token(self, name: str, role: Role | str, *, expires_in_days: float | None = None,
                     profile: str | None = None, actor: Actor | None = None) -> dict[str, Any]:
        """``profile``: the token's caller sees exactly that profile's bindings."""
        with self._call(actor, "token.create", name) as (who, _):
            self.access.require_admin(who, "create tokens")
            if profile is not None:
                self.profiles.check_token_binding(Role(role), profile)  # type: ignore[attr-defined]
            return self.governance.create_token(who, name, role, expires_in_days, profile)

    def list_tokens(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "token.list") as (who, _):
            self.access.require_admin(who, "list tokens")
            return self.governance.principals.list_tokens()

    def revoke_token(self, token_id: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "token.revoke", token_id) as (who, _):
            return self.governance.revoke_token(who, token_id)

    def add_grant(self, principal: str, kind: str, name: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "grant.add", principal, f"{kind}:{name}") as (who, _):
            return self.governance.add_grant(who, principal, kind, name)  # type: ignore[arg-type]

    def list_grants(self, principal: str | None = None, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "grant.list") as (who, _):
            self.access.require_admin(who, "list grants")
            return self.governance.grants.list(principal)

    def remove_grant(self, grant_id: int, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "grant.remove", str(grant_id)) as (who, _):
            return self.governance.remove_grant(who, grant_id)

    def create_view(self, spec: ViewSpec | Mapping[str, Any], actor: Actor | None = None) -> ViewInfo:
        spec = spec if isinstance(spec, ViewSpec) else ViewSpec.model_validate(spec)
        with self._call(actor, "view.create", spec.name) as (who, _):
            checked = self.governance.check_view(who, spec)
            info = self.governance.views.create(checked, who)
            try:  # plan it once, so a filter the engine cannot type-check is refused now, not at query time
                self.sql_service.run(SYSTEM, f'SELECT * FROM "{info.name}" LIMIT 0', max_rows=0)  # noqa: S608
            except LakehouseError as exc:
                self.governance.views.delete(info.name)
                raise InvalidInput(f"View '{info.name}' does not plan: {exc.message}") from None
        self._publish("view.created", info.name, who, {"after": self.governance.views.summary(info)})
        return info

    def list_views(self, actor: Actor | None = None) -> list[ViewInfo]:
        with self._call(actor, "view.list") as (who, scope):
            views = self.governance.readable_views(who)
            scope.rows = len(views)
            return views

    def get_view(self, name: str, actor: Actor | None = None) -> ViewInfo:
        with self._call(actor, "view.get", name) as (who, _):
            return self.governance.get_view(who, name)

    def delete_view(self, name: str, actor: Actor | None = None, *, force: bool = False) -> ViewInfo:
        """``force``: delete it though a profile binds it (the binding is dropped)."""
        with self._call(actor, "view.delete", name) as (who, _):
            info = self.governance.get_view(who, name)
            self.access.require_view_owner(who, name, info.owner)
            self.profiles.require_unbound("view", name, force)  # type: ignore[attr-defined]
            return self.governance.delete_view(who, name)

    def tombstone(self, dataset: str, row_key_column: str, row_key_values: Sequence[object], reason: str = "",
                  *, note: str | None = None, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "tombstone.add", dataset) as (who, scope):
            result = self.governance.add_tombstones(who, dataset, row_key_column, row_key_values, reason, note)
            scope.rows = result["applied"]
            return result

    def list_tombstones(self, dataset: str, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "tombstone.list", dataset) as (who, _):
            return self.governance.list_tombstones(who, dataset)

    def restore_tombstone(self, dataset: str, tombstone_id: int, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "tombstone.remove", dataset, str(tombstone_id)) as (who, _):
            return self.governance.remove_tombstone(who, dataset, tombstone_id)

    def purge(self, dataset: str, *, wait: bool = True, actor: Actor | None = None) -> JobInfo:
        """Remove tombstoned rows physically; the job's result is the erasure certificate."""
        with self._call(actor, "purge", dataset) as (who, _):
            self.access.require_admin_on_dataset(who, dataset, "purge")
            job = self.jobs.submit("purge", who, {"dataset": dataset},
                                   lambda _ctx: self.governance.purge(who, dataset))
            return self.jobs.wait(job.job_id) if wait else job

    def certificates(self, dataset: str, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "purge.certificates", dataset) as (who, _):
            return self.governance.certificates(who, dataset)

    def erase_person(self, value: str, kind: str, reason: str = "erasure request",
                     actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "governance.erase", kind) as (who, _):
            return self.governance.erase(who, value, kind, reason)

    def audit_events(self, actor: Actor | None = None, **filters: Any) -> list[dict[str, Any]]:
        with self._call(actor, "audit.list") as (who, scope):
            self.access.require_admin(who, "read the audit")
            items = self.governance.audit.query(**filters)
            scope.rows = len(items)
            return items

    def journal_events(self, actor: Actor | None = None, **filters: Any) -> list[dict[str, Any]]:
        with self._call(actor, "journal.list") as (who, scope):
            self.access.require_admin(who, "read the journal")
            items = self.governance.journal.query(**filters)
            scope.rows = len(items)
            return items
