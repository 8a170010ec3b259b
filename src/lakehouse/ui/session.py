"""Who is at the browser, and whether a form really came from a console page.

Two cookies, both HttpOnly and SameSite=Strict, scoped to the console's path:
- ``lakehouse_ui``: a random value every browser gets on its first page; CSRF tokens are an HMAC keyed with it,
  so no server secret is involved and another site can neither read nor send it.
- ``lakehouse_session`` (``auth.mode = "token"`` only): the bearer token entered at sign-in. It is checked on
  every request exactly as ``Authorization: Bearer`` is (api/deps.py), so a revoked token stops working at once.

In local mode (loopback only) every caller is the process's actor, as in the API."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request

from lakehouse.app import Lakehouse
from lakehouse.errors import Forbidden, Unauthorized
from lakehouse.types import Actor

NONCE_COOKIE = "lakehouse_ui"
SESSION_COOKIE = "lakehouse_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


class SignInRequired(Unauthorized):
    """A console page opened without a (valid) session in token mode: answered with the sign-in page."""


def csrf_for(nonce: str) -> str:
    return hmac.new(nonce.encode(), b"lakehouse-console-csrf", hashlib.sha256).hexdigest()


@dataclass
class Visit:
    """One request's view of the browser: the caller (None before sign-in), and its CSRF token."""

    lakehouse: Lakehouse
    actor: Actor | None
    nonce: str
    new_nonce: bool
    base: str  # the console's URL prefix (``/ui``), for links and the cookies' path

    @property
    def csrf(self) -> str:
        return csrf_for(self.nonce)

    @property
    def mode(self) -> str:
        return self.lakehouse.settings.auth.mode

    @property
    def who(self) -> Actor:
        if self.actor is None:
            raise SignInRequired("Sign in with a token to use the console.")
        return self.actor


def lakehouse_of(request: Request) -> Lakehouse:
    lakehouse: Lakehouse = request.app.state.lakehouse
    return lakehouse


def _visit(request: Request, *, require_actor: bool) -> Visit:
    lakehouse = lakehouse_of(request)
    nonce = request.cookies.get(NONCE_COOKIE, "")
    new = len(nonce) < 32
    if new:
        nonce = secrets.token_urlsafe(32)
    actor: Actor | None = None
    stale = False
    if lakehouse.settings.auth.mode == "local":
        actor = lakehouse.actor
    elif token := request.cookies.get(SESSION_COOKIE, "").strip():
        try:
            actor = lakehouse.authenticate(token)
        except Unauthorized:  # revoked, expired or unknown: signed out, the sign-in page says why
            stale = True
    if actor is not None:
        request.state.actor = actor  # the audit middleware records who made the request
    visit = Visit(lakehouse, actor, nonce, new, request.scope.get("root_path", "").rstrip("/"))
    request.state.visit = visit
    if require_actor and actor is None:
        raise SignInRequired("Your session's token is no longer valid; sign in again." if stale
                             else "Sign in with a token to use the console.")
    return visit


def page_visit(request: Request) -> Visit:
    """Dependency of every page: the signed-in caller (the sign-in page otherwise)."""
    return _visit(request, require_actor=True)


def open_visit(request: Request) -> Visit:
    """Dependency of the sign-in page: no caller needed yet."""
    return _visit(request, require_actor=False)


async def form_visit(request: Request) -> Visit:
    """Dependency of every form handler (any method but GET): the caller, and a CSRF token that matches the
    browser's cookie, sent as the form field ``csrf_token`` or the header ``X-CSRF-Token`` (htmx)."""
    visit = _visit(request, require_actor=False)
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()  # Starlette keeps it: the handler's Form() fields read the same parse
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else ""
    if visit.new_nonce or not sent or not hmac.compare_digest(sent, visit.csrf):
        raise Forbidden("This form's CSRF token is missing or does not match this browser.",
                        hint="Reload the page and submit the form again.")
    return visit
