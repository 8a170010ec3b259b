"""The SQL escape corpus (file readers, COPY, external tables, SET, ../, URLs) through /query/sql, row
filters and view definitions, with a canary file outside the data dir: 0 successes, no canary anywhere."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pyarrow as pa

from tests.governance.conftest import CANARY, principal
from tests.query.test_sandbox import ENGINE_ERRORS, REFUSED

FILTERS_ONLY = [
    "email = (SELECT secret FROM canary)", "EXISTS (SELECT 1)", "n IN (SELECT n FROM people)",
    "pg_read_file('{canary}') IS NOT NULL", "read_csv('{canary}') IS NULL", "n = 1; DROP TABLE people",
    "n = 1 UNION SELECT * FROM people", "email LIKE '%' OR current_setting('x') = ''", "\"people\".n = 1",
    "n = 1 OR read_parquet('{canary}') IS NULL", "*", "n = $1", "datafusion.public.people.n = 1",
]


def test_corpus_never_succeeds_and_never_leaks(token_client, canary_file: Path, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    lh, client = token_client
    lh.write_table("people", pa.table({"n": [1, 2], "email": ["a@x.org", "b@x.org"]}))
    _, reader = principal(lh, "reader1", "reader", dataset=["people"])
    _, admin = principal(lh, "admin1", "admin")
    payloads = [p.replace("{canary}", str(canary_file)).replace("{out}", str(tmp_path / "out.csv"))
                for p in REFUSED + ENGINE_ERRORS]
    assert len(payloads) >= 40
    seen: list[str] = []
    caplog.set_level(logging.DEBUG)
    for token in (reader, admin):
        headers = {"Authorization": f"Bearer {token}"}
        for sql in payloads:
            response = client.post("/query/sql", json={"sql": sql}, headers=headers)
            assert response.status_code in (400, 404, 422), (sql, response.status_code, response.text)
            seen.append(response.text)
        for predicate in payloads + [f.replace("{canary}", str(canary_file)) for f in FILTERS_ONLY]:
            body = {"name": "leak", "base_dataset": "people", "columns": ["n"], "row_filter": predicate}
            response = client.post("/catalog/views", json=body, headers=headers)
            assert response.status_code in (403, 422), (predicate, response.status_code, response.text)
            seen.append(response.text)
        for column in payloads[:15]:
            for body in ({"name": "leak2", "base_dataset": "people", "columns": [column]},
                         {"name": column[:60], "base_dataset": "people", "columns": ["n"]}):
                response = client.post("/catalog/views", json=body, headers=headers)
                assert response.status_code in (403, 404, 422), (column, response.text)
                seen.append(response.text)
    assert client.get("/catalog/views", headers={"Authorization": f"Bearer {admin}"}).json()["items"] == []
    assert not (tmp_path / "out.csv").exists()
    audit = json.dumps(lh.audit_events(limit=100_000)) + json.dumps(lh.journal_events(limit=100_000))
    for text in seen + [caplog.text, audit]:
        assert CANARY not in text
