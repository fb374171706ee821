"""Group commit: writes queued by many concurrent callers go to the database together, in one transaction.

Each caller awaits its own items: when `submit` returns, they are committed (nothing is held only in
memory), yet a burst of fifty requests costs one transaction instead of fifty. Used by the inbox on
the ack path and by the message store after it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
_BARRIER = object()  # a caller with nothing to write, waiting for what was queued before it


class GroupCommit(Generic[T, R]):
    """`flush` writes a batch in one transaction, in arrival order, and returns one result per item
    (or None: every item's result is None).

    `parallel`: how many batches may be committing at once. One keeps batches in order (the message
    store: an edit after its post); more lets the next batch start while one waits for its commit, for
    writes whose order does not matter on a database with several connections (the inbox on PostgreSQL).
    """

    def __init__(self, flush: Callable[[list[T]], Awaitable[Sequence[R] | None]], parallel: int = 1) -> None:
        self.flush = flush
        self.parallel = parallel
        self.pending: list[tuple[T, asyncio.Future]] = []
        self.flushers: set[asyncio.Task] = set()  # each writes one batch at a time

    async def submit(self, items: Sequence[T]) -> list[R]:
        """Write `items` with whatever else is queued; with no items, wait until what was queued is in
        (only in order, with `parallel` 1)."""
        if not items and self.parallel > 1:
            raise ValueError("a barrier needs batches in order (parallel=1)")
        loop = asyncio.get_running_loop()
        futures = []
        for item in items or [_BARRIER]:
            futures.append(loop.create_future())
            self.pending.append((item, futures[-1]))
        if len(self.flushers) < self.parallel:
            self.flushers.add(loop.create_task(self._run()))
        results = await asyncio.gather(*futures)
        return list(results) if items else []

    async def _run(self) -> None:
        try:
            while self.pending:
                await asyncio.sleep(0)  # let the callers arriving in this same moment join the batch
                batch, self.pending = self.pending, []
                if batch:  # else another flusher took it
                    await self._write(batch)
        finally:  # in the same step as the last look at `pending`: a caller after it starts a flusher
            self.flushers.discard(asyncio.current_task())

    async def _write(self, batch: list[tuple[T, asyncio.Future]]) -> None:
        written = [(item, future) for item, future in batch if item is not _BARRIER]
        try:
            results = await self.flush([item for item, _ in written]) if written else None
        except Exception as error:  # every waiter hears of it; the next batch still runs
            for _, future in batch:
                if not future.done():
                    future.set_exception(error)
            return
        for (_, future), result in zip(written, results or [None] * len(written), strict=True):
            if not future.done():
                future.set_result(result)
        for item, future in batch:
            if item is _BARRIER and not future.done():
                future.set_result(None)
