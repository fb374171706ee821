"""One message store for both platforms (replaces Teams' seen_messages), its coverage, gaps and history budget.

Revision ID: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    messages = op.create_table(
        "messages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("workspace_id", sa.String(128), nullable=False),
        sa.Column("channel_id", sa.String(512), nullable=False),
        sa.Column("thread_id", sa.String(512), nullable=False),
        sa.Column("message_id", sa.String(256), nullable=False),
        sa.Column("author_id", sa.String(256), nullable=False),
        sa.Column("author_name", sa.String(256), nullable=False),
        sa.Column("is_bot", sa.Boolean, nullable=False),
        sa.Column("broadcast", sa.Boolean, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sealed", sa.Boolean, nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reply_count", sa.Integer, nullable=False),
        sa.Column("reactions", sa.JSON, nullable=True),
        sa.Column("files", sa.JSON, nullable=True),
        sa.Column("whole_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("team_id", sa.String(256), nullable=True),
        sa.UniqueConstraint("platform", "workspace_id", "channel_id", "message_id", name="uq_message"),
    )
    op.create_index("ix_message_thread", "messages", ["platform", "workspace_id", "channel_id", "thread_id"])
    op.create_index("ix_message_sent", "messages", ["platform", "workspace_id", "channel_id", "sent_at"])
    op.create_index("ix_message_age", "messages", ["sent_at"])
    # Teams' seen messages move over as they were (plain text; new text is sealed when a key is set).
    # A chain's root was recorded by the bot as it arrived, so its chain is whole from there on.
    seen = sa.table("seen_messages", *(sa.column(name) for name in (
        "platform", "workspace_id", "channel_id", "thread_id", "message_id", "author_id", "author_name", "text",
        "sent_at", "team_id")))
    rows = op.get_bind().execute(sa.select(seen)).mappings().all()
    if rows:
        op.bulk_insert(messages, [
            {**row, "is_bot": False, "broadcast": False, "sealed": False, "reply_count": 0, 
             "whole_since": row["sent_at"] if row["thread_id"] == row["message_id"] else None}
            for row in rows
        ])
    op.drop_index("ix_seen_thread", table_name="seen_messages")
    op.drop_table("seen_messages")
    op.create_table(
        "message_coverage",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("workspace_id", sa.String(128), primary_key=True),
        sa.Column("channel_id", sa.String(512), primary_key=True),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "message_gaps",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "history_budget",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("workspace_id", sa.String(128), primary_key=True),
        sa.Column("method", sa.String(64), primary_key=True),
        sa.Column("tokens", sa.Float, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_until", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "backfills",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("workspace_id", sa.String(128), primary_key=True),
        sa.Column("channel_id", sa.String(512), primary_key=True),
        sa.Column("thread_id", sa.String(512), primary_key=True),
        sa.Column("cursor", sa.String(512), nullable=True),
        sa.Column("answer_id", sa.String(256), nullable=True),
        sa.Column("asked_by", sa.String(256), nullable=True),
        sa.Column("asked_in", sa.String(256), nullable=True),
        sa.Column("private", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("backfills")
    op.drop_table("history_budget")
    op.drop_table("message_gaps")
    op.drop_table("message_coverage")
    op.create_table(
        "seen_messages",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("workspace_id", sa.String(128), nullable=False),
        sa.Column("channel_id", sa.String(512), nullable=False),
        sa.Column("thread_id", sa.String(512), nullable=False),
        sa.Column("message_id", sa.String(256), nullable=False),
        sa.Column("author_id", sa.String(256), nullable=False),
        sa.Column("author_name", sa.String(256), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("team_id", sa.String(256), nullable=True),
        sa.UniqueConstraint("platform", "channel_id", "message_id", name="uq_seen_message"),
    )
    op.create_index("ix_seen_thread", "seen_messages", ["platform", "workspace_id", "channel_id", "thread_id"])
    op.drop_table("messages")  # sealed text cannot go back to a table that never held it
