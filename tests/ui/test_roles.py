"""Every page for every role in token mode: a reader granted only a masked view never gets a raw value in any
HTML, sees only its grants, and is refused (403/404 page) what it may not do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import Browser, signed_in
from tests.ui.test_datasets import PEOPLE

RAW = ("ada@example.com", "alan@example.org", "grace@example.net", "Ada Lovelace", "Grace Hopper")
PAGES = ("/ui/", "/ui/sql", "/ui/governance", "/ui/vectors", "/ui/models", "/ui/jobs", "/ui/me",
         "/ui/views/people_safe")


@pytest.fixture
def world(token_lakehouse, token_app, tmp_path: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    lh = token_lakehouse
    source = tmp_path / "people.csv"
    source.write_bytes(PEOPLE)
    lh.ingest_file(source, "people")
    lh.write_table("other", __import__("pyarrow").table({"x": [1, 2]}))
    lh.create_view({"name": "people_safe", "base_dataset": "people", "columns": ["id", "email", "note"],
                    "column_redactions": {"email": {"kind": "mask", "keep_prefix": 1, "keep_suffix": 0}}})
    tokens = {role: lh.create_token(f"ui-{role}", role)["token"] for role in ("admin", "writer", "reader", "agent")}
    lh.add_grant("ui-reader", "view", "people_safe")
    lh.add_grant("ui-agent", "view", "people_safe")
    lh.add_grant("ui-writer", "dataset", "other")
    return {"lh": lh, "app": token_app, "tokens": tokens}


def browser(world: dict[str, Any], role: str) -> Browser:
    return signed_in(world["app"], world["tokens"][role])


def no_raw(text: str, where: str) -> None:
    leaked = [value for value in RAW if value in text]
    assert not leaked, f"{where} shows raw values {leaked}"


@pytest.mark.parametrize("role", ["reader", "agent"])
def test_view_only_roles_never_see_raw_values(world: dict[str, Any], role: str) -> None:
    b = browser(world, role)
    for path in PAGES:
        page = b.get(path)
        assert page.status_code == 200, (path, page.text[:400])
        no_raw(page.text, path)
    rows = b.client.get("/ui/views/people_safe/rows", headers={"HX-Request": "true"})
    assert rows.status_code == 200 and "a*" in rows.text
    no_raw(rows.text, "view rows")
    listing = b.get("/ui/").text
    assert "/ui/views/people_safe" in listing and 'href="/ui/datasets/people"' not in listing
    assert "other" not in listing
    names = b.get("/ui/sql").text
    assert "people_safe" in names and 'data-insert="&#34;people&#34;"' not in names
    view_columns = b.client.get("/ui/sql/columns?name=people_safe&kind=view", headers={"HX-Request": "true"})
    assert "email" in view_columns.text and "mask" in view_columns.text and "full_name" not in view_columns.text
    assert b.client.get("/ui/sql/columns?name=people").status_code == 404
    run = b.post("/ui/sql/run", {"sql": "SELECT * FROM people_safe"}, htmx=True)
    assert run.status_code == 200 and "a*" in run.text
    no_raw(run.text, "sql over the view")
    raw = b.post("/ui/sql/run", {"sql": "SELECT * FROM people"}, htmx=True)
    assert raw.status_code >= 400 and 'class="error"' in raw.text
    no_raw(raw.text, "sql over the raw dataset")
    download = b.post("/ui/sql/download", {"sql": "SELECT * FROM people_safe", "format": "csv"})
    assert download.status_code == 200
    no_raw(download.text, "download")


@pytest.mark.parametrize("role", ["reader", "agent", "writer"])
def test_what_a_role_may_not_do_is_refused(world: dict[str, Any], role: str) -> None:
    b = browser(world, role)
    dataset = b.get("/ui/datasets/people")
    assert dataset.status_code == 404 and "<html" in dataset.text
    no_raw(dataset.text, "dataset page")
    preview = b.client.get("/ui/datasets/people/rows", headers={"HX-Request": "true"})
    assert preview.status_code >= 400
    no_raw(preview.text, "dataset rows")
    for path in ("/ui/audit", "/ui/journal", "/ui/admin"):
        refused = b.get(path)
        assert refused.status_code == 403 and "<html" in refused.text and "Traceback" not in refused.text, path
    b.get("/ui/")
    upload = b.post("/ui/upload", {"dataset": "people", "mode": "append"},
                    files={"file": ("x.csv", b"id\n1\n", "text/csv")}, htmx=True)
    assert upload.status_code in (403, 404)
    assert not list(world["lh"].staging_dir.glob("upload-*")), "a refused upload left its staged file"
    patch = b.client.patch("/ui/datasets/people/metadata", data={"description": "x"},
                           headers={"HX-Request": "true", "X-CSRF-Token": b.csrf})
    assert patch.status_code in (403, 404)
    column = b.client.patch("/ui/datasets/people/columns/email", data={"pii_kind": ""},
                            headers={"HX-Request": "true", "X-CSRF-Token": b.csrf})
    assert column.status_code in (403, 404)
    view = b.post("/ui/views", {"name": "mine", "base_dataset": "people", "columns": ["email"]}, htmx=True)
    assert view.status_code in (403, 404)
    tombstone = b.post("/ui/datasets/people/tombstones", {"row_key_column": "id", "values": "1", "reason": "x"},
                       htmx=True)
    assert tombstone.status_code in (403, 404)
    grant = b.post("/ui/admin/grants", {"principal": f"ui-{role}", "kind": "dataset", "name": "people"})
    assert grant.status_code == 403


def test_writer_sees_its_granted_dataset(world: dict[str, Any]) -> None:
    b = browser(world, "writer")
    page = b.get("/ui/datasets/other")
    assert page.status_code == 200 and 'name="description"' in page.text
    assert "/ui/datasets/people" not in b.get("/ui/").text


def test_admin_sees_everything(world: dict[str, Any]) -> None:
    b = browser(world, "admin")
    for path in (*PAGES, "/ui/audit", "/ui/journal", "/ui/admin", "/ui/datasets/people"):
        assert b.get(path).status_code == 200, path
    rows = b.client.get("/ui/datasets/people/rows", headers={"HX-Request": "true"})
    assert "ada@example.com" in rows.text  # the admin reads the raw dataset: the check above can fail


def test_signed_in_forms_still_need_csrf(world: dict[str, Any]) -> None:
    b = browser(world, "reader")
    refused = b.post("/ui/sql/run", {"sql": "SELECT * FROM people_safe"}, csrf=False, htmx=True)
    assert refused.status_code == 403 and "CSRF" in refused.text
    assert b.post("/ui/sign-out", {}, csrf=False).status_code == 403
    assert b.post("/ui/sign-out", {}).status_code == 303
