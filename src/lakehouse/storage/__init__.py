"""Storage: the bucket registry, local and S3-compatible buckets, and Delta table operations."""

from lakehouse.storage.buckets import Bucket, BucketSpec, clean_relpath
from lakehouse.storage.names import NAME_PATTERN, validate_name
from lakehouse.storage.registry import BUILTIN_BUCKETS, BucketRegistry, BucketStore, MemoryBucketStore

__all__ = [
    "BUILTIN_BUCKETS",
    "NAME_PATTERN",
    "Bucket",
    "BucketRegistry",
    "BucketSpec",
    "BucketStore",
    "MemoryBucketStore",
    "clean_relpath",
    "validate_name",
]
