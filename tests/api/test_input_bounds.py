"""Input alone never answers 500: deep or long SQL and JSON are refused with the setting to change, and the
keep-alive connection that carried them keeps serving (issue 12, defect 2; issue 11, section 2)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pyarrow as pa
import pytest
from fastapi.testclient import TestClient

from lakehouse.api.app import create_app
from lakehouse.app import Lakehouse
from tests.api.conftest import assert_error
from tests.live_server import serving

DEEP_SQL = "SELECT " + "(" * 5000 + "1" + ")" * 5000
DEEP_JSON = b'{"sql": "SELECT 1", "params": {"a": ' + b"[" * 5000 + b"]" * 5000 + b"}}"
JSON = {"content-type": "application/json"}


@pytest.fixture
def people(lakehouse) -> Lakehouse:  # type: ignore[no-untyped-def]
    lakehouse.write_table("people", pa.table({"id": [1, 2, 3], "state": ["TX", "CA", "TX"],
                                              "emb": [[1.0, 0.0], [0.0, 1.0], [0.7, 0.7]]}))
    return lakehouse  # type: ignore[no-any-return]


def test_deep_sql_is_400_with_the_setting_to_change(client, people) -> None:  # type: ignore[no-untyped-def]
    error = assert_error(client.post("/query/sql", json={"sql": DEEP_SQL}), 400, "query_too_complex")
    assert "5,000 levels" in error["message"] and "query.max_nesting_depth" in error["hint"]
    error = assert_error(client.post("/query/sql", json={"sql": "SELECT " + "NOT " * 5000 + "true"}), 400)
    assert "query.max_nesting_depth" in error["message"]
    chain = "SELECT id FROM people WHERE " + " OR ".join(f"id = {i}" for i in range(10_000))
    error = assert_error(client.post("/query/sql", json={"sql": chain}), 400, "query_too_complex")
    assert "query.max_chained_operators" in error["message"] and "IN (" in error["hint"]
    # the deepest statement the limit allows still runs, and answers
    ok = client.post("/query/sql", json={"sql": "SELECT " + "(" * 32 + "1" + ")" * 32 + " AS one"})
    assert ok.status_code == 200 and ok.json()["rows"] == [[1]]


def test_sql_length_and_depth_follow_the_settings(make_settings) -> None:  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(query={"workers": 1, "max_sql_length": 50, "max_nesting_depth": 3}))
    try:
        with TestClient(create_app(lh)) as small:
            error = assert_error(small.post("/query/sql", json={"sql": "SELECT 1 AS " + "x" * 60}), 400)
            assert "query.max_sql_length" in error["message"]
            assert_error(small.post("/query/sql", json={"sql": "SELECT ((((1))))"}), 400, "query_too_complex")
            assert small.post("/query/sql", json={"sql": "SELECT (((1)))"}).json()["rows"] == [[1]]
    finally:
        lh.close()


def test_json_bodies_say_where_they_break_and_how_deep_is_too_deep(client) -> None:  # type: ignore[no-untyped-def]
    error = assert_error(client.post("/query/sql", content=b'{"sql": "SELECT 1" "x"}', headers=JSON), 422,
                         "invalid_json")
    assert "line 1, column 20" in error["message"] and "delimiter" in error["message"] and error["hint"]
    error = assert_error(client.post("/query/sql", content=DEEP_JSON, headers=JSON), 422, "invalid_json")
    assert "server.max_json_depth" in error["message"]
    error = assert_error(client.post("/auth/tokens", content=b'{"name": "\xff\xfe"}', headers=JSON), 422)
    assert "UTF-8" in error["message"]
    # within the depth limit, big integers and NaN (which orjson alone refuses) reach the route's validation
    assert client.post("/query/sql", content=b'{"sql": "SELECT $n AS n", "params": {"n": 12}}',
                       headers=JSON).json()["rows"] == [[12]]
    assert_error(client.post("/query/sql", content=b'{"sql": "SELECT 1", "max_rows": 1e999}', headers=JSON), 422,
                 "invalid_request")


def test_a_search_filter_says_what_is_not_allowed_without_library_names(client, people) -> None:  # type: ignore[no-untyped-def]
    job = people.create_vector_index({"index_name": "vec", "dataset": "people", "id_column": "id",
                                      "vector_column": "emb"})
    assert job.status == "succeeded", job

    def search(predicate: str):  # type: ignore[no-untyped-def]
        return client.post("/vectors/search/vec", json={"vector": [1.0, 0.0], "k": 2, "filter": predicate})

    hits = search("state = 'TX'").json()["hits"]
    assert sorted(h["doc_id"] for h in hits) == [1, 3]
    for predicate, says in [("state = ", "'=' is missing an operand at line 1, column 7"),
                            ("state = 'TX'; DROP TABLE people", "unexpected 'DROP'"),
                            ("count(*) > 1", "function 'count'"),
                            ("id IN (SELECT id FROM people)", "a subquery"),
                            ("p.state = 'TX'", "'p.state' names a table"),
                            ("(" * 3000 + "id = 1" + ")" * 3000, "query.max_nesting_depth")]:
        error = assert_error(search(predicate), 422, "invalid_input")
        assert says in error["message"], (predicate[:40], error)
        assert "<class" not in error["message"] and "sqlglot" not in error["message"]


def test_a_deep_view_row_filter_is_422(client, people) -> None:  # type: ignore[no-untyped-def]
    deep = "(" * 1900 + "id = 1" + ")" * 1900
    view = {"name": "deep", "base_dataset": "people", "columns": ["id"], "row_filter": deep}
    error = assert_error(client.post("/catalog/views", json=view), 422, "invalid_input")
    assert "1,900 levels" in error["message"]
    view["row_filter"] = "sum(id) > 1"
    assert "function 'sum'" in assert_error(client.post("/catalog/views", json=view), 422)["message"]


def test_a_deep_database_ingest_query_is_422(client) -> None:  # type: ignore[no-untyped-def]
    body = {"dsn": "postgresql://postgres@127.0.0.1:5432/postgres", "dataset": "x", "query": DEEP_SQL}
    error = assert_error(client.post("/ingest/db?wait=true", json=body), 422, "invalid_input")
    assert "5,000 levels" in error["message"]


def test_a_deeply_nested_json_lines_file_is_422(client) -> None:  # type: ignore[no-untyped-def]
    deep = b'{"a": 1}\n{"a": ' + b"[" * 5000 + b"]" * 5000 + b"}\n"
    response = client.post("/ingest/file?wait=true", files={"file": ("deep.jsonl", deep)}, data={"dataset": "deep"})
    assert "nests too deeply" in assert_error(response, 422, "malformed_file")["message"]
    nested = b'{"a": ' + b"[" * 5000 + b"]" * 5000 + b"}\n"
    response = client.post("/ingest/file?wait=true", files={"file": ("nested.jsonl", nested)}, data={"dataset": "n"})
    assert "more than 32 levels" in assert_error(response, 422, "malformed_file")["message"]


@pytest.fixture
def live(people) -> Iterator[str]:  # type: ignore[no-untyped-def]
    app = create_app(people)

    @app.get("/test-only/bug", include_in_schema=False)
    def bug() -> None:
        raise RuntimeError("a bug, not the caller's input")

    with serving(people, app) as url:
        yield url


def test_the_keep_alive_connection_survives_refused_input_and_bugs(live) -> None:  # type: ignore[no-untyped-def]
    """Over real uvicorn: one connection (max_connections=1) carries each bad request and the next one."""
    transport = httpx.HTTPTransport(limits=httpx.Limits(max_connections=1, max_keepalive_connections=1))
    with httpx.Client(base_url=live, transport=transport, timeout=60) as http:
        for bad, status in [
            (lambda: http.post("/query/sql", json={"sql": DEEP_SQL}), 400),
            (lambda: http.post("/query/sql", content=DEEP_JSON, headers=JSON), 422),
            (lambda: http.post("/vectors/search/none", json={"vector": [1.0], "filter": "(" * 3000 + ")" * 3000}),
             404),
            (lambda: http.get("/test-only/bug"), 500),
        ]:
            response = bad()
            assert response.status_code == status, response.text
            assert set(response.json()) == {"error"}
            follow = http.post("/query/sql", json={"sql": "SELECT count(*) AS n FROM people"})
            assert follow.status_code == 200 and follow.json()["rows"] == [[3]]
            assert response.headers.get("connection") != "close"


def test_a_token_lifetime_beyond_any_date_is_422_not_500(client, lakehouse) -> None:  # type: ignore[no-untyped-def]
    """Found by the schemathesis run: 5.5e16 days overflowed timedelta (a 500)."""
    from lakehouse.errors import InvalidInput

    body = {"name": "later", "role": "reader", "expires_in_days": 5.5e16}
    assert_error(client.post("/auth/tokens", json=body), 422)
    with pytest.raises(InvalidInput, match="at most 36,500"):
        lakehouse.create_token("later", "reader", expires_in_days=5.5e16)
    assert client.post("/auth/tokens", json={**body, "expires_in_days": 30}).status_code == 201
