"""Threads written line by line for the summarizer's tests.

One message a minute from Monday 2026-11-16 09:00 UTC, so that "Thursday" or "tomorrow" resolves to the same day in
every test file, and a line can carry the agreement reactions it got from others.
"""

from __future__ import annotations

from skills.summarize.extractive import summarize
from skills.summarize.result import Summary
from skills.summarize.utterance import Utterance

MONDAY = 1794787200  # 2026-11-16 00:00 UTC, a Monday
NINE = MONDAY + 9 * 3600


def thread(*lines: tuple, start: int = NINE, reactions: dict[int, int] | None = None) -> list[Utterance]:
    """Each line is (speaker, text) or (speaker, text, agreement reactions from others); `reactions` maps a line's
    index to its reactions instead."""
    reactions = reactions or {}
    return [Utterance(f"{start + 60 * i}.000100", line[0], line[1],
                      agreement=line[2] if len(line) > 2 else reactions.get(i, 0))
            for i, line in enumerate(lines)]


def read(*lines: tuple, start: int = NINE, reactions: dict[int, int] | None = None) -> Summary:
    """The offline summary of the thread these lines make."""
    return summarize(thread(*lines, start=start, reactions=reactions))
