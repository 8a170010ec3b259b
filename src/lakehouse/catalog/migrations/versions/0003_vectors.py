"""vector indexes, eval sets and trials

Revision ID: 0003_vectors
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_vectors"
down_revision = "0001"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "vector_indexes",
        sa.Column("name", sa.String(63), primary_key=True),
        sa.Column("dataset", sa.String(63), nullable=False, index=True),
        sa.Column("bucket", sa.String(63), nullable=False),
        sa.Column("id_column", sa.String(200), nullable=False),
        sa.Column("text_column", sa.String(200), nullable=True),
        sa.Column("vector_column", sa.String(200), nullable=True),
        sa.Column("chunk_size", sa.Integer(), nullable=False),
        sa.Column("overlap", sa.Integer(), nullable=False),
        sa.Column("chunk_unit", sa.String(10), nullable=False),
        sa.Column("embedder", sa.String(100), nullable=True),
        sa.Column("model", sa.String(200), nullable=True),
        sa.Column("dim", sa.Integer(), nullable=True),
        sa.Column("metric", sa.String(10), nullable=False),
        sa.Column("recall_target", sa.Float(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("vectors", sa.BigInteger(), nullable=False),
        sa.Column("documents", sa.BigInteger(), nullable=False),
        sa.Column("source_version", sa.Integer(), nullable=True),
        sa.Column("backend", sa.String(20), nullable=False),
        sa.Column("ann", sa.JSON(), nullable=False),
        sa.Column("build_seconds", sa.Float(), nullable=True),
        sa.Column("refresh_policy", sa.String(20), nullable=False),
        sa.Column("refresh_cron", sa.String(100), nullable=True),
        sa.Column("stale_since", _TS, nullable=True),
        sa.Column("last_refresh_at", _TS, nullable=True),
        sa.Column("built_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("error", sa.JSON(), nullable=True),
    )
    op.create_table(
        "vector_eval_sets",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("index_name", sa.String(63), sa.ForeignKey("vector_indexes.name", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("k", sa.Integer(), nullable=False),
        sa.Column("queries", sa.JSON(), nullable=False),
        sa.Column("ground_truth", sa.JSON(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_table(
        "vector_trials",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("index_name", sa.String(63), sa.ForeignKey("vector_indexes.name", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("eval_set_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("config", sa.JSON(), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("source_version", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("vector_trials")
    op.drop_table("vector_eval_sets")
    op.drop_table("vector_indexes")
