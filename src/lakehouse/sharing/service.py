"""Sharing: who may share what with whom (the provider side), and the answers a recipient gets over the Delta
Sharing protocol (the recipient side).

Provider side. Admins and writers manage shares and recipients; a writer sees and manages only those it created,
may put into a share only views it may read, and never a raw dataset (admins only: 403). Readers and agents share
nothing (403 for creating; 404 for another's share or recipient, as for every object one may not read).

Recipient side. A recipient's bearer token maps to its shares; a share, schema or table outside them answers 404.
Every share has one schema, ``default``, holding its objects under their own names.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import Forbidden, HistoryNotShared, InvalidInput, NotFound
from lakehouse.events import EventBus
from lakehouse.governance.principals import token_hash
from lakehouse.governance.service import Governance
from lakehouse.query.sql_service import SqlService
from lakehouse.sharing import protocol
from lakehouse.sharing.checks import Access, CheckCache
from lakehouse.sharing.files import URL_QUERY, DataFile, Signer, Ticket, data_files, presign_s3
from lakehouse.sharing.snapshots import SHARED_DIR, Served, Snapshots
from lakehouse.sharing.store import Recipient, SharedObject, ShareStore
from lakehouse.storage.names import validate_name
from lakehouse.storage.registry import BucketRegistry
from lakehouse.types import Actor, Event, Role, iso_utc, utcnow
from lakehouse.wire import QueryTableRequest, RecipientSpec, ShareSpec

MAX_RECIPIENT_DAYS = 36_500
TABLE_CACHE = 64  # served table versions whose file lists are kept


@dataclass(frozen=True)
class TableAnswer:
    """A protocol answer: the table's protocol version (``Delta-Table-Version``), the format and the ndjson body."""

    version: int
    format: protocol.Format
    body: bytes


@dataclass(frozen=True)
class TableState:
    """What a served table version answers with, read once from its Delta log."""

    files: list[DataFile]
    schema: str
    created: int
    delta_protocol: protocol.TableProtocol

    def head(self, fmt: protocol.Format, obj: SharedObject) -> list[dict[str, Any]]:
        """The protocol and metaData lines every metadata and query answer starts with."""
        return [protocol.protocol_line(fmt, self.delta_protocol),
                protocol.metadata_line(fmt, obj.id, obj.name, self.schema, self.files, self.created)]


def _features(names: list[str] | None) -> tuple[str, ...] | None:
    return tuple(names) if names is not None else None


def endpoint_of(settings: Settings) -> str:
    """The Delta Sharing endpoint written into profiles and file URLs."""
    if settings.sharing.endpoint:
        return settings.sharing.endpoint.rstrip("/")
    scheme = "https" if settings.server.tls_certfile else "http"
    return f"{scheme}://{settings.server.host}:{settings.server.port}/delta-sharing"


class SharingService:
    def __init__(self, settings: Settings, catalog: CatalogStore, buckets: BucketRegistry, governance: Governance,
                 bus: EventBus, sql: Callable[[], SqlService]):
        self._settings = settings
        self._catalog = catalog
        self._buckets = buckets
        self._gov = governance
        self._bus = bus
        self.store = ShareStore(catalog.sessions)
        expiry = settings.sharing.url_expiry_seconds
        self.snapshots = Snapshots(catalog.sessions, catalog, buckets, governance, sql, grace_seconds=expiry)
        self.signer = Signer(governance.secret, expiry)
        self._tables: dict[tuple[str, str, int], TableState] = {}
        seconds = settings.sharing.check_cache_seconds
        self._by_token: CheckCache[Recipient] = CheckCache(seconds)
        self._access: CheckCache[Access] = CheckCache(seconds)
        self._lock = threading.Lock()

    # Provider side ----------------------------------------------------------------------------
    def _require_sharer(self, actor: Actor, action: str) -> None:
        self._gov.access.require_role(actor, (Role.admin, Role.writer), action)

    def _visible(self, actor: Actor, created_by: str) -> bool:
        return actor.is_admin or (actor.role is Role.writer and created_by == actor.name)

    def create_share(self, actor: Actor, spec: ShareSpec) -> dict[str, Any]:
        self._require_sharer(actor, "create shares")
        validate_name(spec.name, "share name")
        if len(set(spec.objects)) != len(spec.objects):
            raise InvalidInput("Share objects must not repeat.")
        objects = [(name, self._shareable(actor, name)) for name in spec.objects]
        info = self.store.create_share(spec.name, spec.comment, objects, actor)
        self._publish("share.created", spec.name, actor, {"after": info})
        return info

    def _shareable(self, actor: Actor, name: str) -> str:
        """'view' or 'dataset'; 404 for what the actor may not read, 403 for a raw dataset and a non-admin."""
        if self._gov.views.get(name) is not None:
            self._gov.get_view(actor, name)
            return "view"
        if self._catalog.datasets.exists(name):
            self._gov.access.require_read_dataset(actor, name)
            if not actor.is_admin:
                raise Forbidden(f"Only an admin may share the raw dataset '{name}'; '{actor.name}' is a "
                                f"{actor.role.value}.", hint="Share a view over it instead (masks and row filter "
                                                             "are applied in the shared snapshot).")
            return "dataset"
        raise NotFound(f"No dataset or view named '{name}'.", hint="List them with GET /catalog/datasets and "
                                                                   "GET /catalog/views.")

    def list_shares(self, actor: Actor) -> list[dict[str, Any]]:
        return [s for s in self.store.list_shares() if self._visible(actor, s["created_by"])]

    def get_share(self, actor: Actor, name: str) -> dict[str, Any]:
        info = self.store.share(name)
        if not self._visible(actor, info["created_by"]):
            raise NotFound(f"Share '{name}' does not exist.", hint="List shares with GET /sharing/shares.")
        return info

    def delete_share(self, actor: Actor, name: str) -> dict[str, Any]:
        self.get_share(actor, name)
        info = self.store.delete_share(name)
        self._forget_checks()
        for obj in info["objects"]:
            if not self.store.is_shared(obj["name"]):
                self.snapshots.drop(obj["name"])
        self._publish("share.deleted", name, actor, {"before": info, "after": None})
        return info

    def create_recipient(self, actor: Actor, spec: RecipientSpec) -> dict[str, Any]:
        self._require_sharer(actor, "create recipients")
        validate_name(spec.name, "recipient name")
        if not spec.shares or len(set(spec.shares)) != len(spec.shares):
            raise InvalidInput("Name at least one share, each once.", hint='{"name": "acme", "shares": ["sales"]}')
        for share in spec.shares:
            self.get_share(actor, share)
        days = spec.expires_in_days
        if days is not None and not 0 < days <= MAX_RECIPIENT_DAYS:
            raise InvalidInput(f"expires_in_days must be above 0 and at most {MAX_RECIPIENT_DAYS:,}.")
        expires = utcnow() + timedelta(days=days) if days else None
        token, info = self.store.create_recipient(spec.name, spec.shares, expires, actor)
        self._publish("recipient.created", spec.name, actor, {"after": info})
        profile: dict[str, Any] = {"shareCredentialsVersion": 1, "endpoint": endpoint_of(self._settings),
                                   "bearerToken": token}
        if expires is not None:
            profile["expirationTime"] = iso_utc(expires)
        return profile

    def list_recipients(self, actor: Actor) -> list[dict[str, Any]]:
        return [r for r in self.store.list_recipients() if self._visible(actor, r["created_by"])]

    def revoke_recipient(self, actor: Actor, name: str) -> dict[str, Any]:
        info = self.store.recipient(name)
        if not self._visible(actor, info["created_by"]):
            raise NotFound(f"Recipient '{name}' does not exist.", hint="List recipients with GET /sharing/recipients.")
        after = self.store.revoke(name)
        self._forget_checks()
        self._publish("recipient.revoked", name, actor, {"before": info, "after": after})
        return after

    def on_object_deleted(self, event: Event) -> None:
        """A deleted view or dataset leaves every share, and its snapshots go."""
        self.store.drop_object(event.subject)
        self._forget_checks()
        self.snapshots.drop(event.subject)

    def _forget_checks(self) -> None:
        """Who may read what changed: kept recipient checks go (sharing/checks.py)."""
        self._by_token.clear()
        self._access.clear()

    def _publish(self, kind: str, subject: str, actor: Actor, payload: dict[str, Any]) -> None:
        self._bus.publish(Event(kind, subject, actor.name, payload))

    # Recipient side ---------------------------------------------------------------------------
    def authenticate(self, token: str | None) -> Recipient:
        from lakehouse.errors import RecipientUnauthorized

        if not token or not token.strip():
            raise RecipientUnauthorized("Delta Sharing requests need 'Authorization: Bearer <token>'.")
        token = token.strip()

        def load() -> tuple[Recipient, Any]:
            recipient = self.store.authenticate(token)
            return recipient, recipient.expires_at

        return self._by_token.get(token_hash(token), load)

    def shares(self, recipient: Recipient, max_results: int | None, page_token: str | None) -> dict[str, Any]:
        items = [{"name": n, "id": i} for n, i, _ in self._shares_of(recipient).shares]
        return protocol.page(items, max_results, page_token)

    def share(self, recipient: Recipient, share: str) -> dict[str, Any]:
        name, share_id, _ = self._share(recipient, share)
        return {"share": {"name": name, "id": share_id}}

    def schemas(self, recipient: Recipient, share: str, max_results: int | None,
                page_token: str | None) -> dict[str, Any]:
        name, _, _ = self._share(recipient, share)
        return protocol.page([{"name": protocol.SCHEMA, "share": name}], max_results, page_token)

    def tables(self, recipient: Recipient, share: str, schema: str | None, max_results: int | None,
               page_token: str | None) -> dict[str, Any]:
        name, share_id, objects = self._share(recipient, share)
        if schema is not None:
            self._schema(schema)
        items = [{"name": o.name, "schema": protocol.SCHEMA, "share": name, "shareId": share_id, "id": o.id}
                 for o in objects]
        return protocol.page(items, max_results, page_token)

    def table_version(self, recipient: Recipient, share: str, schema: str, table: str,
                      starting_timestamp: str | None = None) -> int:
        if starting_timestamp is not None:
            raise HistoryNotShared("startingTimestamp asks for history; shares serve the current snapshot only.")
        obj = self._object(recipient, share, schema, table)
        return self.snapshots.peek_version(obj.name, obj.kind)

    def metadata(self, recipient: Recipient, share: str, schema: str, table: str,
                 capabilities: protocol.Capabilities) -> TableAnswer:
        obj = self._object(recipient, share, schema, table)
        served = self.snapshots.current(obj.name, obj.kind)
        state = self._table(served)
        fmt = capabilities.format_for(state.delta_protocol)
        return TableAnswer(served.version, fmt, protocol.ndjson(state.head(fmt, obj)))

    def query(self, recipient: Recipient, share: str, schema: str, table: str, capabilities: protocol.Capabilities,
              request: QueryTableRequest) -> TableAnswer:
        if request.timestamp is not None or request.startingVersion is not None:
            raise HistoryNotShared("timestamp and startingVersion ask for history or changes; shares serve the "
                                   "current snapshot only.")
        obj = self._object(recipient, share, schema, table)
        served = self.snapshots.current(obj.name, obj.kind)
        if request.version is not None and request.version != served.version:
            raise HistoryNotShared(f"Version {request.version} of '{obj.name}' is not shared; the current version "
                                   f"is {served.version}.")
        state = self._table(served)
        fmt = capabilities.format_for(state.delta_protocol)
        bucket = self._buckets.get(served.bucket)
        expires = self.signer.expires_ms()
        lines = state.head(fmt, obj)
        for file in protocol.within_limit(state.files, request.limitHint):
            lines.append(protocol.file_line(fmt, file, self._url(bucket, file, recipient, expires), expires))
        return TableAnswer(served.version, fmt, protocol.ndjson(lines))

    def file(self, signed: str) -> tuple[Path, Recipient]:
        """The local file a signed URL names, once the signature, the expiry and the recipient (still active and
        still holding a share of the object) check out."""
        ticket = self.signer.verify(signed)
        access = self._access.get(ticket.recipient_id, lambda: self._active(ticket.recipient_id))
        parts = ticket.relpath.split("/")
        if len(parts) < 3 or parts[0] not in (SHARED_DIR, "tables") or not access.readable(parts[1]):
            raise NotFound("This shared file is no longer available.")
        bucket = self._buckets.get(ticket.bucket)
        if bucket.backend != "local" or not bucket.exists(ticket.relpath):
            raise NotFound("This shared file is no longer available.",
                           hint="Query the table again: it may have been refreshed or purged since.")
        return Path(bucket.resolve(ticket.relpath)), access.recipient

    def _active(self, recipient_id: str) -> tuple[Access, Any]:
        """What a file URL's recipient may read, while it is active (404 when no longer)."""
        recipient = self.store.active(recipient_id)
        if recipient is None:
            raise NotFound("This shared file is no longer available.")
        return self._load_access(recipient), recipient.expires_at

    def _load_access(self, recipient: Recipient) -> Access:
        return Access(recipient, tuple((name, share_id, tuple(self.store.shared_objects(share_id)))
                                       for name, share_id in self.store.recipient_shares(recipient)))

    def _shares_of(self, recipient: Recipient) -> Access:
        """What an authenticated recipient's shares hold (kept like the token check: sharing/checks.py)."""
        return self._access.get(recipient.id, lambda: (self._load_access(recipient), recipient.expires_at))

    def _url(self, bucket: Any, file: DataFile, recipient: Recipient, expires_ms: int) -> str:
        if bucket.backend == "s3":
            return presign_s3(bucket, file.relpath, self.signer.expiry_seconds)
        ticket = Ticket(bucket.name, file.relpath, recipient.id, expires_ms)
        return f"{endpoint_of(self._settings)}/files/{self.signer.sign(ticket)}?{URL_QUERY}"

    def _table(self, served: Served) -> TableState:
        """The served version's files, schema, creation time and protocol; a version never changes, so they are
        kept (the client asks for metadata, then queries: the log is read once)."""
        key = (served.bucket, served.path, served.table_version)
        with self._lock:
            found = self._tables.get(key)
        if found is not None:
            return found
        from lakehouse.storage import delta

        bucket = self._buckets.get(served.bucket)
        dt = delta.open_table(bucket.uri(served.path), bucket.storage_options(), served.table_version)
        versions = dt.protocol()
        found = TableState(data_files(served.path, dt), dt.schema().to_json(), int(dt.metadata().created_time or 0),
                           protocol.TableProtocol(versions.min_reader_version, versions.min_writer_version,
                                                  _features(versions.reader_features),
                                                  _features(versions.writer_features)))
        with self._lock:
            self._tables[key] = found
            while len(self._tables) > TABLE_CACHE:
                self._tables.pop(next(iter(self._tables)))
        return found

    def _share(self, recipient: Recipient, share: str) -> tuple[str, str, tuple[SharedObject, ...]]:
        wanted = share.lower()
        for name, share_id, objects in self._shares_of(recipient).shares:
            if name == wanted:
                return name, share_id, objects
        raise NotFound(f"Share '{share}' does not exist or is not shared with you.",
                       hint="GET /delta-sharing/shares lists your shares.")

    @staticmethod
    def _schema(schema: str) -> None:
        if schema.lower() != protocol.SCHEMA:
            raise NotFound(f"Schema '{schema}' does not exist; every share has one schema, 'default'.")

    def _object(self, recipient: Recipient, share: str, schema: str, table: str) -> SharedObject:
        _, _, objects = self._share(recipient, share)
        self._schema(schema)
        for obj in objects:
            if obj.name == table.lower():
                return obj
        raise NotFound(f"Table '{table}' is not in share '{share}'.",
                       hint=f"GET /delta-sharing/shares/{share}/all-tables lists its tables.")
