"""A real ``uvicorn`` server on a free loopback port, in a thread, serving a Lakehouse (tests only)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from lakehouse.app import Lakehouse


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(lh: Lakehouse, app: Any = None, port: int | None = None) -> Iterator[str]:
    """Serve ``create_app(lh)``, or ``app`` when given (an app built from ``lh`` with test routes added), on
    ``port`` when given (one the settings already name, e.g. for ``sharing.endpoint``)."""
    import uvicorn

    from lakehouse.api.app import create_app

    port = port or free_port()
    srv = uvicorn.Server(uvicorn.Config(app or create_app(lh), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(400):
        if srv.started:
            break
        time.sleep(0.025)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
