from __future__ import annotations

import datetime as dt
import os
import signal
import threading
import time
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest
from deltalake import write_deltalake

from lakehouse.config import QuerySettings
from lakehouse.errors import QueryError, QueryTimeout
from lakehouse.query import QueryExecutor, TableRegistration
from lakehouse.query.sources import MAX_UNION_FILES, load
from tests.query.conftest import spec

# count(*) alone is answered from statistics; the predicate forces the join to run.
RUNAWAY = "SELECT count(*) FROM numbers a, numbers b, numbers c WHERE a.n + b.n + c.n >= 0"


def test_runaway_query_times_out_while_others_are_served(numbers: TableRegistration,
                                                         people: TableRegistration) -> None:
    with QueryExecutor(QuerySettings(workers=2)) as ex:
        ex.run(spec("SELECT 1", people))
        deadline = time.monotonic() + 60
        while ex._idle.qsize() < 2 and time.monotonic() < deadline:  # both workers up before the clock starts
            time.sleep(0.05)  # (the second boots in the background: over a second on a loaded machine)
        outcome: dict[str, object] = {}

        def runaway() -> None:
            start = time.perf_counter()
            try:
                ex.run(spec(RUNAWAY, numbers, time_limit_seconds=2.0))
            except QueryTimeout as exc:
                outcome["error"] = exc
            outcome["seconds"] = time.perf_counter() - start

        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.5)
        small = ex.run(spec("SELECT count(*) AS n FROM people", people, time_limit_seconds=5))
        assert small.table.to_pylist() == [{"n": 5}]
        assert "seconds" not in outcome  # the runaway query was still running meanwhile
        thread.join(timeout=10)
        assert isinstance(outcome.get("error"), QueryTimeout)
        assert outcome["error"].http_status == 408  # type: ignore[attr-defined]
        assert 2.0 <= outcome["seconds"] < 3.0  # type: ignore[operator]
        # The killed worker is replaced: the pool keeps answering.
        for _ in range(3):
            assert ex.run(spec("SELECT count(*) AS n FROM people", people)).table.column(0)[0].as_py() == 5


def test_all_workers_busy_times_out_instead_of_hanging(numbers: TableRegistration) -> None:
    with QueryExecutor(QuerySettings(workers=1)) as ex:
        ex.run(spec("SELECT 1", numbers))
        errors: list[Exception] = []

        def runaway() -> None:
            try:
                ex.run(spec(RUNAWAY, numbers, time_limit_seconds=3))
            except QueryTimeout as exc:
                errors.append(exc)

        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.3)
        start = time.perf_counter()
        with pytest.raises(QueryTimeout, match="No query worker became free"):
            ex.run(spec("SELECT 1", numbers, time_limit_seconds=0.5))
        assert time.perf_counter() - start < 1.5
        thread.join(timeout=10)
        assert len(errors) == 1


def test_row_cap_truncates_without_materialising(executor: QueryExecutor, people: TableRegistration) -> None:
    result = executor.run(spec("SELECT * FROM people ORDER BY id", people, max_rows=2))
    assert result.truncated is True
    assert result.table.column("id").to_pylist() == [1, 2]
    exact = executor.run(spec("SELECT * FROM people", people, max_rows=5))
    assert exact.truncated is False and exact.table.num_rows == 5
    start = time.perf_counter()
    huge = executor.run(spec("SELECT value FROM generate_series(1, 5000000000)", people, max_rows=3))
    assert huge.truncated and huge.table.num_rows == 3
    assert time.perf_counter() - start < 2
    assert huge.elapsed_ms > 0


def test_empty_result_keeps_schema(executor: QueryExecutor, people: TableRegistration) -> None:
    result = executor.run(spec("SELECT id, name FROM people WHERE id < 0", people))
    assert result.table.num_rows == 0 and result.table.column_names == ["id", "name"]
    assert result.truncated is False


def test_params_are_bound_not_spliced(executor: QueryExecutor, people: TableRegistration) -> None:
    result = executor.run(spec("SELECT id FROM people WHERE name = $name", people,
                               params={"name": "bob' OR '1'='1"}))
    assert result.table.num_rows == 0
    result = executor.run(spec("SELECT id FROM people WHERE name = $name AND id >= $min", people,
                               params={"name": "bob", "$min": 1}))
    assert result.table.to_pylist() == [{"id": 2}]
    typed = executor.run(spec("SELECT $d AS d, $x AS x, $f AS f", people,
                              params={"d": dt.date(2024, 2, 29), "x": Decimal("1.25"), "f": True}))
    assert typed.table.to_pylist() == [{"d": dt.date(2024, 2, 29), "x": Decimal("1.25"), "f": True}]


def test_missing_param_is_a_query_error(executor: QueryExecutor, people: TableRegistration) -> None:
    with pytest.raises(QueryError, match=r"\$missing"):
        executor.run(spec("SELECT id FROM people WHERE id = $missing", people))


def test_time_travel(executor: QueryExecutor, people: TableRegistration) -> None:
    old = TableRegistration("people", people.uri, {}, 0)
    assert executor.run(spec("SELECT count(*) AS n FROM people", old)).table.to_pylist() == [{"n": 3}]
    assert executor.run(spec("SELECT count(*) AS n FROM people", people)).table.to_pylist() == [{"n": 5}]
    latest = TableRegistration("people", people.uri, {}, None)
    assert executor.run(spec("SELECT count(*) AS n FROM people", latest)).table.to_pylist() == [{"n": 5}]
    with pytest.raises(QueryError, match="version 99"):
        executor.run(spec("SELECT 1", TableRegistration("people", people.uri, {}, 99)))


def test_overwrite_hides_old_files(executor: QueryExecutor, tmp_path: Path) -> None:
    uri = str(tmp_path / "t")
    write_deltalake(uri, pa.table({"a": [1, 2]}))
    write_deltalake(uri, pa.table({"a": [10]}), mode="overwrite")
    reg = TableRegistration("t", uri, {}, 1)
    assert executor.run(spec("SELECT a FROM t", reg)).table.to_pylist() == [{"a": 10}]


def test_new_nullable_column_reads_as_null_in_old_files(executor: QueryExecutor, tmp_path: Path) -> None:
    uri = str(tmp_path / "evolve")
    write_deltalake(uri, pa.table({"a": [1]}))
    write_deltalake(uri, pa.table({"a": [2], "b": ["x"]}), mode="append", schema_mode="merge")
    reg = TableRegistration("evolve", uri, {}, 1)
    rows = executor.run(spec("SELECT a, b FROM evolve ORDER BY a", reg)).table.to_pylist()
    assert rows == [{"a": 1, "b": None}, {"a": 2, "b": "x"}]


def test_partitioned_table_uses_the_provider(executor: QueryExecutor, tmp_path: Path) -> None:
    uri = str(tmp_path / "parts")
    write_deltalake(uri, pa.table({"k": ["a", "b", "a"], "v": [1, 2, 3]}), partition_by=["k"])
    reg = TableRegistration("parts", uri, {}, 0)
    assert load(reg).route == "provider"
    rows = executor.run(spec("SELECT k, sum(v) AS s FROM parts GROUP BY k ORDER BY k", reg)).table.to_pylist()
    assert rows == [{"k": "a", "s": 4}, {"k": "b", "s": 2}]


def test_many_files_use_the_provider(executor: QueryExecutor, tmp_path: Path) -> None:
    uri = str(tmp_path / "many")
    for i in range(MAX_UNION_FILES + 1):
        write_deltalake(uri, pa.table({"i": [i]}), mode="append")
    reg = TableRegistration("many", uri, {}, MAX_UNION_FILES)
    assert load(reg).route == "provider"
    assert load(TableRegistration("many", uri, {}, 3)).route == "files"
    total = executor.run(spec("SELECT sum(i) AS s, count(*) AS n FROM many", reg)).table.to_pylist()
    assert total == [{"s": sum(range(MAX_UNION_FILES + 1)), "n": MAX_UNION_FILES + 1}]


@pytest.mark.parametrize(("sql", "fragment"), [
    ("SELEC id FROM people", "expected: an SQL statement, found: SELEC"),
    ("SELECT nope FROM people", "nope"),
    ("SELECT id FROM people WHERE", "expected: an expression, found: EOF"),
    ("SELECT 1/0", "Divide by zero"),
    ("SELECT CAST('abc' AS INT)", "Cannot cast"),
])
def test_engine_errors_carry_the_engine_message(executor: QueryExecutor, people: TableRegistration,
                                                sql: str, fragment: str) -> None:
    with pytest.raises(QueryError) as caught:
        executor.run(spec(sql, people))
    assert fragment in caught.value.message
    assert caught.value.http_status == 400
    assert not caught.value.message.startswith("DataFusion error")


def test_a_crashed_worker_costs_only_its_query(numbers: TableRegistration) -> None:
    with QueryExecutor(QuerySettings(workers=1)) as ex:
        ex.run(spec("SELECT 1", numbers))
        (worker,) = ex._workers
        errors: list[Exception] = []

        def runaway() -> None:
            try:
                ex.run(spec(RUNAWAY, numbers, time_limit_seconds=30))
            except QueryError as exc:
                errors.append(exc)

        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.5)
        os.kill(worker.proc.pid, signal.SIGKILL)  # what the OOM killer would do
        thread.join(timeout=10)
        assert len(errors) == 1 and "stopped unexpectedly" in errors[0].message
        assert ex.run(spec("SELECT count(*) AS n FROM numbers", numbers)).table.to_pylist() == [{"n": 5000}]


def test_a_discarded_workers_replacement_is_counted_before_anyone_can_look(people: TableRegistration) -> None:
    """A request arriving between removing the last worker and counting its replacement saw an empty pool
    with nothing starting and failed ('No query worker could be started: None')."""
    with QueryExecutor(QuerySettings(workers=1)) as ex:
        ex.run(spec("SELECT 1", people))
        worker = ex._acquire(time.perf_counter() + 30, 30)
        seen: list[tuple[int, int]] = []
        original = ex._start_worker

        def spy(counted: bool = False) -> None:  # the moment the replacement's thread is about to start
            with ex._lock:
                seen.append((len(ex._workers), ex._starting))
            original(counted) if counted else original()

        ex._start_worker = spy  # type: ignore[method-assign]
        ex._discard(worker)
        assert seen == [(0, 1)]
        assert ex.run(spec("SELECT 1 AS x", people)).table.to_pylist() == [{"x": 1}]
