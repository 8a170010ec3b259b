"""Real local services for tests: fail when CI is set and a service is missing, skip otherwise."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import pytest

PG_HOST, PG_PORT = "127.0.0.1", 5432


def service_missing(name: str, reason: str) -> None:
    message = f"{name} is not available: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this fails instead of skipping)")
    pytest.skip(message)


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards. Yields its SQLAlchemy URL."""
    if not port_open(PG_HOST, PG_PORT):
        service_missing("PostgreSQL", f"nothing listens on {PG_HOST}:{PG_PORT}")
    import psycopg

    name = f"lh_test_{uuid.uuid4().hex[:12]}"
    admin = f"host={PG_HOST} port={PG_PORT} user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


MYSQL_HOST, MYSQL_PORT = "127.0.0.1", 3306


def postgres_schema() -> Iterator[tuple[str, str]]:
    """A fresh schema in the local PostgreSQL ``postgres`` database, dropped afterwards: (DSN, schema)."""
    if not port_open(PG_HOST, PG_PORT):
        service_missing("PostgreSQL", f"nothing listens on {PG_HOST}:{PG_PORT}")
    import psycopg

    name = f"lh_src_{uuid.uuid4().hex[:12]}"
    admin = f"host={PG_HOST} port={PG_PORT} user=postgres dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres", name
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def mysql_database() -> Iterator[str]:
    """A fresh MariaDB/MySQL database for one test, dropped afterwards. Yields its name."""
    if not port_open(MYSQL_HOST, MYSQL_PORT):
        service_missing("MariaDB", f"nothing listens on {MYSQL_HOST}:{MYSQL_PORT}")
    import pymysql

    name = f"lh_src_{uuid.uuid4().hex[:12]}"
    conn = pymysql.connect(host=MYSQL_HOST, port=MYSQL_PORT, user="root", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE `{name}`")
        yield name
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
        conn.close()
