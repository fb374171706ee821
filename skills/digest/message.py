"""A `Digest` laid out for chat: a headline, one section per kind of item, and the activity chart.

Adapters render the sections as Block Kit or an Adaptive Card; the chart is uploaded as a PNG on
Slack and drawn natively in the card on Teams. Sections are capped so the message stays readable
and well under both platforms' size limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot.actions import Bar, Chart, Section
from bot.model import User
from skills.digest.build import Digest, DigestThread, stat_lines
from skills.digest.chart import activity_chart_png, chart_day, working_share, zones_known
from skills.digest.week import Week
from skills.wording import plural

MAX_LINES = 8  # per section; the rest are counted, not listed
LINE_CHARS = 300
WORKING_SHARE = 0.5  # an hour is "working hours" in the chart when at least half the members work then


@dataclass(frozen=True)
class DigestMessage:
    text: str
    sections: tuple[Section, ...]
    chart: Chart | None


def digest_message(digest: Digest, week: Week, members: Sequence[User]) -> DigestMessage:
    sunday = week.monday + timedelta(days=6)
    s = digest.stats
    text = (f"*Weekly digest*, week {week} ({week.monday:%d %b} – {sunday:%d %b})\n"
            f"{plural(s['messages'], 'message')} from {plural(s['people'], 'person', 'people')}, "
            f"{s['thread_replies']} of them in threads."
            + "".join(f"\n_{note}_" for note in digest.notes))  # what the figures leave out
    sections = tuple(
        Section(title, _capped(lines))
        for title, lines in (
            ("Top threads", [_thread_line(t) for t in digest.threads]),  # clipped inside: a link must stay whole
            ("Decisions", [_clip(d.text) for d in digest.decisions]),
            ("Open questions (unanswered for more than 24 h)",
             [_clip(f"{q.author}: {q.text}") for q in digest.open_questions]),
            ("Action items", [_clip(f"{a.owner}: {a.text}" if a.owner else a.text) for a in digest.action_items]),
            ("Etiquette", stat_lines(s)),
        )
        if lines
    )
    chart = activity_chart(digest, week, members) if s["messages"] else None
    return DigestMessage(text, sections, chart)


def activity_chart(digest: Digest, week: Week, members: Sequence[User]) -> Chart:
    day = chart_day(week.monday)
    shares = working_share(members, digest.zone, day)
    bars = tuple(Bar(f"{hour:02d}", count, shares[hour] >= WORKING_SHARE) for hour, count in enumerate(digest.hourly))
    title = f"Messages by hour of day ({digest.zone})"
    return Chart(
        title=title,
        bars=bars,
        png=activity_chart_png(digest.hourly, members, digest.zone, day, title=f"{title}, {week}"),
        filename=f"activity-{week}.png",
        x_title=f"hour of day ({digest.zone})",
        y_title="messages",
        caption="Highlighted hours: most members are in their working hours." if zones_known(members)
        else "No member's time zone is known, so no hours are highlighted.",
    )


def _thread_line(thread: DigestThread) -> str:
    about = f"{plural(thread.replies, 'reply', 'replies')}, {plural(len(thread.participants), 'person', 'people')}"
    summary = _clip(thread.summary, LINE_CHARS - 80)  # the link and the counts come on top
    if thread.link:
        summary = f"<{thread.link}|{summary.replace('|', '/').replace('>', '›')}>"
    return f"*{thread.author}*: {summary} ({about})"


def _capped(lines: Sequence[str]) -> tuple[str, ...]:
    shown = list(lines[:MAX_LINES])
    if len(lines) > MAX_LINES:
        shown.append(f"…and {len(lines) - MAX_LINES} more")
    return tuple(shown)


def _clip(text: str, limit: int = LINE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
