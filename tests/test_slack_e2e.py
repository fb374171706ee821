"""Slack end to end: signed requests into the real app, Web API answered by a loopback fake."""

from __future__ import annotations

import json
import time
from contextlib import asynccontextmanager
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.commands import usage_lines
from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually
from tests.fakes.slack_api import BOT_USER_ID, command_body, event_body, sign

CHANNEL = "C0GENERAL"
ROOT_TS = "1700000000.000100"


async def post_signed(url: str, body: str, content_type: str = "application/json", **headers: str):
    async with aiohttp.ClientSession() as http:
        all_headers = {"Content-Type": content_type, **sign(SIGNING_SECRET, body), **headers}
        async with http.post(url + "/slack/events", data=body, headers=all_headers) as response:
            return response.status, await response.text()


def mention(text: str, ts: str = "1700000500.000200", thread_ts: str | None = ROOT_TS) -> dict:
    event = {"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
             "channel": CHANNEL, "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def seed_thread(fake, replies: int = 4) -> None:
    fake.add_user("U1", "Maria")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    messages = [{"type": "message", "user": "U1", "text": "Should we move the launch?", "ts": ROOT_TS,
                 "thread_ts": ROOT_TS}]
    for i in range(replies):
        messages.append({"type": "message", "user": ["U2", "U1"][i % 2], "text": f"reply {i}",
                         "ts": f"1700000{100 + i}.000000", "thread_ts": ROOT_TS})
    messages.append({"type": "message", "bot_id": "BOTHER", "username": "otherbot", "text": "beep",
                     "ts": "1700000400.000000", "thread_ts": ROOT_TS})
    messages.append({"type": "message", "subtype": "tombstone", "user": "USLACKBOT", "hidden": True,
                     "text": "This message was deleted.", "ts": "1700000450.000000", "thread_ts": ROOT_TS})
    fake.threads[(CHANNEL, ROOT_TS)] = messages


async def test_url_verification_answers_the_challenge(slack_bot):
    _, url, _ = slack_bot
    body = json.dumps({"token": "t", "challenge": "abc123", "type": "url_verification"})
    status, text = await post_signed(url, body)
    assert status == 200
    assert "abc123" in text


async def test_help_mention_replies_in_the_thread(slack_bot):
    fake, url, _ = slack_bot
    status, _ = await post_signed(url, event_body(mention("help")))
    assert status == 200
    posts = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert len(posts) == 1
    assert posts[0]["channel"] == CHANNEL
    assert posts[0]["thread_ts"] == ROOT_TS
    blocks = json.loads(posts[0]["blocks"]) if isinstance(posts[0]["blocks"], str) else posts[0]["blocks"]
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    commands = next(s for s in sections if s.startswith("*Commands*")).split("\n")[1:]
    # One item per line, every command of the table in Slack's words, and nothing typed Teams' way.
    assert commands == [f"• {line}" for line in usage_lines("slack")]
    for typed in ("`/later list`", "`/later cancel ID`", "`/digest now`", "`/digest off`", "`@etiquette settings`",
                  "`@etiquette summarize private`", "`@etiquette help`"):
        assert any(line.startswith(f"• {typed}") for line in commands), typed


async def test_mention_at_top_level_replies_in_a_thread_under_it(slack_bot):
    fake, url, _ = slack_bot
    await post_signed(url, event_body(mention("help", ts="1700000900.000100", thread_ts=None)))
    posts = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert posts[0]["thread_ts"] == "1700000900.000100"


async def test_other_mention_fetches_the_whole_thread_through_pagination(slack_bot):
    fake, url, _ = slack_bot
    seed_thread(fake, replies=4)  # 7 messages with page size 2 → 4 pages
    await post_signed(url, event_body(mention("what did I miss?")))
    posts = await eventually(lambda: fake.calls_to("chat.postMessage"))
    pages = fake.calls_to("conversations.replies")
    assert [p.get("cursor") for p in pages] == [None, "2", "4", "6"]
    assert all(p["ts"] == ROOT_TS and p["channel"] == CHANNEL for p in pages)
    reply = posts[0]
    assert reply["thread_ts"] == ROOT_TS
    assert "Maria" in reply["text"] and "Ken" in reply["text"]
    assert "otherbot" not in reply["text"] and "USLACKBOT" not in reply["text"] and "deleted" not in reply["text"]


async def test_retried_event_is_answered_once(slack_bot):
    fake, url, _ = slack_bot
    body = event_body(mention("help"), event_id="EvRETRY")
    assert (await post_signed(url, body))[0] == 200
    await eventually(lambda: fake.calls_to("chat.postMessage"))
    status, _ = await post_signed(url, body, **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert status == 200
    # A third, different event proves the app still works and gives the retry time to (not) post.
    await post_signed(url, event_body(mention("help", ts="1700000600.000100", thread_ts="1700000600.000100"), event_id="EvOTHER"))
    await eventually(lambda: len(fake.calls_to("chat.postMessage")) >= 2)
    assert [p["thread_ts"] for p in fake.calls_to("chat.postMessage")].count(ROOT_TS) == 1


@pytest.mark.parametrize("tamper", ["signature", "stale", "missing"])
async def test_bad_or_stale_signature_is_401_and_does_nothing(slack_bot, tamper):
    fake, url, _ = slack_bot
    body = event_body(mention("help"), event_id=f"Ev{tamper}")
    headers = {"Content-Type": "application/json", **sign(SIGNING_SECRET, body)}
    if tamper == "signature":
        headers = {**headers, **sign("wrong-secret", body)}
    elif tamper == "stale":
        headers = {"Content-Type": "application/json", **sign(SIGNING_SECRET, body, int(time.time()) - 600)}
    else:
        headers = {"Content-Type": "application/json"}
    async with aiohttp.ClientSession() as http:
        async with http.post(url + "/slack/events", data=body, headers=headers) as response:
            assert response.status == 401
    # The same body correctly signed still works: the rejected one was not recorded as seen.
    await post_signed(url, body)
    await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_unknown_slash_command_is_acked_and_answered_privately(slack_bot):
    fake, url, _ = slack_bot
    status, text = await post_signed(url, command_body("/frobnicate", "now"),
                                     content_type="application/x-www-form-urlencoded")
    assert status == 200
    ephemeral = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert ephemeral[0]["user"] == "U1" and ephemeral[0]["channel"] == "C1"
    assert "`frobnicate` is not available yet" in ephemeral[0]["text"]


@asynccontextmanager
async def recording_bot(slack_api, make_settings, event_type):
    """The real app with a router that only records events of `event_type`; yields (url, seen)."""
    from adapters.app import create_app
    from bot.router import Router
    from tests.fakes.server import serving

    _, api_url = slack_api
    seen: list = []

    async def record(event, context):
        seen.append(event)
        return []

    router = Router()
    router.on(event_type, record)
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url)
    async with serving(create_app(settings, router)) as url:
        yield url, seen


async def test_block_action_reaches_the_router(slack_api, make_settings):
    from bot.model import ActionClicked

    payload = {
        "type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U1", "name": "maria"},
        "api_app_id": "A0001", "trigger_id": "1.2", "channel": {"id": CHANNEL},
        "container": {"type": "message", "channel_id": CHANNEL, "message_ts": ROOT_TS},
        "actions": [{"action_id": "later_cancel", "value": "42", "type": "button", "block_id": "b"}],
    }
    async with recording_bot(slack_api, make_settings, ActionClicked) as (url, seen):
        status, _ = await post_signed(url, urlencode({"payload": json.dumps(payload)}),
                                      content_type="application/x-www-form-urlencoded")
        assert status == 200
        await eventually(lambda: seen)
    assert seen[0].action_id == "later_cancel" and seen[0].value == "42"
    assert seen[0].conversation.channel_id == CHANNEL and seen[0].user.id == "U1"


async def test_channel_message_reaches_the_router_but_not_bot_messages(slack_api, make_settings):
    from bot.model import MessagePosted

    async with recording_bot(slack_api, make_settings, MessagePosted) as (url, seen):
        bot_msg = {"type": "message", "subtype": "bot_message", "bot_id": "B9", "text": "beep",
                   "ts": "1700001000.000001", "channel": CHANNEL}
        human = {"type": "message", "user": "U2", "text": "hi <@U1>", "ts": "1700001001.000001",
                 "channel": CHANNEL, "channel_type": "channel"}
        await post_signed(url, event_body(bot_msg, event_id="EvBot"))
        await post_signed(url, event_body(human, event_id="EvHuman"))
        await eventually(lambda: seen)
    assert len(seen) == 1
    message = seen[0].message
    assert message.text == "hi <@U1>" and message.mentions == ("U1",) and message.author.id == "U2"
    assert message.conversation.workspace_id == "T0001"


async def test_malformed_json_event_is_rejected_with_a_client_error(slack_bot):
    _, url, _ = slack_bot
    status, text = await post_signed(url, "{not json")
    assert status == 400
    assert "not JSON" in text


async def test_malformed_json_with_bad_signature_is_401(slack_bot):
    _, url, _ = slack_bot
    async with aiohttp.ClientSession() as http:
        headers = {"Content-Type": "application/json", **sign("wrong", "{not json")}
        async with http.post(url + "/slack/events", data="{not json", headers=headers) as response:
            assert response.status == 401


async def test_rate_limited_web_api_call_is_retried_after_retry_after(slack_bot):
    fake, url, _ = slack_bot
    fake.rate_limited["chat.postMessage"] = 1
    await post_signed(url, event_body(mention("help"), event_id="EvLimited"))
    await eventually(lambda: [c for c in fake.calls if c.method == "chat.postMessage"][1:])
    posts = [c for c in fake.calls if c.method == "chat.postMessage"]
    assert len(posts) == 2 and posts[0].params == posts[1].params  # the same call, once refused, once done


def test_long_text_is_split_into_sections_slack_accepts_and_nothing_is_lost():
    from adapters.slack.platform import MAX_BLOCKS, SECTION_CHARS, blocks, split_text

    samples = ["a" * 7000, " ".join(["word"] * 1500), "\n".join(f"line {i} " + "x" * (i % 200) for i in range(300)), ""]
    for text in samples:
        parts = split_text(text)
        assert all(len(part) <= SECTION_CHARS for part in parts)
        assert "".join(parts).replace("\n", "").replace(" ", "") == text.replace("\n", "").replace(" ", "")
    huge = blocks("y" * (SECTION_CHARS * 80), (), ())
    assert len(huge) <= MAX_BLOCKS and all(len(b["text"]["text"]) <= SECTION_CHARS for b in huge)


async def test_socket_mode_receives_events_over_the_websocket_and_acks_them(slack_api, make_settings):
    from adapters.app import create_app
    from tests.fakes.server import serving

    fake, api_url = slack_api
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_app_token="xapp-test", slack_api_base_url=api_url)
    async with serving(create_app(settings)):
        await eventually(lambda: fake.sockets)
        assert fake.calls_to("apps.connections.open")
        payload = json.loads(event_body(mention("help"), event_id="EvSocket"))
        await fake.push({"envelope_id": "env-1", "type": "events_api", "accepts_response_payload": False,
                         "payload": payload})
        posts = await eventually(lambda: fake.calls_to("chat.postMessage"))
        await eventually(lambda: fake.acks)
    assert posts[0]["thread_ts"] == ROOT_TS
    assert fake.acks[0]["envelope_id"] == "env-1"


async def test_summary_lines_link_to_their_source_messages(slack_bot):
    fake, url, _ = slack_bot
    fake.add_user("U1", "Maria")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    said = [("U1", "Should we move the launch to May? The vendor is late."),
            ("U2", "I think May is safer, the vendor confirmed they are late."),
            ("U1", "Agreed, we move the launch to May."),
            ("U1", "<@U2> can you update the roadmap by Friday?"),
            ("U2", "Sure, I'll update the roadmap by Friday.")]
    fake.threads[(CHANNEL, ROOT_TS)] = [
        {"type": "message", "user": user, "text": text, "thread_ts": ROOT_TS,
         "ts": ROOT_TS if i == 0 else f"1700000{100 + i}.000000"} for i, (user, text) in enumerate(said)]
    await post_signed(url, event_body(mention("summarize")))
    [reply] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    blocks = json.loads(reply["blocks"]) if isinstance(reply["blocks"], str) else reply["blocks"]
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    actions = next(text for text in texts if text.startswith("*Action items*"))
    # Slack's permalink form, from the workspace URL auth.test gives (fetched once, not per message).
    assert f"<https://fake.slack.test/archives/{CHANNEL}/p1700000" in actions
    assert f"?thread_ts={ROOT_TS}&cid={CHANNEL}|source>" in actions
    looked_up = len(fake.calls_to("auth.test"))
    await post_signed(url, event_body(mention("summarize again"), event_id="EvAgain"))
    await eventually(lambda: len(fake.calls_to("chat.postMessage")) == 2)
    assert len(fake.calls_to("auth.test")) == looked_up  # the workspace URL is known now


async def test_without_a_workspace_url_summaries_go_on_without_links_and_ask_once(slack_api):
    from slack_sdk.web.async_client import AsyncWebClient

    from adapters.slack import platform as slack_platform
    from bot.model import Conversation

    fake, api_url = slack_api
    seed_thread(fake, replies=6)
    fake.refused["auth.test"] = "ratelimited"
    slack_platform._WORKSPACE_URLS.pop("T0NOURL", None)
    where = Conversation("slack", "T0NOURL", CHANNEL, ROOT_TS)
    thread = await slack_platform.SlackPlatform(AsyncWebClient(token="xoxb-test", base_url=api_url)).fetch_thread(where)
    assert len(thread.messages) >= 7 and all(m.link is None for m in thread.messages)
    assert len(fake.calls_to("auth.test")) == 1  # not once per message


async def test_first_home_visit_gets_the_welcome_in_a_dm_once(slack_bot):
    fake, url, _ = slack_bot
    for n in range(2):  # the home opened twice: one welcome
        await post_signed(url, event_body({"type": "app_home_opened", "user": "U1", "tab": "messages",
                                           "channel": "D1", "event_ts": f"{n}.0"}, event_id=f"EvHomeWelcome{n}"))
    [welcome] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert welcome["channel"] == "U1"
    lines = welcome["text"].split("\n")
    assert len(lines) == 3 and lines[1].startswith("Try `/later @maria") and "`@etiquette help`" in lines[2]
    assert len(fake.calls_to("chat.postMessage")) == 1


@pytest.mark.parametrize("typed", ["settings", "digest off", "later list", "summarize private"])
async def test_a_command_typed_in_a_channel_is_answered_there_for_the_asker_alone(slack_bot, typed):
    fake, url, _ = slack_bot
    seed_thread(fake)
    await post_signed(url, event_body(mention(typed)))
    [ephemeral] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert (ephemeral["channel"], ephemeral["user"]) == (CHANNEL, "U1")  # in the channel, seen by Maria only
    assert fake.calls_to("chat.postMessage") == []  # nothing for everyone, nothing in a DM elsewhere


async def test_settings_on_slack_are_explained_in_slack_words(slack_bot):
    fake, url, _ = slack_bot
    fake.add_user("U1", "Maria")
    await post_signed(url, event_body(mention("settings")))
    [ephemeral] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert "`@etiquette settings tz Europe/Berlin`" in ephemeral["text"]
    assert "`settings" not in ephemeral["text"]  # Slack has no /settings: bare `settings` would do nothing there


async def test_slack_unreachable_for_bolts_auth_test_is_answered_503_not_500(make_settings, caplog):
    """Bolt checks the bot token (`auth.test`) before a command reaches our middleware; Slack unreachable then is
    a moment's unavailability: 503 and an error line, never Bolt's 500."""
    from adapters.app import create_app
    from tests.fakes.server import free_port, serving

    closed = f"http://127.0.0.1:{free_port()}/api/"  # nothing listens there
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test", slack_api_base_url=closed)
    async with serving(create_app(settings)) as url:
        status, _ = await post_signed(url, command_body("/later", "list"), "application/x-www-form-urlencoded")
    assert status == 503
    assert "Slack or the store unreachable" in caplog.text
