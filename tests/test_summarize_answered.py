"""The learned "answered?" model of open questions: what it reads, that it is the one the summarizer uses,
and that it keeps the rules' answers where the evidence is plain."""

from __future__ import annotations

import json

from skills.summarize import answered
from skills.summarize.extractive import summarize
from skills.summarize.utterance import Utterance

MONDAY = 1794787200


def thread(*lines: tuple[str, str]) -> list[Utterance]:
    return [Utterance(f"{MONDAY + 60 * i}.000100", who, text) for i, (who, text) in enumerate(lines)]


def open_questions(*lines) -> list[str]:
    return [q.text for q in summarize(thread(*lines)).open_questions]


def test_the_shipped_model_reads_known_facts_and_has_a_weight_for_each():
    data = json.loads(answered.MODEL_PATH.read_text())
    assert set(data["features"]) <= set(answered.FEATURES)
    assert len(data["weights"]) == len(data["features"]) and 0 < data["threshold"] < 1
    model = answered.default_model()
    assert model is not None and model.features == tuple(data["features"])


def test_open_probability_is_the_logistic_of_the_weighted_facts():
    model = answered.AnsweredModel(weights=(2.0, -1.0), intercept=0.5, threshold=0.5, features=("no_reply", "agreement"))
    assert model.open_probability({"no_reply": 0.0, "agreement": 0.0}) == 1 / (1 + 2.718281828459045 ** -0.5)
    assert model.is_open({"no_reply": 1.0, "agreement": 0.0})
    assert not model.is_open({"no_reply": 0.0, "agreement": 1.0})


def test_a_question_nobody_answered_is_open_and_an_answered_one_is_not():
    unanswered = open_questions(("Ana", "The staging deploy is green again."), ("Ken", "Nice, thanks for fixing it."),
                                ("Ana", "Do we need finance to sign off on the new pricing page?"))
    assert unanswered == ["Ana: Do we need finance to sign off on the new pricing page?"]
    answered_ = open_questions(("Ana", "Do we need finance to sign off on the new pricing page?"),
                               ("Ken", "Yes, Greta signs off on anything with prices."), ("Ana", "Thanks, I'll ask her."))
    assert answered_ == []


def test_the_summarizer_asks_the_model(monkeypatch):
    """With a model that calls every question open, an answered question is listed: the model decides."""
    always_open = answered.AnsweredModel(weights=(), intercept=5.0, threshold=0.5, features=())
    monkeypatch.setattr("skills.summarize.detect.answered_model", lambda: always_open)
    listed = open_questions(("Ana", "Do we need finance to sign off on the new pricing page?"),
                            ("Ken", "Yes, Greta signs off on anything with prices."), ("Ana", "Thanks, I'll ask her."))
    assert listed == ["Ana: Do we need finance to sign off on the new pricing page?"]
