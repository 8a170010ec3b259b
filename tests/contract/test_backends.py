"""One behaviour suite over every backend: datasets in a local or an S3 bucket (moto server on
loopback), with the catalog on SQLite or on the local PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from lakehouse.app import Lakehouse
from lakehouse.errors import Conflict, SchemaConflict


@pytest.fixture(params=["local", "s3"])
def bucket_name(request: pytest.FixtureRequest, lakehouse_on_catalog: Lakehouse, tmp_path: Path) -> str:
    if request.param == "local":
        root = tmp_path / "data" / "local-bucket"  # local bucket roots lie under the data dir by default
        lakehouse_on_catalog.add_bucket({"name": "data", "backend": "local", "root": str(root)})
    else:
        spec = request.getfixturevalue("s3_bucket_spec")
        lakehouse_on_catalog.add_bucket(spec.model_copy(update={"name": "data"}))
    return "data"


@pytest.fixture
def lakehouse_on_catalog(catalog_url: str, make_settings) -> Iterator[Lakehouse]:  # type: ignore[no-untyped-def]
    lh = Lakehouse(make_settings(catalog={"url": catalog_url, "lock_timeout_seconds": 0.3}, query={"workers": 1}))
    yield lh
    lh.close()


def test_dataset_lifecycle_on_every_backend(lakehouse_on_catalog: Lakehouse, bucket_name: str, tmp_path: Path) -> None:
    lh = lakehouse_on_catalog
    csv = tmp_path / "people.csv"
    csv.write_text("id,email,amount\n1,ada@example.com,1.50\n2,alan@example.org,2.25\n")
    job = lh.ingest_file(csv, "people", bucket=bucket_name)
    assert job.status == "succeeded", job.error
    lh.write_table("people", pa.table({"id": [3], "email": ["grace@example.net"], "amount": [3.0]}))
    manifest = lh.get_dataset("people")
    assert (manifest.bucket, manifest.version, manifest.row_count) == (bucket_name, 1, 3)
    assert {c.name: c.pii_category for c in manifest.columns}["email"] == "email"
    total = lh.sql("SELECT sum(amount) AS s, count(*) AS n FROM people").table.to_pylist()
    assert total == [{"s": 6.75, "n": 3}]
    assert lh.sql("SELECT count(*) AS n FROM people", as_of={"people": 0}).table.to_pylist() == [{"n": 2}]
    with pytest.raises(SchemaConflict, match="amount"):
        lh.write_table("people", pa.table({"id": [4], "email": ["x@example.com"], "amount": ["lots"]}))
    restored = lh.restore_dataset("people", 0)
    assert restored.row_count == 2
    lh.optimize_dataset("people", vacuum=False)
    assert lh.sql("SELECT count(*) AS n FROM people").table.to_pylist() == [{"n": 2}]
    with pytest.raises(Conflict):
        lh.remove_bucket(bucket_name)
    lh.delete_dataset("people")
    lh.remove_bucket(bucket_name)


def test_a_second_reader_sees_what_we_wrote(lakehouse_on_catalog: Lakehouse, bucket_name: str) -> None:
    """DESIGN 7: an independent engine reads our tables (here pyarrow over the Delta log's files)."""
    lh = lakehouse_on_catalog
    lh.write_table("numbers", pa.table({"n": list(range(100)), "label": [f"x{i}" for i in range(100)]}),
                   bucket=bucket_name)
    bucket = lh.buckets.get(bucket_name)
    from deltalake import DeltaTable

    table = DeltaTable(bucket.table_uri("numbers"), storage_options=bucket.storage_options())
    fs, base = bucket.filesystem()
    files = table.file_uris()
    read = pa.concat_tables(pq.read_table(f.split("://", 1)[-1] if f.startswith("s3://") else f,
                                          filesystem=fs if f.startswith("s3://") else None) for f in files)
    assert sorted(read.column("n").to_pylist()) == list(range(100))


def test_buckets_and_catalog_survive_restart(catalog_url: str, make_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(catalog={"url": catalog_url})
    with Lakehouse(settings) as lh:
        lh.add_bucket({"name": "archive", "backend": "local", "root": str(tmp_path / "data" / "archive")})
        lh.write_table("kept", pa.table({"a": [1, 2]}), bucket="archive")
    with Lakehouse(settings) as lh:
        assert "archive" in [b.name for b in lh.list_buckets()]
        assert lh.sql("SELECT count(*) AS n FROM kept").table.to_pylist() == [{"n": 2}]
