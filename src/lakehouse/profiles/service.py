"""Profiles: a model's scope. Records (admin), who may use one, and the actor a call through one runs as.

A caller acting through a profile sees exactly its bindings, on every read path: governance reads the
bindings in place of the principal's grants (``Grants.objects``) whenever ``Actor.profile`` is set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lakehouse.catalog.models_profiles import ProfileRow
from lakehouse.catalog.store import CatalogStore
from lakehouse.errors import Conflict, InvalidInput
from lakehouse.governance.service import Governance
from lakehouse.profiles.spec import Binding, ProfileManifest, ProfileSpec
from lakehouse.profiles.store import ProfileStore, manifest, no_profile
from lakehouse.storage.names import validate_name
from lakehouse.types import Actor, Event, Role, utcnow


class Profiles:
    def __init__(self, catalog: CatalogStore, governance: Governance, embedder_names: Callable[[], list[str]],
                 publish: Callable[[Event], None]):
        self._catalog = catalog
        self._governance = governance
        self._embedder_names = embedder_names
        self._publish = publish
        self.store = ProfileStore(catalog.sessions)
        # (actor, profile) -> (the row read, the actor through it): a search must not rebuild it each time
        self._through: dict[tuple[Actor, str], tuple[ProfileRow, Actor, Actor]] = {}

    # Records --------------------------------------------------------------------------------
    def create(self, actor: Actor, spec: ProfileSpec) -> ProfileManifest:
        self._governance.access.require_admin(actor, "create profiles")
        validate_name(spec.id, "profile id")
        if spec.bucket is not None:
            validate_name(spec.bucket, "bucket name")
        if spec.embedder is not None and spec.embedder not in (known := self._embedder_names()):
            raise InvalidInput(f"Unknown embedder '{spec.embedder}'.", hint=f"Known embedders: {', '.join(known)}.")
        bound = self._resolve(spec.bound)
        ann = spec.ann.model_dump(exclude_none=True) if spec.ann is not None else None
        row = ProfileRow(id=spec.id, model=spec.model, description=spec.description,
                         bound=[b.model_dump() for b in bound], embedder=spec.embedder, embed_model=spec.embed_model,
                         ann=ann or None, bucket=spec.bucket, vector_backend=spec.vector_backend,
                         created_at=utcnow(), created_by=actor.name)
        made = self.store.add(row)
        self._publish(Event("profile.created", spec.id, actor.name, {"after": made.model_dump(mode="json")}))
        return made

    def _resolve(self, names: list[str | Binding]) -> list[Binding]:
        """Every binding names an existing dataset or view (422 naming each that does not)."""
        views = self._governance.views
        out: list[Binding] = []
        missing, ambiguous = [], []
        for item in names:
            if isinstance(item, Binding):
                found = (self._catalog.datasets.exists(item.name) if item.kind == "dataset"
                         else views.get(item.name) is not None)
                (out.append(item) if found else missing.append(f"{item.kind} '{item.name}'"))
                continue
            is_dataset, is_view = self._catalog.datasets.exists(item), views.get(item) is not None
            if is_dataset and is_view:
                ambiguous.append(item)
            elif is_dataset or is_view:
                out.append(Binding(kind="dataset" if is_dataset else "view", name=item))
            else:
                missing.append(f"'{item}'")
        if missing:
            raise InvalidInput(f"Profile binding{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                               f"{'do' if len(missing) > 1 else 'does'} not exist as a dataset or view.",
                               hint="Bind existing datasets (GET /catalog/datasets) or views (GET /catalog/views).")
        if ambiguous:
            raise InvalidInput(f"{', '.join(repr(a) for a in ambiguous)} name both a dataset and a view.",
                               hint='Give such a binding as {"kind": "dataset" | "view", "name": ...}.')
        unique = {(b.kind, b.name): b for b in out}
        return list(unique.values())

    def list(self, actor: Actor) -> list[ProfileManifest]:
        rows = self.store.all()
        if not actor.is_admin:
            usable = self._governance.grants.objects(actor, "profile")
            rows = [r for r in rows if r.id in usable]
        return [manifest(r) for r in rows]

    def get(self, actor: Actor, profile_id: str) -> ProfileManifest:
        return manifest(self.usable(actor, profile_id))

    def delete(self, actor: Actor, profile_id: str, *, force: bool = False,
               active: Callable[[str], bool] = lambda _: False) -> ProfileManifest:
        row = self.usable(actor, profile_id)  # 404 for one it may not see, then 403 unless admin
        self._governance.access.require_admin(actor, "delete profiles")
        tokens = self.store.live_tokens(profile_id)
        if not force and (tokens or active(profile_id)):
            why = [f"{tokens} live token{'s' if tokens != 1 else ''} bound to it"] if tokens else []
            why += ["it is the active profile"] if active(profile_id) else []
            raise Conflict(f"Profile '{profile_id}' is in use: {' and '.join(why)}.",
                           hint="Revoke its tokens and deactivate it, or delete with force "
                                "(revokes its tokens, deactivates it).")
        if force:
            self.store.revoke_tokens(profile_id, utcnow())
        self.store.delete(profile_id)
        self._governance.grants.drop_object("profile", profile_id)
        made = manifest(row)
        self._publish(Event("profile.deleted", profile_id, actor.name,
                            {"before": made.model_dump(mode="json"), "after": None}))
        return made

    # Use ------------------------------------------------------------------------------------
    def usable(self, actor: Actor, profile_id: str, row: ProfileRow | None = None) -> ProfileRow:
        """The profile, if the actor may act through it: an admin, a caller bound to it, or one granted it.
        ``row``: the profile as the caller just read it."""
        row = row if row is not None and row.id == profile_id else self.store.find(profile_id)
        if row is None or not (actor.is_admin or profile_id in self._governance.grants.objects(actor, "profile")):
            raise no_profile(profile_id)
        return row

    def require_admin(self, actor: Actor, action: str) -> None:
        self._governance.access.require_admin(actor, action)

    def scoped(self, actor: Actor, row: ProfileRow) -> Actor:
        """The actor a call through the profile runs as: its reads are the bindings, audited with the model.
        An admin acting through a profile reads as a reader of it (the profile, not the admin, is the scope)."""
        return self._actors(actor, row)[1]

    def audited(self, actor: Actor, row: ProfileRow) -> Actor:
        """The caller as the audit records a call through the profile: itself, with the profile and its model."""
        return actor if actor.profile else self._actors(actor, row)[0]

    def _actors(self, actor: Actor, row: ProfileRow) -> tuple[Actor, Actor]:
        key = (actor, row.id)
        hit = self._through.get(key)
        if hit is not None and hit[0] is row:  # the same row object: store.recent() hands it out for a second
            return hit[1], hit[2]
        role = Role.reader if actor.is_admin else actor.role
        audited = replace(actor, profile=row.id, model=row.model)
        scoped = replace(actor, role=role, profile=row.id, model=row.model, bindings=row.scope())
        if len(self._through) >= 256:
            self._through.clear()
        self._through[key] = (row, audited, scoped)
        return audited, scoped

    def check_token_binding(self, role: Role, profile_id: str) -> None:
        """Before a token is bound to a profile: it must exist; agents see views only; admins are unscoped."""
        row = self.store.find(profile_id)
        if row is None:
            raise no_profile(profile_id)
        if role is Role.admin:
            raise InvalidInput("An admin token cannot be bound to a profile: an admin sees everything.",
                               hint="Bind a reader, writer or agent token.")
        datasets = sorted(b["name"] for b in row.bound if b["kind"] == "dataset")
        if role is Role.agent and datasets:
            raise InvalidInput(f"Profile '{profile_id}' binds raw dataset(s) {', '.join(datasets)}; agents see "
                            "AI-safe views only.", hint="Bind the agent to a profile of views, or use a reader token.")

    def require_unbound(self, kind: str, name: str, force: bool) -> None:
        """Deleting a bound dataset or view: 409 naming the profiles, unless forced (then it is unbound)."""
        holders = self.store.binding(kind, name)
        if holders and not force:
            raise Conflict(f"{kind.capitalize()} '{name}' is bound by profile(s) {', '.join(holders)}.",
                           hint="Delete with force to unbind it from them, or delete those profiles first.")
        if holders:
            self.store.unbind(kind, name)
