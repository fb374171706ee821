"""The decision model: its features read what they say, its shipped weights load and were trained on today's gold
files, and its choice follows its thresholds."""

from __future__ import annotations

import json
import math

import pytest

from bench.train_decisions import training_digest, training_threads
from skills.summarize import decision_model
from skills.summarize.decision_model import FEATURES, MODEL_PATH, READ_LAST, Model, candidates, load_model, select
from skills.summarize.extractive import read_thread
from skills.summarize.utterance import Utterance


def _thread(*lines: tuple[str, str], reactions: dict[int, int] | None = None) -> list[Utterance]:
    reactions = reactions or {}
    return [Utterance(f"1700000000.{i:06d}", who, text, agreement=reactions.get(i, 0))
            for i, (who, text) in enumerate(lines)]


def _features(utterances: list[Utterance]) -> list[dict[str, float]]:
    reader = read_thread(utterances).reader
    found, undecided, _ = reader.decisions()
    return [dict(zip(FEATURES, c.features)) | {"text": c.sentence.text, "index": c.sentence.index}
            for c in candidates(reader, found, undecided)]


OFFSITE = _thread(
    ("Maria", "Offsite in March: Berlin or Lisbon?"),
    ("Ken", "Maybe Lisbon, the flights are cheaper."),
    ("Ana", "Let's go with Berlin, the budget is tight."),
    ("Ken", "Agreed."),
    ("Maria", "Works for me. Ken, please book the venue by Friday."),
)


def test_each_sentence_is_a_candidate_but_questions_and_bare_agreement():
    rows = _features(OFFSITE)
    assert [r["text"] for r in rows] == ["Maybe Lisbon, the flights are cheaper.", "Let's go with Berlin, the budget is tight.",
                                         "Ken, please book the venue by Friday."]
    assert all(len(r) == len(FEATURES) + 2 for r in rows)


def test_features_read_the_rules_cues_role_position_and_replies():
    hedge, proposal, request = _features(OFFSITE)
    assert proposal["rule_chose"] == 1 and hedge["rule_chose"] == request["rule_chose"] == 0
    assert proposal["proposal"] == 1 and proposal["agreed_by"] > 0 and proposal["answers_question"] == 0
    # "Agreed." is short, "Works for me. Ken, please book …" is not; both reply
    assert proposal["short_replies"] == pytest.approx(math.log1p(1)) and proposal["repliers"] == pytest.approx(math.log1p(2))
    assert hedge["hedge"] == 1 and proposal["hedge"] == 0 and hedge["answers_question"] == 1
    assert request["request"] == 1 and request["due"] == 1 and request["last_message"] == 1
    assert request["assigner"] == request["opener_closes"] == 1 and proposal["assigner"] == 0
    assert hedge["rel_position"] == 0.25 and request["rel_position"] == 1.0
    assert all(r["rule_thread_decided"] == 1 and r["participants"] == pytest.approx(math.log1p(3))
               for r in (hedge, proposal, request))


def test_a_later_sentence_on_the_same_subject_marks_a_revision():
    rows = _features(_thread(
        ("Lea", "Release v4 ships on April 28."),
        ("Tom", "QA needs two more weeks."),
        ("Lea", "Then release v4 ships on May 12."),
    ))
    assert rows[0]["revised_later"] == 1 and rows[0]["revised_by_self"] == 1
    assert rows[2]["revised_later"] == 0 and rows[2]["restates"] == 1


def test_what_someone_objected_to_or_a_fact_asked_for_is_no_candidate_and_reactions_count():
    rows = _features(_thread(
        ("Lea", "Let's drop Python 3.8 support."),
        ("Tom", "No, customers still run it."),
        ("Lea", "Fine, we keep it for now."),
        reactions={2: 2},
    ))
    assert [r["text"] for r in rows] == ["No, customers still run it.", "Fine, we keep it for now."]
    assert rows[1]["reactions"] == pytest.approx(math.log1p(2))
    fact = _features(_thread(("Bia", "Temos um contrato novo."), ("Bia", "Precisamos de um aditivo ou está coberto pelo contrato atual?"),
                             ("Davi", "Está coberto pelo contrato atual.")))
    assert [r["text"] for r in fact] == ["Temos um contrato novo."]


def test_a_long_thread_is_read_from_its_last_messages():
    chatter = [(("Ana", "Ben")[i % 2], f"Build {i} finished in {i % 7 + 3} minutes on the runner.") for i in range(READ_LAST + 20)]
    rows = _features(_thread(*chatter))
    assert rows and min(r["index"] for r in rows) == 20  # the last READ_LAST messages only


def test_the_shipped_weights_load_and_were_trained_on_todays_gold_files():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = load_model()
    assert len(model.weights) == len(FEATURES) and data["features"] == list(FEATURES)
    # retrain with `python -m bench.train_decisions` when the gold files change (`--check` compares the weights)
    assert data["trained_on"]["sha256"] == training_digest(training_threads())


def test_weights_for_other_features_are_refused():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        Model.from_json(data)


def test_select_follows_the_thresholds():
    model = Model((), 0.0, threshold=1.0, thread_threshold=0.0, rule_threshold=-1.0)
    assert select([0.5, 2.0, -0.5], model, [False, False, True]) == [1, 2]
    assert select([-0.5, -0.2], model, [True, False]) == [0]  # the rules' pick stands below the thread's threshold
    assert select([-0.5, -2.0], model, [False, True]) == []  # … over its own threshold only
    assert select([0.5, 0.2], model, [False, False]) == [0]  # a decided thread keeps at least its best
    assert select([0.5, 0.2], model, [False, False], undecided=True) == []  # unless the rules found it undecided


def test_decisions_keep_the_rules_line_and_say_undecided_when_the_model_turns_all_down():
    """A rules' pick keeps the rules' line (outcome clause, context, who agreed)."""
    rules, _, _ = read_thread(OFFSITE).reader.decisions()
    assert [f.text for f in rules] == ["Go with Berlin, the budget is tight"]
    keep = Model(tuple(0.0 for _ in FEATURES), 0.0, threshold=1.0, thread_threshold=-1.0, rule_threshold=-1.0)
    found, undecided, _ = decision_model.decisions(read_thread(OFFSITE).reader, keep)
    assert found == rules and not undecided
    none = Model(tuple(0.0 for _ in FEATURES), 0.0, threshold=1.0, thread_threshold=1.0, rule_threshold=1.0)
    assert decision_model.decisions(read_thread(OFFSITE).reader, none)[:2] == ([], True)


def test_a_decision_the_model_adds_is_listed_but_never_leads_the_tldr(monkeypatch):
    from skills.summarize.extractive import summarize

    weights = tuple(10.0 if name == "last_message" else 0.0 for name in FEATURES)
    monkeypatch.setattr(decision_model, "load_model", lambda: Model(weights, -5.0, threshold=3.0, thread_threshold=-1.0))
    summary = summarize(_thread(("Ana", "The staging cluster is out of disk again."),
                                ("Ben", "It's the log volume, 40 GB of debug logs."),
                                ("Cid", "Rotate the debug logs daily and keep three days of them.")))
    assert [d.text for d in summary.decisions] == ["Rotate the debug logs daily and keep three days of them"]
    assert not summary.tldr.startswith("Decided") and not summary.no_decision


@pytest.mark.parametrize("doubt", ["Mais pas sûr que ce soit validé avant jeudi", "No estoy segura de que llegue el jueves",
                                   "Não tenho certeza se fecha até quinta", "Bin nicht sicher, ob das bis Donnerstag klappt"])
def test_not_being_sure_is_a_hedge_in_each_language(doubt):
    assert decision_model._HEDGE.search(doubt)
