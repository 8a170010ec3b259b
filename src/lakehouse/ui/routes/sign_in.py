"""Sign-in (token mode), sign-out, and who you are."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from lakehouse.errors import Unauthorized
from lakehouse.ui.render import COOKIE_MAX_AGE, render, set_nonce
from lakehouse.ui.session import SESSION_COOKIE, Visit, form_visit, open_visit, page_visit

router = APIRouter()


def _next(visit: Visit, target: str | None) -> str:
    """Only a console path: never an address elsewhere (an open redirect)."""
    if target and target.startswith(f"{visit.base}/") and not target.startswith("//") and "\\" not in target:
        return target
    return f"{visit.base}/"


@router.get("/sign-in")
def sign_in_page(request: Request, next: str | None = None, visit: Visit = Depends(open_visit)) -> Response:
    return render(request, "sign_in.html", next=_next(visit, next), error=None)


@router.post("/sign-in")
def sign_in(request: Request, token: str = Form(""), next: str = Form(""),
            visit: Visit = Depends(form_visit)) -> Response:
    if visit.mode == "local":
        return RedirectResponse(_next(visit, next), status_code=303)
    try:
        actor = visit.lakehouse.authenticate(token.strip()) if token.strip() else None
    except Unauthorized as exc:
        return render(request, "sign_in.html", status=401, next=_next(visit, next), error=exc)
    if actor is None:
        return render(request, "sign_in.html", status=401, next=_next(visit, next),
                      error=Unauthorized("Enter a token.", hint="Create one with `lakehouse tokens create NAME "
                                                               "--role ROLE` on the server."))
    request.state.actor = actor
    response = RedirectResponse(_next(visit, next), status_code=303)
    response.set_cookie(SESSION_COOKIE, token.strip(), max_age=COOKIE_MAX_AGE, path=visit.base or "/",
                        httponly=True, samesite="strict", secure=request.url.scheme == "https")
    set_nonce(response, visit, request)
    return response


@router.post("/sign-out")
def sign_out(visit: Visit = Depends(form_visit)) -> Response:
    response = RedirectResponse(f"{visit.base}/sign-in" if visit.mode == "token" else f"{visit.base}/",
                                status_code=303)
    response.delete_cookie(SESSION_COOKIE, path=visit.base or "/")
    return response


@router.get("/me")
def me(request: Request, visit: Visit = Depends(page_visit)) -> Response:
    return render(request, "me.html")
