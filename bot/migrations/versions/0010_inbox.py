"""The durable inbox: accepted events are stored before the ack and processed at least once.

Slack and Teams event ids already seen move over as done, so a retry arriving across the upgrade
is still recognised.

Revision ID: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("source", sa.String(16), primary_key=True),
        sa.Column("event_key", sa.String(128), primary_key=True),
        sa.Column("workspace_id", sa.String(128), nullable=True),
        sa.Column("payload", sa.JSON, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text, nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_inbox_due", "inbox", ["status", "next_attempt_at"])
    op.execute("INSERT INTO inbox (source, event_key, status, attempts, received_at) "
               "SELECT source, event_id, 'done', 1, received_at FROM processed_events "
               "WHERE source IN ('slack', 'teams')")
    op.execute("DELETE FROM processed_events WHERE source IN ('slack', 'teams')")


def downgrade() -> None:
    op.execute("INSERT INTO processed_events (source, event_id, received_at) "
               "SELECT source, event_key, received_at FROM inbox")
    op.drop_index("ix_inbox_due", "inbox")
    op.drop_table("inbox")
