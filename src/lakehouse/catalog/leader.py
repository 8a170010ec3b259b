"""One leader per catalog for a background loop (the autotune agent, the refresh scheduler, the drop-folder
watcher), so replicas over one catalog run each loop once: a PostgreSQL advisory lock on a PostgreSQL
catalog, a file lock beside a SQLite catalog. Both are released by the operating system or the database
when the holding process dies, so a crashed leader never blocks the next one."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text


class LeaderLock:
    def __init__(self, engine: Engine, name: str, data_dir: Path):
        self._engine = engine
        self._name = name
        self._key = int.from_bytes(hashlib.sha256(f"lakehouse:{name}".encode()).digest()[:8], "big", signed=True)
        self._path = data_dir / f".{name}.leader.lock"
        self._held: Any = None

    @property
    def held(self) -> bool:
        return self._held is not None

    def try_acquire(self) -> bool:
        if self._held is not None:
            return True
        if self._engine.dialect.name == "postgresql":
            conn = self._engine.connect()
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key}).scalar())
            if got:
                conn.commit()
                self._held = conn
            else:
                conn.close()
            return got
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._held = fd
        return True

    def still_held(self) -> bool:
        """False once the database session holding the advisory lock is gone (a restart, a dropped link)."""
        if self._held is None:
            return False
        if isinstance(self._held, int):
            return True
        try:
            self._held.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - any failure means the session, and the lock with it, is gone
            self.release()
            return False

    def lead(self) -> bool:
        """Whether this process leads now: takes the lock when it is free, and notices a lost one."""
        return self.try_acquire() and self.still_held()

    def release(self) -> None:
        held, self._held = self._held, None
        if held is None:
            return
        if isinstance(held, int):
            with contextlib.suppress(OSError):
                fcntl.flock(held, fcntl.LOCK_UN)
            os.close(held)
            return
        with contextlib.suppress(Exception):
            held.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key})
        held.close()
