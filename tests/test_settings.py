"""`settings` through the router: channel quiet mode and zone for admins, a person's own nudges."""

from __future__ import annotations

from bot.config import Settings
from bot.model import CommandInvoked, Conversation, User
from bot.router import Context, default_router
from tests.fakes.memory_platform import MemoryPlatform

CHANNEL = Conversation("slack", "T1", "C1")


async def say(store, platform, text: str, user: str = "U1", where: Conversation = CHANNEL):
    event = CommandInvoked(command="settings", text=text, user=User(user), conversation=where)
    [answer] = await default_router().dispatch(event, Context(platform=platform, store=store,
                                                              settings=Settings(_env_file=None)))
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


async def test_anyone_turns_their_own_nudges_off_and_on(store):
    platform = MemoryPlatform(users={"U2": User("U2", "Ken")})
    assert "Your nudges are off" in await say(store, platform, "nudges off", user="U2")
    assert await store.get_setting("slack", "T1", "user:U2", "no_nudge:long_message") is True
    assert "no reminders about" in await say(store, platform, "", user="U2")
    await say(store, platform, "nudges on", user="U2")
    assert await store.get_setting("slack", "T1", "user:U2", "no_nudge:long_message") is False
    assert "didn't understand" in await say(store, platform, "frobnicate", user="U2")
