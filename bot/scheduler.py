"""APScheduler drives time; the store holds the truth, so a restart loses nothing."""

from __future__ import annotations

import asyncio
import os
import socket
from datetime import datetime, timedelta, timezone

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.config import Settings
from bot.context import Clock, utcnow
from bot.inbox import InboxWorkers
from bot.outbox import Outbox, PlatformFor, deliver_due_messages
from bot.pacing import PACER
from bot.store import Store

WORKER_ID = f"{socket.gethostname()}:{os.getpid()}"


class Jobs:
    """The app's periodic jobs; `stop()` waits for a delivery pass in flight before the store closes."""

    def __init__(self, store: Store, settings: Settings, platform_for: PlatformFor, inbox: InboxWorkers,
                 clock: Clock = utcnow) -> None:
        self.store = store
        self.clock = clock
        self.settings = settings
        self.outbox = Outbox(store)
        self.inbox = inbox
        self.platform_for = platform_for
        self.busy = asyncio.Lock()
        self.stopped = False
        self.scheduler = AsyncIOScheduler(timezone=timezone.utc)
        # max_instances=1: a slow pass is never overlapped by the next one in the same process.
        self.scheduler.add_job(self.deliver, "interval", seconds=settings.outbox_poll_seconds, id="deliver",
                               coalesce=True, max_instances=1, next_run_time=datetime.now(timezone.utc))
        self.scheduler.add_job(self.digests, "interval", seconds=settings.digest_poll_seconds, id="digests",
                               coalesce=True, max_instances=1, next_run_time=datetime.now(timezone.utc))
        self.scheduler.add_job(self.redo_inbox, "interval", seconds=settings.inbox_poll_seconds, id="inbox",
                               coalesce=True, max_instances=1, next_run_time=datetime.now(timezone.utc))
        self.scheduler.add_job(self.forget_old_events, "interval", hours=1, id="forget_old_events",
                               coalesce=True)
        self.scheduler.add_job(self.finish_summaries, "interval", seconds=settings.backfill_poll_seconds,
                               id="finish_summaries", coalesce=True, max_instances=1)
        self.scheduler.add_job(self.heartbeat, "interval", minutes=1, id="heartbeat", coalesce=True)

    async def deliver(self) -> None:
        async with self.busy:
            if self.stopped:
                return
            await deliver_due_messages(self.outbox, self.platform_for, self.clock(), WORKER_ID)

    async def redo_inbox(self) -> None:
        """Inbox items due for a retry, or left `working` by a process that died after its ack."""
        async with self.busy:
            if not self.stopped:
                await self.inbox.run_due()

    async def digests(self) -> None:
        from skills.digest.handler import (
            enqueue_due_digests,  # a skill's job; imported when first run
        )

        async with self.busy:
            if not self.stopped:
                await enqueue_due_digests(self.store, self.platform_for, self.clock())

    async def finish_summaries(self) -> None:
        """Partial summaries whose threads are being filled in: one more page each, within the budget."""
        from skills.summarize.partial import finish_partial_summaries  # a skill's job; imported when first run

        async with self.busy:
            if not self.stopped:
                await finish_partial_summaries(self.store, self.platform_for, self.settings, self.clock())

    async def heartbeat(self) -> None:
        """So a restart can tell whether the bot was down long enough to miss messages."""
        async with self.busy:
            if not self.stopped:
                await self.store.note_alive(self.clock())

    async def forget_old_events(self) -> None:
        """Event ids past the dedupe window, and message text past the retention period."""
        now = self.clock()
        async with self.busy:
            if not self.stopped:
                await self.store.forget_events_before(now - timedelta(hours=self.settings.event_dedupe_hours))
                await self.store.messages.forget_before(now - timedelta(days=self.settings.message_retention_days))
                await self.inbox.inbox.forget(done_before=now - timedelta(hours=self.settings.event_dedupe_hours),
                                              parked_before=now - timedelta(days=self.settings.message_retention_days))
                await self.inbox.deliveries.forget(now - timedelta(hours=self.settings.event_dedupe_hours))
                await PACER.forget_idle()

    def start(self) -> None:
        self.scheduler.start()

    async def stop(self) -> None:
        """After this returns no job touches the store: one in flight finished, later ones return."""
        self.scheduler.pause()  # no new runs; APScheduler's shutdown would cancel the one in flight
        async with self.busy:
            self.stopped = True
        self.scheduler.shutdown(wait=False)
