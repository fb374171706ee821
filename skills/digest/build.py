"""A channel's week as a `Digest`: top threads with one-line summaries, decisions, open questions, action items, stats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.model import User
from skills.later.channel import channel_clock
from skills.later.hours import is_working_time
from skills.later.zones import UnknownZone, zone_for
from skills.summarize.extractive import split_sentences, summarize
from skills.summarize.slack_file import parse_slack_thread
from skills.summarize.utterance import clean_text
from skills.threads.links import SYSTEM_SUBTYPES, channel_message, reply_links
from skills.threads.nudges import (
    broadcast_after_hours_nudges,
    reply_outside_thread_nudges,
)
from skills.threads.text import is_question

TOP_THREADS = 5
QUESTION_AGE = timedelta(hours=24)  # younger questions may still get their answer
SUMMARY_CHARS = 160  # one line in Slack and Teams
SUMMARY_SENTENCES = 2
_NOT_SPEECH = SYSTEM_SUBTYPES | {"message_deleted", "tombstone", "pinned_item", "unpinned_item", "reminder_add"}
LATER_NOTE = "messages scheduled with /later are not counted yet"


@dataclass(frozen=True)
class DigestThread:
    ts: str
    author: str
    summary: str
    participants: tuple[str, ...]
    replies: int
    reactions: int
    link: str | None = None  # the export's permalink when it has one; `ts` always identifies the thread

    @property
    def importance(self) -> int:
        return 2 * len(self.participants) + self.replies + self.reactions

    def to_json(self) -> dict:
        return {"ts": self.ts, "link": self.link, "author": self.author, "summary": self.summary,
                "participants": list(self.participants), "replies": self.replies, "reactions": self.reactions}


@dataclass(frozen=True)
class DigestItem:
    """A decision, open question or action item, with the ts of the message it came from."""

    text: str
    ts: str
    author: str | None = None  # who said it (open questions: who asked)
    owner: str | None = None   # action items only
    due: str | None = None     # action items only

    def to_json(self) -> dict:
        out = {"text": self.text, "ts": self.ts}
        out.update({k: v for k, v in (("author", self.author), ("owner", self.owner), ("due", self.due)) if v})
        return out


@dataclass(frozen=True)
class Digest:
    channel: str
    week: str
    threads: tuple[DigestThread, ...]
    decisions: tuple[DigestItem, ...]
    open_questions: tuple[DigestItem, ...]
    action_items: tuple[DigestItem, ...]
    stats: dict
    zone: str = "UTC"  # the channel's clock, for `hourly` and the chart
    hourly: tuple[int, ...] = (0,) * 24  # messages per hour of day in `zone`
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        """The `etiquette digest --json` shape (a contract, see docs/meetings-and-digest.md)."""
        return {
            "channel": self.channel,
            "week": self.week,
            "threads": [t.to_json() for t in self.threads],
            "decisions": [d.to_json() for d in self.decisions],
            "open_questions": [q.to_json() for q in self.open_questions],
            "action_items": [a.to_json() for a in self.action_items],
            "stats": {**self.stats, "zone": self.zone, "messages_by_hour": list(self.hourly)},
            "notes": list(self.notes),
        }

    def as_markdown(self) -> str:
        lines = [f"# #{self.channel} — week {self.week}", ""]
        s = self.stats
        lines.append(f"{s['messages']} messages from {s['people']} people, {s['thread_replies']} of them in threads.")
        blocks = (
            ("Top threads", [
                f"**{t.author}**: {t.summary} ({_count(t.replies, 'reply', 'replies')}, "
                f"{_count(len(t.participants), 'person', 'people')}, {_count(t.reactions, 'reaction')}; "
                f"ts {t.ts}{', ' + t.link if t.link else ''})" for t in self.threads]),
            ("Decisions", [d.text for d in self.decisions]),
            ("Open questions (unanswered for more than 24 h)", [f"{q.author}: {q.text}" for q in self.open_questions]),
            ("Action items", [f"{a.owner}: {a.text}" if a.owner else a.text for a in self.action_items]),
            ("Etiquette", _stat_lines(s)),
        )
        for title, items in blocks:
            if items:
                lines += ["", f"## {title}", *(f"- {item}" for item in items)]
        if self.notes:
            lines += ["", *(f"_{note}_" for note in self.notes)]
        return "\n".join(lines)


def build_digest(
    messages: Iterable[dict], users: Mapping[str, User], channel: str, week: str,
    members: Sequence[User] = (), as_of: datetime | None = None, top: int = TOP_THREADS,
) -> Digest:
    """Build the digest of one channel's week from Slack-shaped messages (any order, read once).

    `users` names authors and gives their zones (after-hours counts); `members` are the channel's
    members (broadcast after hours, the chart's zone); `as_of` (default: now) decides which
    questions are old enough to list.
    """
    as_of = as_of or datetime.now(timezone.utc)
    speech = sorted((m for m in messages if _is_speech(m)), key=lambda m: float(m["ts"]))
    names = {uid: user.display for uid, user in users.items()}
    threads: dict[str, list[dict]] = {}
    for m in speech:
        threads.setdefault(str(m.get("thread_ts") or m["ts"]), []).append(m)

    channel_messages = [channel_message(m) for m in speech]
    links = reply_links(channel_messages) if channel_messages else []
    author_of = {m.ts: m.user for m in channel_messages}
    answered = {link.parent_ts for link, m in zip(links, channel_messages)  # answers posted outside the thread
                if link.parent_ts and not m.in_thread and m.user != author_of.get(link.parent_ts)}
    summaries: list[DigestThread] = []
    decisions: list[DigestItem] = []
    questions: list[DigestItem] = []
    actions: list[DigestItem] = []
    for key, group in threads.items():
        thread, found = _read_thread(key, group, names, users, as_of, key in answered)
        summaries.append(thread)
        decisions += found[0]
        questions += found[1]
        actions += found[2]

    busy = [t for t in summaries if t.replies or t.reactions]
    busy.sort(key=lambda t: (-t.importance, float(t.ts)))
    zone = channel_clock(list(members) or list(users.values())).zone
    stats, notes = _stats(speech, users, members, channel_messages, links)
    return Digest(
        channel=channel.lstrip("#"), week=week, threads=tuple(busy[:top]),
        decisions=tuple(_unique(decisions)), open_questions=tuple(_unique(questions)),
        action_items=tuple(_unique(actions)), stats=stats, zone=zone,
        hourly=_hourly([m for m in speech if _is_human(m, users)], zone), notes=tuple(notes),
    )


def _is_speech(m: dict) -> bool:
    return (isinstance(m, dict) and m.get("ts") is not None and isinstance(m.get("text", ""), str)
            and m.get("subtype") not in _NOT_SPEECH and not m.get("hidden"))


def _is_human(m: dict, users: Mapping[str, User]) -> bool:
    user = users.get(str(m.get("user")))
    return bool(m.get("user")) and not m.get("bot_id") and m.get("subtype") != "bot_message" and not (
        user and user.is_bot)


def _read_thread(key, group, names, users, as_of, answered_outside) -> tuple[DigestThread, tuple[list, list, list]]:
    root = next((m for m in group if str(m["ts"]) == key), group[0])
    people = list(dict.fromkeys(names.get(m["user"], m["user"]) for m in group if _is_human(m, users)))
    replies = max(len(group) - 1, int(root.get("reply_count") or 0))
    reactions = sum(int(r.get("count") or len(r.get("users") or [])) for m in group
                    for r in m.get("reactions") or [] if isinstance(r, dict))
    author = names.get(root.get("user"), root.get("user") or "someone")
    utterances = parse_slack_thread({"messages": group, "users": names})
    summary = summarize(utterances, max_sentences=SUMMARY_SENTENCES)
    by_ts = {str(m["ts"]): m for m in group}

    def said_by(ts: str) -> str:
        m = by_ts.get(ts) or root
        return names.get(m.get("user"), m.get("user") or "someone")

    if summary.too_short:
        line = _first_sentence(root.get("text") or "", names)
        lone = [] if answered_outside else _lone_question(root, group, names, as_of)
        decisions, questions, actions = [], lone, []
    else:
        line = summary.tldr
        decisions = [DigestItem(d.text, d.source_id, said_by(d.source_id)) for d in summary.decisions]
        questions = [
            DigestItem(_without_speaker(q.text, said_by(q.source_id)), q.source_id, said_by(q.source_id))
            for q in summary.open_questions if as_of - _when(q.source_id) >= QUESTION_AGE]
        actions = [DigestItem(a.text, a.source_id, said_by(a.source_id), a.owner, a.due) for a in summary.action_items]
    thread = DigestThread(key, author, _one_line(line), tuple(people), replies, reactions, root.get("permalink"))
    return thread, (decisions, questions, actions)


def _lone_question(root: dict, group: list[dict], names: Mapping[str, str], as_of: datetime) -> list[DigestItem]:
    """A short thread whose root asks something and nobody else replied."""
    text = clean_text(root.get("text") or "", names)
    if not is_question(text) or any(m.get("user") != root.get("user") for m in group):
        return []
    if as_of - _when(str(root["ts"])) < QUESTION_AGE:
        return []
    return [DigestItem(_one_line(text), str(root["ts"]), names.get(root.get("user"), root.get("user")))]


def _first_sentence(text: str, names: Mapping[str, str]) -> str:
    sentences = split_sentences(clean_text(text, dict(names)))
    return sentences[0] if sentences else "(no text)"


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SUMMARY_CHARS else line[:SUMMARY_CHARS - 1].rstrip() + "…"


def _without_speaker(text: str, speaker: str) -> str:
    prefix = f"{speaker}: "
    return text[len(prefix):] if text.startswith(prefix) else text


def _when(ts: str) -> datetime:
    return datetime.fromtimestamp(float(ts), tz=timezone.utc)


def _unique(items: list[DigestItem]) -> list[DigestItem]:
    seen: set[str] = set()
    out = []
    for item in sorted(items, key=lambda i: float(i.ts)):
        if item.text.lower() not in seen:
            seen.add(item.text.lower())
            out.append(item)
    return out


def _zone_of(user: User | None) -> ZoneInfo | None:
    if user is None or not user.tz:
        return None
    try:
        return zone_for(user.tz)
    except UnknownZone:
        return None


def _stats(
    speech: list[dict], users: Mapping[str, User], members: Sequence[User], channel_messages: list, links: list,
) -> tuple[dict, list[str]]:
    human = [m for m in speech if _is_human(m, users)]
    in_threads = sum(1 for m in human if m.get("thread_ts") and str(m["thread_ts"]) != str(m["ts"]))
    after_hours = unknown = 0
    for m in human:
        user = users.get(m["user"])
        zone = _zone_of(user)
        if zone is None:
            unknown += 1
        elif not is_working_time(_when(str(m["ts"])), zone, user.working_hours):
            after_hours += 1
    outside = reply_outside_thread_nudges(channel_messages, links) if channel_messages else []
    broadcasts = broadcast_after_hours_nudges(channel_messages, list(members) or list(users.values()))
    stats = {
        "messages": len(human),
        "top_level": len(human) - in_threads,
        "thread_replies": in_threads,
        "people": len({m["user"] for m in human}),
        "replies_outside_threads": len(outside),
        "after_hours_messages": after_hours,
        "after_hours_broadcasts": len(broadcasts),
        "top_posters": [{"user": users[u].display if u in users else u, "messages": n}
                        for u, n in Counter(m["user"] for m in human).most_common(3)],
    }
    notes = [LATER_NOTE]
    if unknown:
        notes.append(f"{unknown} message{'s' if unknown != 1 else ''} from people without a known time zone "
                     "are not counted as after hours or not")
    return stats, notes


def _hourly(speech: list[dict], zone: str) -> tuple[int, ...]:
    tz = ZoneInfo(zone)
    counts = [0] * 24
    for m in speech:
        counts[_when(str(m["ts"])).astimezone(tz).hour] += 1
    return tuple(counts)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _stat_lines(s: dict) -> list[str]:
    return [
        f"{s['replies_outside_threads']} repl{'ies' if s['replies_outside_threads'] != 1 else 'y'} "
        "posted in the channel that belonged in a thread",
        f"{s['after_hours_messages']} message{'s' if s['after_hours_messages'] != 1 else ''} sent outside "
        "the author's working hours",
        f"{s['after_hours_broadcasts']} @channel/@here broadcast{'s' if s['after_hours_broadcasts'] != 1 else ''} "
        "while most members were off",
    ]
