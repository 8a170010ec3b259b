"""Admin: tokens and grants; the audit and the journal, searchable."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from lakehouse.errors import InvalidInput
from lakehouse.types import Role
from lakehouse.ui.render import render
from lakehouse.ui.session import Visit, form_visit, page_visit

router = APIRouter()
GRANT_KINDS = ("dataset", "view", "index", "profile")


def _admin_page(request: Request, visit: Visit, created: dict[str, Any] | None = None,
                message: str | None = None) -> Response:
    lakehouse, who = visit.lakehouse, visit.who
    tokens, grants = lakehouse.list_tokens(who), lakehouse.list_grants(None, who)
    return render(request, "admin.html", title="Tokens and grants", tokens=tokens, grants=grants,
                  roles=[r.value for r in Role], kinds=GRANT_KINDS, created=created, message=message)


@router.get("/admin")
def admin(request: Request, visit: Visit = Depends(page_visit)) -> Response:
    return _admin_page(request, visit)


@router.post("/admin/tokens")
def create_token(request: Request, name: str = Form(...), role: str = Form(...), expires_in_days: str = Form(""),
                 visit: Visit = Depends(form_visit)) -> Response:
    try:
        days = float(expires_in_days) if expires_in_days.strip() else None
    except ValueError:
        raise InvalidInput("expires_in_days must be a number of days.") from None
    created = visit.lakehouse.create_token(name.strip(), role, expires_in_days=days, actor=visit.who)
    return _admin_page(request, visit, created=created)


@router.post("/admin/tokens/{token_id}/revoke")
def revoke_token(request: Request, token_id: str, visit: Visit = Depends(form_visit)) -> Response:
    visit.lakehouse.revoke_token(token_id, visit.who)
    return _admin_page(request, visit, message=f"Token {token_id} revoked.")


@router.post("/admin/grants")
def add_grant(request: Request, principal: str = Form(...), kind: str = Form(...), name: str = Form(...),
              visit: Visit = Depends(form_visit)) -> Response:
    if kind not in GRANT_KINDS:
        raise InvalidInput(f"Unknown grant kind '{kind}'.", hint=f"Choose one of {', '.join(GRANT_KINDS)}.")
    visit.lakehouse.add_grant(principal.strip(), kind, name.strip(), visit.who)
    return _admin_page(request, visit, message=f"{principal} may now read {kind} {name}.")


@router.post("/admin/grants/{grant_id}/remove")
def remove_grant(request: Request, grant_id: int, visit: Visit = Depends(form_visit)) -> Response:
    visit.lakehouse.remove_grant(grant_id, visit.who)
    return _admin_page(request, visit, message=f"Grant {grant_id} removed.")


def _when(value: str, field: str) -> datetime | None:
    if not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"{field} must be a date or time like 2026-01-31 or 2026-01-31T13:45.") from None


@router.get("/audit")
def audit(request: Request, principal: str = "", object: str = "", action: str = "", outcome: str = "",
          since: str = "", until: str = "", before_id: int | None = None,
          visit: Visit = Depends(page_visit)) -> Response:
    limit = visit.lakehouse.settings.ui.list_rows
    filters = {"principal": principal.strip() or None, "object_name": object.strip() or None,
               "action": action.strip() or None, "outcome": outcome.strip() or None,
               "since": _when(since, "since"), "until": _when(until, "until")}
    items = visit.lakehouse.audit_events(visit.who, before_id=before_id, limit=limit, **filters)
    return render(request, "audit.html", title="Audit", items=items, principal=principal, object=object,
                  action=action, outcome=outcome, since=since, until=until,
                  next_before=items[-1]["id"] if len(items) == limit else None)


@router.get("/journal")
def journal(request: Request, type: str = "", subject: str = "", principal: str = "", since: str = "",
            after_id: int | None = None, visit: Visit = Depends(page_visit)) -> Response:
    limit = visit.lakehouse.settings.ui.list_rows
    items = visit.lakehouse.journal_events(visit.who, type_=type.strip() or None, since=_when(since, "since"),
                                           subject=subject.strip() or None, actor_name=principal.strip() or None,
                                           after_id=after_id, limit=limit)
    return render(request, "journal.html", title="Journal", items=items, type=type, subject=subject,
                  principal=principal, since=since, next_after=items[-1]["id"] if len(items) == limit else None)
