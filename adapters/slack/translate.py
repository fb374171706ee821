"""Slack payloads → bot.model events."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any

from adapters.slack.messages import Skipped, content, is_bot_post, is_broadcast, mentions, read_message
from bot.commands import split_command
from bot.messages import Change, Deleted, Edited, Reacted, Received
from bot.model import (
    ActionClicked,
    CommandInvoked,
    Conversation,
    DialogSubmitted,
    Event,
    FileInfo,
    HomeOpened,
    Installed,
    Mentioned,
    Message,
    MessagePosted,
    User,
)


def ts_to_datetime(ts: str) -> datetime:
    return datetime.fromtimestamp(float(ts), timezone.utc)


def strip_mention(text: str, bot_user_id: str | None) -> str:
    if bot_user_id:
        text = re.sub(rf"<@{bot_user_id}(?:\|[^>]*)?>", "", text)
    return " ".join(text.split())


def conversation(team_id: str, channel_id: str, thread_ts: str | None = None) -> Conversation:
    return Conversation(
        platform="slack",
        workspace_id=team_id,
        channel_id=channel_id,
        thread_id=thread_ts,
        is_direct=channel_id.startswith("D"),
    )


def message(event: dict[str, Any], team_id: str, author: User | None = None) -> Message:
    """A Slack message (event, history or export shape) → Message; its text is what it says (see `read_message`).

    Raises `ValueError` for a message `read_message` skips; callers that meet every kind use `speech`.
    """
    read = read_message(event)
    if isinstance(read, Skipped):
        raise ValueError(read.reason)
    return from_read(read, team_id, author)


def from_read(read: dict[str, Any], team_id: str, author: User | None = None, link: str | None = None,
              channel: str | None = None) -> Message:
    """A message `read_message` returned → Message; `author` when the caller knows more than an id; `channel`
    where the message does not say (history and replies leave it out)."""
    return Message(
        id=read["ts"],
        author=author or User(id=read["user"], is_bot=is_bot_post(read)),
        text=read["text"],
        sent_at=ts_to_datetime(read["ts"]),
        conversation=conversation(team_id, channel or read.get("channel") or "", read.get("thread_ts")),
        mentions=mentions(read["text"]),
        link=link,
        reply_count=int(read.get("reply_count") or 0),
        broadcast=is_broadcast(read["text"]),
        reactions=reactions(read),
        files=message_files(read),
    )


def reactions(item: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    return tuple((r["name"], int(r.get("count") or 0)) for r in item.get("reactions") or ()
                 if isinstance(r, dict) and r.get("name"))


def message_files(item: dict[str, Any]) -> tuple[FileInfo, ...]:
    """What was shared, never its content (nor where it lives): name, type and size."""
    return tuple(FileInfo(str(f.get("name") or f.get("title") or ""), str(f.get("mimetype") or ""),
                          int(f.get("size") or 0))
                 for f in item.get("files") or () if isinstance(f, dict))


def stored_changes(body: dict[str, Any]) -> list[Change]:
    """What a message or reaction event changes in the message store (nothing for joins, topics...)."""
    event, team = body["event"], team_of(body)
    if event.get("type") in ("reaction_added", "reaction_removed"):
        item = event.get("item") or {}
        if item.get("type") != "message" or not item.get("channel") or not item.get("ts"):
            return []
        delta = 1 if event["type"] == "reaction_added" else -1
        return [Reacted(conversation(team, item["channel"]), str(item["ts"]), str(event.get("reaction", "")), delta)]
    channel = event.get("channel")
    if not channel:
        return []
    subtype = event.get("subtype")
    if subtype == "message_deleted" and event.get("deleted_ts"):
        return [Deleted(conversation(team, channel), str(event["deleted_ts"]))]
    if subtype == "message_changed" and (event.get("message") or {}).get("subtype") == "tombstone":
        return [Deleted(conversation(team, channel), str(event["message"].get("ts")))]  # a root deleted under replies
    read = read_message(event)
    if isinstance(read, Skipped):
        return []
    message = from_read(read, team, channel=channel)
    if subtype == "message_changed":
        edited = (read.get("edited") or {}).get("ts")
        return [Edited(message, ts_to_datetime(edited) if edited else None)]
    return [Received(message)]


def team_of(body: dict[str, Any]) -> str:
    """The workspace a payload is for: in a shared channel an event's `team_id` may be the other
    organisation's, and `authorizations` names the installation it reached (as Bolt reads it)."""
    installed = (body.get("authorizations") or [{}])[0].get("team_id")
    return installed or body.get("team_id") or (body.get("team") or {}).get("id") or ""


def app_mention(body: dict[str, Any], bot_user_id: str | None) -> Mentioned | CommandInvoked:
    """`@etiquette later ...` is the same command as `/later ...`; anything else is a mention."""
    event = body["event"]
    msg = message(event, team_of(body))
    text = strip_mention(msg.text, bot_user_id)
    command = split_command(text)
    if command:
        return CommandInvoked(command=command[0], text=command[1], user=msg.author,
                              conversation=msg.conversation.in_thread(msg.conversation.thread_id or msg.id))
    return Mentioned(message=msg, text=text)


def channel_message(body: dict[str, Any]) -> MessagePosted | None:
    """A channel message someone posted, or None for what is not speech (joins, tombstones, bad shapes)."""
    read = read_message(body["event"])
    if isinstance(read, Skipped):
        return None
    return MessagePosted(message=from_read(read, team_of(body)))


def slash_command(body: dict[str, Any]) -> CommandInvoked:
    return CommandInvoked(
        command=body["command"].lstrip("/"),
        text=body.get("text", ""),
        user=User(id=body["user_id"], name=body.get("user_name", "")),
        conversation=conversation(body["team_id"], body["channel_id"]),
        trigger_id=body.get("trigger_id"),
    )


def block_action(body: dict[str, Any]) -> ActionClicked:
    action = body["actions"][0]
    container = body.get("container") or {}
    value = action.get("value") or action.get("selected_conversation") or ""
    channel_id = (body.get("channel") or {}).get("id") or container.get("channel_id", "")
    return ActionClicked(
        action_id=action["action_id"],
        value=value,
        user=User(id=body["user"]["id"], name=body["user"].get("name", "")),
        conversation=conversation(
            team_of(body), channel_id, container.get("thread_ts") or container.get("message_ts")
        ),
        trigger_id=body.get("trigger_id"),
        origin=body.get("response_url"),  # also reaches ephemeral messages, which chat.update cannot
    )


def home_opened(body: dict[str, Any]) -> HomeOpened:
    return HomeOpened(user=User(id=body["event"]["user"]), conversation=conversation(team_of(body), ""))


def met(team_id: str, user_id: str) -> Installed:
    """A person met the bot (installed it, or opened its home): the welcome goes to their DM with it."""
    where = Conversation(platform="slack", workspace_id=team_id, channel_id=user_id, is_direct=True)
    return Installed(user=User(id=user_id), conversation=where)


def message_shortcut(body: dict[str, Any]) -> ActionClicked:
    """"Send later…" on a message: the value is what it says (its text, else its blocks, attachments or files)."""
    message = body.get("message") or {}
    return ActionClicked(
        action_id=body["callback_id"],
        value=content(message),
        user=User(id=body["user"]["id"], name=body["user"].get("name", "")),
        conversation=conversation(team_of(body), (body.get("channel") or {}).get("id", ""), message.get("thread_ts")),
        trigger_id=body.get("trigger_id"),
    )


def view_submission(body: dict[str, Any]) -> DialogSubmitted:
    """A modal we opened was submitted; where it came from travels in private_metadata."""
    view = body["view"]
    origin = json.loads(view.get("private_metadata") or "{}")
    values = {
        action_id: (field.get("value") or field.get("selected_user") or "")
        for block in view["state"]["values"].values()
        for action_id, field in block.items()
    }
    return DialogSubmitted(
        callback_id=view["callback_id"],
        values=values,
        user=User(id=body["user"]["id"], name=body["user"].get("name", "")),
        conversation=conversation(team_of(body), origin.get("channel", ""), origin.get("thread")),
        state=origin.get("state", ""),
    )


# Changes to messages already seen: not a new post (what is not speech at all, `channel_message` drops).
_NOT_NEW_POSTS = {"message_changed", "message_deleted", "message_replied"}
UNINSTALL_EVENTS = ("app_uninstalled", "tokens_revoked")
STORED_EVENTS = ("app_mention", "message", "reaction_added", "reaction_removed")


def removes_the_bot(body: dict[str, Any]) -> bool:
    """An uninstall event that ends the bot in its workspace: `app_uninstalled`, or `tokens_revoked` naming
    the bot's token (one naming only people's own tokens, `tokens.oauth`, leaves the bot installed)."""
    event = body["event"]
    return event["type"] == "app_uninstalled" or bool((event.get("tokens") or {}).get("bot"))


def events_of(body: dict[str, Any], bot_user_id: str | None) -> list[Event]:
    """The events a Slack payload brings; none when it asks nothing of us (apps' posts, edits, other tabs...).

    Pure, so it runs before the ack (a payload it cannot read is refused there) and again when the
    inbox redoes the work. Raises KeyError/TypeError/ValueError on a payload of the wrong shape.
    """
    kind = body.get("type")
    if kind == "event_callback":
        event = body["event"]
        if event["type"] == "app_mention":
            return [app_mention(body, bot_user_id)]
        if event["type"] == "message":
            if event.get("subtype") in _NOT_NEW_POSTS:
                return []
            posted = channel_message(body)
            if posted is None or posted.message.author.is_bot:
                return []  # joins, tombstones, apps' posts: nobody to nudge
            if bot_user_id and f"<@{bot_user_id}" in posted.message.text:
                return []  # the app_mention event carries this one
            return [posted]
        if event["type"] == "app_home_opened":
            home = [home_opened(body)] if event.get("tab", "home") == "home" else []
            return [*home, met(team_of(body), event["user"])]
        return []
    if "command" in body:
        return [slash_command(body)]
    if kind == "block_actions":
        return [block_action(body)]
    if kind in ("message_action", "shortcut"):
        return [message_shortcut(body)]
    if kind == "view_submission":
        return [view_submission(body)]
    return []
