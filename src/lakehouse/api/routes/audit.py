from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.types import Actor

router = APIRouter(tags=["audit"])


@router.get("/audit", summary="Audit records, newest first (admin); filter by actor, action, outcome, request")
def list_audit(actor_name: str | None = Query(None, alias="actor"), action: str | None = None,
               outcome: str | None = None, request_id: str | None = None, since: datetime | None = None,
               until: datetime | None = None,
               object_name: str | None = Query(None, alias="object", description="Records naming this object"),
               before_id: int | None = None, limit: int = Query(100, ge=1, le=10_000),
               lakehouse: Lakehouse = Depends(get_lakehouse), actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    items = lakehouse.audit_events(actor, principal=actor_name, action=action, outcome=outcome, request=request_id,
                                   since=since, until=until, before_id=before_id, object_name=object_name,
                                   limit=limit)
    return {"items": items, "next_cursor": str(items[-1]["id"]) if len(items) == limit else None}
