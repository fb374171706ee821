"""Exactly-once effects of inbox work: each action an inbox item performs has a delivery key, recorded
around the platform call, so a retry (or another process after a crash) does not post twice.

The key is the inbox item's own (hashed) and the action's number among the item's actions: a retry
runs the skills again, and they decide the same. The key's row is written `sending` before the call
and `done`, with the platform's message id, after it. A retry skips a `done` key. A `sending` key
means the call was under way when a process died, so the platform is first asked whether a message
with that key exists (Slack: the key travels in the message's metadata; Teams cannot be asked).
A call that fails outright drops its row, so the retry simply makes it again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions import Action, Post, Reply
from bot.platform import Platform, Refused
from bot.tables import deliveries as table

CLOCK_SKEW = timedelta(minutes=1)  # a crashed run's posts are looked for from a little before its item arrived


class ActionFailed(Exception):
    """Performing an action failed in a way a retry may fix: the inbox item goes back for one."""


class Deliveries:
    """The `deliveries` table's operations."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def recorded(self, key: str) -> tuple[str, str | None] | None:
        """(status, message id) of a key an earlier run wrote, or None."""
        query = select(table.c.status, table.c.message_id).where(table.c.delivery_key == key)
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return None if row is None else (row.status, row.message_id)

    async def sending(self, key: str, now: datetime) -> None:
        try:
            async with self.engine.begin() as conn:
                await conn.execute(insert(table).values(delivery_key=key, status="sending", updated_at=now))
        except IntegrityError:  # a `sending` row of a run that died, found not delivered: ours now
            async with self.engine.begin() as conn:
                await conn.execute(update(table).where(table.c.delivery_key == key).values(
                    status="sending", updated_at=now))

    async def done(self, key: str, message_id: str | None, now: datetime) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(update(table).where(table.c.delivery_key == key).values(
                status="done", message_id=message_id, updated_at=now))

    async def dropped(self, key: str) -> None:
        """The call failed: nothing was delivered, so a retry makes it again without asking."""
        async with self.engine.begin() as conn:
            await conn.execute(delete(table).where(table.c.delivery_key == key))

    async def forget(self, before: datetime) -> int:
        """Keys older than the inbox's dedupe window: their items cannot run again."""
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(table).where(table.c.updated_at < before))
            return result.rowcount or 0


@dataclass
class ItemRun:
    """One run of one inbox item: numbers its actions, and knows whether an earlier run may have done some."""

    deliveries: Deliveries
    item_id: str  # the hash of the item's source and key
    retrying: bool  # not the item's first run: look up each key before acting
    since: datetime  # the item's arrival: nothing of it was posted before
    clock: Callable[[], datetime]
    performed: int = 0

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
        await run.deliveries.sending(key, run.clock())
        try:
            message_id = await self.inner.perform(action)
        except Refused:
            await run.deliveries.done(key, None, run.clock())  # turned down for good: not asked again
            raise
        except TimeoutError as error:  # no answer: it may have been posted, so the row stays `sending`
            raise ActionFailed(f"{type(action).__name__}: timed out") from error
        except Exception as error:
            await run.deliveries.dropped(key)
            raise ActionFailed(f"{type(action).__name__}: {type(error).__name__} {error}") from error
        await run.deliveries.done(key, message_id, run.clock())
        return message_id

    async def _already(self, action: Action, key: str) -> tuple[str | None] | None:
        """(message id,) when an earlier run delivered this key; None when it must be performed."""
        recorded = await self.run.deliveries.recorded(key)
        if recorded is None:
            return None
        status, message_id = recorded
        if status == "done":
            return (message_id,)
        # `sending`: a run died during this very call. Did the platform take it?
        if isinstance(action, (Reply, Post)) and action.delivery_key:
            found = await self.inner.find_delivered(action.conversation, action.delivery_key, self.run.since)
            if found:
                await self.run.deliveries.done(key, found, self.run.clock())
                return (found,)
        return None
