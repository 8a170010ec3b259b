from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lakehouse.api.app import create_app


class Browser:
    """A TestClient that behaves like a browser on the console: keeps cookies, and sends each form with the CSRF
    token of the page it came from."""

    def __init__(self, client: TestClient):
        self.client = client
        self.csrf = ""

    def get(self, path: str, **kwargs: Any):  # type: ignore[no-untyped-def]
        response = self.client.get(path, **kwargs)
        found = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', response.text) or re.search(
            r'"X-CSRF-Token": "([0-9a-f]{64})"', response.text)
        if found:
            self.csrf = found.group(1)
        return response

    def post(self, path: str, data: dict[str, Any] | None = None, csrf: bool = True, htmx: bool = False,
             **kwargs: Any):  # type: ignore[no-untyped-def]
        if not self.csrf:
            self.get("/ui/sign-in")
        body = dict(data or {})
        if csrf:
            body["csrf_token"] = self.csrf
        headers = {"HX-Request": "true"} if htmx else {}
        return self.client.post(path, data=body, headers=headers, follow_redirects=False, **kwargs)


@pytest.fixture
def console(lakehouse) -> Iterator[Browser]:  # type: ignore[no-untyped-def]
    """Local mode: every caller is local-admin."""
    with TestClient(create_app(lakehouse), raise_server_exceptions=False) as client:
        yield Browser(client)


@pytest.fixture
def token_lakehouse(make_settings) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse

    lh = Lakehouse(make_settings(auth={"mode": "token"}, query={"workers": 1, "time_limit_seconds": 20}))
    try:
        yield lh
    finally:
        lh.close()


@pytest.fixture
def token_app(token_lakehouse) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    yield create_app(token_lakehouse)


def signed_in(app: Any, token: str) -> Browser:
    browser = Browser(TestClient(app, raise_server_exceptions=False))
    browser.get("/ui/sign-in")
    response = browser.post("/ui/sign-in", {"token": token, "next": "/ui/"})
    assert response.status_code == 303, response.text
    return browser
