"""Two ``lakehouse serve`` processes on one PostgreSQL catalog run exactly one agent; when the leader dies
the other takes over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.live_server import free_port
from tests.services import postgres_database


@pytest.fixture
def catalog_url() -> Iterator[str]:
    yield from postgres_database()


def serve(data_dir: Path, catalog_url: str, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LAKEHOUSE_CATALOG__URL": catalog_url, "LAKEHOUSE_AGENT__ENABLED": "true"}
    cli = str(Path(sys.executable).with_name("lakehouse"))
    return subprocess.Popen([cli, "--data-dir", str(data_dir), "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def agent(port: int, timeout: float = 60) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            return dict(httpx.get(f"http://127.0.0.1:{port}/vectors/agent", timeout=5).json())
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.postgres
def test_two_servers_one_agent(tmp_path: Path, catalog_url: str) -> None:
    ports = [free_port(), free_port()]
    servers = [serve(tmp_path / "data", catalog_url, port) for port in ports]
    try:
        deadline = time.monotonic() + 60
        while True:
            states = [agent(port) for port in ports]
            if any(s["this_process_leads"] for s in states) or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        leads = [bool(s["this_process_leads"]) for s in states]
        assert leads.count(True) == 1, states
        leader = leads.index(True)
        servers[leader].send_signal(signal.SIGKILL)  # the database ends its session and the lock with it
        servers[leader].wait(timeout=10)
        other = 1 - leader
        deadline = time.monotonic() + 30
        while not agent(ports[other])["this_process_leads"]:
            assert time.monotonic() < deadline, "the second server never took over"
            time.sleep(0.5)
    finally:
        for server in servers:
            if server.poll() is None:
                server.terminate()
                server.wait(timeout=20)
