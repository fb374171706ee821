"""The store: one async SQLAlchemy engine over SQLite (default) or PostgreSQL, migrated on start."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, delete, event, func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.messages import MessageStore, TextSeal
from bot.model import Conversation
from bot.tables import (
    backfills,
    conversation_refs,
    digest_schedules,
    history_budget,
    inbox,
    message_coverage,
    messages,
    nudge_log,
    processed_events,
    scheduled_messages,
    settings,
)

_ALEMBIC_INI = Path(__file__).with_name("alembic.ini")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _run_migrations(connection: Connection) -> None:
    config = Config(str(_ALEMBIC_INI))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _tune_sqlite(dbapi_connection, _record) -> None:
    """WAL lets readers run beside the one writer; the busy timeout queues writers instead of failing."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class Store:
    def __init__(self, engine: AsyncEngine, text_key: str | None = None) -> None:
        self.engine = engine
        self.messages = MessageStore(engine, TextSeal(text_key))

    @classmethod
    def connect(cls, url: str, text_key: str | None = None) -> Store:
        """`text_key`: the Fernet key stored message text is sealed with (None: kept as it came)."""
        if url.startswith("sqlite"):
            # One connection: SQLite has a single writer anyway, and queueing in the pool is far
            # cheaper than SQLite's busy-wait sleeps when several connections race for the lock.
            engine = create_async_engine(url, pool_size=1, max_overflow=0)
            event.listen(engine.sync_engine, "connect", _tune_sqlite)
        else:
            engine = create_async_engine(url, pool_pre_ping=True)
        return cls(engine, text_key)

    async def migrate(self) -> None:
        async with self.engine.begin() as conn:
            await conn.run_sync(_run_migrations)

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def close(self) -> None:
        await self.engine.dispose()

    # ---- event dedupe -------------------------------------------------------------

    async def first_time_seen(self, source: str, event_id: str) -> bool:
        """Record an event id; False when it was already recorded (a retry or duplicate)."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(processed_events).values(
                        source=source, event_id=event_id, received_at=_utcnow()
                    )
                )
        except IntegrityError:
            return False
        return True

    async def forget_events_before(self, cutoff: datetime) -> int:
        async with self.engine.begin() as conn:
            result = await conn.execute(
                delete(processed_events).where(processed_events.c.received_at < cutoff)
            )
            return result.rowcount or 0

    # ---- conversation references (Teams proactive messages) ----------------------------

    async def save_conversation_ref(
        self, platform: str, workspace_id: str, conversation_id: str, reference: dict[str, Any]
    ) -> None:
        key = dict(platform=platform, workspace_id=workspace_id, conversation_id=conversation_id)
        async with self.engine.begin() as conn:
            await conn.execute(delete(conversation_refs).filter_by(**key))
            await conn.execute(
                insert(conversation_refs).values(**key, reference=reference, updated_at=_utcnow())
            )

    async def conversation_ref(
        self, platform: str, workspace_id: str, conversation_id: str
    ) -> dict[str, Any] | None:
        async with self.engine.connect() as conn:
            row = await conn.execute(
                select(conversation_refs.c.reference).filter_by(
                    platform=platform, workspace_id=workspace_id, conversation_id=conversation_id
                )
            )
            return row.scalar_one_or_none()

    # ---- nudge log ----------------------------------------------------------------

    async def claim_nudge(self, conversation: Conversation, user_id: str, kind: str, message_id: str,
                          at: datetime, *, period: timedelta, limit: int) -> bool:
        """Log a nudge, then keep it only if it is within `limit` for the rolling `period`.

        Insert first, count after: two workers deciding at once both see both rows and both back
        off, so a race ends in silence rather than in a second nudge. A claim already logged for the
        same message is kept: that is the inbox running the event again after its nudge failed to
        send, and the action's delivery key stops a second copy if the first one did arrive.
        """
        c = nudge_log.c
        ident = dict(platform=conversation.platform, workspace_id=conversation.workspace_id, user_id=user_id, kind=kind)
        async with self.engine.begin() as conn:
            if (await conn.execute(select(c.id).filter_by(**ident, message_id=message_id).limit(1))).first():
                return True
            row = await conn.execute(insert(nudge_log).values(
                **ident, channel_id=conversation.channel_id, message_id=message_id, sent_at=at))
            row_id = row.inserted_primary_key[0]
        async with self.engine.begin() as conn:
            count = (await conn.execute(
                select(func.count()).select_from(nudge_log).filter_by(**ident)
                .where(c.sent_at > at - period, c.sent_at <= at + period)
            )).scalar_one()
            if count > limit:
                await conn.execute(delete(nudge_log).where(c.id == row_id))
                return False
        return True

    async def nudges_for(self, platform: str, workspace_id: str, user_id: str, since: datetime,
                         *, besides: str | None = None) -> list[tuple[str, datetime]]:
        """(kind, sent_at) of the nudges a person got since `since`, except any claimed for message `besides`
        (a rerun of that message's event must not be held back by its own earlier claim)."""
        c = nudge_log.c
        query = select(c.kind, c.sent_at).where(c.platform == platform, c.workspace_id == workspace_id,
                                                 c.user_id == user_id, c.sent_at >= since)
        if besides is not None:
            query = query.where(c.message_id != besides)
        async with self.engine.connect() as conn:
            return [(kind, aware(at)) for kind, at in (await conn.execute(query)).all()]

    # ---- downtime: what the message store may have missed -------------------------------

    _ALIVE = dict(platform="bot", workspace_id="*", scope="process", key="alive_at")

    async def note_alive(self, now: datetime) -> None:
        """A heartbeat (any replica's): the bot is receiving events."""
        await self.set_setting(*self._ALIVE.values(), now.isoformat())

    async def note_start(self, now: datetime, missed_after: timedelta) -> None:
        """On start: if no replica was alive for longer than the platforms go on retrying events
        (`missed_after`), messages of that time may be missing, and the store says so from now on."""
        last = await self.get_setting(*self._ALIVE.values())
        if last is not None and now - datetime.fromisoformat(last) > missed_after:
            await self.messages.note_gap(datetime.fromisoformat(last), now)
        await self.note_alive(now)

    # ---- removal ----------------------------------------------------------------

    async def purge_workspace(self, platform: str, workspace_id: str) -> int:
        """Delete everything stored for one workspace (uninstalled); returns the number of rows."""
        removed = 0
        async with self.engine.begin() as conn:
            for table in (conversation_refs, messages, message_coverage, history_budget, backfills, settings,
                          scheduled_messages, nudge_log, digest_schedules):
                result = await conn.execute(delete(table).where(table.c.platform == platform,
                                                                table.c.workspace_id == workspace_id))
                removed += result.rowcount or 0
            # Items not yet done hold message text too; the ones being worked on now (this uninstall among
            # them) drop theirs when done, and find no installation left to act for.
            result = await conn.execute(delete(inbox).where(inbox.c.source == platform,
                                                            inbox.c.workspace_id == workspace_id,
                                                            inbox.c.status.in_(("pending", "parked"))))
            removed += result.rowcount or 0
        return removed

    async def purge_team(self, platform: str, workspace_id: str, team_id: str) -> int:
        """The bot left a Teams team: delete what is stored for the team's channels (seen there)."""
        seen = messages.c
        async with self.engine.begin() as conn:
            found = await conn.execute(select(seen.channel_id).distinct().where(
                seen.platform == platform, seen.workspace_id == workspace_id, seen.team_id == team_id))
            channels = {team_id, *found.scalars()}
            removed = 0
            for table in (messages, message_coverage, backfills, scheduled_messages, nudge_log, digest_schedules):
                result = await conn.execute(delete(table).where(
                    table.c.platform == platform, table.c.workspace_id == workspace_id, table.c.channel_id.in_(channels)))
                removed += result.rowcount or 0
            refs, kept = conversation_refs.c, settings.c
            for channel in channels:
                for statement in (
                    delete(conversation_refs).where(refs.platform == platform, refs.workspace_id == workspace_id,
                                                    (refs.conversation_id == channel)
                                                    | refs.conversation_id.startswith(channel + ";")),
                    delete(settings).where(kept.platform == platform, kept.workspace_id == workspace_id,
                                           (kept.scope == f"channel:{channel}") | (kept.scope == f"team:{channel}")
                                           | kept.scope.startswith(f"thread:{platform}:{workspace_id}:{channel}:")),
                ):
                    removed += (await conn.execute(statement)).rowcount or 0
        return removed

    # ---- settings ---------------------------------------------------------------

    async def set_setting(
        self, platform: str, workspace_id: str, scope: str, key: str, value: Any
    ) -> None:
        ident = dict(platform=platform, workspace_id=workspace_id, scope=scope, key=key)
        async with self.engine.begin() as conn:
            await conn.execute(delete(settings).filter_by(**ident))
            await conn.execute(insert(settings).values(**ident, value=value))

    async def scopes_with(self, platform: str, workspace_id: str, key: str) -> dict[str, Any]:
        """Every scope of a workspace that has `key` set, e.g. all quiet channels."""
        query = select(settings.c.scope, settings.c.value).filter_by(platform=platform, workspace_id=workspace_id, key=key)
        async with self.engine.connect() as conn:
            return dict((await conn.execute(query)).all())

    async def settings_of(self, platform: str, workspace_id: str, scope: str) -> dict[str, Any]:
        """Every setting of one scope (a channel, a person) in one query: key → value."""
        query = select(settings.c.key, settings.c.value).filter_by(platform=platform, workspace_id=workspace_id,
                                                                   scope=scope)
        async with self.engine.connect() as conn:
            return dict((await conn.execute(query)).all())

    async def get_setting(
        self, platform: str, workspace_id: str, scope: str, key: str, default: Any = None
    ) -> Any:
        async with self.engine.connect() as conn:
            row = await conn.execute(
                select(settings.c.value).filter_by(
                    platform=platform, workspace_id=workspace_id, scope=scope, key=key
                )
            )
            value = row.scalar_one_or_none()
        return default if value is None else value


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)

