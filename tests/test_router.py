"""The router: first match for commands, every match for messages, and one failing skill isolated."""

from __future__ import annotations

from datetime import datetime, timezone

from bot.actions import NotifyPrivately, Reply
from bot.config import Settings
from bot.context import Context
from bot.model import CommandInvoked, Conversation, Message, MessagePosted, User
from bot.router import Router
from tests.fakes.memory_platform import MemoryPlatform

WHERE = Conversation("slack", "T1", "C1")
MESSAGE = Message("1", User("U1"), "hello", datetime(2026, 11, 24, tzinfo=timezone.utc), WHERE)


def context(platform: MemoryPlatform) -> Context:
    return Context(platform=platform, store=None, settings=Settings(_env_file=None))


async def test_a_failing_skill_does_not_stop_the_others_on_a_message():
    async def broken(event, ctx):
        raise RuntimeError("boom")

    async def works(event, ctx):
        return [Reply(WHERE, "still here")]

    router = Router()
    router.on(MessagePosted, broken)
    router.on(MessagePosted, works)
    platform = MemoryPlatform()
    await router.dispatch(MessagePosted(MESSAGE), context(platform))
    assert [a.text for a in platform.performed] == ["still here"]


async def test_commands_go_to_the_first_matching_skill_and_unknown_ones_get_an_answer():
    async def first(event, ctx):
        return [Reply(WHERE, "first")]

    async def second(event, ctx):
        return [Reply(WHERE, "second")]

    router = Router()
    router.on(CommandInvoked, first, when=lambda e: e.command == "later")
    router.on(CommandInvoked, second, when=lambda e: e.command == "later")
    platform = MemoryPlatform()
    await router.dispatch(CommandInvoked("later", "x", User("U1"), WHERE), context(platform))
    await router.dispatch(CommandInvoked("nope", "x", User("U1"), WHERE), context(platform))
    assert platform.performed[0].text == "first"
    assert isinstance(platform.performed[1], NotifyPrivately) and "`nope` is not available yet" in platform.performed[1].text
    assert len(platform.performed) == 2
