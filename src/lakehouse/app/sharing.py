"""Delta Sharing: shares and recipients (the provider's methods, audited like every call) and ``delta_sharing``,
the namespace the protocol's routes call as the recipient a bearer token names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lakehouse.app.base import LakehouseBase
from lakehouse.types import Actor, Role
from lakehouse.wire import QueryTableRequest, RecipientSpec, ShareSpec

if TYPE_CHECKING:
    from lakehouse.app.lakehouse import Lakehouse
    from lakehouse.sharing.service import TableAnswer


def recipient_actor(name: str) -> Actor:
    """How a recipient appears in the audit: by name, with the least of roles (it never queries anything)."""
    return Actor(name=f"recipient:{name}", role=Role.agent)


class DeltaSharing:
    """The recipient side: each call authenticates the bearer token, then answers as that recipient, audited."""

    def __init__(self, lakehouse: Lakehouse):
        self._lh = lakehouse

    def recipient(self, token: str | None) -> Actor:
        """The token's recipient as an actor (401 for a missing, unknown, revoked or expired token)."""
        return recipient_actor(self._lh.sharing.authenticate(token).name)

    def _call(self, token: str | None, action: str, *objects: str) -> Any:
        service = self._lh.sharing
        recipient = service.authenticate(token)
        return recipient, self._lh._call(recipient_actor(recipient.name), f"sharing.{action}", *objects)

    def list_shares(self, token: str | None, max_results: int | None = None,
                    page_token: str | None = None) -> dict[str, Any]:
        recipient, call = self._call(token, "list_shares")
        with call:
            return self._lh.sharing.shares(recipient, max_results, page_token)

    def get_share(self, token: str | None, share: str) -> dict[str, Any]:
        recipient, call = self._call(token, "get_share", share)
        with call:
            return self._lh.sharing.share(recipient, share)

    def list_schemas(self, token: str | None, share: str, max_results: int | None = None,
                     page_token: str | None = None) -> dict[str, Any]:
        recipient, call = self._call(token, "list_schemas", share)
        with call:
            return self._lh.sharing.schemas(recipient, share, max_results, page_token)

    def list_tables(self, token: str | None, share: str, schema: str | None = None, max_results: int | None = None,
                    page_token: str | None = None) -> dict[str, Any]:
        """``schema`` None: every table of the share (``all-tables``)."""
        recipient, call = self._call(token, "list_tables", share)
        with call:
            return self._lh.sharing.tables(recipient, share, schema, max_results, page_token)

    def table_version(self, token: str | None, share: str, schema: str, table: str,
                      starting_timestamp: str | None = None) -> int:
        recipient, call = self._call(token, "table_version", f"{share}.{schema}.{table}")
        with call:
            return self._lh.sharing.table_version(recipient, share, schema, table, starting_timestamp)

    def metadata(self, token: str | None, share: str, schema: str, table: str,
                 capabilities: str | None = None) -> TableAnswer:
        from lakehouse.sharing.protocol import Capabilities

        recipient, call = self._call(token, "metadata", f"{share}.{schema}.{table}")
        with call:
            return self._lh.sharing.metadata(recipient, share, schema, table, Capabilities.parse(capabilities))

    def query(self, token: str | None, share: str, schema: str, table: str,
              request: QueryTableRequest | Mapping[str, Any] | None = None,
              capabilities: str | None = None) -> TableAnswer:
        from lakehouse.sharing.protocol import Capabilities

        body = request if isinstance(request, QueryTableRequest) else QueryTableRequest.model_validate(request or {})
        recipient, call = self._call(token, "query", f"{share}.{schema}.{table}")
        with call as (_, scope):
            answer = self._lh.sharing.query(recipient, share, schema, table, Capabilities.parse(capabilities), body)
            scope.rows = answer.body.count(b'{"file"')
            return answer

    def file(self, signed: str) -> tuple[Path, Actor]:
        """The local file a signed file URL names, and its recipient (the HTTP request's audit record names it)."""
        path, recipient = self._lh.sharing.file(signed)
        return path, recipient_actor(recipient.name)


class SharingApi(LakehouseBase):
    @cached_property
    def delta_sharing(self) -> DeltaSharing:
        """The Delta Sharing protocol as a recipient calls it (api/routes/delta_sharing.py)."""
        return DeltaSharing(self)  # type: ignore[arg-type]  # composed into Lakehouse

    def create_share(self, name: str, objects: Sequence[str], *, comment: str = "",
                     actor: Actor | None = None) -> dict[str, Any]:
        """Share datasets (admins only) and views, each in the share's schema ``default`` under its own name."""
        spec = ShareSpec(name=name, objects=list(objects), comment=comment)
        with self._call(actor, "sharing.create_share", name) as (who, _):
            return self.sharing.create_share(who, spec)

    def list_shares(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "sharing.list_shares") as (who, scope):
            items = self.sharing.list_shares(who)
            scope.rows = len(items)
            return items

    def get_share(self, name: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "sharing.get_share", name) as (who, _):
            return self.sharing.get_share(who, name)

    def delete_share(self, name: str, actor: Actor | None = None) -> dict[str, Any]:
        """Stop sharing: its recipients lose it at once; snapshots no other share needs are deleted."""
        with self._call(actor, "sharing.delete_share", name) as (who, _):
            return self.sharing.delete_share(who, name)

    def create_recipient(self, name: str, shares: Sequence[str], *, expires_in_days: float | None = None,
                         actor: Actor | None = None) -> dict[str, Any]:
        """A recipient of ``shares``: answers its Delta Sharing profile, whose bearer token is shown only now."""
        spec = RecipientSpec(name=name, shares=list(shares), expires_in_days=expires_in_days)
        with self._call(actor, "sharing.create_recipient", name, *shares) as (who, _):
            return self.sharing.create_recipient(who, spec)

    def list_recipients(self, actor: Actor | None = None) -> list[dict[str, Any]]:
        with self._call(actor, "sharing.list_recipients") as (who, scope):
            items = self.sharing.list_recipients(who)
            scope.rows = len(items)
            return items

    def revoke_recipient(self, name: str, actor: Actor | None = None) -> dict[str, Any]:
        """The recipient's token stops working at once, and so do file URLs handed out to it."""
        with self._call(actor, "sharing.revoke_recipient", name) as (who, _):
            return self.sharing.revoke_recipient(who, name)
