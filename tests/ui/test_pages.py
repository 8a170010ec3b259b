"""Governance, tokens and grants, audit and journal, vectors, models and jobs pages (local mode: an admin)."""

from __future__ import annotations

import pyarrow as pa

from tests.ui.conftest import Browser
from tests.ui.test_datasets import upload


def test_create_a_masked_view_and_preview_it(console: Browser) -> None:
    upload(console)
    page = console.get("/ui/governance?base_dataset=people")
    assert page.status_code == 200 and 'name="redact:email"' in page.text
    columns = console.client.get("/ui/governance/view-columns?base_dataset=people", headers={"HX-Request": "true"})
    assert 'value="full_name"' in columns.text
    made = console.post("/ui/views", {"name": "people_safe", "base_dataset": "people",
                                      "columns": ["id", "email"], "redact:email": "mask",
                                      "keep_prefix:email": "2", "keep_suffix:email": "0", "redact:id": ""},
                        htmx=True)
    assert made.status_code == 204, made.text
    assert made.headers["HX-Redirect"] == "/ui/views/people_safe"
    view = console.get("/ui/views/people_safe")
    assert view.status_code == 200 and "email: mask(2, 0)" in view.text
    rows = console.client.get("/ui/views/people_safe/rows", headers={"HX-Request": "true"})
    assert "ada@example.com" not in rows.text and "ad*" in rows.text
    assert "people_safe" in console.get("/ui/governance").text


def test_bad_view_shows_the_api_message(console: Browser) -> None:
    upload(console)
    console.get("/ui/governance")
    bad = console.post("/ui/views", {"name": "v1", "base_dataset": "people", "columns": ["id"],
                                     "row_filter": "nope = 1"}, htmx=True)
    assert bad.status_code == 422 and 'class="error"' in bad.text
    empty = console.post("/ui/views", {"name": "v2", "base_dataset": "people"}, htmx=True)
    assert empty.status_code == 422 and 'data-fields="columns"' in empty.text


def test_admin_tokens_and_grants(console: Browser) -> None:
    upload(console)
    console.get("/ui/admin")
    made = console.post("/ui/admin/tokens", {"name": "reader1", "role": "reader"})
    assert made.status_code == 200 and 'id="new-token"' in made.text
    granted = console.post("/ui/admin/grants", {"principal": "reader1", "kind": "dataset", "name": "people"})
    assert granted.status_code == 200 and "reader1 may now read dataset people" in granted.text
    wrong = console.post("/ui/admin/grants", {"principal": "reader1", "kind": "table", "name": "people"})
    assert wrong.status_code == 422
    grant_id = console.client.app.state.lakehouse.list_grants("reader1")[0]["id"]
    removed = console.post(f"/ui/admin/grants/{grant_id}/remove", {})
    assert removed.status_code == 200 and "removed" in removed.text
    token_id = console.client.app.state.lakehouse.list_tokens()[0]["id"]
    revoked = console.post(f"/ui/admin/tokens/{token_id}/revoke", {})
    assert revoked.status_code == 200 and "revoked" in revoked.text


def test_audit_and_journal_search(console: Browser) -> None:
    upload(console)
    console.get("/ui/datasets/people")
    audit = console.get("/ui/audit?object=people")
    assert audit.status_code == 200 and "dataset.get" in audit.text
    assert "dataset.get" not in console.get("/ui/audit?object=other").text
    assert console.get("/ui/audit?since=yesterday").status_code == 422
    journal = console.get("/ui/journal?subject=people")
    assert journal.status_code == 200 and "dataset.created" in journal.text


def _vector_index(console: Browser) -> None:
    lh = console.client.app.state.lakehouse
    docs = pa.table({"id": [1, 2, 3, 4], "title": ["a", "b", "<script>c</script>", "d"],
                     "emb": pa.array([[1.0, 0.0], [0.0, 1.0], [0.7, 0.7], [0.9, 0.1]], pa.list_(pa.float32()))})
    lh.write_table("docs", docs)
    lh.create_vector_index({"index_name": "docs_idx", "dataset": "docs", "id_column": "id", "vector_column": "emb"})


def test_vectors_pages_search_and_jobs(console: Browser) -> None:
    _vector_index(console)
    listing = console.get("/ui/vectors")
    assert listing.status_code == 200 and "/ui/vectors/docs_idx" in listing.text
    assert "<td>hnsw<div" in listing.text  # the index's vector backend (hnsw or lance)
    page = console.get("/ui/vectors/docs_idx")
    assert page.status_code == 200 and 'id="search-form"' in page.text and "· hnsw (" in page.text
    hits = console.post("/ui/vectors/docs_idx/search", {"vector": "[1, 0]", "k": "2"}, htmx=True)
    assert hits.status_code == 200 and "method" in hits.text and hits.text.count("<tr>") == 3
    bad = console.post("/ui/vectors/docs_idx/search", {"vector": "[1, 0", "k": "2"}, htmx=True)
    assert bad.status_code == 422 and 'data-fields="vector"' in bad.text
    job = console.post("/ui/vectors/docs_idx/refresh", {}, htmx=True)
    assert job.status_code == 200 and "vectors.refresh" in job.text
    assert "docs_idx" in console.get("/ui/datasets/docs").text
    jobs = console.get("/ui/jobs")
    assert jobs.status_code == 200 and "vectors" in jobs.text
    lh = console.client.app.state.lakehouse
    job_id = lh.list_jobs(10)[0].job_id
    card = console.client.get(f"/ui/jobs/{job_id}", headers={"HX-Request": "true"})
    assert card.status_code == 200 and f'id="job-{job_id}"' in card.text
    row = console.client.get(f"/ui/jobs/{job_id}?row=1", headers={"HX-Request": "true"})
    assert row.text.lstrip().startswith("<tr")
    lh.wait_job(job_id, 60)
    done = console.client.get(f"/ui/jobs/{job_id}", headers={"HX-Request": "true"})
    assert "every 1s" not in done.text  # a finished job stops the polling
    cancelled = console.post(f"/ui/jobs/{job_id}/cancel", {}, htmx=True)
    assert cancelled.status_code in (200, 409) and "Traceback" not in cancelled.text
    measured = console.post("/ui/vectors/docs_idx/eval", {"sample": "2", "k": "2"}, htmx=True)
    assert measured.status_code == 200 and "Recall" in measured.text
    tuned = console.post("/ui/vectors/docs_idx/autotune", {}, htmx=True)
    assert tuned.status_code == 200 and "vectors.autotune" in tuned.text
    lh.wait_job(lh.list_jobs(1)[0].job_id, 60)
    trials = console.get("/ui/vectors/docs_idx")
    assert 'data-kind="scatter"' in trials.text and 'class="champion"' in trials.text


def test_models_page_without_a_model_server(console: Browser) -> None:
    page = console.get("/ui/models")
    assert page.status_code == 200 and "Profiles" in page.text and "GPU slot" in page.text


def test_every_page_answers_without_a_trace(console: Browser) -> None:
    upload(console)
    for path in ("/ui/", "/ui/sql", "/ui/governance", "/ui/vectors", "/ui/models", "/ui/jobs", "/ui/audit",
                 "/ui/journal", "/ui/admin", "/ui/me", "/ui/datasets/people", "/ui/sign-in"):
        page = console.get(path)
        assert page.status_code == 200, (path, page.text[:300])
        assert "Traceback" not in page.text
    for path in ("/ui/views/none", "/ui/vectors/none", "/ui/jobs/none"):
        missing = console.get(path)
        assert missing.status_code == 404 and "<html" in missing.text, path


def test_profiles_activate_and_deactivate(console: Browser) -> None:
    upload(console)
    lh = console.client.app.state.lakehouse
    lh.create_profile({"id": "hr", "description": "people only", "bound": ["people"]})
    page = console.get("/ui/models")
    assert "hr" in page.text and "dataset: people" in page.text
    on = console.post("/ui/models/profiles/hr/activate", {})
    assert on.status_code == 200 and "Profile hr is active." in on.text
    assert lh.active_profile()["profile"] == "hr"
    off = console.post("/ui/models/profiles/hr/deactivate", {})
    assert off.status_code == 200 and lh.active_profile()["profile"] is None
    missing = console.post("/ui/models/profiles/nope/activate", {})
    assert missing.status_code == 404 and 'class="error"' in missing.text
