"""The decision model leaves out sentences whose score cannot reach a threshold before reading their costly
features: with the shipped weights and with lower thresholds, what it keeps is what reading every sentence in
full keeps, on every other training thread (enough, in half the time)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import pytest

from bench.train_decisions import training_threads
from skills.summarize import decision_model
from skills.summarize.extractive import read_thread


@cache
def _threads() -> list:
    return [t.utterances for t in training_threads()[::2]]


def _readers() -> list:
    return [r for r in (read_thread(u).reader for u in _threads()) if r is not None]


def _decisions(reader, cands: list, model) -> list:
    return decision_model.choose(cands, [model.score(c.features) for c in cands], model,
                                 lambda i: decision_model.lines(reader, cands[i]))


def _left_out(full: list, fast: list) -> list:
    """The candidates of `full` missing from `fast`, after checking `fast` is `full` in order, features unchanged."""
    kept = iter(full)
    for c in fast:
        assert any(c == other for other in kept)  # each one found, in order, with the same features
    ids = {id(c.sentence) for c in fast}
    return [c for c in full if id(c.sentence) not in ids]


@pytest.mark.parametrize("lower", [0.0, 3.0])
def test_decision_candidates_left_out_never_change_the_decisions(lower):
    shipped = decision_model.load_model()
    model = replace(shipped, threshold=shipped.threshold - lower, thread_threshold=shipped.thread_threshold - lower)
    left_out = 0
    for reader in _readers():
        found, undecided, _ = reader.decisions()
        full, fast = (decision_model.candidates(reader, found, undecided, m) for m in (None, model))
        missing = _left_out(full, fast)
        assert all(not c.rule and model.score(c.features) < min(model.threshold, model.thread_threshold) for c in missing)
        assert _decisions(reader, fast, model) == _decisions(reader, full, model)
        left_out += len(missing)
    assert left_out  # the shortcut is taken


def test_the_reply_and_revision_bounds_hold_for_every_sentence():
    """`_Reach` bounds a sentence's reply features by the others' messages among the next AGREE_REACH and its
    revision features by whether a message comes before and after it: on every sentence the model reads in full,
    what those features add never exceeds the bound (so the sentences it leaves out could not have been kept)."""
    model = decision_model.load_model()
    reach = decision_model._Reach.of(model)
    at = decision_model.FEATURES.index
    weight = dict(zip(decision_model.FEATURES, model.weights))
    replies = ("agreed_by", "objected", "short_replies", "repliers")
    revisions = ("revised_later", "revised_by_self", "restates")
    tight = 0
    for reader in _readers():
        found, undecided, _ = reader.decisions()
        n = len(reader.messages)
        for c in decision_model.candidates(reader, found, undecided):
            s = c.sentence
            others = sum(m.speaker != s.speaker
                         for m in reader.messages[s.index + 1:s.index + 1 + decision_model.AGREE_REACH])
            added = sum(weight[f] * c.features[at(f)] for f in replies)
            assert added <= reach.replies_most(others) + 1e-12
            assert sum(weight[f] * c.features[at(f)] for f in revisions) <= reach.revision_most(s.index, n) + 1e-12
            tight += others < decision_model.AGREE_REACH
    assert tight  # the bound is tighter than the old fixed one somewhere
