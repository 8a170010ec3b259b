"""autotune agent: per-index state and queue, the leader row, and who proposed each trial

Revision ID: 0007_vector_agent
Revises: 0006_vector_query_log
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_vector_agent"
down_revision = "0006_vector_query_log"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "vector_agent_state",
        sa.Column("index_name", sa.String(63), sa.ForeignKey("vector_indexes.name", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("queued_at", _TS, nullable=True),
        sa.Column("last_trial_at", _TS, nullable=True),
        sa.Column("updated_at", _TS, nullable=False),
    )
    op.create_table(
        "agent_leaders",
        sa.Column("name", sa.String(63), primary_key=True),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("since", _TS, nullable=False),
        sa.Column("last_wake", _TS, nullable=True),
    )
    with op.batch_alter_table("vector_trials") as batch:
        batch.add_column(sa.Column("proposal", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("vector_trials") as batch:
        batch.drop_column("proposal")
    op.drop_table("agent_leaders")
    op.drop_table("vector_agent_state")
