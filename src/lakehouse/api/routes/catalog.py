from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.api.responses import errors
from lakehouse.app import Lakehouse
from lakehouse.types import Actor
from lakehouse.wire import DatasetManifest, MetadataPatch, VersionEntry

router = APIRouter(prefix="/catalog", tags=["catalog"])


class RestoreBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=0)


class OptimizeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    vacuum: bool = True


@router.get("/datasets", summary="List datasets (manifests without lineage)")
def list_datasets(stale: bool | None = Query(None, description="Only stale (true) or fresh (false) datasets"),
                  columns: bool = Query(True, description="false: manifests without their columns (faster lists)"),
                  lakehouse: Lakehouse = Depends(get_lakehouse),
                  actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    items = lakehouse.list_datasets(actor, columns=columns)
    if stale is not None:
        items = [m for m in items if m.freshness.stale == stale]
    return {"items": [m.model_dump(mode="json") for m in items], "next_cursor": None}


@router.get("/datasets/by-name/{name}", summary="A dataset's manifest")
def get_dataset(name: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                actor: Actor = Depends(get_actor)) -> DatasetManifest:
    return lakehouse.get_dataset(name, actor)


@router.delete("/datasets/by-name/{name}", summary="Delete a dataset and its table; answers its last manifest")
def delete_dataset(name: str, force: bool = Query(False, description="Delete though a profile binds it "
                                                                    "(the binding is dropped)"),
                   lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    before = lakehouse.delete_dataset(name, actor, force=force)
    return {"deleted": before.name, **before.model_dump(mode="json")}


@router.patch("/datasets/by-name/{name}/metadata", summary="Change description, owner, tags, freshness, PII flags")
def patch_metadata(name: str, patch: MetadataPatch, lakehouse: Lakehouse = Depends(get_lakehouse),
                   actor: Actor = Depends(get_actor)) -> DatasetManifest:
    return lakehouse.patch_metadata(name, patch, actor)


@router.get("/datasets/by-name/{name}/history", summary="Versions with who, when and rows")
def history(name: str, limit: int = Query(100, ge=1, le=10_000), lakehouse: Lakehouse = Depends(get_lakehouse),
            actor: Actor = Depends(get_actor)) -> dict[str, list[VersionEntry]]:
    return {"items": lakehouse.history(name, limit, actor)}


@router.post("/datasets/by-name/{name}/restore", summary="Make an earlier version current (as a new version)")
def restore(name: str, body: RestoreBody, lakehouse: Lakehouse = Depends(get_lakehouse),
            actor: Actor = Depends(get_actor)) -> DatasetManifest:
    return lakehouse.restore_dataset(name, body.version, actor)


@router.post("/datasets/by-name/{name}/optimize", summary="Compact small files and vacuum old ones")
def optimize(name: str, body: OptimizeBody | None = None, lakehouse: Lakehouse = Depends(get_lakehouse),
             actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.optimize_dataset(name, vacuum=(body or OptimizeBody()).vacuum, actor=actor)


@router.post("/backups", status_code=201, summary="Back the catalog up to the rescue bucket")
def create_backup(lakehouse: Lakehouse = Depends(get_lakehouse),
                  actor: Actor = Depends(get_actor)) -> dict[str, str]:
    return {"backup": lakehouse.backup_catalog(actor)}


@router.get("/backups", summary="List catalog backups in the rescue bucket", responses=errors(502))
def list_backups(lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, list[str]]:
    return {"items": lakehouse.list_backups(actor)}
