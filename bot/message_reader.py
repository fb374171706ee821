"""The port through which skills read a platform's raw messages (an export's day files, a channel's history).

Skills that take messages in bulk (the digest, thread summaries) get a `MessageReader` from whoever
calls them (`adapters/slack/messages.py` `SLACK_MESSAGES` for Slack's shapes), so they never import
a platform's format themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Skipped:
    """A message not read, and why. `bad` is for a malformed one (reported); the rest are not speech (silent)."""

    reason: str
    bad: bool = False


class MessageReader(Protocol):
    """How one platform's raw messages are read into one regular shape: a dict with a numeric-string `ts`,
    `user` (the author's id), `text` and, in a thread, `thread_ts`; `reactions`, `reply_count`,
    `latest_reply` and `permalink` when the platform has them."""

    def read_message(self, raw: Any) -> dict | Skipped:
        """The message made regular (possibly `raw` itself: callers must not change it), or why it is skipped."""

    def is_bot_post(self, message: dict) -> bool:
        """Whether an app posted a message `read_message` returned."""

    def name_in_message(self, message: dict) -> str | None:
        """The author's name as the message itself carries it, if it does."""

    def notifies_channel(self, message: dict) -> bool:
        """Whether a message `read_message` returned notifies the whole channel (@channel, @here, @everyone)."""

    def slim(self, messages: list[dict]) -> list[dict]:
        """Messages `read_message` returned, each with only what the regular shape lists and this reader's own
        methods read of it (or as they are, when they hold nothing large besides): the same answers from every
        method, less to send to another process (a digest's workers get each long thread's messages; a real
        export's carry blocks, files and profiles nobody reads)."""
