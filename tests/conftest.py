from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.services import postgres_database

pytest_plugins = ["tests.s3_server", "tests.ollama_server"]

settings.register_profile(
    "ci", derandomize=True, max_examples=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile("dev", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(params=["sqlite", "postgresql"])
def catalog_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Every catalog test runs on SQLite and on the local PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'catalog.db'}"
    else:
        yield from postgres_database()


@pytest.fixture
def make_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from lakehouse.config import load_settings

    def build(**overrides):  # type: ignore[no-untyped-def]
        overrides.setdefault("data_dir", tmp_path / "data")
        return load_settings(None, **overrides)

    return build


@pytest.fixture
def lakehouse(make_settings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse

    lh = Lakehouse(make_settings(query={"workers": 1, "time_limit_seconds": 20},
                                 catalog={"lock_timeout_seconds": 0.3}))
    try:
        yield lh
    finally:
        lh.close()
