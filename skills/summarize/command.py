"""`etiquette summarize FILE... [--json] [--engine extractive|llm]`: Slack thread files in, summaries out."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path

from bot.config import get_settings
from skills.summarize import ENGINES, llm_config, summarize_utterances
from skills.summarize.llm import LLMSummarizer
from skills.summarize.slack_file import ThreadFileError, load_slack_thread


def summarize_files(
    files: list[Path], as_json: bool = False, engine: str = "extractive",
    out: Callable[[str], None] = print, err: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> int:
    """Print one summary per file, in order (JSON: one object per line). Returns the exit code: 2 on a bad file."""
    if engine not in ENGINES:
        err(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
        return 2
    if not files:
        err("no thread file given")
        return 2
    try:  # read every file first, so a bad one stops the run before anything is printed
        threads = [load_slack_thread(path) for path in files]
    except ThreadFileError as error:
        err(f"error: {error}")
        return 2
    return asyncio.run(_print_summaries(files, threads, as_json, engine, out, err))


async def _print_summaries(files, threads, as_json, engine, out, err) -> int:
    """One event loop and one LLM client for every file, so a thousand threads pay start-up once."""
    config = llm_config(get_settings()) if engine == "llm" else None
    summarizer = LLMSummarizer(config) if config else None
    notice_said = False
    for path, thread in zip(files, threads):
        summary, notice = await summarize_utterances(thread, engine, summarizer)
        if notice and not notice_said:
            err(notice)
            notice_said = True
        if as_json:
            out(json.dumps(summary.to_json(), ensure_ascii=False))
        else:
            if len(files) > 1:
                out(f"== {path}")
            out(summary.as_text() + ("\n" if len(files) > 1 else ""))
    return 0
