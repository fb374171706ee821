"""The durable inbox: what a platform sent us is stored before we answer it, and done at least once.

Accepting an item is one INSERT that both deduplicates (the platform's id is the primary key, so a
retry finds its row) and claims it for this process (status `working`, a lease); items arriving
together share that INSERT and its commit. The work runs right after the HTTP answer, its costly part
a few items at a time (`turn`); success marks it `done` (its payload dropped), an exception puts it back as
`pending` with a backoff, and after MAX_ATTEMPTS it is `parked`: logged, counted, kept for a person
to look at. A process killed after the answer leaves a `working` row whose lease runs out; the
periodic pass of any process (or replica, with FOR UPDATE SKIP LOCKED on PostgreSQL) takes it over,
as the outbox does with its `sending` rows.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, or_, select, tuple_, update

from bot.deliveries import CURRENT_RUN, Deliveries, item_run
from bot.group_commit import GroupCommit
from bot.metrics import INBOX_PARKED, INBOX_RETRIES, INBOX_RUNNING
from bot.store import Store, aware
from bot.tables import inbox as table
from bot.tables import insert_skipping_duplicates

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)  # by default, a `working` row older than this belonged to a process that died
MAX_ATTEMPTS = 6
DONE_BATCH_SECONDS = 0.5
RUNNING_AT_ONCE = 1  # items whose skills run at once after their answer (1 measured best: 2 and 4 took loop
# time from the acks and finished no sooner, bench.ingest_latency); the rest wait their turn, stored
TURN_SECONDS = 1.0  # an item slower than this (waiting on a platform) lets the next one start


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, 4 min, 8 min between the six attempts (about a quarter of an hour in all)."""
    return timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


@dataclass(frozen=True)
class InboxItem:
    source: str  # "slack" or "teams": which handler redoes it
    key: str
    workspace_id: str | None
    payload: dict[str, Any]
    attempts: int
    received_at: datetime


Handler = Callable[[InboxItem], Awaitable[None]]


def _item(row) -> InboxItem:
    return InboxItem(source=row["source"], key=row["event_key"], workspace_id=row["workspace_id"],
                     payload=row["payload"] or {}, attempts=row["attempts"], received_at=aware(row["received_at"]))


class Inbox:
    """The `inbox` table's operations; `worker` names this process in its claims."""

    def __init__(self, store: Store, worker: str, lease: timedelta = LEASE) -> None:
        self.engine = store.engine
        self.worker = worker
        self.lease = lease
        # On PostgreSQL the next burst's INSERT need not wait for this one's commit (rows in any order), and
        # the INSERT, one statement, commits by itself: no BEGIN and COMMIT round trips on the ack path.
        postgres = self.engine.dialect.name == "postgresql"
        self._accepts: GroupCommit[dict[str, Any], bool] = GroupCommit(self._insert_new, parallel=2 if postgres else 1)
        self._writer = self.engine.execution_options(isolation_level="AUTOCOMMIT") if postgres else self.engine

    async def accept(self, source: str, key: str, workspace_id: str | None, payload: dict[str, Any],
                     now: datetime) -> InboxItem | None:
        """Store and claim an arriving item in one write; None when it is already there (a retry).

        Items arriving together share one transaction (one commit for a burst, on the ack path)."""
        workspace_id = None if workspace_id is None else str(workspace_id)[:128]
        row = dict(source=source, event_key=str(key)[:128], workspace_id=workspace_id, payload=payload, status="working",
                   attempts=1, claimed_by=self.worker, claimed_at=now, received_at=now)
        [new] = await self._accepts.submit([row])
        return _item(row) if new else None

    async def _insert_new(self, rows: list[dict[str, Any]]) -> list[bool]:
        """One INSERT for the batch; a row whose key is stored already (or earlier in the batch) is a retry."""
        c = table.c
        first: dict[tuple[str, str], int] = {}
        for index, row in enumerate(rows):
            first.setdefault((row["source"], row["event_key"]), index)
        statement = (insert_skipping_duplicates(self.engine, table, [c.source, c.event_key])
                     .returning(c.source, c.event_key))
        async with self._writer.connect() as conn:
            inserted = set(map(tuple, (await conn.execute(statement, [rows[i] for i in first.values()])).all()))
            await conn.commit()
        return [first[(row["source"], row["event_key"])] == index and (row["source"], row["event_key"]) in inserted
                for index, row in enumerate(rows)]

    def _mine(self, item: InboxItem):
        c = table.c
        return and_(c.source == item.source, c.event_key == item.key, c.claimed_by == self.worker,
                    c.status == "working")

    async def done(self, items: list[InboxItem]) -> None:
        """Mark items done in one write; the payload (message text) goes, the row stays for dedupe until forgotten."""
        c = table.c
        async with self.engine.begin() as conn:
            await conn.execute(update(table).where(
                tuple_(c.source, c.event_key).in_([(item.source, item.key) for item in items]),
                c.claimed_by == self.worker, c.status == "working").values(status="done", payload=None,
                                                                            last_error=None))

    async def failed(self, item: InboxItem, error: str, now: datetime) -> bool:
        """Retry later with a backoff; park after MAX_ATTEMPTS. True when parked."""
        parked = item.attempts >= MAX_ATTEMPTS
        values: dict[str, Any] = dict(status="parked", last_error=error[:2000]) if parked else dict(
            status="pending", next_attempt_at=now + backoff(item.attempts), last_error=error[:2000])
        async with self.engine.begin() as conn:
            await conn.execute(update(table).where(self._mine(item)).values(**values))
        return parked

    async def claim_due(self, now: datetime, limit: int = 50) -> list[InboxItem]:
        """Items whose retry is due, and items whose process died mid-way (lease run out), oldest first."""
        c = table.c
        due = or_(and_(c.status == "pending", c.next_attempt_at <= now),
                  and_(c.status == "working", c.claimed_at < now - self.lease))
        candidates = (select(c.source, c.event_key).where(due).order_by(c.received_at).limit(limit)
                      .with_for_update(skip_locked=True))  # PostgreSQL: replicas skip each other's rows
        claimed: list[InboxItem] = []
        async with self.engine.begin() as conn:
            for source, key in (await conn.execute(candidates)).all():
                mine = and_(c.source == source, c.event_key == key, due)
                result = await conn.execute(update(table).where(mine).values(
                    status="working", claimed_by=self.worker, claimed_at=now, attempts=c.attempts + 1))
                if result.rowcount == 1:
                    row = (await conn.execute(select(table).where(c.source == source, c.event_key == key))
                           ).mappings().one()
                    claimed.append(_item(row))
        return claimed

    async def status_of(self, source: str, key: str) -> str | None:
        query = select(table.c.status).where(table.c.source == source, table.c.event_key == key)
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).scalar_one_or_none()

    async def forget(self, done_before: datetime, parked_before: datetime) -> int:
        """Done rows past the dedupe window; parked ones (their payload holds message text) past retention."""
        c = table.c
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(table).where(or_(
                and_(c.status == "done", c.received_at < done_before),
                and_(c.status == "parked", c.received_at < parked_before))))
            return result.rowcount or 0


class InboxWorkers:
    """Runs inbox items: right after the answer (a task per item), and from the table in periodic passes.

    Each platform registers the handler that redoes its items from their payload alone, so the same
    code serves the first run and a run by another process after a crash.
    """

    def __init__(self, inbox: Inbox, clock: Callable[[], datetime], concurrency: int = RUNNING_AT_ONCE) -> None:
        self.inbox = inbox
        self.clock = clock
        self.handlers: dict[str, Handler] = {}
        self.deliveries = Deliveries(inbox.engine)  # what each item's actions did, so a retry does it once
        self._tasks: set[asyncio.Task] = set()
        self._slots = asyncio.Semaphore(concurrency)
        self._done: list[InboxItem] = []  # finished, not yet marked: one write for a burst, not one each
        self._flush: asyncio.Task | None = None

    def handle(self, source: str, handler: Handler) -> None:
        self.handlers[source] = handler

    def start(self, item: InboxItem) -> None:
        """Run an accepted item now, in the background (the HTTP answer does not wait for it)."""
        task = asyncio.ensure_future(self.run(item))  # keeps the request's context (its request id in the logs)
        self._tasks.add(task)
        INBOX_RUNNING.inc()
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        INBOX_RUNNING.dec()

    async def settle(self, timeout: float) -> None:
        """Wait, `timeout` seconds at most, for the items this process is already running, except the
        caller's own: an uninstall purges after the work that found the installation just before it."""
        others = [task for task in self._tasks if task is not asyncio.current_task()]
        if others:
            await asyncio.wait(others, timeout=timeout)

    @property
    def running(self) -> int:
        """Items started after their answer and not finished: what a burst left to do in this process."""
        return len(self._tasks)

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Held by a handler around its costly part (the skills): one item at a time, so under a burst
        the event loop serves the acks first and the rest of the work waits its turn (it is stored).

        A turn ends when the work does or after TURN_SECONDS, whichever comes first: work that waits on
        a platform (a paced send, a Retry-After) goes on, but no longer holds up the items behind it."""
        await self._slots.acquire()
        handed_back = False

        def hand_back() -> None:
            nonlocal handed_back
            if not handed_back:
                handed_back = True
                self._slots.release()

        timer = asyncio.get_running_loop().call_later(TURN_SECONDS, hand_back)
        try:
            yield
        finally:
            timer.cancel()
            hand_back()

    async def run(self, item: InboxItem) -> None:
        current = CURRENT_RUN.set(item_run(self.deliveries, item.source, item.key, item.attempts, item.received_at,
                                       self.clock))
        try:
            await self.handlers[item.source](item)
        except asyncio.CancelledError:
            raise  # shutdown: the row stays `working`; its lease runs out and another pass takes it
        except Exception as error:
            parked = await self.inbox.failed(item, f"{type(error).__name__}: {error}", self.clock())
            if parked:
                INBOX_PARKED.labels(item.source).inc()
                log.error("inbox item parked after repeated failures", exc_info=error,
                          extra={"source": item.source, "key": item.key, "attempts": item.attempts})
            else:
                INBOX_RETRIES.labels(item.source).inc()
                log.warning("inbox item failed; will retry", exc_info=error,
                            extra={"source": item.source, "key": item.key, "attempts": item.attempts})
            return
        finally:
            CURRENT_RUN.reset(current)
        self._done.append(item)
        if self._flush is None:
            self._flush = asyncio.ensure_future(self._mark_done_soon())

    async def _mark_done_soon(self) -> None:
        """Marking done waits a moment, so the single SQLite writer serves acks first under a burst.

        A crash in that moment only means the work is done again after the lease (at least once).
        """
        await asyncio.sleep(DONE_BATCH_SECONDS)
        try:
            await self.flush()
        except Exception as error:  # the rows stay `working`: done again after their lease, never lost
            log.error("inbox items not marked done", exc_info=error)

    async def flush(self) -> None:
        self._flush = None
        done, self._done = self._done, []
        if done:
            await self.inbox.done(done)

    async def run_due(self) -> int:
        """One periodic pass: retries that are due and work a dead process left; returns how many ran."""
        items = await self.inbox.claim_due(self.clock())
        for item in items:
            log.info("inbox item taken up again", extra={"source": item.source, "key": item.key,
                                                        "attempts": item.attempts})
            await self.run(item)
        await self.flush()
        return len(items)

    async def drain(self, timeout: float | None = 10.0) -> None:
        """Wait for items running after their answer; cancel the rest (their leases bring them back).
        `timeout=None` waits for all of them, however long they take (tests: their work is then done)."""
        await finish_or_cancel(self._tasks, timeout, "inbox items left for the next process at shutdown")
        if self._flush is not None:
            await self._flush  # at most DONE_BATCH_SECONDS
        await self.flush()


async def finish_or_cancel(tasks: set[asyncio.Task], timeout: float | None, cancelled: str) -> None:
    """At shutdown: wait up to `timeout` for `tasks`, then cancel the rest and say so (`cancelled`, with a count);
    the store closes next, so nothing may still be running after this."""
    if not tasks:
        return
    _, late = await asyncio.wait(set(tasks), timeout=timeout)
    for task in late:
        task.cancel()
    if late:
        log.warning(cancelled, extra={"count": len(late)})
        await asyncio.wait(late)
