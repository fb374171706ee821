"""`etiquette analyze`: reply links and nudges for one channel's messages (a JSON file)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from skills.meetings.channel import meeting_suggestions
from skills.threads.links import (
    ChannelMessage,
    channel_message,
    default_model,
    reply_links,
)
from skills.threads.nudges import (
    FOLLOW_UP_SECONDS,
    LONG_MESSAGE_CHARS,
    hello_only_nudges,
    long_message_nudges,
    reply_outside_thread_nudges,
)


def load_channel(path: Path) -> list[ChannelMessage]:
    """Messages from a JSON list or {"messages": [...]}, each with `ts`, `user`, `text` (ValueError if not)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ValueError(f"cannot read {path}: {error.strerror or error}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"{path} is not valid JSON: {error}") from None
    if isinstance(data, dict):
        data = data.get("messages")
    if not isinstance(data, list):
        raise ValueError(f"{path} should hold a JSON list of messages or an object with \"messages\"")
    messages = []
    for k, raw in enumerate(data):
        if not isinstance(raw, dict):
            raise ValueError(f"message {k} in {path} is not an object")
        try:
            float(raw.get("ts"))
        except (TypeError, ValueError):
            raise ValueError(f"message {k} in {path} has no numeric \"ts\"") from None
        if not isinstance(raw.get("text", ""), str):
            raise ValueError(f"message {k} in {path} has a non-text \"text\"")
        messages.append(channel_message(raw))
    return messages


def analyze_channel(
    messages: list[ChannelMessage], *, threshold: float | None = None,
    long_message_chars: int = LONG_MESSAGE_CHARS, follow_up_seconds: float = FOLLOW_UP_SECONDS,
) -> dict:
    """The `analyze --json` report. Nudges are every deserved nudge; cooldowns apply when sending."""
    links = reply_links(messages)
    nudges = (reply_outside_thread_nudges(messages, links, threshold)
              + hello_only_nudges(messages, follow_up_seconds)
              + long_message_nudges(messages, long_message_chars))
    nudges.sort(key=lambda n: (float(n.ts), n.kind))
    return {
        "links": [link.as_json() for link in links],
        "nudges": [nudge.as_json() for nudge in nudges],
        "meeting_suggestions": meeting_suggestions([
            {"ts": m.ts, "user": m.user, "text": m.text, "thread_ts": m.thread_ts, "subtype": m.subtype}
            for m in messages
        ]),
    }


def analyze_file(path: Path, as_json: bool) -> int:
    """Print the report for FILE; exit status 2 with a message on stderr when FILE is unusable."""
    try:
        messages = load_channel(path)
    except ValueError as error:
        print(f"etiquette analyze: {error}", file=sys.stderr)
        return 2
    report = analyze_channel(messages)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    threshold = default_model().nudge_threshold
    replies = [link for link in report["links"] if link["parent_ts"]]
    print(f"{len(messages)} messages, {len(replies)} answer an earlier message "
          f"(reply nudges need score >= {threshold:.2f})")
    for link in replies:
        print(f"  {link['ts']} -> {link['parent_ts']}  score {link['score']:.2f}")
    print(f"{len(report['nudges'])} nudges")
    for nudge in report["nudges"]:
        print(f"  {nudge['ts']}  {nudge['kind']}: {nudge['text']}")
    return 0
