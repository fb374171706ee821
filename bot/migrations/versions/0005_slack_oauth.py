"""Slack OAuth: installations, bots and OAuth states, in slack_sdk's table layouts.

Revision ID: 0005
"""

from alembic import op

from bot.tables import slack_bots, slack_installations, slack_oauth_states

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLES = (slack_installations, slack_bots, slack_oauth_states)


def upgrade() -> None:
    # slack_sdk defines these tables (and reads them); creating them from its definitions keeps both equal.
    for table in TABLES:
        table.create(op.get_bind())


def downgrade() -> None:
    for table in reversed(TABLES):
        table.drop(op.get_bind())
