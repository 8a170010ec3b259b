"""An Ollama-compatible model server on loopback, written from Ollama's API docs (docs/api.md) and its server's
behaviour, for tests of the GPU slot and of profile activation.

What it serves:
- ``POST /api/generate {"model", "prompt"?, "keep_alive"?}``: no prompt and ``keep_alive`` 0 unloads (any model:
  Ollama expires the runner before it checks capabilities) -> ``done_reason: "unload"``; no prompt otherwise
  loads -> ``done_reason: "load"``; an embedding-only model answers 400 ``{"error": "\"NAME\" does not support
  generate"}``; an unknown model 404 ``{"error": "model 'NAME' not found"}``.
- ``POST /api/embed {"model", "input", "keep_alive"?}``: loads (any model) and embeds; ``"input": ""`` embeds
  nothing -> ``{"model", "embeddings": []}``.
- ``GET /api/ps``: loaded models with ``size`` and ``size_vram``; ``GET /api/tags``: every local model's size;
  ``POST /api/show {"model"}``: ``capabilities`` (``["completion"]`` or ``["embedding"]``).
Names are Ollama's: ``llama3`` is ``llama3:latest``.

What a test can make it do: fail the next load of a model (``fail_next_load``), answer slowly (``delay``,
``load_delay``), answer garbage (``garbage``: paths answered with a body that is not JSON), have no /api/ps
(``no_ps``), answer a load but not keep the model (``evict``). It records every request in order (``calls``) and
the most loads ever in flight at once (``max_concurrent_loads``); ``frozen()`` holds its model table still.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

GIB = 1024**3


def model_key(name: str) -> str:
    return name if ":" in name.rsplit("/", 1)[-1] else f"{name}:latest"


@dataclass
class Model:
    name: str
    size: int
    embedding: bool = False  # embedding-only: refuses /api/generate


@dataclass
class OllamaServer:
    models: dict[str, Model] = field(default_factory=dict)
    loaded: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    fail_next_load: dict[str, tuple[int, str]] = field(default_factory=dict)
    garbage: set[str] = field(default_factory=set)
    evict: set[str] = field(default_factory=set)
    delay: float = 0.0
    load_delay: float = 0.0
    no_ps: bool = False
    capabilities_in_show: bool = True
    max_concurrent_loads: int = 0
    url: str = ""
    _loading: int = 0
    _lock: threading.RLock = field(default_factory=threading.RLock)
    _httpd: ThreadingHTTPServer | None = None

    def add(self, name: str, size: int, embedding: bool = False) -> None:
        self.models[model_key(name)] = Model(model_key(name), size, embedding)

    def requests(self, *paths: str) -> list[tuple[str, str, dict[str, Any]]]:
        """The recorded (method, path, body) calls, only those to ``paths`` when given."""
        with self._lock:
            return [c for c in self.calls if not paths or c[1] in paths]

    def loads_and_unloads(self) -> list[str]:
        """What changed the model table: ``load NAME via PATH`` / ``unload NAME``, in order."""
        out = []
        for _, path, body in self.requests("/api/generate", "/api/embed"):
            name = model_key(str(body.get("model", "")))
            if _is_zero(body.get("keep_alive")) and path == "/api/generate":
                out.append(f"unload {name}")
            else:
                out.append(f"load {name} via {path}")
        return out

    def loaded_names(self) -> set[str]:
        with self._lock:
            return set(self.loaded)

    @contextmanager
    def frozen(self) -> Iterator[set[str]]:
        """Hold the model table still (no load or unload completes) while the caller looks at it."""
        with self._lock:
            yield set(self.loaded)

    # Lifecycle -----------------------------------------------------------------------------------------
    def start(self) -> OllamaServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # else each answer waits out the client's delayed ACK (~40 ms)
            wbufsize = 1 << 16  # headers and body leave in one write (flushed after each request)

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's naming
                server._handle(self, "GET")

            def do_POST(self) -> None:  # noqa: N802
                server._handle(self, "POST")

        self._httpd = _Quiet(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True, name="ollama-test-server").start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    # HTTP -----------------------------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        path = handler.path.split("?", 1)[0]
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            return _send(handler, 400, {"error": "invalid character in request body"})
        with self._lock:
            self.calls.append((method, path, body if isinstance(body, dict) else {}))
        if self.delay:
            time.sleep(self.delay)
        if path in self.garbage:
            return _send_raw(handler, 200, b"<html>502 upstream hiccup{not json", "text/html")
        route = {("POST", "/api/generate"): self._generate, ("POST", "/api/embed"): self._embed,
                 ("GET", "/api/ps"): self._ps, ("GET", "/api/tags"): self._tags,
                 ("POST", "/api/show"): self._show}.get((method, path))
        if route is None or (path == "/api/ps" and self.no_ps):
            return _send_raw(handler, 404, b"404 page not found", "text/plain")
        status, answer = route(body)
        _send(handler, status, answer)

    def _known(self, body: dict[str, Any]) -> tuple[str, Model | None]:
        name = model_key(str(body.get("model") or ""))
        return name, self.models.get(name)

    def _generate(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        name, model = self._known(body)
        if model is None:
            return 404, {"error": f"model '{body.get('model')}' not found"}
        if not body.get("prompt") and _is_zero(body.get("keep_alive")):
            with self._lock:
                self.loaded.pop(name, None)
            return 200, {"model": body["model"], "created_at": _now(), "response": "", "done": True,
                         "done_reason": "unload"}
        if model.embedding:
            return 400, {"error": f'"{body["model"]}" does not support generate'}
        failed = self._load(model, body.get("keep_alive"))
        if failed:
            return failed
        return 200, {"model": body["model"], "created_at": _now(), "response": "", "done": True,
                     "done_reason": "load"}

    def _embed(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        name, model = self._known(body)
        if model is None:
            return 404, {"error": f"model '{body.get('model')}' not found"}
        failed = self._load(model, body.get("keep_alive"))
        if failed:
            return failed
        if _is_zero(body.get("keep_alive")):
            with self._lock:
                self.loaded.pop(name, None)
        inputs = body.get("input")
        texts = [inputs] if isinstance(inputs, str) and inputs else [t for t in inputs or [] if isinstance(t, str)]
        return 200, {"model": body["model"], "embeddings": [[0.1, 0.2, 0.3] for _ in texts]}

    def _load(self, model: Model, keep_alive: Any) -> tuple[int, dict[str, Any]] | None:
        with self._lock:
            self._loading += 1
            self.max_concurrent_loads = max(self.max_concurrent_loads, self._loading)
        try:
            if self.load_delay and model.name not in self.loaded:
                time.sleep(self.load_delay)
            with self._lock:
                failure = self.fail_next_load.pop(model.name, None)
                if failure is not None:
                    return failure[0], {"error": failure[1]}
                if model.name not in self.evict:
                    self.loaded[model.name] = {"size": model.size, "size_vram": model.size, "keep_alive": keep_alive}
            return None
        finally:
            with self._lock:
                self._loading -= 1

    def _ps(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            return 200, {"models": [{"name": n, "model": n, "size": v["size"], "digest": "0" * 64,
                                     "details": {"format": "gguf"}, "expires_at": "2318-01-01T00:00:00Z",
                                     "size_vram": v["size_vram"]} for n, v in self.loaded.items()]}

    def _tags(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return 200, {"models": [{"name": m.name, "model": m.name, "modified_at": _now(), "size": m.size,
                                 "digest": "0" * 64, "details": {"format": "gguf"}} for m in self.models.values()]}

    def _show(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        _, model = self._known(body)
        if model is None:
            return 404, {"error": f"model '{body.get('model')}' not found"}
        answer: dict[str, Any] = {"modelfile": "", "parameters": "", "template": "", "details": {"format": "gguf"},
                                  "model_info": {}}
        if self.capabilities_in_show:
            answer["capabilities"] = ["embedding"] if model.embedding else ["completion"]
        return 200, answer


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (a timeout under test) is expected here, not a failure to print."""


def _is_zero(keep_alive: Any) -> bool:
    return keep_alive in (0, 0.0, "0", "0s", "0m")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _send(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
    _send_raw(handler, status, json.dumps(body).encode(), "application/json; charset=utf-8")


def _send_raw(handler: BaseHTTPRequestHandler, status: int, payload: bytes, content_type: str) -> None:
    handler.send_response(status)
    handler.send_header("content-type", content_type)
    handler.send_header("content-length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


@pytest.fixture
def ollama_server() -> Iterator[OllamaServer]:
    """A started server with a generation model ``llama3:latest`` (4 GiB), ``qwen2:latest`` (5 GiB) and an
    embedding-only ``nomic-embed-text:latest`` (0.3 GiB)."""
    server = OllamaServer()
    server.add("llama3", 4 * GIB)
    server.add("qwen2", 5 * GIB)
    server.add("nomic-embed-text", 300 * 1024**2, embedding=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()
