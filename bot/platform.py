"""The port every chat platform adapter implements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from bot.actions import Action
from bot.model import Conversation, Message, Thread, User


@dataclass(frozen=True)
class PlatformLimits:
    max_message_chars: int
    creates_meetings: bool = False  # can `create_meeting` put a call in people's calendars?


class Platform(Protocol):
    """What skills' handlers may ask of a platform; all I/O with Slack or Teams goes through here."""

    name: str
    limits: PlatformLimits

    async def fetch_thread(self, conversation: Conversation) -> Thread:
        """The whole thread `conversation.thread_id`, root first, following pagination."""
        ...

    async def user_profile(self, conversation: Conversation, user_id: str) -> User:
        """Name, time zone and working hours, with defaults where the platform is silent."""
        ...

    async def channel_history(self, conversation: Conversation, since: datetime, limit: int = 100) -> list[Message]:
        """Top-level messages of a channel since `since`, oldest first: the newest `limit` of them.

        A hundred is context enough for nudges; the weekly digest asks for thousands.
        """
        ...

    async def channel_members(self, conversation: Conversation) -> list[User]:
        """The people in a channel with their profiles (capped for very large channels)."""
        ...

    async def perform(self, action: Action) -> str | None:
        """Carry out one action; returns the platform's id for what it posted, if any."""
        ...

    async def create_meeting(self, conversation: Conversation, organizer: User, attendees: list[User],
                             subject: str, start: datetime, end: datetime) -> str | None:
        """An online meeting in everyone's calendar; its join URL, or None where the platform cannot."""
        ...

    async def busy_times(self, conversation: Conversation, people: list[User], start: datetime,
                         end: datetime) -> list[tuple[datetime, datetime]] | None:
        """When these people's calendars are taken between `start` and `end`; None where the platform cannot tell."""
        ...

    async def may_manage(self, conversation: Conversation, user_id: str) -> bool:
        """Whether this person may change the channel's shared settings (quiet mode, zone, digest)."""
        ...

    async def find_delivered(self, conversation: Conversation, delivery_key: str, since: datetime) -> str | None:
        """The id of a message already posted with `delivery_key`, or None (also when unknowable)."""
        ...

    async def message_link(self, conversation: Conversation, message: Message) -> str | None:
        """A link that opens the message in the client, or None."""
        ...


class Refused(Exception):
    """The platform turned an action down for good (not in the channel, the message is gone, no
    permission): trying again cannot help, so the event's other actions go on and it is not retried."""


class RateLimited(Exception):
    """The platform said 429; `retry_after` seconds must pass before the method is called again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited for {retry_after:g} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Page:
    messages: list[Message]
    cursor: str | None  # the next page; None at the end


@runtime_checkable
class PagedHistory(Protocol):
    """What a platform that rations history (Slack) offers besides the port: one page per call, so the
    message store can fill what it lacks within a rate budget (bot/history.py)."""

    async def thread_page(self, conversation: Conversation, cursor: str | None, limit: int) -> Page:
        """A page of the thread, oldest first, root included."""
        ...

    async def history_page(self, conversation: Conversation, oldest: datetime, latest: datetime | None,
                           cursor: str | None, limit: int) -> Page:
        """A page of the channel's top-level messages between `oldest` and `latest`, newest first."""
        ...
