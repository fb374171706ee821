"""`@etiquette help`: say what the bot can do, in the thread where it was asked."""

from __future__ import annotations

from bot.actions import Action, Reply
from bot.model import Event, Mentioned
from bot.router import Context

CAPABILITIES = (
    "*Thread summaries*: mention me in a thread (`@etiquette summarize`) for a TL;DR, "
    "decisions, action items and open questions.",
    "*Send later*: `/later @someone tomorrow 9am your message` delivers it in their working hours.",
    "*Thread nudges*: I privately point out replies posted outside their thread.",
    "*Meeting or message*: I suggest a short call when a thread turns into a long debate.",
    "*Weekly digest*: `/digest on` gives the channel a Monday summary.",
)


def wants(event: Event) -> bool:
    return isinstance(event, Mentioned) and event.text.strip().lower() in {"help", "?", "hi", "hello"}


def help_reply(event: Mentioned) -> Reply:
    conversation = event.message.conversation
    thread_id = conversation.thread_id or event.message.id
    return Reply(
        conversation=conversation.in_thread(thread_id),
        text="Here is what I can do:\n" + "\n".join(f"• {line}" for line in CAPABILITIES),
    )


async def handle(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, Mentioned)
    return [help_reply(event)]
