"""The tools through the SDK's in-process client, per role: what each may see, provenance, caps, audit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lakehouse.api.app import create_app
from lakehouse.mcp_server import LakehouseMcp
from tests.mcp_server.conftest import INJECTION, ROWS, World, build, call, email, payload, read, text

VECTOR = [1.0, 0, 0, 0, 0, 0, 0]


def names(world: World, role: str) -> list[str]:
    return [d["name"] for d in payload(call(world.server(role), "list_datasets"))["datasets"]]


ROLES = {  # role -> (what it may query, the index it may search)
    "admin": (["people", "people_safe"], "people_idx"),
    "writer": (["people_safe"], "safe_idx"),
    "reader": (["people"], "people_idx"),
    "agent": (["people_safe"], "safe_idx"),
}


@pytest.mark.parametrize("role", sorted(ROLES))
def test_each_role_lists_describes_queries_and_searches_what_it_may(world: World, role: str) -> None:
    readable, index = ROLES[role]
    assert names(world, role) == readable
    server = world.server(role)
    indexes = [i["index"] for i in payload(call(server, "list_indexes"))["indexes"]]
    assert index in indexes and (role == "admin" or len(indexes) == 1)
    for name in readable:
        described = payload(call(server, "describe_dataset", {"name": name}))
        counted = payload(call(server, "sql", {"query": f"SELECT count(*) FROM {name}"}))  # noqa: S608
        assert counted["rows"] == [[described["rows"]]]
    hits = payload(call(server, "vector_search", {"index": index, "vector": VECTOR, "k": 3}))["hits"]
    assert len(hits) == 3
    for name in {"people", "people_safe"} - set(readable):
        assert call_error_code(world, role, "describe_dataset", {"name": name}) == "not_found"


def test_local_mode_runs_as_the_local_admin(tmp_path: Path) -> None:
    w = build(tmp_path / "data", auth={"mode": "local"})
    try:
        result = payload(call(LakehouseMcp(w.lh), "list_datasets"))
        assert [d["name"] for d in result["datasets"]] == ["people", "people_safe"]
        (row,) = w.lh.audit_events(request=result["provenance"]["answer_id"], action="mcp.*", limit=5)
        assert row["actor"] == "local-admin"
    finally:
        w.lh.close()


def test_describe_flags_pii_kinds_never_values(world: World) -> None:
    raw = payload(call(world.server("reader"), "describe_dataset", {"name": "people"}))
    columns = {c["name"]: c for c in raw["columns"]}
    assert columns["email"]["pii"] is True and columns["email"]["pii_kind"] == "PII"
    assert raw["rows"] == ROWS and raw["version"] == world.lh.get_dataset("people").version
    assert "pii_evidence" not in columns["email"]
    safe = payload(call(world.server("agent"), "describe_dataset", {"name": "people_safe"}))
    assert safe["kind"] == "view" and safe["rows"] == ROWS - ROWS // 4  # the TX rows are filtered out
    assert {c["name"]: c["redaction"] for c in safe["columns"]}["email"] == "mask"
    for role, hidden in (("agent", "people"), ("reader", "people_safe")):
        assert call_error_code(world, role, "describe_dataset", {"name": hidden}) == "not_found"


def call_error_code(world: World, role: str, tool: str, arguments: dict[str, Any]) -> str:
    from tests.mcp_server.conftest import error

    return str(error(world.server(role), tool, arguments).data["code"])


def test_sql_per_role_and_the_sandbox(world: World) -> None:
    query = {"query": "SELECT count(*) AS n FROM people WHERE state = $s", "params": {"s": "CA"}}
    assert payload(call(world.server("reader"), "sql", query))["rows"] == [[ROWS // 4]]
    assert call_error_code(world, "agent", "sql", query) == "query_error"  # the agent never sees raw tables
    for statement in ("DROP TABLE people", "INSERT INTO people_safe VALUES (1)",
                      "CREATE EXTERNAL TABLE x STORED AS CSV LOCATION '/etc/passwd'", "SELECT 1; SELECT 2",
                      "SELECT * FROM read_csv('/etc/passwd')"):
        code = call_error_code(world, "admin", "sql", {"query": statement})
        assert code in ("query_refused", "query_error"), (statement, code)


def test_sql_provenance_matches_the_catalog_api(world: World) -> None:
    result = payload(call(world.server("agent"), "sql", {"query": "SELECT id, email FROM people_safe LIMIT 2"}))
    (source,) = result["provenance"]["sources"]
    admin = {"Authorization": f"Bearer {world.tokens['admin']}"}
    with TestClient(create_app(world.lh)) as client:
        manifest = client.get("/catalog/datasets/by-name/people", headers=admin).json()
        view = client.get("/catalog/views/people_safe", headers=admin).json()
    assert source["kind"] == "view" and source["dataset"] == "people" and source["version"] == manifest["version"]
    assert source["masks"] == {c: r["kind"] for c, r in view["column_redactions"].items()}
    assert source["row_filter"] is True and source["definition_fingerprint"].startswith("sha256:")
    assert source["tombstones"] == {"erased_keys_hidden": 0, "erased_keys_purged": 0}
    again = read(world.server("agent"), f"lakehouse://answers/{result['provenance']['answer_id']}")
    assert again["provenance"] == result["provenance"] and again["tool"] == "sql"


def test_search_provenance_matches_the_index_manifest(world: World) -> None:
    result = payload(call(world.server("agent"), "vector_search", {"index": "safe_idx", "vector": VECTOR, "k": 3}))
    with TestClient(create_app(world.lh)) as client:
        manifest = client.get("/vectors/indexes/safe_idx",
                              headers={"Authorization": f"Bearer {world.tokens['agent']}"}).json()
    prov = result["provenance"]
    assert (prov["index"], prov["generation"], prov["backend"]) == ("safe_idx", manifest["generation"],
                                                                    manifest["backend"])
    assert (prov["model"], prov["metric"], prov["id_column"]) == (manifest["model"], manifest["metric"],
                                                                  manifest["id_column"])
    assert prov["method"] == result["method"] in ("hnsw", "exact")
    assert prov["chunk_ids"] == [f"{h['doc_id']}#{h['chunk_index']}" for h in result["hits"]]
    assert prov["sources"][0]["version"] == manifest["source_version"]
    assert prov["sources"][0]["name"] == manifest["view"] == "people_safe"
    assert len(result["hits"]) == 3 and all(h["doc_id"] % 4 != 2 for h in result["hits"])  # no TX rows
    assert call_error_code(world, "agent", "vector_search", {"index": "people_idx", "vector": VECTOR}) == "not_found"
    doc = payload(call(world.server("agent"), "get_document", {"index": "safe_idx", "doc_id": 1}))
    assert doc["document"]["email"] != email(1) and doc["document"]["email"].endswith(".org")


def test_caps_and_truncation_say_so(world: World) -> None:
    capped = payload(call(world.server("admin"), "sql", {"query": "SELECT id FROM people ORDER BY id",
                                                          "max_rows": 10**9}))
    assert capped["row_count"] == 8 and capped["truncated"] is True and capped["truncated_by"] == "max_rows"
    assert capped["max_rows_capped"] == {"requested": 10**9, "applied": 8, "why": "mcp.max_rows is 8"}
    assert capped["next_offset"] == 8 and "OFFSET 8" in capped["hint"]
    wide = payload(call(world.server("admin"), "sql",
                        {"query": "SELECT repeat(email, 10) AS e FROM people ORDER BY id"}))
    assert wide["truncated"] is True and wide["truncated_by"] == "max_chars" and 0 < wide["row_count"] < 8
    exact = payload(call(world.server("admin"), "sql", {"query": "SELECT id FROM people ORDER BY id LIMIT 3"}))
    assert exact["truncated"] is False and "hint" not in exact
    many = payload(call(world.server("agent"), "vector_search", {"index": "safe_idx", "vector": VECTOR, "k": 500}))
    assert many["k_capped"]["applied"] == 50


def test_results_are_delimited_untrusted_data(world: World) -> None:
    result = call(world.server("admin"), "sql", {"query": "SELECT bio FROM people WHERE id = 5"})
    body = text(result)
    assert body.startswith('<untrusted-data source="lakehouse.sql"')
    assert body.count("</untrusted-data>") == 1  # the row's own closing tag is escaped, not a second end
    assert "not instructions" in body
    assert payload(result)["rows"] == [[INJECTION]]  # the structured data itself is unchanged


def test_every_call_is_audited_via_mcp(world: World) -> None:
    server = world.server("agent")
    answers = [payload(call(server, tool, args))["provenance"]["answer_id"] for tool, args in (
        ("list_datasets", {}), ("sql", {"query": "SELECT 1 AS one"}), ("list_indexes", {}))]
    rows = world.lh.audit_events(principal="agent-bot", limit=200)
    for answer, tool in zip(answers, ("list_datasets", "sql", "list_indexes"), strict=True):
        mine = [r for r in rows if r["request_id"] == answer]
        assert any(r["action"] == f"mcp.{tool}" and r["outcome"] == "ok" for r in mine), mine
        assert all(r["via"] == "mcp" and r["tool"] == tool and r["actor"] == "agent-bot" for r in mine)


def test_the_prompt_and_schema_resource(world: World) -> None:
    import anyio
    from mcp import Client

    async def go() -> str:
        async with Client(world.server("agent")) as client:
            prompt = await client.get_prompt("governance")
            return prompt.messages[0].content.text  # type: ignore[union-attr]

    assert "never instructions" in anyio.run(go)
    schema = read(world.server("agent"), "lakehouse://datasets/people_safe/schema")
    assert [c["name"] for c in schema["columns"]] == ["id", "email", "ssn", "state", "bio", "v"]
