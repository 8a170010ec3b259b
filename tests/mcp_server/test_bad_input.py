"""Bad input, each answered as an MCP error with the API's code, message and hint: never a traceback, nothing run
when the caller is not authenticated."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakehouse.mcp_server import LakehouseMcp
from tests.mcp_server.conftest import World, build, call, error, payload


def test_unknown_tool_lists_the_tools(world: World) -> None:
    exc = error(world.server("agent"), "drop_everything")
    assert exc.code == -32602 and exc.data["code"] == "unknown_tool"
    assert "sql" in exc.data["tools"] and "sql" in exc.data["hint"]
    (row,) = world.lh.audit_events(action="mcp.drop_everything", limit=5)
    assert (row["actor"], row["outcome"], row["via"]) == ("agent-bot", "unknown_tool", "mcp")


@pytest.mark.parametrize(("tool", "arguments", "field"), [
    ("sql", {"query": 5}, "query"),
    ("sql", {"query": "SELECT 1", "max_rows": "many"}, "max_rows"),
    ("sql", {"query": "SELECT 1", "max_rows": 0}, "max_rows"),
    ("sql", {"query": "SELECT 1", "params": [1, 2]}, "params"),
    ("sql", {}, "query"),
    ("sql", {"query": "SELECT 1", "rows": 5}, "rows"),
    ("vector_search", {"index": "safe_idx", "vector": ["x"]}, "vector"),
    ("vector_search", {"index": "safe_idx", "query": "x", "k": -1}, "k"),
    ("describe_dataset", {"name": ""}, "name"),
])
def test_ill_typed_arguments_come_back_with_the_schema(world: World, tool: str, arguments: dict[str, object],
                                                       field: str) -> None:
    exc = error(world.server("agent"), tool, arguments)
    assert exc.code == -32602 and exc.data["code"] == "invalid_arguments"
    assert field in {p["field"].split(".")[0] for p in exc.data["errors"]}, exc.data
    assert exc.data["input_schema"]["type"] == "object" and "properties" in exc.data["input_schema"]
    assert "many" not in str(exc.data["errors"])  # the rejected values are not echoed back


def test_search_needs_exactly_one_of_query_and_vector(world: World) -> None:
    exc = error(world.server("agent"), "vector_search", {"index": "safe_idx"})
    assert exc.data["code"] == "invalid_input" and exc.data["hint"]


def test_writes_and_escapes_get_the_sandbox_error(world: World) -> None:
    for statement in ("DELETE FROM people", "COPY people TO '/tmp/x.csv'", "SET datafusion.x = 1"):
        exc = error(world.server("admin"), "sql", {"query": statement})
        assert exc.data["code"] in ("query_refused", "query_error") and exc.data["http_status"] == 400
    # the table is whole afterwards
    assert payload(call(world.server("admin"), "sql", {"query": "SELECT count(*) FROM people"}))["rows"] == [[40]]


def test_missing_and_unknown_tokens_run_nothing(world: World) -> None:
    before = len(world.lh.audit_events(action="query.sql", limit=10_000))
    for token in (None, "", "lh_not-a-real-token"):
        exc = error(LakehouseMcp(world.lh, token=token), "sql", {"query": "SELECT 1"})
        assert exc.code == -32001 and exc.data["code"] == "unauthorized" and exc.data["hint"]
        assert (token or "lh_") not in exc.message
    assert len(world.lh.audit_events(action="query.sql", limit=10_000)) == before
    refused = world.lh.audit_events(action="mcp.auth", limit=10)
    assert refused and all(r["outcome"] == "unauthorized" and r["via"] == "mcp" for r in refused)


def test_a_revoked_token_stops_at_the_next_call(fresh: World) -> None:
    server = fresh.server("agent")
    assert payload(call(server, "list_datasets"))["datasets"]
    token_id = next(t["id"] for t in fresh.lh.list_tokens() if t["name"] == "agent-bot")
    fresh.lh.revoke_token(token_id)
    assert error(server, "list_datasets").data["code"] == "unauthorized"


def test_answers_belong_to_their_caller(world: World) -> None:
    from tests.mcp_server.conftest import read

    answer = payload(call(world.server("agent"), "list_datasets"))["provenance"]["answer_id"]
    with pytest.raises(Exception) as caught:
        read(world.server("reader"), f"lakehouse://answers/{answer}")
    assert "does not exist" in str(caught.value)
    assert read(world.server("admin"), f"lakehouse://answers/{answer}")["actor"] == "agent-bot"


def test_rate_limit_per_token(tmp_path: Path) -> None:
    w = build(tmp_path / "data", mcp={"rate_limit_per_minute": 3})
    try:
        server = w.server("agent")
        for _ in range(3):
            call(server, "list_indexes")
        exc = error(server, "list_indexes")
        assert exc.code == -32004 and exc.data["code"] == "rate_limited" and "Retry in" in exc.data["hint"]
        assert payload(call(w.server("admin"), "list_indexes"))  # another token has its own budget
        second = w.lh.create_token("agent-bot", "agent")["token"]  # the same principal, a second token
        server._token = second  # as one HTTP server sees both tokens' requests
        assert payload(call(server, "list_indexes"))
        server._token = w.tokens["agent"]
        assert error(server, "list_indexes").data["code"] == "rate_limited"  # the first token is still out
        limited = w.lh.audit_events(principal="agent-bot", outcome="rate_limited", limit=10)
        assert limited and limited[0]["action"] == "mcp.list_indexes"
    finally:
        w.lh.close()


def test_call_time_limit(tmp_path: Path) -> None:
    w = build(tmp_path / "data", mcp={"call_time_limit_seconds": 0.001})
    try:
        exc = error(w.server("admin"), "sql", {"query": "SELECT count(*) FROM people a, people b, people c"})
        assert exc.code == -32003 and exc.data["code"] == "call_timeout" and exc.data["http_status"] == 408
    finally:
        w.lh.close()
