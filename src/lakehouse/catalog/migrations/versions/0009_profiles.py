"""profiles: model profiles; tokens bound to one; audit rows name the profile and its model

Revision ID: 0009_profiles
Revises: 0008_mcp_answers
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_profiles"
down_revision = "0008_mcp_answers"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.String(63), primary_key=True),
        sa.Column("model", sa.String(200), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("bound", sa.JSON(), nullable=False),
        sa.Column("embedder", sa.String(100), nullable=True),
        sa.Column("embed_model", sa.String(200), nullable=True),
        sa.Column("ann", sa.JSON(), nullable=True),
        sa.Column("bucket", sa.String(63), nullable=True),
        sa.Column("vector_backend", sa.String(20), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
    )
    with op.batch_alter_table("gov_tokens") as batch:
        batch.add_column(sa.Column("profile_id", sa.String(63), nullable=True))
    with op.batch_alter_table("gov_audit") as batch:
        batch.add_column(sa.Column("profile", sa.String(63), nullable=True))
        batch.add_column(sa.Column("model", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("gov_audit") as batch:
        batch.drop_column("model")
        batch.drop_column("profile")
    with op.batch_alter_table("gov_tokens") as batch:
        batch.drop_column("profile_id")
    op.drop_table("profiles")
