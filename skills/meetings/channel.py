"""Meeting suggestions over one channel's Slack-shaped messages (threads and top-level bursts)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.model import Conversation, Message, User
from skills.meetings.score import score_discussion

BURST_GAP = timedelta(minutes=10)  # top-level messages closer than this belong to one burst
BURST_WINDOW = timedelta(hours=3)  # how far back the live bot looks for the start of a burst
_SKIPPED_SUBTYPES = frozenset({
    "channel_join", "channel_leave", "group_join", "group_leave", "channel_topic", "channel_purpose",
    "channel_name", "channel_archive", "channel_unarchive", "bot_message", "message_deleted", "tombstone",
})
_WHERE = Conversation("slack", "", "")


def meeting_suggestions(messages: list[dict]) -> list[dict]:
    """`[{"thread_ts" | "start_ts", "end_ts", "score", "reasons", "participants"}]` for discussions worth a call.

    `messages` are one channel's messages (`ts`, `user`, `text`, optional `thread_ts`, `subtype`,
    `bot_id`), in any order. Each thread is scored once (so at most one suggestion per thread);
    top-level messages that are not thread roots are grouped into bursts. Each discussion is scored
    as of its own last message, so the result does not depend on when it is computed.
    """
    people = [m for m in messages if _is_person(m)]
    threads: dict[str, list[dict]] = {}
    top_level: list[dict] = []
    for m in people:
        thread_ts = str(m["thread_ts"]) if m.get("thread_ts") else None
        if thread_ts and thread_ts != str(m["ts"]):
            threads.setdefault(thread_ts, []).append(m)
    for m in people:
        ts = str(m["ts"])
        if ts in threads:
            threads[ts].append(m)  # the root
        elif not m.get("thread_ts") or str(m["thread_ts"]) == ts:
            top_level.append(m)

    out = []
    for thread_ts, group in threads.items():
        found = _suggestion(group)
        if found:
            out.append({"thread_ts": thread_ts, **found})
    for burst in _bursts(top_level):
        found = _suggestion(burst)
        if found:
            out.append({"start_ts": min((str(m["ts"]) for m in burst), key=float), **found})
    return sorted(out, key=lambda s: float(s.get("thread_ts") or s["start_ts"]))


def _is_person(raw: dict) -> bool:
    return (raw.get("ts") is not None and isinstance(raw.get("text", ""), str) and bool(raw.get("user"))
            and not raw.get("bot_id") and raw.get("subtype") not in _SKIPPED_SUBTYPES)


def _bursts(top_level: list[dict]) -> list[list[dict]]:
    ordered = sorted(top_level, key=lambda m: float(m["ts"]))
    bursts: list[list[dict]] = []
    for m in ordered:
        if bursts and float(m["ts"]) - float(bursts[-1][-1]["ts"]) <= BURST_GAP.total_seconds():
            bursts[-1].append(m)
        else:
            bursts.append([m])
    return bursts


def trailing_burst(messages: list[Message]) -> list[Message]:
    """The burst the last message belongs to: going back while each gap is at most BURST_GAP."""
    ordered = sorted((m for m in messages if not m.author.is_bot), key=lambda m: m.sent_at)
    start = len(ordered) - 1
    while start > 0 and ordered[start].sent_at - ordered[start - 1].sent_at <= BURST_GAP:
        start -= 1
    return ordered[max(start, 0):]


def _suggestion(group: list[dict]) -> dict | None:
    messages = sorted((_message(m) for m in group), key=lambda m: m.sent_at)
    result = score_discussion(messages, now=messages[-1].sent_at)
    if not result.suggest:
        return None
    return {
        "end_ts": messages[-1].id,
        "score": result.score,
        "reasons": list(result.reasons),
        "participants": [p.id for p in result.participants],
    }


def _message(raw: dict) -> Message:
    ts = str(raw["ts"])
    return Message(
        id=ts, author=User(id=str(raw["user"])), text=raw.get("text") or "",
        sent_at=datetime.fromtimestamp(float(ts), tz=timezone.utc), conversation=_WHERE,
    )
