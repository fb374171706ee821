"""What a skill may ask for. Skills return these; adapters perform them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.model import Conversation, User


@dataclass(frozen=True)
class Button:
    label: str
    action_id: str
    value: str = ""


@dataclass(frozen=True)
class Section:
    """A titled block of lines; adapters render it as Block Kit or an Adaptive Card."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Reply:
    """Answer in the thread (or reply chain) of `conversation`."""

    conversation: Conversation
    text: str
    sections: tuple[Section, ...] = ()
    buttons: tuple[Button, ...] = ()
    delivery_key: str | None = None  # set for outbox deliveries, so a crash can check what was sent


@dataclass(frozen=True)
class Post:
    """Post at the top level of a channel (or, with a user id as channel, in a DM from the bot)."""

    conversation: Conversation
    text: str
    sections: tuple[Section, ...] = ()
    buttons: tuple[Button, ...] = ()
    delivery_key: str | None = None


@dataclass(frozen=True)
class NotifyPrivately:
    """Only `user` sees it: Slack ephemeral message, Teams 1:1 chat."""

    user: User
    conversation: Conversation
    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Schedule:
    """Put a message in the outbox for `deliver_at` (timezone-aware)."""

    conversation: Conversation
    author: User
    text: str
    deliver_at: datetime


@dataclass(frozen=True)
class CancelScheduled:
    scheduled_id: str
    by: User


@dataclass(frozen=True)
class OpenDialog:
    """A modal (Slack) or task module / card (Teams) prefilled with `fields`."""

    user: User
    conversation: Conversation
    title: str
    fields: dict[str, str] = field(default_factory=dict)
    callback_id: str = ""


Action = Reply | Post | NotifyPrivately | Schedule | CancelScheduled | OpenDialog
