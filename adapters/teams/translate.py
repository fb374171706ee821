"""Teams activities → bot.model events."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.commands import split_command
from bot.model import ActionClicked, CommandInvoked, Conversation, Event, Mentioned, Message, MessagePosted, User

_AT_TAG = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
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
        is_direct=(conv.conversation_type or "personal") == "personal",
        ref=TurnContext.get_conversation_reference(activity).serialize(),
    )


def tenant_id(activity: Activity) -> str:
    data = activity.channel_data or {}
    return (data.get("tenant") or {}).get("id") or activity.conversation.tenant_id or "default"


def bot_mentioned(activity: Activity) -> bool:
    recipient = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        if entity.type == "mention" and mentioned.get("id") == recipient:
            return True
    return False


def plain_text(text: str | None) -> str:
    text = _AT_TAG.sub("", text or "")
    return " ".join(_HTML_TAG.sub(" ", text).split())


def message(activity: Activity) -> Message:
    sender = activity.from_property
    return Message(
        id=activity.id or "",
        author=User(id=sender.id, name=sender.name or ""),
        text=plain_text(activity.text),
        sent_at=activity.timestamp or datetime.now(timezone.utc),
        conversation=conversation(activity),
    )


def message_event(activity: Activity) -> Event:
    """A message is for the bot when it mentions it or is in a 1:1 chat; a card submit is a click."""
    where = conversation(activity)
    user = User(id=activity.from_property.id, name=activity.from_property.name or "")
    if isinstance(activity.value, dict) and not activity.text:
        value = activity.value.get("value", "")
        return ActionClicked(
            action_id=str(activity.value.get("action", "")),
            value=value if isinstance(value, str) else json.dumps(value),
            user=user,
            conversation=where,
        )
    msg = message(activity)
    if not (where.is_direct or bot_mentioned(activity)):
        return MessagePosted(message=msg)
    command = split_command(msg.text)
    if command:
        return CommandInvoked(command=command[0], text=command[1], user=user, conversation=where)
    return Mentioned(message=msg, text=msg.text)
