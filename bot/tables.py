"""The store's tables (SQLAlchemy Core). Alembic migrations in bot/migrations create them."""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

metadata = MetaData()

# Slack retries and duplicate deliveries: first writer wins on the primary key.
processed_events = Table(
    "processed_events",
    metadata,
    Column("source", String(16), primary_key=True),
    Column("event_id", String(128), primary_key=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
)

# The durable inbox: every accepted Slack event, command, interaction and Teams activity, written in
# the step that deduplicates it (first writer wins on the primary key), before the HTTP answer.
# Workers process it at least once: working → done, or pending (retry after backoff) → parked.
inbox = Table(
    "inbox",
    metadata,
    Column("source", String(16), primary_key=True),  # "slack" or "teams"
    Column("event_key", String(128), primary_key=True),  # Slack event_id / trigger_id, hash of a Teams activity id
    Column("workspace_id", String(128), nullable=True),
    Column("payload", JSON, nullable=True),  # what the worker needs to redo the work; dropped once done
    Column("status", String(16), nullable=False),  # working, pending, done, parked
    Column("attempts", Integer, nullable=False),
    Column("claimed_by", String(64), nullable=True),
    Column("claimed_at", DateTime(timezone=True), nullable=True),
    Column("next_attempt_at", DateTime(timezone=True), nullable=True),
    Column("last_error", Text, nullable=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Index("ix_inbox_due", "status", "next_attempt_at"),
)

# What an inbox item's actions already did on the platform (bot/deliveries.py): a retry, or another
# process after a crash, skips a `done` key and asks the platform about one an earlier run never recorded.
deliveries = Table(
    "deliveries",
    metadata,
    Column("delivery_key", String(64), primary_key=True),  # the inbox item's hash and the action's number
    Column("status", String(16), nullable=False),  # done, or dropped (the call failed: nothing was posted)
    Column("message_id", String(256), nullable=True),  # the platform's id for what was posted
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Pacing shared by replicas on one PostgreSQL (bot/pacing.py): when each limit's next send may go.
pacing = Table(
    "pacing",
    metadata,
    Column("limit_key", String(600), primary_key=True),  # e.g. "slack:T1:C1", "teams:tenant:…"
    Column("next_at", Float, nullable=False),  # seconds since the epoch
)

# Teams proactive messaging needs the conversation reference captured when the bot is installed.
conversation_refs = Table(
    "conversation_refs",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("workspace_id", String(128), primary_key=True),
    Column("conversation_id", String(512), primary_key=True),
    Column("reference", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Every message the bot received (or fetched to fill a gap), both platforms: summaries and digests read
# here first, so Slack's rationed history API is called only for what the bot never saw.
messages = Table(
    "messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(16), nullable=False),
    Column("workspace_id", String(128), nullable=False),
    Column("channel_id", String(512), nullable=False),
    Column("thread_id", String(512), nullable=False),  # the root's id; a top-level message is its own root
    Column("message_id", String(256), nullable=False),
    Column("author_id", String(256), nullable=False),
    Column("author_name", String(256), nullable=False, default=""),
    Column("is_bot", Boolean, nullable=False, default=False),
    Column("broadcast", Boolean, nullable=False, default=False),  # notified the whole channel
    Column("text", Text, nullable=False),  # a Fernet token when `sealed`
    Column("sealed", Boolean, nullable=False, default=False),
    Column("sent_at", DateTime(timezone=True), nullable=False),
    Column("edited_at", DateTime(timezone=True), nullable=True),
    Column("reply_count", Integer, nullable=False, default=0),  # what the platform last said (Slack roots)
    Column("reactions", JSON, nullable=True),  # {"thumbsup": 2}, where events carry them
    Column("files", JSON, nullable=True),  # names, types and sizes only: never a file's content
    # A root: since when every reply is stored (seen live from the root, or filled in from the platform).
    Column("whole_since", DateTime(timezone=True), nullable=True),
    Column("team_id", String(256), nullable=True),  # Teams: so removing the bot from a team forgets it
    UniqueConstraint("platform", "workspace_id", "channel_id", "message_id", name="uq_message"),
    Index("ix_message_thread", "platform", "workspace_id", "channel_id", "thread_id"),
    Index("ix_message_sent", "platform", "workspace_id", "channel_id", "sent_at"),
    Index("ix_message_age", "sent_at"),
)

# Since when the store holds every top-level message of a channel (moves back as history is filled in).
message_coverage = Table(
    "message_coverage",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("workspace_id", String(128), primary_key=True),
    Column("channel_id", String(512), primary_key=True),
    Column("since", DateTime(timezone=True), nullable=False),
)

# Times the bot was down long enough for Slack to stop retrying: what the store may lack.
message_gaps = Table(
    "message_gaps",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=False),
)

# A token bucket per workspace and rationed Web API method (Slack history and replies), shared by replicas.
history_budget = Table(
    "history_budget",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("workspace_id", String(128), primary_key=True),
    Column("method", String(64), primary_key=True),
    Column("tokens", Float, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),  # tokens were counted at this time
    Column("blocked_until", DateTime(timezone=True), nullable=True),  # a 429's Retry-After
)

# Threads being filled in from the platform page by page (within the budget), and the answer to
# update once they are whole.
backfills = Table(
    "backfills",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("workspace_id", String(128), primary_key=True),
    Column("channel_id", String(512), primary_key=True),
    Column("thread_id", String(512), primary_key=True),
    Column("cursor", String(512), nullable=True),  # the next page; None before the first
    Column("answer_id", String(256), nullable=True),  # the partial summary to update when done
    Column("asked_by", String(256), nullable=True),
    Column("asked_in", String(256), nullable=True),  # the message that asked, left out of the summary
    Column("private", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Per-workspace / per-channel settings (quiet mode, digest opt-in, channel time zone, ...).
settings = Table(
    "settings",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("workspace_id", String(128), primary_key=True),
    Column("scope", String(512), primary_key=True),  # "workspace", "channel:<id>" or "user:<id>"
    Column("key", String(64), primary_key=True),
    Column("value", JSON, nullable=False),
)

# The outbox: every /later message until it is delivered. The truth the scheduler works from.
scheduled_messages = Table(
    "scheduled_messages",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("platform", String(16), nullable=False),
    Column("workspace_id", String(128), nullable=False),
    Column("channel_id", String(512), nullable=False),  # where it goes: channel, or user id for a DM
    Column("thread_id", String(512), nullable=True),
    Column("is_direct", Boolean, nullable=False, server_default=false()),  # one reader (a DM), not a channel
    Column("conversation_ref", JSON, nullable=True),  # Teams: how to reach the conversation proactively
    Column("author_id", String(256), nullable=False),
    Column("author_name", String(256), nullable=False),
    Column("recipient_label", String(256), nullable=False),
    Column("text", Text, nullable=False),
    Column("layout", JSON, nullable=True),  # sections and chart bars of the bot's own posts (the digest)
    Column("attachment", LargeBinary, nullable=True),  # the chart's PNG; dropped once delivered
    # The sender's confirmation card (conversation, message id, recipient's zone), when the platform can edit it.
    Column("confirmation", JSON, nullable=True),
    Column("deliver_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False),  # pending, sending, delivered, cancelled, failed
    Column("attempts", Integer, nullable=False),
    Column("claimed_by", String(64), nullable=True),
    Column("claimed_at", DateTime(timezone=True), nullable=True),
    Column("platform_message_id", String(256), nullable=True),
    Column("last_error", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("delivered_at", DateTime(timezone=True), nullable=True),
    Index("ix_scheduled_due", "status", "deliver_at"),
    Index("ix_scheduled_author", "platform", "workspace_id", "author_id", "status"),
)

# Nudges sent, for cooldowns ("at most one per person per kind per day") and the weekly digest's stats.
nudge_log = Table(
    "nudge_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("platform", String(16), nullable=False),
    Column("workspace_id", String(128), nullable=False),
    Column("channel_id", String(512), nullable=False),
    Column("user_id", String(256), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("message_id", String(256), nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=False),
    Index("ix_nudge_user", "platform", "workspace_id", "user_id", "sent_at"),
)

# Weekly digests: one row per channel that opted in; `next_due_at` moves on when a digest is enqueued.
digest_schedules = Table(
    "digest_schedules",
    metadata,
    Column("platform", String(16), primary_key=True),
    Column("workspace_id", String(128), primary_key=True),
    Column("channel_id", String(512), primary_key=True),
    Column("conversation_ref", JSON, nullable=True),
    Column("weekday", Integer, nullable=False),  # Monday = 0
    Column("at_time", String(5), nullable=False),  # "09:00", in `tz`
    Column("tz", String(64), nullable=False),
    Column("next_due_at", DateTime(timezone=True), nullable=False),
)

# Slack OAuth (multi-workspace): slack_sdk's own table layouts, so its stores read and write them.
# Tokens in them are encrypted by adapters/slack/oauth.py before they are saved.
slack_installations = SQLAlchemyInstallationStore.build_installations_table(metadata, "slack_installations")
slack_bots = SQLAlchemyInstallationStore.build_bots_table(metadata, "slack_bots")
slack_oauth_states = SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, "slack_oauth_states")


def insert_skipping_duplicates(engine: AsyncEngine, table: Table, index_elements: list | None = None):
    """INSERT … ON CONFLICT DO NOTHING in the engine's dialect (SQLite or PostgreSQL): a row stored already is a
    retry or a repeat, not an error."""
    dialect = sqlite if engine.dialect.name == "sqlite" else postgresql
    return dialect.insert(table).on_conflict_do_nothing(index_elements=index_elements)


def insert_or_replace(engine: AsyncEngine, table: Table, values: dict, index_elements: list):
    """INSERT … ON CONFLICT (key) DO UPDATE in the engine's dialect: one statement writes the row whether or not
    an earlier one holds its key, the later values winning (no insert-then-update race, no failed INSERT)."""
    dialect = sqlite if engine.dialect.name == "sqlite" else postgresql
    statement = dialect.insert(table).values(**values)
    keys = {getattr(element, "name", element) for element in index_elements}
    return statement.on_conflict_do_update(index_elements=index_elements,
                                           set_={name: statement.excluded[name] for name in values if name not in keys})
