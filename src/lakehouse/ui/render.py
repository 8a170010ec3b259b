"""Pages and fragments from the templates: autoescaped, with the caller, its CSRF token and the URL prefix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from lakehouse.ui.session import NONCE_COOKIE, Visit

TEMPLATES = Path(__file__).parent / "templates"
COOKIE_MAX_AGE = 7 * 24 * 3600
# Scripts only from the console's own files (htmx, console.js; htmx's eval is off): a value that escaped the
# templates still could not run. No framing (clickjacking), forms only to this server.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
}


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "default": str}  # timestamps in job results, trials
    env.filters["num"] = lambda v: "" if v is None else f"{v:,}" if isinstance(v, int) else v
    env.filters["pct"] = lambda v: "" if v is None else f"{float(v) * 100:.0f}%"
    env.filters["ms"] = lambda v: "" if v is None else f"{float(v):,.1f} ms"
    env.filters["cell"] = cell
    return env


def cell(value: Any) -> str:
    """A result value as page text (escaped by the template like everything else)."""
    if value is None:
        return "∅"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    text = str(value)
    return text if len(text) <= 200 else text[:199] + "…"


def is_fragment(request: Request) -> bool:
    """An htmx request that swaps part of a page (and not a boosted full navigation)."""
    return request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != "true"


def set_nonce(response: Response, visit: Visit, request: Request) -> None:
    if visit.new_nonce:
        response.set_cookie(NONCE_COOKIE, visit.nonce, max_age=COOKIE_MAX_AGE, path=visit.base or "/",
                            httponly=True, samesite="strict", secure=request.url.scheme == "https")


def render(request: Request, template: str, status: int = 200, headers: dict[str, str] | None = None,
           **context: Any) -> HTMLResponse:
    visit: Visit = request.state.visit
    env: Environment = request.app.state.templates
    html = env.get_template(template).render(
        visit=visit, actor=visit.actor, csrf=visit.csrf, base=visit.base, mode=visit.mode,
        path=request.url.path, status=status, **context)
    response = HTMLResponse(html, status_code=status, headers={**SECURITY_HEADERS, **(headers or {})})
    set_nonce(response, visit, request)
    return response
