"""The outbox of scheduled messages (/later).

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scheduled_messages",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("workspace_id", sa.String(128), nullable=False),
        sa.Column("channel_id", sa.String(512), nullable=False),
        sa.Column("thread_id", sa.String(512), nullable=True),
        sa.Column("conversation_ref", sa.JSON, nullable=True),
        sa.Column("author_id", sa.String(256), nullable=False),
        sa.Column("author_name", sa.String(256), nullable=False),
        sa.Column("recipient_label", sa.String(256), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("deliver_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("platform_message_id", sa.String(256), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_scheduled_due", "scheduled_messages", ["status", "deliver_at"])
    op.create_index(
        "ix_scheduled_author", "scheduled_messages", ["platform", "workspace_id", "author_id", "status"]
    )


def downgrade() -> None:
    op.drop_index("ix_scheduled_author", table_name="scheduled_messages")
    op.drop_index("ix_scheduled_due", table_name="scheduled_messages")
    op.drop_table("scheduled_messages")
