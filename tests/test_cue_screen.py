"""The literal pre-check in front of the cue regexes never turns away a text its regex would match, and the
remembered answers are the regexes' own."""

from __future__ import annotations

import random
import re
import string

import pytest

from bench.summarize_gold import load_all
from skills.summarize import cues, detect
from skills.summarize.cues import LEXICONS, SUPPORTED, cues_for
from skills.summarize.extractive import split_sentences, summarize
from skills.summarize.screen import Remembered, Screened, fold, required_literals


def _screened_patterns() -> list[tuple[str, Remembered]]:
    """Every cue pattern (each remembers its answers; most are pre-checked too) and the detectors' own such patterns."""
    found = []
    for lang in (*SUPPORTED, "und"):
        c = cues_for(lang)
        for name in c.__dataclass_fields__:
            value = getattr(c, name)
            for p in value if isinstance(value, tuple) else (value,):
                if isinstance(p, Remembered):
                    found.append((f"{lang}.{name}", p))
    found += [(f"detect.{name}", p) for name, p in vars(detect).items() if isinstance(p, Remembered)]
    return found


PATTERNS = _screened_patterns()


def _span(m: re.Match | None) -> tuple[int, int] | None:
    return m.span() if m else None


def _gold_texts() -> list[str]:
    texts = set()
    for thread in load_all():
        for u in thread.utterances:
            texts.add(u.text)
            texts.update(split_sentences(u.text))
    return sorted(texts)


def _fuzz_texts(count: int) -> list[str]:
    """Sentences made of the cue tables' own words, in any case, with odd white space and punctuation."""
    sources = [source for lexicon in LEXICONS.values() for field in vars(lexicon).values()
               for source in ((field,) if isinstance(field, str) else field)]
    words = sorted({w for source in sources for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?|\+1|👍", source)})
    spaces = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", " \n "]
    marks = ["", "", "", ",", ".", "!", "?", ":", " -", "…", "¿"]
    odd_case = {"i": "İ", "I": "ı", "s": "ſ", "k": "\u212a"}  # equal under re.IGNORECASE, but not ASCII
    rng = random.Random(17)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 9)):
            word = rng.choice(words)
            style = rng.random()
            word = word.upper() if style < 0.15 else word.capitalize() if style < 0.3 else word
            if rng.random() < 0.05:
                word = "".join(odd_case.get(ch, ch) for ch in word)
            parts += [word + rng.choice(marks), rng.choice(spaces)]
        texts.append(rng.choice(["", " ", "@ana "]) + "".join(parts).rstrip(" "))
    return texts


def test_every_cue_table_is_pre_checked_where_it_pays():
    # every cue pattern remembers its answers
    for lang in (*SUPPORTED, "und"):
        c = cues_for(lang)
        for name in c.__dataclass_fields__:
            value = getattr(c, name)
            assert name == "lang" or all(isinstance(p, Remembered) for p in (value if isinstance(value, tuple) else (value,))), name
    # the unanchored alternations are the costly ones: each must get a pre-check, or it was silently lost
    en = cues_for("en")
    for name in ("decided", "settles", "proposal", "defer", "not_known"):
        assert isinstance(getattr(en, name), Screened), name
    assert isinstance(detect._PLAN, Screened) and isinstance(detect._AND_NAME_WILL, Screened)
    assert all(isinstance(p, Screened) for p in en.commit + en.request + en.unassigned)


def test_required_literals_are_what_every_match_contains():
    assert required_literals(re.compile(r"\b(?:we\s+decided|decision\s*:)", re.I)) == {"we decided", "decision:", "decision :"}
    assert required_literals(re.compile(r"I\s+(?=(?:take|own)\b)", re.I)) == {"i take", "i own"}
    assert required_literals(re.compile(r"let'?s|lets\s+go", re.I)) == {"let's", "lets"}
    assert required_literals(re.compile(r"^\W*(?:yes|no)\b", re.I)) is None  # anchored: as cheap as any pre-check
    assert required_literals(re.compile(r"\w+\s+it", re.I)) == {" it"}
    assert required_literals(re.compile(r"\d+|x", re.I)) is None  # one alternative needs no literal


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_the_pre_check_and_the_remembered_answers_agree_with_the_regex(name: str, pattern: Remembered):
    texts = _GOLD + _FUZZ
    plain = [_span(pattern.pattern.search(t)) for t in texts]
    assert [_span(pattern.search(t)) for t in texts] == plain
    assert [_span(pattern.search(t)) for t in texts] == plain  # asked again: the remembered answers
    assert [_span(pattern.search(t, 1)) for t in texts] == [_span(pattern.pattern.search(t, 1)) for t in texts]
    assert [_span(pattern.match(t)) for t in texts] == [_span(pattern.pattern.match(t)) for t in texts]
    assert [pattern.split(t) for t in texts] == [pattern.pattern.split(t) for t in texts]


def test_remembered_answers_are_forgotten_past_the_limit(monkeypatch):
    from skills.summarize import screen

    monkeypatch.setattr(screen, "MAX_REMEMBERED", 3)
    pattern = screen.screened(re.compile(r"\bdeal\b", re.I))
    for text in ("a deal", "no", "deal?", "nope", "a deal"):
        assert _span(pattern.search(text)) == _span(pattern.pattern.search(text))
    assert pattern.search.cache_info().currsize <= 3


def test_the_pre_check_rules_out_most_sentences():
    # the point of it: on the gold threads' sentences most patterns are never run
    decided = cues_for("en").decided
    ruled_out = sum(not decided._needed(fold(t)) for t in _GOLD)
    assert ruled_out > 0.8 * len(_GOLD)


def test_summaries_are_the_same_without_the_pre_check(monkeypatch):
    threads = load_all()
    screened = [summarize(t.utterances) for t in threads]
    monkeypatch.setattr(cues, "screened", lambda pattern: pattern)
    for name, pattern in vars(detect).items():
        if isinstance(pattern, Remembered):
            monkeypatch.setattr(detect, name, pattern.pattern)
    cues.cues_for.cache_clear()
    try:
        assert not any(isinstance(p, Remembered) for _, p in _screened_patterns())
        plain = [summarize(t.utterances) for t in threads]
    finally:
        cues.cues_for.cache_clear()
    assert plain == screened


def test_only_four_non_ascii_characters_equal_an_ascii_one_under_ignorecase():
    # `fold` relies on it: İ ı ſ and the Kelvin sign are the only ones re.IGNORECASE matches with an ASCII character
    everything = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    equal = {m for ch in string.printable for m in re.findall(re.escape(ch), everything, re.I)}
    assert equal == {"İ", "ı", "ſ", "\u212a"}
    assert fold("İT\u00a0 Iſ\tthen\n\u212aEY") == " it is then key "


_GOLD = _gold_texts()
_FUZZ = _fuzz_texts(1500)


def test_the_language_counted_per_message_is_the_samples():
    from skills.summarize.language import SAMPLE_CHARS, _sample_language, thread_language

    threads = [[u.text for u in t.utterances] for t in load_all()]
    threads += [["Ja, passt.", "Dann machen wir das so.", "ok"], ["12:00", "👍", "+1"], ["Il faut", "the end"],
                ["ıt İs fine", "we go", "then"], [], ["x" * SAMPLE_CHARS, "the and a"], ["ok", "😀"]]
    assert [thread_language(t) for t in threads] == [_sample_language(t) for t in threads]


def test_once_reads_a_value_on_first_use_and_keeps_it_on_a_frozen_instance():
    from dataclasses import dataclass

    from skills.summarize.once import once

    calls = []

    @dataclass(frozen=True)
    class Said:
        text: str

        @once
        def loud(self) -> bool:
            calls.append(self.text)
            return self.text.isupper()

    a, b = Said("HI"), Said("hi")
    assert (a.loud, a.loud, b.loud, b.loud) == (True, True, False, False)
    assert calls == ["HI", "hi"] and a == Said("HI")


def test_every_pattern_of_the_detectors_remembers_its_answers():
    assert not [name for name, value in vars(detect).items() if isinstance(value, re.Pattern)]
