"""A cheap literal pre-check in front of the cue regexes, so that most sentences skip most patterns.

The cue patterns are long alternations (`\\b(?:let'?s|how\\s+about|…)`) that Python's `re` tries at every
position of a sentence, about 10 µs each, and a sentence meets a dozen of them, though it matches almost
none. `Screened` reads its pattern once and works out literal text that every match must contain (for
`\\b(?:we\\s+decided|decision\\s*:)`: "we decided", "decision:" or "decision :"); a sentence that contains
none of it is answered "no match" without running the regex. The pre-check can only say "no" when the
regex would say no, so results are the same; a pattern it cannot read (or one anchored at the start, which
`re` answers at once anyway) is always run.

Texts and literals are compared case-folded, with every run of white space as one space, exactly as
`re.IGNORECASE` and `\\s+` compare them: literals are ASCII only, and the four non-ASCII characters that
`re.IGNORECASE` equates with an ASCII letter (İ ı ſ and the Kelvin sign) are folded to it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _parser  # the standard library's own reader of patterns (as `re.compile` uses it)
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BEGINNING,
    AT_BEGINNING_STRING,
    ATOMIC_GROUP,
    BRANCH,
    CATEGORY,
    CATEGORY_SPACE,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    POSSESSIVE_REPEAT,
    SUBPATTERN,
)

MAX_REMEMBERED = 4096  # texts whose answers each pattern keeps (the least recently asked is forgotten first)
MAX_STRINGS = 256  # exact strings followed through a sequence before giving up on them
_SPACE = " "
# Under re.IGNORECASE these match an ASCII letter (checked over all of Unicode by the tests).
_FOLD = {ord("İ"): "i", ord("ı"): "i", ord("ſ"): "s", ord("\u212a"): "k"}
_FOLD.update({code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)})


@lru_cache(maxsize=4096)  # a sentence meets a dozen patterns in a row
def fold(text: str) -> str:
    """`text` as the literals are compared: ASCII lower case, each white-space run one space, a space at each end."""
    low = text.lower() if text.isascii() else text.translate(_FOLD)
    return f" {' '.join(low.split())} "


def screened(pattern: re.Pattern) -> Remembered:
    """`pattern` with its answers remembered, behind the literal pre-check when a literal can be required of its matches."""
    needed = required_literals(pattern)
    return Remembered(pattern) if needed is None else Screened(pattern, needed)


class Remembered:
    """A compiled pattern that remembers its answers to `search` and `match` for the last few thousand texts.

    The detectors ask the same few patterns about the same sentence again and again (each later reply looks
    back at it), and a week of chat repeats its short replies ("Sounds good.", "Thanks!") in thread after
    thread. A `Match` is never changed by its reader, so one can be handed out twice. The rest goes to the pattern.
    `search` and `match` are `functools.lru_cache` wrappers (written in C): a remembered answer costs no Python
    call at all, a few million times in a large week's digest.
    """

    __slots__ = ("pattern", "search", "match")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.search = lru_cache(maxsize=MAX_REMEMBERED)(self._search)
        self.match = lru_cache(maxsize=MAX_REMEMBERED)(pattern.match)

    @property
    def _search(self):
        return self.pattern.search

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        if self.search(text) is None:  # no match anywhere: nothing to split at
            return [text]
        return self.pattern.split(text, maxsplit)

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.pattern!r})"


class Screened(Remembered):
    """A remembered pattern with the pre-check in front of `search` (and so of `split`)."""

    __slots__ = ("_needed",)

    def __init__(self, pattern: re.Pattern, needed: frozenset[str]) -> None:
        self._needed = re.compile(_trie(needed)).search
        super().__init__(pattern)

    @property
    def _search(self):
        return self._screened_search

    def _screened_search(self, text: str, *args) -> re.Match | None:
        if args:  # a search from a position: the pre-check reads the whole text
            return self.pattern.search(text, *args)
        return self.pattern.search(text) if self._needed(fold(text)) else None


def _trie(strings: frozenset[str]) -> str:
    """A regex for any of `strings` with shared beginnings written once ("de(?:al|cided)"): `re` tries the
    alternatives of a group one by one, so a flat list of a hundred strings is several times slower."""
    root: dict = {}
    for s in strings:
        node = root
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # a string ends here

    def written(node: dict) -> str:
        if "" in node:
            return ""  # any string through here contains this shorter one
        alternatives = [re.escape(ch) + written(child) for ch, child in sorted(node.items())]
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return written(root)


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Folded strings of which every match of `pattern` contains at least one; None when none can be said
    (or when the pattern is anchored at the start of the text, so cheap to run as it is)."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern this reader does not follow is simply run every time
        return None
    if _anchored(list(parsed)):
        return None
    found = _required(list(parsed))
    if found is None:
        return None
    kept: list[str] = []
    for s in sorted(found, key=len):  # "let" already says whatever "let's" would
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _anchored(items: list) -> bool:
    """Every alternative starts at the start of the text (`^…`)."""
    if not items:
        return False
    op, av = items[0]
    if op is AT:
        return av in (AT_BEGINNING, AT_BEGINNING_STRING)
    if op is BRANCH:
        return all(_anchored(list(branch)) for branch in av[1])
    if op is SUBPATTERN:
        return _anchored(list(av[3]))
    return False


def _is_space(op, av) -> bool:
    """One character of white space: a literal space or tab, or `\\s`."""
    if op is LITERAL:
        return chr(av).isspace()
    return op is IN and len(av) == 1 and av[0] == (CATEGORY, CATEGORY_SPACE)


def _exact(op, av) -> set[str] | None:
    """Every string (folded) this one item can match, when that is a short list; None otherwise."""
    if _is_space(op, av):
        return {_SPACE}
    if op is LITERAL:
        return {chr(av).lower()} if av < 128 else None
    if op is IN:
        if all(o is LITERAL and a < 128 and not chr(a).isspace() for o, a in av):
            return {chr(a).lower() for _, a in av}
        return None
    if op is SUBPATTERN:
        return _exact_sequence(list(av[3]))
    if op is BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            each = _exact_sequence(list(branch))
            if each is None:
                return None
            out |= each
        return out if len(out) <= MAX_STRINGS else None
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        low, high, inner = av
        inner = list(inner)
        if len(inner) == 1 and _is_space(*inner[0]):  # \s+ is one space once folded, \s* none or one
            return {_SPACE} if low >= 1 else {"", _SPACE}
        if (low, high) == (0, 1):
            each = _exact_sequence(inner)
            return None if each is None else each | {""}
        return None
    if op in (AT, ASSERT_NOT):
        return {""}  # zero width: adds no text
    # A look-around that must hold (ASSERT) is read by `_required`, which can join it to the text before it.
    return None


def _joined(left: set[str], right: set[str]) -> set[str]:
    return {_squeeze(a + b) for a in left for b in right}


def _squeeze(s: str) -> str:
    """Two white-space items in a row ("\\s+\\s*") still meet one folded space."""
    while "  " in s:
        s = s.replace("  ", " ")
    return s


def _exact_sequence(items: list) -> set[str] | None:
    out = {""}
    for op, av in items:
        each = _exact(op, av)
        if each is None:
            return None
        out = _joined(out, each)
        if len(out) > MAX_STRINGS:
            return None
    return out


def _required(items: list) -> set[str] | None:
    """Strings of which every match of the sequence `items` contains one; the most telling choice."""
    choices: list[set[str] | None] = []
    run = {""}  # the exact strings of the items read since the last inexact one
    for op, av in items:
        if op is ASSERT and av[0] == 1 and (ahead := _exact_sequence(list(av[1]))) is not None:
            choices.append(_joined(run, ahead))  # "I\s+(?=take|own)": "i take" or "i own" is in the text
        each = _exact(op, av)
        if each is not None:
            joined = _joined(run, each)
            if len(joined) <= MAX_STRINGS:
                run = joined
            else:
                choices.append(run)
                run = each
            continue
        choices.append(run)
        run = {""}
        if op is BRANCH:
            branches = [_required(list(branch)) for branch in av[1]]
            choices.append(None if any(b is None for b in branches) else set().union(*branches))
        elif op is SUBPATTERN:
            choices.append(_required(list(av[3])))
        elif op is ATOMIC_GROUP:
            choices.append(_required(list(av)))
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and av[0] >= 1:
            choices.append(_required(list(av[2])))
        elif op is ASSERT:  # a look-ahead or look-behind that must hold: its text is in the string too
            choices.append(_required(list(av[1])))
    choices.append(run)
    usable = [c for c in choices if c and all(s.strip() for s in c)]  # a lone space or "" rules nothing out
    if not usable:
        return None
    return max(usable, key=lambda c: (min(len(s.strip()) for s in c), -len(c)))
