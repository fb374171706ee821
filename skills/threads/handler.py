"""Channel nudges, live: a posted message → reply-link and nudge decisions → at most one private note.

The decisions are the pure functions of this package; here we only gather context (recent channel
messages, members, the nudge log, settings) and word the private note with its buttons.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from bot.actions import Action, Button, DeleteMessage, NotifyPrivately, Reply, answer_click
from bot.context import Context
from bot.deliveries import apart
from bot.model import ActionClicked, Event, Message, MessagePosted, User
from skills.threads.cooldown import (
    DEFAULT_LIMIT,
    DEFAULT_PERIOD,
    NudgeLogEntry,
    allowed_nudges,
)
from skills.threads.links import ChannelMessage, from_message, reply_links
from skills.threads.nudges import (
    ANSWER_WINDOW_SECONDS,
    BROADCAST_AFTER_HOURS,
    KINDS,
    REPLY_OUTSIDE_THREAD,
    Nudge,
    broadcast_after_hours_nudges,
    hello_only_nudges,
    is_hello_only,
    long_message_nudges,
    reply_outside_thread_nudges,
)

CONTEXT = timedelta(seconds=ANSWER_WINDOW_SECONDS)  # how far back an answered message may be
HELLO_WAIT = "hello wait"  # the store's mark of a hello's wait, and the source of its nudge's delivery key
log = logging.getLogger(__name__)
KIND_NAMES = {
    "reply_outside_thread": "replies outside threads",
    "hello_only": "hello-only messages",
    "long_message": "long messages",
    "broadcast_after_hours": "after-hours broadcasts",
}


def wants_message(event: Event) -> bool:
    """Top-level channel messages by people; DMs and thread replies are never nudged."""
    if not isinstance(event, MessagePosted):
        return False
    message = event.message
    where = message.conversation
    top_level = where.thread_id in (None, message.id)
    return top_level and not where.is_direct and not message.author.is_bot


def wants_click(event: Event) -> bool:
    return isinstance(event, ActionClicked) and event.action_id.startswith("threads_")


def _as_channel_message(message: Message) -> ChannelMessage:
    """The detector's shape. Slack text names people as `<@U…>`, matched against user ids; Teams text
    names them in words ("Ken, …", "@Ken Tanaka"), so there a person is known by their first name.
    """
    shaped = replace(from_message(message), thread_ts=None)  # only top-level messages come here
    if message.conversation.platform != "slack" and message.author.name:
        shaped = replace(shaped, user=message.author.name.split()[0].lower())
    return shaped


def decide(history: list[Message], message: Message, members: list[User], log: list[NudgeLogEntry], *,
           opted_out: set, disabled: set, now: datetime, follow_up: float,
           period: timedelta = DEFAULT_PERIOD) -> tuple[Nudge, Message | None] | None:
    """The one nudge (if any) for `message` as of `now`, and the message it answers. Pure.

    `history` may hold messages after `message`: they decide whether a hello was followed up.
    """
    others = [m for m in history if m.id != message.id]
    earlier = [m for m in others if m.sent_at <= message.sent_at]
    messages = earlier + [message] + [m for m in others if m.sent_at > message.sent_at]
    shaped = [_as_channel_message(m) for m in messages]
    by_ts = {c.ts: m for c, m in zip(shaped, messages)}
    mine = shaped[len(earlier)]
    upto_mine = shaped[: len(earlier) + 1]
    candidates = [n for n in reply_outside_thread_nudges(upto_mine, reply_links(upto_mine)) if n.ts == mine.ts]
    candidates += long_message_nudges([mine])
    candidates += [n for n in hello_only_nudges(shaped, follow_up, now.timestamp()) if n.ts == mine.ts]
    if members and message.broadcast:
        candidates += broadcast_after_hours_nudges([mine], members)
    # The detector may know people by another name (Teams); opt-outs and the log use the author's id.
    candidates = [replace(n, user=message.author.id) for n in candidates]
    allowed = allowed_nudges(candidates, log, opted_out=opted_out, disabled_kinds=disabled, period=period)
    if not allowed:
        return None
    nudge = allowed[0]  # one note at a time, however many habits one message shows
    return nudge, by_ts.get(nudge.parent_ts or "")


async def handle_message(event: Event, context: Context) -> list[Action]:
    """Nudges that can be decided now; a hello-only message is looked at again after the follow-up window."""
    assert isinstance(event, MessagePosted)
    if is_hello_only(event.message.text):
        # One wait per message: the inbox runs an event again when one of its posts failed, and a nudge's claim
        # for the same message does not hold a rerun back (see Store.claim_nudge), so a second wait would nudge twice.
        where = event.message.conversation
        key = "|".join((where.platform, where.workspace_id, where.channel_id, event.message.id))
        wait_id = hashlib.sha256(key.encode()).hexdigest()
        if await context.store.first_time_seen(HELLO_WAIT, wait_id):
            # It runs after this item's run is over: its nudge is numbered under the wait's own id.
            later = replace(context, platform=apart(context.platform, HELLO_WAIT, wait_id))
            task = asyncio.create_task(_after_follow_up(event, later))
            _waiting.add(task)  # a reference, so the task is not collected before it runs
            task.add_done_callback(_waiting.discard)
        return []
    return await _nudges(event, context, now=event.message.sent_at)


_waiting: set[asyncio.Task] = set()


async def _after_follow_up(event: MessagePosted, context: Context) -> None:
    """Best effort: a hello-only nudge lost to a restart is no loss, so this wait lives in memory."""
    follow_up = context.settings.hello_follow_up_seconds
    await asyncio.sleep(follow_up)
    try:
        for action in await _nudges(event, context, now=event.message.sent_at + timedelta(seconds=follow_up)):
            await context.platform.perform(action)
    except Exception:  # nobody awaits this task: say so in the log rather than in "exception never retrieved"
        log.warning("hello-only nudge failed", exc_info=True, extra={"message": event.message.id})


async def _nudges(event: MessagePosted, context: Context, now: datetime) -> list[Action]:
    message, store = event.message, context.store
    where = message.conversation
    key = (where.platform, where.workspace_id)
    channel_scope = f"channel:{where.channel_id}"
    channel_settings = await store.settings_of(*key, channel_scope)
    if channel_settings.get("quiet", False):
        return []
    history = await context.platform.channel_history(where, message.sent_at - CONTEXT)
    members = await context.platform.channel_members(where) if message.broadcast else []
    period = timedelta(hours=context.settings.nudge_cooldown_hours)
    sent = await store.nudges_for(*key, message.author.id, message.sent_at - period, besides=message.id)
    log = [NudgeLogEntry(message.author.id, kind, at) for kind, at in sent]
    mine = await store.settings_of(*key, f"user:{message.author.id}")
    opted_out = {(message.author.id, kind) for kind in KINDS if mine.get(f"no_nudge:{kind}", False)}
    disabled = set(channel_settings.get("disabled_nudges", []))
    decision = decide(history, message, members, log, opted_out=opted_out, disabled=disabled, now=now,
                      follow_up=context.settings.hello_follow_up_seconds, period=period)
    if decision is None:
        return []
    nudge, parent = decision
    if not await store.claim_nudge(where, message.author.id, nudge.kind, message.id, message.sent_at,
                                   period=period, limit=DEFAULT_LIMIT):
        return []  # another worker nudged this person for this just now
    if parent is not None and not parent.author.name:
        parent = replace(parent, author=await context.platform.user_profile(where, parent.author.id))
    return [note(nudge, message, parent)]


def note(nudge: Nudge, message: Message, parent: Message | None) -> NotifyPrivately:
    """One sentence, an action, and a way out."""
    buttons: tuple[Button, ...] = ()
    text = nudge.text
    if nudge.kind == REPLY_OUTSIDE_THREAD and parent is not None:
        start = " ".join(parent.text.split()[:8])
        text = f"{text} It answers {parent.author.display}: “{start}…”"
        move = json.dumps({"message": message.id, "parent": parent.id, "channel": message.conversation.channel_id})
        buttons += (Button("Move it there", "threads_move", move),)
    if nudge.kind == BROADCAST_AFTER_HOURS:
        buttons += (Button("Send later instead", "later_channel_instead", message.text),)
    buttons += (Button("Don't remind me", "threads_opt_out", nudge.kind),)
    where = replace(message.conversation, thread_id=None)
    return NotifyPrivately(user=message.author, conversation=where, text=text, buttons=buttons)


async def handle_click(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, ActionClicked)
    where = event.conversation
    key = (where.platform, where.workspace_id)
    if event.action_id == "threads_opt_out" and event.value in KINDS:
        await context.store.set_setting(*key, f"user:{event.user.id}", f"no_nudge:{event.value}", True)
        text = f"Got it: no more reminders about {KIND_NAMES[event.value]}."
        return [answer_click(replace(event, conversation=replace(where, thread_id=None)), text)]
    if event.action_id == "threads_move":
        return await _move(event, context)
    return []


async def _move(event: ActionClicked, context: Context) -> list[Action]:
    """Re-post the message in the thread it answers, quoting its author; they may delete the original."""
    ids = json.loads(event.value)
    # The click may come from elsewhere (Teams: the 1:1 chat the note went to); the channel is in the value.
    channel = replace(event.conversation, channel_id=ids["channel"], thread_id=None, is_direct=False)
    private = replace(event.conversation, thread_id=None)
    history = await context.platform.channel_history(channel, datetime.now(timezone.utc) - CONTEXT)
    original = next((m for m in history if m.id == ids["message"]), None)
    if original is None or original.author.id != event.user.id:
        return [NotifyPrivately(user=event.user, conversation=private, text="I couldn't find that message any more.")]
    author = f"<@{event.user.id}>" if channel.platform == "slack" else event.user.display
    quoted = "\n".join(f"> {line}" for line in original.text.splitlines())
    # Post first, delete after: a failure in between leaves the message twice, never nowhere.
    await context.platform.perform(Reply(conversation=channel.in_thread(ids["parent"]),
                                         text=f"{author} wrote in the channel:\n{quoted}"))
    deleted = await context.platform.perform(DeleteMessage(channel, original.id, event.user))
    done = "removed it from the channel" if deleted else "you can delete the original from the channel"
    return [NotifyPrivately(user=event.user, conversation=private, text=f"Moved to the thread; {done}.")]
