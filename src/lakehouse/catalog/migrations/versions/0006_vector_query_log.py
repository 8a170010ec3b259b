"""vector query log: sampled search vectors of indexes with query_log on (the live eval set)

Revision ID: 0006_vector_query_log
Revises: 0003_vectors
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_vector_query_log"
down_revision = "0003_vectors"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vector_query_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("index_name", sa.String(63), sa.ForeignKey("vector_indexes.name", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("vector_query_log")
