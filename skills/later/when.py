"""When a `/later` message is delivered: a time phrase read in the recipient's zone and hours."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Literal
from zoneinfo import ZoneInfo

from bot.model import WorkingHours
from skills.later.hours import (
    DAY_NAMES,
    describe_hours,
    is_working_time,
    next_working_window,
    window_on,
    working_hours_from,
)
from skills.later.zones import localize, zone_for

Kind = Literal["window", "date", "clock", "relative"]
DEFAULT_LANGUAGES: tuple[str, ...] = ("en",)
MAX_AHEAD = timedelta(days=366)  # further than this is almost surely a misreading


class WhenError(ValueError):
    """The phrase could not be turned into a future moment; nothing may be scheduled."""

    def __init__(self, message: str, understood: str | None = None) -> None:
        super().__init__(message)
        self.understood = understood


@dataclass(frozen=True)
class Resolution:
    """The decided delivery moment and what we understood, for the confirmation."""

    deliver_at: datetime  # aware, in the recipient's zone
    kind: Kind
    understood: str
    warnings: tuple[str, ...] = ()

    @property
    def deliver_at_utc(self) -> datetime:
        return self.deliver_at.astimezone(timezone.utc)

    def as_json(self) -> dict:
        return {
            "deliver_at": self.deliver_at.isoformat(),
            "deliver_at_utc": self.deliver_at_utc.isoformat(),
            "kind": self.kind,
            "understood": self.understood,
            "warnings": list(self.warnings),
        }


def deliver_at(
    expr: str,
    now: datetime,
    tz: ZoneInfo | str,
    hours: WorkingHours = WorkingHours(),
    *,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
) -> Resolution:
    """When a message with time phrase `expr`, written at `now`, reaches someone in `tz`.

    Raises WhenError (with what was understood) for an unreadable phrase or a past moment.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    zone = zone_for(tz)
    reading = read_phrase(expr, languages)
    return _resolve(reading, now.replace(microsecond=0), zone, hours, languages)


def label(moment: datetime) -> str:
    """'Tue 01 Dec 2026 09:00 CET' — how a moment is shown to people."""
    return moment.strftime("%a %d %b %Y %H:%M %Z")


# ---- reading: text → what was asked for (no clock, no zone) -------------------------

_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "weds": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty-five": 45, "ninety": 90,
}
_UNITS = {
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes", "m": "minutes",
    "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "h": "hours",
    "day": "days", "days": "days", "d": "days",
    "week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks", "w": "weeks",
    "month": "months", "months": "months",
}
_WORD_AMOUNT = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_UNIT = r"(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
# a digit may touch its unit ("2h"); a word may not ("an d" must not read "and")
_AMOUNT_UNIT = rf"(?:(\d+(?:\.\d+)?)\s*|(?<![a-z])({_WORD_AMOUNT})\s+)({_UNIT})(?![a-z])"
_PIECE = re.compile(_AMOUNT_UNIT)
_RELATIVE = re.compile(
    rf"in\s+(?:half an hour|{_AMOUNT_UNIT}(?:\s*,?\s*(?:and\s+)?{_AMOUNT_UNIT})*)"
)

_WINDOW = re.compile(
    r"(?:when|once|as soon as) (?:they|he|she|you)(?:'re|'s| are| is) "
    r"(?:at work|back|online|working|in the office|in|around|available)"
    r"|(?:in |during |at the start of )?(?:their|his|her) "
    r"(?:morning|work ?day|working day|working hours|work hours|office hours|business hours|day)"
    r"|(?:in |during )?(?:working|work|office|business) hours"
    r"|at work|next working (?:hours|window|time)|whenever|asap"
    r"|(?:in the |this )?morning|first thing(?: in the morning)?"
)
_CLOCK = re.compile(
    r"(?:\bat\s+|@\s*)?\b(?P<h1>\d{1,2}):(?P<m1>\d{2})(?::\d{2})?"
    r"(?:\s*(?P<ap1>a\.?m\.?|p\.?m\.?))?(?![\d:])"
    r"|(?:\bat\s+|@\s*)?\b(?P<h2>\d{1,2})\s*(?P<ap2>a\.?m\.?|p\.?m\.?)(?!\w)"
    r"|(?:\bat\s+|@\s*)?\b(?P<h3>\d{1,2})\s*o'?clock\b"
    r"|\b(?P<h4>\d{1,2})h(?P<m4>\d{2})\b"
    r"|(?:\bat\s+|@\s*)(?P<h5>\d{1,2})\b(?![:/.-]\d|\s*(?:st|nd|rd|th)\b)"
    r"|(?:\bat\s+)?\b(?P<named>noon|midday|midnight)\b"
)
_PART_OF_DAY = re.compile(
    r"\b(?:in the |(?P<this>this) )?(?P<part>morning|afternoon|evening|tonight)\b"
    r"|\b(?P<first>first thing)(?: in the morning)?\b"
)
_APPROXIMATE = {"afternoon": time(13, 0), "evening": time(18, 0), "tonight": time(20, 0)}
_DATE_SHAPES = (
    re.compile(r"\d{4}-\d{1,2}-\d{1,2}"),
    re.compile(rf"(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"),
    re.compile(rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"),
    re.compile(r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"),
)
_FILLER_END = re.compile(r"\s+(?:at|on|the|of|and|in|by)$")


@dataclass(frozen=True)
class DaySpec:
    """Which day was named; resolved against today later."""

    what: str  # today | offset | weekday | next_week | next_month | next_working_day | dom | calendar
    text: str
    days: int = 0  # offset in days; weekday number; day of month
    months: int = 0
    strict: bool = False  # "next monday": never today
    week_after: bool = False  # "monday next week"
    year_given: bool = False


@dataclass(frozen=True)
class Reading:
    """What a time phrase asks for, before any clock or zone is applied."""

    kind: Literal["window", "relative", "datetime"]
    text: str
    day: DaySpec | None = None
    clock: time | None = None
    clock_text: str = ""
    approximate: str = ""  # "afternoon" read as 13:00
    morning: bool = False  # "tomorrow morning": the start of working hours that day
    elapsed: timedelta = timedelta(0)  # hours and minutes: real time
    calendar_days: int = 0  # days and weeks: same local clock time
    calendar_months: int = 0
    pieces: tuple[str, ...] = field(default=())


def normalize(expr: str) -> str:
    text = (expr or "").strip().lower().replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"(\d)t(\d)", r"\1 \2", text)  # ISO 8601 'T' between date and time
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ,;:!?-")


def read_phrase(expr: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> Reading:
    """Understand a time phrase without looking at the clock; WhenError if we cannot."""
    text = normalize(expr)
    if not text or _WINDOW.fullmatch(text):
        return Reading("window", text)
    if _RELATIVE.fullmatch(text):
        return _read_relative(text)

    clock, clock_text, rest = _take_clock(text)
    part, rest = _take_part_of_day(rest)
    rest = re.sub(r"\s+", " ", rest).strip(" ,")
    rest = re.sub(r"^(?:on|at)\s+", "", rest)
    rest = _FILLER_END.sub("", rest).strip(" ,")

    approximate = ""
    if part in _APPROXIMATE:
        if clock is None:
            clock, approximate = _APPROXIMATE[part], part
        elif clock.hour < 12 and not re.search(r"[ap]\.?m", clock_text):
            clock = clock.replace(hour=clock.hour + 12)  # "at 3 in the afternoon"
    morning = part == "morning" and clock is None
    words = rest.split()
    if "today" in words and len(words) > 1:  # "tomorrow tonight": the named day wins
        rest = " ".join(word for word in words if word != "today")

    day = _read_day(rest, languages) if rest else None
    if day is None and clock is None:
        if morning:
            return Reading("window", text)
        raise WhenError(f"could not read {expr.strip()!r} as a time")
    return Reading(
        "datetime", text, day=day, clock=clock, clock_text=clock_text,
        approximate=approximate, morning=morning,
    )


def _read_relative(text: str) -> Reading:
    elapsed, days, months, pieces = timedelta(0), 0, 0, []
    for digits, word, unit_text in _PIECE.findall(text[3:].replace("half an hour", "30 minutes")):
        amount = float(digits) if digits else float(_NUMBER_WORDS[word])
        unit = _UNITS[unit_text]
        pieces.append(f"{amount:g} {unit if amount != 1 else unit[:-1]}")
        if unit in ("minutes", "hours"):
            elapsed += timedelta(**{unit: amount})
        elif amount != int(amount):
            raise WhenError(f"could not read {text!r}: use whole {unit}")
        elif unit == "months":
            months += int(amount)
        else:
            days += int(amount) * (7 if unit == "weeks" else 1)
    return Reading("relative", text, elapsed=elapsed, calendar_days=days,
                   calendar_months=months, pieces=tuple(pieces))


def _take_clock(text: str) -> tuple[time | None, str, str]:
    matches = list(_CLOCK.finditer(text))
    if not matches:
        return None, "", text
    if len(matches) > 1:
        raise WhenError(f"{text!r} names more than one time of day: "
                        + ", ".join(repr(m.group(0).strip()) for m in matches))
    match = matches[0]
    found = match.group(0).strip()
    if match.group("named"):
        clock = {"noon": time(12), "midday": time(12), "midnight": time(0)}[match.group("named")]
    else:
        hour = int(next(match.group(g) for g in ("h1", "h2", "h3", "h4", "h5") if match.group(g)))
        minute = int(match.group("m1") or match.group("m4") or 0)
        ampm = (match.group("ap1") or match.group("ap2") or "").replace(".", "")
        if ampm:
            if not 1 <= hour <= 12:
                raise WhenError(f"{found!r} is not a time of day")
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        if hour > 23 or minute > 59:
            raise WhenError(f"{found!r} is not a time of day")
        clock = time(hour, minute)
    rest = text[: match.start()] + " " + text[match.end():]
    return clock, found, rest


def _take_part_of_day(text: str) -> tuple[str, str]:
    match = _PART_OF_DAY.search(text)
    if not match:
        return "", text
    part = match.group("part") or "morning"
    today = " today " if match.group("this") or part == "tonight" else " "  # never tomorrow
    return part, text[: match.start()] + today + text[match.end():]


def _read_day(rest: str, languages: tuple[str, ...]) -> DaySpec:
    if rest in ("today", "tod"):
        return DaySpec("today", rest)
    if rest in ("tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow"):
        return DaySpec("offset", rest, days=1)
    if re.fullmatch(r"(?:the )?day after tomorrow", rest):
        return DaySpec("offset", rest, days=2)
    if rest in ("next week", "the week after"):
        return DaySpec("next_week", rest)
    if rest == "next month":
        return DaySpec("next_month", rest)
    if re.fullmatch(r"(?:the )?next (?:working|business|work) ?day", rest):
        return DaySpec("next_working_day", rest)
    weekday = re.fullmatch(r"(?:(this|next|coming|on) )?([a-z]+)(?: (next week))?", rest)
    if weekday and weekday.group(2) in _WEEKDAYS:
        return DaySpec("weekday", rest, days=_WEEKDAYS[weekday.group(2)],
                       strict=weekday.group(1) == "next", week_after=bool(weekday.group(3)))
    weekday = re.fullmatch(r"next week (?:on )?([a-z]+)", rest)
    if weekday and weekday.group(1) in _WEEKDAYS:
        return DaySpec("weekday", rest, days=_WEEKDAYS[weekday.group(1)], week_after=True)
    ordinal = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)", rest)
    if ordinal and 1 <= int(ordinal.group(1)) <= 31:
        return DaySpec("dom", rest, days=int(ordinal.group(1)))
    if _RELATIVE.fullmatch(rest):  # "in 3 days at 9am"
        relative = _read_relative(rest)
        if relative.elapsed:
            raise WhenError(f"{rest!r} with a time of day: use days or weeks, not hours")
        return DaySpec("offset", rest, days=relative.calendar_days, months=relative.calendar_months)
    english_shape = any(shape.fullmatch(rest) for shape in _DATE_SHAPES)
    foreign = any(lang != "en" for lang in languages)
    if english_shape or foreign or not re.search(r"\d", rest):
        found = _dateparser_day(rest, languages, date(2001, 1, 1))
        if found is not None:
            return DaySpec("calendar", rest, year_given=bool(re.search(r"\b\d{4}\b", rest)))
    if re.search(r"(?<![\d:])\d{1,2}(?![\d:])", rest):
        raise WhenError(f"could not read {rest!r}: write a time of day as 9am, 09:00 or at 9")
    raise WhenError(f"could not read {rest!r} as a time or a day")


# ---- dateparser: only ever sees naive local wall time --------------------------------
# Zones and DST are done with zoneinfo here; dateparser's own zone handling is pytz-based
# and checks "future" in UTC rather than in the recipient's zone.


def _parser(languages: tuple[str, ...], base: datetime):
    from dateparser.date import DateDataParser  # imported late: the CLI starts faster

    return DateDataParser(
        languages=list(languages),
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "future",
            "PREFER_DAY_OF_MONTH": "first",
            "TIMEZONE": "UTC",  # with naive input and no TO_TIMEZONE: no conversion at all
            "RETURN_AS_TIMEZONE_AWARE": False,
            "RETURN_TIME_AS_PERIOD": True,
            "PARSERS": ["relative-time", "custom-formats", "absolute-time"],  # no unix timestamps
        },
    )


def _dateparser_day(text: str, languages: tuple[str, ...],
                    today: date) -> tuple[date, time | None] | None:
    """(day, clock if one was given) from dateparser, or None when it is not one day."""
    base = datetime.combine(today, time(12, 0))
    data = _parser(languages, base).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "time"):
        return None
    clock = data.date_obj.time() if data.period == "time" else None
    return data.date_obj.date(), clock


# ---- resolving: reading + now + zone + hours → a moment ------------------------------


def _resolve(reading: Reading, now: datetime, tz: ZoneInfo, hours: WorkingHours,
             languages: tuple[str, ...]) -> Resolution:
    hours_text = describe_hours(hours)
    if reading.kind == "window":
        window = next_working_window(now, tz, hours)
        if window.contains(now):
            return Resolution(now.astimezone(tz), "window",
                              f"now: they are within working hours ({hours_text})")
        return Resolution(window.start, "window",
                          f"{label(window.start)} (start of their next working hours, {hours_text})")

    warnings: list[str] = []
    local_now = now.astimezone(tz)
    if reading.kind == "relative":
        moment = local_now
        if reading.calendar_days or reading.calendar_months:
            day = _add_months(local_now.date(), reading.calendar_months)
            day += timedelta(days=reading.calendar_days)
            moment, note = localize(day, local_now.time().replace(tzinfo=None), tz)
            warnings += [note] if note else []
        moment = (moment.astimezone(timezone.utc) + reading.elapsed).astimezone(tz)
        how = " and ".join(reading.pieces) + " from now"
        if reading.calendar_days or reading.calendar_months:
            how += ", same clock time"
        _check_future(moment, now, f"{label(moment)} ({how})")
        warnings += _outside_hours(moment, tz, hours, hours_text)
        return Resolution(moment, "relative", f"{label(moment)} ({how})", tuple(warnings))

    today = local_now.date()
    day = _resolve_day(reading, local_now, tz, languages) if reading.day else None
    if reading.clock is None:
        return _start_of_day(reading, day or today, now, tz, hours, hours_text)

    how = "exact time"
    if reading.approximate:
        how = f"'{reading.approximate}' read as {reading.clock:%H:%M}"
    if day is None:
        moment, note = localize(today, reading.clock, tz)
        if moment <= now:
            moment, note = localize(today + timedelta(days=1), reading.clock, tz)
            how += f"; {reading.clock:%H:%M} had already passed today, so tomorrow"
    else:
        moment, note = localize(day, reading.clock, tz)
    warnings += [note] if note else []
    understood = f"{label(moment)} ({how})"
    _check_future(moment, now, understood)
    if moment.date().weekday() not in hours.days:
        warnings.append(f"{moment:%A} is not one of their working days ({hours_text})")
    else:
        warnings += _outside_hours(moment, tz, hours, hours_text)
    return Resolution(moment, "clock", understood, tuple(warnings))


def _resolve_day(reading: Reading, local_now: datetime, tz: ZoneInfo,
                 languages: tuple[str, ...]) -> date:
    spec = reading.day
    assert spec is not None
    today = local_now.date()
    if spec.what == "today":
        return today
    if spec.what == "offset":
        return _add_months(today, spec.months) + timedelta(days=spec.days)
    if spec.what == "next_week":
        return today + timedelta(days=7 - today.weekday())
    if spec.what == "next_month":
        return _add_months(today.replace(day=1), 1)
    if spec.what == "next_working_day":
        return today + timedelta(days=1)
    if spec.what == "weekday":
        if spec.week_after:
            return today + timedelta(days=7 - today.weekday() + spec.days)
        ahead = (spec.days - today.weekday()) % 7
        if ahead == 0:
            later_today = (reading.clock is not None and not spec.strict
                           and localize(today, reading.clock, tz)[0] > local_now)
            ahead = 0 if later_today else 7  # "monday" said on a Monday means next Monday
        return today + timedelta(days=ahead)
    if spec.what == "dom":
        for months in range(0, 13):
            first = _add_months(today.replace(day=1), months)
            try:
                candidate = first.replace(day=spec.days)
            except ValueError:
                continue  # no 31st this month
            if candidate >= today:
                return candidate
        raise WhenError(f"no day {spec.days} of a month in the coming year")
    found = _dateparser_day(spec.text, languages, today)
    if found is None:
        raise WhenError(f"could not read {spec.text!r} as a day")
    day, _ = found
    if not spec.year_given and day > today:
        # dateparser's "future" is relative to noon; the nearest date from today on is meant
        try:
            this_year = day.replace(year=today.year)
        except ValueError:  # 29 February
            this_year = day
        day = this_year if this_year >= today else day
    return day


def _start_of_day(reading: Reading, day: date, now: datetime, tz: ZoneInfo,
                  hours: WorkingHours, hours_text: str) -> Resolution:
    """A day without a clock time: the start of working hours that day, or the next working day."""
    warnings: list[str] = []
    today = now.astimezone(tz).date()
    if day < today:
        understood = f"'{reading.text}' as {day:%a %d %b %Y}"
        raise WhenError(f"understood {understood}, which is in the past", understood)
    if reading.day and reading.day.what in ("next_working_day", "next_week", "next_month"):
        pass  # these name the first working day on or after `day` by definition
    elif day.weekday() not in hours.days:
        warnings.append(f"{day:%A} is not one of their working days ({hours_text}), so the next one")
    moved = 0
    while day.weekday() not in hours.days:
        day += timedelta(days=1)
        moved += 1
        if moved > 7:
            raise WhenError("their working hours name no working day")
    window = window_on(day, tz, hours)
    if day == today:
        if now >= window.end:
            raise WhenError(
                f"their working hours today ({hours_text}) are over; try 'tomorrow'",
                f"today, {day:%a %d %b %Y}",
            )
        moment = max(now.astimezone(tz), window.start)
        how = "now: within their working hours" if moment == now else "start of working hours"
    else:
        moment = window.start
        how = "start of working hours"
    if reading.day and reading.day.what == "next_week":
        how += ", first working day of next week"
    note = localize(day, hours.start, tz)[1]
    warnings += [note] if note else []
    understood = f"{label(moment)} ({how})"
    _check_future(moment, now, understood, allow_now=True)
    return Resolution(moment, "date", understood, tuple(warnings))


def _check_future(moment: datetime, now: datetime, understood: str, allow_now: bool = False) -> None:
    if moment < now or (moment == now and not allow_now):
        raise WhenError(f"understood {understood}, which is in the past", understood)
    if moment - now > MAX_AHEAD:
        raise WhenError(f"understood {understood}, more than a year ahead", understood)


def _outside_hours(moment: datetime, tz: ZoneInfo, hours: WorkingHours, hours_text: str) -> list[str]:
    if next_working_window(moment, tz, hours).contains(moment):
        return []
    return [f"{moment:%H:%M} on {moment:%a} is outside their working hours ({hours_text}); "
            "kept as asked"]


def _add_months(day: date, months: int) -> date:
    if not months:
        return day
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


# ---- the `etiquette when` command's JSON --------------------------------------------


def parse_now(text: str | None, tz: ZoneInfo) -> datetime:
    """--now: ISO 8601; without an offset it is wall time in `tz`; absent means the current time."""
    if not text:
        return datetime.now(timezone.utc).replace(microsecond=0)
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"--now {text!r} is not an ISO 8601 time like 2026-11-25T10:30:00+01:00"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def when_report(expr: str, tz: str, now: str | None = None, hours: str = "09:00-17:00",
                days: str = "mon-fri", languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> dict:
    """What `etiquette when` prints; ValueError (incl. WhenError) with a clear message on bad input."""
    zone = zone_for(tz)
    working = working_hours_from(hours, days)
    moment = parse_now(now, zone)
    resolution = deliver_at(expr, moment, zone, working, languages=languages)
    return {
        "expr": expr,
        "tz": zone.key,
        "now": moment.astimezone(zone).isoformat(),
        **resolution.as_json(),
        "inside_working_hours": is_working_time(resolution.deliver_at, zone, working),
        "working_hours": {
            "start": f"{working.start:%H:%M}",
            "end": f"{working.end:%H:%M}",
            "days": [DAY_NAMES[d] for d in working.days],
            "described": describe_hours(working),
        },
    }
