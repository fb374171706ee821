"""Which nudges may be sent: cooldown per user per kind, opt-outs, quiet mode (pure, over a nudge log)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from skills.threads.nudges import Nudge

DEFAULT_LIMIT = 1
DEFAULT_PERIOD = timedelta(days=1)


@dataclass(frozen=True)
class NudgeLogEntry:
    """A nudge already sent (as stored in the nudge log)."""

    user: str
    kind: str
    at: datetime


def allowed_nudges(
    nudges: Iterable[Nudge],
    log: Iterable[NudgeLogEntry],
    *,
    opted_out: Iterable[str | tuple[str, str]] = (),
    disabled_kinds: Iterable[str] = (),
    quiet: bool = False,
    limit: int = DEFAULT_LIMIT,
    period: timedelta = DEFAULT_PERIOD,
) -> list[Nudge]:
    """The nudges to send, in order: at most `limit` per user per kind in any rolling `period`.

    `opted_out` holds user ids (no nudges at all) or (user, kind) pairs ("Don't remind me" on one
    kind); `disabled_kinds` are the channel's settings; `quiet` silences everything. Nudges accepted
    earlier in the same call count towards the limit, like those in the log.
    """
    if quiet:
        return []
    blocked = set(opted_out)
    disabled = set(disabled_kinds)
    sent: dict[tuple[str, str], list[datetime]] = {}
    for entry in log:
        sent.setdefault((entry.user, entry.kind), []).append(entry.at)
    out = []
    for nudge in nudges:
        if nudge.kind in disabled or nudge.user in blocked or (nudge.user, nudge.kind) in blocked:
            continue
        times = sent.setdefault((nudge.user, nudge.kind), [])
        at = nudge.at
        if sum(at - period < t <= at for t in times) >= limit:
            continue
        times.append(at)
        out.append(nudge)
    return out
