"""mcp: audit rows say how a call came in (via, tool); answers keep each agent call's provenance

Revision ID: 0008_mcp_answers
Revises: 0004_governance
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_mcp_answers"
down_revision = "0004_governance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("gov_audit") as batch:
        batch.add_column(sa.Column("via", sa.String(20), nullable=True))
        batch.add_column(sa.Column("tool", sa.String(64), nullable=True))
    op.create_table(
        "gov_answers",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("actor", sa.String(200), nullable=False, index=True),
        sa.Column("tool", sa.String(64), nullable=False),
        sa.Column("provenance", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("gov_answers")
    with op.batch_alter_table("gov_audit") as batch:
        batch.drop_column("tool")
        batch.drop_column("via")
