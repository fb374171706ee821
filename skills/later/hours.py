"""Working hours: reading them from text, describing them, and finding the next working window."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.model import WorkingHours
from skills.later.zones import localize

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_INDEX = {
    **{name: i for i, name in enumerate(DAY_NAMES)},
    **{name: i for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}
_CLOCK = re.compile(r"^(\d{1,2})(?::(\d{2}))?$")


@dataclass(frozen=True)
class WorkingWindow:
    """One stretch of working time, both ends aware in the person's zone."""

    start: datetime
    end: datetime

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


def parse_hours(text: str) -> tuple[time, time]:
    """'09:00-17:00' (or '9-17') → (start, end). An end before the start means a night shift."""
    parts = re.split(r"\s*[-–]\s*", text.strip())
    if len(parts) != 2:
        raise ValueError(f"working hours {text!r} should look like 09:00-17:00")
    start, end = (_clock(part, text) for part in parts)
    if start == end:
        raise ValueError(f"working hours {text!r} start and end at the same time")
    return start, end


def parse_days(text: str) -> tuple[int, ...]:
    """'mon-fri', 'sun-thu', 'mon,wed,fri' or 'mon-thu,sat' → weekday numbers (Monday=0)."""
    days: set[int] = set()
    for chunk in filter(None, (c.strip() for c in text.lower().split(","))):
        ends = [e.strip() for e in chunk.split("-")]
        if len(ends) > 2 or any(e not in _DAY_INDEX for e in ends):
            raise ValueError(f"working days {text!r} should look like mon-fri or mon,wed,fri")
        first, last = _DAY_INDEX[ends[0]], _DAY_INDEX[ends[-1]]
        days.update((first + i) % 7 for i in range((last - first) % 7 + 1))
    if not days:
        raise ValueError(f"working days {text!r} name no day")
    return tuple(sorted(days))


def working_hours_from(hours: str = "09:00-17:00", days: str = "mon-fri") -> WorkingHours:
    start, end = parse_hours(hours)
    return WorkingHours(start=start, end=end, days=parse_days(days))


def describe_hours(hours: WorkingHours) -> str:
    """'Mon–Fri 09:00–17:00', the way a confirmation shows them."""
    return f"{_describe_days(hours.days)} {hours.start:%H:%M}–{hours.end:%H:%M}"


def window_on(day, tz: ZoneInfo, hours: WorkingHours) -> WorkingWindow:
    """The working window that starts on `day` (whether or not `day` is a working day)."""
    start, _ = localize(day, hours.start, tz)
    end_day = day + timedelta(days=1) if hours.end <= hours.start else day
    end, _ = localize(end_day, hours.end, tz)
    return WorkingWindow(start, end)


def next_working_window(now: datetime, tz: ZoneInfo, hours: WorkingHours) -> WorkingWindow:
    """The working window `now` is in, else the next one to start."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not hours.days:
        raise ValueError("working hours name no working day")
    today = now.astimezone(tz).date()
    for offset in range(-1, 15):  # -1: a night shift that started yesterday
        day = today + timedelta(days=offset)
        if day.weekday() in hours.days:
            window = window_on(day, tz, hours)
            if window.end > now:
                return window
    raise ValueError("no working window in the next two weeks")  # unreachable with ≥1 day


def is_working_time(moment: datetime, tz: ZoneInfo, hours: WorkingHours) -> bool:
    return next_working_window(moment, tz, hours).contains(moment)


def _clock(part: str, whole: str) -> time:
    match = _CLOCK.match(part)
    if not match:
        raise ValueError(f"working hours {whole!r} should look like 09:00-17:00")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour == 24 and minute == 0:
        return time(0, 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"working hours {whole!r}: {part!r} is not a time of day")
    return time(hour, minute)


def _describe_days(days: tuple[int, ...]) -> str:
    ordered = sorted(set(days))
    if not ordered:
        return "no days"
    runs: list[list[int]] = []
    for day in ordered:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    names = [d.title() for d in DAY_NAMES]
    return ", ".join(
        names[r[0]] if len(r) == 1 else f"{names[r[0]]}–{names[r[-1]]}" if len(r) > 2
        else f"{names[r[0]]}, {names[r[1]]}"
        for r in runs
    )
