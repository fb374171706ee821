"""Splitting `/later` text into recipient, time phrase and message, and saying how sure we are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from skills.later.when import DEFAULT_LANGUAGES, WhenError, read_phrase

MAX_PHRASE_TOKENS = 8

# Slack `<@U123|maria>` / `<#C123|general>` / `<!subteam^S1>`, Teams `<at>Maria</at>`, or typed.
_RECIPIENT = re.compile(r"\s*(<[@#!][^>]*>|<at>[^<]*</at>|[@#][\w.\-]+)\s*", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*(?::|;|,|\||[-–—]{1,2}|\.\.\.|…)(?=\s|$)\s*")
_LOOSE_SEPARATOR = re.compile(r":\s|\s[-–—]{1,2}\s|\s\|\s")

_WEEKDAYS = ("monday mon tuesday tue tues wednesday wed weds thursday thu thur thurs "
             "friday fri saturday sat sunday sun").split()
_MONTHS = ("january jan february feb march mar april apr may june jun july jul august aug "
           "september sept sep october oct november nov december dec").split()
_STRONG_WORDS = {
    "today", "tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow", "tonight",
    "noon", "midday", "midnight", "am", "pm", "a.m.", "p.m.", "o'clock", "oclock",
    "asap", "whenever", *_WEEKDAYS, *_MONTHS,
}
_SOFT_WORDS = {
    "day", "after", "next", "this", "coming", "on", "at", "the", "in", "a", "an", "half", "and",
    "of", "week", "weeks", "month", "months", "working", "business", "work", "workday",
    "morning", "afternoon", "evening", "first", "thing", "when", "once", "as", "soon",
    "they're", "they", "are", "is", "he's", "she's", "you're", "he", "she", "you", "back",
    "online", "office", "around", "available", "their", "his", "her", "hours", "hour", "hr",
    "hrs", "h", "minute", "minutes", "min", "mins", "m", "days", "d", "w", "wk", "wks",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty-five", "ninety",
}
_TIMEISH_TOKEN = re.compile(
    r"\d{1,2}(?::\d{2}){1,2}(?:am|pm|a\.m\.|p\.m\.)?"  # 9:30, 14:30:00, 9:30am
    r"|\d{1,2}(?:am|pm|a\.m\.|p\.m\.)"  # 9am
    r"|\d{1,2}h\d{2}"  # 14h30
    r"|(?:\d+(?:\.\d+)?(?:h|m|d|w|min|mins|hr|hrs|hours?|days?|weeks?))+"  # 2h, 2h30m
    r"|\d{1,4}|\d{1,2}(?:st|nd|rd|th)"
    r"|\d{4}-\d{1,2}-\d{1,2}(?:t\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
)
_CLOCKISH = re.compile(r"\d{1,2}(?::\d{2})(?:am|pm)?|\d{1,2}(?:am|pm)")
# Words that are a time only sometimes ("Sun is out", "May I…"): alone, they make us ask.
_AMBIGUOUS = {"sun", "sat", "wed", "mar", "may", "march", "jun", "second", "fri", "tue"}
_PUNCTUATION = ",;:|"


@dataclass(frozen=True)
class LaterText:
    """A `/later` text taken apart; `doubts` say why the split may be wrong (empty = confident)."""

    recipient: str | None
    time_phrase: str  # as typed; "" when there is none (the next working window)
    message: str
    doubts: tuple[str, ...] = ()

    @property
    def confident(self) -> bool:
        return not self.doubts


def split_later_text(text: str, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> LaterText:
    """'@maria tomorrow 9am Can you…' → '@maria' / 'tomorrow 9am' / 'Can you…', with doubts."""
    recipient, body = _take_recipient(text or "")
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", body)]
    phrase_end = _longest_time_prefix(body, tokens, languages)

    if phrase_end == 0:
        loose = _LOOSE_SEPARATOR.search(body[:80])
        if loose and _reads(body[: loose.start()], languages):  # other languages need a separator
            phrase, message = body[: loose.start()].strip(), body[loose.end():].strip()
            return LaterText(recipient, phrase, message, _message_doubts(message))
        message = body.strip()
        return LaterText(recipient, "", message, _no_time_doubts(message, tokens, languages))

    phrase = body[:phrase_end].strip()
    rest = body[phrase_end:]
    separator = _SEPARATOR.match(rest)
    message = rest[separator.end():].strip() if separator else rest.strip()
    doubts = list(_message_doubts(message))
    if not separator and message:
        words = phrase.lower().split()
        last = words[-1].strip(_PUNCTUATION)
        first = message.split()[0]
        if len(words) == 1 and last in _AMBIGUOUS:
            doubts.append(f"'{phrase}' may not be meant as a time")
        bare = first.lower().strip(_PUNCTUATION)
        if first[0].isdigit():
            doubts.append(f"'{first}' right after '{phrase}' may be part of the time")
        elif bare in _STRONG_WORDS or _TIMEISH_TOKEN.fullmatch(bare):
            doubts.append(f"the message starts with '{first}', which may be part of the time")
    return LaterText(recipient, phrase, message, tuple(doubts))


def _take_recipient(text: str) -> tuple[str | None, str]:
    match = _RECIPIENT.match(text)
    if not match:
        return None, text.strip()
    return match.group(1), text[match.end():]


def _longest_time_prefix(body: str, tokens: list[tuple[int, int, str]],
                         languages: tuple[str, ...]) -> int:
    """End offset of the longest leading run of tokens that reads as a time phrase (0: none)."""
    run = 0
    for _, _, token in tokens[:MAX_PHRASE_TOKENS]:
        if not _is_timeish(token.lower().strip(_PUNCTUATION)):
            break
        run += 1
        if token[-1] in _PUNCTUATION and token.strip(_PUNCTUATION):
            break  # "in 2h:" — the phrase ends at its punctuation
    for count in range(run, 0, -1):
        end = tokens[count - 1][1]
        candidate = body[:end].rstrip(_PUNCTUATION + " ")
        last = candidate.lower().split()[-1] if candidate.strip() else ""
        if last in {"at", "on", "the", "of", "and", "in", "a", "an", "next", "this", "by"}:
            continue
        if _reads(candidate, languages):
            return len(candidate)
    return 0


def _reads(candidate: str, languages: tuple[str, ...]) -> bool:
    if not candidate.strip():
        return False
    try:
        reading = read_phrase(candidate, languages)
    except WhenError:
        return False
    return bool(reading.text)  # an empty reading is "no time", not a phrase


def _is_timeish(word: str) -> bool:
    return bool(word) and (
        word in _STRONG_WORDS or word in _SOFT_WORDS or bool(_TIMEISH_TOKEN.fullmatch(word))
    )


def _message_doubts(message: str) -> tuple[str, ...]:
    return () if message else ("there is no message to send",)


def _no_time_doubts(message: str, tokens: list[tuple[int, int, str]],
                    languages: tuple[str, ...]) -> tuple[str, ...]:
    if not message:
        return _message_doubts(message)
    first = re.sub(r"'s$", "", tokens[0][2].lower().strip(_PUNCTUATION + ".!?"))
    if first in _STRONG_WORDS or first == "yesterday" or _TIMEISH_TOKEN.fullmatch(first):
        return (f"the message starts with '{tokens[0][2]}'; is that meant as the time?",)
    for word in message.split()[:4]:
        if _CLOCKISH.fullmatch(word.lower().strip(_PUNCTUATION + ".!?")):
            return (f"the message mentions '{word}'; is that meant as the time?",)
    words = message.rstrip(".!?").split()
    for count in range(min(len(words), 6), 0, -1):
        tail = " ".join(words[-count:])
        if all(_is_timeish(w.lower().strip(_PUNCTUATION)) for w in words[-count:]) \
                and tail.lower() not in _AMBIGUOUS and _reads(tail, languages):
            return (f"the message ends with '{tail}'; is that meant as the time?",)
    return ()
