"""Alembic environment: runs on the connection handed over by ``lakehouse.catalog.db.migrate``."""

from __future__ import annotations

from alembic import context

from lakehouse.catalog.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via lakehouse.catalog.db.migrate
    raise RuntimeError("run migrations through lakehouse.catalog.db.migrate(engine)")
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
