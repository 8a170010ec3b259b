"""Has this file's content been ingested into the dataset already? (re-running an append duplicates rows)

The content's SHA-256 is recorded in each file ingest's lineage. A file counts as seen when a version since
the dataset's last overwrite or restore (whose rows are still the dataset's) came from the same content."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from lakehouse.types import WriteMode

if TYPE_CHECKING:  # content_hash runs on the CLI's early-read thread, before the catalog is imported
    from lakehouse.catalog.store import CatalogStore

_CHUNK = 1 << 20
_REPLACING = ("overwrite", "restore", "create")


@dataclass(frozen=True)
class Seen:
    version: int
    job_id: str | None
    source: str


def content_hash(handle: IO[Any]) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def seen_before(catalog: CatalogStore, dataset: str, sha256: str, mode: WriteMode) -> Seen | None:
    """The newest version whose rows came from this content and are still in the dataset; for an overwrite,
    only when that version is the current one (the dataset already is exactly this file)."""
    if not catalog.datasets.exists(dataset):
        return None
    history = catalog.datasets.history(dataset, limit=1_000_000)
    current = history[0].version if history else None
    boundary = next((v.version for v in history if v.operation in _REPLACING), 0)
    for entry in sorted(catalog.datasets.lineage_entries(dataset), key=lambda e: e.version, reverse=True):
        if entry.version < boundary:
            break
        if entry.details.get("content_sha256") == sha256:
            if mode is WriteMode.overwrite and entry.version != current:
                return None
            return Seen(entry.version, entry.job_id, entry.source)
    return None


def duplicate_warning(dataset: str, seen: Seen) -> str:
    return (f"This file's content was already ingested into '{dataset}' at version {seen.version} "
            f"(from {seen.source}{f', job {seen.job_id}' if seen.job_id else ''}): its rows are now in the dataset "
            "twice. Pass --skip-if-seen (\"skip_if_seen\": true) to make re-runs of the same file a no-op.")
