"""The query worker's cache of loaded Delta versions keeps only the newest few versions of each table: a table
appended to all day (the soak's `notes`) otherwise filled it with its own past versions and the workers grew."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
from deltalake import write_deltalake

from lakehouse.query.sources import _VERSIONS_PER_TABLE, SourceCache
from lakehouse.query.spec import TableRegistration


def test_only_the_newest_versions_of_a_table_stay_cached(tmp_path: Path) -> None:
    uri, other = str(tmp_path / "notes"), str(tmp_path / "other")
    for i in range(12):
        write_deltalake(uri, pa.table({"id": [i]}), mode="append")
    write_deltalake(other, pa.table({"id": [0]}))
    cache = SourceCache()
    kept_other = cache.get(TableRegistration("other", other, version=0))
    loaded = {v: cache.get(TableRegistration("notes", uri, version=v)) for v in range(12)}
    versions = sorted(k[1] for k in cache._entries if k[0] == uri)
    assert versions == list(range(12 - _VERSIONS_PER_TABLE, 12))
    assert cache.get(TableRegistration("notes", uri, version=11)) is loaded[11]  # still a hit
    assert cache.get(TableRegistration("other", other, version=0)) is kept_other  # other tables untouched
    again = cache.get(TableRegistration("notes", uri, version=0))  # an old version loads again, correctly
    assert again is not loaded[0] and again.table.version() == 0
