"""Pacing slots in the database, so replicas on one PostgreSQL keep the platforms' rate limits together.

Revision ID: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pacing",
        sa.Column("limit_key", sa.String(600), primary_key=True),
        sa.Column("next_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("pacing")
