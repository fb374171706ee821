"""Reading a Slack thread file (a JSON list of messages, or `{"messages": [...], "users": {id: name}}`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from skills.summarize.utterance import Utterance, count_agreement

# Messages that are not someone speaking.
_SKIPPED_SUBTYPES = frozenset({
    "channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "message_deleted",
    "tombstone", "group_join", "group_leave", "pinned_item", "unpinned_item", "reminder_add",
})
_SLACK_USER = re.compile(r"<@([A-Z0-9]+)>")


class ThreadFileError(ValueError):
    """The file is not a Slack thread we can read; the message says why."""


def load_slack_thread(path: Path) -> list[Utterance]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ThreadFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ThreadFileError(f"{path}: cannot read ({error})") from None
    except json.JSONDecodeError as error:
        raise ThreadFileError(f"{path}: not JSON ({error.msg} at line {error.lineno})") from None
    try:
        return parse_slack_thread(data)
    except ThreadFileError as error:
        raise ThreadFileError(f"{path}: {error}") from None


def parse_slack_thread(data) -> list[Utterance]:
    """Utterances in time order; edits use the final text, deletions and joins are dropped, bots are flagged."""
    users: dict = {}
    if isinstance(data, dict):
        messages = data.get("messages")
        users = data.get("users") or {}
        if not isinstance(users, dict):
            raise ThreadFileError('"users" must map user ids to names')
    else:
        messages = data
    if not isinstance(messages, list):
        raise ThreadFileError('expected a JSON list of messages or an object with "messages"')
    names = {uid: _user_name(uid, value) for uid, value in users.items()}
    bots = {uid for uid, value in users.items() if isinstance(value, dict) and value.get("is_bot")}

    def named(mention: re.Match) -> str:
        uid = mention.group(1)
        return f"<@{uid}|{names[uid]}>" if uid in names else mention.group(0)

    out = []
    for position, message in enumerate(messages):
        if not isinstance(message, dict):
            raise ThreadFileError(f"message {position} is not an object")
        if message.get("subtype") == "message_changed" and isinstance(message.get("message"), dict):
            message = {**message["message"], "ts": message["message"].get("ts", message.get("ts"))}
        if message.get("subtype") in _SKIPPED_SUBTYPES or message.get("hidden"):
            continue
        text = message.get("text")
        if not isinstance(text, str):
            raise ThreadFileError(f"message {position} has no text")
        user = message.get("user") or message.get("bot_id") or message.get("username")
        if not user:
            raise ThreadFileError(f"message {position} has no user")
        is_bot = bool(message.get("bot_id")) or message.get("subtype") == "bot_message" or user in bots
        speaker = names.get(user) or (message.get("user_profile") or {}).get("real_name") or message.get("username") or user
        if "<@" in text:  # most messages mention nobody
            text = _SLACK_USER.sub(named, text)
        reactions = message.get("reactions")
        out.append(Utterance(
            id=str(message["ts"]) if "ts" in message else f"#{position}",
            speaker=str(speaker),
            text=text,
            is_bot=is_bot,
            agreement=count_agreement(reactions, user) if reactions else 0,  # most messages have none
            link=message.get("permalink"),
        ))
    keys = [_ts_key(u.id) for u in out]
    if None not in keys:  # Slack's ts orders a thread; without it, keep the file's order
        out = [u for _, u in sorted(zip(keys, out), key=lambda pair: pair[0])]
    return out


def _user_name(uid: str, value) -> str:
    if isinstance(value, dict):
        profile = value.get("profile") or {}
        return str(profile.get("display_name") or value.get("real_name") or profile.get("real_name")
                   or value.get("name") or uid)
    return str(value) if value else uid


def _ts_key(ts: str) -> float | None:
    try:
        return float(ts)
    except ValueError:
        return None
