"""The weekly digest in the live bot: `/digest on|off|now`, enqueued once when due, late after downtime."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from bot.digests import DigestSchedules, next_occurrence
from bot.model import Conversation, Message, User
from bot.outbox import Outbox, deliver_due_messages
from skills.digest.handler import enqueue_due_digests, parse_when
from skills.digest.week import Week
from tests.fakes.memory_platform import MemoryPlatform

CHANNEL = Conversation("slack", "T1", "C1")
MONDAY_9_BERLIN = datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)  # 09:00 CET


def test_next_occurrence_is_local_time_and_dst_correct():
    friday = datetime(2026, 11, 27, 12, tzinfo=timezone.utc)
    assert next_occurrence(friday, 0, "09:00", "Europe/Berlin") == MONDAY_9_BERLIN
    assert next_occurrence(MONDAY_9_BERLIN, 0, "09:00", "Europe/Berlin") == MONDAY_9_BERLIN + timedelta(days=7)
    # Across the spring change (29 March 2026): 09:00 CEST is 07:00 UTC.
    assert next_occurrence(datetime(2026, 3, 27, tzinfo=timezone.utc), 0, "09:00", "Europe/Berlin") == datetime(
        2026, 3, 30, 7, 0, tzinfo=timezone.utc)


def test_parse_when():
    assert parse_when("") == (0, "09:00")
    assert parse_when("friday 16:30") == (4, "16:30")
    assert parse_when("tue") == (1, "09:00")
    assert parse_when("someday") is None and parse_when("monday 25:00") is None


def platform_with_week(start: datetime = MONDAY_9_BERLIN - timedelta(days=6)) -> MemoryPlatform:
    people = {u: User(u, name, tz="Europe/Berlin") for u, name in (("U1", "Maria"), ("U2", "Ken"))}
    history = [
        Message(str(i), people[("U1", "U2")[i % 2]], text, start + timedelta(hours=i), CHANNEL.in_thread(str(i)))
        for i, text in enumerate(["Should we move the launch to May?", "I think May works, let's do it.",
                                  "Agreed: the launch moves to May.", "Who tells the customers?"])
    ]
    return MemoryPlatform(users=people, members={"C1": ["U1", "U2"]}, history={"C1": history})


async def test_a_due_digest_is_enqueued_once_and_delivered_once_even_when_late(store):
    platform = platform_with_week()
    schedules = DigestSchedules(store)
    await schedules.turn_on(CHANNEL, 0, "09:00", "Europe/Berlin", MONDAY_9_BERLIN - timedelta(days=3))
    async def for_platform(name: str, workspace: str) -> MemoryPlatform:
        return platform

    assert await enqueue_due_digests(store, for_platform, MONDAY_9_BERLIN - timedelta(minutes=1)) == 0
    late = MONDAY_9_BERLIN + timedelta(hours=5)  # the bot was down at 09:00: sent on recovery
    assert await enqueue_due_digests(store, for_platform, late) == 1
    assert await enqueue_due_digests(store, for_platform, late + timedelta(minutes=1)) == 0
    [due] = await schedules.due(late + timedelta(days=7))
    assert due.next_due_at == MONDAY_9_BERLIN + timedelta(days=7)

    assert await deliver_due_messages(Outbox(store), for_platform, late, "w1") == 1
    [post] = platform.performed
    assert post.conversation.channel_id == "C1" and post.delivery_key
    assert post.text.startswith("*Weekly digest*, week 2026-W48 (23 Nov – 29 Nov)")
    assert "4 messages from 2 people" in post.text
    assert "written" not in post.text  # the bot's own post has no "from …, written …" footer
    sections = {section.title: section.lines for section in post.sections}  # kept by the outbox row
    assert "Ken: Who tells the customers?" in sections["Open questions (unanswered for more than 24 h)"]
    assert "0 messages scheduled with /later for a better time" in sections["Etiquette"]
    # The chart came through the outbox too: the PNG, and bars by hour in the channel's zone (Berlin).
    assert post.chart is not None and post.chart.png.startswith(b"\x89PNG")
    hours = {bar.label: bar for bar in post.chart.bars}
    assert len(hours) == 24 and sum(bar.value for bar in hours.values()) == 4
    assert hours["10"].highlight and not hours["03"].highlight  # Berlin working hours (09–17 by default)


async def test_a_delivered_digest_keeps_neither_its_text_nor_its_chart(store):
    from sqlalchemy import select

    from bot.tables import scheduled_messages

    platform = platform_with_week()
    await DigestSchedules(store).turn_on(CHANNEL, 0, "09:00", "Europe/Berlin", MONDAY_9_BERLIN - timedelta(days=1))
    async def for_platform(name: str, workspace: str) -> MemoryPlatform:
        return platform

    await enqueue_due_digests(store, for_platform, MONDAY_9_BERLIN)
    async with store.engine.connect() as conn:
        [row] = (await conn.execute(select(scheduled_messages))).mappings().all()
    assert row["layout"]["chart"]["bars"] and row["attachment"].startswith(b"\x89PNG")
    assert await deliver_due_messages(Outbox(store), for_platform, MONDAY_9_BERLIN, "w1") == 1
    async with store.engine.connect() as conn:
        [row] = (await conn.execute(select(scheduled_messages))).mappings().all()
    assert (row["status"], row["text"], row["layout"], row["attachment"]) == ("delivered", "", None, None)


async def test_two_workers_racing_enqueue_one_digest(store):
    import asyncio

    platform = platform_with_week()
    await DigestSchedules(store).turn_on(CHANNEL, 0, "09:00", "Europe/Berlin", MONDAY_9_BERLIN - timedelta(days=1))
    async def for_platform(name: str, workspace: str) -> MemoryPlatform:
        return platform

    results = await asyncio.gather(*(enqueue_due_digests(store, for_platform, MONDAY_9_BERLIN) for _ in range(3)))
    assert sum(results) == 1


async def test_slack_digest_commands(slack_api, make_settings):
    import time as _time

    from adapters.app import create_app
    from tests.conftest import SIGNING_SECRET
    from tests.fakes.server import eventually, serving
    from tests.fakes.slack_api import command_body
    from tests.test_slack_e2e import post_signed

    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
    fake.users["U1"]["is_admin"] = True  # only admins switch a channel's digest
    fake.add_user("U2", "Ken", tz="Europe/Berlin")
    fake.channel_members["C1"] = ["U1", "U2"]
    now = _time.time()
    fake.history["C1"] = [{"type": "message", "user": u, "text": t, "ts": f"{now - 3600 + i:.6f}"}
                          for i, (u, t) in enumerate([("U1", "Who owns the Q3 report?"), ("U2", "Lunch is here")])]
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test", slack_api_base_url=api_url)
    form = "application/x-www-form-urlencoded"
    async with serving(create_app(settings)) as url:
        await post_signed(url, command_body("/later", "<#C1|general> tomorrow 9am Numbers are in"), content_type=form)
        await eventually(lambda: fake.calls_to("chat.postEphemeral"))
        await post_signed(url, command_body("/digest", "now"), content_type=form)
        # One message: the digest's blocks with the activity chart's PNG attached.
        [posted] = await eventually(lambda: fake.calls_to("files.completeUploadExternal"))
        assert posted["channel_id"] == "C1" and not fake.calls_to("chat.postMessage")
        [call] = [c for c in fake.calls if c.method == "files.completeUploadExternal"]
        assert not call.in_url  # a digest's blocks are too long for a URL: they go in the body
        [(file_id, png)] = fake.uploads.items()
        assert png.startswith(b"\x89PNG") and json.loads(posted["files"])[0]["id"] == file_id
        blocks = json.loads(posted["blocks"])
        texts = [block["text"]["text"] for block in blocks if block["type"] == "section"]
        assert texts[0].startswith("*Weekly digest*, week") and "2 messages from 2 people" in texts[0]
        etiquette = next(text for text in texts if text.startswith("*Etiquette*"))
        assert "• 1 message scheduled with /later" in etiquette
        assert blocks[-1]["type"] == "context" and "working hours" in blocks[-1]["elements"][0]["text"]

        await post_signed(url, command_body("/digest", "on friday 16:30"), content_type=form)
        on = await eventually(lambda: len(fake.calls_to("chat.postEphemeral")) == 2 and fake.calls_to("chat.postEphemeral")[1])
        assert "every Friday 16:30 (Europe/Berlin)" in on["text"]
        await post_signed(url, command_body("/digest", "off"), content_type=form)
        await eventually(lambda: len(fake.calls_to("chat.postEphemeral")) == 3)
        assert fake.calls_to("chat.postEphemeral")[2]["text"] == "Weekly digest off."


async def test_the_live_digest_reads_thread_replies(store):
    from bot.model import Thread
    from skills.digest.handler import channel_digest

    platform = platform_with_week()
    root = platform.history["C1"][0]
    maria, ken = platform.users["U1"], platform.users["U2"]
    replies = [Message(f"r{i}", (ken, maria)[i % 2], text, root.sent_at + timedelta(minutes=i + 1), root.conversation)
               for i, text in enumerate(["I think May works, let's go with May.", "Agreed: the launch moves to May.",
                                         "Great, I'll update the roadmap by Friday."])]
    link = "https://acme.slack.com/archives/C1/p0"
    platform.history["C1"][0] = root = replace(root, link=link)
    platform.threads[root.id] = Thread(root.conversation, (root, *replies))
    message = await channel_digest(platform, store, CHANNEL, Week.parse("2026-W48"),
                                   MONDAY_9_BERLIN - timedelta(days=7), MONDAY_9_BERLIN)
    assert "7 messages from 2 people, 3 of them in threads" in message.text
    sections = {section.title: section.lines for section in message.sections}
    assert any("update the roadmap" in line for line in sections["Action items"])  # said in a reply
    [top] = sections["Top threads"]
    assert top.startswith(f"*Maria*: <{link}|") and top.endswith("(3 replies, 2 people)")  # links to the thread


@pytest.mark.parametrize("uploaded_before_crash", [True, False])
async def test_a_crash_mid_upload_neither_loses_nor_duplicates_the_slack_digest(store, slack_api, uploaded_before_crash):
    """The upload carries the delivery key in the file's name: a new worker finds it instead of posting again."""
    from slack_sdk.web.async_client import AsyncWebClient

    from adapters.slack.platform import SlackPlatform
    from bot.outbox import LEASE

    fake, api_url = slack_api
    slack = SlackPlatform(AsyncWebClient(token="xoxb-test", base_url=api_url))
    now = datetime.now(timezone.utc)  # the fake stamps messages with the real clock
    week = platform_with_week(start=now - timedelta(days=1))  # inside the week the digest covers, whatever today is
    await DigestSchedules(store).turn_on(CHANNEL, now.weekday(), "00:00", "UTC", now - timedelta(days=7))
    async def for_platform(name: str, workspace: str):
        return week

    assert await enqueue_due_digests(store, for_platform, now) == 1
    [item] = await Outbox(store).claim_due(now, "dying")  # claimed; then the process died…
    if uploaded_before_crash:  # …after Slack had the message
        from bot.outbox import delivery_action

        await slack.perform(delivery_action(item))
    async def to_slack(name: str, workspace: str):
        return slack

    later = now + LEASE + timedelta(seconds=1)
    await deliver_due_messages(Outbox(store), to_slack, later, "w2")
    await deliver_due_messages(Outbox(store), to_slack, later + timedelta(minutes=5), "w2")
    [shared] = fake.calls_to("files.completeUploadExternal")  # exactly once either way
    assert json.loads(shared["files"])[0]["id"] in fake.uploads
    assert (await Outbox(store).get("slack", "T1", item.id)).status == "delivered"


async def test_slack_weekly_digest_goes_out_once_at_local_time_and_a_restart_sends_only_what_was_not_sent(
        slack_api, make_settings):
    """Through the real app and Slack adapter, the clock moved by hand; each process runs the jobs' passes."""
    from adapters.app import create_app
    from bot.app import JOBS
    from tests.conftest import SIGNING_SECRET
    from tests.fakes.server import eventually, serving
    from tests.fakes.slack_api import command_body
    from tests.test_slack_e2e import post_signed

    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
    fake.users["U1"]["is_admin"] = True  # only admins switch a channel's digest
    fake.add_user("U2", "Ken", tz="Europe/Berlin")
    fake.channel_members["C1"] = ["U1", "U2"]
    week_start = (MONDAY_9_BERLIN - timedelta(days=6)).timestamp()
    fake.history["C1"] = [{"type": "message", "user": u, "text": t, "ts": f"{week_start + 3600 * i:.6f}"}
                          for i, (u, t) in enumerate([("U1", "Who owns the Q3 report?"), ("U2", "I do."),
                                                      ("U1", "Thanks, Ken.")])]
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, outbox_poll_seconds=3600, digest_poll_seconds=3600)
    now = [datetime(2026, 11, 27, 12, tzinfo=timezone.utc)]  # a Friday
    uploads = lambda: fake.calls_to("files.completeUploadExternal")  # noqa: E731

    def app():
        return create_app(settings, clock=lambda: now[0])

    async with serving(first := app()) as url:
        await post_signed(url, command_body("/digest", "on monday 09:00"),
                          content_type="application/x-www-form-urlencoded")
        [on] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
        assert "every Monday 09:00 (Europe/Berlin)" in on["text"]
        now[0] = MONDAY_9_BERLIN - timedelta(minutes=1)
        await first[JOBS].digests()
        await first[JOBS].deliver()
        assert uploads() == []  # 08:59 in Berlin: not yet
        now[0] = MONDAY_9_BERLIN + timedelta(seconds=30)
        await first[JOBS].digests()  # built and stored in the outbox; the process stops before delivering
    assert uploads() == []
    async with serving(second := app()):
        now[0] += timedelta(hours=2)
        await second[JOBS].digests()  # already enqueued for this week: not built again
        await second[JOBS].deliver()
        await second[JOBS].deliver()
    [digest] = uploads()
    assert digest["channel_id"] == "C1" and "week 2026-W48" in digest["blocks"]
    async with serving(third := app()):  # a later restart the same week: nothing more
        now[0] += timedelta(days=1)
        await third[JOBS].digests()
        await third[JOBS].deliver()
    assert len(uploads()) == 1


async def test_a_workspace_that_refuses_the_chart_still_gets_the_digest(slack_api):
    """Installed before `files:write` (or uploads turned off): the same blocks, posted without the chart."""
    from slack_sdk.web.async_client import AsyncWebClient

    from adapters.slack.platform import SlackPlatform
    from bot.actions import Bar, Chart, Post, Section

    fake, api_url = slack_api
    fake.refused["files.getUploadURLExternal"] = "missing_scope"
    slack = SlackPlatform(AsyncWebClient(token="xoxb-test", base_url=api_url))
    chart = Chart("Messages by hour", (Bar("09", 3, True),), b"\x89PNG", "activity.png")
    ts = await slack.perform(Post(CHANNEL, "*Weekly digest*", (Section("Decisions", ("Ship in May",)),),
                                  chart=chart, delivery_key="dkey"))
    [posted] = fake.calls_to("chat.postMessage")
    assert ts and fake.uploads == {} and fake.calls_to("files.completeUploadExternal") == []
    assert "Ship in May" in json.dumps(posted["blocks"]) and "dkey" in json.dumps(posted["metadata"])  # found after a crash


async def test_a_busy_slack_week_is_read_in_pages_and_the_busiest_threads_replies_are_read(store, slack_api):
    """More top-level posts than one history page, more threads than a digest reads the replies of."""
    from slack_sdk.web.async_client import AsyncWebClient

    from adapters.slack.platform import SlackPlatform
    from skills.digest.handler import MAX_THREADS, channel_digest

    fake, api_url = slack_api
    fake.add_user("U1", "Maria")
    fake.add_user("U2", "Ken")
    start = (MONDAY_9_BERLIN - timedelta(days=6)).timestamp()
    posts = []
    for i in range(260):
        ts = f"{start + 60 * i:.6f}"
        post = {"type": "message", "user": ("U1", "U2")[i % 2], "text": f"update {i}", "ts": ts}
        if i % 4 == 0:  # 65 threads; the later, the busier
            post.update(thread_ts=ts, reply_count=i // 4)
            fake.threads[("C1", ts)] = [dict(post)] + [
                {"type": "message", "user": "U2", "text": f"reply {k}", "ts": f"{start + 60 * i + (k + 1) / 100:.6f}",
                 "thread_ts": ts} for k in range(i // 4)]
        posts.append(post)
    fake.history["C1"] = posts
    slack = SlackPlatform(AsyncWebClient(token="xoxb-test", base_url=api_url))
    message = await channel_digest(slack, store, CHANNEL, Week.parse("2026-W48"),
                                   MONDAY_9_BERLIN - timedelta(days=7), MONDAY_9_BERLIN)
    pages = fake.calls_to("conversations.history")
    assert len(pages) == 2 and pages[1]["cursor"] == "200"  # 260 posts: two pages of up to 200
    read = {call["ts"] for call in fake.calls_to("conversations.replies")}
    busiest = {f"{start + 60 * i:.6f}" for i in range(0, 260, 4)[-MAX_THREADS:]}
    assert read == busiest  # the 50 busiest threads, not the week's first 50
    replies = sum(i // 4 for i in range(0, 260, 4)[-MAX_THREADS:])
    assert f"{260 + replies} messages from 2 people, {replies} of them in threads" in message.text


async def test_a_channel_whose_digest_fails_does_not_hold_up_the_others(store):
    class Refusing(MemoryPlatform):
        async def channel_history(self, conversation, since, limit=100):
            if conversation.channel_id == "C0":
                raise RuntimeError("not_in_channel")
            return await super().channel_history(conversation, since, limit)

    platform = Refusing(users=platform_with_week().users, members={"C1": ["U1", "U2"]},
                        history=platform_with_week().history)
    schedules = DigestSchedules(store)
    for channel in ("C0", "C1"):  # C0 sorts first
        await schedules.turn_on(Conversation("slack", "T1", channel), 0, "09:00", "UTC", MONDAY_9_BERLIN - timedelta(days=1))
    async def for_platform(name: str, workspace: str):
        return platform

    assert await enqueue_due_digests(store, for_platform, MONDAY_9_BERLIN + timedelta(hours=2)) == 1
    [still_due] = await schedules.due(MONDAY_9_BERLIN + timedelta(hours=2))
    assert still_due.conversation.channel_id == "C0"  # tried again next pass
