"""The cue rules remember what they read of a sentence's text alone (`detect._task_cues`, `detect._reported`,
`detect._when_words`): a week's digest meets the same sentences in thread after thread. Each cache must answer
what reading the text afresh answers, and keys on everything that answer depends on."""

from __future__ import annotations

from functools import cache

from bench.train_decisions import training_threads
from skills.summarize import detect
from skills.summarize.cues import cues_for
from skills.summarize.extractive import read_thread


@cache
def _threads() -> list:
    return [t.utterances for t in training_threads()[::2]]


def _readers() -> list:
    return [r for r in (read_thread(u).reader for u in _threads()) if r is not None]


def test_a_sentence_no_task_pattern_matches_gives_no_task(monkeypatch):
    """`_task_cues` answers "no task" for a sentence none of `_action`'s patterns matches: on every other training
    thread, the action items (and the requests noted on the way) are those found when every sentence is read
    through, and the shortcut is taken."""
    readers = _readers()
    fast = [(r.action_items(), r.assigned) for r in readers]
    screened = sum(not r._task_cues(s.text, False)[3] for r in readers for s in r.sentences)
    every = detect._task_cues.__wrapped__

    def read_through(cues):
        read = every(cues)
        return lambda text, in_list: (*read(text, in_list)[:3], True)

    monkeypatch.setattr(detect, "_task_cues", read_through)
    slow = [(r.action_items(), r.assigned) for r in _readers()]
    assert fast == slow
    assert screened > len(readers)  # most sentences are answered at once


def test_the_task_cache_keys_on_the_language_and_the_list():
    """The same words can name a task in one language's cues and not another's, and a list's part ("Amelia set up
    Geekbot") is read as a named part only inside a list."""
    german, english = (detect._task_cues(cues_for(lang)) for lang in ("de", "en"))
    assert german("Ich übernehme die Folien bis Freitag.", False)[3]
    assert not english("Ich übernehme die Folien bis Freitag.", False)[3]
    assert english("Amelia set up Geekbot", True)[3]
    assert not english("Amelia set up Geekbot", False)[3]


def test_a_decision_is_reported_as_read_afresh():
    """On every other training thread, the decisions (outcome clauses, "Let's" proposals, revisions by date) are the
    same with the per-text caches emptied before each thread, and the outcome depends on the thread's language."""
    readers = _readers()
    cached = [r.decisions() for r in readers]
    fresh = []
    for reader in _readers():
        detect._reported.cache_clear()
        detect._when_words.cache_clear()
        fresh.append(reader.decisions())
    assert cached == fresh
    english, german = (detect._reported(cues_for(lang)) for lang in ("en", "de"))
    assert english("Let's ship the release on Friday.") == ("Ship the release on Friday.", True)
    assert german("Let's ship the release on Friday.") == ("Let's ship the release on Friday.", False)



def test_each_language_has_one_cues_object_which_is_its_cache_key():
    """`Cues` hash and compare as the object itself: `cues_for` must make exactly one per language (what is
    remembered per `Cues` is then remembered per language), and different languages' cues are different keys."""
    assert cues_for("de") is cues_for("de")
    assert cues_for("de") != cues_for("en") and hash(cues_for("de")) != hash(cues_for("en"))
    assert detect._task_cues(cues_for("de")) is detect._task_cues(cues_for("de"))
    assert detect._task_cues(cues_for("de")) is not detect._task_cues(cues_for("en"))
