"""Start-up recovery, safe while other processes (a server, CLI commands) work on the same data dir.

Only what a dead owner left is touched: its queued/running jobs are failed as interrupted, its writer locks
freed, its staging folder removed, and a write it crashed in the middle of is resolved under that dataset's
writer lock (taken here, so a write still in flight in a live process is never reconciled from under it).
The slower checks (every table's Delta log, tombstone-free copies) run when a server starts (``deep_check``).
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lakehouse.errors import Locked
from lakehouse.types import SYSTEM

if TYPE_CHECKING:
    from lakehouse.app.base import LakehouseBase

log = logging.getLogger(__name__)
LEGACY_STAGING_AGE_SECONDS = 3600.0  # loose upload files of releases before per-owner staging folders


@dataclass
class ReconcileReport:
    adopted: list[str] = field(default_factory=list)
    rolled_back: list[str] = field(default_factory=list)
    missing_tables: list[str] = field(default_factory=list)
    staging_files_removed: int = 0
    jobs_interrupted: int = 0


def recover(lakehouse: LakehouseBase) -> ReconcileReport:
    catalog = lakehouse.catalog
    report = ReconcileReport()
    catalog.owners.sweep()  # leases that expired: their jobs and locks
    report.jobs_interrupted = catalog.interrupt_dead_jobs()  # owners that closed, died here, or predate owners
    report.staging_files_removed = _clean_staging(lakehouse)
    for intent in catalog.pending_intents():
        _reconcile(lakehouse, intent, report)
    return report


def deep_check(lakehouse: LakehouseBase) -> ReconcileReport:
    """The server's start: tables missing from their buckets, and tombstone-free copies for datasets
    tombstoned by a release that had none (a no-op when nothing changed)."""
    report = lakehouse.startup_report
    report.missing_tables = lakehouse.tables.missing_tables()
    for name in report.missing_tables:
        log.warning("dataset '%s' is in the catalog but its table is missing", name)
    for name in lakehouse.vectors.mover.finish_moves(lakehouse.catalog.owners.owner_id):
        log.warning("vector index '%s': finished a move a dead process left (one copy kept)", name)
    for name in sorted(lakehouse.governance.tombstoned_datasets() - set(report.missing_tables)):
        try:
            lakehouse.governance.refresh_clean_copies(name)
        except Exception:  # noqa: BLE001 - without copies its queries anti-join: slower, still correct
            log.exception("tombstone-free copies of '%s' could not be refreshed", name)
    return report


def _clean_staging(lakehouse: LakehouseBase) -> int:
    root = lakehouse.settings.primary_root / "staging"
    if not root.is_dir():
        return 0
    entries = list(root.iterdir())  # listed before the leases are read: see live_staging_names
    live = lakehouse.catalog.owners.live_staging_names()
    removed = 0
    for entry in entries:
        if entry.is_dir():
            if entry.name in live:
                continue
            removed += sum(1 for p in entry.rglob("*") if not p.is_dir())
            shutil.rmtree(entry, ignore_errors=True)
        elif time.time() - _mtime(entry) > LEGACY_STAGING_AGE_SECONDS:
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


def _mtime(path: object) -> float:
    try:
        return float(path.stat().st_mtime)  # type: ignore[attr-defined]
    except OSError:
        return time.time()


def _reconcile(lakehouse: LakehouseBase, intent: object, report: ReconcileReport) -> None:
    catalog = lakehouse.catalog
    name = intent.dataset_name  # type: ignore[attr-defined]
    lock = f"dataset:{name}"
    try:
        catalog.try_lock(lock, "recovery")
    except Locked:
        return  # its writer is alive and still writing: the intent is not an orphan
    try:
        if catalog.intent_exists(intent.id):  # type: ignore[attr-defined]
            outcome = lakehouse.tables.reconcile_intent(intent, SYSTEM)
            if outcome == "adopted":
                report.adopted.append(name)
            elif outcome == "rolled_back":
                report.rolled_back.append(name)
            catalog.clear_intent(intent.id)  # type: ignore[attr-defined]
    except Exception:
        log.exception("could not reconcile the write to '%s'", name)
    finally:
        catalog.release_lock(lock, "recovery")
