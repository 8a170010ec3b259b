"""Tables in an S3 bucket (a moto server on loopback) go through the file route with an S3 store."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pyarrow as pa
import pytest
from deltalake import write_deltalake

from lakehouse.query import QueryExecutor, TableRegistration
from lakehouse.query.sources import load
from tests.query.conftest import spec

pytestmark = pytest.mark.s3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def s3_options() -> Iterator[dict[str, str]]:
    boto3 = pytest.importorskip("boto3")
    server_mod = pytest.importorskip("moto.server")
    port = _free_port()
    server = server_mod.ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test",
                 region_name="us-east-1").create_bucket(Bucket="lake")
    try:
        yield {
            "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": endpoint, "AWS_ALLOW_HTTP": "true", "AWS_S3_ALLOW_UNSAFE_RENAME": "true",
        }
    finally:
        server.stop()


def test_s3_table_versions_and_schema(executor: QueryExecutor, s3_options: dict[str, str]) -> None:
    uri = "s3://lake/tables/sales"
    write_deltalake(uri, pa.table({"id": [1, 2], "amount": [10.0, 20.0]}), storage_options=s3_options)
    write_deltalake(uri, pa.table({"id": [3], "amount": [5.5]}), mode="append", storage_options=s3_options)
    latest = TableRegistration("sales", uri, s3_options, 1)
    assert load(latest).route == "files"
    rows = executor.run(spec("SELECT count(*) AS n, sum(amount) AS total FROM sales WHERE id > $min", latest,
                             params={"min": 0})).table.to_pylist()
    assert rows == [{"n": 3, "total": 35.5}]
    first = TableRegistration("sales", uri, s3_options, 0)
    assert executor.run(spec("SELECT count(*) AS n FROM sales", first)).table.to_pylist() == [{"n": 2}]


def test_partitioned_s3_table_uses_pyarrow_dataset(executor: QueryExecutor,
                                                   s3_options: dict[str, str]) -> None:
    uri = "s3://lake/tables/parts"
    write_deltalake(uri, pa.table({"k": ["a", "b", "a"], "v": [1, 2, 3]}), partition_by=["k"],
                    storage_options=s3_options)
    reg = TableRegistration("parts", uri, s3_options, 0)
    assert load(reg).route == "dataset"
    rows = executor.run(spec("SELECT k, sum(v) AS s FROM parts GROUP BY k ORDER BY k", reg)).table.to_pylist()
    assert rows == [{"k": "a", "s": 4}, {"k": "b", "s": 2}]
