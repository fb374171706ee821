"""Reading one chat message: words, mentions, questions, greetings."""

from __future__ import annotations

import re
from itertools import accumulate, filterfalse, repeat

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


# The same two readings over a block's texts joined by NUL (`block_words`): no token or mention crosses a NUL.
_SLACK_MENTION_IN_BLOCK = re.compile(r"<@([A-Z0-9]+)(?:\|[^>\x00]*)?>")
# `_ASCII_WORD`'s tokens without the regex: a run of its characters holds one token, the run without the
# inner-only characters at its ends ("--py.test." → "py.test", "_'" → none). NUL kept, to be split off.
_WORD_INNER = "_'-."
_ASCII_WORD_RUNS = str.maketrans({chr(c): chr(c) if chr(c).isalnum() or chr(c) in _WORD_INNER or c == 0 else " "
                                  for c in range(128)})


def block_words(texts: list[str]) -> list[str]:
    """`words` of each text, in order, in one flat list with a NUL string after each text's words.

    A block of ASCII texts (most chat) is read in one pass: its texts joined by NUL, mentions removed,
    lower-cased and cut into runs of word characters once, the runs' ends trimmed and the stop words
    filtered in C (`map`, `filter`), instead of a regex call and a list per message
    (the reply-link scorer reads every message of a channel so). The words are those `words` gives each text
    (`tests/test_links_reference.py`); other blocks, or a text holding a NUL itself, are read text by text."""
    joined = "\x00".join(texts)
    if not joined.isascii() or joined.count("\x00") != len(texts) - 1:
        return [token for text in texts for token in (*words(text), "\x00")]
    if "<@" in joined:
        joined = _SLACK_MENTION_IN_BLOCK.sub(" ", joined)
    runs = joined.lower().translate(_ASCII_WORD_RUNS).replace("\x00", " \x00 ").split()
    runs.append("\x00")
    return list(filterfalse(STOPWORDS.__contains__, filter(None, map(str.strip, runs, repeat(_WORD_INNER)))))


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


# As `_ASCII_NICK_SPACES`, with each NUL (between two texts of a block) kept.
_BLOCK_NICK_SPACES = str.maketrans({chr(c): chr(c) if chr(c) in _ASCII_NICK_CHARS or c == 0 else " " for c in range(128)})
_FIRST_NICK_TOKEN = re.compile(r"\x00 *([^ \x00]*)")


def block_mentions(texts: list[str], known: dict[str, str]) -> dict[int, tuple[set[str], str | None]]:
    """`mentioned_users` of each text of a block, for the texts that mention someone: {position: (found, addressed)}.

    Plain ASCII texts (no `<`, at most 400 characters: most chat) are read in one pass over the block, joined by
    NUL: lower-cased and cut into nick tokens once, and only the tokens that are names looked at in Python;
    any other text is read by `mentioned_users` itself. Same answers (`tests/test_links_reference.py`)."""
    out: dict[int, tuple[set[str], str | None]] = {}
    joined = "\x00" + "\x00".join(texts)
    if "\x00" in known:  # a name no token can be: every text on its own
        plain = [False] * len(texts)
    elif joined.isascii() and "<" not in joined and joined.count("\x00") == len(texts) \
            and max(map(len, texts), default=0) <= 400:
        plain = [True] * len(texts)  # the whole block at once (checked in C)
    else:
        plain = [text.isascii() and len(text) <= 400 and "<" not in text and "\x00" not in text for text in texts]
    if not all(plain):
        for i in filterfalse(plain.__getitem__, range(len(texts))):
            found, addressed = mentioned_users(texts[i], known)
            if found or addressed is not None:
                out[i] = (found, addressed)
        if not any(plain):
            return out
        joined = "\x00" + "\x00".join(text if ok else "" for text, ok in zip(texts, plain))
    low = joined.lower().translate(_BLOCK_NICK_SPACES).replace("\x00", " \x00 ")  # one character for one: C's fast path
    row = -1
    lookup = dict.fromkeys(known, True)
    lookup["\x00"] = False  # each NUL starts the next text
    for token in filter(lookup.__contains__, low.split()):
        if not lookup[token]:
            row += 1
        elif len(token) > 1 and plain[row]:
            found = out.get(row)
            if found is None:
                out[row] = ({known[token]}, None)
            else:
                found[0].add(known[token])
    firsts = _FIRST_NICK_TOKEN.findall(low)
    for i, (found, addressed) in out.items():
        first = firsts[i]
        if plain[i] and len(first) > 1 and first in known:
            out[i] = (found, known[first])
    return out


def is_question(text: str) -> bool:
    stripped = (SLACK_MENTION.sub("", text) if "<@" in text else text).strip()
    return "?" in stripped or bool(QUESTION_WORD.match(stripped))


def text_ends(joined: str) -> list[int]:
    """The positions of the NULs in `joined` ("\\x00" + the texts joined by NUL): text k follows the k-th."""
    return list(accumulate(map((1).__add__, map(len, joined.split("\x00")[1:-1])), initial=0))
