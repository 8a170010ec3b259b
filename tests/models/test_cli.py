"""``lakehouse models ...`` as a user runs it (whole processes): JSON on stdout, errors without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.live_server import free_port
from tests.ollama_server import GIB, OllamaServer


def cli(data: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LAKEHOUSE_MODELS__URL": url}
    return subprocess.run([sys.executable, "-m", "lakehouse.cli", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120, env=env)


def test_vram_preload_unload_json(tmp_path: Path, ollama_server: OllamaServer) -> None:
    data = tmp_path / "data"
    loaded = cli(data, ollama_server.url, "--format", "json", "models", "preload", "llama3")
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(loaded.stdout)["via"] == "/api/generate"
    embedded = cli(data, ollama_server.url, "models", "preload", "nomic-embed-text", "--embedding", "--format", "json")
    assert json.loads(embedded.stdout)["via"] == "/api/embed"
    shown = [body["model"] for _, _, body in ollama_server.requests("/api/show")]
    assert shown == ["llama3:latest"], "--embedding was not passed on (or no flag did not ask the server)"
    report = json.loads(cli(data, ollama_server.url, "--format", "json", "models", "vram").stdout)
    assert report["gpus"] == [] and report["reason"]
    assert {m["name"]: m["size_vram_bytes"] for m in report["models"]} == {
        "llama3:latest": 4 * GIB, "nomic-embed-text:latest": 300 * 1024**2}
    table = cli(data, ollama_server.url, "models", "vram")
    assert table.returncode == 0 and "llama3:latest" in table.stdout and "no GPU" in table.stderr
    gone = cli(data, ollama_server.url, "--format", "json", "models", "unload", "llama3")
    assert json.loads(gone.stdout)["loaded"] is False


def test_server_down_is_a_message_naming_the_url(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    proc = cli(tmp_path / "data", url, "models", "preload", "llama3")
    assert proc.returncode != 0 and proc.stdout == ""
    assert url in proc.stderr and "Traceback" not in proc.stderr
    report = cli(tmp_path / "data", url, "--format", "json", "models", "vram")
    assert report.returncode == 0 and url in json.loads(report.stdout)["server_error"]
