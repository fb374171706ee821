"""Reads through the message store first: the platform's (rationed) history API only for what the store lacks.

`StoreFirstPlatform` wraps an adapter's port. A thread whose root the bot saw live (or filled in
before) and no downtime since is answered from the store alone; so is a channel's history since the
store's coverage. Otherwise, on a platform that pages its history (Slack), pages are fetched one call
at a time while the workspace's budget allows *now*, stored, and the answer says what it lacks; the
`backfills` row remembers where to go on, and the job in skills/summarize finishes the answer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from bot.actions import Action
from bot.budget import TIERS, HistoryBudget
from bot.context import Clock, utcnow
from bot.messages import Received, StoredThread
from bot.model import Conversation, Message, Thread, User
from bot.platform import PagedHistory, Platform, RateLimited
from bot.tables import backfills

log = logging.getLogger(__name__)
FILLED = ""  # a backfill's cursor once the thread is whole and only its answer waits


@dataclass(frozen=True)
class Backfill:
    thread: Conversation
    cursor: str | None
    answer_id: str | None
    asked_by: str | None
    asked_in: str | None  # the message that asked (left out of the summary)
    private: bool


class Backfills:
    """Threads being filled in page by page, and the partial answer to complete when they are whole."""

    def __init__(self, store) -> None:
        self.engine = store.engine

    @staticmethod
    def _ident(thread: Conversation) -> dict:
        return dict(platform=thread.platform, workspace_id=thread.workspace_id, channel_id=thread.channel_id,
                    thread_id=thread.thread_id or "")

    async def cursor(self, thread: Conversation) -> str | None:
        async with self.engine.connect() as conn:
            return (await conn.execute(select(backfills.c.cursor).filter_by(**self._ident(thread)))).scalar_one_or_none()

    async def _upsert(self, thread: Conversation, now: datetime, **values) -> None:
        ident = self._ident(thread)
        async with self.engine.begin() as conn:
            if (await conn.execute(update(backfills).filter_by(**ident).values(**values))).rowcount:
                return
            try:
                async with conn.begin_nested():
                    await conn.execute(backfills.insert().values(**{"private": False, **ident, **values},
                                                                 created_at=now))
            except IntegrityError:  # another worker inserted it meanwhile
                await conn.execute(update(backfills).filter_by(**ident).values(**values))

    async def advance(self, thread: Conversation, cursor: str, now: datetime) -> None:
        await self._upsert(thread, now, cursor=cursor)

    async def finish(self, thread: Conversation) -> None:
        """The thread is whole: forget the row, unless an answer still waits for it."""
        ident = self._ident(thread)
        async with self.engine.begin() as conn:
            await conn.execute(delete(backfills).filter_by(**ident).where(backfills.c.answer_id.is_(None)))
            await conn.execute(update(backfills).filter_by(**ident).values(cursor=FILLED))

    async def answer_when_whole(self, thread: Conversation, answer_id: str | None, asked_by: str, asked_in: str,
                                private: bool, now: datetime) -> None:
        await self._upsert(thread, now, answer_id=answer_id or "", asked_by=asked_by, asked_in=asked_in,
                           private=private)

    async def waiting_answers(self) -> list[Backfill]:
        c = backfills.c
        async with self.engine.connect() as conn:
            rows = (await conn.execute(select(backfills).where(c.answer_id.is_not(None)).order_by(c.created_at))).all()
        return [Backfill(Conversation(r.platform, r.workspace_id, r.channel_id, r.thread_id), r.cursor, r.answer_id,
                         r.asked_by, r.asked_in, r.private) for r in rows]

    async def answered(self, thread: Conversation) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(delete(backfills).filter_by(**self._ident(thread)))


def partial_note(stored: StoredThread) -> str:
    """What a partial answer covers and what it lacks, said plainly."""
    have = stored.messages
    if not have:
        covers = "I have none of this thread's messages yet"
    else:
        first, last = have[0].sent_at, have[-1].sent_at
        covers = (f"it covers the {len(have)} message{'s' * (len(have) != 1)} I have, "
                  f"{first:%d %b %H:%M} to {last:%d %b %H:%M} UTC")
    root_here = bool(have) and have[0].id == have[0].conversation.thread_id
    if stored.reply_count is not None and root_here:
        missing = max(stored.reply_count + 1 - len(have), 0)
        lacks = f"{missing} more message{'s' * (missing != 1)} of the thread are still being fetched"
    elif have:
        lacks = f"the thread's start and any messages before {have[0].sent_at:%d %b %H:%M} are still being fetched"
    else:
        lacks = "they are being fetched"
    return (f"Partial summary: {covers}; {lacks} (Slack lets this app read history once a minute). "
            "I'll update this message when I have them all.")


class StoreFirstPlatform:
    """The platform port with thread and channel reads answered from the message store where it can."""

    def __init__(self, inner: Platform, store, tier: str = "standard", clock: Clock = utcnow,
                 asked: bool = True) -> None:
        """`asked`: this read answers someone (a mention, a command, a partial answer to finish), not
        a message merely arriving; on the limited tier only such reads spend history calls."""
        self.inner = inner
        self.store = store
        self.name = inner.name
        self.limits = inner.limits
        self.tier = TIERS[tier]
        self.budget = HistoryBudget(store.engine, self.tier)
        self.clock = clock
        self.may_fill = asked or self.tier.fills_unasked

    # ---- reads the store answers ------------------------------------------------------

    async def fetch_thread(self, conversation: Conversation) -> Thread:
        stored = await self.store.messages.thread(conversation)
        if stored.whole:
            return await self._thread(conversation, stored.messages)
        if not isinstance(self.inner, PagedHistory):
            return await self.inner.fetch_thread(conversation)  # Teams: Graph, or what it saw, and says so
        if self.may_fill and await self._fill_thread(conversation):
            stored = await self.store.messages.thread(conversation)
            return await self._thread(conversation, stored.messages)
        stored = await self.store.messages.thread(conversation)
        thread = await self._thread(conversation, stored.messages)
        return replace(thread, complete=False, filling=True, note=partial_note(stored))

    async def channel_history(self, conversation: Conversation, since: datetime, limit: int = 100) -> list[Message]:
        if not isinstance(self.inner, PagedHistory):
            return await self.inner.channel_history(conversation, since, limit)
        covered = await self.store.messages.covered_since(conversation)
        if (covered is None or covered > since) and self.tier.fills_history and self.may_fill:
            await self._fill_history(conversation, since, covered, limit)
        roots = await self.store.messages.channel_roots(conversation, since, limit)
        return [replace(m, link=await self.inner.message_link(conversation, m)) for m in roots]

    async def _thread(self, conversation: Conversation, messages: list[Message]) -> Thread:
        """Names (Slack events carry only ids) and links, as the platform would have given them."""
        out = []
        for message in messages:
            author = message.author
            if not author.name and not author.is_bot:
                author = await self.inner.user_profile(conversation, author.id)
            out.append(replace(message, author=author, link=await self.inner.message_link(conversation, message)))
        return Thread(conversation, tuple(out))

    # ---- filling gaps within the budget -----------------------------------------------

    async def _call(self, method: str, conversation: Conversation, fetch):
        """One page if the budget has a call for it now; None when it has not (or the platform said 429)."""
        now = self.clock()
        if await self.budget.take(self.name, conversation.workspace_id, method, now) > 0:
            return None
        try:
            return await fetch()
        except RateLimited as limited:
            log.info("history rate limited", extra={"method": method, "retry_after": limited.retry_after})
            await self.budget.block(self.name, conversation.workspace_id, method, now, limited.retry_after)
            return None

    async def _fill_thread(self, thread: Conversation) -> bool:
        """Fetch the thread's pages into the store while the budget allows; True once it is whole."""
        assert isinstance(self.inner, PagedHistory)
        backfill = Backfills(self.store)
        cursor = await backfill.cursor(thread)
        while True:
            page = await self._call("replies", thread, lambda: self.inner.thread_page(thread, cursor or None,
                                                                                       self.tier.page_size))
            if page is None:
                return False
            await self.store.messages.write(*(Received(m, live=False) for m in page.messages))
            if page.cursor is None:
                await self.store.messages.mark_whole(thread, self.clock())
                await backfill.finish(thread)
                return True
            cursor = page.cursor
            await backfill.advance(thread, cursor, self.clock())

    async def _fill_history(self, channel: Conversation, since: datetime, covered: datetime | None,
                            limit: int) -> None:
        """Fetch the channel's top-level messages between `since` and the store's coverage, newest first,
        while the budget allows; coverage moves back with each page."""
        assert isinstance(self.inner, PagedHistory)
        cursor: str | None = None
        fetched = 0
        while fetched < limit:
            page = await self._call("history", channel, lambda: self.inner.history_page(
                channel, since, covered, cursor, min(self.tier.page_size, limit - fetched)))
            if page is None:
                return
            await self.store.messages.write(*(Received(m, live=False) for m in page.messages))
            fetched += len(page.messages)
            if page.cursor is None or not page.messages:
                await self.store.messages.extend_coverage(channel, since)
                return
            await self.store.messages.extend_coverage(channel, min(m.sent_at for m in page.messages))
            cursor = page.cursor

    # ---- everything else is the platform's --------------------------------------------

    async def user_profile(self, conversation: Conversation, user_id: str) -> User:
        return await self.inner.user_profile(conversation, user_id)

    async def channel_members(self, conversation: Conversation) -> list[User]:
        return await self.inner.channel_members(conversation)

    async def perform(self, action: Action) -> str | None:
        return await self.inner.perform(action)

    async def create_meeting(self, conversation, organizer, attendees, subject, start, end) -> str | None:
        return await self.inner.create_meeting(conversation, organizer, attendees, subject, start, end)

    async def busy_times(self, conversation, people, start, end):
        return await self.inner.busy_times(conversation, people, start, end)

    async def may_manage(self, conversation: Conversation, user_id: str) -> bool:
        return await self.inner.may_manage(conversation, user_id)

    async def find_delivered(self, conversation: Conversation, delivery_key: str, since: datetime) -> str | None:
        return await self.inner.find_delivered(conversation, delivery_key, since)

    async def message_link(self, conversation: Conversation, message: Message) -> str | None:
        return await self.inner.message_link(conversation, message)
