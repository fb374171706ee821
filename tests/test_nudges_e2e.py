"""Channel nudges end to end on Slack: a reply posted outside its thread gets one private note."""

from __future__ import annotations

import asyncio
import json
import time
from urllib.parse import urlencode

import pytest

from adapters.app import create_app
from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually, serving
from tests.fakes.slack_api import event_body
from tests.test_slack_e2e import post_signed

CHANNEL = "C0TEAM"
FORM = "application/x-www-form-urlencoded"


def ts(offset: float) -> str:
    return f"{time.time() - 600 + offset:.6f}"


@pytest.fixture
async def channel_bot(slack_api, make_settings):
    fake, api_url = slack_api
    fake.add_user("U1", "Maria")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    question = {"type": "message", "user": "U2", "text": "<@U1> what time is the launch meeting tomorrow?",
                "ts": ts(0)}
    fake.history[CHANNEL] = [
        {"type": "message", "user": "U3", "text": "anyone tried the new CI runners?", "ts": ts(-100)},
        question,
    ]
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url)
    async with serving(create_app(settings)) as url:
        yield fake, url, question


async def say(url: str, user: str, text: str, at: str, event_id: str):
    event = {"type": "message", "channel": CHANNEL, "channel_type": "channel", "user": user, "text": text, "ts": at}
    return await post_signed(url, event_body(event, event_id=event_id))


async def test_reply_outside_thread_gets_one_private_nudge_and_move_it_there_works(channel_bot):
    fake, url, question = channel_bot
    answer = {"type": "message", "user": "U1", "text": "<@U2> the launch meeting is at 10am tomorrow in room 4",
              "ts": ts(30)}
    fake.history[CHANNEL].append(answer)
    status, _ = await say(url, "U1", answer["text"], answer["ts"], "EvAnswer")
    assert status == 200
    [nudge] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert nudge["user"] == "U1" and nudge["channel"] == CHANNEL
    assert "answer to an earlier message" in nudge["text"] and "Ken" in nudge["text"]
    blocks = nudge["blocks"] if isinstance(nudge["blocks"], list) else json.loads(nudge["blocks"])
    buttons = {e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]}
    assert set(buttons) == {"threads_move", "threads_opt_out"}

    payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U1", "name": "maria"},
               "channel": {"id": CHANNEL}, "container": {"type": "message", "channel_id": CHANNEL},
               "trigger_id": "1", "actions": [{"action_id": "threads_move", "value": buttons["threads_move"]}]}
    await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type=FORM)
    [moved] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert moved["channel"] == CHANNEL and moved["thread_ts"] == question["ts"]
    assert "10am tomorrow in room 4" in moved["text"] and "<@U1>" in moved["text"]


async def test_a_new_topic_is_not_nudged(channel_bot):
    fake, url, _ = channel_bot
    await say(url, "U4", "Lunch order is open, add yours to the sheet", ts(60), "EvLunch")
    await say(url, "U1", "x" * 1600, ts(70), "EvLong")  # a long one after it proves the first was handled
    nudges = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert [n["user"] for n in nudges] == ["U1"] and "long one" in nudges[0]["text"]


async def test_cooldown_and_opt_out(channel_bot):
    fake, url, _ = channel_bot
    await say(url, "U1", "y" * 1600, ts(80), "EvLong1")
    [first] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    await say(url, "U1", "z" * 1600, ts(90), "EvLong2")  # same kind, same day: no second nudge
    await say(url, "U2", "w" * 1600, ts(95), "EvLong3")  # someone else still gets theirs
    await eventually(lambda: len(fake.calls_to("chat.postEphemeral")) >= 2)
    assert [n["user"] for n in fake.calls_to("chat.postEphemeral")] == ["U1", "U2"]

    payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U2", "name": "ken"},
               "channel": {"id": CHANNEL}, "container": {"type": "message", "channel_id": CHANNEL},
               "trigger_id": "1", "actions": [{"action_id": "threads_opt_out", "value": "long_message"}]}
    await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type=FORM)
    confirm = await eventually(lambda: len(fake.calls_to("chat.postEphemeral")) >= 3 and fake.calls_to("chat.postEphemeral")[2])
    assert "no more reminders about long messages" in confirm["text"]


async def test_teams_reply_outside_its_chain_is_nudged_in_a_private_chat(teams_bot):
    from tests.fakes.bot_connector import KEN, MARIA, channel_message, post_activity

    fake, service_url, bot_url, _ = teams_bot
    question = channel_message(service_url, "Maria, what time is the launch meeting tomorrow?", "1700000200000",
                               sender=KEN, activity_id="1700000200000")
    answer = channel_message(service_url, "Ken, the launch meeting is at 10am tomorrow in room 4", "1700000230000",
                             sender=MARIA, activity_id="1700000230000")
    for activity in (question, answer):
        status, _ = await post_activity(bot_url, activity)
        assert status == 202  # accepted: the turn answers through the Bot Connector
    sent = await eventually(lambda: fake.sent)
    assert len(sent) == 1 and sent[0].conversation_id == f"a:1personal-with-{MARIA.id}"
    card = sent[0].activity["attachments"][0]["content"]
    assert "answer to an earlier message" in card["body"][0]["text"]
    assert {a["data"]["action"] for a in card["actions"]} == {"threads_move", "threads_opt_out"}


async def test_hello_only_is_nudged_after_the_follow_up_window_unless_the_question_came(slack_api, make_settings):
    fake, api_url = slack_api
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, hello_follow_up_seconds=0.5)
    hello, asked = {"user": "U1", "text": "hi <@U2>", "ts": ts(200)}, {"user": "U3", "text": "hey", "ts": ts(210)}
    question = {"user": "U3", "text": "do you have the Q3 numbers for the board deck?", "ts": ts(210.3)}
    fake.history[CHANNEL] = [{"type": "message", **m} for m in (hello, asked, question)]
    async with serving(create_app(settings)) as url:
        await say(url, "U1", hello["text"], hello["ts"], "EvHello1")
        await say(url, "U3", asked["text"], asked["ts"], "EvHello3")
        await say(url, "U3", question["text"], question["ts"], "EvQuestion3")
        nudges = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
        assert nudges[0]["user"] == "U1" and "nohello" in nudges[0]["text"], nudges
        await asyncio.sleep(1.0)  # U3's window has passed too: their question followed
    assert [n["user"] for n in fake.calls_to("chat.postEphemeral")] == ["U1"]


async def test_broadcast_after_hours_offers_send_later_for_the_channel(slack_api, make_settings):
    fake, api_url = slack_api
    # Working hours 09-17 in zones 8 h apart never overlap: at any moment two of three are off work.
    for user, zone in (("U1", "Etc/UTC"), ("U2", "Etc/GMT-8"), ("U3", "Etc/GMT+8")):
        fake.add_user(user, user, tz=zone)
    fake.add_user("U9", "Boss", tz="Europe/Berlin")
    fake.channel_members[CHANNEL] = ["U1", "U2", "U3", "U9"]
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url)
    async with serving(create_app(settings)) as url:
        await say(url, "U9", "<!channel> the office is closed on Friday", ts(300), "EvBroadcast")
        [nudge] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
        assert nudge["user"] == "U9" and "outside working hours" in nudge["text"]
        blocks = nudge["blocks"] if isinstance(nudge["blocks"], list) else json.loads(nudge["blocks"])
        buttons = {e["action_id"]: e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]}
        assert buttons["later_channel_instead"] == "<!channel> the office is closed on Friday"

        payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U9", "name": "boss"},
                   "channel": {"id": CHANNEL}, "container": {"type": "message", "channel_id": CHANNEL},
                   "trigger_id": "7.7", "actions": [{"action_id": "later_channel_instead",
                                                     "value": buttons["later_channel_instead"]}]}
        await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type=FORM)
        [opened] = await eventually(lambda: fake.calls_to("views.open"))
    view = opened["view"] if isinstance(opened["view"], dict) else json.loads(opened["view"])
    assert json.loads(view["private_metadata"])["state"].startswith('{"to": "<#C0TEAM|this channel>"')
    message = next(b for b in view["blocks"] if b.get("block_id") == "message")
    assert "office is closed on Friday" in message["element"]["initial_value"]


async def test_teams_move_it_there_new_topics_edits_and_cooldown(teams_bot):
    from tests.fakes.bot_connector import (
        CHANNEL_ID,
        KEN,
        MARIA,
        PERSONAL_CHAT_ID,
        card_submit,
        channel_message,
        post_activity,
    )

    fake, service_url, bot_url, _ = teams_bot
    maria_chat = f"a:1personal-with-{MARIA.id}"
    question = channel_message(service_url, "Maria, what time is the launch meeting tomorrow?", "1700000500000",
                               sender=KEN, activity_id="1700000500000")
    answer = channel_message(service_url, "Ken, the launch meeting is at 10am tomorrow in room 4", "1700000530000",
                             sender=MARIA, activity_id="1700000530000")
    new_topic = channel_message(service_url, "Lunch order is open, add yours to the sheet", "1700000560000",
                                sender=KEN, activity_id="1700000560000")
    for activity in (question, answer, new_topic):
        await post_activity(bot_url, activity)
    [note] = await eventually(lambda: fake.sent_to(maria_chat))
    card = note.activity["attachments"][0]["content"]
    move = next(a["data"] for a in card["actions"] if a["data"]["action"] == "threads_move")

    await post_activity(bot_url, card_submit(service_url, move))  # clicked in Maria's 1:1 chat
    chain = f"{CHANNEL_ID};messageid=1700000500000"
    [moved] = await eventually(lambda: fake.sent_to(chain))
    assert "Maria Garcia wrote in the channel" in moved.text and "10am tomorrow in room 4" in moved.text
    # The click came from Maria's personal chat (the fake names it differently from the one it created).
    await eventually(lambda: any("Moved to the thread" in s.text for s in fake.sent_to(PERSONAL_CHAT_ID)))

    edited = {**answer, "type": "messageUpdate", "id": "1700000530000",
              "channelData": {**answer["channelData"], "eventType": "editMessage"}}
    await post_activity(bot_url, edited)  # an edit is no new message: no second note
    again = channel_message(service_url, "Ken, it's room 5 actually, the meeting is at 10am", "1700000590000",
                            sender=MARIA, activity_id="1700000590000")
    await post_activity(bot_url, again)  # a second answer the same day: the cooldown holds it back
    await post_activity(bot_url, channel_message(service_url, "x" * 1600, "1700000600000", sender=KEN,
                                                 activity_id="1700000600000"))
    await eventually(lambda: fake.sent_to(f"a:1personal-with-{KEN.id}"))  # Ken's long message: his note
    notes = [s for s in fake.sent_to(maria_chat) if s.activity.get("attachments")]
    assert len(notes) == 1


async def test_slack_edits_and_bot_posts_are_never_nudged(channel_bot):
    fake, url, _ = channel_bot
    long_text = "y" * 1600
    edit = {"type": "message", "subtype": "message_changed", "channel": CHANNEL, "ts": ts(120),
            "message": {"type": "message", "user": "U1", "text": long_text, "ts": ts(100)}}
    bot_post = {"type": "message", "subtype": "bot_message", "bot_id": "B1", "channel": CHANNEL, "text": long_text,
                "ts": ts(121)}
    own_post = {"type": "message", "bot_id": "BBOT", "user": "UBOT", "channel": CHANNEL, "text": long_text,
                "ts": ts(122)}
    for n, event in enumerate((edit, bot_post, own_post)):
        await post_signed(url, event_body(event, event_id=f"EvQuiet{n}"))
    await say(url, "U2", long_text, ts(130), "EvLongKen")  # a person's long message still gets its note
    notes = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert [n["user"] for n in notes] == ["U2"]


async def test_teams_dont_remind_me_is_respected(bot_connector, make_settings):
    from bot.app import STORE
    from tests.fakes.bot_connector import KEN, TENANT_ID, card_submit, channel_message, post_activity

    fake, service_url = bot_connector
    app = create_app(make_settings(nudge_cooldown_hours=0))  # no cooldown: only the opt-out can hold it back
    ken_chat = f"a:1personal-with-{KEN.id}"
    async with serving(app) as bot_url:
        await post_activity(bot_url, channel_message(service_url, "y" * 1600, "1700001100000", sender=KEN,
                                                     activity_id="1700001100000"))
        [note] = await eventually(lambda: fake.sent_to(ken_chat))
        card = note.activity["attachments"][0]["content"]
        opt_out = next(a["data"] for a in card["actions"] if a["data"]["action"] == "threads_opt_out")
        await post_activity(bot_url, card_submit(service_url, opt_out, sender=KEN, card_id=note.id))
        [update] = await eventually(lambda: fake.updated)  # the note itself says so; its buttons are gone
        assert update.id == note.id and "no more reminders about long messages" in update.text
        assert await app[STORE].get_setting("teams", TENANT_ID, f"user:{KEN.id}", "no_nudge:long_message") is True
        await post_activity(bot_url, channel_message(service_url, "z" * 1600, "1700001200000", sender=KEN,
                                                     activity_id="1700001200000"))
        await post_activity(bot_url, channel_message(service_url, "help", "1700001200000", sender=KEN,
                                                     activity_id="1700001200500", mention_bot=True))
        await eventually(lambda: fake.sent_to("19:abc@thread.tacv2;messageid=1700001200000"))  # handled in order
    notes = [s for s in fake.sent_to(ken_chat) if s.activity.get("attachments")]
    assert len(notes) == 1  # the opt-out held
