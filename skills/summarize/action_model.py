"""Which tasks a thread leaves to do: the cue rules' action items, checked and completed by a small logistic model.

On fresh threads the rules (`ThreadReader.action_items` in detect.py) found under half of the tasks people had
taken: a promise or a request said without one of the cue tables' forms ("Lo meto esta semana", "Sprawdzę
jeszcze …", "Gustavo, a causa raiz é o sync …" — "Investigo na segunda") — while some of what they did find was
status ("no ETA yet") or a task reported done. New cue words did not carry over to the next batch, so each item
the rules found, and each other sentence of the thread, is a candidate scored by a logistic model whose features
mostly do not depend on one language's words: the rules' verdict, the cue tables' signals (every language has
them), whom the sentence names and whether that person answers, whether it is a question and how the next
person replied, its position and length. The weights live in `action_model.json`, trained on the gold set's dev
threads by `python -m bench.train_actions` (see bench/RESULTS.md for its cross-validated figures).

An item the rules found keeps their line (owner, due date, context) when its score passes `rule_threshold`; any
other sentence passing `threshold` becomes an item owned by the person it names (when they answer), else by
the one who answered its question accepting it, else by its speaker — its text the sentence itself, in the third
person for English.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import mul
from pathlib import Path

from skills.summarize.decision_model import bound
from skills.summarize.detect import (
    _COMPLETED,
    _CONDITIONAL,
    _DECLINE,
    _DIGIT,
    _DONE,
    _FIRST_PLURAL,
    _FIRST_SINGULAR,
    _HYPOTHETICAL,
    _OBJECTION,
    _THANKS,
    Found,
    Sentence,
    ThreadReader,
    content_words,
    word_count,
)
from skills.summarize.rewrite import to_third_person

MODEL_PATH = Path(__file__).with_name("action_model.json")
MAX_ADDED = 8  # sentences the model may add to one thread: a summary is not the thread
REACH = 300  # a longer thread's other sentences are read from its last this many messages (speed: 2,000 messages)
SAME_TASK = 0.3  # content-word Dice at which two lines are the same task (the benchmark's own bar)

_NAMED = re.compile(r"(?:^|[\s(,;:¿¡])@?([^\W\d_][\w.'-]*)")  # words that may be a participant's first name
# a hedge or a view, not a commitment, in the languages the cue tables cover
_HEDGE = re.compile(
    r"\b(?:maybe|perhaps|probably|i\s+think|i\s+guess|not\s+sure|might|vielleicht|ich\s+glaube|peut-être|je\s+pense"
    r"|quizás?|tal\s+vez|creo\s+que|talvez|acho\s+que|forse|credo)\b|たぶん|かも|也许|可能|शायद|ربما", re.I)
_YOU = re.compile(r"\b(?:you|u|your|du|dir|dich|tu|toi|te|vous|tú|ti|você|vocês|voi)\b|आप|तुम|あなた|你|أنت", re.I)
_WHO = re.compile(r"\b(?:who|wer|qui|quién|quem|chi|kto)\b|谁|誰|कौन|من", re.I)
_VOCATIVE = re.compile(r"^\W*(?:(?:and|und|et|e|y|ok|so)\s+)?@?([^\W\d_][\w.'-]*)\s*[,:—–]\s*", re.I)  # "And Mo, …"
_QUESTION_MARK = re.compile(r"\s*[?？؟]+\s*$")
_FUTURE = re.compile(r"\b(?:will|'ll|going\s+to|gonna|wird|werde|va|vais|vont|voy|vamos|vou|vai|vão)\b", re.I)

FEATURES = (
    "rule", "rule_context", "rule_unassigned", "rule_to_other",
    "commit", "request", "assign", "unassigned", "accept", "agree", "decided", "defer", "due",
    "question", "completed", "done_first", "conditional", "hypothetical", "objection", "thanks", "hedge", "future",
    "first_singular", "first_plural", "digit",
    "names_other", "vocative", "named_replies", "you", "who_before", "asked_of_speaker", "named_answers", "named_declines", "reply_accepts", "reply_promises", "reply_declines",
    "same_message_as_rule", "message_has_rule",
    "words", "short", "rel_position", "first_message", "last_message", "speaker_share", "starter",
    "participants", "rule_items", "english",
)


@dataclass(frozen=True)
class Candidate:
    """An action item the rules found (`rule`) or another sentence of the thread, with its features."""

    sentence: Sentence
    rule: Found | None
    features: tuple[float, ...]


@dataclass(frozen=True)
class Model:
    """Two logistic models over `FEATURES` (raw inputs), one for the rules' items and one for the other sentences
    (two populations: a rule item is a task three times in four, another sentence once in twenty-five); the score
    a rule item needs to stay and the score another sentence needs to be added."""

    rule_weights: tuple[float, ...]
    rule_bias: float
    weights: tuple[float, ...]
    bias: float
    threshold: float
    rule_threshold: float

    def score(self, candidate: Candidate) -> float:
        if candidate.rule is not None:
            return self.rule_bias + sum(map(mul, self.rule_weights, candidate.features))
        return self.bias + sum(map(mul, self.weights, candidate.features))

    @staticmethod
    def from_json(data: dict) -> Model:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("action model weights are for other features: retrain with python -m bench.train_actions")
        return Model(tuple(data["rule_weights"]), data["rule_bias"], tuple(data["weights"]), data["bias"],
                     data["threshold"], bound(data["rule_threshold"]))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model:
    return Model.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def _any(patterns, text: str) -> float:
    if isinstance(patterns, tuple):
        return float(any(p.search(text) for p in patterns))
    return float(bool(patterns.search(text)))


def _named(reader: ThreadReader, s: Sentence) -> str | None:
    """The first participant other than the speaker that the sentence names ("Gustavo, …", "@ken", "… Rui?")."""
    return _naming(reader, s)[0]


def _naming(reader: ThreadReader, s: Sentence) -> tuple[str | None, int]:
    """`_named` and where in the sentence the name starts."""
    for m in _NAMED.finditer(s.text):
        word = m.group(1)
        if word[0].isupper() or s.text[m.start(1) - 1:m.start(1)] == "@":
            who = reader.resolve(word)
            if who and who != s.speaker:
                return who, m.start(1)
    return None, -1


def _next_by(reader: ThreadReader, s: Sentence, person: str | None) -> str:
    """The first sentence of the next message (within three) by `person`, or by anyone else when None."""
    for m in reader.messages[s.index + 1:s.index + 4]:
        if m.speaker != s.speaker and (person is None or m.speaker == person):
            own = reader.by_message.get(m.index)
            return own[0].text if own else m.text
    return ""


def _similar(a: str, b: str) -> float:
    left, right = content_words(a), content_words(b)
    return 2 * len(left & right) / (len(left) + len(right)) if left and right else 0.0


def candidates(reader: ThreadReader, found: list[Found], with_rules: bool = True) -> list[Candidate]:
    """The rules' items (unless `with_rules` is false: a model that keeps them all needs not score them) and every
    other sentence of the thread that could state a task, with their features."""
    cues, messages = reader.cues, reader.messages
    n = len(messages)
    counts: dict[str, int] = {}
    for m in messages:
        counts[m.speaker] = counts.get(m.speaker, 0) + 1
    starter = messages[0].speaker if messages else ""
    rule_messages = {f.index for f in found}
    used = {f.sentence for f in found} | reader.tasked
    thread = (math.log1p(len(counts)), math.log1p(len(found)), float(reader.english))
    out: list[Candidate] = []

    naming: dict[int, tuple[str | None, int]] = {}  # by id() of the sentence: asked again for the next ones
    replies: dict[int, tuple[float, ...]] = {}  # by message: how the next person answered

    def named_in(x: Sentence) -> tuple[str | None, int]:
        if id(x) not in naming:
            naming[id(x)] = _naming(reader, x)
        return naming[id(x)]

    def reply_to(s: Sentence) -> tuple[float, ...]:
        if s.index not in replies:
            reply = _next_by(reader, s, None)
            replies[s.index] = (float(bool(reply) and bool(cues.accept.search(reply))),
                                float(bool(reply) and reader._promises(reply)),
                                float(bool(reply) and bool(_DECLINE.search(reply) or cues.disagree.search(reply))))
        return replies[s.index]

    def features(s: Sentence, text: str, item: Found | None) -> tuple[float, ...]:
        named, at = named_in(s)
        answer = _next_by(reader, s, named) if named else ""
        before = reader._window(s.index - 3, s.index)
        first = reader.by_message.get(s.index, (s,))[0]
        return (
            float(item is not None), float(bool(item and item.context)), float(bool(item) and item.owner is None),
            float(bool(item) and item.owner not in (None, s.speaker)),
            _any(cues.commit, text), _any(cues.request, text), _any(cues.assign, text), _any(cues.unassigned, text),
            _any(cues.accept, first.text), _any(cues.agree, text), _any(cues.decided, text), _any(cues.defer, text),
            _any(cues.due, text),
            float(s.is_question), _any(_COMPLETED, text), _any(_DONE, first.text), _any(_CONDITIONAL, text),
            _any(_HYPOTHETICAL, text), _any(_OBJECTION, text), _any(_THANKS, text), _any(_HEDGE, text),
            _any(_FUTURE, text), _any(_FIRST_SINGULAR, text), _any(_FIRST_PLURAL, text), _any(_DIGIT, text),
            float(named is not None), float(0 <= at <= 8), float(bool(answer)), _any(_YOU, text),
            float(any(x.is_question and x.speaker != s.speaker and _WHO.search(x.text) for x in before[-3:])),
            float(any(x.speaker != s.speaker and named_in(x)[0] == s.speaker for x in before)),
            float(bool(answer) and bool(cues.accept.search(answer) or reader._promises(answer))),
            float(bool(answer) and bool(_DECLINE.search(answer))),
            *reply_to(s),
            float(item is None and s.index in rule_messages), float(s.index in rule_messages),
            math.log1p(word_count(text)), float(word_count(text) < 4), s.index / max(1, n - 1), float(s.index == 0),
            float(s.index == n - 1), counts[s.speaker] / n, float(s.speaker == starter), *thread,
        )

    for f in found if with_rules else ():
        own = reader.by_message.get(f.index, ())
        s = next((x for x in own if x.text == f.sentence), None) or (own[0] if own else None)
        if s is not None:
            out.append(Candidate(s, f, features(s, f.sentence or s.text, f)))
    for s in reader.sentences:
        if s.index < n - REACH or s.text in used or word_count(s.text) < 3 or not content_words(s.text):
            continue
        out.append(Candidate(s, None, features(s, s.text, None)))
    return out


def line(reader: ThreadReader, c: Candidate) -> Found:
    """The action item a candidate gives: the rules' own, or the sentence (in the third person for English) owned
    by `_owner`, with its due date. Written only for the candidates kept: rewriting is the costly part."""
    if c.rule is not None:
        return c.rule
    s = c.sentence
    due, due_date = reader.due(s.text, reader.messages[s.index].sent)
    owner = _owner(reader, s)
    text = s.text.strip()
    if (m := _VOCATIVE.match(text)) and reader.resolve(m.group(1)) == owner and len(text) > m.end():
        text = text[m.end():]  # "Ricardo, consegues correr o script …?" is Ricardo's: "consegues correr o script …"
    text = _QUESTION_MARK.sub("", text)
    if reader.english:
        text = to_third_person(text, s.speaker)
    return Found(text, s.source_id, s.index, owner, due, due_date, sentence=s.text)


def _owner(reader: ThreadReader, s: Sentence) -> str:
    """Who a sentence's task would belong to: the person it names, unless they decline; the next person when
    they accept a question not about the speaker's own doing; else the speaker."""
    named = _named(reader, s)
    if named and not _DECLINE.search(_next_by(reader, s, named)):
        return named
    if s.is_question and not _FIRST_SINGULAR.search(s.text):
        for m in reader.messages[s.index + 1:s.index + 3]:
            if m.speaker != s.speaker:
                first = reader.by_message.get(m.index)
                said = first[0].text if first else m.text
                if reader.cues.accept.search(said) or reader._promises(said):
                    return m.speaker
                break
    return s.speaker


def select(cands: list[Candidate], scores: list[float], model: Model, line_of, kept_already: list[Found] = ()) -> list[Found]:
    """The rule items that pass `rule_threshold`, then the best other sentences passing `threshold` that are no
    restatement of an item already kept (or in `kept_already`; `line_of(i)` gives candidate i's line); in thread
    order."""
    kept = [c.rule for c, v in zip(cands, scores) if c.rule is not None and v >= model.rule_threshold]
    added: list[Found] = []
    for v, i in sorted(((v, i) for i, (c, v) in enumerate(zip(cands, scores)) if c.rule is None and v >= model.threshold),
                       key=lambda pair: (-pair[0], pair[1])):
        if len(added) >= MAX_ADDED:
            break
        item = line_of(i)
        if all(_similar(item.text, k.text) < SAME_TASK for k in (*kept_already, *kept, *added)):
            added.append(item)
    return sorted(kept + added, key=lambda f: f.index)


def action_items(reader: ThreadReader, model: Model | None = None) -> list[Found]:
    """`ThreadReader.action_items`, checked and completed by the model."""
    found = reader.action_items()
    model = model or load_model()
    if math.isinf(model.rule_threshold):  # the rules' items all stay: only the other sentences are scored
        cands = candidates(reader, found, with_rules=False)
        return sorted(found + select(cands, [model.score(c) for c in cands], model, lambda i: line(reader, cands[i]), found),
                      key=lambda f: f.index)
    cands = candidates(reader, found)
    return select(cands, [model.score(c) for c in cands], model, lambda i: line(reader, cands[i]))
