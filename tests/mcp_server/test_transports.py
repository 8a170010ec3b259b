"""The same server over its real transports: ``lakehouse mcp`` as a stdio subprocess, and streamable HTTP at
``/mcp`` in a live API server, authenticated like the API."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import anyio
import httpx
import httpx2
import pytest
from mcp import Client, StdioServerParameters
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

from tests.live_server import serving
from tests.mcp_server.conftest import World
from tests.mcp_server.test_tools import ROLES

LAKEHOUSE = str(Path(sys.executable).with_name("lakehouse"))
VECTOR = [1.0, 0, 0, 0, 0, 0, 0]


def env(world: World, token: str | None) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("LAKEHOUSE_")}
    out.update(LAKEHOUSE_DATA_DIR=str(world.lh.settings.data_dir), LAKEHOUSE_AUTH__MODE="token",
               LAKEHOUSE_QUERY__WORKERS="1", HF_HUB_OFFLINE="1")
    if token is not None:
        out["LAKEHOUSE_TOKEN"] = token
    return out


async def session(client: Client) -> dict[str, Any]:
    async with client:
        tools = sorted(t.name for t in (await client.list_tools()).tools)
        listed = (await client.call_tool("list_datasets", {})).structured_content or {}
        names = [d["name"] for d in listed["datasets"]]
        described = {n: (await client.call_tool("describe_dataset", {"name": n})).structured_content for n in names}
        counts = {n: (await client.call_tool("sql", {"query": f"SELECT count(*) FROM {n}"})).structured_content
                  for n in names}  # noqa: S608 - names from the listing
        indexes = (await client.call_tool("list_indexes", {})).structured_content or {}
        first = indexes["indexes"][0]["index"]
        hits = (await client.call_tool("vector_search", {"index": first, "vector": VECTOR, "k": 2}))
        try:
            await client.call_tool("sql", {"query": "DROP TABLE people"})
            refused: Any = None
        except MCPError as exc:
            refused = exc.data
        return {"tools": tools, "names": names, "described": described, "counts": counts,
                "indexes": [i["index"] for i in indexes["indexes"]], "hits": hits.structured_content,
                "refused": refused}


def check(world: World, role: str, out: dict[str, Any]) -> None:
    readable, index = ROLES[role]
    assert out["tools"] == ["describe_dataset", "get_document", "list_datasets", "list_indexes", "sql",
                            "vector_search"]
    assert out["names"] == readable and index in out["indexes"]
    for name in readable:
        assert out["counts"][name]["rows"] == [[out["described"][name]["rows"]]]
    assert len(out["hits"]["hits"]) == 2 and out["hits"]["provenance"]["index"] == out["indexes"][0]
    assert out["refused"]["code"] == "query_refused"
    if "people_safe" in readable:
        redactions = {c["name"]: c["redaction"] for c in out["described"]["people_safe"]["columns"]}
        assert redactions["email"] == "mask" and redactions["ssn"] == "hash"
    answer = out["counts"][readable[0]]["provenance"]["answer_id"]
    audited = world.lh.audit_events(request=answer, limit=10)
    assert {(r["action"], r["via"], r["tool"], r["actor"]) for r in audited} >= {
        ("mcp.sql", "mcp", "sql", f"{role}-bot"), ("query.sql", "mcp", "sql", f"{role}-bot")}


@pytest.mark.timeout(180)
@pytest.mark.parametrize("role", ["agent", "reader"])
def test_stdio_subprocess(world: World, role: str) -> None:
    params = StdioServerParameters(command=LAKEHOUSE, args=["mcp"], env=env(world, world.tokens[role]))
    check(world, role, anyio.run(session, Client(params)))


def test_stdio_refuses_to_start_without_a_token(world: World) -> None:
    for token in (None, "lh_revoked-or-unknown"):
        done = subprocess.run([LAKEHOUSE, "mcp"], env=env(world, token), input="", capture_output=True, text=True,
                              timeout=60)
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert "token" in done.stderr.lower() and done.stdout == ""  # nothing on the protocol channel


@pytest.mark.timeout(120)
def test_http_session_in_the_live_server(world: World) -> None:
    with serving(world.lh) as url:
        for role in sorted(ROLES):
            auth = httpx2.AsyncClient(headers={"Authorization": f"Bearer {world.tokens[role]}"})
            check(world, role, anyio.run(session, Client(streamable_http_client(f"{url}/mcp", http_client=auth))))
        for headers in ({}, {"Authorization": "Bearer lh_wrong"}, {"Authorization": "Basic abc"}):
            r = httpx.post(f"{url}/mcp", headers=headers,
                           json={"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                                 "params": {"name": "sql", "arguments": {"query": "SELECT 1"}}})
            assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized", r.text
            assert r.headers["www-authenticate"].startswith("Bearer")
        http_rows = world.lh.audit_events(action="http.post", limit=20)
        assert any(r["objects"] == ["/mcp"] and r["via"] == "mcp" and r["actor"] == "agent-bot" for r in http_rows)
        assert any(r["objects"] == ["/mcp"] and r["status"] == 401 and r["actor"] == "anonymous" for r in http_rows)


def test_http_endpoint_without_the_lifespan_answers_503(world: World) -> None:
    from fastapi.testclient import TestClient

    from lakehouse.api.app import create_app

    client = TestClient(create_app(world.lh), raise_server_exceptions=False)  # not entered: no lifespan
    r = client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
                    headers={"Authorization": f"Bearer {world.tokens['agent']}"})
    assert r.status_code == 503 and r.json()["error"]["code"] == "unavailable"


def test_http_endpoint_can_be_turned_off(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from lakehouse.api.app import create_app
    from tests.mcp_server.conftest import build

    w = build(tmp_path / "data", mcp={"http_enabled": False})
    try:
        with TestClient(create_app(w.lh), raise_server_exceptions=False) as client:
            r = client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
                            headers={"Authorization": f"Bearer {w.tokens['agent']}"})
            assert r.status_code == 404 and r.json()["error"]["code"]
    finally:
        w.lh.close()


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                         "clientInfo": {"name": "t", "version": "1"}}}


def test_host_check_guards_local_mode_only(world: World, tmp_path: Path) -> None:
    """Local mode (loopback, no token) refuses a foreign Host header (DNS rebinding); token mode serves any
    address it is bound to, every request authenticated."""
    from tests.mcp_server.conftest import build

    headers = {"Accept": "application/json, text/event-stream", "Host": "lakehouse.example.com"}
    with serving(world.lh) as url:
        r = httpx.post(f"{url}/mcp", json=INITIALIZE,
                       headers={**headers, "Authorization": f"Bearer {world.tokens['agent']}"})
        assert r.status_code == 200, r.text
    local = build(tmp_path / "local", auth={"mode": "local"})
    try:
        with serving(local.lh) as url:
            assert httpx.post(f"{url}/mcp", json=INITIALIZE, headers=headers).status_code == 421
            assert httpx.post(f"{url}/mcp", json=INITIALIZE,
                              headers={"Accept": headers["Accept"]}).status_code == 200
    finally:
        local.lh.close()
