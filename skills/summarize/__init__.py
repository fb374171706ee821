"""Thread summaries on @-mention: TL;DR, decisions, action items, open questions and participants."""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING

from bot.actions import Action, NotifyPrivately, Reply, Section
from bot.commands import is_command, parse
from bot.context import Context
from bot.model import Conversation, Event, Mentioned, Thread
from skills.help import hint
from skills.summarize.extractive import summarize
from skills.summarize.result import Item, Summary, action_line
from skills.summarize.utterance import Utterance, mentioned_ids, utterances_from_thread

if TYPE_CHECKING:  # pydantic and its settings load where an LLM or the settings are used, not with the offline engine
    from bot.config import Settings
    from skills.summarize.llm import LLMConfig, LLMSummarizer

log = logging.getLogger(__name__)
ENGINES = ("extractive", "llm")
LLM_NOT_CONFIGURED = "llm engine not configured (LLM_BASE_URL, LLM_MODEL); using the offline extractive engine"
PRIVATE_WORDS = {"private", "privately", "only me", "just me"}


def llm_config(settings: Settings) -> LLMConfig | None:
    """The LLM engine is on only when an endpoint and a model are configured."""
    if not (settings.llm_base_url and settings.llm_model):
        return None
    from skills.summarize.llm import LLMConfig

    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    return LLMConfig(base_url=settings.llm_base_url, api_key=key, model=settings.llm_model)


async def summarize_utterances(utterances: list[Utterance], engine: str = "extractive",
                               summarizer: LLMSummarizer | None = None) -> tuple[Summary, str | None]:
    """Run `engine`; returns the summary and a notice when it had to fall back to the offline engine."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "extractive":
        return summarize(utterances), None
    if summarizer is None:
        return summarize(utterances), LLM_NOT_CONFIGURED
    from skills.summarize.llm import summarize_with_fallback

    return await summarize_with_fallback(summarizer, utterances)


def _linked(text: str, link: str | None, platform: str) -> str:
    """Slack mrkdwn `<url|source>`; Adaptive Card markdown `[source](url)` on Teams."""
    if not link:
        return text
    return f"{text} (<{link}|source>)" if platform == "slack" else f"{text} ([source]({link}))"


def summary_sections(summary: Summary, platform: str = "slack") -> tuple[Section, ...]:
    """Decisions / Action items / Open questions / Participants, empty ones left out; lines link to their source."""
    blocks = (
        ("Decisions", [_linked(item.line, item.link, platform) for item in summary.decisions]),
        ("Action items", [_linked(action_line(item), item.link, platform) for item in summary.action_items]),
        ("Open questions", [_linked(item.text, item.link, platform) for item in summary.open_questions]),
        ("Participants", [", ".join(summary.participants)] if summary.participants else []),
    )
    return tuple(Section(title, tuple(lines)) for title, lines in blocks if lines)


def summary_reply(summary: Summary, thread: Thread, where: Conversation, notice: str | None = None) -> Reply:
    """The reply to a mention: TL;DR as text, the rest as sections, and notes on what we could see."""
    text = summary.tldr
    for note in (thread.note, notice):
        if note:
            text += f"\n_{note}_"
    sections = () if summary.too_short else summary_sections(summary, where.platform)
    return Reply(conversation=where, text=text, sections=sections)


def wants_private(text: str) -> bool:
    """`@etiquette summarize private` (or "only me"): the summary goes to the asker alone."""
    parsed = parse(text)
    lowered = (parsed.rest if parsed else text).lower()
    return any(word in lowered for word in PRIVATE_WORDS)


def wants(event: Event) -> bool:
    """`summarize` asked in so many words: answered even when the thread is still short."""
    return isinstance(event, Mentioned) and is_command(event.text, "summarize")


def wants_mention(event: Event) -> bool:
    """Any other mention; the command skills come first in the routing table."""
    return isinstance(event, Mentioned)


async def handle(event: Event, context: Context) -> list[Action]:
    assert isinstance(event, Mentioned)
    return await _summary(event, context, *await _discussion(event, context))


async def handle_mention(event: Event, context: Context) -> list[Action]:
    """A mention that is no command: once per thread a summary when it has enough to say, and before that
    once a hint; `summarize` itself always answers.

    People @-mention the bot while talking about it (in the Playground, and in Teams without resource-specific
    consent, every message the bot should see mentions it); answering each such message would be noise.
    """
    assert isinstance(event, Mentioned)
    where, thread, utterances = await _discussion(event, context)
    key = hashlib.sha256("|".join((where.platform, where.workspace_id, where.channel_id,
                                   where.thread_id or "")).encode()).hexdigest()
    if not summarize(utterances, with_tldr=False).too_short:
        if not await context.store.first_time_seen("unasked summary", key):
            return []
        return await _summary(event, context, where, thread, utterances)
    if not await context.store.first_time_seen("hint", key):
        return []
    return [Reply(conversation=where, text=hint(where.platform))]


async def _discussion(event: Mentioned, context: Context) -> tuple[Conversation, Thread, list[Utterance]]:
    """The mention's thread and what was said in it, without the mention itself (it is no part of it)."""
    where = event.message.conversation
    where = where.in_thread(where.thread_id or event.message.id)
    thread = await context.platform.fetch_thread(where)
    names = await _mentioned_names(context, where, thread)
    return where, thread, [u for u in utterances_from_thread(thread, names) if u.id != event.message.id]


MAX_MENTION_LOOKUPS = 20


async def _mentioned_names(context: Context, where: Conversation, thread: Thread) -> dict[str, str]:
    """Names of people mentioned in the thread who did not speak in it ("@Priya can you …"), so the summary
    names them instead of showing their id; someone the platform cannot look up keeps the id."""
    speakers = {m.author.id for m in thread.messages}
    ids = list(dict.fromkeys(uid for m in thread.messages for uid in mentioned_ids(m) if uid not in speakers))
    names = {}
    for uid in ids[:MAX_MENTION_LOOKUPS]:
        try:
            names[uid] = (await context.platform.user_profile(where, uid)).display
        except Exception:  # noqa: BLE001 - a name is a nicety; the summary goes on without it
            log.info("mentioned user not found", extra={"platform": where.platform})
    return names


async def thread_reply(settings: Settings, where: Conversation, thread: Thread, utterances: list[Utterance]) -> Reply:
    """The summary of `utterances` as the reply in `where`, with the configured engine."""
    config = llm_config(settings)
    if config:
        from skills.summarize.llm import LLMSummarizer

        engine, summarizer = "llm", LLMSummarizer(config)
    else:
        engine, summarizer = "extractive", None
    summary, notice = await summarize_utterances(utterances, engine, summarizer)
    return summary_reply(summary, thread, where, notice)


async def _summary(event: Mentioned, context: Context, where: Conversation, thread: Thread,
                   utterances: list[Utterance]) -> list[Action]:
    reply = await thread_reply(context.settings, where, thread, utterances)
    answer: Action = reply
    if wants_private(event.text):
        answer = NotifyPrivately(user=event.message.author, conversation=where, text=reply.text,
                                 sections=reply.sections)
    if thread.filling:  # part of the thread is still being fetched: answer now, complete it later
        from skills.summarize.partial import answer_partially

        return await answer_partially(answer, event, context)
    return [answer]


__all__ = ["Item", "Summary", "handle", "handle_mention", "summarize", "summary_reply", "summarize_utterances"]
