"""Thread summaries on @-mention: TL;DR, decisions, action items, open questions and participants."""

from __future__ import annotations

from bot.actions import Action, Reply, Section
from bot.model import Conversation, Event, Mentioned, Thread
from bot.router import Context
from skills.summarize.extractive import summarize
from skills.summarize.result import Item, Summary, action_line
from skills.summarize.utterance import Utterance, utterances_from_thread

ENGINES = ("extractive", "llm")
LLM_NOT_CONFIGURED = "llm engine not configured; using the offline extractive engine"


def summarize_utterances(utterances: list[Utterance], engine: str = "extractive") -> tuple[Summary, str | None]:
    """Run `engine`; returns the summary and a notice when it had to fall back to the offline engine."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    notice = LLM_NOT_CONFIGURED if engine == "llm" else None  # the LLM backend is not built yet
    return summarize(utterances), notice


def _linked(text: str, link: str | None, platform: str) -> str:
    """Slack mrkdwn `<url|source>`; Adaptive Card markdown `[source](url)` on Teams."""
    if not link:
        return text
    return f"{text} (<{link}|source>)" if platform == "slack" else f"{text} ([source]({link}))"


def summary_sections(summary: Summary, platform: str = "slack") -> tuple[Section, ...]:
    """Decisions / Action items / Open questions / Participants, empty ones left out; lines link to their source."""
    blocks = (
        ("Decisions", [_linked(item.text, item.link, platform) for item in summary.decisions]),
        ("Action items", [_linked(action_line(item), item.link, platform) for item in summary.action_items]),
        ("Open questions", [_linked(item.text, item.link, platform) for item in summary.open_questions]),
        ("Participants", [", ".join(summary.participants)] if summary.participants else []),
    )
    return tuple(Section(title, tuple(lines)) for title, lines in blocks if lines)


def summary_reply(thread: Thread, where: Conversation, asked_in: str | None = None) -> Reply:
    """The reply to a mention: TL;DR as text, the rest as sections, and the thread's incompleteness note.

    `asked_in` is the id of the mention asking for the summary; it is not part of the discussion.
    """
    summary = summarize([u for u in utterances_from_thread(thread) if u.id != asked_in])
    text = summary.tldr
    if thread.note:
        text += f"\n_{thread.note}_"
    sections = () if summary.too_short else summary_sections(summary, where.platform)
    return Reply(conversation=where, text=text, sections=sections)


async def handle(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, Mentioned)
    where = event.message.conversation
    where = where.in_thread(where.thread_id or event.message.id)
    thread = await context.platform.fetch_thread(where)
    return [summary_reply(thread, where, asked_in=event.message.id)]


__all__ = ["Item", "Summary", "handle", "summarize", "summary_reply", "summarize_utterances"]
