"""Exactly-once effects of inbox work: each action an inbox item performs has a delivery key, recorded
once the platform took it, so a retry (or another process after a crash) does not post twice.

The key is the inbox item's own (hashed) and the action's number among the item's actions: a retry
runs the skills again, and they decide the same. After a call the key is written `done` with the
platform's message id, or `dropped` when the call failed outright (nothing was posted). A rerun skips
`done` keys and makes `dropped` ones again. A key with no row, when the earlier run did not end
in a recorded failure, means that run died during or right after the call: the platform is asked
whether a message with that key exists before posting (Slack: the key travels in the message's
metadata; Teams cannot be asked, so there it is sent again). One write per action, after the call,
keeps the single SQLite writer free for acks; it is one upsert, so a rerun's record replaces an earlier
run's in one statement.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions import Action, Post, Reply
from bot.platform import Platform, Refused
from bot.tables import deliveries as table
from bot.tables import insert_or_replace

CLOCK_SKEW = timedelta(minutes=1)  # a crashed run's posts are looked for from a little before its item arrived


class ActionFailed(Exception):
    """Performing an action failed in a way a retry may fix: the inbox item goes back for one."""


class Deliveries:
    """The `deliveries` table's operations."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def of_item(self, item_id: str) -> dict[str, tuple[str, str | None]]:
        """An item's records, key → (status, message id); its keys are `{item_id}.{n}`, a range of the primary key."""
        c = table.c
        query = select(c.delivery_key, c.status, c.message_id).where(c.delivery_key > f"{item_id}.",
                                                                     c.delivery_key < f"{item_id}/")
        async with self.engine.connect() as conn:
            return {key: (status, message_id) for key, status, message_id in (await conn.execute(query)).all()}

    async def record(self, key: str, status: str, message_id: str | None, now: datetime) -> None:
        """`done` (with the platform's id) or `dropped`; a rerun's record replaces the earlier run's."""
        values = dict(delivery_key=key, status=status, message_id=message_id, updated_at=now)
        async with self.engine.begin() as conn:
            await conn.execute(insert_or_replace(self.engine, table, values, [table.c.delivery_key]))

    async def clear(self, key: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(delete(table).where(table.c.delivery_key == key))

    async def forget(self, before: datetime) -> int:
        """Keys older than the inbox's dedupe window: their items cannot run again."""
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(table).where(table.c.updated_at < before))
            return result.rowcount or 0


@dataclass
class ItemRun:
    """One run of one inbox item: numbers its actions, and knows what an earlier run of it recorded."""

    deliveries: Deliveries
    item_id: str  # the hash of the item's source and key
    retrying: bool  # not the item's first run: an earlier one may have done some of its actions
    since: datetime  # the item's arrival: nothing of it was posted before
    clock: Callable[[], datetime]
    performed: int = 0
    earlier: dict[str, tuple[str, str | None]] | None = None  # the earlier runs' records, read when first needed

    def next_key(self) -> str:
        self.performed += 1
        return f"{self.item_id}.{self.performed}"


def item_run(deliveries: Deliveries, source: str, key: str, attempts: int, received_at: datetime,
             clock: Callable[[], datetime]) -> ItemRun:
    item_id = hashlib.sha256(f"{source}|{key}".encode()).hexdigest()[:24]
    return ItemRun(deliveries, item_id, attempts > 1, received_at - CLOCK_SKEW, clock)


# The inbox item being worked on in this task (set by bot.inbox around its handler). A context variable,
# because a Teams turn reaches the router through botbuilder's own call chain, which has no room for it.
CURRENT_RUN: ContextVar[ItemRun | None] = ContextVar("current_run", default=None)


class ExactlyOnce:
    """A platform port whose `perform` skips what an earlier run of the same inbox item already did."""

    def __init__(self, inner: Platform, run: ItemRun) -> None:
        self.inner = inner
        self.run = run

    def __getattr__(self, name: str) -> Any:  # reads, limits and the rest are the inner port's
        return getattr(self.inner, name)

    async def perform(self, action: Action) -> str | None:
        run = self.run
        key = run.next_key()
        if isinstance(action, (Reply, Post)) and action.delivery_key is None:
            action = replace(action, delivery_key=key)  # Slack keeps it in the message, for `find_delivered`
        if run.retrying and (found := await self._already(action, key)) is not None:
            return found[0]
        try:
            message_id = await self.inner.perform(action)
        except Refused:
            await run.deliveries.record(key, "done", None, run.clock())  # turned down for good: not asked again
            raise
        except TimeoutError as error:  # no answer: it may have been posted, so no record (the rerun asks)
            raise ActionFailed(f"{type(action).__name__}: timed out") from error
        except Exception as error:
            await run.deliveries.record(key, "dropped", None, run.clock())
            raise ActionFailed(f"{type(action).__name__}: {type(error).__name__} {error}") from error
        await run.deliveries.record(key, "done", message_id, run.clock())
        return message_id

    async def _already(self, action: Action, key: str) -> tuple[str | None] | None:
        """(message id,) when an earlier run delivered this key; None when it must be performed."""
        run = self.run
        if run.earlier is None:
            run.earlier = await run.deliveries.of_item(run.item_id)
        status, message_id = run.earlier.get(key, (None, None))
        if status == "done":
            return (message_id,)
        if status == "dropped":  # it failed: made again, and the record goes first, so a crash now is asked about
            await run.deliveries.clear(key)
            return None
        if any(earlier == "dropped" for earlier, _ in run.earlier.values()):
            return None  # the earlier run stopped at a recorded failure before reaching this action
        # No record and no recorded failure: the earlier run died during (or right after) this very call.
        if isinstance(action, (Reply, Post)) and action.delivery_key:
            found = await self.inner.find_delivered(action.conversation, action.delivery_key, run.since)
            if found:
                await run.deliveries.record(key, "done", found, run.clock())
                return (found,)
        return None


def apart(platform: Platform, source: str, key: str) -> Platform:
    """The port for work an inbox item started that runs after the item's run (a delayed nudge): its actions
    are numbered under their own `source`/`key`, so they neither take the item's next numbers nor make a rerun
    of the item skip its own actions as done. A port outside any run is returned as it is."""
    if not isinstance(platform, ExactlyOnce):
        return platform
    run = platform.run
    return ExactlyOnce(platform.inner, item_run(run.deliveries, source, key, 1, run.clock(), run.clock))
