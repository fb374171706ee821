"""Pacing: a burst to one channel is spaced to the platform's rate, others are not held up, nothing is dropped."""

from __future__ import annotations

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
