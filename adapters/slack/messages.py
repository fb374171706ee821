"""Slack messages as they really come (events, history, exports): one tolerant reader for the bot and the offline tools.

Slack's message shapes vary a lot: a file upload has no `text`, a bot's post may hold its words only in
`blocks` or `attachments`, a deleted thread root stays as a `tombstone`, a 2016 export names integrations
by `username` alone. `read_message` turns any of them into one regular shape, or says why it is skipped,
so the live adapter, `summarize`, `analyze` and `digest` all agree on what a message is and who said it.
"""

from __future__ import annotations

import re
from typing import Any

import regex

from bot.message_reader import Skipped
from bot.model import User

# Every message subtype in Slack's documentation (docs.slack.dev/reference/events/message and its
# subtype pages), and what it is to us: None for words someone (or an app) posted, else why it is skipped.
SUBTYPES: dict[str, str | None] = {
    "assistant_app_thread": None,  # the root of a chat with an AI app: what the person asked
    "bot_message": None,  # an integration's post: read, but never counted as a person
    "file_share": None,  # a file shared, with or without words
    "me_message": None,  # `/me waves`: the person's own words
    "reply_broadcast": None,  # older exports' name for thread_broadcast
    "slackbot_response": None,  # a workspace's custom Slackbot answer: a bot's post
    "thread_broadcast": None,  # a thread reply also sent to the channel: a reply, posted once
    "message_changed": None,  # an edit: read as the message it now is (see `read_message`)
    "app_conversation_leave": "an app left the conversation",
    "bot_add": "an app was added to the channel",
    "bot_disable": "an app was disabled",
    "bot_enable": "an app was enabled",
    "bot_remove": "an app was removed from the channel",
    "channel_archive": "the channel was archived",
    "channel_canvas_updated": "the channel canvas was updated",
    "channel_convert_to_private": "the channel was made private",
    "channel_convert_to_public": "the channel was made public",
    "channel_join": "someone joined the channel",
    "channel_leave": "someone left the channel",
    "channel_name": "the channel was renamed",
    "channel_posting_permissions": "the channel's posting permissions changed",
    "channel_purpose": "the channel's description changed",
    "channel_topic": "the channel's topic changed",
    "channel_unarchive": "the channel was unarchived",
    "document_mention": "a canvas was mentioned",
    "ekm_access_denied": "its content was withheld by the workspace's key management",
    "emoji_changed": "a custom emoji changed",
    "file_comment": "a comment on a file (Slack's legacy file comments), not a channel message",
    "file_mention": "a file was mentioned, with no words of its own",
    "group_archive": "the private channel was archived",
    "group_join": "someone joined the private channel",
    "group_leave": "someone left the private channel",
    "group_name": "the private channel was renamed",
    "group_purpose": "the private channel's description changed",
    "group_topic": "the private channel's topic changed",
    "group_unarchive": "the private channel was unarchived",
    "huddle_thread": "a huddle's record, not words",
    "joiner_notification": "a notice that someone joined",
    "joiner_notification_for_inviter": "a notice that someone you invited joined",
    "message_deleted": "it was deleted",
    "message_replied": "a notice that a thread got a reply (the reply comes on its own)",
    "pinned_item": "an item was pinned",
    "reminder_add": "a reminder was set",
    "share_shortcut": "a workflow shortcut was shared",
    "sh_room_created": "a huddle started",
    "tabbed_canvas_updated": "a canvas tab was updated",
    "tombstone": "a deleted thread root, kept only to hold its replies",
    "unpinned_item": "an item was unpinned",
}
# Subtypes whose author is an app, whatever `user` says.
BOT_SUBTYPES = frozenset({"bot_message", "slackbot_response"})
SLACKBOT = "USLACKBOT"
# Slack truncates a message's text beyond 40,000 characters (api.slack.com/changelog/2018-04-truncating-
# really-long-messages); the reader does the same, so a hand-made 10 MB "message" costs what a real one can.
MAX_TEXT = 40_000

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
# The words Slack itself writes for a join or a leave. Logs kept by tools that keep only `ts`, `user` and
# `text` (haskell-jp's public log, for one) lose the subtype, and these would read as the person speaking.
_MEMBERSHIP_NOTICE = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?> has (joined|left) the (?:channel|group)")
_BROADCAST = re.compile(r"<!(?:channel|here|everyone)(?:\|[^>]*)?>")
_UNUSABLE_FILES = frozenset({"tombstone", "hidden_by_limit"})
_GRAPHEME = regex.compile(r"\X")


def read_message(raw: Any) -> dict | Skipped:
    """The message in Slack's own shape, made regular, or why it is skipped.

    The result always has a numeric `ts` (str), a `user` (the author: a person's id, else the app's
    bot id or name), a `text` (str, what the message says: its `text`, else its blocks, attachments or
    files' titles), and a `bot_id` when an app posted it (see `is_bot_post`). An edit
    (`message_changed`) is read as the message it now is. Everything else is kept as Slack sent it; a
    message already regular is returned as it is (not copied), so callers must not change it.
    """
    if type(raw) is dict:  # most messages: a person's plain words, answered in one pass (`_read_any`'s checks, in short)
        get = raw.get
        ts, user, text, thread_ts = get("ts"), get("user"), get("text"), get("thread_ts")
        if (type(ts) is str and type(user) is str and type(text) is str and get("subtype") is None
                and 0 < len(text) <= MAX_TEXT and user != SLACKBOT and (thread_ts is None or type(thread_ts) is str)
                and not get("hidden") and not get("bot_id") and not isinstance(get("bot_profile"), dict)
                and not text.isspace() and _numeric(ts) and not (text.startswith("<@") and _membership_notice(raw))):
            return raw
    return _read_any(raw)


def _read_any(raw: Any) -> dict | Skipped:
    """`read_message` without its one-pass answer for a plain message: every shape, step by step
    (`tests/test_slack_reader_paths.py` checks both give the same answer on every shape)."""
    if not isinstance(raw, dict):
        return Skipped("not a JSON object", bad=True)
    subtype = raw.get("subtype")
    if subtype == "message_changed":
        inner = raw.get("message")
        if not isinstance(inner, dict):
            return Skipped("an edit without the edited message", bad=True)
        raw = {**inner, "ts": inner.get("ts", raw.get("ts"))}
        subtype = raw.get("subtype")
        if subtype == "message_changed":
            return Skipped("an edit of an edit", bad=True)
    if subtype is not None and not isinstance(subtype, str):
        return Skipped("its subtype is not a string", bad=True)
    ts = raw.get("ts")
    if not _is_timestamp(ts):
        return Skipped('no numeric "ts"', bad=True)
    if subtype is not None:
        if subtype not in SUBTYPES:
            return Skipped(f"subtype {subtype!r} is not one Slack documents")
        if SUBTYPES[subtype] is not None:
            return Skipped(SUBTYPES[subtype])
    if raw.get("hidden"):
        return Skipped("hidden by Slack")
    if subtype is None and (notice := _membership_notice(raw)):
        return Skipped(notice)
    if _regular(raw, subtype, ts):
        return raw  # most messages: nothing to make regular, and a large export need not be copied
    message = dict(raw)
    message["ts"] = str(ts)
    if message.get("thread_ts") is not None:
        message["thread_ts"] = str(message["thread_ts"])
    bot = _is_app(raw)
    if bot and not message.get("bot_id"):
        message["bot_id"] = str(raw.get("app_id") or raw.get("username") or raw.get("user") or "integration")
    message["user"] = str(raw.get("user") or message.get("bot_id") or "") if bot else str(raw.get("user") or "")
    if not message["user"]:
        return Skipped("no author", bad=True)
    message["text"] = _within_limit(content(raw, bot))
    if not message["text"].strip():
        return Skipped("nothing to read (no text, blocks, attachments or files)")
    return message


def _membership_notice(raw: dict) -> str | None:
    """Why a message without a subtype is Slack's own join or leave notice for its author, else None."""
    text = raw.get("text")
    if not (isinstance(text, str) and text.startswith("<@") and " has " in text):
        return None
    match = _MEMBERSHIP_NOTICE.fullmatch(text.strip())
    if match is None or match.group(1) != raw.get("user"):
        return None
    return SUBTYPES["channel_join" if match.group(2) == "joined" else "channel_leave"]


def is_bot_post(message: dict) -> bool:
    """Whether an app posted a message `read_message` returned (users.json's `is_bot` is the caller's to add)."""
    return bool(message.get("bot_id")) or message.get("subtype") in BOT_SUBTYPES or message.get("user") == SLACKBOT


def is_broadcast(text: str) -> bool:
    """Whether Slack text notifies a whole channel: only Slack's own `<!channel>`, `<!here>`, `<!everyone>`."""
    return "<!" in text and bool(_BROADCAST.search(text))


def mentions(text: str) -> tuple[str, ...]:
    """User ids a Slack text mentions (`<@U…>`), in order."""
    return tuple(_MENTION.findall(text)) if "<@" in text else ()


def content(raw: dict, bot: bool = False) -> str:
    """What a message says: its `text`; else its blocks; else its attachments; else its files' titles.

    An app's attachments are its content even beside a short `text` ("Build failed" + the failure);
    a person's are link previews, read only when the message has nothing else.
    """
    text = raw.get("text")
    said = text if isinstance(text, str) and text.strip() else blocks_text(raw.get("blocks"))
    attached = attachments_text(raw.get("attachments"))
    if bot and attached and said:
        return f"{said}\n{attached}"
    return said or attached or files_text(raw.get("files"))


def blocks_text(blocks: Any) -> str:
    """The words of Block Kit blocks (rich text, sections, headers, context), in Slack's mrkdwn tokens."""
    if not isinstance(blocks, list):
        return ""
    out = []
    for block in blocks:
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "rich_text":
            out.append("\n".join(filter(None, (_rich(element) for element in _dicts(block.get("elements"))))))
        elif kind in ("section", "header", "markdown"):
            out.append(_text_object(block.get("text")) if kind != "markdown" else _str(block.get("text")))
            out += [_text_object(field) for field in _dicts(block.get("fields"))]
        elif kind == "context":
            out += [_text_object(element) for element in _dicts(block.get("elements"))]
    return "\n".join(part for part in out if part.strip())


def attachments_text(attachments: Any) -> str:
    """Legacy attachments' words: pretext, title, text and fields, else the fallback; link previews left out."""
    out = []
    for attachment in _dicts(attachments):
        if attachment.get("from_url") or attachment.get("original_url"):
            continue  # an unfurled link: the link is already in the text
        parts = [_str(attachment.get(key)) for key in ("pretext", "title", "text")]
        parts += [f"{_str(f.get('title'))}: {_str(f.get('value'))}".strip(": ") for f in _dicts(attachment.get("fields"))]
        parts.append(blocks_text(attachment.get("blocks")))
        words = "\n".join(part for part in parts if part.strip())
        out.append(words or _str(attachment.get("fallback")))
    return "\n".join(part for part in out if part.strip())


def files_text(files: Any) -> str:
    """A file-only message reads as its files' titles."""
    return ", ".join(
        title for f in _dicts(files)
        if f.get("mode") not in _UNUSABLE_FILES and (title := _str(f.get("title")) or _str(f.get("name")))
    )


def user_from_export(raw: dict) -> User:
    """A users.json entry (or users.info's `user`): display name, else real name, else handle; `tz`; bots flagged."""
    profile = raw.get("profile") if isinstance(raw.get("profile"), dict) else {}
    uid = str(raw["id"])
    name = profile.get("display_name") or raw.get("real_name") or profile.get("real_name") or raw.get("name") or uid
    return User(id=uid, name=str(name), tz=raw.get("tz") or None,
                is_bot=bool(raw.get("is_bot")) or uid == SLACKBOT)


def name_in_message(message: dict) -> str | None:
    """The author's name as the message itself carries it (`user_profile`, an app's `username` or `bot_profile`)."""
    profile = message.get("user_profile")
    if isinstance(profile, dict):
        name = profile.get("display_name") or profile.get("real_name") or profile.get("name")
        if name:
            return str(name)
    bot_profile = message.get("bot_profile")
    name = message.get("username") or (bot_profile.get("name") if isinstance(bot_profile, dict) else None)
    return str(name) if name else None


def _regular(raw: dict, subtype: str | None, ts: Any) -> bool:
    """A person's plain message with text within the limit: what `read_message` would return unchanged."""
    text, user, thread_ts = raw.get("text"), raw.get("user"), raw.get("thread_ts")
    return (subtype is None and type(ts) is str and type(user) is str and user != SLACKBOT and type(text) is str
            and 0 < len(text) <= MAX_TEXT and not text.isspace() and (thread_ts is None or type(thread_ts) is str)
            and not raw.get("bot_id") and not isinstance(raw.get("bot_profile"), dict))


def _within_limit(text: str) -> str:
    """At most MAX_TEXT characters, cut between user-perceived characters (never inside क्या or 👩‍💻)."""
    if len(text) <= MAX_TEXT:
        return text
    start = MAX_TEXT - 64  # a grapheme cluster is far shorter than this
    end = start
    for cluster in _GRAPHEME.finditer(text, start, MAX_TEXT + 64):
        if cluster.end() > MAX_TEXT:
            break
        end = cluster.end()
    return text[:end]


def _is_app(raw: dict) -> bool:
    return (bool(raw.get("bot_id")) or raw.get("subtype") in BOT_SUBTYPES or isinstance(raw.get("bot_profile"), dict)
            or raw.get("user") == SLACKBOT or not raw.get("user"))


def _numeric(ts: str | int | float) -> bool:
    if type(ts) is str and ts.isascii() and ts.replace(".", "", 1).isdigit():
        return True  # Slack's own "1712345678.123456": what `float` accepts, told without its costly exact parse
    try:
        float(ts)
    except ValueError:
        return False
    return True


def _is_timestamp(ts: Any) -> bool:
    return not isinstance(ts, bool) and isinstance(ts, str | int | float) and _numeric(ts)


def _rich(element: dict) -> str:
    """One rich_text element (section, list, quote, preformatted) as mrkdwn-like text."""
    kind = element.get("type")
    children = _dicts(element.get("elements"))
    if kind == "rich_text_list":
        return "\n".join(f"• {_rich(item)}" for item in children)
    text = "".join(_inline(child) for child in children)
    if kind == "rich_text_preformatted":
        return f"```{text}```"
    if kind == "rich_text_quote":
        return "\n".join(f"> {line}" for line in text.split("\n"))
    return text


def _inline(element: dict) -> str:
    kind = element.get("type")
    if kind == "text":
        return _str(element.get("text"))
    if kind == "link":
        url, label = _str(element.get("url")), _str(element.get("text"))
        return f"<{url}|{label}>" if label else f"<{url}>"
    if kind == "user":
        return f"<@{_str(element.get('user_id'))}>"
    if kind == "channel":
        return f"<#{_str(element.get('channel_id'))}>"
    if kind == "usergroup":
        return f"<!subteam^{_str(element.get('usergroup_id'))}>"
    if kind == "broadcast":
        return f"<!{_str(element.get('range')) or 'here'}>"
    if kind == "emoji":
        return _emoji(element)
    if kind == "date":
        return _str(element.get("fallback"))
    if kind in ("color", "team"):
        return _str(element.get("value") or element.get("team_id"))
    return _rich(element) if "elements" in element else ""


def _emoji(element: dict) -> str:
    codes = _str(element.get("unicode"))
    try:
        return "".join(chr(int(code, 16)) for code in codes.split("-")) if codes else f":{_str(element.get('name'))}:"
    except ValueError:
        return f":{_str(element.get('name'))}:"


def _text_object(obj: Any) -> str:
    return _str(obj.get("text")) if isinstance(obj, dict) else ""


def _dicts(items: Any) -> list[dict]:
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def notifies_channel(message: dict) -> bool:
    """Whether a message `read_message` returned notifies the whole channel (see `is_broadcast`)."""
    return is_broadcast(message["text"])


# What `slim` keeps: the regular shape (see `read_message`) and what `is_bot_post` and `name_in_message` read.
_SLIM_KEYS = frozenset({"ts", "user", "text", "thread_ts", "reactions", "reply_count", "latest_reply", "permalink",
                        "bot_id", "subtype", "username", "user_profile", "bot_profile"})
_PROFILE_NAMES = ("display_name", "real_name", "name")
# Fields of one short value each (an id, a count, a flag): copying a message without them costs more than
# sending them, so messages with nothing else beside what `slim` keeps are sent as they are.
_SMALL_KEYS = frozenset({"type", "client_msg_id", "team", "user_team", "source_team", "parent_user_id", "reply_users",
                         "reply_users_count", "is_locked", "subscribed", "last_read", "edited", "hidden"})
_SENT_AS_IS = (_SLIM_KEYS - {"user_profile", "bot_profile"}) | _SMALL_KEYS


def slim(messages: list[dict]) -> list[dict]:
    """Messages `read_message` returned, each with only what the readers of the regular shape and this module's
    own functions read of it (`bot.message_reader.MessageReader.slim`), profiles with only their names. Messages
    with only small fields besides are returned as they are: copying them would cost more than it saves."""
    if set().union(*messages) <= _SENT_AS_IS:  # every message's field names, gathered in C
        return messages
    return [message if message.keys() <= _SENT_AS_IS else _slim(message) for message in messages]


def _slim(message: dict) -> dict:
    out = {key: value for key, value in message.items() if key in _SLIM_KEYS}
    profile = out.get("user_profile")
    if isinstance(profile, dict):
        out["user_profile"] = {key: profile[key] for key in _PROFILE_NAMES if key in profile}
    bot_profile = out.get("bot_profile")
    if isinstance(bot_profile, dict):
        out["bot_profile"] = {"name": bot_profile["name"]} if "name" in bot_profile else {}
    return out


class SlackMessages:
    """Slack's message shapes for the skills that read messages in bulk (`bot.message_reader.MessageReader`).

    The functions themselves, not wrappers: a digest calls them a few times per message. Picklable, so a
    digest's worker processes get it too.
    """

    read_message = staticmethod(read_message)
    is_bot_post = staticmethod(is_bot_post)
    name_in_message = staticmethod(name_in_message)
    notifies_channel = staticmethod(notifies_channel)
    slim = staticmethod(slim)


SLACK_MESSAGES = SlackMessages()
