"""vector_backend: which backend stores an index (hnsw | lance); existing indexes are hnsw

Revision ID: 0010_vector_backend
Revises: 0007_vector_agent
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_vector_backend"
down_revision = "0007_vector_agent"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("vector_indexes") as batch:
        batch.add_column(sa.Column("vector_backend", sa.String(20), nullable=False, server_default="hnsw"))


def downgrade() -> None:
    with op.batch_alter_table("vector_indexes") as batch:
        batch.drop_column("vector_backend")
