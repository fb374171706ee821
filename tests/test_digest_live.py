"""The weekly digest in the live bot: `/digest on|off|now`, enqueued once when due, late after downtime."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.digests import DigestSchedules, next_occurrence
from bot.model import Conversation, Message, User
from bot.outbox import Outbox, deliver_due_messages
from skills.digest.export import Week
from skills.digest.handler import enqueue_due_digests, parse_when
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


def platform_with_week() -> MemoryPlatform:
    people = {u: User(u, name, tz="Europe/Berlin") for u, name in (("U1", "Maria"), ("U2", "Ken"))}
    start = MONDAY_9_BERLIN - timedelta(days=6)
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
    assert post.conversation.channel_id == "C1"
    assert post.text.startswith("*#C1 — week 2026-W48*") and "4 messages from 2 people" in post.text
    assert "\n#" not in post.text  # no markdown headings left: chat apps would show the hashes
    assert "Ken: Who tells the customers?" in post.text  # an open question of that week
    assert "written" not in post.text  # the bot's own post has no "from …, written …" footer
    assert "0 messages scheduled with /later" in post.text and "not counted yet" not in post.text


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

    from bot.app import create_app
    from tests.conftest import SIGNING_SECRET
    from tests.fakes.server import eventually, serving
    from tests.fakes.slack_api import command_body
    from tests.test_slack_e2e import post_signed

    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
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
        [posted] = await eventually(lambda: fake.calls_to("chat.postMessage"))
        assert posted["channel"] == "C1" and posted["text"].startswith("*#C1 — week")
        assert "2 messages from 2 people" in posted["text"]
        assert "1 message scheduled with /later" in posted["text"]

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
    platform.threads[root.id] = Thread(root.conversation, (root, *replies))
    text = await channel_digest(platform, store, CHANNEL, Week.parse("2026-W48"),
                                MONDAY_9_BERLIN - timedelta(days=7), MONDAY_9_BERLIN)
    assert "7 messages from 2 people, 3 of them in threads" in text
    assert "update the roadmap" in text  # an action item said in a reply
