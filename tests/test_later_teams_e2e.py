"""/later on Teams end to end: typed to the bot in 1:1, confirmed with a card, delivered proactively."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timezone

import pytest

from adapters.app import create_app
from tests.fakes.bot_connector import (
    MARIA,
    PERSONAL_CHAT_ID,
    card_submit,
    channel_message,
    personal_message,
    post_activity,
)
from tests.fakes.server import eventually, serving


@pytest.fixture
async def teams_later(bot_connector, make_settings):
    fake, service_url = bot_connector
    async with serving(create_app(make_settings(outbox_poll_seconds=0.1))) as url:
        yield fake, service_url, url


def card_of(sent) -> dict:
    attachments = sent.activity.get("attachments") or []
    assert attachments, f"expected an Adaptive Card, got {sent.activity}"
    assert attachments[0]["contentType"] == "application/vnd.microsoft.card.adaptive"
    return attachments[0]["content"]


def submit_data(card: dict, action: str) -> dict:
    return next(a["data"] for a in card.get("actions", []) if a["data"]["action"] == action)


async def test_later_in_personal_chat_confirms_with_a_card_and_send_now_delivers_once(teams_later):
    fake, service_url, url = teams_later
    status, _ = await post_activity(url, personal_message(service_url, "later tomorrow 9am Send the contract to Ken"))
    assert status == 202  # accepted: the turn answers through the Bot Connector
    confirmation = (await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID)))[0]
    card = card_of(confirmation)
    body_text = " ".join(block.get("text", "") for block in card["body"])
    assert "Send the contract to Ken" in body_text and body_text.startswith("You get this")
    assert "09:00 CET" in body_text  # read in Maria's zone from the Teams client's clientInfo

    data = submit_data(card, "later_send_now")
    await post_activity(url, card_submit(service_url, data, card_id=confirmation.id))
    deliveries = await eventually(
        lambda: [s for s in fake.sent_to(PERSONAL_CHAT_ID) if s.text.startswith("Send the contract to Ken")]
    )
    assert len(deliveries) == 1 and "Maria" in deliveries[0].text
    # The confirmation card itself now says what happened, and has no buttons left to press.
    [update] = fake.updated
    assert (update.conversation_id, update.id) == (PERSONAL_CHAT_ID, confirmation.id)
    assert update.text.startswith("Sent to you now") and not any(
        a["content"].get("actions") for a in update.activity["attachments"])

    await post_activity(url, card_submit(service_url, data, card_id=confirmation.id))  # clicked again: nothing more
    await eventually(lambda: any("already sent" in u.text for u in fake.updated))
    assert len([s for s in fake.sent_to(PERSONAL_CHAT_ID) if s.text.startswith("Send the contract")]) == 1


async def test_later_cancel_from_the_card_means_it_is_never_sent(teams_later):
    fake, service_url, url = teams_later
    await post_activity(url, personal_message(service_url, "later tomorrow 9am Numbers are in"))
    confirmation = (await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID)))[0]
    card = card_of(confirmation)
    await post_activity(url, card_submit(service_url, submit_data(card, "later_cancel"), card_id=confirmation.id))
    [update] = await eventually(lambda: fake.updated)
    assert update.id == confirmation.id
    assert update.text == "Cancelled: “Numbers are in” will not be sent to you."
    await post_activity(url, personal_message(service_url, "later list"))
    await eventually(lambda: any("no messages waiting" in s.text for s in fake.sent_to(PERSONAL_CHAT_ID)))
    assert not any(s.text.startswith("Numbers are in") for s in fake.sent)


async def test_an_uncertain_split_sends_a_form_card_whose_submit_schedules(teams_later):
    fake, service_url, url = teams_later
    await post_activity(url, personal_message(service_url, "later at 25:99: review the deck"))
    card = card_of((await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID)))[0])
    inputs = {block["id"]: block for block in card["body"] if block["type"] == "Input.Text"}
    assert set(inputs) == {"when", "message"} and "review the deck" in inputs["message"]["value"]
    submit = card["actions"][0]["data"]
    assert submit["action"] == "later_form"

    await post_activity(url, card_submit(service_url, {**submit, "when": "tomorrow 10:00",
                                                       "message": "Review the deck"}))
    confirmation = await eventually(
        lambda: [s for s in fake.sent_to(PERSONAL_CHAT_ID)[1:] if s.activity.get("attachments")]
    )
    text = " ".join(b.get("text", "") for b in card_of(confirmation[0])["body"])
    assert "get this" in text and "10:00" in text and "Review the deck" in text


def extension_invoke(service_url: str, name: str, value: dict) -> dict:
    from tests.fakes.bot_connector import CHANNEL_ID, MARIA, TEAM_ID, TENANT_ID

    return {
        "type": "invoke", "name": name, "id": "f:1700000300000", "channelId": "msteams",
        "serviceUrl": service_url, "timestamp": "2026-11-24T22:00:00Z", "localTimezone": "Europe/Berlin",
        "from": {"id": MARIA.id, "name": MARIA.name, "aadObjectId": MARIA.aad_object_id},
        "recipient": {"id": "28:bot-id", "name": "Etiquette"},
        "conversation": {"isGroup": True, "conversationType": "channel", "tenantId": TENANT_ID,
                         "id": f"{CHANNEL_ID};messageid=1700000000000"},
        "channelData": {"tenant": {"id": TENANT_ID}, "team": {"id": TEAM_ID}, "channel": {"id": CHANNEL_ID}},
        "value": value,
    }


async def test_message_extension_send_later_opens_a_form_and_its_submit_schedules(teams_later):
    from tests.fakes.bot_connector import MARIA

    fake, service_url, url = teams_later
    fetch = extension_invoke(service_url, "composeExtension/fetchTask", {
        "commandId": "sendLater", "commandContext": "message",
        "messagePayload": {"id": "1700000000000", "body": {"contentType": "html",
                                                           "content": "<p>Launch moved to <b>May</b></p>"}},
    })
    status, text = await post_activity(url, fetch)
    assert status == 200
    task = json.loads(text)["task"]
    assert task["type"] == "continue" and task["value"]["title"] == "Send later"
    card = task["value"]["card"]["content"]
    inputs = {b["id"]: b for b in card["body"] if b["type"] == "Input.Text"}
    assert inputs["message"]["value"] == "Launch moved to May"
    data = card["actions"][0]["data"]

    submit = extension_invoke(service_url, "composeExtension/submitAction", {
        "commandId": "sendLater", "commandContext": "message",
        "data": {**data, "to": "", "when": "tomorrow 10:00", "message": "Launch moved to May"},
    })
    status, _ = await post_activity(url, submit)
    assert status == 200
    [confirmation] = await eventually(lambda: fake.sent_to(f"a:1personal-with-{MARIA.id}"))
    body = " ".join(b.get("text", "") for b in card_of(confirmation)["body"])
    assert "Launch moved to May" in body and "10:00 CET" in body


async def test_bare_later_answers_with_teams_syntax(teams_later):
    fake, service_url, url = teams_later
    await post_activity(url, personal_message(service_url, "later"))
    text = (await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID)))[0].text
    assert "`later @person tomorrow 9am message`" in text and "`later list`" in text
    assert "/later" not in text and "#team" not in text


@pytest.fixture
async def teams_later_at(bot_connector, make_settings):
    """As `teams_later`, on a clock the test moves (it starts on a Tuesday, 10:00 UTC)."""
    fake, service_url = bot_connector
    now = [datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)]
    async with serving(create_app(make_settings(outbox_poll_seconds=0.05), clock=lambda: now[0])) as url:
        yield fake, service_url, url, now


def buttons_left(update) -> list:
    return [a for attachment in update.activity["attachments"] for a in attachment["content"].get("actions") or ()]


async def test_delivery_at_its_time_replaces_the_card_by_the_outcome(teams_later_at):
    fake, service_url, url, now = teams_later_at
    await post_activity(url, personal_message(service_url, "later tomorrow 9am Send the contract to Ken"))
    [confirmation] = await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID))
    assert submit_data(card_of(confirmation), "later_cancel")
    await asyncio.sleep(0.3)  # a few delivery passes: not due yet, the card keeps its buttons
    assert fake.updated == []

    now[0] = datetime(2026, 11, 25, 8, 0, 30, tzinfo=timezone.utc)  # 09:00 in Berlin, Maria's zone
    [update] = await eventually(lambda: fake.updated)
    delivered = [s for s in fake.sent_to(PERSONAL_CHAT_ID) if s.text.startswith("Send the contract to Ken")]
    assert len(delivered) == 1
    assert (update.conversation_id, update.id) == (PERSONAL_CHAT_ID, confirmation.id)
    assert update.text == "Sent to you at 09:00 your time (Wed 25 Nov): “Send the contract to Ken”"
    assert buttons_left(update) == []


async def test_a_card_sent_to_the_personal_chat_from_a_channel_is_updated_there(teams_later_at):
    fake, service_url, url, now = teams_later_at
    root = "1700000500000"
    await post_activity(url, channel_message(service_url, "later tomorrow 9am Numbers are in", root,
                                             activity_id=root, mention_bot=True))
    private_chat = f"a:1personal-with-{MARIA.id}"
    [confirmation] = await eventually(lambda: [s for s in fake.sent_to(private_chat) if s.activity.get("attachments")])
    assert submit_data(card_of(confirmation), "later_send_now")
    said = " ".join(b.get("text", "") for b in card_of(confirmation)["body"])
    assert "I can't see who is in this channel, so UTC and Mon–Fri 09:00–17:00" in said  # the bot sees no members
    assert "their" not in said  # a channel is no person with a time zone of their own

    now[0] = datetime(2026, 11, 25, 9, 0, 30, tzinfo=timezone.utc)  # a channel post carries no zone: UTC
    [update] = await eventually(lambda: fake.updated)
    assert (update.conversation_id, update.id) == (private_chat, confirmation.id)
    assert update.text == "Posted in the channel where you asked at 09:00 UTC (Wed 25 Nov): “Numbers are in”"
    assert buttons_left(update) == []
    assert [s for s in fake.sent if s.text.startswith("Numbers are in")]  # delivered in the channel
