"""Meeting-vs-message: score a discussion, explain it, propose slots; spot status-update meetings."""

from __future__ import annotations

from skills.meetings.channel import meeting_suggestions
from skills.meetings.score import SUGGEST_THRESHOLD, MeetingScore, score_discussion
from skills.meetings.slots import LocalTime, Slot, Slots, propose_slots
from skills.meetings.status import status_update_meeting

__all__ = [
    "SUGGEST_THRESHOLD", "LocalTime", "MeetingScore", "Slot", "Slots", "meeting_suggestions", "propose_slots",
    "score_discussion", "status_update_meeting",
]
