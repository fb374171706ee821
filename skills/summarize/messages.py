"""Utterances from a platform's messages, as its `MessageReader` read them (the digest and the thread-file reader)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from bot.message_reader import MessageReader
from skills.summarize.utterance import Utterance, count_agreement

_MENTION = re.compile(r"<@([A-Z0-9]+)>")


def read_utterances(messages: Iterable[dict], names: dict[str, str], bots: Collection[str] = frozenset(), *,
                    reader: MessageReader) -> list[Utterance]:
    """Utterances in time order from messages `reader.read_message` already returned (the digest reads each once).

    `names` (user id → name; what messages say of their authors is added to it) and `bots` (user ids)
    are as the caller knows them (a users.json, a thread file's own `"users"`).
    """
    read: dict[str, dict] = {}  # by ts: an edit (`message_changed`) replaces the message it edits
    name_in_message, is_bot_post = reader.name_in_message, reader.is_bot_post
    for message in messages:
        read[message["ts"]] = message
        if message["user"] not in names and (said := name_in_message(message)):
            names[message["user"]] = said  # the same person is one name throughout, not a name here and an id there

    def named(mention: re.Match) -> str:
        uid = mention.group(1)
        return f"<@{uid}|{names[uid]}>" if uid in names else mention.group(0)

    out = []
    for message in read.values():
        user, text = message["user"], message["text"]
        if "<@" in text:  # most messages mention nobody
            text = _MENTION.sub(named, text)
        reactions = message.get("reactions")
        out.append(Utterance(
            id=message["ts"],
            speaker=names.get(user, user),
            text=text,
            is_bot=is_bot_post(message) or user in bots,
            agreement=count_agreement(reactions, user) if isinstance(reactions, list) else 0,
            link=message.get("permalink") if isinstance(message.get("permalink"), str) else None,
        ))
    out.sort(key=lambda u: float(u.id))  # Slack's ts orders a thread
    return out
