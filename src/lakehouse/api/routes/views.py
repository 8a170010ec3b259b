from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.governance.views import ViewInfo, ViewSpec
from lakehouse.types import Actor

router = APIRouter(prefix="/catalog/views", tags=["views"])


@router.post("", status_code=201, summary="Define an AI-safe view: columns, row filter, redactions")
def create_view(spec: ViewSpec, lakehouse: Lakehouse = Depends(get_lakehouse),
                actor: Actor = Depends(get_actor)) -> ViewInfo:
    return lakehouse.create_view(spec, actor)


@router.get("", summary="List the views the caller may read")
def list_views(lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": [v.model_dump(mode="json") for v in lakehouse.list_views(actor)]}


@router.get("/{name}", summary="One view's definition")
def get_view(name: str, lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> ViewInfo:
    return lakehouse.get_view(name, actor)


@router.delete("/{name}", summary="Delete a view (admin or the writer who defined it); answers its definition")
def delete_view(name: str, force: bool = Query(False, description="Delete though a profile binds it "
                                                                 "(the binding is dropped)"),
                lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    before = lakehouse.delete_view(name, actor, force=force)
    return {"deleted": before.name, **before.model_dump(mode="json")}
