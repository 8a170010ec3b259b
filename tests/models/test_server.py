"""The model server client against the Ollama-compatible test server: the exact requests, and every failure as
a clear error that names the server."""

from __future__ import annotations

import time

import pytest

from lakehouse.errors import ModelNotFound, ModelServerError, ModelServerTimeout, ModelServerUnavailable
from lakehouse.models.server import ModelServer, model_key
from tests.live_server import free_port
from tests.ollama_server import GIB, OllamaServer


def test_model_key_is_ollamas_spelling() -> None:
    assert model_key("llama3") == "llama3:latest"
    assert model_key("llama3:8b") == "llama3:8b"
    assert model_key("registry.local:5000/team/model") == "registry.local:5000/team/model:latest"
    assert model_key("hf.co/org/m:Q4_K_M") == "hf.co/org/m:Q4_K_M"


def test_preload_generation_model_sends_keep_alive_and_no_prompt(ollama_server: OllamaServer) -> None:
    server = ModelServer(ollama_server.url, keep_alive="30m")
    assert server.preload("llama3", embedding=False) == ("/api/generate", False)
    assert ollama_server.requests() == [("POST", "/api/generate", {"model": "llama3", "keep_alive": "30m"})]
    loaded = server.loaded()
    assert loaded is not None and [(m.name, m.size_vram_bytes) for m in loaded] == [("llama3:latest", 4 * GIB)]
    assert server.unload("llama3") == "/api/generate"
    assert ollama_server.requests()[-1] == ("POST", "/api/generate", {"model": "llama3", "keep_alive": 0})
    assert server.loaded() == []


def test_embedding_model_is_told_by_show_and_loads_through_embed(ollama_server: OllamaServer) -> None:
    server = ModelServer(ollama_server.url)
    assert server.preload("nomic-embed-text") == ("/api/embed", True)
    assert [(m, p) for m, p, _ in ollama_server.requests()] == [("POST", "/api/show"), ("POST", "/api/embed")]
    assert ollama_server.requests("/api/embed")[0][2] == {"model": "nomic-embed-text", "input": "", "keep_alive": -1}
    assert ollama_server.loaded_names() == {"nomic-embed-text:latest"}
    # a generation model per /api/show goes through /api/generate
    assert server.preload("qwen2") == ("/api/generate", False)


def test_refused_generate_falls_back_to_embed(ollama_server: OllamaServer) -> None:
    """A caller wrong about the model (or a server whose /api/show has no capabilities): the server's own
    'does not support generate' sends the preload through /api/embed."""
    ollama_server.capabilities_in_show = False
    server = ModelServer(ollama_server.url)
    assert server.preload("nomic-embed-text") == ("/api/embed", True)
    assert ollama_server.loads_and_unloads() == ["load nomic-embed-text:latest via /api/generate",
                                                  "load nomic-embed-text:latest via /api/embed"]
    assert ollama_server.loaded_names() == {"nomic-embed-text:latest"}


def test_unknown_model_is_404_naming_it(ollama_server: OllamaServer) -> None:
    server = ModelServer(ollama_server.url)
    with pytest.raises(ModelNotFound, match="'mistral'") as caught:
        server.preload("mistral", embedding=False)
    assert caught.value.http_status == 404 and ollama_server.url.split("//")[1] in caught.value.message


def test_sizes_from_tags_and_missing_ps(ollama_server: OllamaServer) -> None:
    server = ModelServer(ollama_server.url)
    assert server.sizes() == {"llama3:latest": 4 * GIB, "qwen2:latest": 5 * GIB,
                              "nomic-embed-text:latest": 300 * 1024**2}
    ollama_server.no_ps = True
    assert server.loaded() is None


def test_server_down_names_the_url() -> None:
    port = free_port()
    server = ModelServer(f"http://127.0.0.1:{port}")
    with pytest.raises(ModelServerUnavailable) as caught:
        server.preload("llama3", embedding=False)
    assert f"http://127.0.0.1:{port}" in caught.value.message
    assert caught.value.http_status == 503 and "models.url" in (caught.value.hint or "")


def test_slow_server_times_out(ollama_server: OllamaServer) -> None:
    ollama_server.delay = 1.0
    server = ModelServer(ollama_server.url, timeout=0.2, probe_timeout=0.2)
    started = time.perf_counter()
    with pytest.raises(ModelServerTimeout, match=r"within 0.2 s") as caught:
        server.preload("llama3", embedding=False)
    assert time.perf_counter() - started < 0.9
    assert caught.value.http_status == 504 and ollama_server.url.split("//")[1] in caught.value.message
    with pytest.raises(ModelServerTimeout, match="/api/ps"):
        server.loaded()


@pytest.mark.parametrize("path", ["/api/ps", "/api/tags", "/api/generate", "/api/show"])
def test_garbage_answers_are_a_502_error(ollama_server: OllamaServer, path: str) -> None:
    ollama_server.garbage.add(path)
    server = ModelServer(ollama_server.url)
    call = {"/api/ps": server.loaded, "/api/tags": server.sizes,
            "/api/generate": lambda: server.preload("llama3", embedding=False),
            "/api/show": lambda: server.preload("llama3")}[path]
    with pytest.raises(ModelServerError, match="not a JSON object") as caught:
        call()
    assert caught.value.http_status == 502 and path in caught.value.message


def test_json_of_the_wrong_shape_is_a_502_error(ollama_server: OllamaServer) -> None:
    server = ModelServer(ollama_server.url)
    ollama_server.fail_next_load["llama3:latest"] = (500, "llama runner process has terminated: out of memory")
    with pytest.raises(ModelServerError, match="out of memory") as caught:
        server.preload("llama3", embedding=False)
    assert caught.value.http_status == 502
    ollama_server.stop()
    # a server that answers a list where Ollama answers {"models": [...]}
    import json
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    class Odd(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            payload = json.dumps({"models": [{"size": 3}]}).encode()
            self.send_response(200)
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Odd)
    Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with pytest.raises(ModelServerError, match="without a 'models' list"):
            ModelServer(f"http://127.0.0.1:{httpd.server_address[1]}").loaded()
    finally:
        httpd.shutdown()
        httpd.server_close()
