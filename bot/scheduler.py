"""APScheduler drives time; the store holds the truth, so a restart loses nothing."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.config import Settings
from bot.store import Store


def build_scheduler(store: Store, settings: Settings) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=timezone.utc)

    async def forget_old_events() -> None:
        await store.forget_events_before(datetime.now(timezone.utc) - timedelta(hours=settings.event_dedupe_hours))

    scheduler.add_job(forget_old_events, "interval", hours=1, id="forget_old_events", coalesce=True)
    return scheduler
