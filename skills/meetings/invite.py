"""An iCalendar (.ics) invite for a proposed slot — Slack has no meeting API, calendars all read this."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timezone


def _stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_invite(summary: str, start: datetime, end: datetime, participants: Sequence[str], now: datetime) -> str:
    """RFC 5545 VEVENT in UTC. Participants are named in the description: without an extra scope Slack
    gives no e-mail addresses, and an ATTENDEE needs one; whoever imports the invite forwards it."""
    uid = hashlib.sha256(f"{summary}|{start.isoformat()}|{','.join(participants)}".encode()).hexdigest()[:24]
    description = f"Participants: {', '.join(participants)}. Proposed by Async Etiquette for a thread."
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Async Etiquette//EN", "METHOD:PUBLISH",
        "BEGIN:VEVENT", f"UID:{uid}@async-etiquette", f"DTSTAMP:{_stamp(now)}",
        f"DTSTART:{_stamp(start)}", f"DTEND:{_stamp(end)}", f"SUMMARY:{_escape(summary)}",
        f"DESCRIPTION:{_escape(description)}",
        "END:VEVENT", "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"
