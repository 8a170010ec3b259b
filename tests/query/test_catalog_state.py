"""The catalog state every query reads first (datasets' heads, tombstoned datasets, whether views exist), in one
statement on the driver's cursor: the same answer as the typed reads, on SQLite and PostgreSQL."""

from __future__ import annotations

import pyarrow as pa

from lakehouse.app import Lakehouse
from lakehouse.query.sql_service import _catalog_state


def _state(lh: Lakehouse):  # type: ignore[no-untyped-def]
    with lh.catalog.engine.connect() as connection:
        return _catalog_state(connection)


def test_state_matches_the_typed_reads_and_queries_see_it(make_settings, catalog_url: str) -> None:  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(catalog={"url": catalog_url}, query={"workers": 1, "time_limit_seconds": 20}))
    try:
        assert _state(lh) == ({}, set(), False)
        lh.write_table("people", pa.table({"id": [1, 2, 3], "name": ["a", "b", "c"]}))
        lh.write_table("other", pa.table({"k": [1]}))
        lh.write_table("other", pa.table({"k": [2]}), mode="append")
        heads, tombstoned, any_views = _state(lh)
        assert heads == lh.catalog.datasets.heads() and heads["other"][1] == 1
        assert (tombstoned, any_views) == (set(), False)

        lh.tombstone("people", "id", [2], "test")
        lh.create_view({"name": "people_v", "base_dataset": "people", "columns": ["id"]})
        heads, tombstoned, any_views = _state(lh)
        assert tombstoned == lh.governance.tombstoned_datasets() == {"people"} and any_views
        assert lh.sql("SELECT id FROM people ORDER BY id").table.column("id").to_pylist() == [1, 3]
        assert lh.sql("SELECT id FROM people_v ORDER BY id").table.column("id").to_pylist() == [1, 3]
    finally:
        lh.close()
