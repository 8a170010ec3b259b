"""Spawning a query worker process: only the standard library, so a command can start its worker before it
imports anything heavy (the CLI's ``sql`` does, and the worker boots while the CLI loads and opens the
catalog). The pool, the protocol and the time limit are ``executor.QueryExecutor``'s."""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
from multiprocessing.connection import Connection
from pathlib import Path

log = logging.getLogger(__name__)


class Worker:
    """One ``python -m lakehouse.query.worker`` process and its socket; ``wait_ready`` waits for its hello."""

    def __init__(self) -> None:
        parent, child = socket.socketpair()
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "lakehouse.query.worker", str(child.fileno()), str(os.getpid())],
                pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, env=env,
            )
        finally:
            child.close()
        self.conn = Connection(parent.detach())

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            raise TimeoutError(f"query worker not ready after {timeout:g} s")
        message = self.conn.recv()
        if message != ("ready",):
            raise RuntimeError(f"unexpected first message from query worker: {message!r}")

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        self.conn.close()

    def reap(self) -> None:
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            log.warning("query worker %s did not exit after SIGKILL", self.proc.pid)
