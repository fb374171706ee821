"""`@etiquette help`: say what the bot can do, in the thread where it was asked."""

from __future__ import annotations

from bot.actions import Action, Reply
from bot.model import Event, Mentioned
from bot.router import Context


def capabilities(platform: str) -> tuple[str, ...]:
    """What works today, in the words of the platform the question came from."""
    later = "`/later @someone tomorrow 9am your message`" if platform == "slack" else (
        "`later tomorrow 9am your message` here in our chat, or `@Etiquette later …` in a channel")
    return (
        "*Thread summaries*: mention me in a thread with `summarize` for a TL;DR, decisions, action items "
        "and open questions (`summarize private` sends it only to you).",
        f"*Send later*: {later} delivers it in the recipient's working hours; `later list` shows what is waiting.",
        "*Thread nudges*: I privately and rarely point out replies posted outside their thread, long "
        "messages and after-hours broadcasts; each note has a \"Don't remind me\" button.",
        "*Meeting or message*: when a thread turns into a long debate, I suggest a short call with times "
        "that fit everyone's working hours.",
        f"*Weekly digest*: `{'/digest' if platform == 'slack' else 'digest'} on` gives the channel a Monday "
        "summary of what was decided and what is still open.",
    )


def wants(event: Event) -> bool:
    return isinstance(event, Mentioned) and event.text.strip().lower() in {"help", "?", "hi", "hello"}


def help_reply(event: Mentioned) -> Reply:
    conversation = event.message.conversation
    thread_id = conversation.thread_id or event.message.id
    return Reply(
        conversation=conversation.in_thread(thread_id),
        text="Here is what I can do:\n" + "\n".join(f"• {line}" for line in capabilities(conversation.platform)),
    )


async def handle(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, Mentioned)
    return [help_reply(event)]
