from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.types import Actor, Role

router = APIRouter(prefix="/auth", tags=["auth"])


class TokenBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="Principal the token authenticates (created on first use).")
    role: Role
    expires_in_days: float | None = Field(None, gt=0, le=36_500, description="Default: never expires.")
    profile: str | None = Field(None, description="Bind the token to a model profile: its caller sees exactly the "
                                                  "profile's bindings (reader, writer or agent roles).")


class GrantBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    principal: str
    dataset: str | None = None
    view: str | None = None
    index: str | None = None
    profile: str | None = None

    @model_validator(mode="after")
    def _one(self) -> GrantBody:
        if sum(v is not None for v in (self.dataset, self.view, self.index, self.profile)) != 1:
            raise ValueError("name exactly one of dataset, view, index, profile")
        return self

    def target(self) -> tuple[Literal["dataset", "view", "index", "profile"], str]:
        for kind in ("dataset", "view", "index", "profile"):
            value = getattr(self, kind)
            if value is not None:
                return kind, value  # type: ignore[return-value]
        raise AssertionError("validated")


@router.get("/whoami", summary="Who the caller is (its bearer token's principal, even in local mode): name, role, id")
def whoami(request: Request, lakehouse: Lakehouse = Depends(get_lakehouse),
           actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        actor = lakehouse.authenticate(token.strip())
    return {"name": actor.name, "role": actor.role.value, "principal_id": actor.principal_id,
            "profile": actor.profile, "model": actor.model}


@router.post("/tokens", status_code=201, summary="Create a token (shown once) for a principal with a role (admin)")
def create_token(body: TokenBody, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.create_token(body.name, body.role, expires_in_days=body.expires_in_days, profile=body.profile,
                                  actor=actor)


@router.get("/tokens", summary="List tokens: prefix, principal, role, expiry, revocation (admin)")
def list_tokens(lakehouse: Lakehouse = Depends(get_lakehouse),
                actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.list_tokens(actor)}


@router.delete("/tokens/{token_id}", summary="Revoke a token (admin)")
def revoke_token(token_id: str, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.revoke_token(token_id, actor)


@router.post("/grants", status_code=201, summary="Grant a principal a dataset, view, index or profile (admin)")
def add_grant(body: GrantBody, lakehouse: Lakehouse = Depends(get_lakehouse),
              actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    kind, name = body.target()
    return lakehouse.add_grant(body.principal, kind, name, actor)


@router.get("/grants", summary="List grants (admin)")
def list_grants(principal: str | None = None, limit: int = Query(1000, ge=1, le=100_000),
                lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return {"items": lakehouse.list_grants(principal, actor)[:limit]}


@router.delete("/grants/{grant_id}", summary="Remove a grant (admin)")
def remove_grant(grant_id: int, lakehouse: Lakehouse = Depends(get_lakehouse),
                 actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.remove_grant(grant_id, actor)
