"""A real ``lakehouse serve`` (token mode, loopback) and Debian's chromium driven by Playwright.

Playwright's own browser download cannot work here: chromium comes from apt (``./dev.sh test`` installs it) and
is launched by its path. Without it (or without the playwright package) these tests skip, except with ``CI``
set, where they fail."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.live_server import free_port

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = Path(os.environ.get("LAKEHOUSE_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "console"
CHROMIUM = os.environ.get("LAKEHOUSE_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def _missing(what: str) -> None:
    message = f"{what} (install with: apt-get install -y chromium; pip install -e '.[dev]')"
    if os.environ.get("CI"):
        pytest.fail(f"browser tests need {message}")
    pytest.skip(f"browser tests need {message}")


def _cli() -> str:
    return str(Path(sys.executable).with_name("lakehouse"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    data = tmp_path_factory.mktemp("console-browser") / "data"
    env = {**os.environ, "LAKEHOUSE_AUTH__MODE": "token", "HF_HUB_OFFLINE": "1", "LAKEHOUSE_QUERY__WORKERS": "1"}
    tokens = {}
    for name, role in (("ana-admin", "admin"), ("rex-reader", "reader")):
        made = subprocess.run([_cli(), "--data-dir", str(data), "--format", "json", "tokens", "create", name,
                               "--role", role], env=env, capture_output=True, text=True, check=True)
        tokens[role] = json.loads(made.stdout)["token"]
    port = free_port()
    log = open(data.parent / "serve.log", "wb")  # noqa: SIM115 - closed after the server stops
    process = subprocess.Popen([_cli(), "--data-dir", str(data), "serve", "--host", "127.0.0.1", "--port",
                                str(port), "--no-watch"], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((data.parent / "serve.log").read_text()[-3000:])
            time.sleep(0.2)
        yield {"url": url, "tokens": tokens, "data": data}
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if CHROMIUM is None or not Path(CHROMIUM).exists():
        _missing("Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-dev-shm-usage"])
        try:
            yield browser
        finally:
            browser.close()


def shot(page: Any, name: str) -> Path:
    """A screenshot kept as a test artifact (docs/console.md shows these)."""
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
