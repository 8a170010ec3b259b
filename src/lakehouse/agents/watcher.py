"""The drop-folder watcher: each new file is ingested once (by content hash) into the dataset its
name or a rule maps to, then moved to ``done/`` or ``failed/`` with a JSON report beside it.

The folder may not hold the data directory or overlap a bucket (the watcher moves what it ingests), and a
symbolic link dropped there is refused, never followed: the file is opened once, without following a
link, and that same open file is hashed and ingested."""

from __future__ import annotations

import fnmatch
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from lakehouse.catalog.leader import LeaderLock
from lakehouse.catalog.store import CatalogStore
from lakehouse.config import Settings
from lakehouse.errors import InvalidInput, LakehouseError
from lakehouse.ingest.normalize import dataset_for_file
from lakehouse.ingest.service import FileSource, IngestService
from lakehouse.storage.buckets import BucketSpec
from lakehouse.storage.localfiles import fd_path, open_regular, overlaps, within
from lakehouse.types import Actor, Role, WriteMode, utcnow

log = logging.getLogger(__name__)
WATCHER = Actor(name="watcher", role=Role.admin)
LEADER_POLL_MS = 5_000
IGNORED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", ".report.json")


class DropFolderWatcher:
    def __init__(self, settings: Settings, ingest: IngestService, catalog: CatalogStore):
        self._settings = settings
        self._ingest = ingest
        self._catalog = catalog
        self.folder = settings.watch_path
        check_folder(settings, catalog)
        self.done = self.folder / "done"
        self.failed = self.folder / "failed"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # one watcher per catalog: two on one folder would both read a new file before either records it
        self.lock = LeaderLock(catalog.engine, "drop-folder-watcher", settings.data_dir)

    # Running --------------------------------------------------------------------------------
    def start(self) -> None:
        for folder in (self.folder, self.done, self.failed):
            folder.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._loop, name="lakehouse-watcher", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.lock.release()

    def _loop(self) -> None:
        from watchfiles import Change, watch

        if self.lock.lead():
            self.scan_once()
        debounce = self._settings.ingest.watch.debounce_ms
        # a follower wakes every LEADER_POLL_MS to try to lead, and a new leader scans what waited meanwhile
        for changes in watch(self.folder, stop_event=self._stop, debounce=debounce, recursive=False,
                             rust_timeout=LEADER_POLL_MS, yield_on_timeout=True):
            was_leading = self.lock.held
            if not self.lock.lead():
                continue
            if not was_leading or any(kind in (Change.added, Change.modified) for kind, _ in changes):
                self.scan_once()

    # One pass -------------------------------------------------------------------------------
    def candidates(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(
            p for p in self.folder.iterdir()
            if (p.is_symlink() or p.is_file()) and not p.name.startswith(".") and not p.name.endswith(IGNORED_SUFFIXES)
        )

    def scan_once(self) -> list[dict[str, Any]]:
        for folder in (self.done, self.failed):
            folder.mkdir(parents=True, exist_ok=True)
        return [self.process(path) for path in self.candidates() if _settled(path)]

    def target_for(self, path: Path) -> tuple[str, WriteMode]:
        for rule in self._settings.ingest.watch.rules:
            if fnmatch.fnmatch(path.name, rule.pattern):
                return rule.dataset, WriteMode(rule.mode)
        return dataset_for_file(path.name) or "dropped", WriteMode.append

    def process(self, path: Path) -> dict[str, Any]:
        dataset, mode = self.target_for(path)
        report: dict[str, Any] = {"file": path.name, "dataset": dataset, "mode": mode.value,
                                  "at": utcnow().isoformat()}
        try:
            fd = open_regular(str(path), os.path.realpath(self.folder), f"{path.name!r} in the drop folder")
        except LakehouseError as exc:
            report.update(status="failed", error=exc.to_dict())
            return self._finish(path, self.failed, report)
        try:
            return self._process_open(path, fd, dataset, mode, report)
        finally:
            os.close(fd)

    def _process_open(self, path: Path, fd: int, dataset: str, mode: WriteMode,
                      report: dict[str, Any]) -> dict[str, Any]:
        digest = report["sha256"] = _sha256(fd)
        seen = self._catalog.file_seen(digest)
        if seen is not None:
            report.update(status="duplicate", message=f"Already ingested into '{seen.dataset_name}' "
                                                      f"(job {seen.job_id}); not ingested again.")
            return self._finish(path, self.done, report)
        try:
            opened = Path(fd_path(fd) or path)  # the file checked above, even if the name now points elsewhere
            job = self._ingest.ingest_file(WATCHER, FileSource(path=opened, display_name=f"dropbox:{path.name}"),
                                           dataset, mode, wait=True)
        except LakehouseError as exc:
            report.update(status="failed", error=exc.to_dict())
            return self._finish(path, self.failed, report)
        report["job_id"] = job.job_id
        if job.status != "succeeded":
            report.update(status="failed", error=job.error)
            return self._finish(path, self.failed, report)
        self._catalog.record_file(digest, dataset, path.name, job.job_id)
        report.update(status="ingested", result=job.result)
        return self._finish(path, self.done, report)

    def _finish(self, path: Path, folder: Path, report: dict[str, Any]) -> dict[str, Any]:
        target = folder / path.name
        if target.exists():
            target = folder / f"{utcnow().strftime('%Y%m%dT%H%M%S%f')}-{path.name}"
        shutil.move(str(path), target)
        report["moved_to"] = str(target)
        target.with_name(target.name + ".report.json").write_text(json.dumps(report, indent=2, default=str))
        log.info("watcher: %s -> %s (%s)", path.name, report["dataset"], report["status"])
        return report


def check_folder(settings: Settings, catalog: CatalogStore) -> None:
    """Refuse a drop folder that is or holds the data directory, or overlaps a local bucket's root."""
    folder = os.path.realpath(settings.watch_path)
    data_dir = os.path.realpath(settings.data_dir)
    if within(data_dir, folder):
        raise InvalidInput(f"The drop folder {folder} (ingest.watch.path) holds the data directory {data_dir}.",
                           hint="Point ingest.watch.path at a folder of its own, e.g. <data_dir>/dropbox.")
    specs = [s.model_dump() if isinstance(s, BucketSpec) else dict(s) for s in catalog.load_buckets()]
    roots = {"primary": str(settings.primary_root), "rescue": str(settings.rescue_root)}
    roots.update({str(s["name"]): str(s["root"]) for s in specs
                  if s.get("backend", "local") == "local" and s.get("root")})
    for name, root in roots.items():
        if overlaps(folder, os.path.realpath(root)):
            raise InvalidInput(f"The drop folder {folder} (ingest.watch.path) overlaps bucket '{name}'.",
                               hint="The watcher moves the files it ingests: give it a folder outside every bucket.")


def _sha256(fd: int) -> str:
    digest = hashlib.sha256()
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, 1024 * 1024):
        digest.update(chunk)
    return digest.hexdigest()


def _settled(path: Path, wait: float = 0.2) -> bool:
    """A file still being copied in changes size between two looks; skip it until the next pass."""
    try:
        before = path.lstat().st_size
        time.sleep(wait)
        return path.lstat().st_size == before and before > 0 or path.lstat().st_size == 0
    except FileNotFoundError:
        return False
