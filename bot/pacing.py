"""Pacing sends to the platforms' rate limits: a burst is spaced out and delivered late, never dropped.

Slack allows about one `chat.postMessage` a second per channel; Teams about 7 messages a second per
conversation and 30 a second per tenant. Each send reserves the next free slot of every limit it
falls under, then waits for it; the reservation happens before the wait, so concurrent senders queue
in arrival order. The slots live in this process: several replicas share a limit only approximately,
and a 429 that still comes back is retried after its Retry-After by the adapters.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

Limit = tuple[str, float]  # (what is limited, e.g. "slack:T1:C1"; at most this many a second)


class Pacer:
    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}  # limit key → when its next send may go

    def reserve(self, *limits: Limit) -> float:
        """Take the next slot free under all `limits`; returns how long to wait for it (seconds)."""
        now = self.clock()
        start = max([now, *(self._next.get(key, now) for key, _ in limits)])
        for key, per_second in limits:
            self._next[key] = start + 1.0 / per_second
        if len(self._next) > 10_000:  # forget channels that are idle again
            self._next = {key: at for key, at in self._next.items() if at > now}
        return start - now

    async def wait(self, *limits: Limit) -> None:
        delay = self.reserve(*limits)
        if delay > 0:
            await self.sleep(delay)


PACER = Pacer()  # one per process: every port instance of a platform shares its limits
