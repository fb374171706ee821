"""Finding decisions, action items (owner, due date) and unanswered questions in a thread (regex + light heuristics)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from skills.summarize.result import names_list
from skills.summarize.rewrite import to_third_person

_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY_PHRASE = (
    rf"(?:(?:next|this|coming)\s+{_WEEKDAYS}|{_WEEKDAYS}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|tomorrow(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|this\s+(?:morning|afternoon|evening|week)"
    r"|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|sprint|quarter)|eod|eow|cob"
    rf"|next\s+(?:week|month|sprint)|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|noon|midnight|\d{1,2}(?::\d{2})?\s*(?:am|pm))"
)
_DUE = re.compile(rf"\b(?:(?:by|before|until|till|on|due|no later than)\s+)?({_DAY_PHRASE})\b", re.I)
_DUE_STRONG = re.compile(rf"\b(?:by|before|until|till|due|no later than)\s+({_DAY_PHRASE})\b", re.I)

_COMMIT = re.compile(
    r"\b(?:I(?:'ll| will| shall)|I(?:'m| am) going to|I(?:'m| am) gonna|I can|let me|I(?:'ll| will) try to)\s+(?!be\b|have to wait|think|see\b|guess|let you know if|know\b|explain\b|tell you\b)(.+)",
    re.I)
_REQUEST = re.compile(
    r"(?:^|[\s,])@?(?P<who>[\w.-]+)[,:]?\s+(?:can|could|would|will)\s+you\s+(?:please\s+)?(?P<what>.+?)(?:\?|$)", re.I)
_MENTION_REQUEST = re.compile(
    r"@(?P<who>[\w.-]+)[,:]?\s+(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+)(?P<what>.+?)(?:\?|$)", re.I)
_TODO = re.compile(r"^\s*(?:todo|action(?: item)?|ai|next step)s?\s*[:\-]\s*(.+)", re.I)
_THIRD_PERSON_WILL = re.compile(r"^(?P<who>[A-Z][\w.-]+)\s+(?:will|is going to|'ll)\s+(?P<what>.+)")

_DECISION = re.compile(
    r"\b(?:we(?:'ll| will| are|'re)\s+(?:go(?:ing)? with|stick(?:ing)? with|use|using|ship|do)\b"
    r"|(?:we|I)\s+(?:have\s+)?decided\b|decision\s*(?:is|was|:)|let'?s\s+go\s+with\b|agreed\s+(?:on|to|that)\b"
    r"|it'?s\s+(?:settled|decided|a\s+deal)|final(?:ly)?\s*(?:decision|answer)?\s*[:,]\s|going\s+forward,?\s+we\b"
    r"|we\s+(?:should|shall)\s+go\s+with\b|approved\b)",
    re.I)
_PROPOSAL = re.compile(
    r"\b(?:let'?s|how about|what about|shall we|why don'?t we|I (?:suggest|propose)|we could|we should|"
    r"maybe we|I vote (?:for|to))\s+(?!see\b|hope\b|talk\b|chat\b)", re.I)
_AGREE = re.compile(
    r"^\s*(?:@\S+\s+)?(?:agreed|agree|sounds (?:good|great|perfect)|ok(?:ay)?|yes|yep|yeah|yup|sure|deal|perfect|great|fine|"
    r"works for me|\+1|lgtm|let'?s do (?:it|that)|good idea|great idea|of course|absolutely|definitely|done|cool)\b",
    re.I)
_DISAGREE = re.compile(r"^\s*(?:no\b|nope|nah|not sure|I disagree|disagree|I don'?t think|I'?d rather|but\b|hmm)", re.I)
_CHITCHAT_QUESTION = re.compile(r"^\W*(?:\w+\W*){0,2}\?$")  # "really?", "you ok?", "what?"
_WORDS = re.compile(r"\w+")
_AT_NAME = re.compile(r"@([\w.-]+)")
_SPACE_RUN = re.compile(r"\s+")
_LEADING_ADVERB = re.compile(r"^(?:also|then|just|please|definitely|probably)\s+", re.I)
_ME = re.compile(r"\bme\b", re.I)
_MY = re.compile(r"\bmy\b", re.I)
_LETS_WORD = re.compile(r"\blet'?s\b", re.I)
_LETS_START = re.compile(r"(?i)let'?s\b")


def _keyword_check(*needles: str):
    """A cheap test that rules a costly `re.I` regex out: `may_match(text)` is False only when `text`
    holds none of `needles` (lower case), and every match of the regex holds one of them.

    Most sentences hold no keyword at all, and one search for literal words costs a fraction of the
    detectors' patterns. Only ASCII text is ruled out: under `re.I` a few other letters match ASCII ones
    ("ı" matches "i", "ſ" matches "s") that `str.lower` leaves as they are.
    """
    pattern = re.compile("|".join(map(re.escape, needles)))

    def may_match(text: str) -> bool:
        return not text.isascii() or pattern.search(text.lower()) is not None

    return may_match


# Every match of _DECISION or _PROPOSAL holds one of these words; find_decisions skips sentences without any.
_MAY_DECIDE = _keyword_check(
    "we'll", "we will", "we are", "we're", "decided", "decision", "let", "agreed", "settled", "deal", "final",
    "forward", "should", "shall", "approved",  # _DECISION
    "how about", "what about", "why don", "i suggest", "i propose", "we could", "maybe we", "i vote")  # _PROPOSAL
_MAY_COMMIT = _keyword_check("i'll", "i will", "i shall", "i'm", "i am", "i can", "let me")  # _COMMIT
_MAY_REQUEST = _keyword_check("you")  # _REQUEST


@dataclass(frozen=True)
class Sentence:
    """One sentence of one human message; `index` is the message's position in the thread."""

    text: str
    index: int
    speaker: str
    source_id: str

    @property
    def is_question(self) -> bool:
        return self.text.rstrip().endswith("?")


@dataclass(frozen=True)
class Found:
    text: str
    source_id: str
    index: int
    owner: str | None = None
    due: str | None = None
    agreed_by: tuple[str, ...] = ()


def find_due(text: str) -> str | None:
    match = _DUE_STRONG.search(text) or _DUE.search(text)
    return match.group(1) if match else None


def _strip_due(text: str, due: str | None) -> str:
    if due:
        text = re.sub(rf"\s*\b(?:by|before|until|till|on|due|no later than)?\s*{re.escape(due)}\b", "", text, flags=re.I)
    return _SPACE_RUN.sub(" ", text).strip(" ,.;:!-")


def _resolve(name: str, people: dict[str, str]) -> str | None:
    """A participant's display name from a mention or first name; None when nobody matches."""
    key = name.lower().strip("@.,")
    if key in people:
        return people[key]
    for low, display in people.items():
        if low.split()[0] == key:
            return display
    return None


def find_action_items(sentences: list[Sentence], people: dict[str, str]) -> list[Found]:
    """Commitments ("I'll ... by Friday"), requests ("@ken can you ..."), TODO lines, "Ken will ..."."""
    found: list[Found] = []
    for s in sentences:
        text = s.text.strip()
        owner = what = None
        if m := _TODO.match(text):
            what = m.group(1)
            mention = _AT_NAME.search(what)
            owner = _resolve(mention.group(1), people) if mention else None
            if mention and owner:
                what = what.replace(mention.group(0), "").strip(" ,:")
        elif (m := _MENTION_REQUEST.search(text)) and _resolve(m.group("who"), people):
            owner, what = _resolve(m.group("who"), people), m.group("what")
        elif _MAY_REQUEST(text) and (m := _REQUEST.search(text)) and _resolve(m.group("who"), people) \
                and m.group("who")[0].isupper():
            owner, what = _resolve(m.group("who"), people), m.group("what")
        elif _MAY_COMMIT(text) and (m := _COMMIT.search(text)) and not s.is_question:
            owner, what = s.speaker, m.group(1)
        elif (m := _THIRD_PERSON_WILL.match(text)) and _resolve(m.group("who"), people) and not s.is_question:
            owner, what = _resolve(m.group("who"), people), m.group("what")
        if not what or len(_WORDS.findall(what)) < 2:
            continue
        due = find_due(text)
        what = _strip_due(what.rstrip("?!."), due)
        what = _LEADING_ADVERB.sub("", what)
        what = to_third_person(what, s.speaker) if owner != s.speaker else _first_person_object(what, s.speaker)
        if what:
            found.append(Found(what[:1].lower() + what[1:], s.source_id, s.index, owner, due))
    return found


def _first_person_object(what: str, speaker: str) -> str:
    """In the speaker's own commitment, "send you my notes" keeps "you" but "my" becomes theirs."""
    return _MY.sub("their", _ME.sub(speaker, what))


def find_decisions(sentences: list[Sentence], replies: dict[int, list[tuple[str, str]]], agreement: dict[int, int]) -> list[Found]:
    """Explicit decisions, and proposals that someone else agreed to (by reply or reaction) and nobody opposed."""
    found: list[Found] = []
    for s in sentences:
        if not _MAY_DECIDE(s.text):
            continue  # neither a decision nor a proposal
        if s.is_question and not _PROPOSAL.search(s.text):
            continue
        explicit = bool(_DECISION.search(s.text))
        agreed_by: list[str] = []
        if not explicit and _PROPOSAL.search(s.text):
            later = _direct_replies(s, replies.get(s.index, []))
            if later and _DISAGREE.match(later[0][1]):
                continue
            agreed_by = [who for who, text in later if _AGREE.match(text)]
            if not agreed_by and not agreement.get(s.index):
                if s.is_question or not _LETS_WORD.search(s.text):
                    continue
        elif not explicit:
            continue
        text = to_third_person(s.text.rstrip("!. "), s.speaker)
        if _LETS_START.match(text):
            text = f"{s.speaker}: {text[:1].lower() + text[1:]}"
        support = [f"{names_list(list(dict.fromkeys(agreed_by)))} agreed"] if agreed_by else []
        if agreement.get(s.index):
            n = agreement[s.index]
            support.append(f"{n} agreed by reaction" if not agreed_by else f"{n} agreement reaction{'s' * (n > 1)}")
        if support:
            text += f" ({'; '.join(support)})"
        found.append(Found(text, s.source_id, s.index, owner=s.speaker, agreed_by=tuple(dict.fromkeys(agreed_by))))
    return found


def _direct_replies(s: Sentence, later: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Others' messages right after a proposal, up to the first one that moves on (asks something)."""
    out = []
    for who, text in later[:3]:
        if who == s.speaker:
            continue
        if text.rstrip().endswith("?"):
            break
        out.append((who, text))
    return out


def find_open_questions(
    sentences: list[Sentence], replies: dict[int, list[tuple[str, str]]], people: dict[str, str],
    requests: frozenset[str] = frozenset(),
) -> list[Found]:
    """Questions that nobody else answered: no later message by someone else, or the one asked never spoke again.

    `requests` are sentences already listed as action items ("@ken can you ...?").
    """
    found: list[Found] = []
    for s in sentences:
        if s.text in requests:
            continue
        if not s.is_question or _CHITCHAT_QUESTION.match(s.text) or len(_WORDS.findall(s.text)) < 3:
            continue
        later = [(who, text) for who, text in replies.get(s.index, []) if who != s.speaker]
        mention = _AT_NAME.search(s.text)
        if mention:  # asked someone by name: only their answer counts, even if they never spoke yet
            asked = _resolve(mention.group(1), people) or mention.group(1)
            answered = any(who.lower() == asked.lower() for who, _ in later)
        else:
            answered = any(not text.rstrip().endswith("?") for _, text in later[:4])
        if not answered:
            found.append(Found(f"{s.speaker}: {s.text.strip()}", s.source_id, s.index, owner=s.speaker))
    return found


