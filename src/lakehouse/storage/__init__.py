"""Storage: the bucket registry, local and S3-compatible buckets, and Delta table operations.

Names are resolved on first use: a query worker importing ``lakehouse.storage.delta`` does not pay for the
bucket models and the settings."""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Bucket": "lakehouse.storage.buckets",
    "BucketSpec": "lakehouse.storage.buckets",
    "clean_relpath": "lakehouse.storage.buckets",
    "NAME_PATTERN": "lakehouse.storage.names",
    "validate_name": "lakehouse.storage.names",
    "BUILTIN_BUCKETS": "lakehouse.storage.registry",
    "BucketRegistry": "lakehouse.storage.registry",
    "BucketStore": "lakehouse.storage.registry",
    "MemoryBucketStore": "lakehouse.storage.registry",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'lakehouse.storage' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
