"""The datasets list and a dataset's page: PII flags, metadata, versions, preview, lineage, escaping."""

from __future__ import annotations

from tests.ui.conftest import Browser

PEOPLE = (b"id,full_name,email,note\n"
          b"1,Ada Lovelace,ada@example.com,fine\n"
          b"2,Alan Turing,alan@example.org,<script>alert(1)</script>\n"
          b"3,Grace Hopper,grace@example.net,ok\n")


def upload(console: Browser, dataset: str = "people", content: bytes = PEOPLE, mode: str = "append"):  # type: ignore[no-untyped-def]
    console.get("/ui/")
    return console.post("/ui/upload", {"dataset": dataset, "mode": mode}, htmx=True,
                        files={"file": ("people.csv", content, "text/csv")})


def test_upload_then_list_and_search(console: Browser) -> None:
    done = upload(console)
    assert done.status_code == 200, done.text
    assert "Ingested" in done.text and "/ui/datasets/people" in done.text
    page = console.get("/ui/")
    assert page.status_code == 200 and 'href="/ui/datasets/people"' in page.text
    assert "primary" in page.text and "fresh" in page.text
    hit = console.client.get("/ui/?q=peo", headers={"HX-Request": "true"})
    assert "people" in hit.text and "<html" not in hit.text
    miss = console.client.get("/ui/?q=zzz", headers={"HX-Request": "true"})
    assert "/ui/datasets/people" not in miss.text


def test_dataset_page_shows_pii_flags_history_lineage(console: Browser) -> None:
    upload(console)
    page = console.get("/ui/datasets/people")
    assert page.status_code == 200, page.text
    assert 'class="pii"' in page.text and "email" in page.text
    assert "<svg class=\"lineage\"" in page.text and "file: people.csv" in page.text
    assert "Versions" in page.text and "restore" not in page.text.split("<h2>Versions</h2>")[1].split("</table>")[0]


def test_preview_pages_and_escapes_values(console: Browser) -> None:
    upload(console)
    rows = console.client.get("/ui/datasets/people/rows?offset=0", headers={"HX-Request": "true"})
    assert rows.status_code == 200
    assert "<script>alert(1)</script>" not in rows.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rows.text
    assert "Ada Lovelace" in rows.text and "rows 1–3" in rows.text


def test_script_in_a_column_name_is_escaped(console: Browser) -> None:
    done = upload(console, "odd", b'id,"<script>x()</script>"\n1,2\n')
    assert done.status_code == 200, done.text
    page = console.get("/ui/datasets/odd")
    assert page.status_code == 200
    assert "<script>x()</script>" not in page.text
    rows = console.client.get("/ui/datasets/odd/rows", headers={"HX-Request": "true"})
    assert "<script>x()</script>" not in rows.text


def test_metadata_patch_and_restore(console: Browser) -> None:
    upload(console)
    upload(console, content=b"id,full_name,email,note\n9,New Person,new@example.com,x\n", mode="overwrite")
    console.get("/ui/datasets/people")
    headers = {"HX-Request": "true", "X-CSRF-Token": console.csrf}
    saved = console.client.patch("/ui/datasets/people/metadata", headers=headers,
                                 data={"description": "staff", "owner": "hr", "sensitivity": "restricted",
                                       "tags": "hr, people", "freshness_interval_seconds": ""})
    assert saved.status_code == 200, saved.text
    assert "Saved." in saved.text and 'value="staff"' in saved.text
    bad = console.client.patch("/ui/datasets/people/metadata", headers=headers, data={"sensitivity": "secret"})
    assert bad.status_code == 422 and 'class="error"' in bad.text
    restored = console.post("/ui/datasets/people/restore", {"version": "0"}, htmx=True)
    assert restored.status_code == 200, restored.text
    assert "Version 0 restored" in restored.text
    rows = console.client.get("/ui/datasets/people/rows", headers={"HX-Request": "true"})
    assert "Ada Lovelace" in rows.text and "New Person" not in rows.text


def test_a_writer_corrects_a_columns_pii_flag(console: Browser, lakehouse) -> None:  # type: ignore[no-untyped-def]
    upload(console)
    page = console.get("/ui/datasets/people")
    assert 'hx-patch="/ui/datasets/people/columns/email"' in page.text and 'id="pii-categories"' in page.text
    headers = {"HX-Request": "true", "X-CSRF-Token": console.csrf}
    unflagged = console.client.patch("/ui/datasets/people/columns/email", headers=headers, data={"pii_kind": ""})
    assert unflagged.status_code == 200 and "Column email corrected" in unflagged.text
    email = next(c for c in lakehouse.get_dataset("people").columns if c.name == "email")
    assert email.pii_kind is None and email.pii_overridden
    flagged = console.client.patch("/ui/datasets/people/columns/note", headers=headers,
                                   data={"pii_kind": "PHI", "pii_category": "medical"})
    assert flagged.status_code == 200 and "(set by hand)" in flagged.text
    note = next(c for c in lakehouse.get_dataset("people").columns if c.name == "note")
    assert (note.pii_kind, note.pii_category) == ("PHI", "medical")
    bad = console.client.patch("/ui/datasets/people/columns/note", headers=headers, data={"pii_kind": "Secret"})
    assert bad.status_code == 422 and 'class="error"' in bad.text
    unknown = console.client.patch("/ui/datasets/people/columns/nope", headers=headers, data={"pii_kind": "PII"})
    assert unknown.status_code in (404, 422) and 'class="error"' in unknown.text and "nope" in unknown.text
    no_csrf = console.client.patch("/ui/datasets/people/columns/note", headers={"HX-Request": "true"},
                                   data={"pii_kind": ""})
    assert no_csrf.status_code == 403


def test_unknown_dataset_is_a_404_page(console: Browser) -> None:
    page = console.get("/ui/datasets/nope")
    assert page.status_code == 404 and "<html" in page.text and "nope" in page.text
    assert "Traceback" not in page.text
    fragment = console.client.get("/ui/datasets/nope/rows", headers={"HX-Request": "true"})
    assert fragment.status_code in (400, 404) and 'class="error"' in fragment.text


def test_tombstone_and_purge_show_the_certificate(console: Browser) -> None:
    upload(console)
    console.get("/ui/datasets/people")
    added = console.post("/ui/datasets/people/tombstones", {"row_key_column": "id", "values": "2", "reason": "asked"},
                         htmx=True)
    assert added.status_code == 200, added.text
    assert "1 tombstoned" in added.text
    rows = console.client.get("/ui/datasets/people/rows", headers={"HX-Request": "true"})
    assert "Alan Turing" not in rows.text
    purged = console.post("/ui/datasets/people/purge", {}, htmx=True)
    assert purged.status_code == 200, purged.text
    assert "Erasure certificate" in purged.text

