"""`settings` through the router: channel quiet mode and zone for admins, a person's own nudges."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.config import Settings
from bot.context import Context
from bot.digests import DigestSchedules
from bot.model import CommandInvoked, Conversation, User
from bot.router import default_router
from tests.fakes.memory_platform import MemoryPlatform

CHANNEL = Conversation("slack", "T1", "C1")


async def say(store, platform, text: str, user: str = "U1", where: Conversation = CHANNEL, now=None):
    event = CommandInvoked(command="settings", text=text, user=User(user), conversation=where)
    context = Context(platform=platform, store=store, settings=Settings(_env_file=None))
    if now is not None:
        context.now = lambda: now
    [answer] = await default_router().dispatch(event, context)
    return answer.text


async def test_only_admins_change_a_slack_channel_and_values_land_in_the_store(store):
    platform = MemoryPlatform(users={"U1": User("U1", "Maria", is_admin=True), "U2": User("U2", "Ken")})
    assert "Only workspace admins" in await say(store, platform, "quiet on", user="U2")
    assert await store.get_setting("slack", "T1", "channel:C1", "quiet") is None
    assert "Quiet mode is on" in await say(store, platform, "quiet on")
    assert await store.get_setting("slack", "T1", "channel:C1", "quiet") is True
    assert "now Asia/Tokyo" in await say(store, platform, "tz Tokyo Standard Time")  # Windows names too
    assert "don't know the time zone" in await say(store, platform, "tz Mars/Olympus")
    overview = await say(store, platform, "")
    assert "nudges off (quiet mode)" in overview and "Asia/Tokyo" in overview


async def test_a_new_channel_zone_moves_its_weekly_digest_to_the_same_local_time(store):
    platform = MemoryPlatform(users={"U1": User("U1", "Maria", is_admin=True)})
    schedules = DigestSchedules(store)
    wednesday = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
    await schedules.turn_on(CHANNEL, 4, "16:30", "Europe/Berlin", wednesday)
    answer = await say(store, platform, "tz America/New_York", now=wednesday)
    assert "The weekly digest follows: every Friday 16:30 (America/New_York)" in answer
    moved = await schedules.of(CHANNEL)
    assert (moved.weekday, moved.at_time, moved.tz) == (4, "16:30", "America/New_York")
    assert moved.next_due_at == datetime(2026, 11, 27, 21, 30, tzinfo=timezone.utc)  # 16:30 EST, this Friday
    assert "follows" not in await say(store, platform, "tz America/New_York", now=wednesday)  # nothing to move


async def test_moving_a_digest_across_zones_neither_skips_nor_repeats_nor_sticks(store):
    """Monday 09:00: moved east after New York's time but before it passed, and west after Berlin's was sent."""
    from skills.digest.handler import enqueue_due_digests

    platform = MemoryPlatform(users={"U1": User("U1", "Maria", is_admin=True)})
    schedules = DigestSchedules(store)

    async def platform_for(name, workspace):
        return platform

    monday = datetime(2026, 11, 30, tzinfo=timezone.utc)
    # New York's 09:00 is 14:00 UTC; at 10:00 UTC the channel moves to Berlin, whose 09:00 (08:00 UTC) has passed:
    await schedules.turn_on(CHANNEL, 0, "09:00", "America/New_York", monday - timedelta(days=1))
    await say(store, platform, "tz Europe/Berlin", now=monday + timedelta(hours=10))
    assert (await schedules.of(CHANNEL)).next_due_at == monday + timedelta(hours=8)  # due at once: late, not skipped
    assert await enqueue_due_digests(store, platform_for, monday + timedelta(hours=10, minutes=1)) == 1
    # Back to New York at 11:00 UTC: its 09:00 (14:00 UTC) is still to come, but this week's digest is out.
    await say(store, platform, "tz America/New_York", now=monday + timedelta(hours=11))
    assert (await schedules.of(CHANNEL)).next_due_at == monday + timedelta(days=7, hours=14)  # next week's


async def test_a_week_already_sent_is_not_rebuilt_every_minute(store):
    """`/digest on` again (another day, same week): that week's digest is out, so the schedule moves on."""
    from skills.digest.handler import enqueue_due_digests

    platform = MemoryPlatform()
    schedules = DigestSchedules(store)

    async def platform_for(name, workspace):
        return platform

    monday = datetime(2026, 11, 30, tzinfo=timezone.utc)
    await schedules.turn_on(CHANNEL, 0, "09:00", "UTC", monday - timedelta(days=1))
    assert await enqueue_due_digests(store, platform_for, monday + timedelta(hours=9)) == 1  # last week's (W48)
    await schedules.turn_on(CHANNEL, 0, "10:00", "UTC", monday + timedelta(hours=9, minutes=30))  # Monday 10:00
    assert await enqueue_due_digests(store, platform_for, monday + timedelta(hours=10, minutes=1)) == 0  # W48 again
    assert (await schedules.of(CHANNEL)).next_due_at == monday + timedelta(days=7, hours=10)  # moved on


async def test_anyone_turns_their_own_nudges_off_and_on(store):
    platform = MemoryPlatform(users={"U2": User("U2", "Ken")})
    assert "Your nudges are off" in await say(store, platform, "nudges off", user="U2")
    assert await store.get_setting("slack", "T1", "user:U2", "no_nudge:long_message") is True
    assert "no reminders about" in await say(store, platform, "", user="U2")
    await say(store, platform, "nudges on", user="U2")
    assert await store.get_setting("slack", "T1", "user:U2", "no_nudge:long_message") is False
    assert "didn't understand" in await say(store, platform, "frobnicate", user="U2")


async def test_slack_app_home_shows_and_changes_settings_for_admins_only(slack_api, make_settings):
    import json
    from urllib.parse import urlencode

    from adapters.app import create_app
    from tests.conftest import SIGNING_SECRET
    from tests.fakes.server import eventually, serving
    from tests.fakes.slack_api import event_body
    from tests.test_slack_e2e import post_signed

    fake, api_url = slack_api
    fake.add_user("U1", "Maria")
    fake.users["U1"]["is_admin"] = True
    fake.add_user("U2", "Ken")
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test", slack_api_base_url=api_url)

    def home_of(call: dict) -> list[dict]:
        view = call["view"] if isinstance(call["view"], dict) else json.loads(call["view"])
        assert view["type"] == "home"
        return view["blocks"]

    async def click(url, user, action_id, **action):
        payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": user},
                   "container": {"type": "view", "view_id": "VHOME"}, "trigger_id": "1",
                   "actions": [{"action_id": action_id, **action}]}
        await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type="application/x-www-form-urlencoded")

    async with serving(create_app(settings)) as url:
        for n, user in enumerate(("U1", "U2")):
            await post_signed(url, event_body({"type": "app_home_opened", "user": user, "tab": "home",
                                               "channel": "D1", "event_ts": "1.0"}, event_id=f"EvHome{n}"))
        await eventually(lambda: len(fake.calls_to("views.publish")) == 2)
        admin_home, ken_home = sorted(fake.calls_to("views.publish"), key=lambda c: c["user_id"])
        pickers = [b["accessory"]["action_id"] for b in home_of(admin_home) if "accessory" in b]
        assert pickers == ["settings_quiet", "settings_digest_on"]
        assert not any("accessory" in b for b in home_of(ken_home))

        await click(url, "U2", "settings_quiet", selected_conversation="C9", type="conversations_select")
        await click(url, "U1", "settings_quiet", selected_conversation="C7", type="conversations_select")
        await click(url, "U2", "settings_nudges", value="off", type="button")
        await eventually(lambda: len(fake.calls_to("views.publish")) == 5)

        # Weekly digests from the home tab: admins only; on is Monday 09:00 in the channel's zone.
        fake.add_user("U3", "Ana", tz="Asia/Tokyo")
        fake.channel_members["C7"] = ["U3"]
        await click(url, "U2", "settings_digest_on", selected_conversation="C8", type="conversations_select")
        await click(url, "U1", "settings_digest_on", selected_conversation="C7", type="conversations_select")
        await eventually(lambda: len(fake.calls_to("views.publish")) == 7)
        def latest_admin_home() -> list[dict]:
            return home_of([c for c in fake.calls_to("views.publish") if c["user_id"] == "U1"][-1])

        listed = "\n".join(b["text"]["text"] for b in latest_admin_home() if b["type"] == "section")
        assert "<#C7> every Monday 09:00 (Asia/Tokyo)" in listed and "C8" not in listed
        stop = [e for b in latest_admin_home() if b["type"] == "actions"
                for e in b["elements"] if e["action_id"] == "settings_digest_off"]
        assert [e["value"] for e in stop] == ["C7"]
        await click(url, "U1", "settings_digest_off", value="C7", type="button")
        await eventually(lambda: len(fake.calls_to("views.publish")) == 8)
        listed = "\n".join(b["text"]["text"] for b in latest_admin_home() if b["type"] == "section")
        assert "<#C7>" not in listed.split("*Weekly digests*")[1]

        fake.refused["conversations.history"] = "not_in_channel"  # a channel the bot was never added to
        await click(url, "U1", "settings_digest_on", selected_conversation="C5", type="conversations_select")
        await eventually(lambda: len(fake.calls_to("views.publish")) == 9)
        texts = [b["text"]["text"] for b in latest_admin_home() if b["type"] == "section"]
        assert texts[0].startswith("⚠️ I can't read <#C5>: add me to it")
        assert "<#C5>" not in "\n".join(texts).split("*Weekly digests*")[1]
    from bot.store import Store

    store = Store.connect(settings.async_database_url)
    assert await store.get_setting("slack", "T0001", "channel:C7", "quiet") is True
    assert await store.get_setting("slack", "T0001", "channel:C9", "quiet") is None  # Ken is no admin
    assert await store.get_setting("slack", "T0001", "user:U2", "no_nudge:hello_only") is True
    await store.close()
