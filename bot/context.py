"""What a skill handler is given for I/O (the platform port, the store, the settings, the clock).

Skills import this module, never the router, so the router can import every skill without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a skill's pure parts import with their package; the store (SQLAlchemy, Alembic) stays unloaded
    from bot.config import Settings
    from bot.platform import Platform
    from bot.store import Store

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The default clock; tests give the app another one to move time."""
    return datetime.now(timezone.utc)


@dataclass
class Context:
    """What a skill handler may use for I/O; the decision logic itself stays pure."""

    platform: Platform
    store: Store
    settings: Settings
    now: Clock = field(default=utcnow)
