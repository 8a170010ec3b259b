"""The audit records of one HTTP request are written together, after its response: none is lost or reordered."""

from __future__ import annotations

from lakehouse.api.audit_middleware import ANONYMOUS


def _records(lakehouse, request_id: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    return list(reversed(lakehouse.governance.audit.query(request=request_id, limit=10)))


def test_query_and_request_records_written_together(client, lakehouse) -> None:  # type: ignore[no-untyped-def]
    ok = client.post("/query/sql", json={"sql": "SELECT 1 AS one UNION ALL SELECT 2"},
                     headers={"x-request-id": "batch-ok"})
    assert ok.status_code == 200, ok.text
    records = _records(lakehouse, "batch-ok")
    assert [(r["action"], r["outcome"], r["rows"]) for r in records] == [("query.sql", "ok", 2),
                                                                       ("http.post", "ok", None)]
    assert records[0]["id"] < records[1]["id"] and records[0]["actor"] == records[1]["actor"] == "local-admin"

    bad = client.post("/query/sql", json={"sql": "SELECT * FROM no_such_table"}, headers={"x-request-id": "batch-bad"})
    assert bad.status_code == 400, bad.text
    assert [(r["action"], r["status"]) for r in _records(lakehouse, "batch-bad")] == [("query.sql", 400),
                                                                                      ("http.post", 400)]


def test_batch_holds_records_until_written_then_writes_at_once(lakehouse) -> None:  # type: ignore[no-untyped-def]
    audit = lakehouse.governance.audit
    with audit.batched() as batch:
        audit.record(ANONYMOUS, "test.held", [], "ok", request="held")
        assert _records(lakehouse, "held") == []
        audit.write_batch(batch)
        assert [r["action"] for r in _records(lakehouse, "held")] == ["test.held"]
        audit.record(ANONYMOUS, "test.late", [], "ok", request="late")  # the batch is written: no waiting
        assert [r["action"] for r in _records(lakehouse, "late")] == ["test.late"]
    audit.record(ANONYMOUS, "test.outside", [], "ok", request="outside")
    assert [r["action"] for r in _records(lakehouse, "outside")] == ["test.outside"]
