from __future__ import annotations

from fastapi import APIRouter, Depends, Response

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.storage.buckets import BucketSpec
from lakehouse.types import Actor

router = APIRouter(prefix="/storage", tags=["storage"])


@router.get("/buckets", summary="List buckets")
def list_buckets(lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, list[BucketSpec]]:
    return {"items": lakehouse.list_buckets(actor)}


@router.post("/buckets", status_code=201, summary="Add a bucket (local folder or S3-compatible store)")
def add_bucket(spec: BucketSpec, lakehouse: Lakehouse = Depends(get_lakehouse),
               actor: Actor = Depends(get_actor)) -> BucketSpec:
    return lakehouse.add_bucket(spec, actor)


@router.delete("/buckets/{name}", status_code=204, summary="Remove a bucket (403 built-in, 409 in use)")
def remove_bucket(name: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                  actor: Actor = Depends(get_actor)) -> Response:
    lakehouse.remove_bucket(name, actor)
    return Response(status_code=204)
