"""The outbox delivers each scheduled message exactly once: across workers, failures and crashes."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from bot.actions import Schedule
from bot.model import Conversation, User
from bot.outbox import LEASE, MAX_ATTEMPTS, Outbox, deliver_due_messages
from tests.fakes.memory_platform import MemoryPlatform

NOW = datetime(2026, 11, 24, 22, 0, tzinfo=timezone.utc)
WHERE = Conversation("slack", "T1", "C1")
MARIA = User("U1", "Maria")


def schedule(at: datetime, text: str = "Can you review the deck?", where: Conversation = WHERE) -> Schedule:
    return Schedule(conversation=where, author=MARIA, text=text, deliver_at=at)


def platform_for(platform: MemoryPlatform):
    async def find(name: str, workspace: str) -> MemoryPlatform | None:
        return platform if name == "slack" else None

    return find


async def test_nothing_is_sent_before_it_is_due_and_everything_once_after(store):
    outbox, platform = Outbox(store), MemoryPlatform()
    item = await outbox.add(schedule(NOW + timedelta(hours=9)), "Ken", NOW)

    assert await deliver_due_messages(outbox, platform_for(platform), NOW, "w1") == 0
    assert platform.performed == []
    later = NOW + timedelta(hours=9, seconds=1)
    assert await deliver_due_messages(outbox, platform_for(platform), later, "w1") == 1
    assert await deliver_due_messages(outbox, platform_for(platform), later + timedelta(minutes=5), "w1") == 0

    assert len(platform.performed) == 1
    sent = platform.performed[0]
    assert sent.text.startswith("Can you review the deck?") and "Maria" in sent.text
    assert sent.delivery_key == item.id
    stored = await outbox.get("slack", "T1", item.id)
    assert stored.status == "delivered" and stored.platform_message_id == "m1"
    assert stored.text == ""  # not kept once delivered


async def test_two_workers_racing_deliver_each_message_once(store):
    outbox, platform = Outbox(store), MemoryPlatform()
    for i in range(20):
        await outbox.add(schedule(NOW - timedelta(minutes=i), text=f"msg {i}"), "Ken", NOW)
    results = await asyncio.gather(
        *(deliver_due_messages(outbox, platform_for(platform), NOW, f"w{n}") for n in range(4))
    )
    assert sum(results) == 20
    texts = [a.text.split("\n")[0] for a in platform.performed]
    assert sorted(texts) == sorted(f"msg {i}" for i in range(20))


async def test_a_failed_send_is_retried_with_backoff_not_dropped(store):
    outbox, platform = Outbox(store), MemoryPlatform(fail_next=1)
    item = await outbox.add(schedule(NOW), "Ken", NOW)
    assert await deliver_due_messages(outbox, platform_for(platform), NOW, "w1") == 0
    retried = await outbox.get("slack", "T1", item.id)
    assert retried.status == "pending" and retried.deliver_at > NOW
    assert await deliver_due_messages(outbox, platform_for(platform), retried.deliver_at, "w1") == 1
    assert len(platform.performed) == 1


async def test_gives_up_after_max_attempts(store):
    outbox, platform = Outbox(store), MemoryPlatform(fail_next=MAX_ATTEMPTS)
    item = await outbox.add(schedule(NOW), "Ken", NOW)
    moment = NOW
    for _ in range(MAX_ATTEMPTS):
        await deliver_due_messages(outbox, platform_for(platform), moment, "w1")
        moment = (await outbox.get("slack", "T1", item.id)).deliver_at + timedelta(hours=2)
    assert (await outbox.get("slack", "T1", item.id)).status == "failed"
    assert platform.performed == []


@pytest.mark.parametrize("sent_before_crash", [True, False])
async def test_a_crash_mid_send_neither_loses_nor_duplicates(store, sent_before_crash):
    outbox = Outbox(store)
    item = await outbox.add(schedule(NOW), "Ken", NOW)
    dying = MemoryPlatform(crash_after_send=sent_before_crash, fail_next=0)
    if sent_before_crash:
        with pytest.raises(SystemExit):
            await deliver_due_messages(outbox, platform_for(dying), NOW, "dying")
    else:
        await outbox.claim_due(NOW, "dying")  # claimed, then the process died before sending
    assert (await outbox.get("slack", "T1", item.id)).status == "sending"

    # The platform remembers what was really posted; a new worker after the lease decides.
    survivor = MemoryPlatform(performed=list(dying.performed))
    assert await deliver_due_messages(outbox, platform_for(survivor), NOW + LEASE / 2, "w2") == 0
    await deliver_due_messages(outbox, platform_for(survivor), NOW + LEASE + timedelta(seconds=1), "w2")
    assert len(survivor.performed) == 1
    assert (await outbox.get("slack", "T1", item.id)).status == "delivered"


async def test_cancel_and_reschedule_only_by_the_author_in_the_same_workspace(store):
    outbox, platform = Outbox(store), MemoryPlatform()
    item = await outbox.add(schedule(NOW + timedelta(hours=1)), "Ken", NOW)
    assert await outbox.get("slack", "T2", item.id) is None
    assert await outbox.cancel("slack", "T2", item.id, "U1") is False
    assert await outbox.cancel("slack", "T1", item.id, "U2") is False
    assert [i.id for i in await outbox.pending_by("slack", "T1", "U1")] == [item.id]
    assert await outbox.pending_by("slack", "T2", "U1") == []

    assert await outbox.reschedule("slack", "T1", item.id, "U1", NOW) is True
    assert await outbox.cancel("slack", "T1", item.id, "U1") is True
    assert await outbox.cancel("slack", "T1", item.id, "U1") is False
    assert await deliver_due_messages(outbox, platform_for(platform), NOW + timedelta(days=1), "w1") == 0
    assert platform.performed == []


async def test_a_channel_post_does_not_claim_a_good_time_for_everyone_a_direct_message_does(store):
    outbox, platform = Outbox(store), MemoryPlatform()
    ken = Conversation("slack", "T1", "U2", is_direct=True)
    await outbox.add(schedule(NOW, "Numbers are in"), "#team", NOW)
    await outbox.add(schedule(NOW, "Can you review the deck?", ken), "Ken", NOW)
    assert await deliver_due_messages(outbox, platform_for(platform), NOW, "w1") == 2
    texts = {action.conversation.channel_id: action.text for action in platform.performed}
    assert texts["C1"].startswith("Numbers are in") and "from Maria, written" in texts["C1"]
    assert "good time" not in texts["C1"]
    assert texts["U2"].endswith("sent at a good time for you_")


async def test_a_send_slack_refuses_for_good_is_given_up_at_once(store, slack_api):
    from adapters.slack.app import web_client
    from adapters.slack.platform import SlackPlatform

    fake, api_url = slack_api
    fake.refused["chat.postMessage"] = "channel_not_found"  # the channel is gone: no retry can change that
    outbox, slack = Outbox(store), SlackPlatform(web_client("xoxb-test", api_url))

    async def slack_for(name: str, workspace: str) -> SlackPlatform:
        return slack

    item = await outbox.add(schedule(NOW), "Ken", NOW)
    assert await deliver_due_messages(outbox, slack_for, NOW, "w1") == 0
    failed = await outbox.get("slack", "T1", item.id)
    assert failed.status == "failed" and failed.attempts == 1
    assert await deliver_due_messages(outbox, slack_for, NOW + timedelta(hours=2), "w1") == 0
    assert len(fake.calls_to("chat.postMessage")) == 1
