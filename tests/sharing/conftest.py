from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from lakehouse.app import Lakehouse
from tests.live_server import free_port, serving

PEOPLE = pa.table({"id": pa.array(range(1, 9), pa.int64()),
                   "email": [f"person{i}@example.org" for i in range(1, 9)],
                   "age": pa.array([25, 31, 38, 44, 51, 57, 63, 70], pa.int64())})
VIEW = {"name": "people_safe", "base_dataset": "people", "columns": ["id", "email", "age"], "row_filter": "age >= 40",
        "column_redactions": {"email": {"kind": "mask", "keep_prefix": 2, "keep_suffix": 0}}}


@dataclass
class Sharing:
    lh: Lakehouse
    url: str
    folder: Path

    def profile(self, name: str, shares: list[str], **options: Any) -> Path:
        """Create a recipient through the library and keep its profile as a file, as a recipient would."""
        profile = self.lh.create_recipient(name, shares, **options)
        path = self.folder / f"{name}.share"
        path.write_text(json.dumps(profile))
        return path


@pytest.fixture
def sharing_server(tmp_path: Path) -> Iterator[Sharing]:
    """A lakehouse served by uvicorn on a free loopback port (named in its settings: profiles and file URLs
    carry it), with a dataset ``people`` and a masked, filtered view ``people_safe`` over it."""
    from lakehouse.config import load_settings

    port = free_port()
    settings = load_settings(None, data_dir=tmp_path / "data", server={"port": port},
                             query={"workers": 1, "time_limit_seconds": 30},
                             governance={"purge_retention_hours": 0})
    lh = Lakehouse(settings)
    try:
        lh.write_table("people", PEOPLE)
        lh.create_view(VIEW)
        with serving(lh, port=port) as url:
            yield Sharing(lh, url, tmp_path)
    finally:
        lh.close()


@pytest.fixture
def table_url() -> Callable[[Path, str, str], str]:
    def url(profile: Path, share: str, table: str) -> str:
        return f"{profile}#{share}.default.{table}"

    return url
