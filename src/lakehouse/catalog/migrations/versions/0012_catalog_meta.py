"""catalog_meta: facts about the catalog itself (the governance secret's check value)

Revision ID: 0012_catalog_meta
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_catalog_meta"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalog_meta",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("catalog_meta")
