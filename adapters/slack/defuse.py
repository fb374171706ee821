"""What the bot posts on Slack cannot ping a whole channel or a group, nor dress one link up as another.

Skills quote people (summaries, digests, scheduled messages, an LLM's answer), and Slack reads
`<!channel>`, `<!here>`, `<!everyone>` and `<!subteam^ID>` in a bot's text as real notifications, and
`<https://evil.example|https://bank.example>` as a link showing one address and opening another. Every
text the Slack port posts passes through here: broadcasts become plain words, and a link whose label
names another web address shows both.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from urllib.parse import urlsplit

from bot.actions import Action, Section

_BROADCAST = re.compile(r"<!(channel|here|everyone)(?:\|[^>]*)?>|<!subteam\^[A-Za-z0-9]+(?:\|@?([^>]*))?>")
_LINK = re.compile(r"<((?:https?|mailto|ftp)://?[^|>\s]+)\|([^>]*)>")
_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?((?:[a-z0-9-]+\.)+[a-z]{2,})", re.IGNORECASE)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _link(match: re.Match[str]) -> str:
    url, label = match.group(1), match.group(2)
    named = {host.lower().removeprefix("www.") for host in _ADDRESS.findall(label)}
    if named and named != {_host(url)}:
        return f"{label} (<{url}>)"  # the label names somewhere else: show where it really goes
    return match.group(0)


def defused(text: str) -> str:
    text = _BROADCAST.sub(lambda m: "@" + (m.group(1) or m.group(2) or "group"), text)
    return _LINK.sub(_link, text)


def defused_action(action: Action) -> Action:
    """The same action with its text and sections defused (other fields are not shown as text)."""
    names = {field.name for field in fields(action)}
    changes: dict = {}
    if "text" in names and isinstance(action.text, str):
        changes["text"] = defused(action.text)
    if "sections" in names and action.sections:
        changes["sections"] = tuple(Section(defused(s.title), tuple(defused(line) for line in s.lines))
                                    for s in action.sections)
    return replace(action, **changes) if changes else action
