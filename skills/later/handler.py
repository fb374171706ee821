"""`/later …` and its buttons: look people up, ask the pure planner, store in the outbox, confirm.

The decision (when, and whether we are sure) is `plan_later`; this module only does the I/O
around it and words the private confirmation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.actions import Action, Button, NotifyPrivately, Schedule
from bot.model import ActionClicked, CommandInvoked, Conversation, Event, User
from bot.outbox import Outbox, Scheduled
from bot.router import Context
from skills.later.channel import channel_clock, channel_moment
from skills.later.plan import LaterPlan, in_both_zones, plan_later
from skills.later.split import split_later_text
from skills.later.zones import zone_for

USAGE = (
    "Send a message at a good time for its recipient: `/later @maria tomorrow 9am Can you review the deck?`, "
    "`/later #team monday morning Numbers are in`, or with no time for their next working hours. "
    "`/later list` shows what you have scheduled; `/later cancel ID` cancels one."
)
_USER = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#([A-Z0-9]+)(?:\|([^>]*))?>")


def wants_command(event: Event) -> bool:
    return isinstance(event, CommandInvoked) and event.command == "later"


def wants_click(event: Event) -> bool:
    return isinstance(event, ActionClicked) and event.action_id.startswith("later_")


def _private(event: CommandInvoked | ActionClicked, text: str, buttons: tuple[Button, ...] = ()) -> NotifyPrivately:
    return NotifyPrivately(user=event.user, conversation=event.conversation, text=text, buttons=buttons)


def _buttons(item_id: str, draft: bool) -> tuple[Button, ...]:
    first = Button("Schedule it", "later_confirm", item_id) if draft else Button("Send now", "later_send_now", item_id)
    return (first, Button("Cancel", "later_cancel", item_id))


async def handle_command(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, CommandInvoked)
    verb, _, rest = event.text.strip().partition(" ")
    if verb.lower() in ("", "help"):
        return [_private(event, USAGE)]
    if verb.lower() == "list":
        return [await _list(event, context)]
    if verb.lower() == "cancel" and rest.strip():
        return [await _cancel(event, context, rest.strip())]
    return [await _schedule(event, context)]


async def handle_click(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, ActionClicked)
    outbox, where = Outbox(context.store), event.conversation
    key = (where.platform, where.workspace_id, event.value, event.user.id)
    if event.action_id == "later_cancel":
        return [await _cancel(event, context, event.value)]
    if event.action_id == "later_send_now" and await outbox.reschedule(*key, context.now()):
        return [_private(event, "Sending it now.")]
    if event.action_id == "later_confirm" and await outbox.confirm(*key):
        item = await outbox.get(where.platform, where.workspace_id, event.value)
        return [_private(event, f"Scheduled: {item.recipient_label} gets it {item.deliver_at:%a %d %b %H:%M} UTC.",
                         _buttons(item.id, draft=False))]
    return [_private(event, "That message was already sent or cancelled.")]


async def _list(event: CommandInvoked, context: Context) -> NotifyPrivately:
    where = event.conversation
    pending = await Outbox(context.store).pending_by(where.platform, where.workspace_id, event.user.id)
    if not pending:
        return _private(event, "You have no messages waiting to be sent.")
    lines = [f"`{i.id}` to {i.recipient_label}, {i.deliver_at:%a %d %b %H:%M} UTC: {i.text[:80]}" for i in pending]
    buttons = tuple(Button(f"Cancel {i.id}", "later_cancel", i.id) for i in pending[:5])
    return _private(event, "Waiting to be sent:\n" + "\n".join(lines), buttons)


async def _cancel(event: CommandInvoked | ActionClicked, context: Context, item_id: str) -> NotifyPrivately:
    where = event.conversation
    if await Outbox(context.store).cancel(where.platform, where.workspace_id, item_id, event.user.id):
        return _private(event, f"Cancelled `{item_id}`; it will not be sent.")
    return _private(event, f"I found no message `{item_id}` of yours waiting to be sent.")


async def _schedule(event: CommandInvoked, context: Context) -> NotifyPrivately:
    now = context.now()
    sender = await _sender(event, context)
    target, label, plan = await _plan(event, context, sender, now)
    if plan.error or plan.resolution is None:
        understood = f" I read the time as “{plan.understood}”" if plan.understood else ""
        return _private(
            event,
            f"I couldn't schedule that: {plan.error}.{understood} and the message as “{plan.message}”. "
            "Try e.g. `/later @maria tomorrow 9am Can you review the deck?`",
        )
    outbox = Outbox(context.store)
    schedule = Schedule(conversation=target, author=sender, text=plan.message, deliver_at=plan.resolution.deliver_at)
    item = await outbox.add(schedule, label, now, status="pending" if plan.ready else "draft")
    return _private(event, confirmation(item, plan, sender), _buttons(item.id, draft=not plan.ready))


async def _sender(event: CommandInvoked, context: Context) -> User:
    """The platform's profile, completed by what the event itself said (Teams sends the client's zone)."""
    profile = await context.platform.user_profile(event.conversation, event.user.id)
    return replace(profile, name=profile.name or event.user.name, tz=profile.tz or event.user.tz)


async def _plan(event: CommandInvoked, context: Context, sender: User, now: datetime
                ) -> tuple[Conversation, str, LaterPlan]:
    """Who it goes to (a person's DM, a channel, or here) and the plan in their clock."""
    recipient = split_later_text(event.text).recipient or ""
    here = event.conversation
    if user := _USER.fullmatch(recipient):
        person = await context.platform.user_profile(here, user.group(1))
        target = Conversation(here.platform, here.workspace_id, person.id, None, True, here.ref)
        return target, person.display, plan_later(event.text, now, sender, person)
    channel = _CHANNEL.fullmatch(recipient)
    target = replace(here, channel_id=channel.group(1), thread_id=None) if channel else replace(here, thread_id=None)
    label = f"#{channel.group(2) or channel.group(1)}" if channel else "this conversation"
    members = await context.platform.channel_members(target)
    setting = await context.store.get_setting(here.platform, here.workspace_id, f"channel:{target.channel_id}", "tz")
    clock = channel_clock(members, setting)
    plan = plan_later(event.text, now, sender, User(id=target.channel_id, tz=clock.zone), hours_known=True)
    plan = replace(plan, assumptions=clock.assumptions)
    if plan.resolution and plan.resolution.kind == "window" and not setting and members:
        moment = channel_moment(members, now)
        at = moment.deliver_at.astimezone(zone_for(clock.zone))
        plan = replace(plan, resolution=replace(plan.resolution, deliver_at=at, understood=moment.note))
    return target, label, plan


def confirmation(item: Scheduled, plan: LaterPlan, sender: User) -> str:
    """'Maria gets this Tue 09:00 CET (17:00 your time)', what we understood, and any doubts."""
    assert plan.resolution is not None
    when = in_both_zones(plan.resolution.deliver_at, sender.tz)
    lines = [
        f"{item.recipient_label} gets this {when}." if plan.ready
        else f"Not scheduled yet: is this right? {item.recipient_label} would get it {when}.",
        f"Time: “{plan.text.time_phrase or 'their next working hours'}” → {plan.resolution.understood}",
        f"Message: “{plan.message}”",
    ]
    lines += [f"Note: {warning}" for warning in plan.warnings]
    lines += [f"Unsure: {doubt}" for doubt in plan.doubts]
    lines.append(f"ID `{item.id}`")
    return "\n".join(lines)
