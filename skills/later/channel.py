"""A channel's clock for `/later #channel`: its admins' zone, else when most members are at work."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot.model import User, WorkingHours
from skills.later.hours import next_working_window
from skills.later.plan import RecipientClock
from skills.later.zones import UnknownZone, to_iana, zone_for

HORIZON = timedelta(days=8)


@dataclass(frozen=True)
class ChannelMoment:
    """The earliest moment when the largest share of members is inside working hours."""

    deliver_at: datetime  # aware, UTC
    inside: int
    counted: int  # members whose zone we know
    note: str  # what the confirmation says about how the moment was chosen


def channel_clock(members: Sequence[User], channel_tz: str | None = None) -> RecipientClock:
    """The zone to read a channel's time phrase in: the admins' setting, else the members' commonest."""
    if channel_tz:
        try:
            zone = to_iana(channel_tz)
            said = f"the channel's time zone ({zone}), set by its admins"
            return RecipientClock(zone, WorkingHours(), (said,))
        except UnknownZone:
            pass
    zones = Counter(z for z in (_zone(m) for m in members if not m.is_bot) if z)
    if not zones:
        return RecipientClock("UTC", WorkingHours(), ("no member's time zone is known, so UTC",))
    zone, count = zones.most_common(1)[0]
    said = f"the channel's most common time zone ({zone}, {count} of {sum(zones.values())} members)"
    return RecipientClock(zone, WorkingHours(), (said,))


def channel_moment(members: Sequence[User], now: datetime) -> ChannelMoment:
    """When the largest share of (human) members is within their own working hours, earliest first."""
    people = [(zone_for(z), m.working_hours) for m in members if not m.is_bot and (z := _zone(m))]
    if not people:
        said = "no member's time zone is known, so now"
        return ChannelMoment(now.astimezone(timezone.utc), 0, 0, said)
    # The count only changes when someone's window starts, so those moments (and now) are the candidates.
    candidates = {now}
    for tz, hours in people:
        moment = now
        while moment < now + HORIZON:
            window = next_working_window(moment, tz, hours)
            if window.start >= now + HORIZON:
                break
            candidates.add(max(window.start, now))
            moment = window.end
    best, best_inside = now, -1
    for candidate in sorted(candidates):
        inside = sum(next_working_window(candidate, tz, h).contains(candidate) for tz, h in people)
        if inside > best_inside:
            best, best_inside = candidate, inside
    note = f"when most members are at work ({best_inside} of {len(people)} with a known time zone)"
    return ChannelMoment(best.astimezone(timezone.utc), best_inside, len(people), note)


def _zone(member: User) -> str | None:
    try:
        return to_iana(member.tz) if member.tz else None
    except UnknownZone:
        return None

