"""The action-item model (skills/summarize/action_model.py): its shipped weights, its candidates and what it adds."""

import json
import math

import pytest

from bench.train_decisions import training_digest, training_threads
from skills.summarize import action_model
from skills.summarize.action_model import FEATURES, MAX_ADDED, Model, candidates, load_model
from skills.summarize.extractive import read_thread, summarize
from skills.summarize.utterance import Utterance


def thread(*messages: tuple[str, str]) -> list[Utterance]:
    return [Utterance(str(i), speaker, text) for i, (speaker, text) in enumerate(messages)]


def adding_every_sentence() -> Model:
    """A model that keeps the rules' items and adds every other sentence: what is left is `select`'s own work."""
    zero = (0.0,) * len(FEATURES)
    return Model(zero, 0.0, zero, 1.0, threshold=0.0, rule_threshold=-math.inf)


def test_the_shipped_weights_are_for_these_features():
    data = json.loads(action_model.MODEL_PATH.read_text(encoding="utf-8"))
    model = load_model()
    assert len(model.weights) == len(model.rule_weights) == len(FEATURES) == len(data["features"])
    with pytest.raises(ValueError, match="retrain"):
        Model.from_json({**data, "features": data["features"][::-1]})


def test_the_shipped_weights_were_trained_on_todays_gold_files():
    data = json.loads(action_model.MODEL_PATH.read_text(encoding="utf-8"))
    # retrain with `python -m bench.train_actions` when the gold files change (`--check` compares the weights)
    assert data["trained_on"]["sha256"] == training_digest(training_threads())


def test_every_sentence_the_rules_did_not_read_as_a_task_is_a_candidate():
    reader = read_thread(thread(
        ("Ana", "The export job failed again last night."),
        ("Ben", "I'll rerun it after lunch."),
        ("Ana", "Thanks, Ben."),
    )).reader
    found = reader.action_items()
    cands = candidates(reader, found)
    assert [c.rule.text for c in cands if c.rule] == [f.text for f in found] == ["rerun it after lunch"]
    assert [c.sentence.text for c in cands if c.rule is None] == ["The export job failed again last night."]
    assert all(len(c.features) == len(FEATURES) for c in cands)


def test_an_added_request_belongs_to_the_person_named_and_reads_without_the_name():
    reader = read_thread(thread(
        ("Inês", "Precisamos dos números antes da reunião."),
        ("Inês", "Margarida, consegues simular o impacto na receita com 18% e com 20%?"),
        ("Margarida", "Consigo, até sexta."),
    )).reader
    items = [(f.owner, f.text) for f in action_model.action_items(reader, adding_every_sentence())]
    assert ("Margarida", "consegues simular o impacto na receita com 18% e com 20%") in items


def test_a_sentence_restating_a_task_already_kept_is_not_added_again():
    reader = read_thread(thread(
        ("Ana", "Who writes the postmortem?"),
        ("Ben", "I'll write the postmortem by Thursday."),
        ("Ana", "Great, the postmortem by Thursday then, Ben."),
    )).reader
    items = action_model.action_items(reader, adding_every_sentence())
    assert [f.text for f in items if "postmortem" in f.text.lower()] == ["write the postmortem"]


def test_a_long_thread_gets_at_most_a_few_added_items():
    topics = "billing export invoices search cluster mobile release pricing page hiring loop offsite venue " \
             "backup restore vendor contract security review roadmap draft budget forecast".split()
    reader = read_thread(thread(*[(f"P{i % 4}", f"The {topics[i]} {topics[-1 - i]}.")
                                  for i in range(20)])).reader
    assert len(action_model.action_items(reader, adding_every_sentence())) == MAX_ADDED


def test_the_shipped_model_adds_no_conditional_offer_or_hypothetical():
    summary = summarize(thread(
        ("Ana", "Lena might join the team in March."),
        ("Ben", "If she joins I would set up her laptop and accounts."),
        ("Ana", "Sounds good, let's see."),
    ))
    assert summary.action_items == ()


def test_a_long_thread_is_read_for_other_sentences_only_in_its_last_messages():
    reader = read_thread(thread(*[(f"P{i % 3}", f"Status update number {i} on the migration work")
                                  for i in range(action_model.REACH + 40)])).reader
    others = [c.sentence.index for c in candidates(reader, reader.action_items()) if c.rule is None]
    assert others and min(others) == 40
