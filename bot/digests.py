"""Weekly digest schedules: which channels get one, when next, and enqueueing exactly once.

A due digest is written to the outbox (with an id fixed by channel and week) in the same
transaction that moves `next_due_at` on. A crash before that transaction leaves the schedule due,
so the digest is built again on recovery — late, never skipped; two workers racing both build it,
but only one insert succeeds, so it is never sent twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.actions import Schedule
from bot.model import Conversation
from bot.outbox import outbox_row
from bot.store import Store, aware
from bot.tables import digest_schedules as table
from bot.tables import scheduled_messages


@dataclass(frozen=True)
class DigestSchedule:
    conversation: Conversation
    weekday: int
    at_time: str
    tz: str
    next_due_at: datetime


def next_occurrence(after: datetime, weekday: int, at_time: str, tz: str) -> datetime:
    """The first `weekday` `at_time` in `tz` strictly after `after` (UTC result; DST-correct)."""
    zone = ZoneInfo(tz)
    local = after.astimezone(zone)
    hour, minute = (int(part) for part in at_time.split(":"))
    day = local.date() + timedelta(days=(weekday - local.weekday()) % 7)
    for _ in range(3):
        moment = datetime.combine(day, time(hour, minute), tzinfo=zone)
        if moment > local:
            return moment.astimezone(timezone.utc)
        day += timedelta(days=7)
    raise AssertionError("unreachable: a week later is always after")


def _digest_week(due: datetime) -> tuple[int, int]:
    """The ISO week a digest due then covers (the day before: Monday morning's is last week's)."""
    year, week, _ = (due - timedelta(days=1)).isocalendar()
    return year, week


def digest_id(where: Conversation, week: str) -> str:
    return "d" + hashlib.sha256(f"{where.platform}|{where.workspace_id}|{where.channel_id}|{week}".encode()).hexdigest()[:20]


class DigestSchedules:
    def __init__(self, store: Store) -> None:
        self.engine = store.engine

    async def turn_on(self, where: Conversation, weekday: int, at_time: str, tz: str, now: datetime) -> DigestSchedule:
        """A digest every `weekday` at `at_time` in `tz` from now on (replacing the channel's schedule, if any)."""
        return await self._save(where, weekday, at_time, tz, next_occurrence(now, weekday, at_time, tz))

    async def move(self, where: Conversation, tz: str) -> DigestSchedule | None:
        """The channel's digest at the same local day and time in another zone; None if it has none.

        Counted from its last occurrence, not from now: a week whose new time has already passed is
        sent at once (late, not skipped), unless that week's digest went out before the move.
        """
        old = await self.of(where)
        if old is None or old.tz == tz:
            return None
        last = old.next_due_at - timedelta(days=7)  # the occurrence already handled
        due = next_occurrence(last, old.weekday, old.at_time, tz)
        if _digest_week(due) == _digest_week(last):
            due = next_occurrence(due, old.weekday, old.at_time, tz)
        return await self._save(where, old.weekday, old.at_time, tz, due)

    async def _save(self, where: Conversation, weekday: int, at_time: str, tz: str, due: datetime) -> DigestSchedule:
        key = dict(platform=where.platform, workspace_id=where.workspace_id, channel_id=where.channel_id)
        async with self.engine.begin() as conn:
            await conn.execute(delete(table).filter_by(**key))
            await conn.execute(insert(table).values(**key, conversation_ref=where.ref, weekday=weekday,
                                                    at_time=at_time, tz=tz, next_due_at=due))
        return DigestSchedule(where, weekday, at_time, tz, due)

    async def turn_off(self, where: Conversation) -> bool:
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(table).filter_by(
                platform=where.platform, workspace_id=where.workspace_id, channel_id=where.channel_id))
        return result.rowcount > 0

    async def due(self, now: datetime) -> list[DigestSchedule]:
        return await self._where(table.c.next_due_at <= now)

    async def of(self, where: Conversation) -> DigestSchedule | None:
        found = await self._where(table.c.platform == where.platform, table.c.workspace_id == where.workspace_id,
                                  table.c.channel_id == where.channel_id)
        return found[0] if found else None

    async def in_workspace(self, platform: str, workspace_id: str) -> list[DigestSchedule]:
        """Every channel of a workspace with a weekly digest (the Slack App Home lists them)."""
        return await self._where(table.c.platform == platform, table.c.workspace_id == workspace_id)

    async def _where(self, *conditions) -> list[DigestSchedule]:
        async with self.engine.connect() as conn:
            rows = (await conn.execute(select(table).where(*conditions).order_by(table.c.channel_id))).mappings().all()
        return [
            DigestSchedule(Conversation(r["platform"], r["workspace_id"], r["channel_id"], ref=r["conversation_ref"]),
                           r["weekday"], r["at_time"], r["tz"], aware(r["next_due_at"]))
            for r in rows
        ]

    async def enqueue(self, schedule: DigestSchedule, week: str, message: Schedule, now: datetime) -> bool:
        """Outbox row + next due date, atomically; False when this week's digest was already enqueued.

        Already enqueued: by another worker just now, or earlier in the week before the schedule was
        moved (a new zone or day). Either way the schedule moves on to the next occurrence, so it is
        not built again every minute.
        """
        where = schedule.conversation
        row = outbox_row(message, f"#{where.channel_id} (weekly digest)", now, item_id=digest_id(where, week))
        try:
            async with self.engine.begin() as conn:
                await conn.execute(insert(scheduled_messages).values(**row))
                await self._advance(conn, schedule, now)
        except IntegrityError:
            async with self.engine.begin() as conn:
                await self._advance(conn, schedule, now)
            return False
        return True

    async def _advance(self, conn, schedule: DigestSchedule, now: datetime) -> None:
        """Move a due schedule to its next occurrence, unless someone changed it meanwhile."""
        where = schedule.conversation
        await conn.execute(
            update(table)
            .where(table.c.platform == where.platform, table.c.workspace_id == where.workspace_id,
                   table.c.channel_id == where.channel_id, table.c.next_due_at == schedule.next_due_at)
            .values(next_due_at=next_occurrence(now, schedule.weekday, schedule.at_time, schedule.tz))
        )
