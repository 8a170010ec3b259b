"""What governance promises agents, checked through the sql/search tools: an agent bound to a masked view never
gets a clear value (random SQL against the view, compared with masked contents computed here from the raw data),
and a tombstoned key never appears in SQL, search or documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mcp.shared.exceptions import MCPError

from tests.mcp_server.conftest import ROWS, World, call, email, error, mask, payload, ssn, state, text

VISIBLE = [i for i in range(1, ROWS + 1) if state(i) != "TX"]
CLEAR = [email(i) for i in range(1, ROWS + 1)] + [ssn(i) for i in range(1, ROWS + 1)]

column = st.sampled_from(["id", "email", "ssn", "state", "bio"])
expression = st.one_of(
    column,
    column.map(lambda c: f"upper({c})"), column.map(lambda c: f"lower({c})"), column.map(lambda c: f"reverse({c})"),
    column.map(lambda c: f"concat({c}, '')"), column.map(lambda c: f"substr({c}, 1, 40)"),
    column.map(lambda c: f"CAST({c} AS VARCHAR)"), column.map(lambda c: f"length({c})"),
)
aggregate = st.sampled_from(["min(email)", "max(email)", "string_agg(email, ',')", "string_agg(ssn, ';')",
                             "count(DISTINCT email)", "max(reverse(ssn))", "array_agg(email)"])
predicate = st.one_of(
    st.just(""), st.sampled_from(["WHERE email LIKE 'pe%'", "WHERE state = 'TX'", "WHERE ssn LIKE '1%'",
                                  "WHERE email = 'person01.secret7@example1.org'", "WHERE id > 10",
                                  "WHERE email LIKE '%secret1%'", "WHERE state <> 'CA' OR id = 3"]),
)


@st.composite
def queries(draw: st.DrawFn) -> str:
    where = draw(predicate)
    if draw(st.booleans()):
        return f"SELECT {draw(aggregate)} AS a FROM people_safe {where}"  # noqa: S608 - test SQL
    picked = draw(st.lists(expression, min_size=1, max_size=4))
    select = ", ".join(f"{e} AS c{i}" for i, e in enumerate(picked))
    order = draw(st.sampled_from(["", "ORDER BY 1", "ORDER BY 1 DESC"]))
    return f"SELECT {select} FROM people_safe {where} {order} LIMIT 8"  # noqa: S608 - test SQL


def leaks(body: str) -> list[str]:
    low = body.lower()
    return [v for v in CLEAR if v.lower() in low or v[::-1].lower() in low]


@settings(max_examples=40, deadline=None)
@given(query=queries())
def test_an_agent_never_gets_a_clear_value(world: World, query: str) -> None:
    try:
        result = call(world.server("agent"), "sql", {"query": query})
    except MCPError as exc:  # e.g. upper() of a number: the engine's message must not leak either
        body = f"{exc.message} {exc.data}"
    else:
        body = text(result) + str(result.structured_content)
    assert not leaks(body), (query, leaks(body))


def test_the_view_returns_exactly_its_masked_contents(world: World) -> None:
    rows = payload(call(world.server("agent"), "sql", {"query": "SELECT id, email, state FROM people_safe "
                                                                  "ORDER BY id", "max_rows": 8}))["rows"]
    expected = [[i, mask(email(i)), state(i)] for i in VISIBLE[:8]]  # computed here, not by the engine
    assert rows == expected


def test_tombstoned_key_never_appears(fresh: World) -> None:
    lh, victim = fresh.lh, 7
    assert lh.tombstone("people", "id", [victim], "erasure request")["applied"] == 1
    secret = email(victim)
    reader, agent = fresh.server("reader"), fresh.server("agent")
    for server, relation in ((reader, "people"), (agent, "people_safe")):
        result = call(server, "sql", {"query": f"SELECT * FROM {relation} WHERE id = {victim} OR id < 12 "  # noqa: S608
                                               "ORDER BY id", "max_rows": 50})
        body = text(result)
        assert victim not in [row[0] for row in payload(result)["rows"]]
        assert secret not in body
        (source,) = payload(result)["provenance"]["sources"]
        assert source["tombstones"]["erased_keys_hidden"] == 1
        assert str(victim) not in str(source["tombstones"])
    victim_vector = [float(victim % 7 == j) + 0.01 * victim for j in range(7)]
    for server, index in ((reader, "people_idx"), (agent, "safe_idx")):
        hits = payload(call(server, "vector_search", {"index": index, "vector": victim_vector, "k": 10}))
        assert victim not in [h["doc_id"] for h in hits["hits"]] and len(hits["hits"]) == 10
        assert hits["provenance"]["sources"][0]["tombstones"]["erased_keys_hidden"] == 1
        assert f"{victim}#0" not in hits["provenance"]["chunk_ids"]
        assert error(server, "get_document", {"index": index, "doc_id": victim}).data["code"] == "not_found"


def test_a_kept_answer_forgets_a_document_erased_later(fresh: World) -> None:
    from tests.mcp_server.conftest import read

    server = fresh.server("reader")
    target = [float(j == 3 % 7) + 0.03 for j in range(7)]
    hits = payload(call(server, "vector_search", {"index": "people_idx", "vector": target, "k": 3}))
    first = hits["hits"][0]["doc_id"]
    answer = hits["provenance"]["answer_id"]
    assert f"{first}#0" in read(server, f"lakehouse://answers/{answer}")["provenance"]["chunk_ids"]
    fresh.lh.tombstone("people", "id", [first], "erasure request")
    kept = read(server, f"lakehouse://answers/{answer}")["provenance"]["chunk_ids"]
    assert f"{first}#0" not in kept and kept.count("erased") == 1 and len(kept) == 3


@pytest.mark.postgres
def test_on_a_postgresql_catalog(tmp_path: Path) -> None:
    """Provenance, kept answers and erased-key counts on the PostgreSQL catalog too (the migration, the JSON
    column, the grouped count)."""
    from tests.mcp_server.conftest import build, read
    from tests.services import postgres_database

    for url in postgres_database():
        w = build(tmp_path / "data", catalog={"url": url})
        try:
            w.lh.tombstone("people", "id", [3], "erasure request")
            result = payload(call(w.server("agent"), "sql", {"query": "SELECT id FROM people_safe ORDER BY id"}))
            assert 3 not in [r[0] for r in result["rows"]]
            assert result["provenance"]["sources"][0]["tombstones"]["erased_keys_hidden"] == 1
            kept = read(w.server("agent"), f"lakehouse://answers/{result['provenance']['answer_id']}")
            assert kept["provenance"] == result["provenance"]
            rows = w.lh.audit_events(request=result["provenance"]["answer_id"], limit=5)
            assert {r["via"] for r in rows} == {"mcp"}
            target = [float(j == 5 % 7) + 0.03 for j in range(7)]
            hits = payload(call(w.server("reader"), "vector_search", {"index": "people_idx", "vector": target,
                                                                     "k": 3}))
            first = hits["hits"][0]["doc_id"]
            w.lh.tombstone("people", "id", [first], "erasure request")
            assert w.lh.purge("people").status == "succeeded"  # the answers table is rewritten (VACUUM FULL)
            kept = read(w.server("reader"), f"lakehouse://answers/{hits['provenance']['answer_id']}")
            assert f"{first}#0" not in kept["provenance"]["chunk_ids"]
            assert "erased" in kept["provenance"]["chunk_ids"]
        finally:
            w.lh.close()


def test_a_purge_scrubs_the_erased_key_from_kept_answers(fresh: World) -> None:
    """Read-time hiding is not erasure: after the purge the answers table itself no longer holds the key."""
    from sqlalchemy import select

    from lakehouse.catalog.models_governance import AnswerRow
    from tests.mcp_server.conftest import read

    server = fresh.server("reader")
    target = [float(j == 3 % 7) + 0.03 for j in range(7)]
    hits = payload(call(server, "vector_search", {"index": "people_idx", "vector": target, "k": 3}))
    first, answer = hits["hits"][0]["doc_id"], hits["provenance"]["answer_id"]
    fresh.lh.tombstone("people", "id", [first], "erasure request")
    with fresh.lh.catalog.sessions() as session:  # hidden at read time, still kept until the purge
        assert f"{first}#0" in session.get(AnswerRow, answer).provenance["chunk_ids"]
    job = fresh.lh.purge("people")
    assert job.status == "succeeded", job.error
    with fresh.lh.catalog.sessions() as session:
        kept = [row.provenance for row in session.scalars(select(AnswerRow))]
    assert all(f"{first}#0" not in p.get("chunk_ids", []) for p in kept)
    assert read(server, f"lakehouse://answers/{answer}")["provenance"]["chunk_ids"].count("erased") == 1
