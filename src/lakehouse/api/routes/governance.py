from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.types import Actor

router = APIRouter(prefix="/governance", tags=["governance"])


class EraseBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str = Field(min_length=1, description="The person's value, e.g. an email address.")
    kind: str = Field(min_length=1, description="PII category or kind of the columns to search, e.g. 'email'.")
    reason: str = "erasure request"


@router.post("/erase", summary="Erase a person everywhere: tombstone matching rows in every dataset (admin)")
def erase(body: EraseBody, lakehouse: Lakehouse = Depends(get_lakehouse),
          actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    return lakehouse.erase_person(body.value, body.kind, body.reason, actor=actor)
