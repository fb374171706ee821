"""No body is a 5xx: both webhook routes answer 401, 400 or 413 with a reason for anything that is not a good request."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SIGNING_SECRET
from tests.fakes.bot_connector import personal_message
from tests.fakes.hostile import oauth_redirect_cases, slack_cases, teams_cases
from tests.fakes.slack_api import BOT_USER_ID, command_body, event_body, sign
from tests.test_later_teams_e2e import extension_invoke
from tests.test_slack_oauth import oauth_bot  # noqa: F401 - a fixture

MENTION = {"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER_ID}> help", "ts": "1700000500.000200",
           "channel": "C1", "event_ts": "1700000500.000200"}
CLICK = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U1"}, "trigger_id": "1.2",
         "channel": {"id": "C1"}, "container": {"type": "message", "channel_id": "C1", "message_ts": "1.1"},
         "actions": [{"action_id": "later_cancel", "value": "42", "type": "button", "block_id": "b"}]}
ISSUED = "<a state the install page issued>"
DEEP = b"[" * 100_000 + b"]" * 100_000


async def post(url: str, body: bytes, content_type: str, headers: dict | None = None) -> tuple[int, str]:
    async with aiohttp.ClientSession() as http:
        async with http.post(url, data=body, headers={"Content-Type": content_type, **(headers or {})}) as response:
            return response.status, await response.text()


async def slack_post(base: str, body: bytes, content_type: str = "application/json", signed: bool = True):
    return await post(base + "/slack/events", body, content_type, sign(SIGNING_SECRET, body) if signed else None)


@pytest.mark.parametrize("body, content_type, reason", [
    (b"\xff\xfe{}", "application/json", "not UTF-8"),
    (b"[]", "application/json", "must be a JSON object"),
    (b"42", "application/json", "must be a JSON object"),
    (b'"text"', "application/json", "must be a JSON object"),
    (DEEP, "application/json", "nested too deeply"),
    (json.dumps({"type": "event_callback", "event": "oops"}).encode(), "application/json", "'event' must be an object"),
    (json.dumps({"type": ["event_callback"]}).encode(), "application/json", "'type' must be a string"),
    (json.dumps({"type": "event_callback", "team": 7, "event": MENTION}).encode(), "application/json", "'team'"),
    (b"<xml/>", "application/xml", "content type"),
    (event_body(MENTION).encode(), "text/plain", "content type"),
    (urlencode({"payload": "[1]"}).encode(), "application/x-www-form-urlencoded", "payload must be a JSON object"),
    (urlencode({"payload": json.dumps({**CLICK, "actions": "x"})}).encode(), "application/x-www-form-urlencoded",
     "'actions'"),
    (b"hello=world", "application/x-www-form-urlencoded", "neither a slash command"),
])
async def test_slack_signed_malformed_bodies_are_400_with_a_reason(slack_bot, body, content_type, reason):
    _, url, _ = slack_bot
    status, text = await slack_post(url, body, content_type)
    assert status == 400
    assert reason in json.loads(text)["error"]


@pytest.mark.parametrize("body", [b"\xff\xfe", b"[]", DEEP, event_body(MENTION).encode()])
async def test_slack_unsigned_bodies_are_401_whatever_they_hold(slack_bot, body):
    fake, url, _ = slack_bot
    assert (await slack_post(url, body, signed=False))[0] == 401
    assert fake.calls_to("chat.postMessage") == []


async def test_slack_huge_body_is_413_before_anything_else(slack_bot):
    _, url, _ = slack_bot
    huge = b'{"type": "event_callback", "x": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    status, text = await slack_post(url, huge)
    assert status == 413 and "larger than" in text

    async def chunks():  # no Content-Length: the cap holds while reading
        for _ in range(40):
            yield b"a" * 64 * 1024

    async with aiohttp.ClientSession() as http:
        async with http.post(url + "/slack/events", data=chunks(), headers={"Content-Type": "application/json"}) as r:
            assert r.status == 413


async def test_slack_signed_good_command_still_works(slack_bot):
    from tests.fakes.server import eventually

    fake, url, _ = slack_bot
    status, _ = await slack_post(url, command_body("/frobnicate", "x").encode(), "application/x-www-form-urlencoded")
    assert status == 200
    await eventually(lambda: fake.calls_to("chat.postEphemeral"))


@pytest.mark.parametrize("body, content_type, status, reason", [
    (b"\xff\xfe{}", "application/json", 400, "not UTF-8"),
    (b"[]", "application/json", 400, "must be a JSON object"),
    (b"null", "application/json", 400, "must be a JSON object"),
    (DEEP, "application/json", 400, "nested too deeply"),
    (b"{}", "text/plain", 400, "content type"),
    (b"{" + b'"a":' + b"a" * (2 * 1024 * 1024) + b"}", "application/json", 413, "larger than"),
])
async def test_teams_malformed_bodies_are_4xx_with_a_reason(teams_bot, body, content_type, status, reason):
    _, _, url, _ = teams_bot
    answer, text = await post(url + "/api/messages", body, content_type)
    assert answer == status
    assert reason in json.loads(text)["error"]


async def test_teams_activity_with_a_conversation_id_that_is_not_text_is_400(teams_bot):
    _, service_url, url, _ = teams_bot
    activity = personal_message(service_url, "hi")
    activity["conversation"]["id"] = {"nested": True}
    assert (await post(url + "/api/messages", json.dumps(activity).encode(), "application/json"))[0] == 400


FUZZ = settings(max_examples=200, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])


@FUZZ
@given(case=slack_cases(json.loads(event_body(MENTION)), CLICK, command_body("/later", "tomorrow hi")))
async def test_fuzz_slack_no_body_is_a_5xx(slack_bot, case):
    _, url, _ = slack_bot
    body, content_type, signed = case
    status, text = await slack_post(url, body, content_type, signed)
    assert status < 500, (status, text, body[:200])


@FUZZ
@given(case=teams_cases(personal_message("http://127.0.0.1:9/", "help")))
async def test_fuzz_teams_no_body_is_a_5xx(teams_bot, case):
    _, _, url, _ = teams_bot
    body, content_type, _ = case
    status, text = await post(url + "/api/messages", body, content_type)
    assert status < 500, (status, text, body[:200])


HANDLED_INVOKES = ("composeExtension/fetchTask", "composeExtension/submitAction")


def _unhandled_invoke(body: bytes) -> bool:
    """An invoke named for something the bot does not do: botbuilder answers 501 Not Implemented, the Bot
    Framework's answer to it (Teams shows that the app cannot do this), not a failure."""
    try:
        activity = json.loads(body)
    except ValueError:
        return False
    if not (isinstance(activity, dict) and activity.get("type") == "invoke"):
        return False
    name = activity.get("name")
    return isinstance(name, str) and bool(name) and name not in HANDLED_INVOKES


@FUZZ
@given(case=st.sampled_from(HANDLED_INVOKES).flatmap(lambda name: teams_cases(extension_invoke(
    "http://127.0.0.1:9/", name, {"commandId": "sendLater", "commandContext": "message",
                                  "messagePayload": {"id": "1700000000000", "body": {"content": "<p>x</p>"}},
                                  "data": {"to": "", "when": "tomorrow 10:00", "message": "x"}}))))
async def test_fuzz_teams_invokes_are_never_a_5xx(teams_bot, case):
    """The message extension's invokes are answered in the HTTP body, so their handling is on the request."""
    _, _, url, _ = teams_bot
    body, content_type, _ = case
    status, text = await post(url + "/api/messages", body, content_type)
    assert status < 500 or (status == 501 and _unhandled_invoke(body)), (status, text, body[:300])


async def test_teams_invoke_without_a_name_is_400(teams_bot):
    _, service_url, url, _ = teams_bot
    invoke = extension_invoke(service_url, "composeExtension/fetchTask", {"commandId": "sendLater"})
    del invoke["name"]
    status, text = await post(url + "/api/messages", json.dumps(invoke).encode(), "application/json")
    assert status == 400 and "'name'" in text


@FUZZ
@given(case=oauth_redirect_cases(ISSUED))
async def test_fuzz_slack_oauth_pages_are_never_a_5xx(oauth_bot, case):  # noqa: F811 - the fixture
    """The install and redirect pages are public: any query and state cookie gets a page, never a 5xx (with a
    state the install page really issued, too, so the code exchange is reached)."""
    _, url, _ = oauth_bot
    query, cookies = case
    async with aiohttp.ClientSession() as http:
        if ISSUED in [*query.values(), *cookies.values()]:
            async with http.get(url + "/slack/install") as page:
                state = re.search(r"state=([\w-]+)", await page.text()).group(1)
            query = {k: state if v == ISSUED else v for k, v in query.items()}
            cookies = {k: state if v == ISSUED else v for k, v in cookies.items()}
        for path in ("/slack/install", "/slack/oauth_redirect"):
            async with http.get(url + path, params=query, cookies=cookies, allow_redirects=False) as response:
                assert response.status < 500, (path, query, cookies, response.status, await response.text())
