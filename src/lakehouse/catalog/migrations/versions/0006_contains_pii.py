"""contains_pii: free-text columns with PII inside their prose

Revision ID: 0006_contains_pii
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_contains_pii"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dataset_columns") as batch:
        batch.add_column(sa.Column("contains_pii", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dataset_columns") as batch:
        batch.drop_column("contains_pii")
