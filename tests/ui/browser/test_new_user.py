"""A new user's path in a real browser: sign in, upload a CSV, see PII flags, run SQL, chart it, make a masked
view, search an index; then a reader sees only its grant, masked; and a form without CSRF is refused."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.ui.browser.conftest import shot

CSV = ("id,full_name,email,phone,city,salary,note\n"
       "1,Ada Lovelace,ada@example.com,+44 20 7946 0958,London,5200,likes engines and poetry\n"
       "2,Alan Turing,alan@example.org,+44 161 496 0000,Manchester,4800,<script>alert('x')</script>\n"
       "3,Grace Hopper,grace@example.net,+1 202 555 0143,Arlington,6100,found a moth in the relay\n"
       "4,Katherine Johnson,kj@example.com,+1 757 555 0199,Hampton,5900,computed orbits by hand\n"
       "5,Edsger Dijkstra,ewd@example.nl,+31 20 555 0101,Austin,5000,shortest paths everywhere\n")
RAW = ("ada@example.com", "alan@example.org", "Ada Lovelace", "Grace Hopper", "+44 20 7946 0958")


def sign_in(page: Any, url: str, token: str) -> None:
    page.goto(f"{url}/ui/")
    assert "/ui/sign-in" in page.url
    page.fill("input[name=token]", token)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(f"{url}/ui/")


@pytest.mark.browser
def test_new_user_path(chromium: Any, server: dict[str, Any], tmp_path) -> None:  # type: ignore[no-untyped-def]
    url, tokens = server["url"], server["tokens"]
    context = chromium.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, url, tokens["admin"])
    cookies = {c["name"]: c for c in context.cookies()}
    assert cookies["lakehouse_session"]["httpOnly"] and cookies["lakehouse_session"]["sameSite"] == "Strict"

    csv = tmp_path / "people.csv"
    csv.write_text(CSV)
    page.set_input_files("input[name=file]", str(csv))
    page.fill("#upload-form input[name=dataset]", "people")
    page.click("#upload-form button:has-text('Upload')")
    page.wait_for_selector("#upload-result .ok")
    page.goto(f"{url}/ui/")
    page.wait_for_selector("a[href='/ui/datasets/people']")
    shot(page, "datasets")

    page.click("a[href='/ui/datasets/people']")
    page.wait_for_selector("table.columns")
    flags = page.locator("table.columns .pii").all_inner_texts()
    assert any("PII" in f for f in flags), flags
    page.wait_for_selector("#preview table.rows")
    shot(page, "dataset")

    page.goto(f"{url}/ui/sql")
    page.fill("#sql", "SELECT city, sum(salary) AS payroll FROM people GROUP BY city ORDER BY payroll DESC")
    page.click("#sql-form button:has-text('Run')")
    page.wait_for_selector("#result svg[data-kind='bar']")
    assert page.locator("#result table.rows tbody tr").count() == 5
    page.wait_for_selector("#sql-history li")
    shot(page, "sql")

    page.goto(f"{url}/ui/governance?base_dataset=people")
    page.fill("#view-form input[name=name]", "people_safe")
    page.select_option("select[name='redact:full_name']", "null")
    page.uncheck("input[name=columns][value=phone]")
    page.click("#view-form button:has-text('Create view')")
    page.wait_for_url(f"{url}/ui/views/people_safe")
    page.wait_for_selector("#preview table.rows")
    html = page.content()
    assert "ada@example.com" not in html and "Ada Lovelace" not in html
    shot(page, "view")

    admin = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {tokens['admin']}"}, timeout=120)
    built = admin.post("/vectors/index?wait=true", json={"index_name": "notes", "dataset": "people_safe",
                                                         "id_column": "id", "text_column": "note"})
    assert built.status_code in (200, 201), built.text
    admin.post("/auth/grants", json={"principal": "rex-reader", "view": "people_safe"}).raise_for_status()
    page.goto(f"{url}/ui/vectors/notes")
    page.fill("#search-form input[name=vector]", "[1, 2")
    page.click("#search-form button:has-text('Search')")
    page.wait_for_selector("#search-form input[name=vector].invalid")  # the refused field, marked
    assert "JSON list" in page.locator("#search-form .field-error").inner_text()
    page.fill("#search-form input[name=vector]", "")
    page.fill("#search-form input[name=query]", "insects in computers")
    page.click("#search-form button:has-text('Search')")
    page.wait_for_selector("#hits table.hits tbody tr")
    assert "moth" in page.locator("#hits table.hits tbody tr").first.inner_text()
    shot(page, "vectors")
    page.click("button:has-text('Autotune')")
    page.wait_for_selector("#work .status-succeeded", timeout=60_000)  # the job card polls until it is done
    page.reload()
    page.wait_for_selector("svg[data-kind='scatter'] circle.champion")
    page.locator("h2:has-text('Trials')").scroll_into_view_if_needed()
    shot(page, "trials")
    assert alerts == [], "a <script> in the data ran"
    # no script error, no CSP refusal (statuses of refused requests are logged too: those are expected)
    assert [e for e in errors if not e.startswith("Failed to load resource")] == [], errors

    refused = context.request.post(f"{url}/ui/sql/run", form={"sql": "SELECT 1"})
    assert refused.status == 403
    context.close()

    reader = chromium.new_context(viewport={"width": 1280, "height": 860})
    page = reader.new_page()
    sign_in(page, url, tokens["reader"])
    for path in ("/ui/", "/ui/sql", "/ui/governance", "/ui/views/people_safe", "/ui/vectors", "/ui/vectors/notes"):
        page.goto(f"{url}{path}")
        page.wait_for_load_state("networkidle")
        html = page.content()
        assert not [raw for raw in RAW if raw in html], path
    page.goto(f"{url}/ui/datasets/people")
    assert "Not found" in page.content()
    page.goto(f"{url}/ui/views/people_safe")
    page.wait_for_selector("#preview table.rows")
    shot(page, "reader-view")
    reader.close()
