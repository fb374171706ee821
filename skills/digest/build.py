"""A channel's week as a `Digest`: top threads with one-line summaries, decisions, open questions, action items, stats."""

from __future__ import annotations

import gc
import heapq
import re
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from itertools import starmap
from operator import attrgetter, itemgetter
from zoneinfo import ZoneInfo

from bot.message_reader import MessageReader, Skipped
from bot.model import User
from skills.collector import paused_collector
from skills.frozen import quick_init
from skills.later.channel import channel_clock
from skills.later.hours import next_working_window
from skills.later.zones import UnknownZone, zone_for
from skills.summarize.extractive import MIN_MESSAGES, split_sentences, summarize
from skills.summarize.messages import read_utterances
from skills.summarize.utterance import clean_text, prose
from skills.threads.links import ChannelMessage, channel_message, default_model, link_choices
from skills.threads.nudges import AFTER_HOURS_SHARE, ANSWER_WINDOW_SECONDS
from skills.threads.text import is_question
from skills.wording import plural

TOP_THREADS = 5
QUESTION_AGE = timedelta(hours=24)  # younger questions may still get their answer
SUMMARY_CHARS = 160  # one line in Slack and Teams
SUMMARY_SENTENCES = 2
LATER_NOTE = "messages scheduled with /later are not counted yet"
POOL_BATCH = 500      # threads per task sent to a worker
POOL_IN_FLIGHT = 64   # tasks waiting at once: a day file's threads stay queued while the next day is read; bounds what is held for them
_MENTION = re.compile(r"<@([A-Z0-9]+)")
_TS = itemgetter("ts")


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


@quick_init
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
        lines.append(f"{plural(s['messages'], 'message')} from {plural(s['people'], 'person', 'people')}, "
                     f"{s['thread_replies']} of them in threads." if s["messages"] else "No messages from people.")
        blocks = (
            ("Top threads", [
                f"**{t.author}**: {t.summary} ({plural(t.replies, 'reply', 'replies')}, "
                f"{plural(len(t.participants), 'person', 'people')}, {plural(t.reactions, 'reaction')}; "
                f"ts {t.ts}{', ' + t.link if t.link else ''})" for t in self.threads]),
            ("Decisions", [d.text for d in self.decisions]),
            ("Open questions (unanswered for more than 24 h)", [f"{q.author}: {q.text}" for q in self.open_questions]),
            ("Action items", [f"{a.owner}: {a.text}" if a.owner else a.text for a in self.action_items]),
            ("Etiquette", stat_lines(s)),
        )
        for title, items in blocks:
            if items:
                lines += ["", f"## {title}", *(f"- {item}" for item in items)]
        if self.notes:
            lines += ["", *(f"_{note}_" for note in self.notes)]
        return "\n".join(lines)


def build_digest(
    messages: Iterable[dict], users: Mapping[str, User], channel: str, week: str,
    members: Sequence[User] = (), as_of: datetime | None = None, top: int = TOP_THREADS, *, reader: MessageReader,
) -> Digest:
    """Build the digest of one channel's week from a platform's messages (any order, read once by `reader`).

    `users` names authors and gives their zones (after-hours counts); `members` are the channel's
    members (broadcast after hours, the chart's zone); `as_of` (default: now) decides which
    questions are old enough to list. A large export goes through `DigestBuilder` a day at a time.
    """
    builder = DigestBuilder(users, channel, week, members=members, as_of=as_of, top=top, reader=reader)
    builder.add_day(messages)
    return builder.finish()


class DigestBuilder:
    """One channel's week, fed a day file at a time in time order; keeps per-thread aggregates, not the week.

    A thread's messages are held only until Slack's own `reply_count` / `latest_reply` on its root say
    it is complete, then it is summarized and only its digest line and items are kept. Reply links
    (replies posted outside threads) are scored in the detector's own blocks as top-level messages come.
    """

    def __init__(self, users: Mapping[str, User], channel: str, week: str, members: Sequence[User] = (),
                 as_of: datetime | None = None, top: int = TOP_THREADS, pool: Executor | None = None, *,
                 reader: MessageReader) -> None:
        """`pool`: an executor made by `worker_pool(users, as_of, workers, reader)` to summarize threads and score
        links on other cores; results are taken in order, so the digest is the same with or without it.
        `reader`: how the platform's messages are read (Slack's: `adapters.slack.messages.SLACK_MESSAGES`)."""
        self.users, self.channel, self.week, self.top, self.reader = users, channel, week, top, reader
        self._pool = pool
        self._in_flight: deque[tuple[list[tuple[str, list[dict]]], Future]] = deque()
        self.members = list(members) or list(users.values())
        self.as_of = as_of or datetime.now(timezone.utc)
        self.names = {uid: user.display for uid, user in users.items()}
        self.zone = channel_clock(self.members).zone
        self._tz = ZoneInfo(self.zone)
        self._clock = _WorkClock()
        self._schedules: dict[str, _Windows | None] = {}  # by user id; None: no known zone
        self._open: dict[str, list[dict]] = {}   # thread key → its speech so far, until the thread is complete
        self._busy: list[tuple[int, float, DigestThread]] = []  # min-heap of the `top` best busy threads so far
        self._items = (_Unique(), _Unique(), _Unique())  # decisions, open questions, action items
        self._lone: list[tuple[str, DigestItem]] = []  # unanswered lone questions, unless answered outside
        self._answered: set[str] = set()
        self._links = _ReplyLinkStream(self._on_link, pool)
        self._threshold = default_model().nudge_threshold
        self._last_ts = 0.0
        self._broadcasts: list[ChannelMessage] = []
        self.counts = Counter()  # messages, thread_replies, after_hours, unknown, outside
        self.posters: Counter[str] = Counter()
        self._said_names: dict[str, str] = {}  # names messages carry for people users.json does not know
        self.hourly = [0] * 24
        self.problems: list[str] = []  # malformed messages skipped: "where: message N: why"
        self._hour_of_slot: dict[int, int] = {}  # the channel's hour of day, by quarter hour since the epoch

    def add_day(self, messages: Iterable, where: str = "messages") -> None:
        """Add a batch (a day file); batches come oldest first, messages inside a batch in any order.

        Each message is read by the builder's `reader`: what is not speech is left out, and a malformed
        message is skipped and noted in `problems`."""
        speech: dict[str, dict] = {}  # by ts: an edit (`message_changed`) replaces the message it edits
        read_message = self.reader.read_message
        for position, raw in enumerate(messages):
            m = read_message(raw)
            if not isinstance(m, Skipped):
                speech[m["ts"]] = m
            elif m.bad:
                self.problems.append(f"{where}: message {position}: {m.reason}")
        if not speech:
            return self._close_complete_threads()
        timed = sorted(zip(map(float, speech), speech.values()), key=itemgetter(0))  # stable: ties keep file order
        self._last_ts = max(self._last_ts, timed[-1][0])
        self._file_and_count(timed)
        self._close_complete_threads()

    def _add(self, m: dict) -> bool:
        """File the message with its thread (a top-level one goes to the reply links too); True for a thread reply."""
        ts, thread_ts = m["ts"], m.get("thread_ts")  # both strings: the reader made them so
        in_thread = bool(thread_ts) and thread_ts != ts
        key = thread_ts if in_thread else ts
        group = self._open.get(key)
        if group is None:
            self._open[key] = [m]
        else:
            group.append(m)
        if in_thread:
            return True
        message = channel_message(m, self.reader.notifies_channel(m))
        self._links.add(message)
        if message.notifies_channel:
            self._broadcasts.append(message)
        return False

    def _file_and_count(self, timed: list[tuple[float, dict]]) -> None:
        """File a day's messages (time order) with their threads, and count each person's: messages, thread
        replies, after hours (or no known zone), hour of day, posters. One loop with the counts in local
        variables: a large week has a million messages."""
        add, users, posters, schedules = self._add, self.users, self.posters, self._schedules
        hour_of_slot, hourly, tz = self._hour_of_slot, self.hourly, self._tz
        is_bot_post, name_in_message = self.reader.is_bot_post, self.reader.name_in_message
        messages = replies = unknown = after_hours = 0
        for seconds, m in timed:
            in_thread = add(m)
            uid = m["user"]
            user = users.get(uid)
            if is_bot_post(m) or (user and user.is_bot):
                continue  # an app's post: not a person's (as `_is_human`)
            messages += 1
            if uid not in posters and uid not in users and (said := name_in_message(m)):
                self._said_names[uid] = said
            posters[uid] += 1
            if in_thread:
                replies += 1
            if uid in schedules:
                schedule = schedules[uid]
            else:
                zone = _zone_of(user)
                schedule = schedules[uid] = None if zone is None else self._clock.windows(zone, user.working_hours)
            if schedule is None:
                unknown += 1
            elif not schedule.working(seconds):
                after_hours += 1
            slot = int(seconds // 900)  # every zone's offset is a whole number of quarter hours
            hour = hour_of_slot.get(slot)
            if hour is None:
                hour = hour_of_slot[slot] = datetime.fromtimestamp(seconds, tz=tz).hour
            hourly[hour] += 1
        counts = self.counts
        for key, n in (("messages", messages), ("thread_replies", replies), ("unknown", unknown),
                       ("after_hours", after_hours)):
            if n:
                counts[key] += n

    def _on_link(self, message: ChannelMessage, parent: ChannelMessage | None, score: float) -> None:
        if parent is None or parent.user == message.user:
            return  # carrying on your own message is not answering someone
        self._answered.add(parent.ts)
        if score >= self._threshold and message.seconds - parent.seconds <= ANSWER_WINDOW_SECONDS:
            self.counts["outside"] += 1  # counted as the nudge is sent: within the window the bot looks back

    def _close_complete_threads(self) -> None:
        done = [key for key, group in self._open.items() if _complete(key, group, self._last_ts)]
        self._close([(key, self._open.pop(key)) for key in done])

    def _close(self, threads: list[tuple[str, list[dict]]]) -> None:
        if self._pool is not None:
            # A post with no replies (most of a week in a busy channel) costs less to read here than to ship.
            short = [(key, group) for key, group in threads if len(group) < MIN_MESSAGES]
            if len(short) < len(threads):
                self._close_in_pool([(key, group) for key, group in threads if len(group) >= MIN_MESSAGES])
            threads = short
        for key, group in threads:
            thread, found, lone, needs_tldr = _read_thread(key, group, self.names, self.users, self.as_of, self.reader,
                                                           self._could_be_top)
            self._keep(key, group, thread, lone, needs_tldr)
            self._keep_items(found)

    def _close_in_pool(self, threads: list[tuple[str, list[dict]]]) -> None:
        # Workers send a thread's digest line back only above the current floor of the top threads;
        # the floor only rises, so none that enters them is missed.
        floor = self._busy[0][:2] if len(self._busy) >= self.top else None
        slim = self.reader.slim  # what is sent is pickled here and unpickled there: only what is read
        for start in range(0, len(threads), POOL_BATCH):
            batch = [(key, slim(group)) for key, group in threads[start:start + POOL_BATCH]]
            # The batch stays referenced (the executor holds it until its result is back anyway):
            # a thread that enters the top threads gets its TL;DR written from it here.
            self._in_flight.append((batch, self._pool.submit(_read_threads, batch, floor)))
        while len(self._in_flight) > POOL_IN_FLIGHT:
            self._collect()

    def _collect(self) -> None:
        batch, future = self._in_flight.popleft()
        lines, packed = future.result()
        found = tuple(list(starmap(DigestItem, rows)) for rows in packed)
        for (key, group), (thread, lone, needs_tldr) in zip(batch, lines):
            self._keep(key, group, thread, lone, needs_tldr)
        self._keep_items(found)

    def _keep(self, key: str, group: list[dict], thread: DigestThread | None, lone: list[DigestItem],
              needs_tldr: bool) -> None:
        """A read thread's digest line (if it enters the top threads so far) and its lone question."""
        if thread is not None:
            entry = (thread.importance, -float(thread.ts), thread)
            if len(self._busy) < self.top or entry[:2] > self._busy[0][:2]:
                if needs_tldr:  # a few dozen threads a week get this far, out of every thread summarized
                    entry = (*entry[:2], replace(thread, summary=_one_line(_tldr(group, self.names, self.reader))))
                if len(self._busy) < self.top:
                    heapq.heappush(self._busy, entry)
                else:
                    heapq.heapreplace(self._busy, entry)
        if lone:
            self._lone += [(key, item) for item in lone]

    def _keep_items(self, found: tuple[list[DigestItem], list[DigestItem], list[DigestItem]]) -> None:
        """Decisions, open questions and action items (of a thread, or a worker's batch of threads)."""
        for store, items in zip(self._items, found):
            if items:  # most threads of a week have none
                store.update(items)

    def _could_be_top(self, importance: int, ts: str) -> bool:
        """Whether a busy thread would enter the top threads so far (only those need a digest line)."""
        return len(self._busy) < self.top or (importance, -float(ts)) > self._busy[0][:2]

    def finish(self) -> Digest:
        self._close(list(self._open.items()))
        self._open.clear()
        while self._in_flight:
            self._collect()
        self._links.close()
        decisions, questions, actions = self._items
        questions.update(item for key, item in self._lone if key not in self._answered)
        stats = {
            "messages": self.counts["messages"],
            "top_level": self.counts["messages"] - self.counts["thread_replies"],
            "thread_replies": self.counts["thread_replies"],
            "people": len(self.posters),
            "replies_outside_threads": self.counts["outside"],
            "after_hours_messages": self.counts["after_hours"],
            "after_hours_broadcasts": self._after_hours_broadcasts(),
            "top_posters": [{"user": self.users[u].display if u in self.users else self._said_names.get(u, u), "messages": n}
                            for u, n in self.posters.most_common(3)],
        }
        notes = [LATER_NOTE]
        unknown = self.counts["unknown"]
        if unknown:
            notes.append(f"{plural(unknown, 'message')} from people without a known time zone "
                         "are not counted as after hours or not")
        return Digest(
            channel=self.channel.lstrip("#"), week=self.week, threads=tuple(_top([t for _, _, t in self._busy], self.top)),
            decisions=decisions.items(), open_questions=questions.items(), action_items=actions.items(),
            stats=stats, zone=self.zone, hourly=tuple(self.hourly), notes=tuple(notes),
        )

    def _after_hours_broadcasts(self) -> int:
        """As `broadcast_after_hours_nudges`, with each member's working windows looked up once."""
        people = [u for u in self.members if not u.is_bot]
        if not people:
            return 0
        ids = {u.id for u in people}
        schedules = [(u.id, self._clock.windows(_zone_or_utc(u), u.working_hours)) for u in people]
        count = 0
        for m in self._broadcasts:
            if m.is_system:
                continue
            off = sum(not schedule.working(m.seconds) for uid, schedule in schedules if uid != m.user)
            if off / max(len(people) - (m.user in ids), 1) > AFTER_HOURS_SHARE:
                count += 1
        return count


def _complete(key: str, group: list[dict], last_ts: float) -> bool:
    """Whether the export says no more replies are coming: all `reply_count` seen, or `latest_reply` passed."""
    root = group[0]
    if str(root["ts"]) != key:
        return False  # replies to a thread started before: kept until the week ends
    expected = int(root.get("reply_count") or 0)
    if len(group) - 1 >= expected:
        return True
    latest = root.get("latest_reply")
    try:
        return latest is not None and float(latest) <= last_ts
    except (TypeError, ValueError):
        return False


def _top(threads: list[DigestThread], top: int) -> list[DigestThread]:
    return sorted(threads, key=lambda t: (-t.importance, float(t.ts)))[:top]


class _Unique:
    """Items with distinct text (case-insensitive), the earliest kept (of equally early ones, the first given).

    A worker keeps one per batch of threads and sends back only `kept()`: the builder's own, updated with
    each batch's in turn, ends with the same items as if it had been given every item in the same order."""

    def __init__(self) -> None:
        self._by_text: dict[str, tuple[float, DigestItem]] = {}  # (seconds, item): ts read as a number once

    def update(self, items: Iterable[DigestItem]) -> None:
        by_text = self._by_text
        for item in items:
            key, seconds = item.text.lower(), float(item.ts)
            kept = by_text.get(key)
            if kept is None or seconds < kept[0]:
                by_text[key] = (seconds, item)

    def kept(self) -> list[DigestItem]:
        return [item for _, item in self._by_text.values()]

    def items(self) -> tuple[DigestItem, ...]:
        """In time order."""
        return tuple(item for _, item in sorted(self._by_text.values(), key=itemgetter(0)))


class _ReplyLinkStream:
    """`reply_links` over top-level messages as they come: the same blocks and context as `link_choices`."""

    BLOCK = 4096

    def __init__(self, on_link, pool: Executor | None = None) -> None:
        self.context = 2 * default_model().window
        self.on_link, self.pool = on_link, pool
        self.pending: list[ChannelMessage] = []
        self.linked = 0  # the first `linked` of `pending` are context, already reported
        self.in_flight: deque[tuple[list[ChannelMessage], int, Future]] = deque()

    def add(self, message: ChannelMessage) -> None:
        self.pending.append(message)
        if len(self.pending) - self.linked >= self.BLOCK:
            self.flush()

    def flush(self) -> None:
        chunk = self.pending
        if len(chunk) == self.linked:
            return
        if self.pool is None:
            self._report(chunk, self.linked, _link_block(chunk))
        else:
            self.in_flight.append((chunk, self.linked, self.pool.submit(_link_packed, list(map(_MESSAGE_FIELDS, chunk)))))
            while len(self.in_flight) > POOL_IN_FLIGHT:
                self._report(*self._take())
        self.pending = chunk[-self.context:]
        self.linked = len(self.pending)

    def close(self) -> None:
        self.flush()
        while self.in_flight:
            self._report(*self._take())

    def _take(self):
        chunk, linked, future = self.in_flight.popleft()
        return chunk, linked, future.result()

    def _report(self, chunk: list[ChannelMessage], linked: int, choices) -> None:
        choice, prob = choices
        for position in range(linked, len(chunk)):
            message = chunk[position]
            if message.is_system:
                continue
            d = int(choice[position])
            self.on_link(message, chunk[position - d] if d else None, float(prob[position]))


def _link_block(chunk: list[ChannelMessage]):
    """Link choices for one block (with its context in front), as `link_choices` scores it."""
    return link_choices(chunk, default_model(), block=len(chunk))


# A dataclass instance is pickled through `copyreg` (Python calls and a state dict each way, about 8 µs a message
# for the two processes); its fields as a tuple pickle in C. So messages go to a worker, and items come back, as
# tuples of their fields in `__init__`'s order, and are made again on the other side: the same objects, a quarter
# of the cost.
_MESSAGE_FIELDS = attrgetter(*(f.name for f in fields(ChannelMessage)))
_ITEM_FIELDS = attrgetter(*(f.name for f in fields(DigestItem)))


def _link_packed(rows: list[tuple]):
    """`_link_block` of messages sent as `_MESSAGE_FIELDS` tuples."""
    return _link_block(list(starmap(ChannelMessage, rows)))


_WORKER: tuple = ()  # (names, users, as_of, reader) in a pool worker


def worker_pool(users: Mapping[str, User], as_of: datetime, workers: int, *, reader: MessageReader) -> Executor:
    """Processes for `DigestBuilder(pool=...)`: each gets the export's users (and the reader) once, not with every batch."""
    from concurrent.futures import ProcessPoolExecutor  # only a large week needs it

    names = {uid: user.display for uid, user in users.items()}
    return ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(names, dict(users), as_of, reader))


def _init_worker(names: dict, users: dict, as_of: datetime, reader: MessageReader) -> None:
    global _WORKER
    _WORKER = (names, users, as_of, reader)
    gc.freeze()  # modules and the users stay for the worker's life: no collection needs to walk them again
    # A worker's whole life is batches of threads and link blocks, which make no reference cycle (every batch of
    # the 100,000-message synthetic week left nothing for `gc.collect()` to free), and the worker ends with the
    # digest. Held off between batches too, the collector no longer walks each batch's messages as they are
    # unpickled, nor the per-text caches that grow batch after batch (about 6 % of a worker's time).
    gc.disable()


def _read_threads(batch: list[tuple[str, list[dict]]], floor: tuple[int, float] | None) -> tuple[list, tuple]:
    """Each thread's (digest line, lone question, TL;DR still to write), and the batch's decisions, open
    questions and action items with the same text sent once (what `_Unique` would keep of them): a week
    repeats many items, and each one sent back is read and compared again in the builder's one process."""
    names, users, as_of, reader = _WORKER
    could_be_top = _anything if floor is None else lambda importance, ts: (importance, -float(ts)) > floor
    found = (_Unique(), _Unique(), _Unique())
    lines = []
    with paused_collector():  # the batch's threads hold no cycles: nothing for the collector to find
        for key, group in batch:
            thread, items, lone, needs_tldr = _read_thread(key, group, names, users, as_of, reader, could_be_top)
            lines.append((thread, lone, needs_tldr))
            for store, kind in zip(found, items):
                if kind:
                    store.update(kind)
    return lines, tuple(list(map(_ITEM_FIELDS, store.kept())) for store in found)  # as tuples: see `_link_packed`


def _anything(importance: int, ts: str) -> bool:
    return True


class _WorkClock:
    """Whether an instant is in someone's working hours: each (zone, hours)'s windows are found once."""

    def __init__(self) -> None:
        self._windows: dict[tuple, _Windows] = {}

    def windows(self, zone: ZoneInfo, hours) -> _Windows:
        """The windows of everyone on `hours` in `zone`; callers keep it per person, saving this look-up."""
        key = (str(zone), hours)
        if key not in self._windows:
            self._windows[key] = _Windows(zone, hours)
        return self._windows[key]


class _Windows:
    """One (zone, working hours)'s working windows over a span of days around the instants asked about."""

    SPAN = 16 * 86400.0

    def __init__(self, zone: ZoneInfo, hours) -> None:
        self.zone, self.hours = zone, hours
        self.lo = self.hi = 0.0
        self.starts: list[float] = []
        self.ends: list[float] = []

    def working(self, seconds: float) -> bool:
        if not self.lo <= seconds < self.hi:
            self._find(seconds - 2 * 86400.0)
        k = bisect_right(self.starts, seconds) - 1
        return k >= 0 and seconds < self.ends[k]

    def _find(self, lo: float) -> None:
        starts, ends = [], []
        moment = datetime.fromtimestamp(lo, tz=timezone.utc)
        while moment.timestamp() < lo + self.SPAN:
            window = next_working_window(moment, self.zone, self.hours)
            starts.append(window.start.timestamp())
            ends.append(window.end.timestamp())
            moment = window.end
        self.lo, self.hi, self.starts, self.ends = lo, lo + self.SPAN, starts, ends


def _zone_or_utc(user: User) -> ZoneInfo:
    return _zone_of(user) or ZoneInfo("UTC")


def _is_human(m: dict, users: Mapping[str, User], is_bot_post: Callable[[dict], bool]) -> bool:
    """A person's message (a message the reader returned): no app posted it, and users.json says no bot."""
    user = users.get(m["user"])
    return not is_bot_post(m) and not (user and user.is_bot)


def _author(m: dict, names: Mapping[str, str], reader: MessageReader) -> str:
    return names.get(m["user"]) or reader.name_in_message(m) or m["user"]


def _read_thread(
    key, group, names, users, as_of, reader: MessageReader, could_be_top=_anything,
) -> tuple[DigestThread | None, tuple[list, list, list], list, bool]:
    """The thread's digest line, its (decisions, open questions, action items), a lone unanswered question,
    and whether the line is still to be written as a TL;DR (`_tldr`).

    Only a busy thread (replies or reactions) for which `could_be_top(importance, ts)` gets a digest line;
    for any other, None (most threads never come near the top, and need not be sent back from a worker).
    The TL;DR, the costly part of a summary, is left out: the digest shows it only for its top few threads,
    so `DigestBuilder._keep` writes it for a thread when it enters the top threads. A thread too short to
    summarize gets the root's first sentence as its line.
    """
    root = group[0] if str(group[0]["ts"]) == key else next((m for m in group if str(m["ts"]) == key), group[0])
    is_bot_post = reader.is_bot_post
    if len(group) == 1:  # a post on its own, most of a busy channel's week: the same, without the loops
        people = [_author(root, names, reader)] if _is_human(root, users, is_bot_post) else []
    else:
        said = {m["user"]: n for m in group if m["user"] not in names and (n := reader.name_in_message(m))}
        if said:  # someone users.json does not know: one name throughout the thread, not a name here and an id there
            names = {**names, **said}
        people = _people(group, names, users, reader)
    replies = max(len(group) - 1, int(root.get("reply_count") or 0))
    reactions = sum(int(r.get("count") or len(r.get("users") or [])) for m in group
                    for r in m.get("reactions") or () if isinstance(r, dict))
    if len(group) < MIN_MESSAGES:  # too short to summarize, whoever wrote it: most posts of a week
        thread = None
        if people and (replies or reactions) and could_be_top(2 * len(people) + replies + reactions, key):
            thread = DigestThread(key, _author(root, names, reader), _one_line(_first_sentence(root["text"], names)),
                                  tuple(people), replies, reactions, root.get("permalink"))
        return thread, ([], [], []), _lone_question(root, group, names, as_of, reader), False
    utterances = read_utterances(group, _names_in(group, names), reader=reader)
    summary = summarize(utterances, with_tldr=False, with_questions=_may_ask(group, as_of))
    by_ts = {str(m["ts"]): m for m in group}

    def said_by(ts: str) -> str:
        return _author(by_ts.get(ts) or root, names, reader)

    lone = []
    if summary.too_short:
        decisions, questions, actions = [], [], []
        lone = _lone_question(root, group, names, as_of, reader)
    else:
        decisions = [DigestItem(d.line, d.source_id, said_by(d.source_id)) for d in summary.decisions]
        questions = [
            DigestItem(_without_speaker(q.text, said_by(q.source_id)), q.source_id, said_by(q.source_id))
            for q in summary.open_questions if as_of - _when(q.source_id) >= QUESTION_AGE]
        actions = [DigestItem(a.text, a.source_id, said_by(a.source_id), a.owner, a.due) for a in summary.action_items]
    thread = None
    if people and (replies or reactions) and could_be_top(2 * len(people) + replies + reactions, key):
        # A summarized thread's line is its TL;DR, written only if the thread enters the top threads.
        line = _first_sentence(root["text"], names) if summary.too_short else ""
        thread = DigestThread(key, _author(root, names, reader), _one_line(line), tuple(people), replies, reactions,
                              root.get("permalink"))
    return thread, (decisions, questions, actions), lone, not summary.too_short


def _people(group: list[dict], names: Mapping[str, str], users: Mapping[str, User], reader: MessageReader) -> list[str]:
    """The `_author` of each person's message (`_is_human`), in order, each once. One loop with the look-ups in
    local variables, not two calls per message: every message of a week's long threads passes here."""
    is_bot_post, name_in_message, user_of, name_of = reader.is_bot_post, reader.name_in_message, users.get, names.get
    people: dict[str, None] = {}
    for m in group:
        uid = m["user"]
        user = user_of(uid)
        if not (is_bot_post(m) or (user and user.is_bot)):
            people[name_of(uid) or name_in_message(m) or uid] = None
    return list(people)


def _tldr(group: list[dict], names: Mapping[str, str], reader: MessageReader) -> str:
    """The TL;DR of a thread long enough to summarize (see `_read_thread`)."""
    utterances = read_utterances(group, _names_in(group, names), reader=reader)
    return summarize(utterances, max_sentences=SUMMARY_SENTENCES).tldr


def _names_in(group: list[dict], names: Mapping[str, str]) -> dict[str, str]:
    """The names a thread needs (authors and `<@U…>` mentions), not the whole workspace's."""
    ids = {m.get("user") for m in group}
    for m in group:
        if "<@" in (m.get("text") or ""):
            ids.update(_MENTION.findall(m["text"]))
    return {uid: names[uid] for uid in ids if uid in names}


def _lone_question(root: dict, group: list[dict], names: Mapping[str, str], as_of: datetime,
                   reader: MessageReader) -> list[DigestItem]:
    """A short thread whose root asks something and nobody else replied."""
    if float(root["ts"]) > _question_cutoff(as_of) or any(m.get("user") != root.get("user") for m in group):
        return []  # young enough to get its answer yet, or answered: no need to read the text
    text = prose(root.get("text") or "", names)  # a pasted question ("> …") is not the poster's
    if not is_question(text):
        return []
    return [DigestItem(_one_line(text), str(root["ts"]), _author(root, names, reader))]


def _may_ask(group: list[dict], as_of: datetime) -> bool:
    """Whether any open question of the thread could be old enough to list: its first message is (a question's
    time is its message's, `_when` keeps the order of `ts`); a thread younger than a day needs none read."""
    return as_of - datetime.fromtimestamp(min(map(float, map(_TS, group))), tz=timezone.utc) >= QUESTION_AGE


@lru_cache(maxsize=4)
def _question_cutoff(as_of: datetime) -> float:
    """Questions asked after this instant (epoch seconds) may still get their answer."""
    return (as_of - QUESTION_AGE).timestamp()


def _first_sentence(text: str, names: Mapping[str, str]) -> str:
    sentences = split_sentences(clean_text(text, names))
    return sentences[0] if sentences else "(no text)"


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SUMMARY_CHARS else line[:SUMMARY_CHARS - 1].rstrip() + "…"


def _without_speaker(text: str, speaker: str) -> str:
    prefix = f"{speaker}: "
    return text[len(prefix):] if text.startswith(prefix) else text


def _when(ts: str) -> datetime:
    return datetime.fromtimestamp(float(ts), tz=timezone.utc)


def _zone_of(user: User | None) -> ZoneInfo | None:
    if user is None or not user.tz:
        return None
    try:
        return zone_for(user.tz)
    except UnknownZone:
        return None


def stat_lines(s: dict) -> list[str]:
    return [
        f"{plural(s['replies_outside_threads'], 'reply', 'replies')} posted in the channel that belonged in a thread",
        f"{plural(s['after_hours_messages'], 'message')} sent outside the author's working hours",
        f"{plural(s['after_hours_broadcasts'], '@channel/@here broadcast')} while most members were off",
    ] + ([f"{plural(s['scheduled_with_later'], 'message')} scheduled with /later for a better time"]
         if "scheduled_with_later" in s else [])
