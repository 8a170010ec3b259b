"""S3 endpoints are outbound requests: checked against network.allowed_hosts before any connection."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakehouse.config import Settings
from lakehouse.errors import InvalidInput, NetworkRefused
from lakehouse.storage.buckets import BucketSpec
from lakehouse.storage.registry import BucketRegistry, MemoryBucketStore
from tests.embeddings.redirector import redirector


def s3(name: str, endpoint: str, **extra) -> BucketSpec:  # type: ignore[no-untyped-def]
    http = endpoint.startswith("http://")
    return BucketSpec(name=name, backend="s3", bucket="lake-bucket", endpoint=endpoint, allow_http=http, **extra)


@pytest.fixture
def registry(tmp_path: Path) -> BucketRegistry:
    return BucketRegistry(Settings(data_dir=tmp_path / "data"), MemoryBucketStore())


@pytest.mark.parametrize("endpoint", ["https://169.254.169.254", "https://[fe80::1]:9000", "https://10.20.30.40",
                                      "https://0.0.0.0:9000"])
def test_endpoints_outside_the_allow_list_are_refused_before_connecting(registry, endpoint) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NetworkRefused) as info:
        registry.add(s3("cloud", endpoint))
    assert info.value.http_status == 403 and "S3 endpoint of bucket 'cloud'" in info.value.message
    assert registry.names() == ["primary", "rescue"]


def test_an_endpoint_that_redirects_to_the_metadata_address_is_refused(registry) -> None:  # type: ignore[no-untyped-def]
    metadata = "http://169.254.169.254/latest/meta-data/"
    with redirector(metadata) as (url, seen), pytest.raises(NetworkRefused, match="redirects to http://169") as info:
        registry.add(s3("cloud", url))
    assert "never allowed" in (info.value.hint or "")
    assert [(m, p) for m, p, _ in seen.seen] == [("HEAD", "/lake-bucket")]  # probed once, nothing followed
    assert registry.names() == ["primary", "rescue"]


def test_region_cannot_smuggle_a_host(registry) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match="region"):
        BucketSpec(name="aws", backend="s3", bucket="lake-bucket", region="x.evil.example/#")


@pytest.mark.s3
def test_the_allow_list_decides_for_a_real_s3_server(s3_bucket_spec: BucketSpec, tmp_path: Path) -> None:
    store = MemoryBucketStore()
    strict = BucketRegistry(Settings(data_dir=tmp_path / "data", network={"allowed_hosts": ["127.0.0.2"]}), store)
    with pytest.raises(NetworkRefused, match="not in network.allowed_hosts"):
        strict.add(s3_bucket_spec)
    default = BucketRegistry(Settings(data_dir=tmp_path / "data"), store)
    default.add(s3_bucket_spec)  # moto listens on 127.0.0.1: loopback is allowed by default
    default.get(s3_bucket_spec.name).write_bytes("probe.txt", b"ok")
    # the same stored bucket, under a configuration that no longer allows its endpoint: no file by path
    with pytest.raises(NetworkRefused):
        strict.source(s3_bucket_spec.name)
    assert default.source(s3_bucket_spec.name).read_bytes("probe.txt") == b"ok"
