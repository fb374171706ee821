"""A rate budget per workspace and rationed Web API method, kept in the store so replicas share it.

Slack gives `conversations.history` and `conversations.replies` to commercially distributed apps
outside its Marketplace at 1 request a minute and 15 messages a call ("limited"); internal and
Marketplace apps keep Tier 3, about 50 a minute ("standard"). A token bucket per (workspace, method):
a call is made only when a token is there; a 429's Retry-After stops all calls until then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.tables import history_budget


@dataclass(frozen=True)
class Tier:
    per_minute: float
    burst: float  # calls that may be made back to back after a quiet spell
    page_size: int  # messages asked for per call
    # At one call a minute the calls are kept for threads someone asked to summarize: channel history
    # is not fetched, and nor is anything for work no one asked for (a message arriving, a nudge).
    fills_history: bool = True
    fills_unasked: bool = True


TIERS = {
    "standard": Tier(per_minute=50, burst=50, page_size=200),
    "limited": Tier(per_minute=1, burst=1, page_size=15, fills_history=False, fills_unasked=False),
}


def _aware(moment: datetime | None) -> datetime | None:
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class HistoryBudget:
    def __init__(self, engine, tier: Tier) -> None:
        self.engine = engine
        self.tier = tier

    def _refilled(self, tokens: float, counted_at: datetime, now: datetime) -> float:
        elapsed = max((now - counted_at).total_seconds(), 0.0)
        return min(self.tier.burst, tokens + elapsed * self.tier.per_minute / 60)

    async def take(self, platform: str, workspace_id: str, method: str, now: datetime) -> float:
        """Spend one call if the budget has it: returns 0. Else returns the seconds until it will."""
        ident = dict(platform=platform, workspace_id=workspace_id, method=method)
        c = history_budget.c
        async with self.engine.begin() as conn:
            query = select(c.tokens, c.updated_at, c.blocked_until).filter_by(**ident)
            if self.engine.dialect.name != "sqlite":  # one writer at a time on a bucket across replicas
                query = query.with_for_update()
            row = (await conn.execute(query)).first()
            if row is None:
                try:
                    await conn.execute(history_budget.insert().values(**ident, tokens=self.tier.burst - 1,
                                                                      updated_at=now))
                except IntegrityError:  # another replica created it this instant: it spent that call
                    return 60 / self.tier.per_minute
                return 0.0
            blocked = _aware(row.blocked_until)
            if blocked is not None and blocked > now:
                return (blocked - now).total_seconds()
            tokens = self._refilled(row.tokens, _aware(row.updated_at), now)
            if tokens < 1:
                return (1 - tokens) * 60 / self.tier.per_minute
            await conn.execute(update(history_budget).filter_by(**ident).values(
                tokens=tokens - 1, updated_at=now, blocked_until=None))
            return 0.0

    async def block(self, platform: str, workspace_id: str, method: str, now: datetime, seconds: float) -> None:
        """The platform said 429: nothing until Retry-After has passed; then one call, and the usual pace."""
        ident = dict(platform=platform, workspace_id=workspace_id, method=method)
        until = now + timedelta(seconds=seconds)
        async with self.engine.begin() as conn:
            result = await conn.execute(update(history_budget).filter_by(**ident).values(
                tokens=1.0, updated_at=until, blocked_until=until))
            if not result.rowcount:
                await conn.execute(history_budget.insert().values(**ident, tokens=1.0, updated_at=until,
                                                                  blocked_until=until))
