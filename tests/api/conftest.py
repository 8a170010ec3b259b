from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from lakehouse.api.app import create_app


@pytest.fixture
def client(lakehouse) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(create_app(lakehouse), raise_server_exceptions=False) as test_client:
        yield test_client


def assert_error(response, status: int, code: str | None = None, contains: str | None = None) -> dict:  # type: ignore[no-untyped-def,type-arg]
    assert response.status_code == status, response.text
    body = response.json()
    if response.request.url.path.startswith("/delta-sharing/"):  # the protocol's own fields ride along
        assert set(body) == {"error", "errorCode", "message"} and body["message"] == body["error"]["message"], body
    else:
        assert set(body) == {"error"}, body
    error = body["error"]
    assert {"code", "message", "hint", "request_id"} <= set(error)
    assert error["message"]
    if code:
        assert error["code"] == code, error
    if contains:
        assert contains.lower() in error["message"].lower(), error
    return error  # type: ignore[no-any-return]


def upload(client: TestClient, name: str, content: bytes, dataset: str, wait: bool = True, **fields: str):  # type: ignore[no-untyped-def]
    return client.post(f"/ingest/file?wait={'true' if wait else 'false'}",
                       files={"file": (name, content)}, data={"dataset": dataset, **fields})
