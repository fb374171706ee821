"""Meeting-vs-message, live: a thread that has turned into a debate gets one suggestion of a short call.

`score_discussion` and `propose_slots` decide; this module fetches the thread and the people, makes
sure a thread is offered a call at most once (even with several replicas), and words the reply.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import replace
from datetime import datetime, timedelta

from bot.actions import Action, Button, NotifyPrivately, Reply, Section, ShareFile
from bot.context import Context
from bot.model import ActionClicked, Conversation, Event, MessagePosted, User
from skills.meetings.channel import BURST_WINDOW, trailing_burst
from skills.meetings.invite import ics_invite
from skills.meetings.score import MeetingScore, score_discussion
from skills.meetings.slots import propose_slots
from skills.meetings.status import status_update_meeting

SLOT_HORIZON = timedelta(days=5)  # calendars are read this far ahead: two working days, across a weekend
STATUS_MEETING = "status_meeting"  # a nudge kind of its own: its cooldown is separate from the others

log = logging.getLogger(__name__)
_last_scored: dict[str, float] = {}  # thread → monotonic time it was last scored; only spares API calls


def _thread_key(where: Conversation) -> str:
    """Where the store keeps a thread's meeting outcome (offered, invite, created), across workspaces."""
    return f"{where.platform}:{where.workspace_id}:{where.channel_id}:{where.thread_id}"


def _scored_recently(thread_key: str, every: float) -> bool:
    """Asked first, in memory: most replies of a busy thread stop here, before any query."""
    return every > 0 and time.monotonic() - _last_scored.get(thread_key, float("-inf")) < every


def _due_for_scoring(thread_key: str, every: float) -> bool:
    """Fetching a busy thread on every reply would eat Slack's rate limit; once per `every` seconds is enough."""
    if _scored_recently(thread_key, every):
        return False
    _last_scored[thread_key] = time.monotonic()
    return True


def wants_reply(event: Event) -> bool:
    """Replies in a channel thread by people: where a debate happens."""
    if not isinstance(event, MessagePosted):
        return False
    message = event.message
    where = message.conversation
    return bool(where.thread_id) and where.thread_id != message.id and not where.is_direct and not message.author.is_bot


def wants_top_level(event: Event) -> bool:
    """Top-level channel messages: where a meeting gets announced, or a debate happens without a thread."""
    if not isinstance(event, MessagePosted):
        return False
    where = event.message.conversation
    return where.thread_id in (None, event.message.id) and not where.is_direct and not event.message.author.is_bot


async def handle_announcement(event: Event, context: Context) -> list[Action]:
    """A meeting announced only to share a status update: privately suggest a written update instead."""
    assert isinstance(event, MessagePosted)
    message, store = event.message, context.store
    reason = status_update_meeting(message.text)
    where = message.conversation
    if not reason or await store.get_setting(where.platform, where.workspace_id, f"channel:{where.channel_id}",
                                             "quiet", False):
        return []
    if not await store.claim_nudge(where, message.author.id, STATUS_MEETING, message.id, message.sent_at,
                                   period=timedelta(hours=context.settings.nudge_cooldown_hours), limit=1):
        return []
    return [NotifyPrivately(user=message.author, conversation=replace(where, thread_id=None),
                            text=f"Could this meeting be a message? {str(reason).capitalize()}.")]


async def handle_burst(event: Event, context: Context) -> list[Action]:
    """A debate at the channel's top level, with no thread used: offer a call in the thread of its first message.

    The burst is the run of top-level messages ending with this one, each within BURST_GAP of the
    next (as `etiquette analyze` groups them); it is scored like a thread and offered a call once.
    """
    assert isinstance(event, MessagePosted)
    message = event.message
    channel = replace(message.conversation, thread_id=None)
    burst_key, every = f"{_thread_key(channel)}:burst", context.settings.meeting_rescore_seconds
    if _scored_recently(burst_key, every) or await _quiet(channel, context) or not _due_for_scoring(burst_key, every):
        return []
    recent = await context.platform.channel_history(channel, message.sent_at - BURST_WINDOW)
    burst = trailing_burst([m for m in recent if m.id != message.id] + [message])
    scope = (channel.platform, channel.workspace_id, f"channel:{channel.channel_id}")
    offered_until = await context.store.get_setting(*scope, "meeting_burst_until")
    if offered_until and burst[0].sent_at <= datetime.fromisoformat(offered_until):
        # Still the debate that was offered a call, however long it runs past the window we read.
        await context.store.set_setting(*scope, "meeting_burst_until", message.sent_at.isoformat())
        return []
    score = score_discussion(burst, now=message.sent_at)
    if not score.suggest:
        return []
    # Keyed by the burst's first message, so two replicas scoring it at once offer it once.
    offer = await _offer_once(channel.in_thread(burst[0].id), score, message.sent_at, context, "This back-and-forth")
    if offer:
        await context.store.set_setting(*scope, "meeting_burst_until", message.sent_at.isoformat())
    return offer


def wants_click(event: Event) -> bool:
    return isinstance(event, ActionClicked) and event.action_id in ("meetings_not_now", "meetings_create", "meetings_ics")


async def handle_reply(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, MessagePosted)
    message = event.message
    where = message.conversation
    thread_key = _thread_key(where)
    if _scored_recently(thread_key, context.settings.meeting_rescore_seconds) or await _quiet(where, context):
        return []
    if await context.store.get_setting(where.platform, where.workspace_id, f"thread:{thread_key}",
                                       "meeting_offered", False):
        return []
    if not _due_for_scoring(thread_key, context.settings.meeting_rescore_seconds):
        return []
    thread = await context.platform.fetch_thread(where)
    score = score_discussion(thread.messages, now=message.sent_at)
    if not score.suggest:
        return []
    return await _offer_once(where, score, message.sent_at, context)


async def _quiet(where: Conversation, context: Context) -> bool:
    return await context.store.get_setting(where.platform, where.workspace_id, f"channel:{where.channel_id}",
                                           "quiet", False)


async def _offer_once(where: Conversation, score: MeetingScore, now: datetime, context: Context,
                      subject: str = "This thread") -> list[Action]:
    """The suggestion for a discussion worth a call: its participants' profiles, calendars and slots.

    One per thread, ever: the first worker to record it wins, a retry or a replica does not.
    """
    thread_key = _thread_key(where)
    if not await context.store.first_time_seen("meeting", thread_key):
        return []
    await context.store.set_setting(where.platform, where.workspace_id, f"thread:{thread_key}", "meeting_offered",
                                    True)
    log.info("meeting suggested", extra={"thread": thread_key, "score": score.score, "reasons": score.reasons})
    people = [await context.platform.user_profile(where, p.id) for p in score.participants]
    busy = await context.platform.busy_times(where, people, now, now + SLOT_HORIZON)
    slots = propose_slots(people, now, busy=busy or ())
    return [suggestion(where, score.reasons, people, slots, context.platform.limits.creates_meetings,
                       calendars=busy is not None, subject=subject)]


def suggestion(where, reasons, people, slots, creates_meetings: bool = False, calendars: bool = False,
               subject: str = "This thread") -> Reply:
    """Why, who, and when — each slot in every participant's own time."""
    slot_lines = tuple(slot.describe() for slot in slots) or (slots.reason or "no shared working hours soon",)
    when = "inside everyone's working hours" + (", free in their calendars" if calendars else "")
    sections = (
        Section("Why", tuple(reasons)),
        Section("Who", (", ".join(p.display for p in people),)),
        Section(f"When (30 min, {when})", slot_lines + tuple(slots.notes)),
    )
    # Teams with Graph puts the meeting in calendars; Slack has huddles and takes an invite file to
    # import; Teams without Graph can do neither from a bot: the people start the call themselves.
    text = f"{subject} might be quicker as a short call."
    if creates_meetings:
        label, action_id = "Create meeting", "meetings_create"
    elif where.platform == "slack":
        text += " Start a huddle from the channel, or take a calendar invite below."
        label, action_id = "Calendar invite", "meetings_ics"
    else:
        text += " Start one with Meet in the channel's header, at one of these times."
        label = action_id = ""
    offers = tuple(
        Button(f"{label} {slot.start:%a %H:%M} UTC", action_id,
               json.dumps({"start": slot.start.isoformat(), "end": slot.end.isoformat(),
                           "who": [p.id for p in people], "names": [p.display for p in people]}))
        for slot in slots if action_id
    )
    return Reply(conversation=where, text=text, sections=sections,
                 buttons=offers + (Button("Not now", "meetings_not_now", where.thread_id or ""),))


async def handle_click(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, ActionClicked)
    if event.action_id == "meetings_create":
        return await _create(event, context)
    if event.action_id == "meetings_ics":
        plan = json.loads(event.value)
        start, end = datetime.fromisoformat(plan["start"]), datetime.fromisoformat(plan["end"])
        where = event.conversation
        await context.store.set_setting(where.platform, where.workspace_id, f"thread:{_thread_key(where)}",
                                        "meeting_invite", start.isoformat())
        invite = ics_invite("A short call about this thread", start, end, plan["names"], context.now())
        return [ShareFile(conversation=event.conversation, filename="call.ics", content=invite,
                          title=f"Call {start:%a %d %b %H:%M} UTC",
                          comment=f"{event.user.display} proposes this time; open the file to add it to your calendar.")]
    # The thread is already marked as offered; "Not now" only acknowledges, privately.
    return [NotifyPrivately(user=event.user, conversation=replace(event.conversation, thread_id=None),
                            text="Okay, I won't suggest a call in that thread again.")]


async def _create(event: ActionClicked, context: Context) -> list[Action]:
    """The clicker organizes; the thread's participants are invited; the join link goes in the thread."""
    plan = json.loads(event.value)
    start, end = datetime.fromisoformat(plan["start"]), datetime.fromisoformat(plan["end"])
    attendees = [User(id=pid) for pid in plan["who"] if pid != event.user.id]
    join = await context.platform.create_meeting(event.conversation, event.user, attendees,
                                                 "A short call about this thread", start, end)
    if join is None:
        return [NotifyPrivately(user=event.user, conversation=replace(event.conversation, thread_id=None),
                                text="I couldn't create the meeting (the app needs the Graph permission "
                                     "Calendars.ReadWrite). The proposed times are in the thread.")]
    where = event.conversation
    await context.store.set_setting(where.platform, where.workspace_id, f"thread:{_thread_key(where)}",
                                    "meeting_created", join)
    return [Reply(conversation=where, text=f"{event.user.display} set up a call {start:%a %d %b %H:%M}–{end:%H:%M} UTC "
                                           f"for everyone here: [join]({join})")]
