"""Teams through a real Teams-like client: the Microsoft 365 Agents Playground talking to the real app."""

from __future__ import annotations

import asyncio
import re
import shutil
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from yarl import URL

from adapters.app import create_app
from bot.actions import Action, Button, Reply
from bot.commands import usage_lines
from bot.context import Context
from bot.model import ActionClicked, Event, Mentioned
from bot.router import Router
from tests.fakes.browser import (
    card_lines,
    chromium,
    chromium_or_skip,
    open_chat,
    page_text,
    post,
    press,
    reply,
    send,
    source_links,
    switch_chat,
    visible_buttons,
    wait_for,
)
from tests.fakes.playground import Playground, install, readable
from tests.fakes.server import eventually, free_port, serving

pytestmark = [
    pytest.mark.playground,
    pytest.mark.skipif(shutil.which("npx") is None, reason="the Agents Playground needs node (npx)"),
]

HELP_HEADLINE = "Here is what I can do"


@pytest.fixture(scope="module")
def playground(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Playground]:
    """One Playground for the module, pointed at a port the bot takes in each test."""
    workdir = tmp_path_factory.mktemp("playground")
    bot_port = free_port()
    running = Playground(install(), workdir, f"http://127.0.0.1:{bot_port}/api/messages", free_port())
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
async def config(playground: Playground, make_settings) -> AsyncIterator[dict[str, Any]]:
    """The real app on the Playground's endpoint for one test; yields the Playground's config."""
    async with serving(create_app(make_settings()), port=URL(playground.bot_endpoint).port):
        yield await playground.config()


@pytest.fixture
def skipped() -> list[timedelta]:
    """How far the test has moved the bot's clock ahead (see `config_at_work`)."""
    return [timedelta()]


@pytest.fixture
async def config_at_work(playground: Playground, make_settings, skipped) -> AsyncIterator[dict[str, Any]]:
    """As `config`, with the bot's clock in working hours (a Tuesday, 10:00 UTC, then running on, plus what
    the test adds to `skipped`), so what `later` answers does not depend on when the tests run."""
    started, at_work = time.monotonic(), datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)

    def clock() -> datetime:
        return at_work + timedelta(seconds=time.monotonic() - started) + skipped[0]

    settings = make_settings(outbox_poll_seconds=0.2)
    async with serving(create_app(settings, clock=clock), port=URL(playground.bot_endpoint).port):
        yield await playground.config()


def bot_of(config: dict[str, Any]) -> dict[str, str]:
    return {"id": config["bot"]["id"], "name": config["bot"]["name"]}


async def test_personal_help_is_answered_in_the_personal_chat(playground: Playground, config):
    chat = config["personalChat"]["id"]
    before = len(playground.replies())
    await playground.send(chat, "help")
    replies = await eventually(lambda: playground.replies()[before:], timeout=30)
    assert [r["actionConversationId"] for r in replies] == [chat]
    message = replies[0]["message"]
    assert message["from"]["id"] == config["bot"]["id"]
    assert HELP_HEADLINE in readable(message)
    assert any(line.startswith("- `later list`: ") for line in readable(message).split("\n"))  # a block each


async def test_channel_mention_help_is_answered_in_its_reply_chain(playground: Playground, config):
    team = config["teams"][0]
    channel = team["channels"][0]["id"]
    posted = await playground.send(channel, "help", mention=bot_of(config))
    chain = posted["postConversationId"]
    assert chain.startswith(f"{channel};messageid=")
    replies = await eventually(lambda: playground.replies(chain), timeout=30)
    assert len(replies) == 1
    assert HELP_HEADLINE in readable(replies[0]["message"])
    assert not playground.replies(channel)  # nothing landed at the channel's top level

    # It logs the user's message only once the bot has answered that request: wait for both.
    asked = await eventually(lambda: [e for e in playground.exchanges(chain) if e["to"] == "User Application"])
    answered = [e for e in playground.exchanges(chain) if e["from"] == "User Application"]
    assert answered[0]["request"]["body"]["replyToId"] == asked[0]["messageId"]
    assert answered[0]["request"]["body"]["conversation"]["id"] == chain


async def test_a_second_mention_in_the_chain_stays_in_the_chain(playground: Playground, config):
    channel = config["teams"][0]["channels"][0]["id"]
    chain = (await playground.send(channel, "Should we move the launch?", user_id="user-id-1"))["postConversationId"]
    await playground.send(chain, "help", mention=bot_of(config))
    replies = await eventually(lambda: playground.replies(chain), timeout=30)
    assert len(replies) == 1
    assert HELP_HEADLINE in readable(replies[0]["message"])


async def test_a_command_typed_in_the_personal_chat_is_answered_there(playground: Playground, config):
    chat = config["personalChat"]["id"]
    before = len(playground.replies(chat))
    await playground.send(chat, "later tomorrow")
    replies = await eventually(lambda: playground.replies(chat)[before:], timeout=30)
    text = replies[0]["message"]["text"]
    assert "later" in text  # the skill's answer, or "`later` is not available yet" without one
    assert "something went wrong" not in text


async def test_a_channel_command_is_acknowledged_there_and_answered_privately_naming_the_channel(
        playground: Playground, config):
    """The Playground's channel messages carry the channel's id only; its name comes from the team's
    channel list, as in Teams."""
    channel, personal = config["teams"][0]["channels"][0], config["personalChat"]["id"]
    before = len(playground.replies(personal))
    chain = (await playground.send(channel["id"], "settings", mention=bot_of(config)))["postConversationId"]
    [acknowledged] = await eventually(lambda: playground.replies(chain), timeout=30)
    assert "I answered you in our chat" in readable(acknowledged["message"])
    [answer] = await eventually(lambda: playground.replies(personal)[before:], timeout=30)
    assert readable(answer["message"]).startswith(f"About #{channel['name']}: This channel: ")


def card_router(clicks: list[ActionClicked]) -> Router:
    """Any message gets a card with one button; a click is recorded and acknowledged."""

    async def offer(event: Event, context: Context) -> list[Action]:
        assert isinstance(event, Mentioned)
        button = Button("Snooze 30 minutes", "snooze_nudge", "30")
        return [Reply(conversation=event.message.conversation, text="Nudge", buttons=(button,))]

    async def clicked(event: Event, context: Context) -> list[Action]:
        assert isinstance(event, ActionClicked)
        clicks.append(event)
        return [Reply(conversation=event.conversation, text=f"clicked {event.action_id}")]

    router = Router()
    router.on(Mentioned, offer)
    router.on(ActionClicked, clicked)
    return router


async def test_a_card_button_pressed_in_the_playground_reaches_the_router(playground: Playground, make_settings):
    clicks: list[ActionClicked] = []
    app = create_app(make_settings(), card_router(clicks))
    async with serving(app, port=URL(playground.bot_endpoint).port):
        chat = (await playground.config())["personalChat"]["id"]
        before = len(playground.replies(chat))
        await playground.send(chat, "hi")
        card_message = (await eventually(lambda: playground.replies(chat)[before:], timeout=30))[0]["message"]
        card = card_message["attachments"][0]
        assert card["contentType"] == "application/vnd.microsoft.card.adaptive"
        data = card["content"]["actions"][0]["data"]
        assert data == {"action": "snooze_nudge", "value": "30"}

        await playground.submit(chat, card_message["messageId"], data)
        await eventually(lambda: clicks, timeout=30)
        assert (clicks[0].action_id, clicks[0].value, clicks[0].user.id) == ("snooze_nudge", "30", "user-id-0")
        assert clicks[0].conversation.is_direct
        answers = await eventually(lambda: playground.replies(chat)[before + 1:], timeout=30)
        assert answers[0]["message"]["text"] == "clicked snooze_nudge"


def _browse(url: str, tmp_path: Path, skip_two_days: Callable[[], None]) -> dict[str, object]:
    """A person opens the Playground, says `help`, schedules a message for tomorrow 9am, then `later` with no
    time in it, and cancels that one from its card; then the bot's clock moves past tomorrow 9am."""
    seen: dict[str, object] = {}
    with chromium(tmp_path) as session:
        open_chat(session, url)
        try:
            send(session, "help")
            seen["help"] = wait_for(lambda: [line for line in card_lines(session) if line[0]]
                                    if any("later list" in text for text, _ in card_lines(session)) else None)
            session.save_screenshot(str(tmp_path / "help.png"))

            send(session, "later tomorrow 9am send the weekly report")
            wait_for(lambda: "Message: “send the weekly report”" in page_text(session))
            session.save_screenshot(str(tmp_path / "later-tomorrow.png"))
            seen["scheduled"] = page_text(session)

            send(session, "later blorptime flibber send the report")
            wait_for(lambda: "I found no time in this" in page_text(session))
            session.save_screenshot(str(tmp_path / "later-no-time.png"))
            seen["confirmation"] = page_text(session)
            press(session, "Cancel")
            wait_for(lambda: "Cancelled:" in page_text(session))
            session.save_screenshot(str(tmp_path / "later-cancelled.png"))
            seen["after"] = page_text(session)

            skip_two_days()
            wait_for(lambda: "Sent to you at" in page_text(session))
            session.save_screenshot(str(tmp_path / "later-delivered.png"))
            seen["delivered"] = page_text(session)
            seen["buttons"] = visible_buttons(session, "Send now")
        finally:
            session.save_screenshot(str(tmp_path / "last.png"))
    return seen


async def test_a_person_sees_help_line_by_line_and_later_never_fires_before_they_could_react(
        playground: Playground, config_at_work, skipped, tmp_path):
    chromium_or_skip()
    seen = await asyncio.to_thread(_browse, playground.base_url, tmp_path,
                                   lambda: skipped.__setitem__(0, timedelta(days=2)))
    lines = seen["help"]
    texts = [text for text, _ in lines]
    assert texts[0].startswith(HELP_HEADLINE)
    shown = [next(t for t in texts if t.startswith(typed.replace("`", "")))
             for typed in (line.split(":")[0] for line in usage_lines("teams"))]
    assert len(shown) == len(usage_lines("teams")) == len(set(shown))  # every command, each its own block
    tops = [top for text, top in lines if text in shown]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # drawn one under another, not run together

    # A time the person wrote: the card says when, in words, and nothing goes out now.
    scheduled = seen["scheduled"]
    assert "Time: “tomorrow 9am”" in scheduled and "09:00" in scheduled and "it would go out now" not in scheduled

    # No time in it: the card says so plainly and waits; the person cancels, and the card says that instead.
    assert "it would go out now" in seen["confirmation"] and "It waits 5 minutes" in seen["confirmation"]
    assert "Cancelled: “blorptime flibber send the report” will not be sent to you." in seen["after"]
    assert "written" not in seen["after"]  # nothing was delivered (a delivery ends "— from …, written …")

    # Its time came: the message is delivered, and its card now says so instead of offering buttons.
    delivered = seen["delivered"]
    assert re.search(r"Sent to you at \d\d:\d\d your time \(\w{3} \d\d \w{3}\): “send the weekly report”", delivered)
    assert "written" in delivered
    assert "Message: “send the weekly report”" not in delivered and seen["buttons"] == []
    for shot in ("help.png", "later-tomorrow.png", "later-no-time.png", "later-cancelled.png", "later-delivered.png"):
        assert (tmp_path / shot).stat().st_size > 0


def _channel_thread(url: str, bot: str, tmp_path: Path) -> dict[str, object]:
    """A person opens the team's General channel, starts a post that @-mentions the bot (picked from the
    page's people picker), replies twice in its thread, asks for `summarize` there, then posts `digest now`."""
    seen: dict[str, object] = {}
    with chromium(tmp_path) as session:
        open_chat(session, url, "General")
        try:
            question = "Should we move the launch to Friday?"
            post(session, question, mention=bot)
            wait_for(lambda: "lists the rest" in page_text(session))
            for text in ("Friday works for me, QA is done", "Then we move it to Friday and I tell sales"):
                reply(session, question, text, mention=bot)
                wait_for(lambda: text in page_text(session))
            session.save_screenshot(str(tmp_path / "channel-thread.png"))

            reply(session, question, "summarize", mention=bot)
            wait_for(lambda: "Participants" in [text for text, _ in card_lines(session)])
            session.save_screenshot(str(tmp_path / "channel-summary.png"))

            post(session, "digest now", mention=bot)
            wait_for(lambda: "Weekly digest" in page_text(session))
            session.save_screenshot(str(tmp_path / "channel-digest.png"))
            seen["page"] = page_text(session)
            seen["cards"] = [text for text, _ in card_lines(session)]
            seen["links"] = source_links(session)
        finally:
            session.save_screenshot(str(tmp_path / "channel-last.png"))
    return seen


async def test_a_channel_thread_gets_one_summary_on_the_page_and_digest_now_counts_it(
        playground: Playground, config, tmp_path):
    """Typed on the page as a person would: the Playground delivers a channel message to the bot only when
    it mentions the bot, so each one does (the bot answers the first with one hint and stays quiet after)."""
    chromium_or_skip()
    seen = await asyncio.to_thread(_channel_thread, playground.base_url, config["bot"]["name"], tmp_path)
    page, cards = str(seen["page"]), seen["cards"]
    assert page.count("lists the rest") == 1  # one hint for the young thread, not one per message
    assert cards.count("Participants") == 1 and "Decisions" in cards  # exactly one summary, with sections
    # the question its asker closed ("Then we move it to Friday …") is the decision, in full, not an open question
    assert "Move the launch to Friday" in "\n".join(cards) and "Open questions" not in cards
    links = seen["links"]  # to the real message: its numeric id, not a client's placeholder
    assert links and all(re.search(r"/l/message/[^/]+/(\d+)\?.*createdTime=\1$", link) for link in links), links

    counted = re.search(r"(\d+) messages? from (\d+) (?:person|people)", page)
    assert counted and int(counted.group(1)) >= 3 and int(counted.group(2)) == 1, page  # the thread, counted
    for shot in ("channel-thread.png", "channel-summary.png", "channel-digest.png"):
        assert (tmp_path / shot).stat().st_size > 0


def _later_from_the_channel(url: str, bot: str, tmp_path: Path, skip_two_days: Callable[[], None]) -> dict[str, object]:
    """A person types `later` in the team's General channel; its card comes to their personal chat, where they
    watch it until the bot's clock passes the time."""
    seen: dict[str, object] = {}
    with chromium(tmp_path) as session:
        open_chat(session, url, "General")
        try:
            post(session, "later tomorrow 9am share the release notes", mention=bot)
            wait_for(lambda: "I answered you in our chat" in page_text(session))
            switch_chat(session, "Personal Chat")
            wait_for(lambda: "Message: “share the release notes”" in page_text(session))
            seen["buttons before"] = len(visible_buttons(session, "Send now"))
            skip_two_days()
            wait_for(lambda: "Posted in" in page_text(session))
            session.save_screenshot(str(tmp_path / "later-from-channel-delivered.png"))
            seen["delivered"] = page_text(session)
            seen["buttons"] = visible_buttons(session, "Send now")
        finally:
            session.save_screenshot(str(tmp_path / "later-from-channel-last.png"))
    return seen


async def test_a_card_sent_from_a_channel_to_the_personal_chat_is_updated_there_on_delivery(
        playground: Playground, config_at_work, skipped, tmp_path):
    """The Playground's user ids have no `29:` prefix: the card is still found in the 1:1 chat the bot opened."""
    chromium_or_skip()
    seen = await asyncio.to_thread(_later_from_the_channel, playground.base_url, config_at_work["bot"]["name"],
                                   tmp_path, lambda: skipped.__setitem__(0, timedelta(days=2)))
    assert seen["buttons before"] >= 1
    outcome = r"Posted in the channel where you asked at \d\d:\d\d UTC \(\w{3} \d\d \w{3}\): “share the release notes”"
    assert re.search(outcome, str(seen["delivered"]))
    assert "Message: “share the release notes”" not in str(seen["delivered"]) and seen["buttons"] == []
