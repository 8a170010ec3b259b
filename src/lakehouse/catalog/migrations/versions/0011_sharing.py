"""sharing: Delta Sharing shares, their objects, recipients (hashed tokens) and the snapshots they are served from

Revision ID: 0011_sharing
Revises: 0010_vector_backend
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_sharing"
down_revision = "0010_vector_backend"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sharing_shares",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(63), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
    )
    op.create_table(
        "sharing_objects",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("share_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(63), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("added_at", _TS, nullable=False),
        sa.UniqueConstraint("share_id", "name"),
    )
    op.create_table(
        "sharing_recipients",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(63), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(20), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("expires_at", _TS, nullable=True),
        sa.Column("revoked_at", _TS, nullable=True),
        sa.Column("last_used_at", _TS, nullable=True),
    )
    op.create_table(
        "sharing_recipient_shares",
        sa.Column("recipient_id", sa.String(36), primary_key=True),
        sa.Column("share_id", sa.String(36), primary_key=True),
    )
    op.create_table(
        "sharing_snapshots",
        sa.Column("name", sa.String(63), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("dataset", sa.String(63), nullable=False),
        sa.Column("bucket", sa.String(63), nullable=False),
        sa.Column("path", sa.String(400), nullable=False),
        sa.Column("table_version", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("refreshed_at", _TS, nullable=False),
    )
    op.create_index("ix_sharing_shares_name", "sharing_shares", ["name"], unique=True)
    op.create_index("ix_sharing_objects_share_id", "sharing_objects", ["share_id"], unique=False)
    op.create_index("ix_sharing_objects_name", "sharing_objects", ["name"], unique=False)
    op.create_index("ix_sharing_recipients_name", "sharing_recipients", ["name"], unique=True)
    op.create_index("ix_sharing_recipients_token_hash", "sharing_recipients", ["token_hash"], unique=True)
    op.create_index("ix_sharing_recipient_shares_share_id", "sharing_recipient_shares", ["share_id"], unique=False)
    op.create_index("ix_sharing_snapshots_dataset", "sharing_snapshots", ["dataset"], unique=False)


def downgrade() -> None:
    for table in ("sharing_snapshots", "sharing_recipient_shares", "sharing_recipients", "sharing_objects",
                  "sharing_shares"):
        op.drop_table(table)
