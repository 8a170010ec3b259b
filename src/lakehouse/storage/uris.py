"""What a table or file URI is, without loading a storage library (query workers import this)."""

from __future__ import annotations

from urllib.parse import urlparse


def is_local_uri(uri: str) -> bool:
    """A path on this machine (no scheme, ``file:``, or a one-letter Windows drive), not an object store."""
    scheme = urlparse(uri).scheme
    return scheme in ("", "file") or len(scheme) == 1


def data_file_name(uri: str) -> str:
    """A data file's name, which Delta keeps unique within a table (a uuid in each)."""
    return uri.rstrip("/").rsplit("/", 1)[-1]
