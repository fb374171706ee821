"""Pacing sends to the platforms' rate limits: a burst is spaced out and delivered late, never dropped.

Slack allows about one `chat.postMessage` a second per channel; Teams about 7 messages a second per
conversation and 30 a second per tenant. Each send reserves the next free slot of every limit it
falls under, then waits for it; the reservation happens before the wait, so concurrent senders queue
in arrival order. In one process (SQLite) the slots live in memory. Replicas sharing a PostgreSQL
share them through the `pacing` table (`share`): a reservation locks the limits' rows, so two
replicas never take the same slot. A 429 that still comes back is retried after its Retry-After by
the adapters.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.tables import pacing as table

log = logging.getLogger(__name__)
Limit = tuple[str, float]  # (what is limited, e.g. "slack:T1:C1"; at most this many a second)
IDLE = 3600.0  # a shared slot this far in the past is forgotten (the channel went quiet)


class Pacer:
    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 wall: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.sleep = sleep
        self.wall = wall  # shared slots are wall-clock times: replicas agree on it (NTP), not on monotonic clocks
        self.engine: AsyncEngine | None = None
        self._next: dict[str, float] = {}  # limit key → when its next send may go

    def share(self, engine: AsyncEngine | None) -> None:
        """Keep the slots in this (PostgreSQL) database, so every replica paces against the same ones; None: in memory."""
        self.engine = engine

    def reserve(self, *limits: Limit) -> float:
        """Take the next slot free under all `limits`; returns how long to wait for it (seconds)."""
        now = self.clock()
        start = max([now, *(self._next.get(key, now) for key, _ in limits)])
        for key, per_second in limits:
            self._next[key] = start + 1.0 / per_second
        if len(self._next) > 10_000:  # forget channels that are idle again
            self._next = {key: at for key, at in self._next.items() if at > now}
        return start - now

    async def reserve_shared(self, engine: AsyncEngine, *limits: Limit) -> float:
        """`reserve`, with the slots in the database: the limits' rows are locked (in one order, so two
        replicas cannot deadlock) for the moment it takes to read and move them."""
        now = self.wall()
        keys = sorted({key for key, _ in limits})
        async with engine.begin() as conn:
            await conn.execute(insert(table).values([{"limit_key": key, "next_at": now} for key in keys])
                               .on_conflict_do_nothing())
            taken = (await conn.execute(select(table.c.limit_key, table.c.next_at).where(table.c.limit_key.in_(keys))
                                        .order_by(table.c.limit_key).with_for_update())).all()
            start = max([now, *(at for _, at in taken)])
            for key, per_second in limits:
                await conn.execute(update(table).where(table.c.limit_key == key).values(next_at=start + 1.0 / per_second))
        return start - now

    async def wait(self, *limits: Limit) -> None:
        if self.engine is None:
            delay = self.reserve(*limits)
        else:
            try:
                delay = await self.reserve_shared(self.engine, *limits)
            except Exception as error:  # the database is unreachable: pace in this process rather than not send
                log.warning("shared pacing unavailable; pacing in this process", extra={"error": type(error).__name__})
                delay = self.reserve(*limits)
        if delay > 0:
            await self.sleep(delay)

    async def forget_idle(self) -> int:
        """Shared slots of limits idle for an hour (hourly, with the other forgetting)."""
        if self.engine is None:
            return 0
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(table).where(table.c.next_at < self.wall() - IDLE))
            return result.rowcount or 0


PACER = Pacer()  # one per process: every port instance of a platform shares its limits (and, shared, the replicas')
