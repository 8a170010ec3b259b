from __future__ import annotations

import hashlib
import os
import subprocess
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


def _slow_seed() -> str:
    """What picks the half of the slow tests a run takes: LAKEHOUSE_SLOW_SEED, else the commit under test."""
    seed = os.environ.get("LAKEHOUSE_SLOW_SEED")
    if seed:
        return seed
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True,
                              cwd=Path(__file__).parent).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "no-commit"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` run as a rotating half: each commit takes the half its hash picks, so successive
    CI runs cover all of them while one run stays within the time budget. LAKEHOUSE_SLOW=all runs every one
    (and ``-m slow`` selects them), LAKEHOUSE_SLOW=none none."""
    mode = os.environ.get("LAKEHOUSE_SLOW", "half")
    if mode == "all" or config.getoption("markexpr", ""):
        return
    seed = _slow_seed()

    def taken(item: pytest.Item) -> bool:
        if item.get_closest_marker("slow") is None:
            return True
        return mode != "none" and hashlib.sha256(f"{seed}:{item.nodeid}".encode()).digest()[0] % 2 == 0

    kept = [item for item in items if taken(item)]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if not taken(item)])
        items[:] = kept


def pytest_report_header(config: pytest.Config) -> str:
    return "slow tests: a rotating half per commit (LAKEHOUSE_SLOW=all runs every one, =none none)"


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
