"""What the query path remembers between statements (the worker's reused session and loaded table versions,
the guard's verdict and the names of a statement's text) never hides a change another process made to the
catalog: the next query through this instance sees a commit, a grant, its removal, a view and a tombstone
made through another instance on the same catalog. The statement text is the same every time, so nothing
remembered per text can stand in for the catalog."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from lakehouse.errors import LakehouseError
from tests.governance.conftest import open_lakehouse, principal

COUNT = "SELECT count(*) AS n FROM orders"


def _orders(ids: range) -> pa.Table:
    return pa.table({"id": pa.array(list(ids), pa.int64()), "amount": pa.array([float(i) for i in ids])})


def test_commits_grants_views_and_tombstones_through_another_instance_are_seen_by_the_next_query(
        tmp_path: Path) -> None:
    serving = open_lakehouse(tmp_path / "data")
    other = open_lakehouse(tmp_path / "data")  # another server or the CLI, on the same catalog
    try:
        other.write_table("orders", _orders(range(10)))
        for _ in range(3):  # warm everything that is remembered
            assert serving.sql(COUNT).table.to_pylist() == [{"n": 10}]

        other.write_table("orders", _orders(range(10, 15)))
        assert serving.sql(COUNT).table.to_pylist() == [{"n": 15}]

        other.tombstone("orders", "id", [3, 4], reason="erasure")
        assert serving.sql(COUNT).table.to_pylist() == [{"n": 13}]
        assert serving.sql("SELECT id FROM orders WHERE id IN (3, 4)").table.num_rows == 0

        reader, _ = principal(other, "rita", "reader")
        with pytest.raises(LakehouseError):
            serving.sql(COUNT, actor=reader)
        grant = other.add_grant("rita", "dataset", "orders")
        assert serving.sql(COUNT, actor=reader).table.to_pylist() == [{"n": 13}]
        other.remove_grant(grant["id"])
        with pytest.raises(LakehouseError):
            serving.sql(COUNT, actor=reader)

        view = "SELECT count(*) AS n FROM big_orders"
        other.create_view({"name": "big_orders", "base_dataset": "orders", "columns": ["id", "amount"],
                           "row_filter": "amount >= 12"})
        assert serving.sql(view).table.to_pylist() == [{"n": 3}]
        other.delete_view("big_orders")
        with pytest.raises(LakehouseError):
            serving.sql(view)
    finally:
        serving.close()
        other.close()
