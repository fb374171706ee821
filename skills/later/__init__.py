"""Send later: when a message reaches its recipient (zone, hours, DST), and how `/later` text splits."""

from skills.later.channel import ChannelMoment, channel_clock, channel_moment
from skills.later.hours import (
    WorkingWindow,
    is_working_time,
    next_working_window,
    parse_days,
    parse_hours,
)
from skills.later.plan import (
    LaterPlan,
    RecipientClock,
    in_both_zones,
    plan_later,
    recipient_clock,
)
from skills.later.split import LaterText, split_later_text
from skills.later.when import (
    Resolution,
    WhenError,
    deliver_at,
    read_phrase,
    when_report,
)
from skills.later.zones import UnknownZone, localize, to_iana, zone_for

__all__ = [
    "ChannelMoment", "LaterPlan", "LaterText", "RecipientClock", "Resolution", "UnknownZone",
    "WhenError", "WorkingWindow", "channel_clock", "channel_moment", "deliver_at",
    "in_both_zones", "is_working_time", "localize", "next_working_window", "parse_days",
    "parse_hours", "plan_later", "read_phrase", "recipient_clock", "split_later_text",
    "to_iana", "when_report", "zone_for",
]
