"""governance: principals, tokens, grants, views, tombstones, certificates, audit, journal

Revision ID: 0004_governance
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_governance"
down_revision = "0001"
branch_labels = ("governance",)
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "gov_principals",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
    )
    op.create_index("ix_gov_principals_name", "gov_principals", ["name"], unique=True)
    op.create_table(
        "gov_tokens",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("principal_id", sa.String(40), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(20), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("expires_at", _TS, nullable=True),
        sa.Column("revoked_at", _TS, nullable=True),
        sa.Column("last_used_at", _TS, nullable=True),
    )
    op.create_index("ix_gov_tokens_principal_id", "gov_tokens", ["principal_id"])
    op.create_index("ix_gov_tokens_token_hash", "gov_tokens", ["token_hash"], unique=True)
    op.create_table(
        "gov_grants",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("principal_id", sa.String(40), nullable=False),
        sa.Column("object_kind", sa.String(20), nullable=False),
        sa.Column("object_name", sa.String(200), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.UniqueConstraint("principal_id", "object_kind", "object_name"),
    )
    op.create_index("ix_gov_grants_principal_id", "gov_grants", ["principal_id"])
    op.create_table(
        "gov_views",
        sa.Column("name", sa.String(63), primary_key=True),
        sa.Column("base_dataset", sa.String(63), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
    )
    op.create_index("ix_gov_views_base_dataset", "gov_views", ["base_dataset"])
    op.create_table(
        "gov_tombstones",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("dataset_name", sa.String(63), nullable=False),
        sa.Column("key_column", sa.String(200), nullable=False),
        sa.Column("key_value", sa.JSON(), nullable=True),
        sa.Column("key_hmac", sa.String(64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("purged_at", _TS, nullable=True),
    )
    op.create_index("ix_gov_tombstones_dataset_name", "gov_tombstones", ["dataset_name"])
    op.create_index("ix_gov_tombstones_ds_hmac", "gov_tombstones", ["dataset_name", "key_hmac"])
    op.create_table(
        "gov_certificates",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("dataset_name", sa.String(63), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("updated_at", _TS, nullable=False),
    )
    op.create_index("ix_gov_certificates_dataset_name", "gov_certificates", ["dataset_name"])
    op.create_table(
        "gov_audit",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", _TS, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("objects", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(50), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.Column("elapsed_ms", sa.Float(), nullable=False),
        sa.Column("request_id", sa.String(64), nullable=True),
    )
    for column in ("at", "actor", "action", "request_id"):
        op.create_index(f"ix_gov_audit_{column}", "gov_audit", [column])
    op.create_table(
        "gov_journal",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", _TS, nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
    )
    op.create_index("ix_gov_journal_at", "gov_journal", ["at"])
    op.create_index("ix_gov_journal_type", "gov_journal", ["type"])


def downgrade() -> None:
    for table in ("gov_journal", "gov_audit", "gov_certificates", "gov_tombstones", "gov_views", "gov_grants",
                  "gov_tokens", "gov_principals"):
        op.drop_table(table)
