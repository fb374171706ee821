"""Reading a Slack thread or day file (a JSON list of messages, or `{"messages": [...], "users": {id: name}}`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from adapters.slack.export import ExportError, parse_json
from adapters.slack.messages import SLACK_MESSAGES, Skipped, read_message, user_from_export
from bot.model import User
from skills.summarize.messages import read_utterances
from skills.summarize.utterance import Utterance


class ThreadFileError(ValueError):
    """The file is not a Slack thread we can read; the message says why."""


def load_slack_thread(path: Path, users: Mapping[str, User] | None = None,
                      problems: list[str] | None = None) -> list[Utterance]:
    """A thread file's utterances; ThreadFileError when the file as a whole cannot be read.

    `users` (an export's users.json) names people the file does not; each malformed message is
    skipped and, with `problems`, noted there as "path: message N: why".
    """
    try:
        data = parse_json(Path(path).read_bytes(), str(path))
    except FileNotFoundError:
        raise ThreadFileError(f"{path}: no such file") from None
    except OSError as error:
        raise ThreadFileError(f"{path}: cannot read ({error.strerror or error})") from None
    except ExportError as error:
        raise ThreadFileError(str(error)) from None
    return parse_thread_data(data, str(path), users, problems)


def parse_thread_data(data, where: str, users: Mapping[str, User] | None = None,
                      problems: list[str] | None = None) -> list[Utterance]:
    """As `parse_slack_thread`, with the file's name in its errors and problems."""
    found: list[str] = []
    try:
        utterances = parse_slack_thread(data, found, users)
    except ThreadFileError as error:
        raise ThreadFileError(f"{where}: {error}") from None
    if problems is not None:
        problems += [f"{where}: {problem}" for problem in found]
    return utterances


def parse_slack_thread(data, problems: list[str] | None = None,
                       users: Mapping[str, User] | None = None) -> list[Utterance]:
    """Utterances in time order, from messages as `read_message` reads them.

    Edits use the final text, what is not speech is dropped, apps are flagged, and text that lives in
    blocks, attachments or files is read. A malformed message is skipped (noted in `problems`).
    Names come from `users`, then the file's own `"users"`, then what messages say of their authors.
    """
    file_users: dict = {}
    if isinstance(data, dict):
        messages = data.get("messages")
        file_users = data.get("users") or {}
        if not isinstance(file_users, dict):
            raise ThreadFileError('"users" must map user ids to names')
    else:
        messages = data
    if not isinstance(messages, list):
        raise ThreadFileError('expected a JSON list of messages or an object with "messages"')
    names = {uid: user.display for uid, user in (users or {}).items()}
    names.update({uid: _user_name(uid, value) for uid, value in file_users.items()})
    bots = {uid for uid, user in (users or {}).items() if user.is_bot}
    bots |= {uid for uid, value in file_users.items() if isinstance(value, dict) and value.get("is_bot")}
    read = []
    for position, raw in enumerate(messages):
        message = read_message(raw)
        if isinstance(message, Skipped):
            if message.bad and problems is not None:
                problems.append(f"message {position}: {message.reason}")
            continue
        read.append(message)
    return read_utterances(read, names, bots, reader=SLACK_MESSAGES)


def _user_name(uid: str, value) -> str:
    if isinstance(value, dict):
        return user_from_export({**value, "id": uid}).display
    return str(value) if value else uid
