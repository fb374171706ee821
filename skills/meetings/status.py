"""The opposite signal: a meeting announced only to share a status update, which a written update would replace."""

from __future__ import annotations

import re

_MEETING = re.compile(
    r"\b(?:meeting|sync|call|stand-?up|huddle|zoom|google meet|teams call|catch-?up|check-?in|hop on|jump on|"
    r"get together|invite|calendar)\b", re.I)
_STATUS = re.compile(
    r"\b(?:share (?:the |some |our |my )?(?:numbers|metrics|stats|figures|results|progress|updates?|status)|"
    r"status (?:update|report|meeting|call|sync)|(?:quick |weekly |monthly |progress |project )update|"
    r"go (?:over|through) (?:the |our )?(?:numbers|metrics|stats|figures|status|progress|dashboard)|"
    r"walk (?:you |everyone |you all )?through (?:the |our )?(?:numbers|metrics|stats|results|slides|deck|report)|"
    r"report (?:back |out )?on|recap|round-?robin|what everyone(?:'s| is) working on|present (?:the |our )?results)\b",
    re.I)
# An agenda that needs people talking together is a real meeting, whatever else it says.
_DISCUSSION = re.compile(
    r"\b(?:decide|decision|discuss|debate|brainstorm|design|figure out|resolve|align on|agree on|plan(?:ning)?|"
    r"retro(?:spective)?|workshop|interview|1:1|one-on-one|feedback on|review (?:the |your )?(?:design|pr|proposal))\b",
    re.I)


def status_update_meeting(text: str) -> str | bool:
    """The reason to post asynchronously instead (truthy), or False when this is not a status-update meeting."""
    meeting = _MEETING.search(text)
    status = _STATUS.search(text)
    if not meeting or not status or _DISCUSSION.search(text):
        return False
    return (f"this {meeting.group(0).lower()} is to {status.group(0).lower()}: a written update in the "
            "channel (numbers, a chart, a short note) saves everyone the meeting and questions can go in its thread")
