"""A hello-only message is looked at again after its follow-up window, once however often its event runs."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from bot.actions import Post
from bot.config import Settings
from bot.context import Context, utcnow
from bot.deliveries import Deliveries, ExactlyOnce, item_run
from bot.model import Conversation, Message, MessagePosted, User
from skills.threads import handler as threads
from tests.fakes.memory_platform import MemoryPlatform


async def test_a_hello_whose_event_runs_again_is_nudged_once(store):
    """The inbox reruns an event when one of its posts failed (bot/deliveries.py), and a nudge's claim for the
    same message no longer holds the rerun back: the first run's wait must not be followed by a second one."""
    channel = Conversation("slack", "T1", "C1")
    sent_at = datetime.now(timezone.utc)
    hello = Message(id=f"{sent_at.timestamp():.6f}", author=User("U1", "Maria"), text="hi", conversation=channel,
                    sent_at=sent_at)
    platform = MemoryPlatform(history={"C1": [hello]})
    context = Context(platform=platform, store=store, settings=Settings(_env_file=None, hello_follow_up_seconds=0.25))
    for _ in range(2):  # the event's first run, then its rerun while the first one still waits
        assert await threads.handle_message(MessagePosted(hello), context) == []
    await settled()
    assert await threads.handle_message(MessagePosted(hello), context) == []  # a third run, after the wait
    await settled()
    assert ["nohello" in action.text for action in platform.performed] == [True]


async def settled() -> None:
    for _ in range(100):
        if not threads._waiting:
            return
        await asyncio.sleep(0.02)


async def test_the_delayed_nudge_is_numbered_apart_from_its_items_run(store):
    """The wait nudges after its inbox item's run is over. Under the item's own numbering it would take the
    run's next key, and a rerun of the item would then skip its own first action as done."""
    channel = Conversation("slack", "T1", "C1")
    sent_at = datetime.now(timezone.utc)
    hello = Message(id=f"{sent_at.timestamp():.6f}", author=User("U1", "Maria"), text="hello", conversation=channel,
                    sent_at=sent_at)
    platform = MemoryPlatform(history={"C1": [hello]})
    deliveries = Deliveries(store.engine)

    def run(attempts: int) -> ExactlyOnce:  # what the router wraps the port in during the item's run
        return ExactlyOnce(platform, item_run(deliveries, "slack", "EvHello", attempts, sent_at, utcnow))

    settings = Settings(_env_file=None, hello_follow_up_seconds=0.25)
    context = Context(platform=run(1), store=store, settings=settings)
    assert await threads.handle_message(MessagePosted(hello), context) == []
    await settled()
    assert ["nohello" in action.text for action in platform.performed] == [True]

    rerun = run(2)
    await rerun.perform(Post(channel, "the rerun's own first post"))
    assert [action.text for action in platform.performed][1:] == ["the rerun's own first post"]
    assert await deliveries.of_item(rerun.run.item_id) == {f"{rerun.run.item_id}.1": ("done", "m2")}
