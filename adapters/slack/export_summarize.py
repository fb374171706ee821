"""`etiquette summarize FILE... [--json] [--engine extractive|llm]`: Slack thread or day files, or whole exports, in; summaries out."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from adapters.slack.export import (
    ExportError,
    SlackArchive,
    day_files_in,
    is_export,
    open_export,
    read_users_file,
    users_beside,
)
from adapters.slack.export_thread import ThreadFileError, load_slack_thread, parse_thread_data
from bot.config import get_settings
from bot.exits import EXIT_BAD_INPUT, EXIT_SKIPPED
from bot.model import User
from skills.summarize import ENGINES, llm_config, summarize_utterances
from skills.summarize.llm import LLMSummarizer
from skills.summarize.utterance import Utterance


@dataclass(frozen=True)
class _Source:
    """One thing to summarize: a file, or a day file inside an export."""

    label: str
    in_export: bool  # a day file inside an export: its JSON line says which (`"source"`)
    read: Callable[[list[str]], list[Utterance]]  # problems list in, utterances out


def summarize_files(
    files: list[Path], as_json: bool = False, engine: str = "extractive", users_file: Path | None = None,
    channel: str | None = None,
    out: Callable[[str], None] = print, err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """Print one summary per thread file, or per day file of an export (.zip or folder), in order.

    A file or message that cannot be read is skipped with a line on stderr (its path and why) and the
    rest are summarized. Returns the exit code: 0, `EXIT_SKIPPED` when something was skipped, or
    `EXIT_BAD_INPUT` when nothing could be summarized.
    """
    if engine not in ENGINES:
        err(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
        return EXIT_BAD_INPUT
    if not files:
        err("no thread file given")
        return EXIT_BAD_INPUT
    try:
        given_users = read_users_file(users_file) if users_file else None
    except ExportError as error:
        err(f"error: {error}")
        return EXIT_BAD_INPUT
    return asyncio.run(_print_summaries(files, given_users, channel, as_json, engine, out, err))


async def _print_summaries(files, given_users, channel, as_json, engine, out, err) -> int:
    """One event loop and one LLM client for every file, so a thousand threads pay start-up once."""
    config = llm_config(get_settings()) if engine == "llm" else None
    summarizer = LLMSummarizer(config) if config else None
    notice_said, done, skipped = False, 0, 0
    several = len(files) > 1 or any(Path(f).is_dir() or is_export(f) for f in files)
    for source in _sources(files, given_users, channel, err):
        if source is None:
            skipped += 1
            continue
        problems: list[str] = []
        try:
            thread = source.read(problems)
        except (ThreadFileError, ExportError) as error:
            err(f"etiquette summarize: skipped {error}")
            skipped += 1
            continue
        for problem in problems:
            err(f"etiquette summarize: skipped {problem}")
        skipped += bool(problems)
        summary, notice = await summarize_utterances(thread, engine, summarizer)
        if notice and not notice_said:
            err(notice)
            notice_said = True
        if as_json:
            line = {"source": source.label, **summary.to_json()} if source.in_export else summary.to_json()
            out(json.dumps(line, ensure_ascii=False))
        else:
            if several:
                out(f"== {source.label}")
            out(summary.as_text() + ("\n" if several else ""))
        done += 1
    if not done:
        return EXIT_BAD_INPUT
    return EXIT_SKIPPED if skipped else 0


def _sources(files: list[Path], given_users: dict[str, User] | None, channel: str | None,
             err: Callable[[str], None]) -> Iterator[_Source | None]:
    """Each file, or each day file of each export; None for an export that cannot be opened (said on `err`)."""
    beside: dict[Path, dict[str, User]] = {}
    for path in map(Path, files):
        if is_export(path):
            try:
                export = open_export(path)
                conversations = [export.channel(channel)] if channel else list(export.conversations.values())
                names = [name for conv in conversations if export.archive.has_folder(conv["folder"])
                         for _, name in export.day_files(conv["folder"])]
            except ExportError as error:
                err(f"etiquette summarize: skipped {error}")
                yield None
                continue
            users = {**export.users, **(given_users or {})}
            for name in names:
                yield _Source(export.archive.where(name), True, _day_reader(export.archive, name, users))
            continue
        try:
            paths = day_files_in(path) if path.is_dir() else [path]  # a channel's folder: each day file
        except ExportError as error:
            err(f"etiquette summarize: skipped {error}")
            yield None
            continue
        for file in paths:
            users = given_users if given_users is not None else _users_beside(file, beside, err)
            yield _Source(str(file), False,
                          lambda problems, file=file, users=users: load_slack_thread(file, users, problems))


def _day_reader(archive: SlackArchive, name: str, users: dict[str, User]):
    def read(problems: list[str]) -> list[Utterance]:
        return parse_thread_data(archive.read_json(name), archive.where(name), users, problems)
    return read


def _users_beside(path: Path, cache: dict[Path, dict[str, User]], err: Callable[[str], None]) -> dict[str, User]:
    """The users.json of the export a day file sits in; an unreadable one is said once and ignored."""
    found = users_beside(path)
    if found is None:
        return {}
    if found not in cache:
        try:
            cache[found] = read_users_file(found)
        except ExportError as error:
            err(f"etiquette summarize: {error}; people are shown by id")
            cache[found] = {}
    return cache[found]

