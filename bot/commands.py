"""Bot command words: Slack has them as slash commands, Teams users type them to the bot."""

COMMANDS = ("later", "digest", "settings")


def split_command(text: str) -> tuple[str, str] | None:
    """`"later tomorrow 9am hi"` → `("later", "tomorrow 9am hi")`; None when text is no command."""
    word, _, rest = text.strip().partition(" ")
    word = word.lower().lstrip("/")
    return (word, rest.strip()) if word in COMMANDS else None
