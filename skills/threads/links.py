"""Reply links: for each channel message, the earlier message it answers, or none (a new conversation).

Every top-level message is scored against itself ("starts a conversation") and the `window`
messages before it with a small model (a linear score plus 16 tanh units; weights in
`link_model.json`, 26 kB, trained by `python -m bench.train_threads`). Each message's text is read
once; features are built with numpy over the band of the window only (no message pair is visited
in Python and no n × n product is formed), a few hundred messages at a time, so the cost per message
stays small and flat however long the channel (see bench/RESULTS.md).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import attrgetter, eq
from pathlib import Path
from typing import NamedTuple

import numpy as np

from bot.model import Message
from skills.collector import paused_collector
from skills.frozen import quick_init
from skills.threads.text import block_mentions, block_words, is_question, text_ends

MODEL_PATH = Path(__file__).with_name("link_model.json")
# Joins, leaves and channel-settings changes never answer anything and are never answered.
SYSTEM_SUBTYPES = frozenset({
    "channel_join", "channel_leave", "group_join", "group_leave", "channel_topic", "channel_purpose",
    "channel_name", "channel_archive", "channel_unarchive",
})
_ANSWER_CUES = frozenset("yes no yeah yep nope nah sure ok okay right correct exactly indeed try use".split())
_THANKS = frozenset("thanks thank thx ty cheers".split())
_CONTINUATION = frozenset("and but also or so because then plus".split())
_GREETINGS = frozenset("hi hello hey hiya yo morning evening greetings howdy".split())
_DISTANCE_BUCKETS = ((1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 8), (9, 12), (13, 20), (21, 10**9))

PAIR_FEATURES = (
    "pair", *(f"d{lo}_{hi}" if lo != hi else f"d{lo}" for lo, hi in _DISTANCE_BUCKETS[:-1]), "d21p",
    "log_distance", "log_gap_min", "mentions_parent_author", "addressed_to_parent_author",
    "mentions_parent_author_latest", "addressed_to_parent_author_latest", "parent_mentions_author",
    "parent_addressed_to_author", "parent_mentions_author_unanswered", "same_author", "same_author_next",
    "same_author_continuation", "same_author_no_mention", "parent_latest_of_its_author",
    "author_spoke_since", "partners", "partners_latest", "cosine", "cosine_same_author", "cosine_best",
    "cosine_best_pos", "parent_question", "parent_question_answer_cue", "parent_question_not_own",
    "addressed_to_other", "parent_addressed_to_other", "parent_is_action", "thanks_to_partner",
    "parent_first_of_author", "parent_greeting", "parent_mentions_author_latest", "nearest_other_author",
    "latest_other_question",
)
SELF_FEATURES = (
    "self", "self_has_mention", "self_addressed", "self_question", "self_greeting", "self_log_gap_prev",
    "self_author_new", "self_log_author_gap", "self_is_action", "self_log_length", "self_max_cosine",
    "self_answer_cue", "self_continuation", "self_any_partner",
)
FEATURES = PAIR_FEATURES + SELF_FEATURES


@quick_init  # a busy channel's week makes hundreds of thousands
@dataclass(frozen=True)
class ChannelMessage:
    """One message as the detector sees it (Slack-shaped; Teams and the model map onto it)."""

    ts: str
    user: str
    text: str
    thread_ts: str | None = None
    subtype: str | None = None
    mentions: tuple[str, ...] = ()  # user ids the platform says are mentioned (Teams entities)
    at: float | None = None  # epoch seconds when `ts` is not itself a Slack timestamp (Teams ids)
    broadcast: bool = False  # the platform says it notifies the channel (its adapter reads that, e.g. Slack's `<!channel>`)

    @property
    def seconds(self) -> float:
        if self.at is not None:
            return self.at
        try:
            return float(self.ts)
        except ValueError:
            return 0.0

    @property
    def in_thread(self) -> bool:
        return self.thread_ts is not None and self.thread_ts != self.ts

    @property
    def is_system(self) -> bool:
        return self.subtype in SYSTEM_SUBTYPES

    @property
    def notifies_channel(self) -> bool:
        """@channel, @here, @everyone, as the platform's adapter read the message (`broadcast`)."""
        return self.broadcast


class ReplyLink(NamedTuple):
    """One message's link (a tuple: a channel's worth is made at a time, ten times faster than a frozen dataclass)."""

    ts: str
    parent_ts: str | None  # None: starts a new conversation
    score: float           # the model's probability for this choice, 0..1

    def as_json(self) -> dict:
        return {"ts": self.ts, "parent_ts": self.parent_ts, "score": round(self.score, 4)}


def channel_message(raw: dict, broadcast: bool = False) -> ChannelMessage:
    """A Slack-shaped dict (`ts`, `user`, `text`, optional `thread_ts`, `subtype`) → ChannelMessage;
    `broadcast` as the platform's reader says (`MessageReader.notifies_channel`)."""
    ts = raw.get("ts")
    if ts is None or not isinstance(raw.get("text", ""), str):
        raise ValueError(f"message without ts or with non-text text: {str(raw)[:80]}")
    return ChannelMessage(
        ts=str(ts), user=str(raw.get("user") or raw.get("bot_id") or raw.get("username") or "unknown"),
        text=raw.get("text") or "", thread_ts=str(raw["thread_ts"]) if raw.get("thread_ts") else None,
        subtype=raw.get("subtype"), broadcast=broadcast,
    )


def from_message(message: Message) -> ChannelMessage:
    """A core `bot.model.Message` → ChannelMessage (the router's way in)."""
    thread = message.conversation.thread_id
    return ChannelMessage(ts=message.id, user=message.author.id, text=message.text,
                          thread_ts=thread, mentions=tuple(message.mentions),
                          at=message.sent_at.timestamp(), broadcast=message.broadcast)


@dataclass(frozen=True)
class LinkModel:
    weights: np.ndarray
    intercept: float
    window: int
    nudge_threshold: float
    # Optional small tanh layer on top: score += v · tanh(u·x + b).
    hidden_u: np.ndarray | None = None
    hidden_b: np.ndarray | None = None
    hidden_v: np.ndarray | None = None

    @classmethod
    def from_json(cls, data: dict) -> LinkModel:
        if list(data["features"]) != list(FEATURES):
            raise ValueError("link_model.json was trained on other features; rerun bench.train_threads")
        hidden = data.get("hidden")
        arrays = {} if not hidden else {
            f"hidden_{k}": np.array(hidden[k], dtype=np.float32) for k in ("u", "b", "v")}
        return cls(np.array(data["weights"], dtype=np.float32), float(data["intercept"]),
                   int(data["window"]), float(data["nudge_threshold"]), **arrays)

    def scores(self, planes: np.ndarray, features: slice = slice(None)) -> np.ndarray:
        """(features, candidates) → (candidates,) scores. `features`: the rows `planes` holds, when the
        others are zero for these candidates (pair features of "starts a conversation", and the other way)."""
        logits = self.weights[features] @ planes
        logits += self.intercept
        if self.hidden_u is not None:
            hidden = self.hidden_u[features].T @ planes
            hidden += self.hidden_b[:, None]  # in place: no second and third (16, candidates) array
            logits += self.hidden_v @ np.tanh(hidden, out=hidden)
        return logits


@lru_cache(maxsize=1)
def default_model() -> LinkModel:
    return LinkModel.from_json(json.loads(MODEL_PATH.read_text()))


def _first_word(lowered_words: list[str]) -> str:
    for token in lowered_words:
        token = token.strip(",.:;!?-")
        if token and not token.startswith("<@"):
            return token
    return ""


_FIRST_TOKEN = re.compile(r"\x00\s*([^\s\x00]*)")  # each text's first word, in a block joined by NUL
# One pattern per word, the word first and its bounds (white space or NUL) after: `re` then scans for the word's
# letters as a literal, several times faster than trying an alternation wherever a space or a "t" is.
_THANKS_WORDS = tuple(re.compile(rf"{word}(?![^\s\x00])(?<=[\s\x00]{word})") for word in sorted(_THANKS))


def _first_words_and_thanks(texts: list[str]) -> tuple[list[str], list[bool]]:
    """Each text's `_first_word` of its lower-cased words, and whether one of those words is a thanks. A block of
    ASCII texts without NUL is read in one pass, with the texts joined by NUL (as `block_words`): the first
    word of each and the thanks found by one regex each, instead of every text's words as a list."""
    joined = "\x00" + "\x00".join(texts)
    if not joined.isascii() or joined.count("\x00") != len(texts):
        lowered = [text.lower().split() for text in texts]
        return [_first_word(words_) for words_ in lowered], [not _THANKS.isdisjoint(words_) for words_ in lowered]
    low = joined.lower()
    first = [word if (word := token.strip(",.:;!?-")) and not word.startswith("<@") else _first_word(text.lower().split())
             for token, text in zip(_FIRST_TOKEN.findall(low), texts)]
    thanks = [False] * len(texts)
    ends = text_ends(low)
    for pattern in _THANKS_WORDS:
        for match in pattern.finditer(low):
            thanks[bisect_right(ends, match.start()) - 1] = True
    return first, thanks


COL = {name: k for k, name in enumerate(FEATURES)}
SELF_COL = {name: k for k, name in enumerate(SELF_FEATURES)}
PAIRS, SELVES = slice(0, len(PAIR_FEATURES)), slice(len(PAIR_FEATURES), len(FEATURES))
_DISTANCE_COLUMNS = [COL[name] for name in PAIR_FEATURES[1:1 + len(_DISTANCE_BUCKETS)]]
_NO_MENTION: tuple[frozenset[str], None] = (frozenset(), None)
_USER, _TEXT, _SUBTYPE, _MENTIONS, _AT, _TS = (
    attrgetter(name) for name in ("user", "text", "subtype", "mentions", "at", "ts"))
CHUNK = 256  # messages whose candidates are built and scored together (a few MiB: stays in cache)


class _BlockFacts:
    """What the features need to know about each message of a block, and about pairs in its window.

    Everything per message is read from the text once; the two pairwise facts (tf-idf cosine and
    "have these two talked lately") are computed for the band of the window only, so a block costs
    time linear in its length.
    """

    def __init__(self, messages: list[ChannelMessage], window: int) -> None:
        n, w = len(messages), window
        self.w = w
        self.log_distance = np.array([math.log(d) for d in range(1, w + 1)], dtype=np.float32)
        # Per message, through `map` and C-level methods where the answer is the same: no Python call per message.
        speakers = list(map(_USER, messages))
        users = dict(zip(dict.fromkeys(speakers), count()))  # numbered in order of first message
        author = list(map(users.__getitem__, speakers))
        known = {name.lower(): name for name in users}
        texts = list(map(_TEXT, messages))
        subtypes = list(map(_SUBTYPE, messages))
        first, thanks = _first_words_and_thanks(texts)
        addressed = [-1] * n
        mention_rows: list[int] = []
        mention_users: list[int] = []
        said = block_mentions(texts, known)
        rows = set(said).union(compress(range(n), map(_MENTIONS, messages)))  # and those the platform names
        for i in sorted(rows):
            found, to = said.get(i, _NO_MENTION)
            if messages[i].mentions:
                found = found.union(messages[i].mentions)
            a = author[i]
            for user in found:
                k = users.get(user)
                if k is not None and k != a:
                    mention_rows.append(i)
                    mention_users.append(k)
            if to is not None and users.get(to, a) != a:
                addressed[i] = users[to]

        self.times = _seconds(messages)
        self.system = np.array(list(map(SYSTEM_SUBTYPES.__contains__, subtypes)), dtype=bool)
        self.action = np.array(list(map(eq, subtypes, repeat("me_message"))), dtype=np.float32)
        self.question = np.array(list(map(is_question, texts)), dtype=np.float32)
        self.answer_cue = np.array(list(map(_ANSWER_CUES.__contains__, first)), dtype=np.float32)
        self.continuation = np.array(list(map(_CONTINUATION.__contains__, first)), dtype=np.float32)
        self.greeting = np.array(list(map(_GREETINGS.__contains__, first)), dtype=np.float32)
        self.thanks = np.array(thanks, dtype=np.float32)
        self.length = np.array(list(map(math.log1p, map(len, texts))), dtype=np.float32)
        self.author = np.array(author, dtype=np.int64)
        self.addressed = np.array(addressed, dtype=np.int64)
        self.mentions = np.zeros((n, len(users)), dtype=bool)
        self.mentions[mention_rows, mention_users] = True
        self.has_mention = self.mentions.any(axis=1)
        self.prev_same, self.next_same = _same_author_neighbours(self.author)
        cosine = _band_cosine_flat(block_words(texts), n, w)
        self.partners = _band_partners(self.author, np.array(mention_rows, dtype=np.int64),
                                       np.array(mention_users, dtype=np.int64), len(users), w)
        # valid[i, d]: the message d places before i exists and may be answered (d = 0: "starts a conversation").
        positions = np.arange(n)
        parent = positions[:, None] - np.arange(w + 1)[None, :]
        self.valid = parent >= 0
        self.valid[:, 1:] &= ~self.system[np.maximum(parent[:, 1:], 0)]
        cosine[~self.valid] = 0.0
        self.cosine = cosine
        self.best = cosine[:, 1:].max(axis=1) if w else np.zeros(n, dtype=np.float32)

    def planes(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """Features of rows start..stop-1: of their earlier candidates (pair features, rows, window) and
        of "starts a conversation" (self features, rows), float32; every other feature is zero."""
        w, m = self.w, stop - start
        p = np.empty((len(PAIR_FEATURES), m, w), dtype=np.float32)  # every plane is written below
        i = np.arange(start, stop)
        jj = i[:, None] - np.arange(1, w + 1)[None, :]  # parent positions, (m, w)
        exists = jj >= 0
        j = np.maximum(jj, 0)
        author, prev_same, addressed = self.author, self.prev_same, self.addressed
        # Each parent's facts gathered with `np.take` (the same values as `author[j]`, about twice as fast).
        take = np.take
        ai, aj = author[i][:, None], take(author, j)
        people = self.mentions.shape[1]
        mention = take(self.mentions.reshape(-1), i[:, None] * people + aj)  # mentions[i, author of j]
        back = take(self.mentions.reshape(-1), j * people + ai)  # mentions[j, author of i]
        latest = take(self.next_same, j) >= i[:, None]
        addressed_j = take(addressed, j)
        to_parent = addressed[i][:, None] == aj
        prev_i = prev_same[i][:, None]
        same = ai == aj
        other = ~same
        partners = self.partners[start:stop, 1:]
        qj = take(self.question, j)
        cosine = self.cosine[start:stop, 1:]
        best = self.best[start:stop, None]

        p[COL["pair"]] = 1.0
        distance = np.arange(1, w + 1)
        for column, (lo, hi) in zip(_DISTANCE_COLUMNS, _DISTANCE_BUCKETS):
            p[column] = (distance >= lo) & (distance <= hi)
        p[COL["log_distance"]] = self.log_distance
        p[COL["log_gap_min"]] = np.log1p(np.maximum(self.times[i][:, None] - take(self.times, j), 0) / 60.0)
        p[COL["mentions_parent_author"]] = mention
        p[COL["addressed_to_parent_author"]] = to_parent
        p[COL["mentions_parent_author_latest"]] = mention & latest
        p[COL["addressed_to_parent_author_latest"]] = to_parent & latest
        p[COL["parent_mentions_author"]] = back
        p[COL["parent_addressed_to_author"]] = addressed_j == ai
        p[COL["parent_mentions_author_unanswered"]] = back & (prev_i <= j)
        p[COL["same_author"]] = same
        p[COL["same_author_next"]] = same & (prev_i == j)
        p[COL["same_author_continuation"]] = same * self.continuation[i][:, None]
        p[COL["same_author_no_mention"]] = same & ~self.has_mention[i][:, None]
        p[COL["parent_latest_of_its_author"]] = latest
        p[COL["author_spoke_since"]] = prev_i > j
        p[COL["partners"]] = partners
        p[COL["partners_latest"]] = partners & latest
        p[COL["cosine"]] = cosine
        p[COL["cosine_same_author"]] = cosine * same
        cosine_best = (cosine == best) & (best > 0)
        p[COL["cosine_best"]] = cosine_best
        p[COL["cosine_best_pos"]] = cosine_best * best
        p[COL["parent_question"]] = qj
        p[COL["parent_question_answer_cue"]] = qj * self.answer_cue[i][:, None]
        p[COL["parent_question_not_own"]] = qj * other * (1 - self.question[i])[:, None]
        p[COL["addressed_to_other"]] = (addressed[i] >= 0)[:, None] & ~to_parent
        p[COL["parent_addressed_to_other"]] = (addressed_j >= 0) & (addressed_j != ai)
        p[COL["parent_is_action"]] = take(self.action, j)
        p[COL["thanks_to_partner"]] = self.thanks[i][:, None] * (partners.astype(np.float32) + mention)
        p[COL["parent_first_of_author"]] = take(prev_same, j) < 0
        p[COL["parent_greeting"]] = take(self.greeting, j)
        # The nearest candidate (smallest distance) with a property: none nearer has it.
        _nearest(back, p[COL["parent_mentions_author_latest"]])
        _nearest(other, p[COL["nearest_other_author"]])
        _nearest(other & (qj > 0), p[COL["latest_other_question"]])
        if not exists.all():
            p[:, ~exists] = 0.0

        s = np.empty((len(SELF_FEATURES), m), dtype=np.float32)  # every row is written below
        s[SELF_COL["self"]] = 1.0
        s[SELF_COL["self_has_mention"]] = self.has_mention[i]
        s[SELF_COL["self_addressed"]] = addressed[i] >= 0
        s[SELF_COL["self_question"]] = self.question[i]
        s[SELF_COL["self_greeting"]] = self.greeting[i]
        times = self.times
        gap_prev = times[i] - times[np.maximum(i - 1, 0)]
        s[SELF_COL["self_log_gap_prev"]] = np.log1p(np.maximum(gap_prev, 0) / 60.0)
        prev = prev_same[i]
        s[SELF_COL["self_author_new"]] = (prev < 0) | (i - prev > w)
        s[SELF_COL["self_log_author_gap"]] = np.log1p(np.where(prev < 0, w, np.minimum(i - prev, w)))
        s[SELF_COL["self_is_action"]] = self.action[i]
        s[SELF_COL["self_log_length"]] = self.length[i]
        s[SELF_COL["self_max_cosine"]] = self.best[start:stop]
        s[SELF_COL["self_answer_cue"]] = self.answer_cue[i]
        s[SELF_COL["self_continuation"]] = self.continuation[i]
        s[SELF_COL["self_any_partner"]] = partners.any(axis=1) if w else 0.0
        return p, s


def _seconds(messages: list[ChannelMessage]) -> np.ndarray:
    """Each message's `seconds`, float64: when no message has `at`, its `ts` read at once by `_decimal_stamps`
    (Slack's and IRC's stamps) or by `float` in C; else message by message through the property."""
    if list(map(_AT, messages)).count(None) == len(messages):
        stamps = list(map(_TS, messages))
        seconds = _decimal_stamps(stamps)
        if seconds is not None:
            return seconds
        try:
            return np.fromiter(map(float, stamps), dtype=np.float64, count=len(messages))
        except ValueError:  # a `ts` that is not a number (its message's `seconds` is 0.0)
            pass
    return np.array([m.seconds for m in messages], dtype=np.float64)


def _decimal_stamps(stamps: list[str]) -> np.ndarray | None:
    """`float` of stamps that all have the same shape, digits with a dot at the same place ("1700000000.123456"),
    read as whole numbers of millionths (or whatever the places) and divided once: a number below 2**53 and a power
    of ten up to 10**22 are both exact doubles, so the quotient is the correctly rounded value of the decimal, the
    very double `float` reads (`float` parses each stamp with big-number arithmetic, most of the cost of the
    times). None when the stamps differ in shape or are too long to be exact so."""
    if not stamps:
        return None
    width, dot = len(stamps[0]), stamps[0].find(".")
    joined = "".join(stamps)
    if not 0 < width <= 18 or len(joined) != width * len(stamps) or not joined.isascii() \
            or list(map(len, stamps)).count(width) != len(stamps):
        return None
    chars = np.frombuffer(joined.encode("ascii"), dtype=np.uint8).reshape(len(stamps), width)
    if dot >= 0:
        if not (chars[:, dot] == ord(".")).all():
            return None
        chars = np.delete(chars, dot, axis=1)
    digits = chars - np.uint8(ord("0"))  # a character below "0" wraps around to 208 or more
    if digits.shape[1] == 0 or not (digits <= 9).all():
        return None
    whole = digits.astype(np.int64) @ (10 ** np.arange(digits.shape[1] - 1, -1, -1, dtype=np.int64))
    if not (whole < 2**53).all():
        return None
    return whole / (10.0 ** (width - 1 - dot) if dot >= 0 else 1.0)


def _nearest(flags: np.ndarray, out: np.ndarray) -> None:
    """out[:, d] = flags[:, d] and not any(flags[:, :d]): only each row's first flag (the nearest candidate with
    a property) is set, found by `argmax` (which stops at it) rather than by a running `or` along every row."""
    out[:] = 0.0
    if flags.shape[1] == 0:  # a window of 0: no candidates
        return
    rows = np.arange(len(flags))
    first = flags.argmax(axis=1)  # 0 for a row without a flag: its `flags` value there, False, is what is written
    out[rows, first] = flags[rows, first]


def _same_author_neighbours(author: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Position of the previous (-1: none) and next (n: none) message by the same author."""
    n = len(author)
    prev_same = np.full(n, -1, dtype=np.int64)
    next_same = np.full(n, n, dtype=np.int64)
    order = np.argsort(author, kind="stable")
    same = author[order[1:]] == author[order[:-1]]
    prev_same[order[1:][same]] = order[:-1][same]
    next_same[order[:-1][same]] = order[1:][same]
    return prev_same, next_same


def _band_cosine(tokens: list[list[str]], w: int) -> np.ndarray:
    """cosine[i, d]: tf-idf cosine of messages i and i-d for 1 ≤ d ≤ w (tf-idf over these messages' words)."""
    return _band_cosine_flat([t for toks in tokens for t in (*toks, "\x00")], len(tokens), w)


def _band_cosine_flat(flat: list[str], n: int, w: int) -> np.ndarray:
    """`_band_cosine` of `n` messages whose words come as `block_words` gives them: one list, a NUL after each
    message's words.

    Only pairs that share a word within the window are visited (through each word's list of messages),
    so the cost is the number of such pairs, never n². Words are numbered in order of first use and
    each message's sums run over its words in that order, one by one in float32, as a sparse
    row-times-matrix product adds them up.
    """
    # Each word's place of first use, in one pass in C (`setdefault`: one lookup a word, no Python call), then
    # numbered in that order among the words alone (the NUL left out).
    first_use: dict[str, int] = {}
    codes = np.fromiter(map(first_use.setdefault, flat, count()), dtype=np.int64, count=len(flat))
    nul = first_use.get("\x00", -1)
    ends = codes == nul
    rows = (np.cumsum(ends) - ends)[~ends]  # each word's message: the NULs before it
    numbered = np.zeros(len(flat), dtype=bool)
    numbered[codes] = True
    if nul >= 0:
        numbered[nul] = False
    cols = (np.cumsum(numbered) - 1)[codes[~ends]]
    n_words = max(1, len(first_use) - (nul >= 0))
    keys = _unique(rows * n_words + cols)
    rows, cols = keys // n_words, keys % n_words
    cosine = np.zeros((n, w + 1), dtype=np.float32)
    if len(rows) == 0 or w == 0:
        return cosine
    df = np.bincount(cols, minlength=n_words).astype(np.float32)
    idf = np.log((n + 1) / (df + 1)).astype(np.float32) + np.float32(1.0)
    weight = idf[cols]
    sums = np.zeros(n, dtype=np.float32)
    starts = np.flatnonzero(np.diff(rows, prepend=-1))  # each message's first entry (rows are in order)
    sums[rows[starts]] = np.add.reduceat(weight * weight, starts)  # as scipy sums a sparse row
    norms = np.sqrt(sums)
    norms[norms == 0] = 1.0
    weight = weight * (np.float32(1.0) / norms)[rows]
    # Each word's messages in order: an entry's earlier partners are just before it in this order.
    order = np.argsort(cols * n + rows, kind="stable")
    keys = (cols * n + rows)[order]
    position = np.empty_like(order)
    position[order] = np.arange(len(order))
    first = np.searchsorted(keys, cols * n + np.maximum(rows - w, 0))
    earlier = position - first  # each entry's partners: its word's entries in the window before it
    total = int(earlier.sum())
    if total == 0:
        return cosine
    entry = np.repeat(np.arange(len(rows)), earlier)
    offset = np.arange(total) - np.repeat(np.cumsum(earlier) - earlier, earlier) + 1
    partner = order[position[entry] - offset]
    child = rows[entry]
    flat = cosine.reshape(-1)
    np.add.at(flat, child * (w + 1) + (child - rows[partner]), weight[entry] * weight[partner])
    return cosine


def _band_partners(author: np.ndarray, mention_rows: np.ndarray, mention_users: np.ndarray,
                   n_users: int, w: int) -> np.ndarray:
    """partners[i, d]: the authors of i and i-d mentioned one another in the `w` messages before i."""
    n = len(author)
    partners = np.zeros((n, w + 1), dtype=bool)
    if len(mention_rows) == 0 or w == 0:
        return partners
    talks = _pair_code(author[mention_rows], mention_users, n_users)  # who talked with whom, and when
    codes = _unique(talks)
    events = np.sort(np.searchsorted(codes, talks) * (n + 1) + mention_rows)
    # Only candidates whose two authors ever talked in this block are looked up: number the people who
    # talked, then their pairs that did, in a table (people who mention someone are rarely more than a
    # few hundred in a block: a table of their pairs is a few MiB at most).
    talker = np.full(n_users, -1, dtype=np.int64)
    people = _unique(np.concatenate([author[mention_rows], mention_users]))
    talker[people] = np.arange(len(people))
    pair_of = np.full(len(people) ** 2, -1, dtype=np.int32)
    pair_of[_pair_code(talker[codes // n_users], talker[codes % n_users], len(people))] = np.arange(len(codes))
    parents = np.arange(n)[:, None] - np.arange(1, w + 1)[None, :]
    talker_of = talker[author]  # each message's author as a talker (-1: never mentioned or mentioned)
    ti, tj = talker_of[:, None], np.take(talker_of, np.maximum(parents, 0))  # `np.take`: a faster gather
    both = (ti >= 0) & (tj >= 0) & (parents >= 0)
    slot = np.where(both, np.take(pair_of, _pair_code(np.maximum(ti, 0), np.maximum(tj, 0), len(people))), -1)
    looked_up = np.flatnonzero(slot >= 0)  # row by row, as `np.nonzero`
    i, d = looked_up // w, looked_up % w
    base = np.take(slot, looked_up).astype(np.int64) * (n + 1)
    d += 1
    found = np.searchsorted(events, base + i) - 1  # the pair's latest talk before message i …
    recent = (found >= 0) & (np.take(events, np.maximum(found, 0)) >= base + np.maximum(i - w, 0))  # … within w
    partners[i[recent], d[recent]] = True
    return partners


def _unique(values: np.ndarray) -> np.ndarray:
    """`np.unique` of integers (sorted, each once) without its check for masked arrays, which imports
    `numpy.ma` (a tenth of NumPy's import time) on first use."""
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _pair_code(a: np.ndarray, b: np.ndarray, n_users: int) -> np.ndarray:
    """One number per unordered pair of people."""
    return np.minimum(a, b) * n_users + np.maximum(a, b)


def candidate_features(messages: list[ChannelMessage], window: int) -> tuple[np.ndarray, np.ndarray]:
    """Feature tensor (n, window+1, len(FEATURES)) and validity mask (n, window+1).

    Column 0 is "starts a conversation"; column d is the message d places earlier.
    """
    planes, valid = feature_planes(messages, window)
    return planes.transpose(2, 1, 0), valid


def feature_planes(messages: list[ChannelMessage], window: int) -> tuple[np.ndarray, np.ndarray]:
    """Like `candidate_features` but laid out (features, window+1, n) so columns are contiguous."""
    n = len(messages)
    feats = np.zeros((len(FEATURES), window + 1, n), dtype=np.float32)
    if n == 0:
        return feats, np.zeros((0, window + 1), dtype=bool)
    facts = _BlockFacts(messages, window)
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        pairs, selves = facts.planes(start, stop)
        feats[PAIRS, 1:, start:stop] = pairs.transpose(0, 2, 1)
        feats[SELVES, 0, start:stop] = selves
    return feats, facts.valid


def link_choices(
    messages: list[ChannelMessage], model: LinkModel, block: int = 4096
) -> tuple[np.ndarray, np.ndarray]:
    """For top-level messages in order: chosen distance (0 = new conversation) and its probability.

    Long channels go in blocks of `block` messages, each with twice the window of earlier messages
    as context, so memory stays bounded (features are window-local; only tf-idf weights and
    "first message of its author" see the block rather than the whole channel). Inside a block,
    candidates are built and scored `CHUNK` messages at a time.
    """
    n, context = len(messages), 2 * model.window
    best = np.zeros(n, dtype=np.int64)
    prob = np.ones(n, dtype=np.float64)
    with _one_blas_thread(), paused_collector():  # scoring makes no reference cycles
        for start in range(0, n, block):
            _choose_block(messages, model, start, block, context, best, prob)
    return best, prob


def _choose_block(messages: list[ChannelMessage], model: LinkModel, start: int, block: int, context: int,
                  best: np.ndarray, prob: np.ndarray) -> None:
    """Fill `best` and `prob` for messages start..start+block-1, with `context` earlier ones as their past."""
    n, w = len(messages), model.window
    lo, stop = max(0, start - context), min(n, start + block)
    facts = _BlockFacts(messages[lo:stop], w)
    for first in range(start - lo, stop - lo, CHUNK):
        last = min(stop - lo, first + CHUNK)
        pairs, selves = facts.planes(first, last)
        logits = np.empty((last - first, w + 1), dtype=np.float32)
        logits[:, 1:] = model.scores(pairs.reshape(len(PAIR_FEATURES), -1), PAIRS).reshape(last - first, w)
        logits[:, 0] = model.scores(selves, SELVES)
        logits[~facts.valid[first:last]] = -np.inf
        choice = logits.argmax(axis=1)
        shifted = np.exp(logits - logits[np.arange(len(choice)), choice][:, None])
        best[lo + first:lo + last] = choice
        prob[lo + first:lo + last] = 1.0 / shifted.sum(axis=1)  # softmax probability of the argmax


@lru_cache(maxsize=1)
def _blas_controller():
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # an environment installed before it was a dependency: BLAS keeps its threads
        return None
    return ThreadpoolController()


def _one_blas_thread():
    """BLAS on this thread only while scoring: its products are small, and worker threads of its own
    fight the digest's worker processes (and everyone else) for the cores, several times slower."""
    controller = _blas_controller()
    return nullcontext() if controller is None else controller.limit(limits=1, user_api="blas")


def reply_links(messages: list[ChannelMessage], model: LinkModel | None = None) -> list[ReplyLink]:
    """One link per message, in input order.

    Thread replies link to their thread's parent with score 1.0; joins and leaves start nothing
    and answer nothing (null, 1.0); every other message is scored against the top-level
    messages before it.
    """
    model = model or default_model()
    stamps = [m.ts for m in messages]
    threads = [m.thread_ts for m in messages]
    replies = [thread is not None and thread != ts for ts, thread in zip(stamps, threads)]  # `in_thread`
    top = [k for k, reply in enumerate(replies) if not reply] if any(replies) else range(len(messages))
    top_messages = [messages[k] for k in top] if any(replies) else messages
    choice, prob = link_choices(top_messages, model)
    # Each top-level message's parent (d places before it, None for d = 0) read in one gather, and its link
    # made as `ReplyLink(ts, parent, score)` is (`tuple.__new__` through `map`: no Python call per message).
    top_stamps = [stamps[k] for k in top]
    positions = np.arange(len(top_stamps))
    parents = np.array([*top_stamps, None], dtype=object)[np.where(choice > 0, positions - choice, len(top_stamps))]
    links = list(map(tuple.__new__, repeat(ReplyLink), zip(top_stamps, parents.tolist(), prob.tolist())))
    for k in compress(range(len(links)), map(SYSTEM_SUBTYPES.__contains__, map(_SUBTYPE, top_messages))):
        links[k] = ReplyLink(top_stamps[k], None, 1.0)  # `is_system`: starts nothing, answers nothing
    if not any(replies):
        return links
    out: list[ReplyLink] = [ReplyLink(ts, thread, 1.0) if reply else None  # type: ignore[misc]
                            for ts, thread, reply in zip(stamps, threads, replies)]
    for k, link in zip(top, links):
        out[k] = link
    return out
