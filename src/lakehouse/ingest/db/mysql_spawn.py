"""Starting and stopping the MySQL reader child (``mysql_reader``): standard library only, so the CLI can spawn it
first thing and let its interpreter start and ConnectorX import overlap the CLI's own start-up."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys


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
