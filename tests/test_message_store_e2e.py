"""The message store end to end: Slack's limited history tier enforced by the fake, the clock moved by hand.

What the bot saw live is summarized and digested without a single `conversations.history` or
`conversations.replies` call; a thread that began before the bot arrived gets a partial summary at once
and the complete one in the same message, never faster than Slack's one call a minute.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone

import aiohttp
import pytest

from adapters.app import create_app
from bot.app import INBOX, JOBS, STORE
from bot.model import Conversation
from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually, serving
from tests.fakes.slack_api import BOT_USER_ID, RATIONED, TEAM_ID, command_body, event_body, sign
from tests.test_slack_e2e import post_signed

CHANNEL = "C0STORE"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
PEOPLE = {"U1": "Maria", "U2": "Ken", "U3": "Aiko", "U4": "Priya"}


def ts(moment: datetime, n: int = 0) -> str:
    return f"{moment.timestamp():.0f}.{n:06d}"


@pytest.fixture
async def limited_bot(slack_api, make_settings):
    """The real app on Slack's limited tier; yields (fake, url, app, now) where `now[0]` is both clocks."""
    fake, api_url = slack_api
    for user, name in PEOPLE.items():
        fake.add_user(user, name)
    fake.channel_members[CHANNEL] = list(PEOPLE)
    now = [NOW]
    fake.clock = lambda: now[0].timestamp()
    fake.limit_history()
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, slack_history_tier="limited", backfill_poll_seconds=3600,
                             outbox_poll_seconds=3600, digest_poll_seconds=3600)
    app = create_app(settings, clock=lambda: now[0])
    async with serving(app) as url:
        yield fake, url, app, now


def message(user: str, text: str, at: str, thread_ts: str | None = None, **extra) -> dict:
    event = {"type": "message", "channel": CHANNEL, "channel_type": "channel", "user": user, "text": text, "ts": at,
             "event_ts": at, **extra}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


async def deliver(url: str, events: list[dict], concurrency: int = 8) -> None:
    """Send events as Slack would, signed, a few at a time over one connection pool; each must be acked."""
    queue = list(enumerate(events))[::-1]

    async def worker(http: aiohttp.ClientSession) -> None:
        while queue:
            i, event = queue.pop()
            body = event_body(event, event_id=f"Ev{event['ts']}-{i}")
            headers = {"Content-Type": "application/json", **sign(SIGNING_SECRET, body)}
            async with http.post(url + "/slack/events", data=body, headers=headers) as response:
                assert response.status == 200

    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))


def rationed_calls(fake) -> list:
    return [call for call in fake.calls if call.method in RATIONED]


async def stored_count(app, thread_ts: str | None = None) -> int:
    channel = Conversation("slack", TEAM_ID, CHANNEL)
    if thread_ts:
        return len((await app[STORE].messages.thread(channel.in_thread(thread_ts))).messages)
    return len(await app[STORE].messages.channel_roots(channel, NOW - timedelta(days=30)))


async def until_stored(app, expected: int, thread_ts: str | None = None, timeout: float = 30) -> None:
    """Storing happens after the ack: wait for it."""
    deadline = asyncio.get_running_loop().time() + timeout
    while (count := await stored_count(app, thread_ts)) != expected:
        assert asyncio.get_running_loop().time() < deadline, f"{count} stored, not {expected}"
        await asyncio.sleep(0.05)


def mention(text: str, at: str, thread_ts: str) -> dict:
    return {"type": "app_mention", "channel": CHANNEL, "user": "U1", "text": f"<@{BOT_USER_ID}> {text}", "ts": at,
            "event_ts": at, "thread_ts": thread_ts}


def blocks_text(params: dict) -> str:
    blocks = params["blocks"] if isinstance(params["blocks"], list) else json.loads(params["blocks"])
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section")


async def test_a_300_message_thread_seen_live_is_summarized_without_any_history_call(limited_bot):
    fake, url, app, _ = limited_bot
    start = NOW - timedelta(hours=5)
    root = ts(start)
    lines = ["We decided to move the launch to May.", "Who will tell the customers?", "I will write the notice.",
             "The beta numbers look good.", "Can we keep the old pricing page?"]
    events = [message("U1", "Should we move the launch to May?", root)]
    events += [message(f"U{1 + i % 4}", f"{lines[i % len(lines)]} (note {i})", ts(start + timedelta(seconds=30 * (i + 1))),
                       root) for i in range(300)]
    await deliver(url, events)
    await until_stored(app, 301, root)

    await post_signed(url, event_body(mention("summarize", ts(NOW), root), event_id="EvAsk"))
    [reply] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert reply["thread_ts"] == root
    text = blocks_text(reply)
    assert "Partial" not in text
    assert all(name in text for name in PEOPLE.values())  # every participant, from the stored thread
    assert rationed_calls(fake) == []


async def test_edits_and_deletions_reach_the_summary(limited_bot):
    fake, url, app, _ = limited_bot
    start = NOW - timedelta(hours=1)
    root = ts(start)
    events = [message("U1", "Which day do we launch?", root),
              message("U2", "We decided to launch on Tuesday.", ts(start, 1), root),
              message("U3", "Sounds good to me, I will tell support.", ts(start, 2), root),
              message("U4", "Pineapple belongs on pizza.", ts(start, 3), root)]
    await deliver(url, events, concurrency=1)
    edit = {"type": "message", "subtype": "message_changed", "channel": CHANNEL, "ts": ts(start, 10),
            "event_ts": ts(start, 10),
            "message": {"type": "message", "user": "U2", "text": "We decided to launch on Monday.",
                        "ts": ts(start, 1), "thread_ts": root, "edited": {"user": "U2", "ts": ts(start, 10)}},
            "previous_message": {"type": "message", "user": "U2", "text": "We decided to launch on Tuesday.",
                                 "ts": ts(start, 1), "thread_ts": root}}
    deletion = {"type": "message", "subtype": "message_deleted", "channel": CHANNEL, "ts": ts(start, 11),
                "event_ts": ts(start, 11), "deleted_ts": ts(start, 3), "hidden": True,
                "previous_message": {"type": "message", "user": "U4", "text": "Pineapple belongs on pizza.",
                                     "ts": ts(start, 3), "thread_ts": root}}
    await deliver(url, [edit, deletion], concurrency=1)
    await until_stored(app, 3, root)

    await post_signed(url, event_body(mention("summarize", ts(NOW), root), event_id="EvAsk"))
    [reply] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    text = blocks_text(reply)
    assert "Monday" in text and "Tuesday" not in text
    assert "Pineapple" not in text and "Priya" not in text  # the deleted message and its only author are gone
    assert rationed_calls(fake) == []


async def test_a_week_of_5000_messages_seen_live_gives_the_digest_without_a_history_call(limited_bot):
    fake, url, app, now = limited_bot
    # Quiet mode (no nudges, no call suggestions) keeps 5,000 events quick; each is still acked and stored.
    await app[STORE].set_setting("slack", TEAM_ID, f"channel:{CHANNEL}", "quiet", True)
    week_start = NOW - timedelta(days=7) + timedelta(minutes=1)
    threads = 50  # the digest reads the replies of the 50 busiest threads: here, all of them
    roots = [ts(week_start + timedelta(minutes=180 * i)) for i in range(threads)]
    events = []
    for i in range(5000):
        user = f"U{1 + i % 4}"
        if i < threads:
            events.append(message(user, f"Topic {i}: shall we change the deploy window?", roots[i]))
        else:
            at = week_start + timedelta(minutes=180 * (i % threads), seconds=i // threads)
            events.append(message(user, f"Reply {i} on topic {i % threads}: I agree.", ts(at, i), roots[i % threads]))
    await deliver(url, events, concurrency=16)
    await until_stored(app, threads, timeout=120)
    await until_stored(app, 100, roots[-1])

    status, _ = await post_signed(url, command_body("/digest", "now", channel_id=CHANNEL),
                                  content_type="application/x-www-form-urlencoded")
    assert status == 200
    [digest] = await eventually(lambda: fake.calls_to("files.completeUploadExternal"), timeout=60)
    assert "5000 messages from 4 people" in digest["blocks"]
    assert rationed_calls(fake) == []


async def test_a_thread_begun_before_install_gets_a_partial_summary_then_the_whole_one_in_the_same_message(
        limited_bot):
    fake, url, app, now = limited_bot
    start = NOW - timedelta(hours=3)
    root = ts(start)
    # 40 messages in Slack; the bot was installed after the first 32 and saw the last 8 live.
    thread = [{"type": "message", "user": "U1", "text": "Which vendor do we pick for the offsite?", "ts": root,
               "thread_ts": root, "reply_count": 40}]
    for i in range(1, 40):
        author = "U4" if 16 <= i < 30 else ("U2", "U3")[i % 2]  # Priya speaks only in the middle pages
        thread.append({"type": "message", "user": author, "text": f"Vendor option {i} has a lake view.",
                       "ts": ts(start + timedelta(minutes=i)), "thread_ts": root})
    ask = mention("summarize", ts(NOW), root)
    fake.threads[(CHANNEL, root)] = [*thread, {k: v for k, v in ask.items() if k != "channel"}]
    await deliver(url, [message(m["user"], m["text"], m["ts"], root) for m in thread[32:]], concurrency=1)
    await until_stored(app, 8, root)

    await post_signed(url, event_body(ask, event_id="EvAsk"))
    [partial] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    text = blocks_text(partial)
    assert "Partial summary" in text and "covers the 24 messages I have" in text  # 15 fetched, 8 seen, the question
    assert "17 more messages of the thread are still being fetched" in text
    assert "Priya" not in text
    assert len(rationed_calls(fake)) == 1  # the one call the minute allows: root and the 14 oldest replies

    jobs = app[JOBS]
    now[0] += timedelta(seconds=30)
    await jobs.finish_summaries()
    assert len(rationed_calls(fake)) == 1 and fake.updates == {}  # half a minute: no call
    for minute in range(2):
        now[0] += timedelta(seconds=31 if minute == 0 else 60)
        await jobs.finish_summaries()
    [updated] = fake.updates.values()
    assert updated["ts"] in fake.posted and fake.posted[updated["ts"]] is partial
    final = blocks_text(updated)
    assert "Partial" not in final and "Priya" in final
    calls = rationed_calls(fake)
    assert [c.status for c in calls] == [200, 200, 200]  # never a 429
    assert all(b.at - a.at >= 60 for a, b in zip(calls, calls[1:]))  # never more than one a minute
    # the whole thread, the question and the bot's own partial answer (Slack lists the bot's replies too)
    assert await stored_count(app, root) == 42
    now[0] += timedelta(minutes=5)
    await jobs.finish_summaries()
    assert len(fake.calls_to("chat.update")) == 1 and len(rationed_calls(fake)) == 3  # done once


async def test_an_admin_sees_what_is_stored_and_deletes_a_channels_messages(limited_bot):
    fake, url, app, _ = limited_bot
    fake.users["U1"]["is_admin"] = True
    start = NOW - timedelta(hours=1)
    await deliver(url, [message("U2", f"Status update {i}", ts(start, i)) for i in range(3)], concurrency=1)
    await until_stored(app, 3)

    def ask(user: str, text: str, n: int) -> dict:
        return {**mention(text, ts(NOW, n), ""), "user": user, "thread_ts": None}

    await post_signed(url, event_body({k: v for k, v in ask("U2", "settings", 1).items() if v}, event_id="EvShow"))
    [shown] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert "Stored from this channel: 4 messages" in shown["text"] and "kept 35 days" in shown["text"]
    await post_signed(url, event_body({k: v for k, v in ask("U2", "settings forget messages", 2).items() if v},
                                      event_id="EvNotAdmin"))
    await eventually(lambda: len(fake.calls_to("chat.postEphemeral")) == 2)
    assert "Only workspace admins" in fake.calls_to("chat.postEphemeral")[1]["text"]
    assert await stored_count(app) == 5

    await post_signed(url, event_body({k: v for k, v in ask("U1", "settings forget messages", 3).items() if v},
                                      event_id="EvAdmin"))
    await eventually(lambda: len(fake.calls_to("chat.postEphemeral")) == 3)
    assert "Deleted the 6 messages I had stored" in fake.calls_to("chat.postEphemeral")[2]["text"]
    assert await stored_count(app) == 0
    assert await app[STORE].messages.covered_since(Conversation("slack", TEAM_ID, CHANNEL)) is None


async def test_teams_edits_and_deletions_reach_the_store(teams_bot):
    from tests.fakes.bot_connector import (
        CHANNEL_ID,
        KEN,
        TENANT_ID,
        channel_message,
        channel_message_deleted,
        channel_message_edited,
        post_activity,
    )

    _, service_url, bot_url, app = teams_bot
    root = "1700000900000"
    await post_activity(bot_url, channel_message(service_url, "Launch on Tuesday?", root, activity_id=root))
    await post_activity(bot_url, channel_message(service_url, "Tuesday works", root, sender=KEN, activity_id="1700000900100"))
    await post_activity(bot_url, channel_message(service_url, "Pineapple pizza", root, sender=KEN,
                                                 activity_id="1700000900200"))
    await post_activity(bot_url, channel_message_edited(service_url, "Monday works better", root, "1700000900100",
                                                        sender=KEN))
    await post_activity(bot_url, channel_message_deleted(service_url, root, "1700000900200", sender=KEN))
    stored = await app[STORE].messages.thread(Conversation("teams", TENANT_ID, CHANNEL_ID, root))
    assert [m.text for m in stored.messages] == ["Launch on Tuesday?", "Monday works better"]
    assert stored.whole  # the bot saw the root arrive: the chain is whole from there


async def test_retry_after_is_honoured_when_slack_says_429(limited_bot):
    from tests.fakes.slack_api import Call

    fake, url, app, now = limited_bot
    start = NOW - timedelta(hours=2)
    root = ts(start)
    thread = [{"type": "message", "user": "U2", "text": f"Step {i} of the rollout is done.",
               "ts": ts(start + timedelta(minutes=i)), "thread_ts": root, **({"reply_count": 20} if i == 0 else {})}
              for i in range(20)]
    ask = mention("summarize", ts(NOW), root)
    fake.threads[(CHANNEL, root)] = [*thread, {k: v for k, v in ask.items() if k != "channel"}]
    # Another process of ours (or Slack's clock) spent this minute's call 10 s ago: Slack will say 429.
    fake.calls.append(Call("conversations.replies", {}, "xoxb-test", at=(NOW - timedelta(seconds=10)).timestamp()))
    await post_signed(url, event_body(ask, event_id="EvAsk"))
    [partial] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert "Partial summary" in blocks_text(partial)
    # The ask's work goes on after its post (Retry-After noted, the answer remembered for completion): it is all
    # done before the clock moves, however slowly a busy machine runs it.
    await app[INBOX].drain(timeout=None)
    [refused] = [c for c in rationed_calls(fake) if c.at >= NOW.timestamp()]
    assert refused.status == 429

    jobs = app[JOBS]
    now[0] += timedelta(seconds=45)  # Retry-After (51 s) not yet over: no call
    await jobs.finish_summaries()
    assert len(rationed_calls(fake)) == 2
    now[0] += timedelta(seconds=10)
    await jobs.finish_summaries()  # over: one call, the whole thread (21 messages, two pages at 15)
    now[0] += timedelta(seconds=60)
    await jobs.finish_summaries()
    calls = [c for c in rationed_calls(fake) if c.at >= NOW.timestamp()]
    assert [c.status for c in calls] == [429, 200, 200]
    assert "Partial" not in blocks_text(fake.updates[partial_ts(fake)])


def partial_ts(fake) -> str:
    [ts_] = fake.updates
    return ts_


async def test_after_a_long_downtime_a_thread_is_read_from_slack_again(slack_api, make_settings):
    """Slack stops retrying after about 5 minutes: a bot down longer may have missed replies."""
    fake, api_url = slack_api
    for user, name in PEOPLE.items():
        fake.add_user(user, name)
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, backfill_poll_seconds=3600)
    now = [NOW]
    root = ts(NOW - timedelta(hours=1))
    thread = [message(f"U{1 + i % 3}", f"Point {i} about the migration plan.", ts(NOW - timedelta(hours=1), i), root)
              for i in range(5)]
    fake.threads[(CHANNEL, root)] = [{k: v for k, v in m.items() if k != "channel"} for m in thread]

    async def ask(n: int) -> None:
        async with serving(app := create_app(settings, clock=lambda: now[0])) as url:
            if n == 0:
                await deliver(url, thread, concurrency=1)
                await until_stored(app, 5, root)
            await post_signed(url, event_body(mention("summarize", ts(now[0], 100 + n), root), event_id=f"EvAsk{n}"))
            await eventually(lambda: len(fake.calls_to("chat.postMessage")) == n + 1)

    await ask(0)
    now[0] += timedelta(minutes=2)  # a quick restart: Slack redelivered anything it sent meanwhile
    await ask(1)
    assert fake.calls_to("conversations.replies") == []  # the thread is whole in the store
    now[0] += timedelta(minutes=30)  # down for half an hour: replies may have been missed
    await ask(2)
    assert fake.calls_to("conversations.replies")


async def test_a_digest_of_a_channel_joined_mid_week_says_what_it_covers(limited_bot):
    fake, url, app, _ = limited_bot
    fake.history[CHANNEL] = [{"type": "message", "user": "U3", "text": "Before the bot came", "ts": ts(NOW - timedelta(days=5))}]
    joined = NOW - timedelta(days=2)
    await deliver(url, [message("U1", "Who reviews the budget?", ts(joined)), message("U2", "I will.", ts(joined, 1))],
                  concurrency=1)
    await until_stored(app, 2)
    await post_signed(url, command_body("/digest", "now", channel_id=CHANNEL),
                      content_type="application/x-www-form-urlencoded")
    [digest] = await eventually(lambda: fake.calls_to("files.completeUploadExternal"), timeout=30)
    assert f"since {joined:%a %d %b %H:%M} UTC only" in digest["blocks"]
    assert "2 messages from 2 people" in digest["blocks"] and rationed_calls(fake) == []
