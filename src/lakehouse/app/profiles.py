"""Model profiles: records, tokens scoped to one, activation (warm indexes, the GPU slot), search through one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lakehouse.app.base import LakehouseBase
from lakehouse.errors import Conflict, Forbidden, InvalidInput
from lakehouse.types import Actor

if TYPE_CHECKING:
    from lakehouse.catalog.models_profiles import ProfileRow
    from lakehouse.profiles.activation import Activation
    from lakehouse.profiles.service import Profiles
    from lakehouse.profiles.spec import ProfileManifest, ProfileSearchRequest, ProfileSpec  # loaded on first use
    from lakehouse.vectors.spec import IndexSpec


class ProfilesApi(LakehouseBase):
    @cached_property
    def profiles(self) -> Profiles:
        from lakehouse.embeddings.registry import BUILTINS
        from lakehouse.profiles.service import Profiles

        def embedder_names() -> list[str]:
            return self.vectors.embedders.names() if "vectors" in self.__dict__ else sorted(BUILTINS)

        return Profiles(self.catalog, self.governance, embedder_names, self.bus.publish)

    @cached_property
    def activation(self) -> Activation:
        from lakehouse.profiles.activation import Activation

        return Activation(self.profiles, lambda: self.vectors, slot=self._profile_slot,
                          provision=self._provision_profile_bucket)

    # Records --------------------------------------------------------------------------------
    def create_profile(self, spec: ProfileSpec | Mapping[str, Any], actor: Actor | None = None) -> ProfileManifest:
        from lakehouse.profiles.spec import ProfileSpec

        spec = spec if isinstance(spec, ProfileSpec) else ProfileSpec.model_validate(spec)
        with self._call(actor, "profile.create", spec.id) as (who, _):
            return self.profiles.create(who, spec)

    def list_profiles(self, actor: Actor | None = None) -> list[ProfileManifest]:
        with self._call(actor, "profile.list") as (who, scope):
            found = self.profiles.list(who)
            scope.rows = len(found)
            return found

    def get_profile(self, profile_id: str, actor: Actor | None = None) -> ProfileManifest:
        with self._call(actor, "profile.get", profile_id) as (who, _):
            return self.profiles.get(who, profile_id)

    def delete_profile(self, profile_id: str, *, force: bool = False, actor: Actor | None = None) -> ProfileManifest:
        with self._call(actor, "profile.delete", profile_id) as (who, _):
            deleted = self.profiles.delete(who, profile_id, force=force, active=self.activation.is_active)
            if force:
                self.activation.forget(profile_id)
            return deleted

    # Activation and search ------------------------------------------------------------------
    def activate_profile(self, profile_id: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._through(actor, "profile.activate", profile_id) as (who, _):
            return self.activation.activate(who, profile_id)

    def deactivate_profile(self, profile_id: str, actor: Actor | None = None) -> dict[str, Any]:
        with self._through(actor, "profile.deactivate", profile_id) as (who, _):
            return self.activation.deactivate(who, profile_id)

    def active_profile(self, actor: Actor | None = None) -> dict[str, Any]:
        with self._call(actor, "profile.active") as (who, _):
            return self.activation.state(who)

    def profile_search(self, profile_id: str, request: ProfileSearchRequest | Mapping[str, Any],
                       actor: Actor | None = None) -> dict[str, Any]:
        from lakehouse.profiles.spec import ProfileSearchRequest

        request = request if isinstance(request, ProfileSearchRequest) else ProfileSearchRequest.model_validate(
            request)
        with self._through(actor, "profile.search", profile_id) as (who, row):
            return self.activation.search(who, profile_id, request, row)

    @contextmanager
    def _through(self, actor: Actor | None, action: str,
                 profile_id: str) -> Iterator[tuple[Actor, ProfileRow | None]]:
        """Audit a call made through a profile with the profile and its model (when the profile exists)."""
        who = self._who(actor)
        row = self.profiles.store.recent(profile_id)
        audited = who if row is None else self.profiles.audited(who, row)
        with self.governance.audit.scope(audited, action, profile_id):
            yield who, row

    # Building through a profile -------------------------------------------------------------
    def _profile_index_spec(self, who: Actor, spec: IndexSpec) -> IndexSpec:
        """An index built through a profile: its source must be a binding; bucket, embedder and HNSW
        config default to the profile's."""
        assert spec.profile is not None
        row = self.profiles.usable(who, spec.profile)
        bound = {b["name"] for b in row.bound}
        if spec.dataset not in bound:
            raise Forbidden(f"'{spec.dataset}' is not bound by profile '{row.id}' (bound: "
                            f"{', '.join(sorted(bound)) or 'nothing'}).", hint="Build on one of its bindings.")
        if row.bucket is not None:
            self._provision_profile_bucket(row)
        ann = row.ann or {}
        update: dict[str, Any] = {"bucket": spec.bucket or row.bucket,
                                  "embedder": spec.embedder or (row.embedder if spec.text_column else None),
                                  "m": spec.m or ann.get("m"), "ef_construction": spec.ef_construction
                                  or ann.get("ef_construction"), "ef_search": spec.ef_search or ann.get("ef_search"),
                                  "vector_backend": spec.vector_backend or row.vector_backend}
        if row.embed_model and spec.text_column:
            embedder = self.vectors.embedders.get(update["embedder"])
            if embedder.model != row.embed_model:
                raise InvalidInput(f"Profile '{row.id}' embeds with '{row.embed_model}', but embedder "
                                   f"'{embedder.name}' serves '{embedder.model}'.",
                                   hint=f"Set embeddings.{embedder.name}.model to '{row.embed_model}'.")
        return spec.model_copy(update=update)

    def _provision_profile_bucket(self, row: ProfileRow) -> dict[str, Any] | None:
        from lakehouse.errors import NotFound
        from lakehouse.storage.buckets import BucketSpec

        assert row.bucket is not None
        try:
            self.buckets.get(row.bucket)
            return {"name": row.bucket, "provisioned": False}
        except NotFound:
            pass
        root = self.settings.storage.profile_root
        if root is None:
            raise Conflict(f"Profile '{row.id}' lives in bucket '{row.bucket}', which does not exist, and "
                           "storage.profile_root is not set to provision it.",
                           hint="Set storage.profile_root (LAKEHOUSE_STORAGE__PROFILE_ROOT) to a directory, "
                                "or add the bucket with 'lakehouse buckets add'.")
        bucket = self.buckets.add(BucketSpec(name=row.bucket, backend="local", root=str(root / row.bucket)))
        return {"name": row.bucket, "provisioned": True, "root": str(bucket.root)}

    def _profile_slot(self, row: ProfileRow | None) -> dict[str, Any]:
        """The GPU slot follows the active profile: its models load, the previous ones unload (a model both
        use stays). A profile naming no model touches no model server unless the slot holds models to
        unload. Its embedding model joins the slot only when a model server embeds (embedder ``ollama``)."""
        from lakehouse.models import SlotTarget

        slot = self.model_slot
        embed = row.embed_model if row is not None and row.embedder == "ollama" else None
        if row is None or (row.model is None and embed is None):
            if slot.state().empty:
                reason = "the profile names no model" if row is not None else "nothing to unload"
                return {**slot.state().info().model_dump(mode="json"), "reason": reason}
            return slot.clear().info().model_dump(mode="json")
        return slot.swap(SlotTarget(model=row.model, embed_model=embed, owner=row.id)).info().model_dump(mode="json")
