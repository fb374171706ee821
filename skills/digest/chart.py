"""The digest's chart: messages per hour of day, shaded by the share of members inside their working hours."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.model import User
from skills.later.hours import is_working_time
from skills.later.zones import UnknownZone, zone_for

UNKNOWN_ZONE = "UTC"  # members without a zone are drawn as if in UTC, as the slots rule does


def zones_known(members: Sequence[User]) -> bool:
    """Whether any (human) member's time zone is known: without one there are no working hours to show."""
    return any(not m.is_bot and m.tz for m in members)


def working_share(members: Sequence[User], zone: str, day: date) -> list[float]:
    """For each hour of `day` in `zone`, the share of (human) members inside their working hours at half past;
    all 0 when no member's zone is known (an export whose users.json has no `tz`: 9 to 5 UTC would be made up)."""
    people = [m for m in members if not m.is_bot] if zones_known(members) else []
    tz = ZoneInfo(zone)
    shares = []
    for hour in range(24):
        moment = datetime.combine(day, time(hour, 30), tzinfo=tz)
        working = sum(is_working_time(moment, _zone(m), m.working_hours) for m in people)
        shares.append(working / len(people) if people else 0.0)
    return shares


def activity_chart_png(
    hourly: Sequence[int], members: Sequence[User], zone: str, day: date, title: str = "",
) -> bytes:
    """A small PNG: bars of messages per hour (in `zone`), green shading where members work on `day`.

    `day` should be a working day of the week shown (the digest uses its Wednesday), so DST is that week's.
    """
    if len(hourly) != 24:
        raise ValueError("hourly must hold 24 counts")
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # a second or so to import: only for a chart
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 3), dpi=100)
    FigureCanvasAgg(figure)  # rendering without any GUI backend or global pyplot state
    axes = figure.add_subplot()
    for hour, share in enumerate(working_share(members, zone, day)):
        if share:
            axes.axvspan(hour - 0.5, hour + 0.5, color="tab:green", alpha=0.08 + 0.3 * share, linewidth=0)
    axes.bar(range(24), hourly, color="tab:blue", width=0.8, label="messages")
    axes.set_xlim(-0.5, 23.5)
    hours = range(0, 24, 3)
    axes.set_xticks(hours, [f"{hour:02d}:00" for hour in hours])  # "09:00" reads as a time, a bare "9" did not
    shading = "green: members in working hours" if zones_known(members) else "no member's time zone is known"
    axes.set_xlabel(f"hour of day ({zone}); {shading}")
    axes.set_ylabel("messages")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(title or "Messages by hour of day")
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def chart_day(monday: date) -> date:
    """The day whose working hours shade the chart: the week's Wednesday."""
    return monday + timedelta(days=2)


def _zone(member: User) -> ZoneInfo:
    try:
        return zone_for(member.tz or UNKNOWN_ZONE)
    except UnknownZone:
        return ZoneInfo(UNKNOWN_ZONE)
