"""Starting and stopping the MySQL reader child (``mysql_reader``): standard library only, so the CLI can spawn it
first thing and let its interpreter start and ConnectorX import overlap the CLI's own start-up."""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import sys

_spare: subprocess.Popen[bytes] | None = None


def spawn() -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own module; the job (with the password) goes on stdin
        [sys.executable, "-W", "ignore", "-m", "lakehouse.ingest.db.mysql_reader"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "RUST_BACKTRACE": "0"})


def stop(child: subprocess.Popen[bytes]) -> None:
    if child.stdin is not None and not child.stdin.closed:
        with contextlib.suppress(OSError):
            child.stdin.close()  # an unused reader exits on the empty job
    if child.poll() is None:
        child.kill()
    child.wait()
    for pipe in (child.stdout, child.stderr):
        if pipe is not None:
            pipe.close()


def spawn_spare() -> None:
    """Start a reader before the command that will use it has parsed its arguments (cli/launch.py)."""
    global _spare
    if _spare is None:
        _spare = spawn()
        atexit.register(_stop_spare)


def take_spare() -> subprocess.Popen[bytes] | None:
    """The reader ``spawn_spare`` started, once; None when there is none (or it has died)."""
    global _spare
    child, _spare = _spare, None
    if child is not None and child.poll() is not None:
        stop(child)
        return None
    return child


def _stop_spare() -> None:
    child = take_spare()
    if child is not None:
        stop(child)
