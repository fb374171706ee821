"""Which sentences of a thread are its decisions: a small logistic model over the cue rules' verdict and signals.

The cue rules (`ThreadReader.decisions` in detect.py) read decisions said with a cue word, but new threads kept
showing decisions said without one: an order from whoever runs the thread, agreed to in passing ("refund first,
investigate later" — "ok"), or several calls in a planning thread. Adding rules did not carry over to fresh threads,
so every sentence of the thread is a candidate, scored by a logistic model whose features mostly do not depend on
one language's words: the rules' verdict, the cue tables' signals (every language has them), who said it (the one
who opened the thread, the most active one, the one handing out tasks), where (last word of that speaker, near the
end), and how others answered (agreement, short replies, reactions, an objection, a later sentence on the same
subject that replaces it). The weights live in `decision_model.json`, trained on the gold set's dev threads
only by `python -m bench.train_decisions` (see bench/RESULTS.md for its cross-validated figures).

A candidate the rules also chose keeps the rules' line (their outcome clause and what a short one settles); any
other is written as the rules write a decision (`ThreadReader._decision_text`, then `_as_reported`).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import mul
from pathlib import Path

from skills.summarize.cues import Cues
from skills.summarize.detect import (
    _ADDRESSED,
    _DIGIT,
    _OBJECTION,
    _THANKS,
    _WE_PLAN,
    Found,
    Sentence,
    ThreadReader,
    content_words,
    word_count,
)

MODEL_PATH = Path(__file__).with_name("decision_model.json")
AGREE_REACH = 4  # later messages read for agreement or an objection
REVISION_REACH = 8  # later messages read for a sentence on the same subject that replaces this one
SAME_SUBJECT = 0.3  # content-word Dice of two sentences on the same subject
MAX_DECISIONS = 10  # the best-scoring ones, when a long thread has more: a summary is not the thread
TEXT_CACHE = 16_384  # texts whose cue features are remembered (see `_cue_features`)
READ_LAST = 150  # messages of a long thread whose sentences the model reads (the rules read them all)

# "maybe", "what if", "I think": a view put forward, not a call. Several languages, since the cue tables lack it.
_HEDGE = re.compile(
    r"\b(?:maybe|perhaps|probably|what\s+if|i\s+think|i\s+guess|i\s+feel|not\s+sure|might|could\s+we|we\s+could"
    r"|vielleicht|eventuell|ich\s+glaube|ich\s+denke|was\s+wäre\s+wenn|könnten\s+wir|nicht\s+sicher|peut-être|je\s+pense"
    r"|et\s+si|on\s+pourrait|pas\s+sûr|quizás?|tal\s+vez|creo\s+que|y\s+si|podríamos|no\s+estoy\s+segur[oa]|talvez"
    r"|acho\s+que|e\s+se|poderíamos|não\s+tenho\s+certeza"
    r"|forse|secondo\s+me|potremmo)\b"
    r"|たぶん|かも|(?<=[\u3040-\u309f\u4e00-\u9fff])そう(?:です|だ)?ね|と思(?:う|います)|気がします"  # "簡単そうですね": seems
    r"|也许|可能|शायद|ربما", re.I)
# Said as a settled plan: "we'll", "will", "going to", "is/are" + a date or figure is left to the cue tables.
_FUTURE = re.compile(r"\b(?:will|'ll|going\s+to|gonna|wird|werden|va|vont|vamos|vai|vão|va\s+a)\b", re.I)

FEATURES = (
    # where it sits and who said it
    "rule_chose", "rule_same_message", "rule_thread_decided", "rule_thread_undecided", "question", "words", "short",
    "most_active", "assigner", "speaker_share", "rel_position", "first_message", "last_message", "near_end",
    "last_by_speaker", "first_in_message", "last_in_message", "reactions", "participants", "english", "answerer",
    "opener_closes", "leader_near_end",
    # its words (the cue tables) and its replies
    "proposal", "agree", "endorse", "defer", "revision", "conclude", "course", "policy", "announce", "react_call",
    "interim", "promise", "request", "unassigned", "objection", "thanks", "hedge", "we_plan", "future", "digit", "due",
    "agreed_by", "objected", "revised_later", "revised_by_self", "restates", "answers_question", "opening_overlap",
    "short_replies", "repliers", "rule_objected", "pushed_back",
)


@dataclass(frozen=True)
class Candidate:
    """One sentence of the thread with its features, and the rules' decisions read from it (empty if none)."""

    sentence: Sentence
    rule: tuple[Found, ...]
    features: tuple[float, ...]


def bound(value: float | None) -> float:
    """A threshold read from the weights' JSON, which has no infinity: null means no threshold."""
    return -math.inf if value is None else value


@dataclass(frozen=True)
class Model:
    """Logistic weights over `FEATURES` (inputs unscaled); the score a sentence needs to be a decision (a sentence
    the rules chose needs only `rule_threshold`: the model backs the rules and adds what they miss); and the score
    the thread's best sentence needs for the thread to count as decided at all."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    thread_threshold: float
    dedupe: float = 0.3  # a line this similar to one already kept says the same thing
    rule_threshold: float = -math.inf

    def score(self, features: tuple[float, ...]) -> float:
        return self.bias + sum(map(mul, self.weights, features))

    @staticmethod
    def from_json(data: dict) -> Model:
        if tuple(data["features"]) != FEATURES:
            raise ValueError("decision model weights are for other features: retrain with python -m bench.train_decisions")
        return Model(tuple(data["weights"]), data["bias"], data["threshold"], bound(data["thread_threshold"]),
                     data["dedupe"], bound(data["rule_threshold"]))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model:
    return Model.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def _cue_groups(cues: Cues) -> tuple[tuple[re.Pattern, ...], ...]:
    """The patterns of the cue features, in FEATURES order after "proposal" … "due", each a group (a feature is
    on when any pattern of its group matches; "promise" is `commit`, as in `ThreadReader._promises`)."""
    return tuple(p if isinstance(p, tuple) else (p,) for p in (
        cues.proposal, cues.agree, cues.endorse, cues.defer, cues.revision, cues.conclude, cues.course, cues.policy,
        cues.announce, cues.react_call, cues.interim, cues.commit, (*cues.request, *cues.assign), cues.unassigned,
        _OBJECTION, _THANKS, _HEDGE, _WE_PLAN, _FUTURE, _DIGIT, cues.due))


@lru_cache(maxsize=None)  # one per language's cues (`cues_for` makes one `Cues` per language)
def _cue_features(cues: Cues) -> Callable[[str], tuple[float, ...]]:
    """A text's cue features ("proposal" … "due"), remembered per text: about 25 pattern checks a sentence
    become one look-up when a week's digest meets the same short replies in thread after thread."""
    groups = _cue_groups(cues)

    def read(text: str) -> tuple[float, ...]:
        return tuple(float(any(p.search(text) for p in group)) for group in groups)

    return lru_cache(maxsize=TEXT_CACHE)(read)


@dataclass(frozen=True)
class _Reach:
    """How high a sentence's score can still go before its reply and revision features are read (the costly part):
    the model's weights split at those features, and the most each group can add — every feature at its largest
    value where its weight is positive (the features are never negative). The largest value is the sentence's own:
    agreement, short replies and repliers count the others' messages among the next AGREE_REACH (none after the
    thread's last message), a revision needs a later message and a restatement an earlier one. Exact: a sentence is
    left out only when even that cannot reach `floor`, the lowest score at which `select` looks at a sentence the
    rules did not choose."""

    floor: float
    head: tuple[float, ...]  # weights of the features before "agreed_by": place and cues
    answers: float
    opening: float
    replies: tuple[float, float, float, float]  # agreed_by, objected, short_replies, repliers
    counted: float  # agreed_by, short_replies and repliers, positive weights summed: each at most log1p(others' replies)
    objected: float  # the objection's weight if positive
    later: float  # revised_later and revised_by_self, positive weights summed: only with a later message
    earlier: float  # restates, if positive: only with an earlier message

    @staticmethod
    @lru_cache(maxsize=4)
    def of(model: Model) -> _Reach:
        w = dict(zip(FEATURES, model.weights))
        replies = ("agreed_by", "objected", "short_replies", "repliers")
        return _Reach(
            min(model.threshold, model.thread_threshold) - 1e-9,  # the margin covers a float sum's order
            model.weights[:FEATURES.index("agreed_by")], w["answers_question"], w["opening_overlap"],
            tuple(w[f] for f in replies),
            sum(max(0.0, w[f]) for f in ("agreed_by", "short_replies", "repliers")), max(0.0, w["objected"]),
            sum(max(0.0, w[f]) for f in ("revised_later", "revised_by_self")), max(0.0, w["restates"]))

    def replies_most(self, others: int) -> float:
        """The most the reply features add when `others` of the next AGREE_REACH messages are by someone else
        (`_replies` reads agreement, short replies and repliers, and an objection, from those alone)."""
        return self.counted * math.log1p(others) + self.objected * (others > 0)

    def revision_most(self, index: int, n: int) -> float:
        """The most the revision features add to a sentence of message `index` of `n`."""
        return self.later * (index < n - 1) + self.earlier * (index > 0)


def _rule_sentences(reader: ThreadReader, found: list[Found]) -> dict[Sentence, tuple[Found, ...]]:
    """Each rule decision's sentence: the one of its message sharing most words with its line."""
    out: dict[Sentence, tuple[Found, ...]] = {}
    for f in found:
        own = reader.by_message.get(f.index, ())
        if not own:
            continue
        words = content_words(f.text)
        best = max(own, key=lambda s: (len(words & content_words(s.text)), -own.index(s)))
        out[best] = (*out.get(best, ()), f)
    return out


def _replies(reader: ThreadReader, index: int, speaker: str) -> tuple[list[str], bool, int, int]:
    """How others answered message `index`: who agreed and whether someone objected first (the rules' reading),
    and among the replies before anyone asks something new, how many are short ("ok", "👍", "d'accord": agreement
    in any language) and from how many people."""
    agreed, opposed = reader._agreement(index, speaker)
    later = reader.messages[index + 1:index + 1 + AGREE_REACH]
    short = 0
    seen: set[str] = set()
    for m in later:
        if m.speaker == speaker:
            continue
        first = reader.by_message.get(m.index)
        if first and first[0].is_question:
            break
        seen.add(m.speaker)
        short += word_count(m.text) <= 4
    return agreed, opposed, short, len(seen)


def _pushed_back(reader: ThreadReader, s: Sentence) -> bool:
    """Someone objects to it, or raises a problem or refuses it, in the few replies after it, even after a "+1"
    ("Proposal: we drop IE11" — "+1" — "Then we can't drop IE11 yet")."""
    said = Found(s.text, s.source_id, s.index, owner=s.speaker)
    return any(m.speaker != s.speaker and reader._pushes_back(m, said)
               for m in reader.messages[s.index + 1:s.index + 1 + AGREE_REACH])


def _answers_fact(reader: ThreadReader, s: Sentence) -> bool:
    """It answers a question of fact just before it ("… ou está coberto pelo contrato atual?"): information."""
    before = reader.by_message.get(s.index - 1, ()) if s.index else ()
    return any(x.is_question and x.speaker != s.speaker and reader.cues.factual.search(x.text) for x in before)


_LIST_LINE = re.compile(r"^\s*(?:[-•*·–]|\d{1,2}[.)])\s+\S")


def _heads_a_task_list(own: list[Sentence], s: Sentence) -> bool:
    """ "ok offsite planning, splitting it up" above "- @ben venue shortlist …", "- i'll handle the travel policy":
    the heading of a list of work handed out."""
    after = own[own.index(s) + 1:] if s in own else []
    return bool(after) and all(_LIST_LINE.match(x.text) for x in after) and any(_ADDRESSED.match(x.text) for x in after)


def candidates(reader: ThreadReader, found: list[Found], undecided: bool, model: Model | None = None) -> list[Candidate]:
    """The thread's sentences with their features; `found` and `undecided` are the rules' answer. Left out, unless
    the rules chose it: a question, a list of options, a bare "ok", what someone objected to, the answer to a
    question of fact, a plan its speaker changed later, a line for someone by @-mention or the heading of such lines, and in a thread longer than READ_LAST messages, what came before its last READ_LAST (the
    rules read all of it; the model's features cost about as much as the rules, too much for a 2,000-message thread
    to be summarized in half a second). Given the `model` whose scores will choose among them, also a sentence
    whose score cannot reach a threshold (`_Reach`): most of a thread, which `select` would pass over anyway."""
    cues, messages, sentences = reader.cues, reader.messages, reader.sentences
    n = len(messages)
    by_rule = _rule_sentences(reader, found)
    rule_messages = {f.index for f in found}
    counts: dict[str, int] = {}
    for m in messages:
        counts[m.speaker] = counts.get(m.speaker, 0) + 1
    most = max(counts.values()) if counts else 0
    starter = messages[0].speaker if messages else ""
    first_read = max(0, n - READ_LAST)
    # a speaker's plan that their own later change of plan replaced ("vamos subir o timeout …" … "fica assim: …")
    revised_from = {f.owner: f.index for f in found if f.owner and any(cues.revision.match(x.text) for x in reader.by_message[f.index])}
    cue_features = _cue_features(cues)
    asks = FEATURES.index("request") - FEATURES.index("proposal")  # the cue feature of a request or an assignment
    assigners = {s.speaker for s in sentences if s.index >= first_read and cue_features(s.text)[asks]}
    last_of: dict[str, int] = {m.speaker: m.index for m in messages}
    answered: dict[str, int] = {}  # who replies to others' questions: the one people turn to
    for m in messages[1:]:
        before = reader.by_message.get(m.index - 1)
        if before and before[-1].speaker != m.speaker and before[-1].is_question:
            answered[m.speaker] = answered.get(m.speaker, 0) + 1
    answerer = max(answered, key=lambda k: (answered[k], k)) if answered else None
    opening = content_words(messages[0].text) if messages else frozenset()
    participants = math.log1p(len(counts))
    english = float(reader.english)
    words_of: dict[int, list[tuple[frozenset[str], str]]] = {}  # each message's sentences' words, read once

    def words_in(k: int) -> list[tuple[frozenset[str], str]]:
        if k not in words_of:
            words_of[k] = [(content_words(x.text), x.speaker) for x in reader.by_message.get(k, ())]
        return words_of[k]

    reach = _Reach.of(model) if model is not None else None
    replies: dict[int, tuple] = {}  # the same for every sentence of a message
    others: dict[int, int] = {}  # others' messages among the next AGREE_REACH, by message
    out: list[Candidate] = []
    for s in sentences:
        text, own, chosen = s.text, reader.by_message[s.index], s in by_rule
        words = content_words(text)
        if not chosen and (s.index < first_read or len(words) < 2 or s.is_question or cues.options.search(text)
                           or s.index in reader.replaced or s.index < revised_from.get(s.speaker, -1)
                           or _ADDRESSED.match(text) or _heads_a_task_list(own, s)):
            continue
        near_end = n - 1 - s.index < 3
        leader = s.speaker in assigners or s.speaker == starter or counts[s.speaker] == most
        place = (
            float(chosen), float(not chosen and s.index in rule_messages), float(bool(found)), float(undecided),
            float(s.is_question), math.log1p(word_count(text)), float(len(words) < 2),
            float(counts[s.speaker] == most), float(s.speaker in assigners), counts[s.speaker] / n,
            s.index / max(1, n - 1), float(s.index == 0), float(s.index == n - 1), float(near_end),
            float(last_of[s.speaker] == s.index), float(own[0] is s), float(own[-1] is s),
            math.log1p(messages[s.index].agreement), participants, english, float(s.speaker == answerer),
            float(s.speaker == starter and last_of[s.speaker] == s.index and s.index > 0), float(leader and near_end),
        ) + cue_features(text)
        before = reader.by_message.get(s.index - 1, ()) if s.index else ()
        answers = float(own[0] is s and any(x.is_question and x.speaker != s.speaker for x in before))
        opening_overlap = 2 * len(words & opening) / (len(words) + len(opening)) if words and opening and s.index else 0.0
        if reach is not None and not chosen:
            score = model.bias + sum(map(mul, reach.head, place)) + reach.answers * answers + reach.opening * opening_overlap
            if s.index not in others:
                others[s.index] = sum(m.speaker != s.speaker for m in messages[s.index + 1:s.index + 1 + AGREE_REACH])
            revision_most = reach.revision_most(s.index, n)
            if score + reach.replies_most(others[s.index]) + revision_most < reach.floor:
                continue
        if s.index not in replies:
            replies[s.index] = _replies(reader, s.index, s.speaker)
        agreed, opposed, short, repliers = replies[s.index]
        if reach is not None and not chosen:
            score += sum(map(mul, reach.replies, (math.log1p(len(agreed)), float(opposed), math.log1p(short),
                                                  math.log1p(repliers))))
            if score + revision_most < reach.floor:
                continue
        # after the bound: the replies (read once per message) leave out more sentences than these per-sentence checks
        if not chosen and (_pushed_back(reader, s) or _answers_fact(reader, s)):
            continue
        revised = revised_self = restates = 0.0
        if len(words) >= 2:
            size = len(words)
            for k in range(s.index + 1, min(n, s.index + 1 + REVISION_REACH)):
                for other, speaker in words_in(k):
                    if other and 2 * len(words & other) / (size + len(other)) >= SAME_SUBJECT:
                        revised = 1.0
                        revised_self = revised_self or float(speaker == s.speaker)
            for k in range(max(0, s.index - REVISION_REACH), s.index):
                if any(other and 2 * len(words & other) / (size + len(other)) >= SAME_SUBJECT
                       for other, _ in words_in(k)):
                    restates = 1.0
                    break
        out.append(Candidate(s, by_rule.get(s, ()), place + (
            math.log1p(len(agreed)), float(opposed), revised, revised_self, restates, answers, opening_overlap,
            math.log1p(short), math.log1p(repliers), float(chosen and opposed), float(chosen and _pushed_back(reader, s)),
        )))
    return out


def lines(reader: ThreadReader, candidate: Candidate) -> list[Found]:
    """The decision lines a candidate gives: the rules' own, or the sentence's outcome clause as the rules write one."""
    if candidate.rule:
        return list(candidate.rule)
    s = candidate.sentence
    text, context = reader._decision_text(s)
    return [reader._as_reported(Found(text, s.source_id, s.index, owner=s.speaker, context=context, scored=True))]


def _similar(a: str, b: str) -> float:
    left, right = content_words(a), content_words(b)
    return 2 * len(left & right) / (len(left) + len(right)) if left and right else 0.0


def select(scores: list[float], model: Model, chosen_by_rules: list[bool], undecided: bool = False) -> list[int]:
    """Indices of the candidates kept as decisions, best first: the rules' picks over their threshold, and when the
    thread's best score reaches the thread's threshold, every other one over the sentence threshold (at least the
    best, unless the rules found the thread undecided). The rules' picks stand without the thread's threshold: the
    model adds what they miss."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    if not scores or max(scores) < model.thread_threshold:
        return [i for i in order if chosen_by_rules[i] and scores[i] >= model.rule_threshold][:MAX_DECISIONS]
    kept = [i for i in order if scores[i] >= (model.rule_threshold if chosen_by_rules[i] else model.threshold)]
    return kept[:MAX_DECISIONS] or ([] if undecided else order[:1])


def choose(cands: list[Candidate], scores: list[float], model: Model, lines_of) -> list[Found]:
    """The kept candidates' lines (`lines_of(i)` gives candidate i's) in thread order, a line that repeats one
    already kept left out."""
    kept: list[tuple[int, Found]] = []
    undecided = bool(cands) and bool(cands[0].features[FEATURES.index("rule_thread_undecided")])
    for i in select(scores, model, [bool(c.rule) for c in cands], undecided):
        for f in lines_of(i):
            if all(_similar(f.said, g.said) < model.dedupe for _, g in kept):
                kept.append((i, f))
    return [f for _, f in sorted(kept, key=lambda pair: pair[0])]


def decisions(reader: ThreadReader, model: Model | None = None) -> tuple[list[Found], bool, str | None]:
    """`ThreadReader.decisions`' answer with its decisions chosen by the model: (decisions, undecided, waiting_on).
    A thread where the rules found a decision the model turns down is undecided too (it was about deciding)."""
    found, undecided, waiting_on = reader.decisions()
    model = model or load_model()
    cands = candidates(reader, found, undecided, model)
    chosen = choose(cands, [model.score(c.features) for c in cands], model, lambda i: lines(reader, cands[i]))
    if not chosen:
        return [], undecided or bool(found), waiting_on
    return chosen, False, None
