"""`etiquette analyze`: reply links and nudges for one channel's Slack messages (a JSON file, or an export's channel)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from adapters.slack.export import (
    ExportError,
    SlackExport,
    day_files_in,
    is_export,
    open_export,
    parse_json,
    read_users_file,
    users_beside,
)
from adapters.slack.messages import Skipped, is_bot_post, notifies_channel, read_message
from bot.exits import EXIT_BAD_INPUT, EXIT_SKIPPED
from bot.model import User
from skills.threads import links
from skills.threads.analyze import analyze_channel
from skills.threads.links import ChannelMessage, default_model
from skills.wording import plural


@dataclass
class ChannelFile:
    """One channel's messages as read from a file or an export, and what was skipped on the way."""

    messages: list[ChannelMessage] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "where: why", one per file or message skipped
    bots: int = 0  # apps' posts, left out: never nudged, never an answer


def load_channel(path: Path, channel: str | None = None, users: dict[str, User] | None = None) -> ChannelFile:
    """People's messages, in time order, from a JSON file (a list or {"messages": [...]}) or an export's channel.

    ValueError when nothing can be read at all; a bad day file or message is skipped and noted.
    """
    path = Path(path)
    out = ChannelFile()
    if is_export(path):
        export = open_export(path)
        try:
            key = channel or _only_channel(export)
            users = {**export.users, **(users or {})}
            for _, name in export.day_files(key):
                try:
                    _add(out, export.read_day(name), export.archive.where(name), users)
                except ExportError as error:
                    out.problems.append(str(error))
        finally:
            export.archive.close()
    elif path.is_dir():  # a channel's folder taken out of an export: its day files, in order
        for day in day_files_in(path):
            try:
                _add(out, _messages_in(day), str(day), users if users is not None else _users_beside(day, out))
            except ValueError as error:
                out.problems.append(str(error))
    else:
        _add(out, _messages_in(path), str(path), users if users is not None else _users_beside(path, out))
    out.messages.sort(key=lambda m: m.seconds)
    return out


def _messages_in(path: Path) -> list:
    try:
        data = parse_json(path.read_bytes(), str(path))
    except OSError as error:
        raise ValueError(f"cannot read {path}: {error.strerror or error}") from None
    if isinstance(data, dict):
        data = data.get("messages")
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list of messages or an object with \"messages\"")
    return data


def _users_beside(path: Path, out: ChannelFile) -> dict[str, User]:
    """The users.json of the export the file sits in; an unreadable one is noted and people shown by id."""
    found = users_beside(path)
    try:
        return read_users_file(found) if found else {}
    except ExportError as error:
        out.problems.append(f"{error}; people are shown by id")
        return {}


def _add(out: ChannelFile, raw: list, where: str, users: dict[str, User]) -> None:
    for position, item in enumerate(raw):
        message = read_message(item)
        if isinstance(message, Skipped):
            if message.bad:
                out.problems.append(f"{where}: message {position}: {message.reason}")
        elif is_bot_post(message) or (message["user"] in users and users[message["user"]].is_bot):
            out.bots += 1
        else:
            out.messages.append(channel_message(message))
    # An edit (`message_changed`) is read as the message it edits: keep the last version of each.
    out.messages[:] = list({m.ts: m for m in out.messages}.values())


def channel_message(message: dict) -> ChannelMessage:
    """A message `read_message` returned, as the reply-link detector sees it (Slack's `<!channel>`, `<!here>`
    and `<!everyone>` make it a broadcast)."""
    return links.channel_message(message, notifies_channel(message))


def _only_channel(export: SlackExport) -> str:
    if len(export.conversations) == 1:
        return next(iter(export.conversations))
    known = ", ".join(sorted(export.conversations)) or "none"
    raise ExportError(f"{export.root} holds several channels; choose one with --channel ({known})")


def analyze_file(path: Path, as_json: bool, channel: str | None = None, users_file: Path | None = None) -> int:
    """Print the report for FILE (or an export's channel). Exit status: 2 with a message on stderr when
    nothing can be read; `EXIT_SKIPPED` when a day file or message was skipped (each said on stderr)."""
    try:
        users = read_users_file(users_file) if users_file else None
        read = load_channel(path, channel, users)
    except ValueError as error:  # ExportError is one
        print(f"etiquette analyze: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for problem in read.problems:
        print(f"etiquette analyze: skipped {problem}", file=sys.stderr)
    messages = read.messages
    report = analyze_channel(messages)
    status = EXIT_SKIPPED if read.problems else 0
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return status
    threshold = default_model().nudge_threshold
    replies = [link for link in report["links"] if link["parent_ts"]]
    apps = f" ({plural(read.bots, 'post')} by apps left out)" if read.bots else ""
    print(f"{plural(len(messages), 'message')} from people{apps}, {len(replies)} answer an earlier message "
          f"(reply nudges need score >= {threshold:.2f})")
    for link in replies:
        print(f"  {link['ts']} -> {link['parent_ts']}  score {link['score']:.2f}")
    print(plural(len(report["nudges"]), "nudge"))
    for nudge in report["nudges"]:
        print(f"  {nudge['ts']}  {nudge['kind']}: {nudge['text']}")
    return status
