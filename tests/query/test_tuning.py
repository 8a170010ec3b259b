"""Per-query settings: which plans get row-level pushdown, what a key set lets hash joins do, and that
neither changes a result."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest
from datafusion import SessionContext
from deltalake import write_deltalake

from lakehouse.query import QueryExecutor, QuerySpec, TableRegistration, ViewRegistration
from lakehouse.query.sources import load
from lakehouse.query.tuning import MAX_DIRECT_SLOTS, KeySet, KeyStats, is_topk_over_rows, key_set_settings

DIRECT = "datafusion.execution.perfect_hash_join_small_build_threshold"
COLLECT_ROWS = "datafusion.optimizer.hash_join_single_partition_threshold_rows"


@pytest.mark.parametrize(("sql", "topk"), [
    ("SELECT a, b FROM v ORDER BY a DESC LIMIT 3", True),
    ("SELECT b FROM v ORDER BY a", True),  # the result cap makes every ORDER BY a top-k
    ("SELECT v.b FROM v JOIN t ON v.a = t.a WHERE t.a > 1 ORDER BY v.a LIMIT 2", True),
    ("SELECT a FROM v", False),
    ("SELECT b, count(*) AS n FROM v GROUP BY b ORDER BY n DESC LIMIT 1", False),
    ("SELECT DISTINCT a FROM v ORDER BY a", False),
    ("SELECT a, row_number() OVER (ORDER BY a) FROM v", False),
    ("SELECT * FROM (SELECT a FROM v ORDER BY a LIMIT 2) x JOIN t ON x.a = t.a", False),
])
def test_topk_over_rows(sql: str, topk: bool) -> None:
    ctx = SessionContext()
    ctx.register_record_batches("t", [[pa.record_batch({"a": [1, 2, 3], "b": ["x", "y", "z"]})]])
    ctx.register_view("v", ctx.sql("SELECT a, upper(b) AS b FROM t WHERE a > 0"))
    assert is_topk_over_rows(ctx.sql(sql).limit(11).logical_plan()) is topk


def test_key_set_settings() -> None:
    assert key_set_settings([]) == {}
    small = key_set_settings([KeyStats(100_000, 0, 4_999_950)])
    assert small[DIRECT] == "4999952"
    assert small[COLLECT_ROWS] == "131072"
    wide = key_set_settings([KeyStats(10, 0, MAX_DIRECT_SLOTS * 4)])
    assert DIRECT not in wide
    strings = key_set_settings([KeyStats(500_000, None, None)])
    assert DIRECT not in strings and strings[COLLECT_ROWS] == "500001"


def test_key_stats_come_from_the_delta_log(tmp_path: Path) -> None:
    write_deltalake(str(tmp_path / "ints"), pa.table({"k": pa.array([7, 3, 12], pa.int64())}))
    write_deltalake(str(tmp_path / "ints"), pa.table({"k": pa.array([40], pa.int64())}), mode="append")
    write_deltalake(str(tmp_path / "strs"), pa.table({"k": ["a", "b"]}))
    write_deltalake(str(tmp_path / "two"), pa.table({"k": [1], "v": [2]}))
    assert load(TableRegistration("i", str(tmp_path / "ints"))).key_stats == KeyStats(4, 3, 40)
    assert load(TableRegistration("s", str(tmp_path / "strs"))).key_stats == KeyStats(2, None, None)
    assert load(TableRegistration("t", str(tmp_path / "two"))).key_stats is None


def test_anti_join_and_topk_results_do_not_change(executor: QueryExecutor, tmp_path: Path) -> None:
    n = 20_000
    rows = pa.table({"id": pa.array(range(n), pa.int64()), "amount": pa.array([(i * 7919) % n for i in range(n)],
                                                                               pa.int64()),
                     "email": [f"user{i}@example.org" for i in range(n)]})
    keys = list(range(0, n, 7))
    write_deltalake(str(tmp_path / "t"), rows)
    write_deltalake(str(tmp_path / "k"), pa.table({"k": pa.array(keys, pa.int64())}))
    tables = (TableRegistration("raw", str(tmp_path / "t"), version=0),
              KeySet("keys", str(tmp_path / "k"), version=0))
    views = (ViewRegistration("clean", 'SELECT t.* FROM raw t LEFT ANTI JOIN keys k ON t.id = k.k'),
             ViewRegistration("masked", "SELECT id, concat(left(email, 2), '***') AS email, amount FROM clean"))
    kept = [r for r in rows.to_pylist() if r["id"] % 7]

    def run(sql: str) -> list[dict[str, object]]:
        return executor.run(QuerySpec(sql=sql, tables=tables, views=views, max_rows=1000)).table.to_pylist()

    assert run("SELECT count(*) AS n, sum(id) AS s FROM clean") == [
        {"n": len(kept), "s": sum(r["id"] for r in kept)}]
    best = sorted(kept, key=lambda r: (-r["amount"], r["id"]))[:5]
    assert run("SELECT id, email, amount FROM masked ORDER BY amount DESC, id LIMIT 5") == [
        {"id": r["id"], "email": r["email"][:2] + "***", "amount": r["amount"]} for r in best]
    assert run("SELECT email FROM masked ORDER BY email DESC LIMIT 2") == [{"email": "us***"}] * 2
