"""`/digest on|off|now` and the weekly job that enqueues due digests (see bot/digests.py)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime, timedelta

from bot.actions import Action, Post, Schedule, answer_privately
from bot.commands import usage_lines
from bot.context import Context
from bot.digests import DigestSchedules
from bot.message_reader import Skipped
from bot.model import CommandInvoked, Conversation, Event, Message, User
from bot.outbox import BOT_AUTHOR, Outbox, PlatformFor
from bot.platform import Platform
from bot.store import Store
from skills.digest.build import LATER_NOTE, build_digest
from skills.digest.message import DigestMessage, digest_message
from skills.digest.week import Week
from skills.later.channel import channel_clock
from skills.permissions import managers, may_change_channel

log = logging.getLogger(__name__)
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_DAY, DEFAULT_TIME = 0, "09:00"  # Monday morning, in the channel's zone
_WHEN = re.compile(r"^(?:(?P<day>[a-z]+)\s*)?(?P<clock>\d{1,2}:\d{2})?$")
MAX_AUTHORS = 50  # profiles fetched for one digest
MAX_THREADS = 50  # threads whose replies a digest reads (the busiest channels have more; the rest count as posts)
MAX_POSTS = 5000  # top-level messages a digest reads: a very busy channel's week, at 200 a page


def wants(event: Event) -> bool:
    return isinstance(event, CommandInvoked) and event.command == "digest"


def usage(platform: str) -> str:
    return "\n".join(usage_lines(platform, only="digest"))


def parse_when(text: str) -> tuple[int, str] | None:
    """'monday 09:00', 'fri', '16:30' → (weekday, "HH:MM"); default Monday 09:00."""
    match = _WHEN.match(text.strip().lower())
    if not match:
        return None
    day = match.group("day")
    weekday = next((i for i, name in enumerate(DAYS) if day and name.startswith(day[:3])), None) if day else DEFAULT_DAY
    if weekday is None:
        return None
    hour, minute = (int(x) for x in (match.group("clock") or DEFAULT_TIME).split(":"))
    if hour > 23 or minute > 59:
        return None
    return weekday, f"{hour:02d}:{minute:02d}"


async def handle(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, CommandInvoked)
    verb, _, rest = event.text.strip().partition(" ")
    where = replace(event.conversation, thread_id=None)
    schedules, now = DigestSchedules(context.store), context.now()
    if where.is_direct:
        return [answer_privately(event, "Digests are for channels: use this in the channel itself.")]
    if verb.lower() in ("on", "off") and not await may_change_channel(event, context):
        return [answer_privately(event, f"Only {managers(event)} can switch a channel's weekly digest on or off.")]
    if verb.lower() == "on":
        when = parse_when(rest)
        if when is None:
            return [answer_privately(event, f"I couldn't read “{rest}” as a day and time.\n{usage(where.platform)}")]
        tz = await channel_zone(where, context, event.user)
        schedule = await schedules.turn_on(where, when[0], when[1], tz, now)
        return [answer_privately(event, f"Weekly digest on: every {DAYS[when[0]].title()} {when[1]} ({tz}); "
                               f"the next one {schedule.next_due_at:%a %d %b %H:%M} UTC.")]
    if verb.lower() == "off":
        stopped = await schedules.turn_off(where)
        return [answer_privately(event, "Weekly digest off." if stopped else "This channel had no weekly digest.")]
    if verb.lower() == "now":
        week = Week.of(now.date())
        message = await channel_digest(context.platform, context.store, where, week, now - timedelta(days=7), now)
        return [Post(conversation=where, text=message.text, sections=message.sections, chart=message.chart)]
    return [answer_privately(event, usage(where.platform))]


async def channel_zone(where: Conversation, context: Context, asker: User) -> str:
    """The admins' setting, else the members' commonest zone, else the asker's, else UTC."""
    setting = await context.store.get_setting(where.platform, where.workspace_id, f"channel:{where.channel_id}", "tz")
    members = await context.platform.channel_members(where)
    if setting or members:
        return channel_clock(members, setting).zone
    profile = await context.platform.user_profile(where, asker.id)
    return profile.tz or asker.tz or "UTC"


def _slack_shaped(message: Message, thread_ts: str | None) -> dict:
    return {"ts": _ts(message), "user": message.author.id, "text": message.text,
            "thread_ts": thread_ts, "permalink": message.link, "broadcast": message.broadcast}


class ShapedMessages:
    """The `MessageReader` for what `week_messages` shaped from `bot.model.Message`s, which their adapter already
    read: apps' posts are left out there, the broadcast flag is the adapter's; only messages without words are
    skipped, as a platform's reader skips them."""

    @staticmethod
    def read_message(raw: dict) -> dict | Skipped:
        return raw if raw["text"].strip() else Skipped("nothing to read (no text, blocks, attachments or files)")

    @staticmethod
    def is_bot_post(message: dict) -> bool:
        return False

    @staticmethod
    def name_in_message(message: dict) -> str | None:
        return None

    @staticmethod
    def notifies_channel(message: dict) -> bool:
        return message["broadcast"]

    @staticmethod
    def slim(messages: list[dict]) -> list[dict]:
        return messages  # shaped with nothing else


async def week_messages(platform: Platform, where: Conversation, since: datetime) -> list[dict]:
    """The channel's top-level messages and, for its MAX_THREADS busiest threads, their replies.

    Busiest by the reply counts that come with the history: Slack's own, or (Teams) the replies the
    bot saw in each chain.
    """
    roots = [m for m in await platform.channel_history(where, since, limit=MAX_POSTS) if not m.author.is_bot]
    threads = [m for m in roots if m.conversation.thread_id == m.id]
    rooted = {m.id for m in threads}
    out = [_slack_shaped(m, _ts(m) if m.id in rooted else None) for m in roots]
    for root in sorted(threads, key=lambda m: -m.reply_count)[:MAX_THREADS]:  # stable: ties keep their order
        try:
            thread = await platform.fetch_thread(root.conversation)
        except Exception:  # a thread we may not read: the digest goes on without its replies
            log.info("digest skipped a thread it could not read")
            continue
        out += [_slack_shaped(reply, _ts(root)) for reply in thread.messages
                if reply.id != root.id and not reply.author.is_bot]
    return out


def _ts(message: Message) -> str:
    return f"{message.sent_at.timestamp():.6f}"


async def channel_digest(platform: Platform, store: Store, where: Conversation, week: Week, since: datetime,
                         now: datetime) -> DigestMessage:
    """The digest of a channel's recent messages, laid out for chat (see skills/digest/message.py)."""
    messages = await week_messages(platform, where, since)
    authors = list(dict.fromkeys(m["user"] for m in messages))[:MAX_AUTHORS]
    users = {a: await platform.user_profile(where, a) for a in authors}
    members = await platform.channel_members(where)
    digest = build_digest(messages, users, channel=where.channel_id, week=str(week), members=members, as_of=now,
                          reader=ShapedMessages())
    scheduled = await Outbox(store).scheduled_for(where, since, now)
    notes = tuple(note for note in digest.notes if note != LATER_NOTE)
    covered = await store.messages.covered_since(where)
    if covered is not None and covered > since:  # joined mid-week, or down, and history was not read back
        notes += (f"Covers the messages since {covered:%a %d %b %H:%M} UTC only: I did not see this channel before.",)
    digest = replace(digest, stats={**digest.stats, "scheduled_with_later": scheduled}, notes=notes)
    return digest_message(digest, week, members or list(users.values()))


async def enqueue_due_digests(store: Store, platform_for: PlatformFor, now: datetime) -> int:
    """One pass of the weekly job; returns how many digests were put in the outbox."""
    schedules = DigestSchedules(store)
    enqueued = 0
    for schedule in await schedules.due(now):
        where = schedule.conversation
        platform = await platform_for(where.platform, where.workspace_id)
        if platform is None:
            continue
        # Due on Monday morning: last week. Due on Friday afternoon: this week.
        week = Week.of((schedule.next_due_at - timedelta(days=1)).date())
        try:
            message = await channel_digest(platform, store, where, week, schedule.next_due_at - timedelta(days=7), now)
        except Exception as error:  # e.g. the bot was removed from the channel: the other channels go on
            log.warning("weekly digest could not be built; retried next pass",
                        extra={"platform": where.platform, "error": type(error).__name__})
            continue
        post = Schedule(where, BOT_AUTHOR, message.text, now, sections=message.sections, chart=message.chart)
        enqueued += await schedules.enqueue(schedule, str(week), post, now)
    return enqueued



