"""Sign-in, the session cookie, CSRF on every form, and error pages instead of stack traces."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.ui.conftest import Browser, signed_in


def test_local_mode_shows_who_you_are(console: Browser) -> None:
    page = console.get("/ui/me")
    assert page.status_code == 200
    assert "local-admin" in page.text and "local mode" in page.text
    cookie = page.headers["set-cookie"]
    assert "lakehouse_ui=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/ui" in cookie


def test_static_assets_are_served_locally(console: Browser) -> None:
    page = console.get("/ui/me")
    audit = console.client.app.state.lakehouse.audit_events
    assert [r["objects"] for r in audit(action="http.get", limit=1)] == [["/ui/me"]]  # pages are audited
    assert "/ui/static/htmx.min.js" in page.text and "http://" not in page.text and "https://" not in page.text
    assert console.client.get("/ui/static/htmx.min.js").status_code == 200
    assert "text/css" in console.client.get("/ui/static/console.css").headers["content-type"]
    assert [r["objects"] for r in audit(action="http.get", limit=1)] == [["/ui/me"]]  # assets are not
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "<script>" not in page.text.replace('<script src=', '')  # no inline script for the policy to allow


def test_token_mode_sign_in_sets_an_httponly_strict_cookie(token_lakehouse, token_app) -> None:  # type: ignore[no-untyped-def]
    token = token_lakehouse.create_token("ana", "reader")["token"]
    anonymous = Browser(TestClient(token_app, raise_server_exceptions=False))
    first = anonymous.client.get("/ui/me", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"].startswith("/ui/sign-in")
    browser = Browser(TestClient(token_app, raise_server_exceptions=False))
    browser.get("/ui/sign-in")
    response = browser.post("/ui/sign-in", {"token": token, "next": "/ui/me"})
    assert response.status_code == 303 and response.headers["location"] == "/ui/me"
    session = [c for c in response.headers.get_list("set-cookie") if c.startswith("lakehouse_session=")][0]
    assert "HttpOnly" in session and "SameSite=strict" in session
    me = browser.get("/ui/me")
    assert me.status_code == 200 and "ana" in me.text and "reader" in me.text and token not in me.text


def test_bad_token_is_refused_with_the_hint(token_app) -> None:  # type: ignore[no-untyped-def]
    browser = Browser(TestClient(token_app, raise_server_exceptions=False))
    browser.get("/ui/sign-in")
    response = browser.post("/ui/sign-in", {"token": "lh_nope", "next": "/ui/"})
    assert response.status_code == 401 and 'class="error"' in response.text


def test_revoked_token_signs_the_browser_out(token_lakehouse, token_app) -> None:  # type: ignore[no-untyped-def]
    made = token_lakehouse.create_token("bo", "reader")
    browser = signed_in(token_app, made["token"])
    assert browser.get("/ui/me").status_code == 200
    token_lakehouse.revoke_token(made["id"])
    again = browser.client.get("/ui/me", follow_redirects=False)
    assert again.status_code == 303 and "/ui/sign-in" in again.headers["location"]


def test_open_redirect_is_refused(token_lakehouse, token_app) -> None:  # type: ignore[no-untyped-def]
    token = token_lakehouse.create_token("cy", "reader")["token"]
    browser = Browser(TestClient(token_app, raise_server_exceptions=False))
    browser.get("/ui/sign-in")
    response = browser.post("/ui/sign-in", {"token": token, "next": "https://evil.example/"})
    assert response.headers["location"] == "/ui/"


def test_forms_without_csrf_are_refused(console: Browser) -> None:
    console.get("/ui/me")
    refused = console.post("/ui/sign-out", csrf=False)
    assert refused.status_code == 403 and "CSRF" in refused.text and "Traceback" not in refused.text
    wrong = console.client.post("/ui/sign-out", data={"csrf_token": "0" * 64}, follow_redirects=False)
    assert wrong.status_code == 403
    other_browser = TestClient(console.client.app, raise_server_exceptions=False)  # no cookie of its own
    stolen = other_browser.post("/ui/sign-out", data={"csrf_token": console.csrf}, follow_redirects=False)
    assert stolen.status_code == 403
    assert console.post("/ui/sign-out").status_code == 303


def test_unknown_page_is_a_404_page(console: Browser) -> None:
    page = console.get("/ui/no/such/page")
    assert page.status_code == 404 and "<html" in page.text and "Not found" in page.text
    assert "Traceback" not in page.text


def test_console_can_be_turned_off(make_settings) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.api.app import create_app
    from lakehouse.app import Lakehouse

    lh = Lakehouse(make_settings(ui={"enabled": False}, query={"workers": 1}))
    try:
        with TestClient(create_app(lh), raise_server_exceptions=False) as client:
            response = client.get("/ui/")
            assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    finally:
        lh.close()
