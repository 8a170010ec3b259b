from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
import pytest

from tests.ray_cluster import RayTestCluster, ray_cluster  # noqa: F401 - the session fixture

DIM = 24


def hash_vector(text: str) -> list[float]:
    """Deterministic bag-of-words vectors (texts sharing words are close), computed the same everywhere."""
    out = np.zeros(DIM, dtype=np.float64)
    for word in re.findall(r"\w+", text.lower()):
        h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little")
        out[h % DIM] += 1.0 + (h >> 8) % 3
    return out.tolist()


@dataclass
class EmbeddingServer:
    """An OpenAI-compatible ``POST /v1/embeddings`` on loopback, answering hash vectors; ``redirect`` makes
    it answer 307 to that URL instead (a server pointing the client somewhere else)."""

    url: str = ""
    redirect: str | None = None
    texts: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def embedding_server() -> Iterator[EmbeddingServer]:
    server = EmbeddingServer()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:  # noqa: N802 - the stdlib's naming
            body = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)) or b"{}")
            if server.redirect is not None:
                self.send_response(307)
                self.send_header("Location", server.redirect)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            texts = list(body.get("input") or [])
            with server._lock:
                server.texts += len(texts)
            payload = json.dumps({"data": [{"index": i, "embedding": hash_vector(t)} for i, t in enumerate(texts)],
                                  "model": body.get("model")}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def make_lakehouse(tmp_path):  # type: ignore[no-untyped-def]
    """Lakehouses with their own data dirs, closed afterwards: ``make_lakehouse("a", compute={...})``."""
    from lakehouse.app import Lakehouse
    from lakehouse.config import load_settings

    made: list[Any] = []

    def make(name: str, **overrides: Any) -> Any:
        overrides.setdefault("query", {"workers": 1, "time_limit_seconds": 60})
        lh = Lakehouse(load_settings(None, data_dir=tmp_path / name, **overrides))
        made.append(lh)
        return lh

    yield make
    for lh in made:
        lh.close()


def on_ray(cluster: RayTestCluster, **extra: Any) -> dict[str, Any]:
    """Every build on the cluster, however small (the tests' corpora are below compute.ray_min_chunks)."""
    return {"engine": "ray", "ray_address": cluster.address, "ray_min_chunks": 0, **extra}
