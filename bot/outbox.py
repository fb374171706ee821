"""The outbox: scheduled messages stored first, delivered exactly once by whichever worker claims them.

A row moves pending → sending → delivered. Claiming is a conditional UPDATE, so two workers (or
replicas on one PostgreSQL) never both send a row. The row id doubles as the delivery key the
platform records with the message; a worker that died mid-send leaves a stale `sending` row, and the
next worker asks the platform whether that key was already posted before sending again.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.actions import Bar, Chart, Post, ReplacePost, Reply, Schedule, Section
from bot.deliveries import CURRENT_RUN
from bot.metrics import OUTBOX_DUE, OUTBOX_LATENESS, PLATFORM_ERRORS, error_kind
from bot.model import Conversation, User
from bot.platform import Platform, Refused
from bot.store import Store, aware
from bot.tables import scheduled_messages as table

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)  # a `sending` row older than this belonged to a worker that died
MAX_ATTEMPTS = 8
BOT_AUTHOR = User(id="etiquette", name="Async Etiquette")  # the author of what the bot itself schedules
PlatformFor = Callable[[str, str], Awaitable[Platform | None]]  # (platform name, workspace id) → port


@dataclass(frozen=True)
class Scheduled:
    id: str
    conversation: Conversation
    author: User
    recipient_label: str
    text: str
    deliver_at: datetime
    status: str
    created_at: datetime
    attempts: int = 0
    platform_message_id: str | None = None
    sections: tuple[Section, ...] = ()
    chart: Chart | None = None
    confirmation: dict | None = None  # see Outbox.remember_confirmation


def _layout(schedule: Schedule) -> dict | None:
    """The JSON kept with a post that has a layout; the chart's PNG goes in its own binary column."""
    if not schedule.sections and schedule.chart is None:
        return None
    layout: dict = {"sections": [{"title": s.title, "lines": list(s.lines)} for s in schedule.sections]}
    if chart := schedule.chart:
        layout["chart"] = {"title": chart.title, "filename": chart.filename, "x_title": chart.x_title,
                           "y_title": chart.y_title, "caption": chart.caption,
                           "bars": [[b.label, b.value, b.highlight] for b in chart.bars]}
    return layout


def _from_layout(layout: dict | None, png: bytes | None) -> tuple[tuple[Section, ...], Chart | None]:
    if not layout:
        return (), None
    sections = tuple(Section(s["title"], tuple(s["lines"])) for s in layout.get("sections", ()))
    chart = None
    if spec := layout.get("chart"):
        bars = tuple(Bar(label, value, highlight) for label, value, highlight in spec["bars"])
        chart = Chart(spec["title"], bars, png or b"", spec["filename"], spec["x_title"], spec["y_title"],
                      spec["caption"])
    return sections, chart


def _row_to_scheduled(row) -> Scheduled:
    sections, chart = _from_layout(row.get("layout"), row.get("attachment"))
    return Scheduled(
        id=row["id"],
        conversation=Conversation(
            platform=row["platform"],
            workspace_id=row["workspace_id"],
            channel_id=row["channel_id"],
            thread_id=row["thread_id"],
            is_direct=bool(row["is_direct"]),
            ref=row["conversation_ref"],
        ),
        author=User(id=row["author_id"], name=row["author_name"]),
        recipient_label=row["recipient_label"],
        text=row["text"],
        deliver_at=aware(row["deliver_at"]),
        status=row["status"],
        created_at=aware(row["created_at"]),
        attempts=row["attempts"],
        platform_message_id=row.get("platform_message_id"),
        sections=sections,
        chart=chart,
        confirmation=row.get("confirmation"),
    )


def delivery_text(item: Scheduled) -> str:
    """What the recipient sees: the message first, then who wrote it and when (not for the bot's own)."""
    if item.author.id == BOT_AUTHOR.id:
        return item.text
    written = item.created_at.astimezone(timezone.utc).strftime("%a %d %b %H:%M UTC")
    # A channel's readers are many and in many zones: "a good time for you" would be true for few of them.
    timing = " and sent at a good time for you" if item.conversation.is_direct else ""
    return f"{item.text}\n\n_— from {item.author.display}, written {written}{timing}_"


def outbox_row(schedule: Schedule, recipient_label: str, now: datetime, item_id: str | None = None) -> dict:
    """The `scheduled_messages` row for a message; a fixed `item_id` makes enqueueing idempotent."""
    where = schedule.conversation
    return dict(
        id=item_id or uuid.uuid4().hex[:10],
        platform=where.platform,
        workspace_id=where.workspace_id,
        channel_id=where.channel_id,
        thread_id=where.thread_id,
        is_direct=where.is_direct,
        conversation_ref=where.ref,
        author_id=schedule.author.id,
        author_name=schedule.author.display,
        recipient_label=recipient_label,
        text=schedule.text,
        layout=_layout(schedule),
        attachment=schedule.chart.png if schedule.chart else None,
        deliver_at=schedule.deliver_at.astimezone(timezone.utc),
        status="pending",
        attempts=0,
        created_at=now,
    )


class Outbox:
    def __init__(self, store: Store) -> None:
        self.engine = store.engine

    async def add(self, schedule: Schedule, recipient_label: str, now: datetime) -> Scheduled:
        """Store a message to send. Inside an inbox item's run its id is derived from the run's next key, so
        a retry of the item (say, after its confirmation failed to post) finds the message, not a twin."""
        run = CURRENT_RUN.get()
        item_id = hashlib.sha256(run.next_key().encode()).hexdigest()[:10] if run is not None else None
        row = outbox_row(schedule, recipient_label, now, item_id)
        try:
            async with self.engine.begin() as conn:
                await conn.execute(insert(table).values(**row))
        except IntegrityError:
            where = schedule.conversation
            stored = await self.get(where.platform, where.workspace_id, row["id"]) if item_id else None
            if stored is None:
                raise
            return stored
        return _row_to_scheduled(row)

    async def get(self, platform: str, workspace_id: str, item_id: str) -> Scheduled | None:
        """Only within one workspace: an id from another workspace is simply not found."""
        query = select(table).where(
            table.c.id == item_id, table.c.platform == platform, table.c.workspace_id == workspace_id
        )
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).mappings().first()
        return _row_to_scheduled(row) if row else None

    async def scheduled_for(self, where: Conversation, since: datetime, until: datetime) -> int:
        """How many messages people scheduled with /later for this channel in a period (digest stats)."""
        c = table.c
        query = select(func.count()).select_from(table).where(
            c.platform == where.platform, c.workspace_id == where.workspace_id, c.channel_id == where.channel_id,
            c.created_at >= since, c.created_at < until, c.author_id != BOT_AUTHOR.id, c.status != "cancelled")
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).scalar_one()

    async def pending_by(self, platform: str, workspace_id: str, author_id: str) -> list[Scheduled]:
        c = table.c
        query = (
            select(table)
            .where(c.platform == platform, c.workspace_id == workspace_id, c.author_id == author_id,
                   c.status == "pending")
            .order_by(c.deliver_at)
        )
        async with self.engine.connect() as conn:
            return [_row_to_scheduled(r) for r in (await conn.execute(query)).mappings()]

    async def _update_pending(self, platform: str, workspace_id: str, item_id: str, author_id: str,
                              **values) -> bool:
        """Change a pending row of this author's; False when it is gone, sent, or someone else's."""
        c = table.c
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(table)
                .where(c.id == item_id, c.platform == platform, c.workspace_id == workspace_id,
                       c.author_id == author_id, c.status == "pending")
                .values(**values)
            )
        return result.rowcount == 1

    async def remember_confirmation(self, item: Scheduled, where: Conversation, message_id: str, zone: str | None
                                    ) -> None:
        """Where the sender's confirmation card is (`message_id` in `where`, which is reached with the item's
        conversation reference), so delivery can replace its buttons by the outcome in the recipient's `zone`."""
        confirmation = {"channel_id": where.channel_id, "thread_id": where.thread_id, "is_direct": where.is_direct,
                        "message_id": message_id, "zone": zone}
        async with self.engine.begin() as conn:
            await conn.execute(update(table).where(table.c.id == item.id, table.c.status == "pending")
                               .values(confirmation=confirmation))

    async def cancel(self, platform: str, workspace_id: str, item_id: str, author_id: str) -> bool:
        return await self._update_pending(platform, workspace_id, item_id, author_id, status="cancelled")

    async def reschedule(self, platform: str, workspace_id: str, item_id: str, author_id: str,
                         deliver_at: datetime) -> bool:
        """Send now: the click that asked replaces the card itself, so delivery leaves the card alone."""
        return await self._update_pending(platform, workspace_id, item_id, author_id,
                                          deliver_at=deliver_at.astimezone(timezone.utc), confirmation=None)

    # ---- delivery ---------------------------------------------------------------

    async def claim_due(self, now: datetime, worker: str, limit: int = 50) -> list[Scheduled]:
        c = table.c
        candidates = (
            select(c.id)
            .where(c.status == "pending", c.deliver_at <= now)
            .order_by(c.deliver_at)
            .limit(limit)
            .with_for_update(skip_locked=True)  # PostgreSQL: replicas skip each other's rows
        )
        claimed: list[Scheduled] = []
        async with self.engine.begin() as conn:
            ids = (await conn.execute(candidates)).scalars().all()
            for item_id in ids:
                result = await conn.execute(
                    update(table)
                    .where(c.id == item_id, c.status == "pending")
                    .values(status="sending", claimed_by=worker, claimed_at=now, attempts=c.attempts + 1)
                )
                if result.rowcount == 1:
                    row = (await conn.execute(select(table).where(c.id == item_id))).mappings().one()
                    claimed.append(_row_to_scheduled(row))
        return claimed

    async def stale_claims(self, now: datetime) -> list[Scheduled]:
        c = table.c
        query = select(table).where(c.status == "sending", c.claimed_at < now - LEASE)
        async with self.engine.connect() as conn:
            return [_row_to_scheduled(r) for r in (await conn.execute(query)).mappings()]

    async def take_over(self, item_id: str, worker: str, now: datetime) -> bool:
        """Claim a stale `sending` row; only one worker wins it."""
        c = table.c
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(table)
                .where(and_(c.id == item_id, c.status == "sending", c.claimed_at < now - LEASE))
                .values(claimed_by=worker, claimed_at=now)
            )
        return result.rowcount == 1

    async def mark_delivered(self, item_id: str, message_id: str | None, now: datetime) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(
                update(table)
                .where(table.c.id == item_id)
                # The text is not kept once it is delivered (data retention); the row stays as proof.
                .values(status="delivered", platform_message_id=message_id, delivered_at=now, last_error=None,
                        text="", layout=None, attachment=None)
            )

    async def mark_attempt_failed(self, item: Scheduled, error: str, now: datetime, final: bool = False) -> None:
        """Back off and retry later; give up (status `failed`) after MAX_ATTEMPTS, or at once when `final`."""
        if final or item.attempts >= MAX_ATTEMPTS:
            values = dict(status="failed", last_error=error)
        else:
            backoff = timedelta(seconds=min(30 * 2 ** (item.attempts - 1), 3600))
            values = dict(status="pending", deliver_at=now + backoff, last_error=error)
        async with self.engine.begin() as conn:
            await conn.execute(update(table).where(table.c.id == item.id).values(**values))


def delivered_outcome(item: Scheduled, at: datetime) -> str:
    """What the sender's confirmation card says once its message went out: to whom, and when in their clock."""
    zone = (item.confirmation or {}).get("zone")
    try:
        local = at.astimezone(ZoneInfo(zone)) if zone else at.astimezone(timezone.utc)
    except (ZoneInfoNotFoundError, ValueError):
        zone, local = None, at.astimezone(timezone.utc)
    label = item.recipient_label
    if label == "this channel" and (item.confirmation or {}).get("channel_id") != item.conversation.channel_id:
        label = "the channel where you asked"  # the card is in the person's chat with the bot, not in that channel
    if not zone:
        whose = "UTC"
    elif label == "you":  # the label `later` gives a note to oneself
        whose = "your time"
    else:  # one person's clock, or the zone a channel's time was read in
        whose = f"{label}'s time" if item.conversation.is_direct else zone
    preview = item.text if len(item.text) <= 60 else item.text[:59] + "…"
    sent = f"Sent to {label}" if item.conversation.is_direct else f"Posted in {label}"
    return f"{sent} at {local:%H:%M} {whose} ({local:%a %d %b}): “{preview}”"


def delivery_action(item: Scheduled) -> Reply | Post:
    kind = Reply if item.conversation.thread_id else Post
    return kind(conversation=item.conversation, text=delivery_text(item), sections=item.sections, chart=item.chart,
                delivery_key=item.id)


async def _send(outbox: Outbox, item: Scheduled, platform: Platform, now: datetime) -> bool:
    try:
        message_id = await platform.perform(delivery_action(item))
    except Exception as error:  # any platform failure: retry with backoff, never drop
        PLATFORM_ERRORS.labels(item.conversation.platform, error_kind(error)).inc()
        log.warning("scheduled delivery failed", extra={"id": item.id, "error": str(error)})
        # A refusal that cannot change (the bot left the channel) is not tried seven more times.
        await outbox.mark_attempt_failed(item, str(error), now, final=isinstance(error, Refused))
        return False
    await outbox.mark_delivered(item.id, message_id, now)
    OUTBOX_LATENESS.observe(max((now - item.deliver_at).total_seconds(), 0))
    log.info("scheduled message delivered", extra={"id": item.id, "platform": item.conversation.platform})
    await _close_confirmation(item, platform, now)
    return True


async def _close_confirmation(item: Scheduled, platform: Platform, now: datetime) -> None:
    """The sender's card loses its buttons (Send now, Change time, Cancel) to the outcome. Best effort: the
    message itself is delivered, so a refusal here is logged, not retried."""
    if not item.confirmation:
        return
    card = item.confirmation
    where = Conversation(item.conversation.platform, item.conversation.workspace_id, card["channel_id"],
                         card.get("thread_id"), bool(card.get("is_direct")), item.conversation.ref)
    try:
        await platform.perform(ReplacePost(where, card["message_id"], delivered_outcome(item, now)))
    except Exception as error:  # noqa: BLE001 - see the docstring
        PLATFORM_ERRORS.labels(item.conversation.platform, error_kind(error)).inc()
        log.warning("confirmation card not updated", extra={"id": item.id, "error": str(error)})


async def deliver_due_messages(outbox: Outbox, platform_for: PlatformFor, now: datetime, worker: str) -> int:
    """One pass of the delivery worker; returns how many messages were delivered."""
    delivered = 0
    for item in await outbox.stale_claims(now):
        platform = await platform_for(item.conversation.platform, item.conversation.workspace_id)
        if platform is None or not await outbox.take_over(item.id, worker, now):
            continue
        already = await platform.find_delivered(item.conversation, item.id, item.deliver_at - LEASE)
        if already:
            await outbox.mark_delivered(item.id, already, now)  # the crashed worker did send it
            await _close_confirmation(item, platform, now)  # perhaps not its card: replacing it again is harmless
        else:
            delivered += await _send(outbox, item, platform, now)
    due = await outbox.claim_due(now, worker)
    OUTBOX_DUE.set(len(due))
    for item in due:
        platform = await platform_for(item.conversation.platform, item.conversation.workspace_id)
        if platform is None:
            await outbox.mark_attempt_failed(item, "platform not configured", now)
            continue
        delivered += await _send(outbox, item, platform, now)
    return delivered
