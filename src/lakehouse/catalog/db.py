"""Catalog database: engine creation (SQLite or PostgreSQL), migrations, DSN redaction."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from lakehouse.config import resolve_secret
from lakehouse.errors import InvalidInput, Unavailable

MIGRATIONS = Path(__file__).parent / "migrations"
_PASSWORD_IN_URL = re.compile(r"(?P<head>[a-zA-Z][\w+.-]*://[^:/@\s]+:)(?P<pw>[^@\s]*)(?P<tail>@)")
_PASSWORD_KV = re.compile(r"(?P<head>\bpassword\s*=\s*)(?P<pw>'[^']*'|\S+)", re.IGNORECASE)


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


def create_catalog_engine(url: str) -> Engine:
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
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def migrate(engine: Engine) -> None:
    """Bring the catalog schema to the newest Alembic revision."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "heads")  # capabilities add their own migration branches off 0001
    except Exception as exc:
        if "connect" in str(exc).lower() or "could not" in str(exc).lower():
            raise Unavailable(
                f"Cannot reach the catalog database: {redact_dsn(str(exc))}",
                hint="Check catalog.url and that the database server is running.",
            ) from exc
        raise
