"""Process leases: who owns a job, a lock or a staging folder, and whether that owner is still alive.

Each Lakehouse instance that takes on work (a job, a writer lock, an upload) registers a lease row and
renews it from a daemon thread. Other processes clean up after an owner only once it is dead: its lease
expired (any host), its row is gone (it closed), or it ran on this host and its process no longer exists.
A command that only reads never registers, so it can never be mistaken for, or mistake, a live writer.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.catalog.models import LockRow, ProcessLeaseRow
from lakehouse.types import utcnow

log = logging.getLogger(__name__)
HOST = socket.gethostname()
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")
_NONCE = re.compile(r"[0-9a-f]{12}")


def _as_utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=utcnow().tzinfo)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def parse_owner(owner: str) -> tuple[str, int | None]:
    """``host:pid:nonce`` (and the ``host:pid:actor`` locks of older releases) -> (host, pid)."""
    host, _, rest = owner.partition(":")
    pid_text = rest.split(":", 1)[0]
    return host, int(pid_text) if pid_text.isdigit() else None


class ProcessOwners:
    def __init__(self, sessions: sessionmaker[Session], heartbeat_seconds: float, lease_seconds: float):
        self._sessions = sessions
        self.heartbeat_seconds = heartbeat_seconds
        self.lease_seconds = lease_seconds
        self.owner_id = f"{HOST}:{os.getpid()}:{uuid.uuid4().hex[:12]}"
        self._registered = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.on_sweep: list[Callable[[list[str]], object]] = []
        self._staging: Path | None = None

    # This process ---------------------------------------------------------------------------------
    def ensure(self) -> str:
        """Register this instance's lease (once) and keep it renewed; returns the owner id."""
        with self._lock:
            if not self._registered:
                now = utcnow()
                with self._sessions.begin() as session:
                    session.merge(ProcessLeaseRow(owner=self.owner_id, host=HOST, pid=os.getpid(),
                                                  started_at=now, heartbeat_at=now))
                self._registered = True
                self._stop.clear()
                self._thread = threading.Thread(target=self._beat, name="lakehouse-lease", daemon=True)
                self._thread.start()
        return self.owner_id

    def release(self) -> None:
        """A clean close: the lease row goes, so nothing of this instance is left to look alive."""
        with self._lock:
            if not self._registered:
                return
            self._registered = False
            self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            with self._sessions.begin() as session:
                session.execute(delete(ProcessLeaseRow).where(ProcessLeaseRow.owner == self.owner_id))
        except Exception:  # noqa: BLE001 - e.g. a full disk: the row then expires like a dead process's
            log.warning("could not remove this process's lease row; it expires on its own", exc_info=True)
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat_seconds):
            try:
                with self._sessions.begin() as session:
                    found = session.execute(update(ProcessLeaseRow).where(ProcessLeaseRow.owner == self.owner_id)
                                            .values(heartbeat_at=utcnow())).rowcount  # type: ignore[attr-defined]
                    if not found:  # another process judged us dead (we stalled past the lease): say so again
                        now = utcnow()
                        session.add(ProcessLeaseRow(owner=self.owner_id, host=HOST, pid=os.getpid(),
                                                    started_at=now, heartbeat_at=now))
                self.sweep()
            except Exception:  # noqa: BLE001 - a missed beat is retried; the lease covers several
                log.warning("could not renew the process lease", exc_info=True)

    # Anyone -----------------------------------------------------------------------------------------
    def is_dead(self, owner: str | None) -> bool:
        """``owner``: an owner id, or a lock holder (owner id + ':' + actor)."""
        if owner is None:
            return True  # a job of a release before owners: nothing can still be running it
        if owner == self.owner_id or owner.startswith(self.owner_id + ":"):
            return False
        host, pid = parse_owner(owner)
        if host == HOST and pid is not None and pid != os.getpid() and not _pid_alive(pid):
            return True
        parts = owner.split(":", 3)
        if len(parts) < 3 or not _NONCE.fullmatch(parts[2]):
            return False  # a lock of a release before leases, held by a live process (or another host)
        with self._sessions() as session:
            row = session.get(ProcessLeaseRow, ":".join(parts[:3]))
        return row is None or self._expired(row)

    def _expired(self, row: ProcessLeaseRow) -> bool:
        if row.host == HOST and row.pid != os.getpid() and not _pid_alive(row.pid):
            return True
        return utcnow() - _as_utc(row.heartbeat_at) > timedelta(seconds=self.lease_seconds)

    def sweep(self) -> list[str]:
        """Find dead leases, run the cleanups registered in ``on_sweep`` for them, then drop the rows
        and the writer locks they held. Safe to run from every process at once."""
        with self._sessions() as session:
            rows = list(session.scalars(select(ProcessLeaseRow)))
        dead = [r.owner for r in rows if r.owner != self.owner_id and self._expired(r)]
        for cleanup in self.on_sweep:
            cleanup(dead)
        if dead:
            with self._sessions.begin() as session:
                for owner in dead:
                    session.execute(delete(LockRow).where(LockRow.owner.startswith(owner + ":")))
                session.execute(delete(ProcessLeaseRow).where(ProcessLeaseRow.owner.in_(dead)))
            log.info("cleaned up after %d dead process(es)", len(dead))
        return dead

    # Staging ----------------------------------------------------------------------------------------
    def staging_dir(self, root: Path) -> Path:
        """This instance's own staging folder (registers the lease: files there are work in flight)."""
        path = root / staging_name(self.ensure())
        path.mkdir(parents=True, exist_ok=True)
        self._staging = path
        return path

    def live_staging_names(self) -> set[str]:
        """Folder names of the owners whose leases are alive now (read after listing the folders: a
        folder is made only after its owner's lease row exists)."""
        with self._sessions() as session:
            rows = list(session.scalars(select(ProcessLeaseRow)))
        return {staging_name(r.owner) for r in rows if r.owner == self.owner_id or not self._expired(r)}


def staging_name(owner: str) -> str:
    return _SAFE.sub("_", owner)
