"""The `etiquette analyze` report for one channel's messages: reply links, nudges and meeting suggestions."""

from __future__ import annotations

from skills.meetings.channel import meeting_suggestions
from skills.threads.links import ChannelMessage, reply_links
from skills.threads.nudges import (
    FOLLOW_UP_SECONDS,
    LONG_MESSAGE_CHARS,
    hello_only_nudges,
    long_message_nudges,
    reply_outside_thread_nudges,
)


def analyze_channel(
    messages: list[ChannelMessage], *, threshold: float | None = None,
    long_message_chars: int = LONG_MESSAGE_CHARS, follow_up_seconds: float = FOLLOW_UP_SECONDS,
) -> dict:
    """The `analyze --json` report. Nudges are every deserved nudge; cooldowns apply when sending."""
    links = reply_links(messages)
    nudges = (reply_outside_thread_nudges(messages, links, threshold)
              + hello_only_nudges(messages, follow_up_seconds)
              + long_message_nudges(messages, long_message_chars))
    nudges.sort(key=lambda n: (float(n.ts), n.kind))
    return {
        "links": [link.as_json() for link in links],
        "nudges": [nudge.as_json() for nudge in nudges],
        "meeting_suggestions": meeting_suggestions([
            {"ts": m.ts, "user": m.user, "text": m.text, "thread_ts": m.thread_ts, "subtype": m.subtype}
            for m in messages
        ]),
    }

