"""ISO weeks, the digest's unit of time (`etiquette digest --week 2026-W48`, the weekly job)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class Week:
    """An ISO week, `2026-W48`: Monday to Sunday; its bounds are taken in UTC, like Slack's day files."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Week:
        match = _WEEK.match(text.strip())
        if not match:
            raise ValueError(f"week {text!r} should look like 2026-W48")
        year, number = int(match.group(1)), int(match.group(2))
        try:
            date.fromisocalendar(year, number, 1)
        except ValueError:
            raise ValueError(f"week {text!r} does not exist (ISO weeks run 01–52 or 53)") from None
        return cls(year, number)

    @classmethod
    def of(cls, day: date) -> Week:
        year, number, _ = day.isocalendar()
        return cls(year, number)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def days(self) -> list[date]:
        return [self.monday + timedelta(days=k) for k in range(7)]

    @property
    def end(self) -> datetime:
        """Next Monday 00:00 UTC: the moment the week is over."""
        return datetime.combine(self.monday + timedelta(days=7), time(0), tzinfo=timezone.utc)

    def __str__(self) -> str:
        return f"{self.year}-W{self.number:02d}"

