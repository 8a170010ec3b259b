"""A real S3 API on loopback (moto server) for tests; loaded by tests/conftest.py as a pytest plugin.

Fixtures:
- ``s3_server`` (session): the endpoint URL, e.g. ``http://127.0.0.1:40123``.
- ``s3_client`` (session): a boto3 S3 client for that endpoint.
- ``s3_bucket_spec`` (function): a fresh, empty S3 bucket per test as a ``BucketSpec`` whose keys are
  ``env:LAKEHOUSE_SECRET_S3_KEY`` / ``env:LAKEHOUSE_SECRET_S3_SECRET`` references (set here).

The server runs in a child process, not as ``ThreadedMotoServer`` in this one: some deltalake calls
(``DeltaTable.history``) hold the GIL while they wait on the network, so an in-process server thread
can never answer them and the test hangs until object_store's retries give up (measured: ~3 minutes).
With ``CI`` set, a server that cannot start fails the run; otherwise the tests that need it skip.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from typing import Any, NoReturn

import pytest

from lakehouse.storage.buckets import BucketSpec

ACCESS_KEY = "lakehouse-test-key"
SECRET_KEY = "lakehouse-test-secret"
REGION = "us-east-1"
_START_TIMEOUT = 20.0


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"moto S3 server unavailable (CI is set): {reason}")
    pytest.skip(f"moto S3 server unavailable: {reason}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(endpoint: str, process: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1):
                return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    return False


@pytest.fixture(scope="session")
def s3_server() -> Iterator[str]:
    try:
        import moto.server  # noqa: F401
    except ImportError as exc:
        _unavailable(f"moto[server] is not installed ({exc})")
    process: subprocess.Popen[bytes] | None = None
    endpoint = ""
    for _ in range(3):  # the free port may be taken between choosing and binding it
        port = _free_port()
        endpoint = f"http://127.0.0.1:{port}"
        process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if _wait_until_up(endpoint, process):
            break
        process.kill()
        process.wait()
        process = None
    if process is None:
        _unavailable(f"no server answered within {_START_TIMEOUT:.0f}s")
    try:
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def s3_client(s3_server: str) -> Any:
    boto3 = pytest.importorskip("boto3")
    return boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
    )


def _empty_and_delete(client: Any, bucket: str) -> None:
    paginator = client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket):
        keys = [{"Key": obj["Key"]} for obj in page.get("Contents", [])]
        if keys:
            client.delete_objects(Bucket=bucket, Delete={"Objects": keys})
    client.delete_bucket(Bucket=bucket)


@pytest.fixture
def s3_bucket_spec(s3_server: str, s3_client: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[BucketSpec]:
    monkeypatch.setenv("LAKEHOUSE_SECRET_S3_KEY", ACCESS_KEY)
    monkeypatch.setenv("LAKEHOUSE_SECRET_S3_SECRET", SECRET_KEY)
    name = f"lh-test-{uuid.uuid4().hex[:12]}"
    s3_client.create_bucket(Bucket=name)
    try:
        yield BucketSpec(
            name="s3test",
            backend="s3",
            bucket=name,
            prefix="lake",
            endpoint=s3_server,
            region=REGION,
            access_key_id_ref="env:LAKEHOUSE_SECRET_S3_KEY",
            secret_access_key_ref="env:LAKEHOUSE_SECRET_S3_SECRET",
            allow_http=True,
        )
    finally:
        _empty_and_delete(s3_client, name)
