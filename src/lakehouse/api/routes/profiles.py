"""Model profiles: records under /catalog/profiles; activation, the active profile and search under
/vectors/profile."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.profiles.spec import ProfileManifest, ProfileSearchRequest, ProfileSpec
from lakehouse.types import Actor

router = APIRouter(tags=["profiles"])


@router.post("/catalog/profiles", status_code=201,
             summary="Create a model profile: its bindings (datasets, views), model, embedder, HNSW config, bucket")
def create_profile(spec: ProfileSpec, lakehouse: Lakehouse = Depends(get_lakehouse),
                   actor: Actor = Depends(get_actor)) -> ProfileManifest:
    return lakehouse.create_profile(spec, actor)


@router.get("/catalog/profiles", summary="List the profiles the caller may use (admin: all)")
def list_profiles(lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": [p.model_dump(mode="json") for p in lakehouse.list_profiles(actor)], "next_cursor": None}


@router.get("/catalog/profiles/{profile_id}", summary="One profile")
def get_profile(profile_id: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                actor: Actor = Depends(get_actor)) -> ProfileManifest:
    return lakehouse.get_profile(profile_id, actor)


@router.delete("/catalog/profiles/{profile_id}", summary="Delete a profile (admin); refused while tokens are bound "
                                                          "to it or it is active, unless forced")
def delete_profile(profile_id: str, force: bool = Query(False, description="Revoke its tokens and deactivate it"),
                   lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    before = lakehouse.delete_profile(profile_id, force=force, actor=actor)
    return {"deleted": before.id, **before.model_dump(mode="json")}


@router.get("/vectors/profile/active", summary="The active profile: its model, since when, its warm indexes")
def active_profile(lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.active_profile(actor)


@router.post("/vectors/profile/{profile_id}/activate",
             summary="Activate a profile (admin): swap the GPU slot to its models, warm its indexes")
def activate_profile(profile_id: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                     actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.activate_profile(profile_id, actor)


@router.post("/vectors/profile/{profile_id}/deactivate",
             summary="Deactivate the active profile (admin): empty the slot")
def deactivate_profile(profile_id: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                       actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.deactivate_profile(profile_id, actor)


@router.post("/vectors/profile/{profile_id}/search",
             summary="Search through a profile: one of its indexes, or all merged by score; cold ones exactly")
def profile_search(profile_id: str, body: ProfileSearchRequest, lakehouse: Lakehouse = Depends(get_lakehouse),
                   actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.profile_search(profile_id, body, actor)
