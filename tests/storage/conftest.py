from __future__ import annotations

from pathlib import Path

import pytest

from lakehouse.config import Settings
from lakehouse.storage.buckets import Bucket, BucketSpec
from lakehouse.storage.registry import BucketRegistry, MemoryBucketStore


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Buckets may be rooted anywhere under the test's tmp_path (the data dir is tmp_path/data)."""
    return Settings(data_dir=tmp_path / "data", storage={"allowed_roots": [tmp_path]})


@pytest.fixture
def store() -> MemoryBucketStore:
    return MemoryBucketStore()


@pytest.fixture
def registry(settings: Settings, store: MemoryBucketStore) -> BucketRegistry:
    return BucketRegistry(settings, store, lambda name: False)


@pytest.fixture
def local_bucket(tmp_path: Path) -> Bucket:
    bucket = Bucket(BucketSpec(name="local", root=str(tmp_path / "bucket")))
    bucket.ensure_root()
    return bucket


@pytest.fixture(params=["local", pytest.param("s3", marks=pytest.mark.s3)])
def bucket(request: pytest.FixtureRequest, local_bucket: Bucket) -> Bucket:
    """The same behaviour suite over a local directory and a bucket on the moto S3 server."""
    if request.param == "local":
        return local_bucket
    s3 = Bucket(request.getfixturevalue("s3_bucket_spec"))
    s3.ensure_root()
    return s3
