"""Teams activities → bot.model events."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.commands import split_command
from bot.model import (
    ActionClicked,
    CommandInvoked,
    Conversation,
    DialogSubmitted,
    Event,
    Installed,
    Mentioned,
    Message,
    MessagePosted,
    User,
)

_AT_TAG = re.compile(r"<at\b[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]+>")


def split_conversation_id(conversation_id: str) -> tuple[str, str | None]:
    """`19:x@thread.tacv2;messageid=17` → (`19:x@thread.tacv2`, `17`): channel and reply-chain root."""
    channel, _, root = conversation_id.partition(";messageid=")
    return channel, root or None


def conversation(activity: Activity) -> Conversation:
    conv = activity.conversation
    channel_id, root = split_conversation_id(conv.id)
    is_channel = (conv.conversation_type or "") == "channel" or root is not None
    return Conversation(
        platform="teams",
        workspace_id=tenant_id(activity),
        channel_id=channel_id,
        # A chat is one long thread; in a channel the reply chain is the thread.
        thread_id=root if is_channel else channel_id,
        # Teams always says which kind; a reply-chain id alone still means a channel, never a 1:1.
        is_direct=not is_channel and (conv.conversation_type or "personal") == "personal",
        ref=_reference(activity),
    )


TEAM_GROUP_KEY = "teamAadGroupId"  # kept beside the conversation reference: Graph names teams by it


def _reference(activity: Activity) -> dict[str, Any]:
    reference = TurnContext.get_conversation_reference(activity).serialize()
    group = (channel_data(activity).get("team") or {}).get("aadGroupId")
    return {**reference, TEAM_GROUP_KEY: group} if group else reference


def team_of(activity: Activity) -> str | None:
    """The Teams team a channel activity belongs to (its id is its General channel's id)."""
    return (channel_data(activity).get("team") or {}).get("id")


def channel_data(activity: Activity) -> dict[str, Any]:
    """Teams' channelData, or {} when a client sent something that is not an object."""
    return activity.channel_data if isinstance(activity.channel_data, dict) else {}


def tenant_id(activity: Activity) -> str:
    tenant = channel_data(activity).get("tenant")
    from_data = tenant.get("id") if isinstance(tenant, dict) else None
    return from_data or activity.conversation.tenant_id or "default"


def _mentions(activity: Activity) -> list[dict[str, Any]]:
    """The `mention` entities as plain dicts (msrest keeps their fields as additional properties)."""
    found = []
    for entity in activity.entities or []:
        props = entity.additional_properties or {}
        if entity.type == "mention" and isinstance(props.get("mentioned"), dict):
            found.append(props)
    return found


def bot_mentioned(activity: Activity) -> bool:
    recipient = activity.recipient.id if activity.recipient else None
    return any(m["mentioned"].get("id") == recipient for m in _mentions(activity))


def mentioned_people(activity: Activity) -> tuple[str, ...]:
    """Ids of everyone mentioned except the bot itself."""
    recipient = activity.recipient.id if activity.recipient else None
    ids = [m["mentioned"].get("id") for m in _mentions(activity)]
    return tuple(dict.fromkeys(i for i in ids if i and i != recipient))


@dataclass(frozen=True)
class MentionNames:
    """How mentions read in a message's text (`<at>Name</at>`), split by who is mentioned."""

    bot: frozenset[str] = frozenset()  # the bot itself: dropped from the text
    channels: frozenset[str] = frozenset()  # a whole team or channel (ids `19:…`): like Slack's @channel
    people: dict[str, str] = field(default_factory=dict)  # everyone else, name → id


def mention_names(activity: Activity) -> MentionNames:
    recipient = activity.recipient.id if activity.recipient else None
    bot, channels, people = set(), set(), {}
    for mention in _mentions(activity):
        mentioned = str(mention["mentioned"].get("id") or "")
        names = _AT_TAG.findall(mention.get("text") or "") + [mention["mentioned"].get("name") or ""]
        for name in filter(None, (n.strip() for n in names)):
            if mentioned == recipient:
                bot.add(name)
            elif mentioned.startswith("19:"):
                channels.add(name)
            elif mentioned:
                people[name] = mentioned
    return MentionNames(frozenset(bot), frozenset(channels), people)


def plain_text(text: str | None, names: MentionNames = MentionNames(), with_ids: bool = False) -> str:
    """Drop the bot's own `<at>` mention, keep other people as `@Name`, strip HTML and entities.

    With `with_ids`, a mentioned person becomes `<@id|Name>` instead, the same token a Slack command
    carries, so a command like `later @Ken …` knows exactly whom it names.
    """

    def mention(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name in names.bot:
            return ""
        if name in names.channels:
            return "@channel"  # a team or channel mention notifies everyone, like Slack's @channel
        if with_ids and name in names.people:
            return f"\x02{names.people[name]}|{name}\x03"  # survives the HTML stripping, then `<@id|Name>`
        return f"@{name}"

    text = _AT_TAG.sub(mention, text or "")
    text = " ".join(html.unescape(_HTML_TAG.sub(" ", text)).split())
    return text.replace("\x02", "<@").replace("\x03", ">")


def message(activity: Activity, names: MentionNames | None = None) -> Message:
    sender = activity.from_property
    return Message(
        id=activity.id or "",
        author=User(id=sender.id, name=sender.name or ""),
        text=plain_text(activity.text, names or mention_names(activity)),
        sent_at=activity.timestamp or datetime.now(timezone.utc),
        conversation=conversation(activity),
        mentions=mentioned_people(activity),
        broadcast=any(str(m["mentioned"].get("id") or "").startswith("19:") for m in _mentions(activity)),
    )


def client_time_zone(activity: Activity) -> str | None:
    """Teams clients send their IANA zone (`clientInfo` entity, `localTimezone`): the best we know without Graph."""
    for entity in activity.entities or []:
        if entity.type == "clientInfo" and (entity.additional_properties or {}).get("timezone"):
            return entity.additional_properties["timezone"]
    return activity.local_timezone or None


_SUBMIT_KEYS = {"action", "value", "state", "msteams"}


def _is_form(data: dict) -> bool:
    """A card with inputs submits them beside our `action`; a plain button submits only action/value."""
    return "action" in data and "state" in data


def form_submitted(activity: Activity, data: dict) -> DialogSubmitted:
    """A form card's submit (in a chat, or from a message extension's task module)."""
    return DialogSubmitted(
        callback_id=str(data.get("action", "")),
        values={k: str(v) for k, v in data.items() if k not in _SUBMIT_KEYS},
        user=_sender(activity),
        conversation=conversation(activity),
        state=str(data.get("state", "")),
    )


# Message extension command ids (manifests/teams/manifest.json) → the skill's action id.
EXTENSION_ACTIONS = {"sendLater": "later_message_shortcut"}


def extension_action(activity: Activity, action) -> ActionClicked:
    """An action on a message ("Send later"): the value is that message's text."""
    payload = action.message_payload
    body = payload.body.content if payload is not None and payload.body is not None else ""
    return ActionClicked(
        action_id=EXTENSION_ACTIONS.get(action.command_id or "", action.command_id or ""),
        value=plain_text(body),
        user=_sender(activity),
        conversation=conversation(activity),
    )


def _sender(activity: Activity) -> User:
    sender = activity.from_property
    return User(id=sender.id, name=sender.name or "", tz=client_time_zone(activity))


def installed(activity: Activity) -> Installed:
    """The bot was added here: a personal or group chat, or a team (its General channel's top level)."""
    return Installed(user=_sender(activity), conversation=replace(conversation(activity), thread_id=None))


def message_event(activity: Activity) -> Event:
    """A message is for the bot when it mentions it or is in a 1:1 chat; a card submit is a click."""
    where = conversation(activity)
    user = _sender(activity)
    if isinstance(activity.value, dict) and not activity.text and _is_form(activity.value):
        return form_submitted(activity, activity.value)
    if isinstance(activity.value, dict) and not activity.text:
        value = activity.value.get("value", "")
        return ActionClicked(
            action_id=str(activity.value.get("action", "")),
            value=value if isinstance(value, str) else json.dumps(value),
            user=user,
            conversation=where,
            origin=activity.reply_to_id,  # the card the button was on
        )
    names = mention_names(activity)
    msg = message(activity, names)
    if not (where.is_direct or bot_mentioned(activity)):
        return MessagePosted(message=msg)
    command = split_command(plain_text(activity.text, names, with_ids=True))
    if command:
        return CommandInvoked(command=command[0], text=command[1], user=user, conversation=where)
    return Mentioned(message=msg, text=msg.text)
