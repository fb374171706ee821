"""The summarizer's input: one chat message reduced to speaker, cleaned text and agreement signals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from bot.model import Thread
from skills.frozen import quick_init

# Emoji names that read as "I agree" when someone reacts with them.
AGREEMENT_REACTIONS = frozenset({
    "+1", "thumbsup", "thumbs_up", "white_check_mark", "heavy_check_mark", "ballot_box_with_check",
    "ok_hand", "ok", "100", "raised_hands", "clap", "heart", "tada", "muscle", "yes", "like",
})

_CODE_BLOCK = re.compile(r"```.*?(?:```|$)", re.S)
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
_EMPTIED_BRACKETS = re.compile(r"\(\s+\)|（\s+）")  # "[docs](<https://…>)" once the link is gone
_SLACK_LINK = re.compile(r"<(https?://|mailto:)[^>|]*(?:\|([^>]*))?>")
_BARE_URL = re.compile(r"https?://\S+|www\.\S+")
_SLACK_USER = re.compile(r"<@([A-Z0-9]+)(?:\|([^>]*))?>")
_SLACK_CHANNEL = re.compile(r"<#[A-Z0-9]+(?:\|([^>]*))?>")
_SLACK_SPECIAL = re.compile(r"<!(here|channel|everyone)[^>]*>")
_EMOTICON = re.compile(r"(?<!\w)(?:[:;=8xX]['-]?[()\[\]DPpOo/\\|*3]+|<3+|\^_*\^)(?!\w)")
# Whole emoji sequences: pictographs with their skin tones, joiners, variation selectors, keycaps and
# flag tags (👩‍💻, 👍🏽, 1️⃣, 🏴󠁧󠁢󠁥󠁮󠁧󠁿), so no invisible piece of one is left in the text.
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}"
                       r"\u200d\ufe0f\u20e3\U000E0020-\U000E007F]+")
_SLACK_EMOJI = re.compile(r":[a-z0-9_+-]+:")
_SPACES = re.compile(r"[ \t]+")
_QUOTED = re.compile(r"^\s*>")
_SPACED_APOSTROPHE = re.compile(r"(\w) ?' ?(s|m|re|ve|ll|d|t)\b", re.I)


@quick_init
@dataclass(frozen=True)
class Utterance:
    id: str
    speaker: str
    text: str  # raw text as posted (code and links still in)
    is_bot: bool = False
    agreement: int = 0  # agreement reactions from people other than the speaker
    link: str | None = None
    author_id: str | None = None  # so "<@U2> can you …" can be read as the name of U2 when U2 took part


def clean_text(text: str, names: dict[str, str] | None = None) -> str:
    """Prose only: code blocks and links removed (inline code kept as words), Slack mentions resolved to names, quotes normalised.

    Only the names of users the text mentions go into the cache key: a caller passing the whole
    workspace's names pays neither for sorting them nor with a cache miss on text without mentions.
    """
    if not names or "<@" not in text:
        return _clean(text, ())
    mentioned = {uid for uid, _ in _SLACK_USER.findall(text)}
    return _clean(text, tuple(sorted((uid, names[uid]) for uid in mentioned if uid in names)))


def prose(text: str, names: dict[str, str] | None = None) -> str:
    """What a person said in their own words: cleaned text without quoted lines ("> …", pasted replies)."""
    cleaned = clean_text(text, names)
    if ">" in cleaned:
        cleaned = "\n".join(line for line in cleaned.splitlines() if not _QUOTED.match(line)).strip()
    return cleaned


_URL = re.compile(r"<?(?:https?://|www\.)([^\s|>]+)")
_CODE_FIRST_LINE = re.compile(r"```\s*([^\n`]*\S[^\n`]*)")


def link_or_code_only(text: str) -> str:
    """For a message that is nothing but a link or a code block (an answer given as a URL or a command):
    "Link: wiki.example.com/runbooks/…" or "Code: make deploy", so it still counts as a reply; "" when the
    message has neither."""
    if found := _URL.search(text):
        return f"Link: {found.group(1).rstrip('/.')}"
    if found := _CODE_FIRST_LINE.search(text):
        return f"Code: {found.group(1).strip()[:80]}"
    return ""


@lru_cache(maxsize=65_536)  # the summarizer and the digest look at the same messages more than once
def _clean(text: str, names: tuple[tuple[str, str], ...]) -> str:
    lookup = dict(names)
    text = _CODE_BLOCK.sub(" ", text)
    # Inline code is part of the sentence ("`typeOf`を使えばよい", "run `make deploy` first"): its words stay,
    # its backticks go. Removing it left real sentences with holes ("ログ出力を目的としていて、 を使えば").
    text = _INLINE_CODE.sub(r"\1", text)
    text = _SLACK_LINK.sub(lambda m: m.group(2) or " ", text)
    text = _BARE_URL.sub(" ", text)
    text = _EMPTIED_BRACKETS.sub(" ", text)
    text = _SLACK_USER.sub(lambda m: "@" + (lookup.get(m.group(1)) or m.group(2) or m.group(1)), text)
    text = _SLACK_CHANNEL.sub(lambda m: "#" + (m.group(1) or "channel"), text)
    text = _SLACK_SPECIAL.sub(lambda m: "@" + m.group(1), text)
    text = _EMOTICON.sub(" ", text)
    if not text.isascii():  # emoji are never ASCII; most messages are
        text = _EMOJI.sub(" ", text)
    text = _SLACK_EMOJI.sub(" ", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    text = _SPACED_APOSTROPHE.sub(lambda m: f"{m.group(1)}'{m.group(2).lower()}", text)
    return _SPACES.sub(" ", text).strip()


_AGREEMENT_EMOJI = frozenset("👍 👌 ✅ ✔ ☑ 💯 🙌 👏 💪 🆗".split())
_SKIN_AND_VARIANT = regex.compile(r"[\p{Emoji_Modifier}\ufe0f\u200d\s]+")


def agreeing_emoji_only(text: str) -> bool:
    """A reply made only of agreement emoji ("👍", ":+1:", "✅", ":white_check_mark:"): in chat, the same as
    reacting with them to the message it answers."""
    rest = _SLACK_EMOJI.sub(lambda m: "" if m.group(0).strip(":") in AGREEMENT_REACTIONS
                            or m.group(0).startswith(":skin-tone-") else "x", text)
    return bool(text.strip()) and all(ch in _AGREEMENT_EMOJI for ch in _SKIN_AND_VARIANT.sub("", rest))


def utterances_from_thread(thread: Thread, mentioned: dict[str, str] | None = None) -> list[Utterance]:
    """Adapt a platform-neutral thread; reactions are read when the message carries them.

    `mentioned`: names of people mentioned by id (`<@U9>`) who did not speak, written into the mention.
    """
    out = []
    for message in thread.messages:
        text = message.text
        if mentioned and "<@" in text:
            text = _SLACK_USER.sub(lambda match: _labelled(match, mentioned), text)
        reactions = getattr(message, "reactions", ()) or ()
        out.append(Utterance(
            id=message.id,
            speaker=message.author.display,
            text=text,
            is_bot=message.author.is_bot,
            agreement=count_agreement(reactions, message.author.id),
            link=message.link,
            author_id=message.author.id,
        ))
    return out


def mentioned_ids(message) -> tuple[str, ...]:
    """Whom a message mentions: the ids the platform gave, else those written in the text (`<@U9>`)."""
    return message.mentions or tuple(uid for uid, _ in _SLACK_USER.findall(message.text))


def _labelled(mention: re.Match, names: dict[str, str]) -> str:
    """`<@U9>` → `<@U9|Priya>` when the name is known (a mention that has its label already keeps it)."""
    uid, label = mention.group(1), mention.group(2)
    return mention.group(0) if label or uid not in names else f"<@{uid}|{names[uid]}>"


def count_agreement(reactions, author_id: str | None = None) -> int:
    """Agreement reactions in Slack's shape (`[{"name", "count", "users"}]`) or as bare names."""
    total = 0
    for reaction in reactions:
        if isinstance(reaction, str):
            total += reaction.strip(":").split("::")[0] in AGREEMENT_REACTIONS
            continue
        if isinstance(reaction, tuple):  # (name, count), as the message store keeps them
            name, count = reaction
            total += count if name.split("::")[0] in AGREEMENT_REACTIONS else 0
            continue
        if not isinstance(reaction, dict):
            continue
        name = str(reaction.get("name", "")).split("::")[0]  # "+1::skin-tone-2"
        if name not in AGREEMENT_REACTIONS:
            continue
        users = reaction.get("users")
        if isinstance(users, list):
            total += sum(1 for user in users if user != author_id)
        else:
            total += int(reaction.get("count", 1) or 0)
    return total
