"""/later on Slack end to end: signed command → private confirmation → button → delivery."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from bot.app import create_app
from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually, serving
from tests.fakes.slack_api import command_body
from tests.test_slack_e2e import post_signed

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
async def later_bot(slack_api, make_settings):
    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, outbox_poll_seconds=0.1)
    async with serving(create_app(settings)) as url:
        yield fake, url


async def click(url: str, action_id: str, value: str, user: str = "U1"):
    payload = {
        "type": "block_actions", "team": {"id": "T0001"}, "user": {"id": user, "name": "maria"},
        "api_app_id": "A0001", "trigger_id": "1.2", "channel": {"id": "C1"},
        "container": {"type": "message", "channel_id": "C1", "is_ephemeral": True},
        "actions": [{"action_id": action_id, "value": value, "type": "button", "block_id": "b"}],
    }
    return await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type=FORM)


def last_ephemeral(fake, count: int):
    return lambda: len(fake.calls_to("chat.postEphemeral")) >= count and fake.calls_to("chat.postEphemeral")[-1]


def button_value(ephemeral: dict, action_id: str) -> str:
    blocks = ephemeral["blocks"] if isinstance(ephemeral["blocks"], list) else json.loads(ephemeral["blocks"])
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    return next(b["value"] for b in buttons if b["action_id"] == action_id)


async def test_later_to_a_person_confirms_in_both_zones_then_send_now_delivers_once(later_bot):
    fake, url = later_bot
    status, _ = await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Can you review the deck?"),
                                  content_type=FORM)
    assert status == 200
    confirmation = await eventually(last_ephemeral(fake, 1))
    assert confirmation["user"] == "U1"
    assert "Ken gets this" in confirmation["text"] and "09:00 JST" in confirmation["text"]
    assert "your time" in confirmation["text"]
    assert "Message: “Can you review the deck?”" in confirmation["text"]
    assert fake.calls_to("chat.postMessage") == []  # tomorrow, not now

    item_id = button_value(confirmation, "later_send_now")
    await click(url, "later_send_now", item_id)
    delivered = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert delivered[0]["channel"] == "U2"
    assert delivered[0]["text"].startswith("Can you review the deck?") and "Maria" in delivered[0]["text"]
    metadata = delivered[0]["metadata"] if isinstance(delivered[0]["metadata"], dict) else json.loads(delivered[0]["metadata"])
    assert metadata["event_payload"]["delivery_key"] == item_id

    await click(url, "later_send_now", item_id)  # a second click after delivery sends nothing more
    reply = await eventually(last_ephemeral(fake, 3))
    assert "already sent or cancelled" in reply["text"]
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_list_and_cancel_by_command_and_nothing_is_sent(later_bot):
    fake, url = later_bot
    await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Numbers are in"), content_type=FORM)
    confirmation = await eventually(last_ephemeral(fake, 1))
    item_id = button_value(confirmation, "later_cancel")

    await post_signed(url, command_body("/later", "list"), content_type=FORM)
    listing = await eventually(last_ephemeral(fake, 2))
    assert item_id in listing["text"] and "Ken" in listing["text"]

    await post_signed(url, command_body("/later", "list", user_id="U2"), content_type=FORM)
    other = await eventually(last_ephemeral(fake, 3))
    assert item_id not in other["text"]  # Ken does not see Maria's pending messages

    await post_signed(url, command_body("/later", f"cancel {item_id}", user_id="U2"), content_type=FORM)
    refused = await eventually(last_ephemeral(fake, 4))
    assert "found no message" in refused["text"]

    await post_signed(url, command_body("/later", f"cancel {item_id}"), content_type=FORM)
    cancelled = await eventually(last_ephemeral(fake, 5))
    assert "Cancelled" in cancelled["text"]
    await click(url, "later_send_now", item_id)
    await eventually(last_ephemeral(fake, 6))
    assert fake.calls_to("chat.postMessage") == []


async def test_unparseable_time_says_what_was_understood_and_schedules_nothing(later_bot):
    fake, url = later_bot
    await post_signed(url, command_body("/later", "<@U2|ken> 2020-01-01 10:00 Can you review?"), content_type=FORM)
    reply = await eventually(last_ephemeral(fake, 1))
    assert "couldn't schedule" in reply["text"] and "in the past" in reply["text"]
    assert "Can you review?" in reply["text"]
    await post_signed(url, command_body("/later", "list"), content_type=FORM)
    listing = await eventually(last_ephemeral(fake, 2))
    assert "no messages waiting" in listing["text"]


async def test_channel_target_without_time_uses_the_members_working_hours(later_bot):
    fake, url = later_bot
    fake.channel_members["C9"] = ["U1", "U2"]
    await post_signed(url, command_body("/later", "<#C9|team> Weekly numbers are in"), content_type=FORM)
    reply = await eventually(last_ephemeral(fake, 1))
    assert "#team" in reply["text"]
    assert "members" in reply["text"]  # says how the channel's moment was chosen
    assert fake.calls_to("conversations.members")[0]["channel"] == "C9"


async def test_an_uncertain_split_is_a_draft_until_the_author_confirms(later_bot):
    fake, url = later_bot
    await post_signed(url, command_body("/later", "<@U2|ken> at 25:99: Can you review?"), content_type=FORM)
    draft = await eventually(last_ephemeral(fake, 1))
    assert draft["text"].startswith("Not scheduled yet: is this right?")
    assert "Unsure:" in draft["text"]
    item_id = button_value(draft, "later_confirm")

    await post_signed(url, command_body("/later", "list"), content_type=FORM)
    assert "no messages waiting" in (await eventually(last_ephemeral(fake, 2)))["text"]

    await click(url, "later_confirm", item_id)
    confirmed = await eventually(last_ephemeral(fake, 3))
    assert confirmed["text"].startswith("Scheduled: Ken gets it")
    await post_signed(url, command_body("/later", "list"), content_type=FORM)
    assert item_id in (await eventually(last_ephemeral(fake, 4)))["text"]
    assert fake.calls_to("chat.postMessage") == []
