"""The library's public methods, each through ``Lakehouse`` and ``RemoteLakehouse`` (fixture ``lh``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from lakehouse.errors import Conflict, Forbidden, InvalidInput, NotFound, QueryError

Api = Any  # Lakehouse | RemoteLakehouse: the same methods


def people(n: int = 3, start: int = 1) -> pa.Table:
    ids = list(range(start, start + n))
    return pa.table({"id": ids, "email": [f"user{i}@example.com" for i in ids],
                     "bio": [f"person {i} likes {'chess' if i % 2 else 'hiking'}" for i in ids]})


def test_datasets_round_trip(lh: Api, tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("id,email\n1,a@example.com\n2,b@example.com\n")
    job = lh.ingest_file(csv, "people")
    assert job.status == "succeeded" and job.result["rows"] == 2
    manifest = lh.get_dataset("people")
    assert manifest.row_count == 2 and manifest.version == 0
    assert {c.name: c.pii_category for c in manifest.columns}["email"] == "email"
    assert [d.name for d in lh.list_datasets()] == ["people"]
    lean = lh.list_datasets(columns=False)
    assert [(d.name, d.columns, d.row_count) for d in lean] == [("people", [], 2)]
    written = lh.write_table("people", pa.table({"id": [3], "email": ["c@example.com"]}))
    assert (written.dataset, written.version, written.rows_written, written.row_count) == ("people", 1, 1, 3)
    assert [v.version for v in lh.history("people")] == [1, 0]
    patched = lh.patch_metadata("people", {"description": "our people", "tags": ["crm"]})
    assert patched.description == "our people" and patched.tags == ["crm"]
    restored = lh.restore_dataset("people", 0)
    assert restored.version == 2 and restored.row_count == 2
    assert lh.optimize_dataset("people", vacuum=False)["dataset"] == "people"
    assert lh.delete_dataset("people").name == "people"
    with pytest.raises(NotFound):
        lh.get_dataset("people")


def test_bad_input_keeps_its_error_class(lh: Api, tmp_path: Path) -> None:
    csv = tmp_path / "x.csv"
    csv.write_text("a\n1\n")
    with pytest.raises(InvalidInput):
        lh.ingest_file(csv, "Bad Name")
    with pytest.raises(NotFound):
        lh.get_dataset("missing")
    with pytest.raises(QueryError):
        lh.sql("SELEC 1")
    with pytest.raises(NotFound):
        lh.get_job("0" * 32)


def test_sql_params_time_travel_and_cap(lh: Api) -> None:
    lh.write_table("people", people(3))
    lh.write_table("people", people(2, start=10))
    result = lh.sql("SELECT id FROM people WHERE id > $low ORDER BY id", params={"low": 2})
    assert result.table.column("id").to_pylist() == [3, 10, 11] and not result.truncated
    assert lh.sql("SELECT count(*) AS n FROM people", as_of={"people": 0}).table.to_pylist() == [{"n": 3}]
    capped = lh.sql("SELECT id FROM people ORDER BY id", max_rows=2)
    assert capped.table.num_rows == 2 and capped.truncated


def test_buckets_and_backups(lh: Api, tmp_path: Path) -> None:
    names = {b.name for b in lh.list_buckets()}
    assert {"primary", "rescue"} <= names
    backup = lh.backup_catalog()
    assert backup in lh.list_backups()
    with pytest.raises(Forbidden):
        lh.remove_bucket("primary")


def test_jobs(lh: Api, tmp_path: Path) -> None:
    csv = tmp_path / "t.csv"
    csv.write_text("n\n1\n2\n")
    job = lh.ingest_file(csv, "t", wait=False)
    finished = lh.wait_job(job.job_id, timeout=60)
    assert finished.status == "succeeded"
    assert lh.get_job(job.job_id).status == "succeeded"
    assert job.job_id in [j.job_id for j in lh.list_jobs()]
    with pytest.raises(Conflict):
        lh.cancel_job(job.job_id)


def test_views_tokens_grants(lh: Api) -> None:
    lh.write_table("people", people(3))
    view = lh.create_view({"name": "people_safe", "base_dataset": "people", "columns": ["id", "email"],
                           "column_redactions": {"email": {"kind": "mask", "keep_prefix": 1, "keep_suffix": 0}}})
    assert view.name == "people_safe" and view.base_dataset == "people"
    assert [v.name for v in lh.list_views()] == ["people_safe"]
    assert lh.get_view("people_safe").column_redactions["email"].kind == "mask"
    masked = lh.sql("SELECT email FROM people_safe ORDER BY id").table.column("email")[0].as_py()
    assert masked.startswith("u") and set(masked[1:]) == {"*"}
    token = lh.create_token("analyst", "reader")
    assert token["token"] and token["id"] in [t["id"] for t in lh.list_tokens()]
    grant = lh.add_grant("analyst", "view", "people_safe")
    assert [g["id"] for g in lh.list_grants("analyst")] == [grant["id"]]
    lh.remove_grant(grant["id"])
    assert lh.list_grants("analyst") == []
    assert lh.revoke_token(token["id"])["revoked_at"]
    assert lh.delete_view("people_safe").name == "people_safe"
    assert lh.list_views() == []


def test_tombstones_purge_and_erasure(lh: Api) -> None:
    lh.write_table("people", people(4))
    applied = lh.tombstone("people", "id", [2], reason="request")
    assert applied["applied"] == 1
    listed = lh.list_tombstones("people")
    assert len(listed) == 1
    assert lh.sql("SELECT count(*) AS n FROM people").table.to_pylist() == [{"n": 3}]
    lh.restore_tombstone("people", listed[0]["id"])
    assert lh.sql("SELECT count(*) AS n FROM people").table.to_pylist() == [{"n": 4}]
    erased = lh.erase_person("user3@example.com", "email")
    assert [d["dataset"] for d in erased["datasets"]] == ["people"]
    purge = lh.purge("people")
    assert purge.status == "succeeded"
    assert lh.certificates("people")
    assert lh.sql("SELECT count(*) AS n FROM people").table.to_pylist() == [{"n": 3}]


def test_audit_and_journal(lh: Api) -> None:
    lh.write_table("people", people(1))
    lh.get_dataset("people")
    actions = [a["action"] for a in lh.audit_events(limit=50)]
    assert "dataset.get" in actions and "dataset.write" in actions
    assert "dataset.created" in [e["type"] for e in lh.journal_events(limit=50)]
    assert [e["type"] for e in lh.journal_events(type_="dataset.*", limit=50)] == ["dataset.created"]


def test_vector_index_lifecycle(lh: Api) -> None:
    rows = 40
    vectors = [[float((i * 7 + j) % 11) + (0.5 if j == i % 4 else 0.0) for j in range(8)] for i in range(rows)]
    lh.write_table("docs", pa.table({"id": list(range(rows)), "topic": ["a" if i % 2 else "b" for i in range(rows)],
                                     "vec": pa.array(vectors, pa.list_(pa.float32()))}))
    job = lh.create_vector_index({"index_name": "docs_idx", "dataset": "docs", "id_column": "id",
                                  "vector_column": "vec"})
    assert job.status == "succeeded", job.error
    assert [m.index_name for m in lh.list_vector_indexes()] == ["docs_idx"]
    assert lh.get_vector_index("docs_idx").dataset == "docs"
    found = lh.vector_search("docs_idx", vector=vectors[5], k=3)
    assert found.hits[0].doc_id == 5 and len(found.hits) == 3
    filtered = lh.search_vectors("docs_idx", {"vector": vectors[5], "k": 3, "filter": "topic = 'a'"})
    assert {h.doc_id for h in filtered.hits} <= set(range(1, rows, 2))
    more = pa.table({"id": [rows], "topic": ["a"], "vec": pa.array([vectors[0]], pa.list_(pa.float32()))})
    lh.write_table("docs", more)
    assert [s["index_name"] for s in lh.stale_vector_indexes()] == ["docs_idx"]
    assert lh.refresh_vectors("docs").status == "succeeded"
    assert lh.stale_vector_indexes() == []
    trial = lh.evaluate_vector_index("docs_idx", {"k": 5, "sample": 10})
    assert 0.0 <= trial["metrics"]["recall"] <= 1.0
    assert trial["trial_id"] in [t["trial_id"] for t in lh.vector_trials("docs_idx")]
    assert lh.vector_champion("docs_idx") is not None
    assert lh.autotune_vector_index("docs_idx", {"time_limit_seconds": 30}).status == "succeeded"
    promoted = lh.set_vector_champion("docs_idx", {"trial_id": trial["trial_id"]})
    assert promoted
    assert lh.delete_vector_index("docs_idx").index_name == "docs_idx"
    with pytest.raises(NotFound):
        lh.get_vector_index("docs_idx")


def test_authenticate_says_who_a_token_is(lh: Api) -> None:
    from lakehouse.errors import Unauthorized
    from lakehouse.types import Role

    token = lh.create_token("bob", "reader")["token"]
    who = lh.authenticate(token)
    assert (who.name, who.role) == ("bob", Role.reader) and who.principal_id
    with pytest.raises(Unauthorized):
        lh.authenticate("lh_not-a-token")
