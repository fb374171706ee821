"""The command table: every command's words, forms and meaning, once.

The Slack and Teams parsers, the help card, the welcome and both manifests (Slack slash commands,
Teams `commandLists`) are all read from `COMMANDS`, so what help says is what the parsers accept.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.model import PlatformName

SLACK_BOT_NAME = "etiquette"  # features.bot_user.display_name in manifests/slack/manifest.yml


@dataclass(frozen=True)
class Form:
    """One way to use a command: a fixed sub-word (`list`), placeholders for the rest, and what it does."""

    what: str
    verb: str = ""  # "list", "cancel", "on"…: part of the command as typed
    args: str = ""  # placeholders shown in help, e.g. "@person tomorrow 9am message"


@dataclass(frozen=True)
class Command:
    word: str
    summary: str  # one line: the Slack slash command's description
    forms: tuple[Form, ...]
    slash: bool = False  # Slack: a slash command (`/later`); else typed after @etiquette
    about_thread: bool = False  # answered in the thread it was typed in (a mention event, not a command)
    aliases: tuple[str, ...] = ()  # other first words meaning the same
    whole_text_aliases: tuple[str, ...] = ()  # a whole message meaning this command ("hi" → help)


COMMANDS: tuple[Command, ...] = (
    Command("help", "What I can do", (Form("this list of commands"),), about_thread=True,
            whole_text_aliases=("?", "hi", "hello")),
    Command("later", "Send a message in the recipient's working hours", (
        Form("sends it in their working hours; the confirmation shows both time zones", args="@person tomorrow 9am message"),
        Form("a reminder to yourself, or in a channel a post there at a good time", args="tomorrow 9am message"),
        Form("what you have waiting to be sent", verb="list"),
        Form("cancels one of them", verb="cancel", args="ID"),
    ), slash=True),
    Command("summarize", "Summarize this thread", (
        Form("a TL;DR of this thread: decisions, action items, open questions"),
        Form("the same, sent only to you", verb="private"),
    ), about_thread=True, aliases=("summarise", "summary", "tldr", "tl;dr")),
    Command("digest", "This channel's weekly digest", (
        Form("a weekly digest of this channel (default Monday 09:00 its time)", verb="on", args="[monday 09:00]"),
        Form("stops it", verb="off"),
        Form("this week's digest, now", verb="now"),
    ), slash=True),
    Command("settings", "Nudges, quiet mode and the channel's time zone", (
        Form("this channel's settings and yours, and how to change them"),
    )),
)
BY_WORD = {name: command for command in COMMANDS for name in (command.word, *command.aliases)}
SLASH_COMMANDS = tuple(c.word for c in COMMANDS if c.slash)  # declared in manifests/slack/manifest.yml


@dataclass(frozen=True)
class Parsed:
    command: Command
    rest: str  # the text after the command word


def parse(text: str) -> Parsed | None:
    """`"later tomorrow 9am hi"` → later, `"tomorrow 9am hi"`; None when the text is no command."""
    stripped = text.strip()
    for command in COMMANDS:
        if stripped.lower() in command.whole_text_aliases:
            return Parsed(command, "")
    word, _, rest = stripped.partition(" ")
    command = BY_WORD.get(word.lower().lstrip("/"))
    return Parsed(command, rest.strip()) if command else None


def split_command(text: str) -> tuple[str, str] | None:
    """A command answered on its own (`later`, `digest`, `settings`): (word, rest); None otherwise.

    Help and summarize are about the thread they are typed in, so they stay mentions.
    """
    parsed = parse(text)
    if parsed is None or parsed.command.about_thread:
        return None
    return parsed.command.word, parsed.rest


def is_command(text: str, word: str) -> bool:
    parsed = parse(text)
    return parsed is not None and parsed.command.word == word


def typed(command: Command, form: Form, platform: PlatformName) -> str:
    """How a person types this form on `platform`: `/later list`, `@etiquette settings`, `later list`."""
    words = " ".join(part for part in (command.word, form.verb, form.args) if part)
    if platform == "slack":
        return f"/{words}" if command.slash else f"@{SLACK_BOT_NAME} {words}"
    return words


def usage_lines(platform: PlatformName, only: str | None = None) -> tuple[str, ...]:
    """Each form of each command (or of the command `only`), in the platform's syntax, with what it does."""
    return tuple(f"`{typed(c, f, platform)}`: {f.what}" for c in COMMANDS if only in (None, c.word) for f in c.forms)


def teams_command_list() -> list[dict[str, str]]:
    """The Teams manifest's commands (at most 10): each command and sub-word, as typed to the bot."""
    titles: dict[str, str] = {}
    for command in COMMANDS:
        for form in command.forms:  # forms differing only in their placeholders share a title
            title = " ".join(filter(None, (command.word, form.verb)))
            titles.setdefault(title, (form.what[:1].upper() + form.what[1:])[:128])
    return [{"title": title, "description": what} for title, what in titles.items()]


def slack_slash_commands() -> list[dict[str, str]]:
    """The Slack manifest's slash commands: name, description and usage hint."""
    return [{"command": f"/{c.word}", "description": c.summary,
             "usage_hint": " | ".join(" ".join(filter(None, (f.verb, f.args))) for f in c.forms)}
            for c in COMMANDS if c.slash]
