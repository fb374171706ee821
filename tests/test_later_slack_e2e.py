"""/later on Slack end to end: signed command → private confirmation → button → delivery."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

import pytest

from adapters.app import create_app
from bot.app import INBOX
from bot.inbox import backoff
from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually, serving
from tests.fakes.slack_api import command_body
from tests.test_inbox import Clock
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


async def test_an_uncertain_split_opens_a_prefilled_modal_and_its_submission_schedules(later_bot):
    fake, url = later_bot
    await post_signed(url, command_body("/later", "<@U2|ken> at 25:99: Can you review?"), content_type=FORM)
    opened = (await eventually(lambda: fake.calls_to("views.open")))[0]
    assert opened["trigger_id"] == "1.2.3"
    view = opened["view"] if isinstance(opened["view"], dict) else json.loads(opened["view"])
    assert view["callback_id"] == "later_form"
    initial = {b["block_id"]: b["element"].get("initial_value") for b in view["blocks"] if b["type"] == "input"}
    assert "Can you review?" in initial["message"]
    assert "not sure" in view["blocks"][0]["text"]["text"]
    await post_signed(url, command_body("/later", "list"), content_type=FORM)
    assert "no messages waiting" in (await eventually(last_ephemeral(fake, 1)))["text"]

    submission = {
        "type": "view_submission", "team": {"id": "T0001"}, "user": {"id": "U1", "name": "maria"},
        "api_app_id": "A0001", "trigger_id": "9.9",
        "view": {**view, "id": "V1", "state": {"values": {
            "when": {"when": {"type": "plain_text_input", "value": "tomorrow 10:00"}},
            "message": {"message": {"type": "plain_text_input", "value": "Can you review the deck?"}},
        }}},
    }
    status, _ = await post_signed(url, urlencode({"payload": json.dumps(submission)}), content_type=FORM)
    assert status == 200
    confirmed = await eventually(last_ephemeral(fake, 2))
    assert confirmed["channel"] == "C1"  # answered where the command was typed
    assert "Ken gets this" in confirmed["text"] and "10:00 JST" in confirmed["text"]
    assert "Message: “Can you review the deck?”" in confirmed["text"]
    assert fake.calls_to("chat.postMessage") == []


async def test_change_time_reopens_the_form_and_replaces_the_scheduled_message(later_bot):
    fake, url = later_bot
    await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Numbers are in"), content_type=FORM)
    first = await eventually(last_ephemeral(fake, 1))
    old_id = button_value(first, "later_cancel")
    await click(url, "later_change", button_value(first, "later_change"))
    view = (await eventually(lambda: fake.calls_to("views.open")))[0]["view"]
    view = view if isinstance(view, dict) else json.loads(view)
    submission = {
        "type": "view_submission", "team": {"id": "T0001"}, "user": {"id": "U1", "name": "maria"},
        "view": {**view, "id": "V2", "state": {"values": {
            "when": {"when": {"type": "plain_text_input", "value": "monday 11:00"}},
            "message": {"message": {"type": "plain_text_input", "value": "Numbers are in"}},
        }}},
    }
    await post_signed(url, urlencode({"payload": json.dumps(submission)}), content_type=FORM)
    changed = await eventually(last_ephemeral(fake, 2))
    assert "Mon" in changed["text"] and "11:00 JST" in changed["text"]
    await post_signed(url, command_body("/later", "list"), content_type=FORM)
    listing = (await eventually(last_ephemeral(fake, 3)))["text"]
    assert old_id not in listing and listing.count("Numbers are in") == 1


async def test_message_shortcut_opens_a_form_with_the_message_and_a_person_picker(later_bot):
    fake, url = later_bot
    payload = {
        "type": "message_action", "callback_id": "later_message_shortcut", "trigger_id": "5.5",
        "team": {"id": "T0001"}, "user": {"id": "U1", "name": "maria"}, "channel": {"id": "C1"},
        "message": {"type": "message", "user": "U1", "ts": "1700000000.000100", "text": "Launch moved to May"},
        "message_ts": "1700000000.000100", "response_url": "https://hooks.slack.test/x",
    }
    await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type=FORM)
    view = (await eventually(lambda: fake.calls_to("views.open")))[0]["view"]
    view = view if isinstance(view, dict) else json.loads(view)
    kinds = {b["block_id"]: b["element"]["type"] for b in view["blocks"] if b["type"] == "input"}
    assert kinds == {"to": "users_select", "when": "plain_text_input", "message": "plain_text_input"}
    message = next(b for b in view["blocks"] if b.get("block_id") == "message")
    assert message["element"]["initial_value"] == "Launch moved to May"

    submission = {
        "type": "view_submission", "team": {"id": "T0001"}, "user": {"id": "U1", "name": "maria"},
        "view": {**view, "id": "V3", "state": {"values": {
            "to": {"to": {"type": "users_select", "selected_user": "U2"}},
            "when": {"when": {"type": "plain_text_input", "value": None}},
            "message": {"message": {"type": "plain_text_input", "value": "Launch moved to May"}},
        }}},
    }
    await post_signed(url, urlencode({"payload": json.dumps(submission)}), content_type=FORM)
    confirmed = await eventually(last_ephemeral(fake, 1))
    assert "Ken gets this" in confirmed["text"] and "Launch moved to May" in confirmed["text"]


async def test_a_scheduled_message_survives_a_restart_and_is_delivered_once(slack_api, make_settings):
    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, outbox_poll_seconds=0.1)
    async with serving(create_app(settings)) as url:  # the first process: schedules, then stops
        await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Survives restarts"), content_type=FORM)
        item_id = button_value(await eventually(last_ephemeral(fake, 1)), "later_send_now")
    async with serving(create_app(settings)) as url:  # a new process on the same database
        await click(url, "later_send_now", item_id)
        delivered = await eventually(lambda: fake.calls_to("chat.postMessage"))
        await post_signed(url, command_body("/later", "list"), content_type=FORM)
        await eventually(last_ephemeral(fake, 3))
    assert len(delivered) == 1 and delivered[0]["text"].startswith("Survives restarts")
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_no_time_found_is_said_plainly_and_the_message_waits_the_undo_window(slack_api, make_settings):
    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
    fake.add_user("U3", "Ana", tz="Europe/Berlin")
    now = [datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)]  # a Tuesday: 11:00 in Berlin, Ana is at work
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, outbox_poll_seconds=0.05)
    async with serving(create_app(settings, clock=lambda: now[0])) as url:
        await post_signed(url, command_body("/later", "<@U3|ana> blorptime flibber send the report"),
                          content_type=FORM)
        confirmation = await eventually(last_ephemeral(fake, 1))
        assert confirmation["text"].startswith(
            "I found no time in this; it would go out now. It waits 5 minutes, until 11:05 your time")
        assert "Message: “blorptime flibber send the report”" in confirmation["text"]
        await asyncio.sleep(0.5)  # ten delivery passes: still waiting, the sender can cancel or pick a time
        assert fake.calls_to("chat.postMessage") == []

        now[0] += timedelta(minutes=5)
        delivered = await eventually(lambda: fake.calls_to("chat.postMessage"))
        assert delivered[0]["channel"] == "U3" and "send the report" in delivered[0]["text"]


async def test_bare_later_answers_with_slack_syntax(later_bot):
    fake, url = later_bot
    await post_signed(url, command_body("/later", ""), content_type=FORM)
    text = (await eventually(last_ephemeral(fake, 1)))["text"]
    assert "`/later list`" in text and "`/later cancel ID`" in text


async def test_the_confirmation_is_replaced_by_the_outcome_through_its_response_url(later_bot):
    fake, url = later_bot
    await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Can you review the deck?"),
                      content_type=FORM)
    item_id = button_value(await eventually(last_ephemeral(fake, 1)), "later_cancel")
    payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U1", "name": "maria"},
               "channel": {"id": "C1"}, "container": {"type": "message", "channel_id": "C1", "is_ephemeral": True},
               "response_url": fake.response_url("confirm"), "trigger_id": "1.2",
               "actions": [{"action_id": "later_cancel", "value": item_id, "type": "button", "block_id": "b"}]}
    await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type=FORM)
    [update] = await eventually(lambda: fake.calls_to("response_url"))
    assert update["hook"] == "confirm" and update["replace_original"] is True
    assert update["text"] == "Cancelled: “Can you review the deck?” will not be sent to Ken."
    assert not any(block["type"] == "actions" for block in update["blocks"])  # the buttons are gone
    assert len(fake.calls_to("chat.postEphemeral")) == 1  # no second message beside the card


async def test_delivery_replaces_the_confirmation_in_our_dm_by_the_outcome(slack_api, make_settings):
    """Typed in the DM with the bot: the confirmation is a real message there, so when the outbox delivers at
    its time, chat.update swaps its buttons for who got it and when in their clock."""
    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    now = [datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)]  # Tuesday; Ken's "tomorrow 9am" is 00:00 UTC
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, outbox_poll_seconds=0.05)
    async with serving(create_app(settings, clock=lambda: now[0])) as url:
        await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Can you review the deck?",
                                            channel_id="D1"), content_type=FORM)
        [card] = await eventually(lambda: fake.calls_to("chat.postMessage"))
        assert card["channel"] == "D1" and "Ken gets this" in card["text"]
        assert button_value(card, "later_cancel") and fake.calls_to("chat.postEphemeral") == []
        card_ts = next(ts for ts, posted in fake.posted.items() if posted is card)
        await asyncio.sleep(0.3)  # a few delivery passes: not due, the card keeps its buttons
        assert fake.calls_to("chat.update") == []

        now[0] = datetime(2026, 11, 25, 0, 0, 30, tzinfo=timezone.utc)
        [update] = await eventually(lambda: fake.calls_to("chat.update"))
    delivered = [c for c in fake.calls_to("chat.postMessage") if c["channel"] == "U2"]
    assert len(delivered) == 1 and delivered[0]["text"].startswith("Can you review the deck?")
    assert (update["channel"], update["ts"]) == ("D1", card_ts) and fake.updates[card_ts] == update
    assert update["text"] == "Sent to Ken at 09:00 Ken's time (Wed 25 Nov): “Can you review the deck?”"
    blocks = update["blocks"] if isinstance(update["blocks"], list) else json.loads(update["blocks"])
    assert not any(block["type"] == "actions" for block in blocks)  # no Send now / Change time / Cancel left


async def test_a_confirmation_typed_in_a_channel_is_ephemeral_and_delivery_tries_no_update(slack_api, make_settings):
    """Slack cannot edit an ephemeral message after the fact (chat.update refuses it), so nothing is attempted;
    a button pressed on it later is answered in place through its response_url (tested above)."""
    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    now = [datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)]
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, outbox_poll_seconds=0.05)
    async with serving(create_app(settings, clock=lambda: now[0])) as url:
        await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Numbers are in"), content_type=FORM)
        await eventually(last_ephemeral(fake, 1))
        now[0] = datetime(2026, 11, 25, 0, 0, 30, tzinfo=timezone.utc)
        await eventually(lambda: fake.calls_to("chat.postMessage"))
        await asyncio.sleep(0.3)
    assert fake.calls_to("chat.update") == []


async def test_a_command_retried_after_its_confirmation_failed_schedules_one_message(slack_api, make_settings):
    """The inbox runs `/later` again when posting its confirmation failed (an HTTP 500): the retry finds the
    message the first run stored instead of storing a twin, so it is delivered once."""
    fake, api_url = slack_api
    fake.add_user("U1", "Maria", tz="Europe/Berlin")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    fake.failing["chat.postEphemeral"] = 1
    clock = Clock(datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc))
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, outbox_poll_seconds=0.05, inbox_poll_seconds=0.2)
    app = create_app(settings, clock=clock)
    async with serving(app) as url:
        await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Numbers are in"), content_type=FORM)
        await app[INBOX].drain()
        clock.now += backoff(1)
        assert await app[INBOX].run_due() == 1
        confirmations = fake.calls_to("chat.postEphemeral")
        assert len(confirmations) == 2  # the failed one, and the retry's
        assert button_value(confirmations[0], "later_cancel") == button_value(confirmations[1], "later_cancel")

        clock.now = datetime(2026, 11, 25, 0, 0, 30, tzinfo=timezone.utc)  # 09:00 in Tokyo
        await eventually(lambda: fake.calls_to("chat.postMessage"))
        await asyncio.sleep(0.3)  # more delivery passes: nothing else is due
    assert [c["text"].split("\n")[0] for c in fake.calls_to("chat.postMessage")] == ["Numbers are in"]
