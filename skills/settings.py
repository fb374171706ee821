"""`settings`: quiet mode and the time zone of a channel (its admins), and a person's own nudges.

The Slack App Home shows the same, and lets admins switch channels' weekly digests on and off.

`@etiquette settings` on Slack, `settings` to the bot on Teams. Values live in the store's settings
table, where the nudge and send-later skills read them.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.actions import Action, Button, PublishHome, Section, answer_privately
from bot.commands import SLACK_BOT_NAME
from bot.context import Context
from bot.digests import DigestSchedules
from bot.model import (
    ActionClicked,
    CommandInvoked,
    Conversation,
    Event,
    HomeOpened,
    User,
)
from skills.digest.handler import DAYS, DEFAULT_DAY, DEFAULT_TIME, channel_zone
from skills.later.zones import UnknownZone, to_iana
from skills.permissions import managers, may_change_channel
from skills.threads.nudges import KINDS

log = logging.getLogger(__name__)
USAGE = (
    "`settings` shows this channel's settings and yours. Channel (admins): `settings quiet on|off` "
    "(no nudges here), `settings tz Europe/Berlin` (the channel's time zone for send-later). "
    "`settings forget messages` (admins) deletes the messages the bot stored from this channel. "
    "Yours: `settings nudges on|off` (all nudges, everywhere in this workspace)."
)


def usage(platform: str) -> str:
    """USAGE as typed on the platform: Slack has no `/settings`, so it follows a mention there."""
    return USAGE.replace("`settings", f"`@{SLACK_BOT_NAME} settings") if platform == "slack" else USAGE


def wants(event: Event) -> bool:
    return isinstance(event, CommandInvoked) and event.command == "settings"


def wants_home(event: Event) -> bool:
    return isinstance(event, HomeOpened) or (isinstance(event, ActionClicked) and event.action_id.startswith("settings_"))


def _on_off(word: str) -> bool | None:
    return {"on": True, "off": False}.get(word.lower())


async def handle(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, CommandInvoked)
    where, store = event.conversation, context.store
    key = (where.platform, where.workspace_id)
    channel = f"channel:{where.channel_id}"
    me = f"user:{event.user.id}"
    words = event.text.split()
    if not words:
        here, own = await store.settings_of(*key, channel), await store.settings_of(*key, me)
        quiet, zone = here.get("quiet", False), here.get("tz")
        mine = [k for k in KINDS if own.get(f"no_nudge:{k}", False)]
        kept = await store.messages.count(where)
        return [answer_privately(event, "\n".join([
            f"This channel: nudges {'off (quiet mode)' if quiet else 'on'}; time zone {zone or 'from its members'}.",
            f"Stored from this channel: {kept} message{'s' * (kept != 1)} (for summaries and digests, "
            f"kept {context.settings.message_retention_days:g} days).",
            f"You: {'no reminders about ' + ', '.join(mine) if mine else 'all nudges on'}.",
            usage(where.platform),
        ]))]
    what, value = words[0].lower(), " ".join(words[1:])
    if what == "nudges" and _on_off(value) is not None:
        for kind in KINDS:
            await store.set_setting(*key, me, f"no_nudge:{kind}", not _on_off(value))
        return [answer_privately(event, f"Your nudges are {value.lower()}.")]
    if what in ("quiet", "tz", "forget"):
        if where.is_direct:
            return [answer_privately(event, "Channel settings are changed in the channel itself.")]
        if not await may_change_channel(event, context):
            return [answer_privately(event, f"Only {managers(event)} can change a channel's settings.")]
        if what == "forget" and value.lower() == "messages":
            removed = await store.messages.forget_channel(where)
            return [answer_privately(event, f"Deleted the {removed} message{'s' * (removed != 1)} I had stored from "
                                            "this channel. New messages are stored again as they come; to stop that, "
                                            "remove me from the channel.")]
        if what == "quiet" and _on_off(value) is not None:
            await store.set_setting(*key, channel, "quiet", _on_off(value))
            return [answer_privately(event, f"Quiet mode is {value.lower()} for this channel.")]
        if what == "tz" and value:
            try:
                zone = to_iana(value)
            except UnknownZone:
                return [answer_privately(event, f"I don't know the time zone “{value}”; try e.g. Europe/Berlin.")]
            await store.set_setting(*key, channel, "tz", zone)
            return [answer_privately(event, f"This channel's time zone is now {zone}." + await _move_digest(
                replace(where, thread_id=None), zone, context))]
    return [answer_privately(event, f"I didn't understand “{event.text}”. {usage(where.platform)}")]


async def handle_home(event: Event, context: Context) -> list[Action]:
    """The Slack App Home tab: your nudges, and (for admins) which channels are quiet."""
    assert isinstance(event, (HomeOpened, ActionClicked))
    where, store, user = event.conversation, context.store, event.user
    key = (where.platform, where.workspace_id)
    admin = await may_change_channel(event, context)
    notice = ""
    if isinstance(event, ActionClicked):
        if event.action_id == "settings_nudges" and _on_off(event.value) is not None:
            for kind in KINDS:
                await store.set_setting(*key, f"user:{user.id}", f"no_nudge:{kind}", not _on_off(event.value))
        elif event.action_id in ("settings_quiet", "settings_unquiet") and admin and event.value:
            await store.set_setting(*key, f"channel:{event.value}", "quiet", event.action_id == "settings_quiet")
        elif event.action_id in ("settings_digest_on", "settings_digest_off") and admin and event.value:
            notice = await _switch_digest(Conversation(*key, event.value), event.action_id == "settings_digest_on",
                                          user, context)
    return [await home(user, Conversation(where.platform, where.workspace_id, ""), context, admin, notice)]


async def _move_digest(channel: Conversation, zone: str, context: Context) -> str:
    """A channel's weekly digest keeps its day and time, now in the channel's new zone."""
    moved = await DigestSchedules(context.store).move(channel, zone)
    if moved is None:
        return ""
    return f" The weekly digest follows: every {DAYS[moved.weekday].title()} {moved.at_time} ({zone})."


async def _switch_digest(channel: Conversation, on: bool, user: User, context: Context) -> str:
    """The App Home's switch: on is `/digest on` (Monday 09:00 in the channel's zone), off is `/digest off`.

    Returns what the home tab should say when it could not: a digest the bot cannot read is never sent.
    """
    schedules = DigestSchedules(context.store)
    if not on:
        await schedules.turn_off(channel)
        return ""
    try:
        await context.platform.channel_history(channel, context.now(), limit=1)  # can the bot read it?
        zone = await channel_zone(channel, context, user)
    except Exception:
        log.info("digest not turned on: the channel cannot be read")
        return f"I can't read <#{channel.channel_id}>: add me to it (`/invite @Async Etiquette`), then pick it again."
    await schedules.turn_on(channel, DEFAULT_DAY, DEFAULT_TIME, zone, context.now())
    return ""


async def home(user: User, where: Conversation, context: Context, admin: bool, notice: str = "") -> PublishHome:
    key = (where.platform, where.workspace_id)
    own = await context.store.settings_of(*key, f"user:{user.id}")
    muted = [k for k in KINDS if own.get(f"no_nudge:{k}", False)]
    quiet = sorted(scope.removeprefix("channel:") for scope, on in
                   (await context.store.scopes_with(*key, "quiet")).items() if on)
    toggle = Button("Turn my nudges on", "settings_nudges", "on") if muted else Button(
        "Turn my nudges off", "settings_nudges", "off")
    sections = [Section("Your nudges", (f"Off for: {', '.join(muted)}" if muted else "All on",))]
    buttons = (toggle,)
    pickers: tuple[Button, ...] = ()
    if admin:
        digests = await DigestSchedules(context.store).in_workspace(*key)
        sections.append(Section("Quiet channels (no nudges)", tuple(f"<#{c}>" for c in quiet) or ("none",)))
        sections.append(Section("Weekly digests", tuple(
            f"<#{d.conversation.channel_id}> every {DAYS[d.weekday].title()} {d.at_time} ({d.tz})" for d in digests
        ) or ("none (`/digest on` in a channel, or pick one below)",)))
        buttons += tuple(Button(f"Un-quiet #{c}", "settings_unquiet", c) for c in quiet[:10])
        buttons += tuple(Button(f"Stop the digest of #{d.conversation.channel_id}", "settings_digest_off",
                                d.conversation.channel_id) for d in digests[:10])
        pickers = (Button("Make a channel quiet:", "settings_quiet"),
                   Button("Send a channel a weekly digest (Monday 09:00 its time):", "settings_digest_on"))
    return PublishHome(
        user=user, conversation=where,
        text=(f"⚠️ {notice}\n\n" if notice else "") + "*Async Etiquette* — threads, send-later, summaries. "
        + usage(where.platform),
        sections=tuple(sections), buttons=buttons, channel_pickers=pickers,
    )
