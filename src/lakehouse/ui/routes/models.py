"""Models and profiles: profiles with their bindings, activate/deactivate, the GPU slot and VRAM per GPU."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from lakehouse.errors import LakehouseError
from lakehouse.ui.render import render
from lakehouse.ui.session import Visit, form_visit, page_visit

router = APIRouter()


def _page(request: Request, visit: Visit, message: str | None = None, error: LakehouseError | None = None,
          status: int = 200) -> Response:
    lakehouse, who = visit.lakehouse, visit.who
    vram, vram_error = None, None
    if who.is_admin:  # the GPU report is an operator's (admin only, as GET /models/vram)
        try:
            vram = lakehouse.vram(who)
        except LakehouseError as exc:
            vram_error = exc
    return render(request, "models.html", status=status, title="Models and profiles",
                  profiles=lakehouse.list_profiles(who), active=lakehouse.active_profile(who), vram=vram,
                  vram_error=vram_error, message=message, error=error)


@router.get("/models")
def models(request: Request, visit: Visit = Depends(page_visit)) -> Response:
    return _page(request, visit)


@router.post("/models/profiles/{profile_id}/activate")
def activate(request: Request, profile_id: str, visit: Visit = Depends(form_visit)) -> Response:
    try:
        visit.lakehouse.activate_profile(profile_id, visit.who)
    except LakehouseError as exc:  # e.g. no model server: shown on the page with its hint
        return _page(request, visit, error=exc, status=exc.http_status)
    return _page(request, visit, message=f"Profile {profile_id} is active.")


@router.post("/models/profiles/{profile_id}/deactivate")
def deactivate(request: Request, profile_id: str, visit: Visit = Depends(form_visit)) -> Response:
    visit.lakehouse.deactivate_profile(profile_id, visit.who)
    return _page(request, visit, message=f"Profile {profile_id} is no longer active.")
