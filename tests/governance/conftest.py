from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from lakehouse.app import Lakehouse
from lakehouse.types import Actor
from tests.ollama_server import OllamaServer

CANARY = "CANARY-gov-5d1e-never-leak"


def open_lakehouse(data_dir: Path, **overrides: object) -> Lakehouse:
    from lakehouse.config import load_settings

    options: dict[str, object] = {"query": {"workers": 1, "time_limit_seconds": 30},
                                  "catalog": {"lock_timeout_seconds": 2}, "governance": {"purge_retention_hours": 0}}
    settings = load_settings(None, data_dir=data_dir, **{**options, **overrides})
    return Lakehouse(settings)


@pytest.fixture
def gov(tmp_path: Path) -> Iterator[Lakehouse]:
    lh = open_lakehouse(tmp_path / "data")
    try:
        yield lh
    finally:
        lh.close()


@pytest.fixture
def token_client(tmp_path: Path, ollama_server: OllamaServer) -> Iterator[tuple[Lakehouse, TestClient]]:
    """Token auth; the GPU slot's model server is the Ollama-compatible test server (tests/ollama_server.py)."""
    from lakehouse.api.app import create_app

    lh = open_lakehouse(tmp_path / "data", auth={"mode": "token"}, models={"url": ollama_server.url})
    try:
        with TestClient(create_app(lh), raise_server_exceptions=False) as client:
            yield lh, client
    finally:
        lh.close()


@pytest.fixture(scope="session")
def canary_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("outside") / "canary.csv"
    path.write_text(f"secret\n{CANARY}\n")
    return path


def principal(lh: Lakehouse, name: str, role: str, **grants: list[str]) -> tuple[Actor, str]:
    token = lh.create_token(name, role)["token"]
    for kind, names in grants.items():
        for name_ in names:
            lh.add_grant(name, kind, name_)
    return lh.authenticate(token), token
