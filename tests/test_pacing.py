"""Pacing: a burst to one channel is spaced to the platform's rate, others are not held up, nothing is dropped."""

from __future__ import annotations

import asyncio

import pytest

from bot.pacing import Pacer


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))


async def test_a_burst_to_one_slack_channel_goes_out_one_a_second_and_other_channels_do_not_wait():
    time = FakeTime()
    pacer = Pacer(time.clock, time.sleep)
    for _ in range(4):
        await pacer.wait(("slack:T1:C1", 1.0))
    await pacer.wait(("slack:T1:C2", 1.0))
    assert time.slept == [1.0, 2.0, 3.0]  # the first went at once; C2 did not queue behind C1


async def test_teams_conversation_and_tenant_limits_both_hold():
    time = FakeTime()
    pacer = Pacer(time.clock, time.sleep)
    delays = [pacer.reserve((f"teams:conv:{n % 10}", 7.0), ("teams:tenant:A", 30.0)) for n in range(60)]
    assert max(delays) <= 2.0 and sorted(delays) == delays  # 60 sends over ten chats: about 30 a second
    assert round(delays[-1] - delays[-31], 3) >= 1.0  # never more than 30 in a second for the tenant
    one_chat = [d for n, d in enumerate(delays) if n % 10 == 0]
    assert all(round(b - a, 3) >= round(1 / 7, 3) for a, b in zip(one_chat, one_chat[1:]))
    time.now = 100.0
    assert pacer.reserve(("teams:conv:0", 7.0), ("teams:tenant:A", 30.0)) == 0  # idle again: no wait


async def test_teams_sends_throttled_or_failed_at_the_gateway_are_tried_again_and_arrive_once(teams_bot, make_settings,
                                                                                           monkeypatch):
    from adapters.teams import platform as teams_platform
    from adapters.teams.bot import build_adapter
    from adapters.teams.platform import TeamsPlatform
    from bot.actions import Post
    from bot.app import STORE
    from bot.model import Conversation
    from tests.fakes.bot_connector import TEAM_ID, TENANT_ID, bot_installed_in_team, post_activity

    fake, service_url, bot_url, app = teams_bot
    await post_activity(bot_url, bot_installed_in_team(service_url))
    fake.sent.clear()
    reference = await app[STORE].conversation_ref("teams", TENANT_ID, TEAM_ID)
    platform = TeamsPlatform(build_adapter(make_settings()), "", app[STORE])
    monkeypatch.setattr(teams_platform, "RETRY_PAUSE", 0.01)
    fake.busy = [429, 412, 502]
    await platform.perform(Post(conversation=Conversation("teams", TENANT_ID, TEAM_ID, None, ref=reference),
                                text="Weekly digest"))
    assert fake.refused == [429, 412, 502]
    assert [s.text for s in fake.sent] == ["Weekly digest"]
    fake.busy = [504] * 4  # still failing after three retries: the caller (the outbox) sees it and backs off
    with pytest.raises(Exception) as raised:
        await platform.perform(Post(conversation=Conversation("teams", TENANT_ID, TEAM_ID, None, ref=reference),
                                    text="Again"))
    assert raised.value.response.status_code == 504
    assert [s.text for s in fake.sent] == ["Weekly digest"]


async def test_a_burst_of_due_slack_posts_to_one_channel_is_paced_and_all_delivered(slack_api, store,
                                                                                      pacing_recorded_not_waited):
    from datetime import datetime, timezone

    from slack_sdk.web.async_client import AsyncWebClient

    from adapters.slack.platform import SlackPlatform
    from bot.actions import Schedule
    from bot.model import Conversation, User
    from bot.outbox import Outbox, deliver_due_messages

    fake, api_url = slack_api
    outbox, now = Outbox(store), datetime.now(timezone.utc)
    channel = Conversation("slack", "T0001", "C1")
    for n in range(5):
        await outbox.add(Schedule(conversation=channel, text=f"message {n}", deliver_at=now, author=User("U1")),
                         "#general", now)
    platform = SlackPlatform(AsyncWebClient(token="xoxb-test", base_url=api_url))

    async def platform_for(name, workspace):
        return platform

    assert await deliver_due_messages(outbox, platform_for, now, "w1") == 5
    assert sorted(c["text"].split("\n")[0] for c in fake.calls_to("chat.postMessage")) == [
        f"message {n}" for n in range(5)]
    waits = pacing_recorded_not_waited
    assert len(waits) == 4 and all(round(b - a, 1) == 1.0 for a, b in zip([0.0, *waits], waits))  # 1, 2, 3, 4 s


async def replicas_on(store, count: int, slept: list[float]) -> list[Pacer]:
    """`count` processes' pacers on one database, at one wall-clock moment, recording what they sleep."""

    async def sleep(seconds: float) -> None:
        slept.append(round(seconds, 3))

    # Both clocks stand still (the fake sleep does not move them), so what is slept is exact, however loaded the machine.
    replicas = [Pacer(sleep=sleep, clock=lambda: 500.0, wall=lambda: 1_000_000.0) for _ in range(count)]
    for pacer in replicas:
        pacer.share(store.engine)
    return replicas


async def test_two_replicas_on_one_postgresql_pace_a_channel_together(postgres_url):
    from bot.store import Store

    store = Store.connect(postgres_url)
    await store.migrate()
    try:
        slept: list[float] = []
        first, second = await replicas_on(store, 2, slept)
        for n in range(4):  # the replicas take turns sending to one channel
            await (first, second)[n % 2].wait(("slack:T1:C1", 1.0))
        await second.wait(("slack:T1:C2", 1.0))
        assert slept == [1.0, 2.0, 3.0]  # one a second across both, as from one process; C2 waits for nobody

        slept.clear()  # ten sends at once from both replicas, to one Teams chat and tenant: no slot taken twice
        await asyncio.gather(*((first, second)[n % 2].wait(("teams:conversation:a:1", 7.0), ("teams:tenant:A", 30.0))
                               for n in range(10)))
        assert sorted(slept) == [round(n / 7, 3) for n in range(1, 10)]
    finally:
        await store.close()


async def test_idle_shared_slots_are_forgotten_and_an_unreachable_database_falls_back_to_pacing_in_memory(
        postgres_url, caplog):
    from sqlalchemy.ext.asyncio import create_async_engine

    from bot.store import Store

    store = Store.connect(postgres_url)
    await store.migrate()
    slept: list[float] = []
    [pacer] = await replicas_on(store, 1, slept)
    await pacer.wait(("slack:T1:C1", 1.0))
    pacer.wall = lambda: 1_000_000.0 + 2 * 3600
    assert await pacer.forget_idle() == 1
    await store.close()
    nowhere = create_async_engine("postgresql+asyncpg://etiquette@127.0.0.1:9/none")  # nothing listens there
    pacer.share(nowhere)
    await pacer.wait(("slack:T1:C9", 1.0))
    await pacer.wait(("slack:T1:C9", 1.0))  # still paced, in this process
    assert slept == [1.0]
    assert any("shared pacing unavailable" in r.getMessage() for r in caplog.records)
    await nowhere.dispose()
