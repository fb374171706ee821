"""Meeting slots inside everyone's working hours over the next two working days, shown in each person's time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.model import User
from skills.later.hours import WorkingWindow, next_working_window
from skills.later.zones import UnknownZone, zone_for

WORKING_DAYS_AHEAD = 2
ALIGN = timedelta(minutes=15)  # slots start on the quarter hour (half-hour zones such as India stay on it)


@dataclass(frozen=True)
class LocalTime:
    person: str
    zone: str
    start: datetime
    end: datetime

    def describe(self) -> str:
        """'Ana: Thu 26 Nov 16:00–16:30 (Europe/Berlin)'."""
        return f"{self.person}: {self.start:%a %d %b %H:%M}–{self.end:%H:%M} ({self.zone})"


@dataclass(frozen=True)
class Slot:
    """A proposed meeting, both ends in UTC; `zones` pairs each participant with the zone used for them."""

    start: datetime
    end: datetime
    zones: tuple[tuple[str, str], ...]  # (display name, IANA zone)

    def local_times(self) -> list[LocalTime]:
        return [LocalTime(person, zone, self.start.astimezone(ZoneInfo(zone)), self.end.astimezone(ZoneInfo(zone)))
                for person, zone in self.zones]

    def describe(self) -> str:
        """One line: the UTC time, then every participant's local time."""
        people = "; ".join(local.describe() for local in self.local_times())
        return f"{self.start:%a %d %b %H:%M}–{self.end:%H:%M} UTC — {people}"

    def as_json(self) -> dict:
        return {
            "start": self.start.isoformat(), "end": self.end.isoformat(),
            "local": [{"person": t.person, "zone": t.zone, "start": t.start.isoformat(), "end": t.end.isoformat()}
                      for t in self.local_times()],
        }


class Slots(list):
    """A list of `Slot`; when empty, `reason` says why. `notes` say what had to be assumed."""

    def __init__(self, slots=(), reason: str | None = None, notes: Sequence[str] = ()) -> None:
        super().__init__(slots)
        self.reason = reason
        self.notes = list(notes)


def propose_slots(
    participants: Sequence[User], now: datetime, duration: timedelta = timedelta(minutes=30), count: int = 3,
    busy: Sequence[tuple[datetime, datetime]] = (),
) -> Slots:
    """Up to `count` slots of `duration` where every (human) participant is inside working hours and not `busy`.

    The horizon is each participant's next two working days (the current one counts, from now on);
    a participant without a known zone is taken as UTC, which `notes` says. `busy` are intervals
    when someone's calendar is taken (any participant: a slot must avoid them all). Slots prefer
    different overlap windows (usually different days), then the earliest times.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if duration <= timedelta(0) or count < 1:
        raise ValueError("duration must be positive and count at least 1")
    people = [p for p in participants if not p.is_bot]
    if not people:
        return Slots(reason="nobody to meet")
    notes: list[str] = []
    zones: list[tuple[str, str]] = []
    overlap: list[tuple[datetime, datetime]] | None = None
    for person in people:
        zone = _zone(person, notes)
        zones.append((person.display, zone.key))
        windows = [(w.start, w.end) for w in _next_windows(now, zone, person)]
        overlap = windows if overlap is None else _intersect(overlap, windows)
    assert overlap is not None
    earliest = _ceil(now)
    usable = [(max(start, earliest), end) for start, end in overlap if end - max(start, earliest) >= duration]
    if not usable:
        return Slots(reason=_no_overlap_reason(people, duration), notes=notes)
    usable = [(start, end) for start, end in _without(usable, busy) if end - _ceil(start) >= duration]
    if not usable:
        return Slots(reason="everyone's shared working hours are booked in their calendars for the next two "
                            "working days", notes=notes)
    starts_by_window = [_starts(start, end, duration) for start, end in usable]
    chosen: list[datetime] = []
    for depth in range(max(len(s) for s in starts_by_window)):  # round-robin: one per window first
        for starts in starts_by_window:
            if len(chosen) < count and depth < len(starts):
                candidate = starts[depth]
                if all(abs(candidate - c) >= duration for c in chosen):
                    chosen.append(candidate)
    slots = [Slot(s.astimezone(timezone.utc), (s + duration).astimezone(timezone.utc), tuple(zones))
             for s in sorted(chosen)]
    return Slots(slots, notes=notes)


def _zone(person: User, notes: list[str]) -> ZoneInfo:
    if person.tz:
        try:
            return zone_for(person.tz)
        except UnknownZone:
            notes.append(f"{person.display}'s time zone {person.tz!r} is unknown; treated as UTC")
            return ZoneInfo("UTC")
    notes.append(f"{person.display} has no time zone set; treated as UTC")
    return ZoneInfo("UTC")


def _next_windows(now: datetime, zone: ZoneInfo, person: User) -> list[WorkingWindow]:
    windows: list[WorkingWindow] = []
    moment = now
    while len(windows) < WORKING_DAYS_AHEAD:
        window = next_working_window(moment, zone, person.working_hours)
        windows.append(window)
        moment = window.end
    return windows


def _intersect(a: list[tuple[datetime, datetime]], b: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    out = []
    for a_start, a_end in a:
        for b_start, b_end in b:
            start, end = max(a_start, b_start), min(a_end, b_end)
            if start < end:
                out.append((start, end))
    return sorted(out)


def _without(windows: list[tuple[datetime, datetime]],
             busy: Sequence[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """The parts of `windows` outside every busy interval."""
    free = list(windows)
    for busy_start, busy_end in busy:
        cut = []
        for start, end in free:
            if busy_end <= start or busy_start >= end:
                cut.append((start, end))
                continue
            if start < busy_start:
                cut.append((start, busy_start))
            if busy_end < end:
                cut.append((busy_end, end))
        free = cut
    return free


def _ceil(moment: datetime) -> datetime:
    utc = moment.astimezone(timezone.utc)
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    steps = -(-(utc - epoch) // ALIGN)
    return epoch + steps * ALIGN


def _starts(start: datetime, end: datetime, duration: timedelta) -> list[datetime]:
    first = _ceil(start)
    out = []
    while first + duration <= end:
        out.append(first)
        first += max(duration, ALIGN)
    return out


def _no_overlap_reason(people: list[User], duration: timedelta) -> str:
    names = ", ".join(p.display for p in people)
    minutes = int(duration.total_seconds() // 60)
    return (f"no {minutes}-minute time inside the working hours of all of {names} in their next "
            f"{WORKING_DAYS_AHEAD} working days; an async update (or splitting the group) may work better")
