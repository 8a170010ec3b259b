"""POST /query/sql as an export: Arrow and CSV stream every row over a real server; JSON keeps its cap and
says how to get the rest; a failure after the first byte never looks like a complete result."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import httpx
import pyarrow as pa
import pytest

from tests.live_server import serving

ROWS = 50_000
ARROW = "application/vnd.apache.arrow.stream"


@pytest.fixture
def server(lakehouse: Any) -> Iterator[str]:
    lakehouse.write_table("numbers", pa.table({"i": pa.array(range(ROWS), pa.int64()),
                                               "label": [f"n,{i}" for i in range(ROWS)]}))
    with serving(lakehouse) as url:
        yield url


def test_arrow_streams_every_row(server: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as http:
        response = http.post("/query/sql", json={"sql": "SELECT i FROM numbers"}, headers={"Accept": ARROW})
    assert response.status_code == 200 and response.headers["content-type"] == ARROW
    assert "x-truncated" not in response.headers
    table = pa.ipc.open_stream(response.content).read_all()
    assert sorted(table.column("i").to_pylist()) == list(range(ROWS))


def test_csv_streams_every_row(server: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as http:
        response = http.post("/query/sql", json={"sql": "SELECT i, label FROM numbers ORDER BY i"},
                             headers={"Accept": "text/csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["i", "label"] and len(rows) == ROWS + 1
    assert rows[-1] == [str(ROWS - 1), f"n,{ROWS - 1}"]


def test_json_keeps_its_cap_and_points_to_the_stream(server: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as http:
        body = http.post("/query/sql", json={"sql": "SELECT i FROM numbers"}).json()
        capped = http.post("/query/sql", json={"sql": "SELECT i FROM numbers", "stream": False},
                           headers={"Accept": ARROW})
    assert body["truncated"] is True and body["row_count"] == 10_000
    assert "application/vnd.apache.arrow.stream" in body["hint"] and "--output" in body["hint"]
    assert capped.headers["x-truncated"] == "true"
    assert pa.ipc.open_stream(capped.content).read_all().num_rows == 10_000


@pytest.mark.parametrize("accept", [ARROW, "text/csv"])
def test_a_failure_mid_stream_leaves_the_body_incomplete(server: str, accept: str) -> None:
    statement = {"sql": "SELECT 1 / (i - 40000) AS x FROM numbers"}
    with httpx.Client(base_url=server, timeout=60) as http:
        with pytest.raises(httpx.RemoteProtocolError), \
                http.stream("POST", "/query/sql", json=statement, headers={"Accept": accept}) as response:
            assert response.status_code == 200  # the first batch was fine: the status line went out
            response.read()
        after = http.post("/query/sql", json={"sql": "SELECT count(*) AS n FROM numbers"})
    assert after.json()["rows"] == [[ROWS]]


def test_an_error_before_the_first_row_is_a_4xx(server: str) -> None:
    with httpx.Client(base_url=server, timeout=60) as http:
        response = http.post("/query/sql", json={"sql": "SELECT 1 / (i - i) FROM numbers"},
                             headers={"Accept": ARROW})
        unknown = http.post("/query/sql", json={"sql": "SELECT * FROM numbrs"}, headers={"Accept": ARROW})
    assert response.status_code == 400 and "Divide by zero" in response.json()["error"]["message"]
    assert unknown.status_code == 400 and "numbers" in unknown.json()["error"]["hint"]


def test_a_client_that_goes_away_frees_the_worker(server: str) -> None:
    # the lakehouse fixture has one query worker: an export held forever would starve the next query
    for _ in range(2):
        with httpx.Client(base_url=server, timeout=60) as http, \
                http.stream("POST", "/query/sql", json={"sql": "SELECT * FROM numbers, numbers AS b"},
                            headers={"Accept": ARROW}) as response:
            assert response.status_code == 200
            next(response.iter_raw())
        with httpx.Client(base_url=server, timeout=60) as http:
            answer = http.post("/query/sql", json={"sql": "SELECT count(*) AS n FROM numbers"})
        assert answer.status_code == 200 and answer.json()["rows"] == [[ROWS]]
