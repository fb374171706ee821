"""Bot command words: Slack has them as slash commands, Teams users type them to the bot."""

COMMANDS = ("later", "digest", "settings")
SLASH_COMMANDS = ("later", "digest")  # declared in manifests/slack/manifest.yml


def split_command(text: str) -> tuple[str, str] | None:
    """`"later tomorrow 9am hi"` → `("later", "tomorrow 9am hi")`; None when text is no command."""
    word, _, rest = text.strip().partition(" ")
    word = word.lower().lstrip("/")
    return (word, rest.strip()) if word in COMMANDS else None
