"""Which language a thread is written in, so the detectors read it with that language's cues.

Detection uses `lingua-language-detector` (maintained, offline, models ship in the wheel) restricted to
the languages we have cues for, on the whole thread's text: single chat lines are too short to tell
apart, a thread is not. Plain-ASCII text full of English function words skips the detector: it is the
common case, and the detector's models cost about 0.4 s to load on first use. Text mostly in another
script goes to a second detector restricted to Japanese, Chinese, Korean, Hindi, Arabic, Hebrew and Russian, which
tells them apart by script almost at once (kana make Japanese; Hangul, Korean; Han characters alone, Chinese).
Vietnamese letters with their tone marks (U+1E00–U+1EFF) are Latin: they do not make a thread "another script".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

LATIN = ("en", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "tr", "vi", "id")
OTHER_SCRIPTS = ("ja", "zh", "ko", "hi", "ar", "he", "ru")  # "ru" then "uk" by its letters (`_ukrainian_or`)

_ENGLISH_WORDS = frozenset(
    "the a an and or but to of in on at for with is are was were be been it this that we you i they he she "
    "will would can could should have has had do does did not no yes what when where who why how let's".split())
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 4000
OTHER_SCRIPT_SHARE = 0.3  # of the letters, in a script other than Latin: the thread is read as Japanese, Chinese, Hindi or Arabic  # enough to tell a language apart; keeps a 2,000-message thread cheap


def _looks_english(text: str) -> bool:
    words = _WORD.findall(text.lower())
    return bool(words) and text.isascii() and sum(w in _ENGLISH_WORDS for w in words) / len(words) >= 0.2


@lru_cache(maxsize=2)
def _detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, LanguageDetectorBuilder  # loaded only for a thread that is not plainly English

    return LanguageDetectorBuilder.from_iso_codes_639_1(*(IsoCode639_1.from_str(c) for c in codes)).build()


@lru_cache(maxsize=16_384)
def _counts(text: str) -> tuple[bool, bool, int, int]:
    """What `_looks_english` counts in one message: (any word, ASCII only, words, English function words)."""
    words = _WORD.findall(text.lower())
    return bool(_WORD.search(text)), text.isascii(), len(words), sum(w in _ENGLISH_WORDS for w in words)


def thread_language(texts: list[str]) -> str:
    """An ISO 639-1 code from `LATIN` or `OTHER_SCRIPTS`, or "uk" (the languages with cue tables), or "und" when the
    text is in none of them."""
    if sum(map(len, texts)) + len(texts) - 1 <= SAMPLE_CHARS:
        # The sample is the whole thread: the same counts, added up message by message (each message is
        # counted once, however often the digest and the summarizer look at it).
        counts = [_counts(text) for text in texts]
        words = sum(c[2] for c in counts)
        if not any(c[0] for c in counts) or (
                words and all(c[1] for c in counts) and sum(c[3] for c in counts) / words >= 0.2):
            return "en"
    return _sample_language(texts)


def _sample_language(texts: list[str]) -> str:
    sample = " ".join(texts)[:SAMPLE_CHARS]
    if not _WORD.search(sample) or _looks_english(sample):
        return "en"
    letters = [ch for ch in sample if ch.isalpha() or unicodedata.category(ch) in ("Mn", "Mc")]  # vowel signs count
    # work chat in Hindi or Japanese is full of English terms ("staging", "release notes"): a third is enough
    other_script = sum(ch > "\u024f" and not "\u1e00" <= ch <= "\u1eff" for ch in letters) >= OTHER_SCRIPT_SHARE * len(letters)
    found = _detector(OTHER_SCRIPTS if other_script else LATIN).detect_language_of(sample)
    code = found.iso_code_639_1.name.lower() if found is not None else _by_script(letters) if other_script else "en"
    return _ukrainian_or(code, letters)


_UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")


def _ukrainian_or(code: str, letters: list[str]) -> str:
    """Cyrillic read as Russian is Ukrainian when it writes і, ї, є, ґ and not ы, э, ъ, ё: the letters tell the two
    apart for certain, where lingua would load both languages' models (~0.6 s) to guess."""
    if code != "ru":
        return code
    text = "".join(letters)
    return "uk" if len(_UKRAINIAN_ONLY.findall(text)) > 2 * len(_RUSSIAN_ONLY.findall(text)) else code


_SCRIPTS = (("ja", re.compile(r"[\u3040-\u30ff]")), ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
            ("zh", re.compile(r"[\u4e00-\u9fff]")),
            ("hi", re.compile(r"[\u0900-\u097f]")), ("ar", re.compile(r"[\u0600-\u06ff]")), ("he", re.compile(r"[\u0590-\u05ff]")),
            ("ru", re.compile(r"[\u0400-\u04ff]")))


def _by_script(letters: list[str]) -> str:
    """When the detector will not say (short text mixed with English terms): the script itself, kana first
    (Japanese also writes Han characters), or "und"."""
    text = "".join(letters)
    return next((code for code, script in _SCRIPTS if len(script.findall(text)) >= 0.2 * len(letters)), "und")
