"""incremental DB sync state

Revision ID: 0002_sync
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_sync"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "db_sync_state",
        sa.Column("dataset_name", sa.String(length=63), nullable=False),
        sa.Column("source_key", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=1000), nullable=False),
        sa.Column("incremental_column", sa.String(length=200), nullable=False),
        sa.Column("high_water", sa.JSON(), nullable=False),
        sa.Column("at_mark", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("dataset_name", "source_key"),
    )


def downgrade() -> None:
    op.drop_table("db_sync_state")
