"""The whole `/later` decision for a handler: split the text, pick zone and hours, resolve the time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.model import User, WorkingHours
from skills.later.hours import describe_hours
from skills.later.split import LaterText, split_later_text
from skills.later.when import DEFAULT_LANGUAGES, Resolution, WhenError, deliver_at
from skills.later.zones import UnknownZone, to_iana, zone_for


@dataclass(frozen=True)
class LaterPlan:
    """What to schedule, or why not; `doubts` mean: show the user our best guess and ask."""

    text: LaterText
    zone: str  # IANA zone the time phrase was read in
    hours: WorkingHours
    assumptions: tuple[str, ...] = ()  # defaults we had to assume ("the reply says so")
    resolution: Resolution | None = None
    error: str | None = None  # nothing may be scheduled when set
    understood: str | None = None  # what we made of the time phrase, also on error

    @property
    def message(self) -> str:
        return self.text.message

    @property
    def doubts(self) -> tuple[str, ...]:
        return self.text.doubts

    @property
    def ready(self) -> bool:
        """True when it may be scheduled without asking: resolved, a message, no doubts."""
        return self.resolution is not None and self.error is None and self.text.confident

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.assumptions + (self.resolution.warnings if self.resolution else ())

    def as_json(self) -> dict:
        out: dict = {
            "recipient": self.text.recipient,
            "time_phrase": self.text.time_phrase,
            "message": self.text.message,
            "confident": self.text.confident,
            "doubts": list(self.text.doubts),
            "zone": self.zone,
            "working_hours": describe_hours(self.hours),
            "ready": self.ready,
            "understood": self.understood,
            "warnings": list(self.warnings),
            "error": self.error,
        }
        if self.resolution:
            out |= {k: v for k, v in self.resolution.as_json().items() if k != "warnings"}
        return out


@dataclass(frozen=True)
class RecipientClock:
    """Zone and hours chosen for the recipient, and what had to be assumed to choose them."""

    zone: str
    hours: WorkingHours
    assumptions: tuple[str, ...] = field(default=())


def recipient_clock(sender: User, recipient: User | None, hours_known: bool = False) -> RecipientClock:
    """The recipient's zone (else the sender's, else UTC) and working hours (else the defaults)."""
    assumptions: list[str] = []
    zone = None
    if recipient is not None and recipient.tz:
        try:
            zone = to_iana(recipient.tz)
        except UnknownZone:
            assumptions.append(f"their time zone {recipient.tz!r} is unknown to us")
    if zone is None:
        try:
            zone = to_iana(sender.tz) if sender.tz else None
        except UnknownZone:
            zone = None
        if zone:
            assumptions.append(f"their time zone is unknown, so yours ({zone})")
        else:
            zone = "UTC"
            assumptions.append("neither time zone is known, so UTC")
    hours = recipient.working_hours if recipient is not None else WorkingHours()
    if not (recipient is not None and (hours_known or hours != WorkingHours())):
        hours = WorkingHours()
        assumptions.append(f"their working hours are unknown, so {describe_hours(hours)}")
    return RecipientClock(zone, hours, tuple(assumptions))


def plan_later(
    text: str,
    now: datetime,
    sender: User,
    recipient: User | None = None,
    *,
    hours_known: bool = False,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
) -> LaterPlan:
    """Everything `/later TEXT` decides, without I/O.

    `recipient` is the person the text names (looked up by the handler); pass `hours_known=True`
    when the platform told us their working hours (Teams mailboxSettings), so defaults are not
    announced as assumptions.
    """
    return plan_parts(split_later_text(text, languages), now, sender, recipient,
                      hours_known=hours_known, languages=languages)


def plan_parts(
    parts: LaterText,
    now: datetime,
    sender: User,
    recipient: User | None = None,
    *,
    hours_known: bool = False,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
) -> LaterPlan:
    """The plan for an already split text (e.g. a form with separate time and message fields)."""
    clock = recipient_clock(sender, recipient, hours_known)
    base = dict(text=parts, zone=clock.zone, hours=clock.hours, assumptions=clock.assumptions)
    if not parts.message:
        return LaterPlan(**base, error="there is no message to send")
    try:
        resolution = deliver_at(parts.time_phrase, now, zone_for(clock.zone), clock.hours,
                                languages=languages)
    except WhenError as error:
        return LaterPlan(**base, error=str(error), understood=error.understood)
    return LaterPlan(**base, resolution=resolution, understood=resolution.understood)


def in_both_zones(moment: datetime, sender_tz: str | None) -> str:
    """'Tue 09:00 CET (17:00 your time)' — the recipient's time first, the sender's when it differs."""
    theirs = f"{moment:%a %d %b %H:%M %Z}"
    if not sender_tz:
        return theirs
    try:
        mine = moment.astimezone(zone_for(sender_tz))
    except UnknownZone:
        return theirs
    if mine.utcoffset() == moment.utcoffset():
        return theirs
    day = "" if mine.date() == moment.date() else f"{mine:%a} "
    return f"{theirs} ({day}{mine:%H:%M} your time)"
