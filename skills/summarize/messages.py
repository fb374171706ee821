"""Utterances from a platform's messages, as its `MessageReader` read them (the digest and the thread-file reader)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from itertools import islice
from operator import itemgetter, le

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
    name_of = names.get
    for message in read.values():  # fields in `Utterance`'s order: a week's digest makes one per message of its threads
        user, text, get = message["user"], message["text"], message.get
        if "<@" in text:  # most messages mention nobody
            text = _MENTION.sub(named, text)
        reactions, link = get("reactions"), get("permalink")
        out.append(Utterance(message["ts"], name_of(user, user), text, is_bot_post(message) or user in bots,
                             count_agreement(reactions, user) if isinstance(reactions, list) and reactions else 0,
                             link if isinstance(link, str) else None))
    seconds = list(map(float, read))  # Slack's ts orders a thread
    if not all(map(le, seconds, islice(seconds, 1, None))):  # a thread's messages mostly come in order already
        out = [u for _, u in sorted(zip(seconds, out), key=itemgetter(0))]
    return out
