"""The query worker reuses one DataFusion session between capped queries (query/session.py): what one query
registered is never visible to the next, even after a failure, and a setting a query changed is set back."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakehouse.errors import LakehouseError, QueryError
from lakehouse.query import TableRegistration, ViewRegistration
from lakehouse.query.engine import Engine, _context_with
from lakehouse.query.session import ReusedSession
from lakehouse.query.sources import Source
from lakehouse.query.tuning import PUSHDOWN
from tests.query.conftest import spec


def _not_found(engine: Engine, sql: str) -> str:
    with pytest.raises(QueryError) as caught:
        engine.run(spec(sql))
    return caught.value.message


def test_what_one_query_registered_is_gone_for_the_next(people: TableRegistration) -> None:
    engine = Engine()
    view = ViewRegistration("first_two", "SELECT * FROM people WHERE id <= 2")
    assert engine.run(spec("SELECT count(*) AS n FROM first_two", people, views=(view,))).table.to_pylist() == [
        {"n": 2}]
    assert "people" in _not_found(engine, "SELECT * FROM people")
    assert "first_two" in _not_found(engine, "SELECT * FROM first_two")
    # the same session serves the next query with its own tables
    assert engine.run(spec("SELECT count(*) AS n FROM people", people)).table.to_pylist() == [{"n": 5}]


def test_a_failed_query_leaves_nothing_registered(people: TableRegistration) -> None:
    engine = Engine()
    with pytest.raises(QueryError):
        engine.run(spec("SELECT no_such_column FROM people", people))
    assert "people" in _not_found(engine, "SELECT * FROM people")


def test_a_top_k_over_rows_gets_the_same_rows_and_leaves_the_next_query_unchanged(
        people: TableRegistration) -> None:
    engine = Engine()
    top = engine.run(spec("SELECT id, name FROM people ORDER BY id DESC LIMIT 2", people))
    assert top.table.to_pylist() == [{"id": 5, "name": "eve"}, {"id": 4, "name": "dee"}]
    rest = engine.run(spec("SELECT name FROM people WHERE id > 3 ORDER BY name", people, max_rows=10))
    assert rest.table.column("name").to_pylist() == ["dee", "eve"]


def test_a_changed_setting_is_set_back_on_release(tmp_path: Path) -> None:
    pq.write_table(pa.table({"a": list(range(100))}), tmp_path / "t.parquet")
    session = ReusedSession(_context_with)

    def filter_runs_after_the_scan() -> bool:
        ctx = session.acquire((2, 256))
        ctx.register_parquet("t", str(tmp_path / "t.parquet"))
        plan = ctx.sql("SELECT a FROM t WHERE a > 5").execution_plan().display_indent()
        return "FilterExec" in plan  # with Parquet filter pushdown the scan applies it instead

    assert filter_runs_after_the_scan()
    ctx = session.acquire((2, 256))
    ctx.sql(f"SET {PUSHDOWN} = true")
    session.changed()
    session.release()
    assert filter_runs_after_the_scan()
    session.release()
    assert session.acquire((2, 256)).catalog().schema().names() == set()


def test_other_bounds_get_another_session() -> None:
    session = ReusedSession(_context_with)
    first = session.acquire((2, 256))
    assert session.acquire((2, 256)) is first
    assert session.acquire((1, 256)) is not first


@pytest.mark.parametrize("function", ["metadata_cache()", "statistics_cache()", "list_files_cache()"])
def test_what_the_session_remembers_of_earlier_queries_cannot_be_listed(people: TableRegistration,
                                                                      function: str) -> None:
    engine = Engine()
    engine.run(spec("SELECT count(*) FROM people", people))
    with pytest.raises(LakehouseError) as caught:
        engine.run(spec(f"SELECT * FROM {function}"))  # noqa: S608 - a fixed name
    assert "people" not in caught.value.message


def test_a_kept_scan_serves_only_the_version_whose_files_it_reads(people: TableRegistration) -> None:
    engine = Engine()
    count = "SELECT count(*) AS n FROM people"
    assert engine.run(spec(count, people)).table.to_pylist() == [{"n": 5}]
    older = TableRegistration("people", people.uri, {}, 0)
    assert engine.run(spec(count, older)).table.to_pylist() == [{"n": 3}]
    # each version's scan is kept; the same files registered under another name read the same rows
    assert engine.run(spec(count, people)).table.to_pylist() == [{"n": 5}]
    renamed = TableRegistration("staff", people.uri, {}, 1)
    assert engine.run(spec("SELECT count(*) AS n FROM staff", renamed)).table.to_pylist() == [{"n": 5}]
    assert "people" in _not_found(engine, "SELECT * FROM people")


def test_a_new_session_keeps_no_scan_of_the_old_one(tmp_path: Path) -> None:
    pq.write_table(pa.table({"a": [1, 2]}), tmp_path / "t.parquet")
    source = Source(None, "files", pa.schema([("a", pa.int64())]), (str(tmp_path / "t.parquet"),), {})  # type: ignore[arg-type]
    session = ReusedSession(_context_with)
    session.acquire((2, 256))
    first = session.scan(source)
    assert session.scan(source) is first
    session.acquire((1, 256))  # other bounds: a new session, whose plans are its own
    assert session.scan(source) is not first
