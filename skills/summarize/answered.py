"""Whether a question was left open: a small logistic model over what happened after it was asked.

The rules in `detect.ThreadReader._answered` read answer cues word by word; tuned on the dev threads they
fit how those threads were written and lost ground on unseen ones. This model weighs general evidence
instead — did the person it names speak after it, did someone else reply at all, with its words or in an
answer's shape, did the asker say thanks, did a later decision settle it — plus the rules' own verdict as one
signal among them. Its weights
(`answered_model.json`) are trained on the gold set's dev threads by `python -m bench.train_open_questions`,
which chooses the features with cross-validation grouped by thread and reports out-of-fold figures.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("answered_model.json")

# What `ThreadReader.answer_facts` measures about one question, in this order.
FEATURES = (
    "rules_answered",       # the hand-written rules say someone answered it
    "no_reply",             # nobody else wrote after it
    "others_after",         # log(1 + messages by others after it, within the answer window)
    "named_silent",         # it names someone (@Ken, "Ken, …") who did not write after it
    "overlap_best",         # most words a later reply by someone else shares with it
    "answer_shape",         # the first reply by someone else opens like an answer (yes/no/number/date/name)
    "reply_question_only",  # the first reply by someone else only asks back
    "not_known",            # a reply says "no idea", hands it on or puts it off
    "asker_thanks",         # the asker thanks or acknowledges after a reply
    "self_answered",        # the asker says "nvm, found it"
    "who_question",         # "who …?"
    "agreement",            # agreement reactions on its message
    "superseded",           # the asker asked something else right after
    "opening",              # asked in the thread's first message
    "last_message",         # asked in the thread's last message
    "decision_after",       # a later decision shares its words
    "parked",               # the thread's own question was put off
)


@dataclass(frozen=True)
class AnsweredModel:
    weights: tuple[float, ...]
    intercept: float
    threshold: float  # open when P(open) ≥ threshold
    features: tuple[str, ...]

    def open_probability(self, facts: dict[str, float]) -> float:
        z = self.intercept + sum(w * facts[name] for w, name in zip(self.weights, self.features))
        return 1.0 / (1.0 + math.exp(-z))

    def is_open(self, facts: dict[str, float]) -> bool:
        return self.open_probability(facts) >= self.threshold


@lru_cache(maxsize=1)
def default_model() -> AnsweredModel | None:
    """The shipped model, or None when there is none (the rules decide alone)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if not set(data["features"]) <= set(FEATURES):
        raise ValueError("answered_model.json was trained on other features; rerun bench.train_open_questions")
    return AnsweredModel(tuple(data["weights"]), float(data["intercept"]), float(data["threshold"]),
                         tuple(data["features"]))
