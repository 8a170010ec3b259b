"""Audit search by object and time window (the console's audit page, GET /audit ?object=&until=), on SQLite and
PostgreSQL catalogs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lakehouse.app import Lakehouse
from lakehouse.types import Actor, Role


def test_audit_filters_by_object_and_until(make_settings, catalog_url: str) -> None:  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(catalog={"url": catalog_url}, query={"workers": 1}))
    try:
        audit = lh.governance.audit
        someone = Actor(name="someone", role=Role.reader)
        audit.record(someone, "dataset.get", ["people"], "ok")
        audit.record(someone, "dataset.get", ["people_2"], "ok")
        audit.record(someone, "dataset.get", ["pe%ple"], "ok")
        audit.record(someone, "view.get", ['we"ird\\name'], "ok")
        found = lh.audit_events(object_name="people")
        assert [r["objects"] for r in found] == [["people"]]
        assert [r["objects"] for r in lh.audit_events(object_name="pe%ple")] == [["pe%ple"]]
        assert [r["objects"] for r in lh.audit_events(object_name='we"ird\\name')] == [['we"ird\\name']]
        assert lh.audit_events(object_name="peop") == []
        past = datetime.now(UTC) - timedelta(days=1)
        assert lh.audit_events(object_name="people", until=past) == []
    finally:
        lh.close()


def test_journal_filters_by_subject_and_actor(lakehouse) -> None:  # type: ignore[no-untyped-def]
    import pyarrow as pa

    lakehouse.write_table("alpha", pa.table({"x": [1]}))
    lakehouse.write_table("beta", pa.table({"x": [1]}), actor=Actor(name="ops", role=Role.admin))
    assert {e["subject"] for e in lakehouse.journal_events(subject="alpha")} == {"alpha"}
    assert {e["subject"] for e in lakehouse.journal_events(actor_name="ops")} == {"beta"}
    assert lakehouse.journal_events(subject="alpha", actor_name="ops") == []
