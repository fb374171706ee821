"""How much a discussion would gain from a short call: signals, a 0..1 score and the reasons in words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from bot.model import Message, User
from skills.threads.text import is_question, words

# Suggest a call at or above this score. Signals combine as a noisy-OR (below), and no single
# signal's weight reaches 0.6, so one signal alone never fires: a fast but friendly exchange
# (0.5), a slow thread spread over days (0.45) or a few "but"s never suggest a meeting; it takes
# two strong signals (e.g. rapid back-and-forth *and* disagreement), or three middling ones.
SUGGEST_THRESHOLD = 0.6
MIN_MESSAGES = 5  # fewer human messages than this is an ordinary short thread, whatever it says
MIN_PEOPLE, MAX_PEOPLE = 2, 6  # a back-and-forth worth a call: more than 6 is a meeting nobody can run
RAPID_WINDOW = timedelta(minutes=30)
QUIET_AFTER = timedelta(days=3)  # a discussion silent this long has ended; a call would come too late

# Each signal's strength s is 0..1; its weight w is its score when alone. score = 1 - Π(1 - w·s).
WEIGHTS = {
    "back_and_forth": 0.5,
    "disagreement": 0.5,
    "multi_day": 0.45,
    "repeated_questions": 0.35,
    "rising_length": 0.25,
}

# Ordered so the reason quotes the most telling phrase first.
_DISAGREEMENT_MARKERS = (
    ("I don't think", re.compile(r"\bI\s+(?:don'?t|do not)\s+think\b", re.I)),
    ("disagree", re.compile(r"\bdisagree", re.I)),
    ("not sure", re.compile(r"\bnot\s+(?:so\s+)?sure\b", re.I)),
    ("that won't work", re.compile(r"\b(?:won'?t|will not|doesn'?t|does not|can'?t|cannot)\s+work\b", re.I)),
    ("I'd rather", re.compile(r"\bI'?d\s+rather\b", re.I)),
    ("no,", re.compile(r"^\W*(?:no|nope|nah)\b", re.I)),
    ("wrong", re.compile(r"\bwrong\b", re.I)),
    ("however", re.compile(r"\bhowever\b", re.I)),
    ("but", re.compile(r"\bbut\b", re.I)),
)
_NEGATION = re.compile(r"\b(?:not|no|never|nope|nah|\w+n't|cannot)\b", re.I)
_DECISION = re.compile(
    r"\b(?:decided|decision|let'?s\s+go\s+with|we'?ll\s+go\s+with|going\s+with|agreed|settled|approved|"
    r"final\s+answer|ship\s+it|sounds\s+good|lgtm|works\s+for\s+me)\b", re.I)


@dataclass(frozen=True)
class MeetingScore:
    """A discussion's score (0..1), its strongest reasons in words, and who should join."""

    score: float
    reasons: tuple[str, ...]
    participants: tuple[User, ...]
    signals: dict[str, float] = field(default_factory=dict)  # each signal's strength 0..1, for the log
    threshold: float = SUGGEST_THRESHOLD

    @property
    def suggest(self) -> bool:
        return self.score >= self.threshold


def score_discussion(messages: Sequence[Message], now: datetime) -> MeetingScore:
    """Score a thread or burst (any order); messages after `now` and bot messages are ignored."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    human = sorted((m for m in messages if not m.author.is_bot and m.sent_at <= now), key=lambda m: m.sent_at)
    counts = Counter(m.author.id for m in human)
    by_id = {m.author.id: m.author for m in human}
    participants = tuple(by_id[uid] for uid, _ in counts.most_common())
    if len(human) < MIN_MESSAGES or len(participants) < MIN_PEOPLE:
        return MeetingScore(0.0, (), participants)
    if now - human[-1].sent_at > QUIET_AFTER:
        return MeetingScore(0.0, (f"quiet for {(now - human[-1].sent_at).days} days",), participants)

    found = {
        "back_and_forth": _back_and_forth(human),
        "disagreement": _disagreement(human),
        "multi_day": _multi_day(human),
        "repeated_questions": _repeated_questions(human),
        "rising_length": _rising_length(human),
    }
    remaining = 1.0
    for name, (strength, _) in found.items():
        remaining *= 1.0 - WEIGHTS[name] * strength
    ranked = sorted(((WEIGHTS[n] * s, r) for n, (s, r) in found.items() if s > 0 and r),
                    key=lambda pair: -pair[0])
    return MeetingScore(
        score=round(1.0 - remaining, 3),
        reasons=tuple(reason for _, reason in ranked[:3]),
        participants=participants,
        signals={name: round(strength, 3) for name, (strength, _) in found.items()},
    )


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def _back_and_forth(human: list[Message]) -> tuple[float, str]:
    """The busiest RAPID_WINDOW: how often the speaker changed, among how many people."""
    best = (0, 0, 0)  # (speaker changes, first index, last index)
    changed = [0]  # changed[k]: speaker changes among human[0..k]
    for k in range(1, len(human)):
        changed.append(changed[-1] + (human[k].author.id != human[k - 1].author.id))
    start = 0
    for end in range(len(human)):
        while human[end].sent_at - human[start].sent_at > RAPID_WINDOW:
            start += 1
        changes = changed[end] - changed[start]
        if changes > best[0]:
            best = (changes, start, end)
    changes, first, last = best
    window = human[first:last + 1]
    people = len({m.author.id for m in window})
    if changes < 2 or not MIN_PEOPLE <= people <= MAX_PEOPLE:
        return 0.0, ""
    minutes = max(1, round((window[-1].sent_at - window[0].sent_at).total_seconds() / 60))
    # 3 turns is a normal question-answer-thanks; 10 or more in half an hour is a live debate.
    return _clamp((changes - 3) / 7), f"{len(window)} replies in {minutes} minutes between {people} people"


def _disagreement(human: list[Message]) -> tuple[float, str]:
    """Messages with disagreement markers, plus negations answered by negations from someone else."""
    markers: Counter[str] = Counter()
    marked = 0
    for message in human:
        hits = [label for label, pattern in _DISAGREEMENT_MARKERS if pattern.search(message.text)]
        markers.update(hits)
        marked += bool(hits)
    chains = sum(
        1 for before, after in zip(human, human[1:])
        if before.author.id != after.author.id and _NEGATION.search(before.text) and _NEGATION.search(after.text)
    )
    if not marked and not chains:
        return 0.0, ""
    order = [label for label, _ in _DISAGREEMENT_MARKERS if label in markers][:2]
    parts = []
    if order:
        quoted = ", ".join(f"'{label}'" for label in order)
        parts.append(f"disagreement: {quoted} in {marked} message{'s' if marked != 1 else ''}")
    if chains:
        parts.append(f"negations answered by negations {chains} time{'s' if chains != 1 else ''}")
    # One "but" is ordinary; six marked messages or answered negations is an argument.
    return _clamp((marked + chains) / 6), "; ".join(parts)


def _multi_day(human: list[Message]) -> tuple[float, str]:
    days = len({m.sent_at.astimezone(timezone.utc).date() for m in human})
    if days < 2 or any(_DECISION.search(m.text) for m in human):
        return 0.0, ""
    return _clamp((days - 1) / 2), f"alive for {days} days without a decision"


def _repeated_questions(human: list[Message]) -> tuple[float, str]:
    """Questions whose content words mostly repeat an earlier question's."""
    asked: list[set[str]] = []
    repeats = 0
    example = ""
    for message in human:
        if not is_question(message.text):
            continue
        content = set(words(message.text))
        if len(content) < 2:
            continue
        if any(len(content & earlier) / len(content | earlier) >= 0.5 for earlier in asked):
            repeats += 1
            example = example or _first_question(message.text)
        asked.append(content)
    if not repeats:
        return 0.0, ""
    return _clamp(repeats / 2), f"the same question came up {repeats + 1} times: '{example}'"


def _first_question(text: str) -> str:
    question = next((part for part in re.split(r"(?<=[.!?])\s+", text) if "?" in part), text).strip()
    return question if len(question) <= 60 else question[:57].rstrip() + "…"


def _rising_length(human: list[Message]) -> tuple[float, str]:
    if len(human) < 6:
        return 0.0, ""
    lengths = [len(m.text.split()) for m in human]
    third = len(lengths) // 3
    early = sum(lengths[:third]) / third
    late = sum(lengths[-third:]) / third
    ratio = late / max(early, 1.0)
    if ratio < 1.5:
        return 0.0, ""
    # Messages twice as long by the end mean people are writing essays at each other.
    return _clamp((ratio - 1.3) / 1.2), f"messages grew from about {round(early)} to {round(late)} words"
