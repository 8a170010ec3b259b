"""SQL text is measured before anything parses it: what it measures, and that the limits keep the parser safe."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlglot
from hypothesis import given
from hypothesis import strategies as st

from lakehouse.errors import QueryTooComplex
from lakehouse.query.guard import check_bounds, check_statement
from lakehouse.sql_bounds import SqlLimits, _measure, _remembered, find_excess

LIMITS = SqlLimits()
NESTINGS = {  # one nesting level each, as the scanner counts them
    "parentheses": ("SELECT ", "(", "1", ")"),
    "function calls": ("SELECT ", "abs(", "1", ")"),
    "scalar subqueries": ("SELECT ", "(SELECT ", "1", ")"),
    "IN subqueries": ("SELECT 1 FROM t WHERE x IN ", "(SELECT x FROM t WHERE x IN ", "(1)", ")"),
    "CASE": ("SELECT ", "CASE WHEN true THEN ", "1", " END"),
    "casts": ("SELECT ", "CAST(", "1", " AS INT)"),
    "NOT (": ("SELECT ", "NOT (", "true", ")"),
    "ARRAY[": ("SELECT ", "ARRAY[", "1", "]"),
    "EXISTS": ("SELECT 1 WHERE ", "EXISTS (SELECT 1 WHERE ", "true", ")"),
}


def nested(kind: str, levels: int) -> str:
    head, open_, inner, close = NESTINGS[kind]
    return head + open_ * levels + inner + close * levels


def deepest_accepted(kind: str) -> str:
    levels = 1
    while find_excess(nested(kind, levels + 1), LIMITS) is None:
        levels += 1
    return nested(kind, levels)


@pytest.mark.parametrize("kind", sorted(NESTINGS))
def test_the_deepest_accepted_statement_parses_in_a_server_thread(kind: str) -> None:
    """The bound is what keeps sqlglot (recursive descent, ~25 frames a level) below Python's recursion
    limit: the deepest statement it lets through parses in a thread already 60 frames deep."""
    sql = deepest_accepted(kind)

    def parse(frames: int = 60) -> object:
        return parse(frames - 1) if frames else [tree.sql() for tree in sqlglot.parse(sql, read="postgres")]

    with ThreadPoolExecutor(1) as pool:
        pool.submit(parse).result()
    assert find_excess(nested(kind, 200), LIMITS) is not None


def test_what_is_measured() -> None:
    assert _measure("SELECT a FROM t WHERE a = 1 AND b = 2") == (0, 1)
    assert _measure("SELECT " + "(" * 5 + "1" + ")" * 5) == (5, 0)
    assert _measure("SELECT NOT NOT NOT true")[0] == 3
    assert _measure("SELECT x FROM t WHERE " + " OR ".join(f"x = {i}" for i in range(50)))[1] == 49
    assert _measure(" UNION ALL ".join(["SELECT 1, 2"] * 30))[1] == 29  # commas do not end a UNION chain
    assert _measure("SELECT ARRAY[ARRAY[1]]")[0] == 8  # a bracket after a type name counts 4: sqlglot backtracks
    # quoted text and comments are not SQL
    assert _measure("SELECT '" + "(" * 500 + "' AS x -- " + "(" * 500)[0] == 0
    assert _measure('SELECT 1 AS "' + "(" * 500 + '"')[0] == 0


def test_each_limit_names_its_number() -> None:
    limits = SqlLimits(max_length=100, max_depth=4, max_chain=10)
    assert find_excess("SELECT 1", limits) is None
    length = find_excess("SELECT " + "1" * 200, limits)
    depth = find_excess("SELECT ((((((1))))))", limits)
    chain = find_excess("SELECT " + "+".join(["1"] * 20), limits)
    assert length is not None and (length.limit, length.found) == ("max_length", 207)
    assert depth is not None and (depth.limit, depth.found, depth.allowed) == ("max_depth", 6, 4)
    assert chain is not None and (chain.limit, chain.found) == ("max_chain", 19)
    assert "19 operators" in chain.describe() and "limit is 10" in chain.describe()


def test_a_long_flat_in_list_is_fine() -> None:
    sql = "SELECT * FROM t WHERE n IN (" + ",".join(str(i) for i in range(100_000)) + ")"
    assert find_excess(sql, LIMITS) is None


SQLISH = st.lists(st.sampled_from(["(", ")", "[", "]", "CASE", "END", "NOT", "-", "+", "AND", "OR", "1", "a", ",",
                                   "'('", "UNION", "SELECT", "ARRAY", "INT", "--x\n"]), max_size=80).map(" ".join)


@given(SQLISH, st.integers(1, 12), st.integers(1, 12))
def test_the_quick_count_never_lets_through_what_the_scanner_refuses(sql: str, depth: int, chain: int) -> None:
    limits = SqlLimits(max_length=10_000, max_depth=depth, max_chain=chain)
    measured_depth, measured_chain = _measure(sql)
    refused = measured_depth > depth or measured_chain > chain
    assert (find_excess(sql, limits) is not None) == refused


def test_the_guard_refuses_with_the_setting_to_change() -> None:
    with pytest.raises(QueryTooComplex) as caught:
        check_bounds("SELECT " + "(" * 5000 + "1" + ")" * 5000, LIMITS)
    assert caught.value.http_status == 400
    assert "5,000 levels" in caught.value.message and "query.max_nesting_depth" in caught.value.message
    assert "query.max_nesting_depth" in (caught.value.hint or "")


def test_the_statement_check_turns_a_parser_recursion_into_a_400() -> None:
    """The backstop for paths that skip check_bounds: a RecursionError in the parser is the caller's 400."""
    with pytest.raises(QueryTooComplex):
        check_statement("SELECT " + "(" * 5000 + "1" + ")" * 5000)


def test_a_repeated_statement_is_measured_once_and_refused_every_time() -> None:
    deep = "SELECT " + "(" * 40 + "1" + ")" * 40
    limits = SqlLimits(max_depth=32)
    for _ in range(2):
        excess = find_excess(deep, limits)
        assert excess is not None and excess.limit == "max_depth"
    assert _remembered.cache_info().hits >= 1
    assert find_excess(deep, SqlLimits(max_depth=64)) is None  # the limits are applied afresh
