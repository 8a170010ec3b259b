"""Catalog database: engine creation (SQLite or PostgreSQL), migrations, DSN redaction."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from lakehouse.config import resolve_secret
from lakehouse.errors import InvalidInput, StorageFull, Unavailable, storage_failure

MIGRATIONS = Path(__file__).parent / "migrations"
_PASSWORD_IN_URL = re.compile(r"(?P<head>[a-zA-Z][\w+.-]*://[^:/@\s]+:)(?P<pw>[^@\s]*)(?P<tail>@)")
_PASSWORD_KV = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<pw>'[^']*'|\S+)", re.IGNORECASE)


def reading(sessions: sessionmaker[Session],
            connection: Connection | None) -> contextlib.AbstractContextManager[Connection]:
    """The caller's connection (several reads that every query makes share one: on PostgreSQL each checkout
    pings the server and each return rolls back), or a bare one of the catalog's own, closed after use."""
    if connection is not None:
        return contextlib.nullcontext(connection)
    bind = sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind.connect()


def redact_dsn(dsn: str) -> str:
    """Hide passwords in URL-style (``scheme://user:pw@host``) and key=value DSNs."""
    redacted = _PASSWORD_IN_URL.sub(lambda m: f"{m['head']}***{m['tail']}", dsn)
    return _PASSWORD_KV.sub(lambda m: f"{m['head']}***", redacted)


def resolve_url(url: str) -> Any:
    """Parse a catalog URL; a password given as ``env:LAKEHOUSE_SECRET_*`` is resolved here only."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise InvalidInput(f"Catalog URL '{redact_dsn(url)}' is not a valid SQLAlchemy URL.") from exc
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.password and str(parsed.password).startswith("env:"):
        parsed = parsed.set(password=resolve_secret(str(parsed.password)))
    elif parsed.password:
        raise InvalidInput(
            "The catalog URL holds a password in clear.",
            hint="Write the password as env:LAKEHOUSE_SECRET_<NAME> and export that variable.",
        )
    return parsed


_PG_DISK_FULL = "53100"


def _map_storage_errors(engine: Engine) -> None:
    """A full disk under the catalog (SQLite's SQLITE_FULL, PostgreSQL's 53100) answers ``storage_full``."""

    @event.listens_for(engine, "handle_error")
    def _full(context: Any) -> None:
        original = context.original_exception
        if getattr(original, "sqlstate", None) == _PG_DISK_FULL:
            raise StorageFull("Out of space writing the catalog database.") from original
        if engine.dialect.name == "sqlite":
            failure = storage_failure(original, "the catalog database")
            if failure is not None:
                raise failure from original


def create_catalog_engine(url: str) -> Engine:
    engine = _create_engine(url)
    _map_storage_errors(engine)
    return engine


def _create_engine(url: str) -> Engine:
    parsed = resolve_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a commit survives a crash of any process (kill -9 included) without an fsync each;
            # a power cut may lose the last commits but never corrupts (docs/operations.md, durability).
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})


_MIGRATION_LOCK = 0x6C616B65686F7573  # "lakehous": the advisory lock key migrations take on PostgreSQL


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """SQLite: a file lock beside the database, so two processes never run the same migration at once."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    fd = os.open(f"{database}.migrate.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*(.+)$", re.M)


def _heads() -> set[str]:
    """The migration heads, read from the revision files without importing Alembic (~80 ms a start)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found: dict[str, str] = {m[1]: m[2] for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if "revision" not in found:
            continue
        revisions.add(found["revision"].strip("\"' "))
        down = found.get("down_revision", "None").strip()
        parents.update(part.strip("\"' ") for part in down.strip("()").split(",") if part.strip() not in ("", "None"))
    return revisions - parents


def _current(engine: Engine) -> set[str] | None:
    try:
        with engine.connect() as connection:
            return {str(r[0]) for r in connection.execute(text("SELECT version_num FROM alembic_version"))}
    except Exception:  # noqa: BLE001 - no table yet, or unreachable: the full migration path decides
        return None


def migrate(engine: Engine) -> None:
    """Bring the catalog schema to the newest Alembic revision (nothing to do: no Alembic import)."""
    if _current(engine) == _heads():
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with _migration_lock(engine), engine.begin() as connection:
            if engine.dialect.name == "postgresql":  # two processes starting on a fresh catalog: one migrates
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "heads")  # capabilities add their own migration branches off 0001
    except Exception as exc:
        if "connect" in str(exc).lower() or "could not" in str(exc).lower():
            raise Unavailable(
                f"Cannot reach the catalog database: {redact_dsn(str(exc))}",
                hint="Check catalog.url and that the database server is running.",
            ) from exc
        raise
