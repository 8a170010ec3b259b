"""create_console(lakehouse): the web console, an app that ``create_app`` mounts at ``/ui``.

Its pages call the same ``Lakehouse`` methods as the API routes, as the signed-in actor; failures become pages
(404, 403, the message and hint of a bad form), never a stack trace."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lakehouse.app import Lakehouse
from lakehouse.errors import LakehouseError
from lakehouse.ui.forms import fields, problems
from lakehouse.ui.render import environment, is_fragment, render
from lakehouse.ui.session import SESSION_COOKIE, SignInRequired, open_visit

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
TITLES = {401: "Sign-in needed", 403: "Not allowed", 404: "Not found", 405: "Not allowed here", 422: "Check the input",
          500: "Something went wrong"}


def _page_for(request: Request, status: int, code: str, message: str, hint: str | None,
              fields: list[str] | None = None) -> Response:
    if not hasattr(request.state, "visit"):
        open_visit(request)
    template = "_error.html" if is_fragment(request) else "error.html"
    return render(request, template, status=status, code=code, message=message, hint=hint,
                  title=TITLES.get(status, "Error"), fields=fields or [])


def _sign_in(request: Request, exc: SignInRequired) -> Response:
    visit = request.state.visit
    target = f"{visit.base}/sign-in?next={quote(request.url.path)}"
    if is_fragment(request):  # htmx follows this header with a full navigation
        response: Response = HTMLResponse("", status_code=401, headers={"HX-Redirect": target})
    elif request.method == "GET":
        response = RedirectResponse(target, status_code=303)
    else:
        response = _page_for(request, 401, exc.code, exc.message, "Sign in again, then repeat the action.")
    if request.cookies.get(SESSION_COOKIE):
        response.delete_cookie(SESSION_COOKIE, path=visit.base or "/")
    return response


def install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(LakehouseError)
    async def _lakehouse(request: Request, exc: LakehouseError) -> Response:
        if isinstance(exc, SignInRequired):
            return _sign_in(request, exc)
        return _page_for(request, exc.http_status, exc.code, exc.message, exc.hint, exc.details.get("fields"))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('body', 'query'))}: "
                             f"{e.get('msg', 'invalid')}" for e in exc.errors())
        return _page_for(request, 422, "invalid_request", problems or "The request is invalid.",
                         "Correct the field and submit again.")

    @app.exception_handler(ValidationError)
    async def _model(request: Request, exc: ValidationError) -> Response:  # a body the library's models refused
        return _page_for(request, 422, "invalid_input", f"Check the form: {problems(exc)}",
                         "Correct the field and submit again.", fields(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = "There is no such page." if exc.status_code == 404 else str(exc.detail)
        return _page_for(request, exc.status_code, "not_found" if exc.status_code == 404 else "http_error",
                         message, "Start again from the datasets list." if exc.status_code == 404 else None)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("console error on %s %s", request.method, request.url.path)
        return _page_for(request, 500, "internal_error", "An unexpected error occurred.",
                         f"Report it with the request id {getattr(request.state, 'request_id', None) or '-'}.")


class _Settled:
    """Starlette re-raises an error after its handler has answered; once our error page is out in full there is
    nothing left to tell the client, so the error stops here instead of reaching the server's log twice."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        done = False

        async def tracked(message: Message) -> None:
            nonlocal done
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                done = True
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception:
            if not done:
                raise


def create_console(lakehouse: Lakehouse) -> Any:
    from lakehouse.ui.routes import ROUTERS

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.lakehouse = lakehouse
    app.state.templates = environment()
    install_error_pages(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="console-static")
    for router in ROUTERS:
        app.include_router(router)
    return _Settled(app)
