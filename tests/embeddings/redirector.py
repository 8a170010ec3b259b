"""A loopback HTTP server that answers every request with a redirect, and records what it was sent."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Redirects:
    def __init__(self, location: str, status: int):
        self.location = location
        self.status = status
        self.seen: list[tuple[str, str, dict[str, str]]] = []  # (method, path, headers)


@contextmanager
def redirector(location: str, status: int = 302, host: str = "127.0.0.1") -> Iterator[tuple[str, Redirects]]:
    """Serve on ``host`` (any loopback address) a redirect to ``location`` (``{path}`` is replaced)."""
    state = Redirects(location, status)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _redirect(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length:
                self.rfile.read(length)
            state.seen.append((self.command, self.path, dict(self.headers)))
            self.send_response(state.status)
            self.send_header("location", state.location.replace("{path}", self.path))
            self.send_header("content-length", "0")
            self.end_headers()

        do_GET = do_HEAD = do_POST = do_PUT = _redirect  # noqa: N815

    server = ThreadingHTTPServer((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
