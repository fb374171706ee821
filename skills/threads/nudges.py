"""Nudge decisions: reply outside the thread, hello-only, long message, broadcast after hours.

Pure functions: channel messages (and reply links, members) in, `Nudge` records out. Whether a
nudge is actually sent is decided afterwards by `skills.threads.cooldown.allowed_nudges`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from bot.model import User
from skills.later.hours import is_working_time
from skills.later.zones import UnknownZone, zone_for
from skills.threads.links import ChannelMessage, ReplyLink, default_model
from skills.threads.text import SLACK_MENTION, TEAMS_MENTION

REPLY_OUTSIDE_THREAD = "reply_outside_thread"
HELLO_ONLY = "hello_only"
LONG_MESSAGE = "long_message"
BROADCAST_AFTER_HOURS = "broadcast_after_hours"
KINDS = (REPLY_OUTSIDE_THREAD, HELLO_ONLY, LONG_MESSAGE, BROADCAST_AFTER_HOURS)

FOLLOW_UP_SECONDS = 60.0
# How far back an answered message may be. The live bot reads no further back; the offline report and the
# digest hold a whole history, where a quiet channel's "@nakaji, any idea about …?" five days after nakaji's
# "thanks!" scored as an answer to it (haskell-jp's real log) and was nudged.
ANSWER_WINDOW_SECONDS = 6 * 3600
LONG_MESSAGE_CHARS = 1500
AFTER_HOURS_SHARE = 0.5

# A message is hello-only when every word is from here and at least one is a greeting word.
_HELLO_CORE = frozenset(
    "hi hii hello hallo hey heya hiya yo howdy morning afternoon evening question q ping sec second "
    "minute min moment around there".split())
_HELLO_FILLER = frozenset(
    "all everyone everybody team folks guys people y'all yall good a an quick small got have you u are r "
    "anyone anybody is free real do can i ask ok so um uh hm hmm please pls plz".split())
REPLY_TEXT = ("This looks like an answer to an earlier message, so posting it in that thread keeps the "
              "conversation together for everyone.")
HELLO_TEXT = "Tip: saying hello and your question in one message lets people answer right away (nohello.net)."
LONG_TEXT = ("That's a long one for the channel; a short summary with the details in a thread or a doc is "
             "easier on everyone's attention.")
BROADCAST_TEXT = ("Most of the channel is outside working hours right now, so you could schedule this "
                  "announcement for their morning instead.")

_EMOJI = re.compile(r":[a-z0-9_+\-]+:")
_AT_NAME = re.compile(r"(?<!\w)@[\w.\-]+")


@dataclass(frozen=True)
class Nudge:
    ts: str
    user: str
    kind: str
    text: str  # one kind sentence, shown privately to `user`
    parent_ts: str | None = None  # reply outside thread: the thread it belongs in
    seconds: float | None = None  # when the nudged message was sent (epoch); None: `ts` says

    def as_json(self) -> dict:
        return {"ts": self.ts, "kind": self.kind, "text": self.text}

    @property
    def at(self) -> datetime:
        seconds = float(self.ts) if self.seconds is None else self.seconds
        return datetime.fromtimestamp(seconds, tz=timezone.utc)


def _nudge(message: ChannelMessage, kind: str, text: str, parent_ts: str | None = None) -> Nudge:
    return Nudge(message.ts, message.user, kind, text, parent_ts=parent_ts, seconds=message.seconds)


def reply_outside_thread_nudges(
    messages: list[ChannelMessage], links: list[ReplyLink], threshold: float | None = None
) -> list[Nudge]:
    """Top-level messages that answer someone else's earlier message with score ≥ threshold."""
    threshold = default_model().nudge_threshold if threshold is None else threshold
    by_ts = {m.ts: m for m in messages}
    out = []
    for message, link in zip(messages, links):
        if message.in_thread or message.is_system or link.parent_ts is None or link.score < threshold:
            continue
        parent = by_ts.get(link.parent_ts)
        if parent is None or parent.user == message.user:
            continue  # carrying on your own message is not answering someone
        if message.seconds - parent.seconds > ANSWER_WINDOW_SECONDS:
            continue
        out.append(_nudge(message, REPLY_OUTSIDE_THREAD, REPLY_TEXT, parent_ts=parent.ts))
    return out


def is_hello_only(text: str) -> bool:
    """'hi', 'hey @ken', 'quick question', 'good morning team :wave:' — a greeting and nothing else."""
    text = SLACK_MENTION.sub(" ", TEAMS_MENTION.sub(" ", text))
    text = _AT_NAME.sub(" ", _EMOJI.sub(" ", text.lower()))
    tokens = re.findall(r"[a-z']+", text)
    if not tokens or len(tokens) > 8 or re.search(r"[0-9]", text):
        return False
    return all(t in _HELLO_CORE or t in _HELLO_FILLER for t in tokens) and any(t in _HELLO_CORE for t in tokens)


def hello_only_nudges(
    messages: list[ChannelMessage], follow_up_seconds: float = FOLLOW_UP_SECONDS, now: float | None = None
) -> list[Nudge]:
    """Top-level hello-only messages whose author wrote nothing else within `follow_up_seconds`.

    With `now` (epoch seconds), messages younger than the follow-up window are left undecided.
    """
    out = []
    for k, message in enumerate(messages):
        if message.in_thread or message.is_system or not is_hello_only(message.text):
            continue
        start = message.seconds
        if now is not None and now - start < follow_up_seconds:
            continue
        followed = False
        for later in messages[k + 1:]:
            if later.seconds - start > follow_up_seconds:
                break  # messages are in time order
            followed = followed or later.user == message.user
        if not followed:
            out.append(_nudge(message, HELLO_ONLY, HELLO_TEXT))
    return out


def long_message_nudges(messages: list[ChannelMessage], max_chars: int = LONG_MESSAGE_CHARS) -> list[Nudge]:
    """Top-level messages longer than `max_chars` characters."""
    return [
        _nudge(m, LONG_MESSAGE, LONG_TEXT)
        for m in messages
        if not m.in_thread and not m.is_system and len(m.text) > max_chars
    ]


def is_working(user: User, at: datetime) -> bool:
    """Whether `at` falls inside the user's working hours in their own zone (UTC when unknown)."""
    try:
        zone = zone_for(user.tz) if user.tz else ZoneInfo("UTC")
    except UnknownZone:
        zone = ZoneInfo("UTC")
    return is_working_time(at, zone, user.working_hours)


def broadcast_after_hours_nudges(
    messages: list[ChannelMessage], members: list[User], share: float = AFTER_HOURS_SHARE
) -> list[Nudge]:
    """Top-level @channel/@here/@everyone messages sent when more than `share` of members are off."""
    people = [u for u in members if not u.is_bot]
    if not people:
        return []
    out = []
    for m in messages:
        if m.in_thread or m.is_system or not m.notifies_channel:
            continue
        at = datetime.fromtimestamp(m.seconds, tz=timezone.utc)
        off = sum(not is_working(u, at) for u in people if u.id != m.user)
        if off / max(len(people) - (m.user in {u.id for u in people}), 1) > share:
            out.append(_nudge(m, BROADCAST_AFTER_HOURS, BROADCAST_TEXT))
    return out
