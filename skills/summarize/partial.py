"""Partial summaries: answered at once with what the message store holds, completed in place once the
thread's missing pages are in (Slack's history ration allows one call a minute)."""

from __future__ import annotations

from datetime import datetime

from bot.actions import Action, NotifyPrivately, ReplacePost
from bot.config import Settings
from bot.context import Context
from bot.history import Backfills
from bot.model import Mentioned, User
from bot.outbox import PlatformFor
from bot.store import Store
from skills.summarize import thread_reply
from skills.summarize.utterance import utterances_from_thread


async def answer_partially(answer: Action, event: Mentioned, context: Context) -> list[Action]:
    """Post the partial answer now and remember it, so `finish_partial_summaries` can complete it."""
    answer_id = await context.platform.perform(answer)
    await Backfills(context.store).answer_when_whole(answer.conversation, answer_id, event.message.author.id,
                                                     event.message.id, isinstance(answer, NotifyPrivately),
                                                     context.now())
    return []


async def finish_partial_summaries(store: Store, platform_for: PlatformFor, settings: Settings, now: datetime) -> int:
    """One pass of the job: each waiting answer's thread gets a page more if the budget allows; a whole
    thread's answer is replaced by the complete summary. Returns how many were completed."""
    done = 0
    backfills = Backfills(store)
    for waiting in await backfills.waiting_answers():
        where = waiting.thread
        platform = await platform_for(where.platform, where.workspace_id)
        if platform is None:
            continue
        thread = await platform.fetch_thread(where)
        if thread.filling:
            continue
        reply = await thread_reply(settings, where, thread,
                                   [u for u in utterances_from_thread(thread) if u.id != waiting.asked_in])
        if waiting.private or not waiting.answer_id:  # an ephemeral answer cannot be edited: a new one
            action: Action = NotifyPrivately(user=User(waiting.asked_by or ""), conversation=where, text=reply.text,
                                             sections=reply.sections)
        else:
            action = ReplacePost(where, waiting.answer_id, reply.text, reply.sections)
        await platform.perform(action)
        await backfills.answered(where)
        done += 1
    return done
