"""Deterministic crash points for a child process: count steps, SIGKILL the process at step N.

No product code is changed and nothing sleeps. The child wraps, in itself, the places where a crash
matters (every function of ``lakehouse.storage.delta``, the deltalake calls that commit, the faiss graph
write, ``os.replace``/``shutil.rmtree``, each catalog transaction before its COMMIT on the connection (ORM
sessions also before and after theirs; locks, audit records and other Core writes commit on a bare connection),
and each batch the writer pulls from the data source), and
counts them on the threads doing the work. Progress
reports (throttled by the clock) and the lease heartbeat are left out, so the same operation on the same
data gives the same sequence of steps and step N is the same point on every run.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

# Threads whose catalog writes depend on the clock, not on the operation.
_UNCOUNTED_THREADS = ("lakehouse-progress", "lakehouse-lease")


class CrashPoints:
    def __init__(self, kill_at: int | None):
        self.kill_at = kill_at
        self.count = 0
        self.names: list[str] = []
        self.armed = False  # counting starts with the operation, not while the child opens the lakehouse
        self._lock = threading.Lock()

    def step(self, name: str) -> None:
        if not self.armed or threading.current_thread().name.startswith(_UNCOUNTED_THREADS) or _in_progress_report():
            return
        with self._lock:
            self.count += 1
            self.names.append(name)
            if self.count == self.kill_at:
                sys.stdout.flush()
                os.kill(os.getpid(), signal.SIGKILL)

    def around(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.step(f"{name}:before")
            result = fn(*args, **kwargs)
            self.step(f"{name}:after")
            return result

        return wrapper

    def report(self) -> str:
        return json.dumps({"steps": self.count, "names": self.names})


def _in_progress_report() -> bool:
    frame = sys._getframe(2)
    for _ in range(40):
        if frame is None:
            return False
        if frame.f_code.co_name == "progress" and frame.f_code.co_filename.endswith("jobs.py"):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def install(kill_at: int | None) -> CrashPoints:
    import deltalake
    from deltalake.table import TableAlterer, TableMerger, TableOptimizer
    from sqlalchemy import Engine, event
    from sqlalchemy.orm import Session

    from lakehouse.storage import delta
    from lakehouse.vectors import ann

    points = CrashPoints(kill_at)
    for name, fn in list(vars(delta).items()):
        if callable(fn) and getattr(fn, "__module__", None) == delta.__name__ and not name.startswith("_") \
                and not isinstance(fn, type):
            setattr(delta, name, points.around(f"delta.{name}", fn))
    delta.write_deltalake = points.around("deltalake.write", delta.write_deltalake)  # type: ignore[attr-defined]
    for owner, method in ((deltalake.DeltaTable, "restore"), (deltalake.DeltaTable, "vacuum"),
                          (deltalake.DeltaTable, "delete"), (deltalake.DeltaTable, "create_checkpoint"),
                          (deltalake.DeltaTable, "cleanup_metadata"), (TableMerger, "execute"),
                          (TableOptimizer, "compact"), (TableAlterer, "set_table_properties")):
        setattr(owner, method, points.around(f"{owner.__name__}.{method}", getattr(owner, method)))
    ann.write_file = points.around("faiss.write", ann.write_file)
    os.replace = points.around("os.replace", os.replace)
    shutil.rmtree = points.around("shutil.rmtree", shutil.rmtree)
    event.listen(Engine, "commit", lambda _conn: points.step("catalog.connection.commit"))
    event.listen(Session, "before_commit", lambda _s: points.step("catalog.commit:before"))
    event.listen(Session, "after_commit", lambda _s: points.step("catalog.commit:after"))
    return points
