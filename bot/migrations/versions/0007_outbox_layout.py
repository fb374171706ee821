"""Scheduled posts keep their layout (sections, chart bars) and the chart's PNG until delivered.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scheduled_messages") as batch:
        batch.add_column(sa.Column("layout", sa.JSON, nullable=True))
        batch.add_column(sa.Column("attachment", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scheduled_messages") as batch:
        batch.drop_column("attachment")
        batch.drop_column("layout")
