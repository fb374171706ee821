"""What the bot can do, said three ways: the help card, the welcome on install, and a one-line hint.

All three are read from the command table (bot/commands.py), in the words of the platform asked on.
"""

from __future__ import annotations

import hashlib

from bot.actions import Action, Post, Reply, Section
from bot.commands import SLACK_BOT_NAME, is_command, usage_lines
from bot.context import Context
from bot.model import Event, Installed, Mentioned, PlatformName

HEADLINE = "Here is what I can do"
UNASKED = (
    "Thread nudges: I privately and rarely point out replies posted outside their thread, long messages "
    "and after-hours broadcasts; each note has a \"Don't remind me\" button.",
    "Meeting or message: when a thread turns into a long debate, I suggest a short call at times that fit "
    "everyone's working hours.",
    "Mention me in a thread with anything else and I summarize it once it has a few messages.",
)


def how_to_ask(platform: PlatformName) -> str:
    """Where commands are typed: Slack's slash commands and mentions; Teams' chat or a channel mention."""
    if platform == "slack":
        return f"Type these in any channel I'm in (`@{SLACK_BOT_NAME} …` in a thread for the thread)."
    return "Type these here in our chat, or @mention me with them in a channel."


def help_reply(event: Mentioned) -> Reply:
    """The help card: every command in this platform's syntax, then what happens without asking."""
    conversation = event.message.conversation
    platform = conversation.platform
    return Reply(
        conversation=conversation.in_thread(conversation.thread_id or event.message.id),
        text=f"{HEADLINE}. {how_to_ask(platform)}",
        sections=(Section("Commands", usage_lines(platform)), Section("Without a command", UNASKED)),
    )


def welcome_lines(platform: PlatformName, in_channel: bool) -> tuple[str, str, str]:
    """Three lines on install: what the bot does, one thing to try, where the rest is."""
    if platform == "slack":
        start = "Try `/later @maria tomorrow 9am Can you review the deck?` or mention me in a thread with `summarize`."
        more = f"`@{SLACK_BOT_NAME} help` lists every command."
    elif in_channel:
        start = "Try @mentioning me in a reply chain with `summarize`, or `digest on` for a weekly digest here."
        more = "@mention me with `help` for every command."
    else:
        start = "Try `later tomorrow 9am Check the release notes` here, or @mention me in a channel with `summarize`."
        more = "Say `help` for every command."
    return ("Hi, I'm Async Etiquette: I help this team keep kind async habits — replies in threads, messages "
            "in people's working hours, thread summaries and a weekly digest.", start, more)


def hint(platform: PlatformName) -> str:
    """One short line for a mention that is no command, in a thread too short to summarize."""
    say = f"@{SLACK_BOT_NAME} help" if platform == "slack" else "help"
    return (f"I summarize threads once they have a few messages (`summarize`) and send messages at a good time "
            f"(`{'/later' if platform == 'slack' else 'later'}`); `{say}` lists the rest.")


def wants(event: Event) -> bool:
    return isinstance(event, Mentioned) and is_command(event.text, "help")


async def handle(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, Mentioned)
    return [help_reply(event)]


async def welcome(event: Event, context: Context) -> list[Action]:
    """The three-line welcome, once per chat, team or person: a reinstall or a second home visit stays quiet."""
    assert isinstance(event, Installed)
    where = event.conversation
    scope = f"channel:{where.channel_id}"
    if await context.store.get_setting(where.platform, where.workspace_id, scope, "welcomed"):
        return []
    # Two first visits at once (Slack's home and its install DM): the event claim lets only one through.
    claim = hashlib.sha256(f"{where.platform}|{where.workspace_id}|{where.channel_id}".encode()).hexdigest()
    if not await context.store.first_time_seen("welcome", claim):
        return []
    await context.store.set_setting(where.platform, where.workspace_id, scope, "welcomed", True)
    return [Post(conversation=where, text="\n".join(welcome_lines(where.platform, not where.is_direct)))]
