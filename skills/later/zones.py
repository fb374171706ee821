"""Time zone names (IANA or Windows, as Graph returns them) and DST-safe local times."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tzlocal.windows_tz import win_tz  # CLDR windowsZones.xml, kept current by tzlocal

# CLDR keeps a few pre-rename IANA names for stability; they are links to these current ones.
_CURRENT_NAMES = {
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Rangoon": "Asia/Yangon",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
    "America/Godthab": "America/Nuuk",
    "America/Indianapolis": "America/Indiana/Indianapolis",
    "Europe/Kiev": "Europe/Kyiv",
    "Etc/UTC": "UTC",
}
_WINDOWS_BY_LOWER = {name.lower(): iana for name, iana in win_tz.items()}
_UTC_ALIASES = {"utc", "z", "gmt", "etc/utc", "coordinated universal time"}


class UnknownZone(ValueError):
    """A time zone name that is neither IANA nor a known Windows name."""


def to_iana(name: str) -> str:
    """IANA key for an IANA or Windows zone name ("W. Europe Standard Time" → "Europe/Berlin")."""
    cleaned = (name or "").strip()
    if not cleaned:
        raise UnknownZone("empty time zone name")
    if cleaned.lower() in _UTC_ALIASES:
        return "UTC"
    key = _WINDOWS_BY_LOWER.get(cleaned.lower(), cleaned)
    try:
        key = ZoneInfo(key).key
        current = _CURRENT_NAMES.get(key)
        return current if current and _exists(current) else key
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UnknownZone(
            f"unknown time zone {cleaned!r} (use an IANA name like 'Europe/Berlin' "
            "or a Windows name like 'W. Europe Standard Time')"
        ) from None


def _exists(key: str) -> bool:
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def zone_for(name: str | ZoneInfo) -> ZoneInfo:
    """A ZoneInfo for an IANA or Windows name (a ZoneInfo passes through)."""
    return name if isinstance(name, ZoneInfo) else ZoneInfo(to_iana(name))


def localize(day: date, clock: time, tz: ZoneInfo) -> tuple[datetime, str | None]:
    """`day` at wall-clock `clock` in `tz`, and a note when DST made that time odd.

    A time inside a spring-forward gap moves forward by the gap (02:30 → 03:30);
    a time that happens twice at fall-back takes the first occurrence.
    """
    naive = datetime.combine(day, clock.replace(tzinfo=None, fold=0))
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first, None
    # PEP 495: for a gap, fold=0 uses the offset from before the change, which lands after it.
    roundtrip = first.astimezone(timezone.utc).astimezone(tz)
    wall = f"{clock:%H:%M} on {day:%a %d %b %Y} in {tz.key}"
    if roundtrip.replace(tzinfo=None) != naive:
        return roundtrip, (
            f"{wall} does not exist (clocks spring forward); moved forward to {roundtrip:%H:%M %Z}"
        )
    return first, (
        f"{wall} happens twice (clocks fall back); took the first one, "
        f"{first:%H:%M %Z} (UTC{_offset(first)})"
    )


def _offset(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"
