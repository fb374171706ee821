"""Reading one chat message: words, mentions, questions, greetings."""

from __future__ import annotations

import re
from itertools import filterfalse

import regex

# Slack user mentions (<@U123> or <@U123|name>), Teams <at>Name</at> entities.
SLACK_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
TEAMS_MENTION = re.compile(r"<at>(.*?)</at>", re.IGNORECASE)
# IRC nicks may hold []\^{}|`- besides word characters; a letter's combining marks belong to it (प्रिया).
NICK_TOKEN = regex.compile(r"[\w\p{M}\-\[\]\\^{}|`]+")
# The same tokens in ASCII text, faster: every other character becomes a space, then split.
_ASCII_NICK_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-[]\\^{}|`")
_ASCII_NICK_SPACES = str.maketrans({chr(c): chr(c) if chr(c) in _ASCII_NICK_CHARS else " " for c in range(128)})
# Tokens for detectors, never shown: a word keeps its inner dots, hyphens and apostrophes (py.test,
# traveling-sailor, dirac72.md, it's) and its combining marks (क्या); Chinese and Japanese, written
# without spaces, count one character at a time. ASCII text, most of it, takes the faster `re` path.
_ASCII_WORD = re.compile(r"[a-z0-9][a-z0-9_'\-\.]*[a-z0-9]|[a-z0-9]")
_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\u30fc\u3005"
_WORD = regex.compile(
    rf"[{_UNSPACED}]|(?:(?![{_UNSPACED}])[\p{{L}}\p{{N}}])(?:[\p{{L}}\p{{M}}\p{{N}}_'\-.]*[\p{{L}}\p{{M}}\p{{N}}])?")
QUESTION_WORD = re.compile(
    r"^(?:who|what|when|where|why|how|which|is|are|can|could|does|do|did|should|would|will|has|have|anyone|any)\b",
    re.IGNORECASE)

STOPWORDS = frozenset(
    "a an the and or but if then so to of in on at for with from by as is are was were be been am i you he she "
    "it we they me my your our their this that these those there here not no yes do does did have has had "
    "can could will would should just it's i'm im u ur ok okay yeah yep lol hi hey hello thanks thx".split())


def words(text: str) -> list[str]:
    """Content words for lexical overlap (lower-cased, stop words and mention markup dropped)."""
    if "<@" in text:  # a Slack mention starts so; most messages have none
        text = SLACK_MENTION.sub(" ", text)
    text = text.lower()
    found = _ASCII_WORD.findall(text) if text.isascii() else _WORD.findall(text)
    return list(filterfalse(STOPWORDS.__contains__, found))


def mentioned_users(text: str, known: dict[str, str]) -> tuple[set[str], str | None]:
    """Users a message mentions, and the one it is addressed to (named first), by user id.

    `known` maps a lower-cased name or nick to a user id; Slack `<@U…>` ids are taken as they are.
    """
    found: set[str] = set()
    addressed: str | None = None
    if "<" in text:  # both mention forms start so; most messages have neither
        for match in SLACK_MENTION.finditer(text):
            found.add(match.group(1))
            if addressed is None and match.start() == 0:
                addressed = match.group(1)
        for match in TEAMS_MENTION.finditer(text):
            user = known.get(match.group(1).strip().lower())
            if user is not None:
                found.add(user)
                if addressed is None and match.start() == 0:
                    addressed = user
    head = text[:400]
    if head.isascii():  # lower-casing ASCII moves no token boundary: look up only the tokens that are names
        tokens = head.lower().translate(_ASCII_NICK_SPACES).split()
        for token in filter(known.__contains__, tokens):
            if len(token) > 1:
                found.add(known[token])
        if tokens and addressed is None and len(tokens[0]) > 1 and tokens[0] in known:
            addressed = known[tokens[0]]
        return found, addressed
    for position, token in enumerate(NICK_TOKEN.findall(head)):
        user = known.get(token.lower())
        if user is not None and len(token) > 1:
            found.add(user)
            if position == 0 and addressed is None:
                addressed = user
    return found, addressed


def is_question(text: str) -> bool:
    stripped = (SLACK_MENTION.sub("", text) if "<@" in text else text).strip()
    return "?" in stripped or bool(QUESTION_WORD.match(stripped))

