"""The library API run two ways: in-process (``Lakehouse``) and over HTTP (``RemoteLakehouse`` against a real
server on loopback). Every test in this folder runs against both and must see the same behaviour."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from lakehouse.app import Lakehouse
from lakehouse.client import RemoteLakehouse
from tests.live_server import serving


@pytest.fixture(params=["local", "remote"])
def lh(request: pytest.FixtureRequest, make_settings: Any) -> Iterator[Lakehouse | RemoteLakehouse]:
    local = Lakehouse(make_settings(query={"workers": 1, "time_limit_seconds": 20},
                                    catalog={"lock_timeout_seconds": 0.5}))
    try:
        if request.param == "local":
            yield local
        else:
            with serving(local) as url, RemoteLakehouse(url) as remote:
                yield remote
    finally:
        local.close()
