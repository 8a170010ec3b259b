from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query

from lakehouse.api.deps import get_actor, get_lakehouse
from lakehouse.app import Lakehouse
from lakehouse.types import Actor

router = APIRouter(prefix="/journal", tags=["journal"])


@router.get("/events", summary="Mutation journal, oldest first (admin): ?since=&type=dataset.*&subject=&actor=")
def list_events(since: datetime | None = None, type: str | None = None, after_id: int | None = None,
                subject: str | None = None, actor_name: str | None = Query(None, alias="actor"),
                limit: int = Query(100, ge=1, le=10_000), lakehouse: Lakehouse = Depends(get_lakehouse),
                actor: Actor = Depends(get_actor)) -> dict[str, Any]:
    items = lakehouse.journal_events(actor, since=since, type_=type, after_id=after_id, limit=limit,
                                     subject=subject, actor_name=actor_name)
    return {"items": items, "next_cursor": str(items[-1]["id"]) if len(items) == limit else None}
