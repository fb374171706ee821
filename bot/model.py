"""Platform-neutral model: who said what, where, and the events skills react to.

Adapters translate Slack payloads and Teams activities into these objects, so skills
never see a platform type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Literal

PlatformName = Literal["slack", "teams"]


@dataclass(frozen=True)
class WorkingHours:
    """A person's working window; defaults are what we assume when the platform does not say."""

    start: time = time(9, 0)
    end: time = time(17, 0)
    days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday=0, like datetime.weekday()


@dataclass(frozen=True)
class User:
    id: str
    name: str = ""
    tz: str | None = None  # IANA name; None when the platform does not tell us
    working_hours: WorkingHours = field(default_factory=WorkingHours)
    is_bot: bool = False
    is_admin: bool = False  # may change channel settings (Slack workspace admins and owners)

    @property
    def display(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class Conversation:
    """Where a message lives: workspace (Slack team / Teams tenant), channel, and thread if any.

    `thread_id` is Slack's parent `ts` or the Teams reply-chain root id; `None` means top level.
    `ref` carries the adapter's opaque data needed to answer there (e.g. a Teams service URL).
    """

    platform: PlatformName
    workspace_id: str
    channel_id: str
    thread_id: str | None = None
    is_direct: bool = False
    ref: dict | None = field(default=None, compare=False, hash=False)

    def in_thread(self, thread_id: str) -> Conversation:
        return Conversation(
            self.platform, self.workspace_id, self.channel_id, thread_id, self.is_direct, self.ref
        )


@dataclass(frozen=True)
class FileInfo:
    """A file shared with a message: what it is, never its content."""

    name: str
    mimetype: str = ""
    size: int = 0


@dataclass(frozen=True)
class Message:
    id: str
    author: User
    text: str
    sent_at: datetime
    conversation: Conversation
    mentions: tuple[str, ...] = ()
    link: str | None = None  # permalink where the platform gives one
    reply_count: int = 0  # a thread root's replies, where the platform says (Slack history); else 0
    broadcast: bool = False  # notifies the whole channel: Slack's @channel/@here/@everyone, a Teams channel or team mention
    reactions: tuple[tuple[str, int], ...] = ()  # (emoji name, count), where the platform says
    files: tuple[FileInfo, ...] = ()


@dataclass(frozen=True)
class Thread:
    """A whole thread, root first, as fetched through the platform port."""

    conversation: Conversation
    messages: tuple[Message, ...]
    complete: bool = True  # False when the platform could only show us part of it
    note: str | None = None  # why it may be incomplete, said to the user
    filling: bool = False  # the rest is being fetched (within the platform's rate limit); ask again later

    @property
    def participants(self) -> list[User]:
        seen: dict[str, User] = {}
        for message in self.messages:
            if not message.author.is_bot:
                seen.setdefault(message.author.id, message.author)
        return list(seen.values())


# ---- incoming events -------------------------------------------------------------


@dataclass(frozen=True)
class MessagePosted:
    """Any message the bot can see in a channel or chat."""

    message: Message


@dataclass(frozen=True)
class Mentioned:
    """The bot was @-mentioned; `text` has the mention itself stripped."""

    message: Message
    text: str


@dataclass(frozen=True)
class CommandInvoked:
    """A slash command (Slack) or bot command (Teams), e.g. `/later tomorrow 9am ...`."""

    command: str
    text: str
    user: User
    conversation: Conversation
    trigger_id: str | None = None  # Slack: lets the answer open a modal


@dataclass(frozen=True)
class ActionClicked:
    """A button, card submit or message shortcut; `action_id` names what, `value` carries the data."""

    action_id: str
    value: str
    user: User
    conversation: Conversation
    trigger_id: str | None = None
    # The message clicked on, as the platform names it (Slack: its response_url; Teams: the card's
    # activity id), so the answer can replace it; None for shortcuts and extensions.
    origin: str | None = None


@dataclass(frozen=True)
class DialogSubmitted:
    """A form (Slack modal, Teams card or task module) was submitted; `values` by field name."""

    callback_id: str
    values: dict[str, str]
    user: User
    conversation: Conversation
    state: str = ""  # what the skill put in OpenDialog.state

@dataclass(frozen=True)
class HomeOpened:
    """A person opened the bot's home (Slack App Home tab): show them their settings."""

    user: User
    conversation: Conversation  # the workspace; channel_id is empty


@dataclass(frozen=True)
class Installed:
    """Someone met the bot: added to a personal chat or a team (Teams), installed or its home first opened (Slack).

    `conversation` is where a welcome goes: the chat, the team's General channel, or the person's DM.
    """

    user: User
    conversation: Conversation


@dataclass(frozen=True)
class Tick:
    """Time passed: the scheduler asks skills whether something is due."""

    now: datetime


Event = (MessagePosted | Mentioned | CommandInvoked | ActionClicked | DialogSubmitted | HomeOpened | Installed
         | Tick)
