"""Source DSN hosts are outbound requests: checked against network.allowed_hosts before any connection."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from lakehouse.errors import NetworkRefused
from lakehouse.ingest.db.dsn import check_host, parse_dsn
from lakehouse.network import NetworkPolicy
from tests.api.conftest import assert_error
from tests.connectors.conftest import PgSource, rows_of

SECRET = "hunter2-do-not-show"


@pytest.fixture
def listener() -> Iterator[tuple[str, list[object]]]:
    """A TCP listener on 127.0.0.2 that records every connection it accepts."""
    accepted: list[object] = []
    server = socket.socket()
    server.bind(("127.0.0.2", 0))
    server.listen()
    server.settimeout(0.2)
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            accepted.append(conn)
            conn.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.2:{server.getsockname()[1]}", accepted
    finally:
        stop.set()
        thread.join()
        server.close()


@pytest.mark.parametrize("dsn", [
    "postgresql://u:env:LAKEHOUSE_SECRET_DSN_PW@169.254.169.254/db",
    "host=169.254.169.254 user=u password=env:LAKEHOUSE_SECRET_DSN_PW dbname=db",
    "postgresql://u:env:LAKEHOUSE_SECRET_DSN_PW@[fe80::1]:5432/db",
    "postgresql://u:env:LAKEHOUSE_SECRET_DSN_PW@10.11.12.13/db",
])
def test_refused_hosts_never_show_the_password(dsn: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAKEHOUSE_SECRET_DSN_PW", SECRET)
    parsed = parse_dsn(dsn, "postgresql")
    with pytest.raises(NetworkRefused) as info:
        check_host(parsed, NetworkPolicy.default())
    assert info.value.http_status == 403 and SECRET not in info.value.message + str(info.value.hint)


def test_the_check_comes_before_any_connection(make_settings, listener) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse

    address, accepted = listener
    with Lakehouse(make_settings(network={"allowed_hosts": ["127.0.0.1"]})) as lh:
        for ingest, scheme in ((lh.ingest_postgres, "postgresql"), (lh.ingest_mysql, "mysql")):
            with pytest.raises(NetworkRefused, match="127.0.0.2"):
                ingest(f"{scheme}://u@{address}/db", "never", table="t")
    assert accepted == []
    # the same listener, once allowed: now a connection is made (and fails: it is not a database)
    with Lakehouse(make_settings(network={"allowed_hosts": ["127.0.0.2"]})) as lh, pytest.raises(Exception) as info:
        lh.ingest_postgres(f"postgresql://u@{address}/db", "never", table="t", connect_timeout_seconds=2)
    assert not isinstance(info.value, NetworkRefused) and accepted


def test_allowed_hosts_come_from_the_settings(make_settings, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    from lakehouse.app import Lakehouse

    pg.execute("CREATE TABLE t (id int)", "INSERT INTO t VALUES (1), (2)")
    strict_settings = make_settings(network={"allowed_hosts": ["10.0.0.0/8"]})
    with Lakehouse(strict_settings) as strict, pytest.raises(NetworkRefused, match="network.allowed_hosts"):
        strict.ingest_postgres(pg.dsn, "t", table=pg.table("t"))


def test_a_name_is_pinned_to_the_checked_addresses(lakehouse, pg: PgSource) -> None:  # type: ignore[no-untyped-def]
    pg.execute("CREATE TABLE t (id int)", "INSERT INTO t VALUES (1), (2)")
    dsn = check_host(parse_dsn("postgresql://postgres@localhost:5432/postgres", "postgresql"), NetworkPolicy.default())
    assert dsn.addresses and "hostaddr=" in dsn.url() and dsn.redacted == "postgresql://postgres@localhost:5432/postgres"
    job = lakehouse.ingest_postgres("postgresql://postgres@localhost:5432/postgres", "t", table=pg.table("t"))
    assert job.status == "succeeded", job.error
    assert [r["id"] for r in rows_of(lakehouse, "t", "id")] == [1, 2]


def test_http_api_answers_403_with_the_setting(client, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LAKEHOUSE_SECRET_DSN_PW", SECRET)
    for route, dsn in (("/ingest/db", "postgresql://u:env:LAKEHOUSE_SECRET_DSN_PW@169.254.169.254/db"),
                       ("/ingest/mysql", f"mysql://u:{SECRET}@10.1.1.1/db")):
        response = client.post(route, json={"dsn": dsn, "dataset": "d", "table": "t"})
        error = assert_error(response, 403, "network_refused")
        assert "network.allowed_hosts" in error["hint"] or "never allowed" in error["hint"]
        assert SECRET not in response.text
