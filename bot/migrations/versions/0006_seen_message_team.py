"""Remember which Teams team a seen message belongs to (purged when the bot leaves the team).

Revision ID: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("seen_messages") as batch:
        batch.add_column(sa.Column("team_id", sa.String(256), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("seen_messages") as batch:
        batch.drop_column("team_id")
