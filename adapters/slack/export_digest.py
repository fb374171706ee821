"""`etiquette digest EXPORT --channel NAME [--week YYYY-Www] [--json] [--chart FILE.png]`: EXPORT a .zip or a folder.

Also the digest's builders over Slack's own message shapes (`build_digest`, `DigestBuilder`, `worker_pool`):
`skills/digest/build.py` with Slack's `MessageReader`.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from datetime import date, datetime
from pathlib import Path

from adapters.slack.export import ExportError, SlackExport, open_export
from adapters.slack.messages import SLACK_MESSAGES
from bot.exits import EXIT_BAD_INPUT, EXIT_SKIPPED
from bot.model import User
from skills.collector import paused_collector
from skills.digest import build
from skills.digest.build import TOP_THREADS, Digest
from skills.digest.chart import activity_chart_png, chart_day
from skills.digest.week import Week

PROGRESS_MIN_BYTES = 16 * 2**20  # below this a week reads in well under a second: no bar
PARALLEL_MIN_BYTES = 8 * 2**20  # from here (about 50,000 messages), threads and reply links go to every core (workers start in ~0.1 s)


def digest_export(
    export_dir: Path, channel: str, week: str | None = None, as_json: bool = False, chart: Path | None = None,
    out: Callable[[str], None] = print, err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
    progress: bool | None = None,
) -> int:
    """Print the digest of `channel`'s week (default: the latest week with messages from people). Returns the exit
    code.

    Day files are read and digested one at a time. `progress` draws a bar on stderr (never stdout);
    by default only when stderr is a terminal and the week's day files hold `PROGRESS_MIN_BYTES` or more.
    """
    try:
        export = open_export(export_dir)
    except ExportError as error:
        err(f"etiquette digest: {error}")
        return EXIT_BAD_INPUT
    try:
        return _digest(export, channel, week, as_json, chart, out, err, progress)
    except ExportError as error:
        err(f"etiquette digest: {error}")
        return EXIT_BAD_INPUT
    finally:
        export.archive.close()


def _digest(export: SlackExport, channel: str, week: str | None, as_json: bool, chart: Path | None,
            out: Callable[[str], None], err: Callable[[str], None], progress: bool | None) -> int:
    name = str(export.channel(channel).get("name") or export.channel(channel)["folder"])
    days = export.days(channel)
    chosen = _week(week) if week else latest_week(days)
    if not any(Week.of(day) == chosen for day in days):
        raise ExportError(f"channel {channel!r} has no messages in {chosen} "
                          f"(day files from {days[0]} to {days[-1]})" if days else
                          f"channel {channel!r} has no day files")
    members = export.members(channel)
    digest, problems, skipped = _week_digest(export, channel, name, members, chosen, progress)
    if not week and not digest.stats["messages"]:
        # the latest week people wrote in: an export often ends with a week of joins and bot posts only
        for other in sorted({Week.of(day) for day in days} - {chosen}, key=lambda w: w.monday, reverse=True):
            found = _week_digest(export, channel, name, members, other, progress)
            if found[0].stats["messages"]:
                err(f"etiquette digest: {chosen}, the export's last week, has no messages from people: "
                    f"showing {other}, the latest week that has some (--week picks another)")
                chosen, (digest, problems, skipped) = other, found
                break
    for problem in problems:
        err(f"etiquette digest: skipped {problem}")
    if chart is not None:
        png = activity_chart_png(digest.hourly, members or list(export.users.values()), digest.zone,
                                 chart_day(chosen.monday), title=f"#{digest.channel}, {chosen}")
        try:
            Path(chart).write_bytes(png)
        except OSError as error:
            err(f"etiquette digest: cannot write the chart to {chart} ({error.strerror})")
            return EXIT_BAD_INPUT
    out(json.dumps(digest.to_json(), ensure_ascii=False, indent=2) if as_json else digest.as_markdown())
    return EXIT_SKIPPED if skipped or problems else 0


def _week_digest(export: SlackExport, channel: str, name: str, members: Sequence[User], chosen: Week,
                 progress: bool | None) -> tuple[Digest, list[str], int]:
    """One week's digest, the problems met in its messages and how many of its day files could not be read."""
    files = export.week_files(channel, chosen)
    sizes = [export.archive.size(file) for file in files]
    show = progress if progress is not None else _stderr_is_terminal() and sum(sizes) >= PROGRESS_MIN_BYTES
    skipped = 0
    problems: list[str] = []
    with ExitStack() as stack:
        pool = None
        if sum(sizes) >= PARALLEL_MIN_BYTES and (os.cpu_count() or 1) > 1:
            pool = stack.enter_context(worker_pool(export.users, chosen.end, os.cpu_count() or 1))
            pool.submit(int).result()  # start the workers now, before the progress bar's thread exists
        builder = DigestBuilder(export.users, name, str(chosen), members=members, as_of=chosen.end, pool=pool)
        advance = stack.enter_context(_progress_bar(sum(sizes), f"#{name} {chosen}", show))
        freeze = stack.enter_context(_frozen_days())
        for file, size in zip(files, sizes):
            # A day file's parse and filing make a few hundred thousand dicts and lists and no reference cycle;
            # left on, the collector walks the half-built day again and again (a fifth of the parse's time).
            with paused_collector():
                try:
                    day = export.read_day(file)
                except ExportError as error:  # one broken day file: the rest of the week still counts
                    problems.append(str(error))
                    skipped += 1
                    advance(size)
                    continue
                freeze()
                builder.add_day(day, export.archive.where(file))
                del day  # free this day's messages before the next day file is read
            advance(size)
        digest = builder.finish()
    return digest, problems + list(builder.problems), skipped


def build_digest(messages: Iterable[dict], users: Mapping[str, User], channel: str, week: str,
                 members: Sequence[User] = (), as_of: datetime | None = None, top: int = TOP_THREADS) -> Digest:
    """`skills.digest.build_digest` of Slack messages as an export or the Web API has them."""
    return build.build_digest(messages, users, channel, week, members, as_of, top, reader=SLACK_MESSAGES)


class DigestBuilder(build.DigestBuilder):
    """`skills.digest.build.DigestBuilder` fed an export's day files as they are."""

    def __init__(self, *args, **options) -> None:
        super().__init__(*args, reader=SLACK_MESSAGES, **options)


def worker_pool(users: Mapping[str, User], as_of: datetime, workers: int) -> Executor:
    """`skills.digest.build.worker_pool` for a `DigestBuilder` of Slack messages."""
    return build.worker_pool(users, as_of, workers, reader=SLACK_MESSAGES)


def latest_week(days: list[date]) -> Week:
    if not days:
        raise ExportError("the channel has no day files")
    return Week.of(days[-1])


def _week(text: str) -> Week:
    try:
        return Week.parse(text)
    except ValueError as error:
        raise ExportError(str(error)) from None


@contextmanager
def _frozen_days() -> Iterator[Callable[[], None]]:
    """Yield `freeze()`, which hides every object alive now from the cyclic garbage collector until the digest ends.

    A parsed day file is hundreds of thousands of dicts and lists without reference cycles. Left in the
    collector's generations, every full collection walks all of them again: a fifth of the main process's
    time on a large export. Frozen objects are still freed by reference counting as soon as they are done
    with. Skipped when something else in the process has frozen objects, which `gc.unfreeze` would thaw.
    """
    if gc.get_freeze_count():
        yield lambda: None
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def _progress_bar(total: int, label: str, show: bool) -> Iterator[Callable[[int], None]]:
    """A rich progress bar over the week's bytes, on stderr; yields `advance(bytes)` (a no-op when hidden)."""
    if not show:
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(f"digesting {label}", total=total)
        yield lambda done: bar.advance(task, done)
