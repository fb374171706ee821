"""Reply links: for each channel message, the earlier message it answers, or none (a new conversation).

Every top-level message is scored against itself ("starts a conversation") and the `window`
messages before it with a small model (a linear score plus 16 tanh units; weights in
`link_model.json`, 26 kB, trained by
`python -m bench.train_threads`). Features are computed for the whole channel at once with
numpy, which is what keeps `analyze` well above 20,000 messages a second.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.model import Message
from skills.threads.text import is_question, mentioned_users, words

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


@dataclass(frozen=True)
class ReplyLink:
    ts: str
    parent_ts: str | None  # None: starts a new conversation
    score: float           # the model's probability for this choice, 0..1

    def as_json(self) -> dict:
        return {"ts": self.ts, "parent_ts": self.parent_ts, "score": round(self.score, 4)}


def channel_message(raw: dict) -> ChannelMessage:
    """A Slack-shaped dict (`ts`, `user`, `text`, optional `thread_ts`, `subtype`) → ChannelMessage."""
    ts = raw.get("ts")
    if ts is None or not isinstance(raw.get("text", ""), str):
        raise ValueError(f"message without ts or with non-text text: {str(raw)[:80]}")
    return ChannelMessage(
        ts=str(ts), user=str(raw.get("user") or raw.get("bot_id") or raw.get("username") or "unknown"),
        text=raw.get("text") or "", thread_ts=str(raw["thread_ts"]) if raw.get("thread_ts") else None,
        subtype=raw.get("subtype"),
    )


def from_message(message: Message) -> ChannelMessage:
    """A core `bot.model.Message` → ChannelMessage (the router's way in)."""
    thread = message.conversation.thread_id
    return ChannelMessage(ts=message.id, user=message.author.id, text=message.text,
                          thread_ts=thread, mentions=tuple(message.mentions),
                          at=message.sent_at.timestamp())


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

    def scores(self, planes: np.ndarray) -> np.ndarray:
        """(features, window+1, n) → (n, window+1) candidate scores."""
        logits = np.tensordot(self.weights, planes, axes=1).T + self.intercept
        if self.hidden_u is not None:
            h = np.tanh(np.tensordot(planes, self.hidden_u, axes=([0], [0])) + self.hidden_b)  # (w+1, n, H)
            logits += (h @ self.hidden_v).T
        return logits


@lru_cache(maxsize=1)
def default_model() -> LinkModel:
    return LinkModel.from_json(json.loads(MODEL_PATH.read_text()))


def _first_word(text: str) -> str:
    for token in text.lower().split():
        token = token.strip(",.:;!?-")
        if token and not token.startswith("<@"):
            return token
    return ""


def candidate_features(messages: list[ChannelMessage], window: int) -> tuple[np.ndarray, np.ndarray]:
    """Feature tensor (n, window+1, len(FEATURES)) and validity mask (n, window+1).

    Column 0 is "starts a conversation"; column d is the message d places earlier.
    """
    planes, valid = feature_planes(messages, window)
    return planes.transpose(2, 1, 0), valid


def feature_planes(messages: list[ChannelMessage], window: int) -> tuple[np.ndarray, np.ndarray]:
    """Like `candidate_features` but laid out (features, window+1, n) so columns are contiguous."""
    n, w = len(messages), window
    feats = np.zeros((len(FEATURES), w + 1, n), dtype=np.float32)
    valid = np.zeros((n, w + 1), dtype=bool)
    if n == 0:
        return feats, valid
    col = {name: k for k, name in enumerate(FEATURES)}

    users: dict[str, int] = {}
    author = np.array([users.setdefault(m.user, len(users)) for m in messages], dtype=np.int64)
    known = {name.lower(): name for name in users}
    n_users = len(users)
    times = np.array([m.seconds for m in messages], dtype=np.float64)
    system = np.array([m.is_system for m in messages], dtype=bool)
    action = np.array([m.subtype == "me_message" for m in messages], dtype=np.float32)
    question = np.array([is_question(m.text) for m in messages], dtype=np.float32)
    first = [_first_word(m.text) for m in messages]
    answer_cue = np.array([f in _ANSWER_CUES for f in first], dtype=np.float32)
    continuation = np.array([f in _CONTINUATION for f in first], dtype=np.float32)
    greeting = np.array([f in _GREETINGS for f in first], dtype=np.float32)
    thanks = np.array([bool(_THANKS.intersection(m.text.lower().split())) for m in messages], dtype=np.float32)
    length = np.array([math.log1p(len(m.text)) for m in messages], dtype=np.float32)

    mentions = np.zeros((n, n_users), dtype=bool)
    addressed = np.full(n, -1, dtype=np.int64)
    for i, m in enumerate(messages):
        found, to = mentioned_users(m.text, known)
        for user in found.union(m.mentions):
            k = users.get(user)
            if k is not None and k != author[i]:
                mentions[i, k] = True
        if to is not None and users.get(to, author[i]) != author[i]:
            addressed[i] = users[to]
    has_mention = mentions.any(axis=1)

    # prev/next message by the same author, and who has talked with whom lately.
    prev_same = np.full(n, -1, dtype=np.int64)
    next_same = np.full(n, n, dtype=np.int64)
    last_seen: dict[int, int] = {}
    partners = np.zeros((n, w + 1), dtype=np.float32)
    last_talk = np.full((n_users, n_users), -10**9, dtype=np.int32)
    talkers: set[int] = set()
    positions = np.arange(n)
    authors, mentioning = author.tolist(), has_mention.tolist()  # plain ints and bools: quicker one by one
    for i in range(n):
        a = authors[i]
        if a in last_seen:
            prev_same[i] = last_seen[a]
            next_same[last_seen[a]] = i
        last_seen[a] = i
        lo = max(0, i - w)
        if i > lo and a in talkers:
            earlier = author[lo:i][::-1]  # distance 1, 2, …
            partners[i, 1:i - lo + 1] = last_talk[a, earlier] >= i - w
        for k in np.flatnonzero(mentions[i]).tolist() if mentioning[i] else ():
            last_talk[a, k] = last_talk[k, a] = i
            talkers.update((a, k))

    # tf-idf over this channel only, so nothing about vocabulary ships with the model.
    tokens = [words(m.text) for m in messages]
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, toks in enumerate(tokens):
        for t in set(toks):
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
    from scipy.sparse import csr_matrix

    matrix = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, max(1, len(vocab))))
    df = np.asarray(matrix.sum(axis=0)).ravel()
    idf = np.log((n + 1) / (df + 1)).astype(np.float32) + 1.0
    matrix = matrix.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = csr_matrix(matrix.multiply((1.0 / norms)[:, None]))

    cosine = _band_cosine(matrix, n, w)
    latest_own = next_same  # a message is its author's latest before i while next_same > i - 1
    seen_back = np.zeros(n, dtype=bool)   # a later candidate already mentioned the author
    seen_other = np.zeros(n, dtype=bool)  # a later candidate is by someone else
    seen_question = np.zeros(n, dtype=bool)
    for d in range(1, min(w, n - 1) + 1):
        j = positions[:-d]
        f = feats[:, d, d:]  # a view: feature planes over children i = j + d
        valid[d:, d] = ~system[:-d]
        f[col["pair"]] = 1.0
        for (lo, hi), name in zip(_DISTANCE_BUCKETS, PAIR_FEATURES[1:1 + len(_DISTANCE_BUCKETS)]):
            if lo <= d <= hi:
                f[col[name]] = 1.0
        f[col["log_distance"]] = math.log(d)
        f[col["log_gap_min"]] = np.log1p(np.maximum(times[d:] - times[:-d], 0) / 60.0)
        ai, aj = author[d:], author[:-d]
        mention = mentions[d:][np.arange(n - d), aj]
        back = mentions[j, ai]
        latest = latest_own[:-d] >= positions[d:]
        to_parent = addressed[d:] == aj
        f[col["mentions_parent_author"]] = mention
        f[col["addressed_to_parent_author"]] = to_parent
        f[col["mentions_parent_author_latest"]] = mention & latest
        f[col["addressed_to_parent_author_latest"]] = to_parent & latest
        f[col["parent_mentions_author"]] = back
        f[col["parent_addressed_to_author"]] = addressed[:-d] == ai
        f[col["parent_mentions_author_unanswered"]] = back & (prev_same[d:] <= j)
        same = (ai == aj).astype(np.float32)
        f[col["same_author"]] = same
        f[col["same_author_next"]] = same * (prev_same[d:] == j)
        f[col["same_author_continuation"]] = same * continuation[d:]
        f[col["same_author_no_mention"]] = same * ~has_mention[d:]
        f[col["parent_latest_of_its_author"]] = latest
        f[col["author_spoke_since"]] = prev_same[d:] > j
        f[col["partners"]] = partners[d:, d]
        f[col["partners_latest"]] = partners[d:, d] * latest
        qj = question[:-d]
        f[col["parent_question"]] = qj
        f[col["parent_question_answer_cue"]] = qj * answer_cue[d:]
        f[col["parent_question_not_own"]] = qj * (1 - same) * (1 - question[d:])
        f[col["addressed_to_other"]] = (addressed[d:] >= 0) & ~to_parent
        f[col["parent_addressed_to_other"]] = (addressed[:-d] >= 0) & (addressed[:-d] != ai)
        f[col["parent_is_action"]] = action[:-d]
        f[col["thanks_to_partner"]] = thanks[d:] * (partners[d:, d] + mention)
        f[col["parent_first_of_author"]] = prev_same[:-d] < 0
        f[col["parent_greeting"]] = greeting[:-d]
        other = ai != aj
        f[col["parent_mentions_author_latest"]] = back & ~seen_back[d:]
        f[col["nearest_other_author"]] = other & ~seen_other[d:]
        other_question = other & (qj > 0)
        f[col["latest_other_question"]] = other_question & ~seen_question[d:]
        seen_back[d:] |= back
        seen_other[d:] |= other
        seen_question[d:] |= other_question
    cosine[~valid] = 0.0
    by_distance = cosine.T[1:]
    feats[col["cosine"], 1:] = by_distance
    feats[col["cosine_same_author"], 1:] = by_distance * feats[col["same_author"], 1:]
    best = cosine[:, 1:].max(axis=1) if w else np.zeros(n, dtype=np.float32)
    feats[col["cosine_best"], 1:] = (by_distance == best[None, :]) & (best[None, :] > 0)
    feats[col["cosine_best_pos"], 1:] = feats[col["cosine_best"], 1:] * best[None, :]

    valid[:, 0] = True
    s = feats[:, 0]  # (features, n): the "starts a conversation" candidate
    s[col["self"]] = 1.0
    s[col["self_has_mention"]] = has_mention
    s[col["self_addressed"]] = addressed >= 0
    s[col["self_question"]] = question
    s[col["self_greeting"]] = greeting
    gap_prev = np.diff(times, prepend=times[0])
    s[col["self_log_gap_prev"]] = np.log1p(np.maximum(gap_prev, 0) / 60.0)
    s[col["self_author_new"]] = (prev_same < 0) | (positions - prev_same > w)
    s[col["self_log_author_gap"]] = np.log1p(np.where(prev_same < 0, w, np.minimum(positions - prev_same, w)))
    s[col["self_is_action"]] = action
    s[col["self_log_length"]] = length
    s[col["self_max_cosine"]] = best
    s[col["self_answer_cue"]] = answer_cue
    s[col["self_continuation"]] = continuation
    s[col["self_any_partner"]] = partners[:, 1:].max(axis=1) if w else 0.0
    return feats, valid


def _band_cosine(matrix, n: int, w: int, block: int = 2048) -> np.ndarray:
    """cosine[i, d] = similarity of rows i and i-d for 1 ≤ d ≤ w, in row blocks to bound memory."""
    cosine = np.zeros((n, w + 1), dtype=np.float32)
    for start in range(0, n, block):
        stop, lo = min(n, start + block), max(0, start - w)
        sim = (matrix[start:stop] @ matrix[lo:stop].T).tocoo()
        row, column = sim.row + start, sim.col + lo
        d = row - column
        keep = (d >= 1) & (d <= w)
        cosine[row[keep], d[keep]] = sim.data[keep]
    return cosine


def link_choices(
    messages: list[ChannelMessage], model: LinkModel, block: int = 4096
) -> tuple[np.ndarray, np.ndarray]:
    """For top-level messages in order: chosen distance (0 = new conversation) and its probability.

    Long channels go in blocks of `block` messages, each with twice the window of earlier messages
    as context, so memory stays bounded (features are window-local; only tf-idf weights and
    "first message of its author" see the block rather than the whole channel).
    """
    n, context = len(messages), 2 * model.window
    best = np.zeros(n, dtype=np.int64)
    prob = np.ones(n, dtype=np.float64)
    for start in range(0, n, block):
        lo, stop = max(0, start - context), min(n, start + block)
        planes, valid = feature_planes(messages[lo:stop], model.window)
        logits = model.scores(planes)[start - lo:]
        logits[~valid[start - lo:]] = -np.inf
        choice = logits.argmax(axis=1)
        shifted = np.exp(logits - logits[np.arange(len(choice)), choice][:, None])
        best[start:stop] = choice
        prob[start:stop] = 1.0 / shifted.sum(axis=1)  # softmax probability of the argmax
    return best, prob


def reply_links(messages: list[ChannelMessage], model: LinkModel | None = None) -> list[ReplyLink]:
    """One link per message, in input order.

    Thread replies link to their thread's parent with score 1.0; joins and leaves start nothing
    and answer nothing (null, 1.0); every other message is scored against the top-level
    messages before it.
    """
    model = model or default_model()
    top = [k for k, m in enumerate(messages) if not m.in_thread]
    top_messages = [messages[k] for k in top]
    choice, prob = link_choices(top_messages, model)
    out: list[ReplyLink | None] = [None] * len(messages)
    for position, k in enumerate(top):
        m = messages[k]
        if m.is_system:
            out[k] = ReplyLink(m.ts, None, 1.0)
            continue
        d = int(choice[position])
        parent = top_messages[position - d].ts if d else None
        out[k] = ReplyLink(m.ts, parent, float(prob[position]))
    for k, m in enumerate(messages):
        if m.in_thread:
            out[k] = ReplyLink(m.ts, m.thread_ts, 1.0)
    return out  # type: ignore[return-value]
