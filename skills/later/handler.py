"""`/later …`, its buttons and its form: look people up, ask the pure planner, store, confirm.

The decision (when, and whether we are sure) is `plan_parts`; this module only does the I/O
around it and words the private answers. When the split of time and message is uncertain, the
user gets a form prefilled with our best guess instead of a silent guess.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from bot.actions import Action, Button, Field, NotifyPrivately, OpenDialog, Schedule, answer_click
from bot.commands import usage_lines
from bot.context import Context
from bot.model import (
    ActionClicked,
    CommandInvoked,
    Conversation,
    DialogSubmitted,
    Event,
    User,
)
from bot.outbox import Outbox
from skills.later.channel import channel_clock, channel_moment
from skills.later.hours import describe_hours
from skills.later.plan import LaterPlan, in_both_zones, plan_parts
from skills.later.split import LaterText, split_later_text
from skills.later.zones import UnknownZone, zone_for

UNDO_WINDOW = timedelta(minutes=5)  # what would go out at once waits this long: the sender can still react
FORM = "later_form"
SHORTCUT = "later_message_shortcut"
INSTEAD = "later_channel_instead"  # from the after-hours broadcast nudge: this message, this channel, later
SELF = "you"  # the label of a reminder to oneself
_USER = re.compile(r"<@([^>|]+)(?:\|[^>]*)?>")  # Slack `<@U1|maria>`, Teams `<@29:1…|Maria>`
_CHANNEL = re.compile(r"<#([^>|]+)(?:\|([^>]*))?>")  # Slack `<#C1|general>`, Teams `<#19:…|name>`

Asked = CommandInvoked | ActionClicked | DialogSubmitted


def wants_command(event: Event) -> bool:
    return isinstance(event, CommandInvoked) and event.command == "later"


def wants_click(event: Event) -> bool:
    return isinstance(event, ActionClicked) and (event.action_id.startswith("later_"))


def wants_form(event: Event) -> bool:
    return isinstance(event, DialogSubmitted) and event.callback_id == FORM


def _private(event: Asked, text: str, buttons: tuple[Button, ...] = ()) -> NotifyPrivately:
    return NotifyPrivately(user=event.user, conversation=event.conversation, text=text, buttons=buttons)


def _form(event: CommandInvoked | ActionClicked, to: str, when: str, message: str, *,
          intro: str = "", replaces: str = "", pick_person: bool = False) -> OpenDialog:
    """The send-later form; the recipient `to` is fixed (empty: this conversation) or picked."""
    fields = (Field("to", "Send to", kind="user"),) if pick_person else ()
    fields += (
        Field("when", "When (in their time zone)", when, hint="tomorrow 9am, monday, in 2h; empty = their next working hours"),
        Field("message", "Message", message, multiline=True),
    )
    return OpenDialog(user=event.user, conversation=event.conversation, title="Send later",
                      callback_id=FORM, fields=fields, submit_label="Schedule", trigger_id=event.trigger_id,
                      intro=intro, state=json.dumps({"to": to, "replaces": replaces}))


async def handle_command(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, CommandInvoked)
    verb, _, rest = event.text.strip().partition(" ")
    if verb.lower() in ("", "help"):
        return [_private(event, usage(event.conversation.platform))]
    if verb.lower() == "list":
        return [await _list(event, context)]
    if verb.lower() == "cancel" and rest.strip():
        return [await _cancel(event, context, rest.strip())]
    return await _schedule(event, context, split_later_text(event.text))


async def handle_form(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, DialogSubmitted)
    state = json.loads(event.state or "{}")
    to = state.get("to") or (f"<@{event.values['to']}>" if event.values.get("to") else None)
    parts = LaterText(to, event.values.get("when", "").strip(), event.values.get("message", "").strip())
    answers = await _schedule(event, context, parts)
    if state.get("replaces") and not answers:  # scheduled anew: the old one must not go too
        where = event.conversation
        await Outbox(context.store).cancel(where.platform, where.workspace_id, state["replaces"], event.user.id)
    return answers


async def handle_click(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, ActionClicked)
    outbox, where = Outbox(context.store), event.conversation
    if event.action_id == SHORTCUT:
        return [_form(event, "", "", event.value, pick_person=True)]
    if event.action_id == INSTEAD:
        channel = f"<#{where.channel_id}|this channel>"
        return [_form(event, channel, "", event.value, intro="When should the channel get it? Empty means "
                      "when most of its members are at work. You can then delete the original.")]
    if event.action_id == "later_change":
        change = json.loads(event.value)
        item = await outbox.get(where.platform, where.workspace_id, change["id"])
        if item and item.status == "pending" and item.author.id == event.user.id:
            return [_form(event, change["to"], "", item.text, replaces=item.id)]
    item = await outbox.get(where.platform, where.workspace_id, event.value)
    if event.action_id == "later_cancel" and await outbox.cancel(where.platform, where.workspace_id, event.value,
                                                                 event.user.id):
        return [answer_click(event, f"Cancelled: “{_preview(item.text)}” will not be sent to {item.recipient_label}.")]
    if event.action_id == "later_send_now" and await outbox.reschedule(
        where.platform, where.workspace_id, event.value, event.user.id, context.now()
    ):
        return [answer_click(event, f"Sent to {item.recipient_label} now (it was due "
                                    f"{item.deliver_at.astimezone(timezone.utc):%a %d %b %H:%M} UTC).")]
    return [answer_click(event, "That message was already sent or cancelled.")]


def _preview(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def usage(platform: str) -> str:
    """`later`'s forms in the words of the platform it was asked on."""
    return "Send a message at a good time for its recipient:\n" + "\n".join(usage_lines(platform, only="later"))


async def _list(event: CommandInvoked, context: Context) -> NotifyPrivately:
    where = event.conversation
    pending = await Outbox(context.store).pending_by(where.platform, where.workspace_id, event.user.id)
    if not pending:
        return _private(event, "You have no messages waiting to be sent.")
    lines = [f"`{i.id}` to {i.recipient_label}, {i.deliver_at:%a %d %b %H:%M} UTC: {i.text[:80]}" for i in pending]
    buttons = tuple(Button(f"Cancel {i.id}", "later_cancel", i.id) for i in pending[:5])
    return _private(event, "Waiting to be sent:\n" + "\n".join(lines), buttons)


async def _cancel(event: Asked, context: Context, item_id: str) -> NotifyPrivately:
    where = event.conversation
    if await Outbox(context.store).cancel(where.platform, where.workspace_id, item_id, event.user.id):
        return _private(event, f"Cancelled `{item_id}`; it will not be sent.")
    return _private(event, f"I found no message `{item_id}` of yours waiting to be sent.")


async def _schedule(event: Asked, context: Context, parts: LaterText) -> list[NotifyPrivately | OpenDialog]:
    """Scheduled and confirmed (nothing left to do: `[]`), or the refusal or form to show instead."""
    now = context.now()
    sender = await _sender(event, context)
    target, label, plan = await _plan(event, context, parts, sender, now)
    if plan.error or plan.resolution is None:
        return [_private(event, refusal(plan, event.conversation.platform))]
    if not plan.ready and not isinstance(event, DialogSubmitted):
        intro = f"I'm not sure I split that right ({'; '.join(plan.doubts)}). Please check:"
        return [_form(event, parts.recipient or "", parts.time_phrase, parts.message, intro=intro)]
    at = plan.resolution.deliver_at
    held = at < now + UNDO_WINDOW and not isinstance(event, DialogSubmitted)  # a form's answer was considered
    if held:
        at = (now + UNDO_WINDOW).astimezone(at.tzinfo)
    schedule = Schedule(conversation=target, author=sender, text=plan.message, deliver_at=at)
    outbox = Outbox(context.store)
    item = await outbox.add(schedule, label, now)
    change = json.dumps({"id": item.id, "to": parts.recipient or ""})
    buttons = (Button("Send now", "later_send_now", item.id), Button("Change time", "later_change", change),
               Button("Cancel", "later_cancel", item.id))
    card = _private(event, confirmation(label, item.id, plan, sender, held_until=at if held else None), buttons)
    # Posted here rather than by the router: its id is kept, so delivery can replace the buttons by the outcome.
    if card_id := await context.platform.perform(card):
        await outbox.remember_confirmation(item, _private_chat(event), card_id, getattr(at.tzinfo, "key", None))
    return []


def _private_chat(event: Asked) -> Conversation:
    """Where a private answer to `event` lands: this chat when it is one with the bot, else the person's chat
    with the bot (a platform that answers privately in the channel itself gives no id to keep)."""
    where = event.conversation
    if where.is_direct:
        return replace(where, thread_id=None)
    return Conversation(where.platform, where.workspace_id, event.user.id, None, True, where.ref)


async def _sender(event: Asked, context: Context) -> User:
    """The platform's profile, completed by what the event itself said (Teams sends the client's zone)."""
    profile = await context.platform.user_profile(event.conversation, event.user.id)
    return replace(profile, name=profile.name or event.user.name, tz=profile.tz or event.user.tz)


async def _plan(event: Asked, context: Context, parts: LaterText, sender: User, now: datetime
                ) -> tuple[Conversation, str, LaterPlan]:
    """Who it goes to (a person's DM, a channel, or here) and the plan in their clock."""
    here = event.conversation
    if user := _USER.fullmatch(parts.recipient or ""):
        person = await context.platform.user_profile(here, user.group(1))
        target = Conversation(here.platform, here.workspace_id, person.id, None, True, here.ref)
        return target, person.display, plan_parts(parts, now, sender, person)
    channel = _CHANNEL.fullmatch(parts.recipient or "")
    if not channel and here.is_direct:  # a note to self in the 1:1 chat with the bot
        return replace(here, thread_id=None), SELF, plan_parts(parts, now, sender, sender)
    target = replace(here, channel_id=channel.group(1), thread_id=None) if channel else replace(here, thread_id=None)
    label = f"#{channel.group(2) or channel.group(1)}" if channel else "this channel" if not here.is_direct else "this chat"
    members = await context.platform.channel_members(target)
    if not members:  # the platform cannot tell us who is there: read the time in the sender's zone
        plan = plan_parts(parts, now, sender, None)
        said = f"I can't see who is in {label}, so {plan.zone} and {describe_hours(plan.hours)}"
        return target, label, replace(plan, assumptions=(said,))  # not "their" zone: a channel is no person
    setting = await context.store.get_setting(here.platform, here.workspace_id, f"channel:{target.channel_id}", "tz")
    clock = channel_clock(members, setting)
    plan = plan_parts(parts, now, sender, User(id=target.channel_id, tz=clock.zone), hours_known=True)
    plan = replace(plan, assumptions=clock.assumptions)
    if plan.resolution and plan.resolution.kind == "window" and not setting and members:
        moment = channel_moment(members, now)
        at = moment.deliver_at.astimezone(zone_for(clock.zone))
        plan = replace(plan, resolution=replace(plan.resolution, deliver_at=at, understood=moment.note))
    return target, label, plan


def refusal(plan: LaterPlan, platform: str) -> str:
    """Why nothing was scheduled, and what we did understand, so the user can fix just that part."""
    read = [f"the time as “{plan.understood}”"] if plan.understood else []
    read += [f"the message as “{plan.message}”"] if plan.message else []
    text = f"I couldn't schedule that: {plan.error}."
    if read:
        text += " I read " + " and ".join(read) + "."
    later = "/later" if platform == "slack" else "later"
    return text + f" Try e.g. `{later} @maria tomorrow 9am Can you review the deck?`"


def confirmation(label: str, item_id: str, plan: LaterPlan, sender: User, held_until: datetime | None = None) -> str:
    """'Ken gets this Tue 09:00 JST (01:00 your time)', what we understood, and what we assumed.

    `held_until`: it would have gone out at once, so it waits until then; said first, plainly.
    """
    assert plan.resolution is not None
    lines = []
    if held_until is not None:
        found = "I found no time in this" if not plan.text.time_phrase else f"“{plan.text.time_phrase}” is minutes away"
        lines.append(f"{found}; it would go out now. It waits {UNDO_WINDOW.seconds // 60} minutes, until "
                     f"{_in_sender_zone(held_until, sender)}: press Send now, pick a time with Change time, or Cancel.")
    elif not plan.text.time_phrase:
        lines.append("I found no time in this, so it goes in their next working hours.")
    lines += [
        f"{'You get' if label == SELF else label + ' gets'} this {in_both_zones(held_until or plan.resolution.deliver_at, sender.tz)}.",
        f"Time: “{plan.text.time_phrase or 'their next working hours'}” → {plan.resolution.understood}",
        f"Message: “{plan.message}”",
    ]
    lines += [f"Note: {warning}" for warning in plan.warnings]
    lines.append(f"ID `{item_id}`")
    return "\n".join(lines)


def _in_sender_zone(moment: datetime, sender: User) -> str:
    try:
        return f"{moment.astimezone(zone_for(sender.tz)):%H:%M} your time" if sender.tz else f"{moment:%H:%M %Z}"
    except UnknownZone:
        return f"{moment:%H:%M %Z}"
