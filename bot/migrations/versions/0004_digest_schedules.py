"""Weekly digest schedules.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "digest_schedules",
        sa.Column("platform", sa.String(16), primary_key=True),
        sa.Column("workspace_id", sa.String(128), primary_key=True),
        sa.Column("channel_id", sa.String(512), primary_key=True),
        sa.Column("conversation_ref", sa.JSON, nullable=True),
        sa.Column("weekday", sa.Integer, nullable=False),
        sa.Column("at_time", sa.String(5), nullable=False),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("digest_schedules")
