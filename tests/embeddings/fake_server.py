"""A loopback model server speaking Ollama's /api/embed and OpenAI's /v1/embeddings, with failure modes."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class Behaviour:
    def __init__(self) -> None:
        self.dim = 8
        self.model = "fake-embed"
        self.delay = 0.0
        self.fail_status: list[int] = []   # statuses to answer first, one per request
        self.fail_after: int | None = None  # answer 503 from this request on (a server going down mid-build)
        self.wrong_dim_at: int | None = None
        self.slow_after: int | None = None  # from this request on, answer only after slow_seconds
        self.slow_seconds = 1.0
        self.requests = 0
        self.batches: list[int] = []
        self.authorization: list[str | None] = []  # the Authorization header of each request


def vector(text: str, dim: int) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [(digest[i % len(digest)] - 128) / 128 for i in range(dim)]


def _handler(b: Behaviour) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:  # noqa: N802
            payload = json.loads(self.rfile.read(int(self.headers["content-length"])))
            b.requests += 1
            b.authorization.append(self.headers.get("authorization"))
            n = b.requests
            if b.delay:
                time.sleep(b.delay)
            if b.slow_after is not None and n > b.slow_after:
                time.sleep(b.slow_seconds)
            if b.fail_status:
                self._send(b.fail_status.pop(0), {"error": "temporarily unavailable"})
                return
            if b.fail_after is not None and n > b.fail_after:
                self._send(503, {"error": "server overloaded"})
                return
            if payload.get("model") != b.model:
                self._send(404, {"error": f"model \"{payload.get('model')}\" not found, try pulling it first"})
                return
            texts = payload["input"] if isinstance(payload["input"], list) else [payload["input"]]
            b.batches.append(len(texts))
            dim = b.dim + 1 if b.wrong_dim_at is not None and n >= b.wrong_dim_at else b.dim
            vectors = [vector(t, dim) for t in texts]
            if self.path == "/api/embed":
                self._send(200, {"model": b.model, "embeddings": vectors})
            elif self.path == "/v1/embeddings":
                data = [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)]
                self._send(200, {"object": "list", "model": b.model, "data": list(reversed(data))})
            else:
                self._send(404, {"error": "no such route"})

    return Handler


@contextmanager
def fake_server() -> Iterator[tuple[str, Behaviour]]:
    behaviour = Behaviour()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(behaviour))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", behaviour
    finally:
        server.shutdown()
        server.server_close()
