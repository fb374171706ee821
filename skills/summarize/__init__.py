"""Thread summaries on @-mention. For now: who took part and how much was said."""

from __future__ import annotations

from bot.actions import Action, Reply
from bot.model import Event, Mentioned, Thread
from bot.router import Context


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def thread_overview(thread: Thread) -> str:
    """One honest line about the thread until the real summarizer lands."""
    messages = [m for m in thread.messages if not m.author.is_bot]
    people = _names([p.display for p in thread.participants])
    text = f"This thread has {len(messages)} message{'s' if len(messages) != 1 else ''}"
    text += f" from {people}." if people else "."
    if thread.note:
        text += f"\n_{thread.note}_"
    return text


async def handle(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, Mentioned)
    where = event.message.conversation
    where = where.in_thread(where.thread_id or event.message.id)
    thread = await context.platform.fetch_thread(where)
    return [Reply(conversation=where, text=thread_overview(thread))]
