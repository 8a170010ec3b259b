"""Shares and recipients (the provider's side of Delta Sharing; the protocol itself is in delta_sharing.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.types import Actor
from lakehouse.wire import RecipientSpec, ShareSpec

router = APIRouter(prefix="/sharing", tags=["sharing"])


@router.post("/shares", status_code=201,
             summary="Share datasets (admin) and views: each in the share's schema 'default' under its own name")
def create_share(body: ShareSpec, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.create_share(body.name, body.objects, comment=body.comment, actor=actor)


@router.get("/shares", summary="List the shares the caller manages (admins: all; writers: their own)")
def list_shares(lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.list_shares(actor)}


@router.get("/shares/{name}", summary="One share: its objects and their protocol table ids")
def get_share(name: str, lakehouse: Lakehouse = Depends(get_lakehouse),
              actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.get_share(name, actor)


@router.delete("/shares/{name}", summary="Revoke a share: its recipients lose it at once")
def delete_share(name: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.delete_share(name, actor)


@router.post("/recipients", status_code=201,
             summary="Create a recipient of shares: answers its Delta Sharing profile (the token, shown once)")
def create_recipient(body: RecipientSpec, lakehouse: Lakehouse = Depends(get_lakehouse),
                     actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.create_recipient(body.name, body.shares, expires_in_days=body.expires_in_days, actor=actor)


@router.get("/recipients", summary="List recipients: shares, token prefix, expiry, revocation, last use")
def list_recipients(lakehouse: Lakehouse = Depends(get_lakehouse),
                    actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.list_recipients(actor)}


@router.delete("/recipients/{name}", summary="Revoke a recipient: its token and file URLs stop working at once")
def revoke_recipient(name: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                     actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.revoke_recipient(name, actor)
