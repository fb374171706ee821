"""An in-memory Platform for skill, router and outbox tests: push events in, read actions out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.actions import Action
from bot.model import Conversation, Message, Thread, User
from bot.platform import PlatformLimits


@dataclass
class MemoryPlatform:
    name: str = "slack"
    limits: PlatformLimits = PlatformLimits(max_message_chars=40_000)
    users: dict[str, User] = field(default_factory=dict)
    threads: dict[str, Thread] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)  # channel id → user ids
    history: dict[str, list[Message]] = field(default_factory=dict)  # channel id → top-level messages
    performed: list[Action] = field(default_factory=list)
    fail_next: int = 0  # how many perform() calls raise before one succeeds
    crash_after_send: bool = False  # send, then raise as if the process died before recording it
    busy: list[tuple[datetime, datetime]] | None = None  # calendars: None, as on Slack, means unknown

    async def fetch_thread(self, conversation: Conversation) -> Thread:
        return self.threads.get(conversation.thread_id or "", Thread(conversation, ()))

    async def user_profile(self, conversation: Conversation, user_id: str) -> User:
        return self.users.get(user_id, User(id=user_id))

    async def create_meeting(self, conversation, organizer, attendees, subject, start, end) -> str | None:
        return None

    async def busy_times(self, conversation, people, start, end) -> list[tuple[datetime, datetime]] | None:
        return self.busy

    async def channel_history(self, conversation: Conversation, since: datetime, limit: int = 100) -> list[Message]:
        return [m for m in self.history.get(conversation.channel_id, []) if m.sent_at >= since][-limit:]

    async def channel_members(self, conversation: Conversation) -> list[User]:
        return [self.users[m] for m in self.members.get(conversation.channel_id, [])]

    async def perform(self, action: Action) -> str | None:
        if self.fail_next:
            self.fail_next -= 1
            raise RuntimeError("platform unavailable")
        self.performed.append(action)
        if self.crash_after_send:
            raise SystemExit("killed after sending")
        return f"m{len(self.performed)}"

    async def may_manage(self, conversation: Conversation, user_id: str) -> bool:
        return (await self.user_profile(conversation, user_id)).is_admin

    async def find_delivered(self, conversation: Conversation, delivery_key: str, since: datetime) -> str | None:
        for index, action in enumerate(self.performed, start=1):
            if getattr(action, "delivery_key", None) == delivery_key:
                return f"m{index}"
        return None
