"""Teams authentication offline: the real app with credentials, a loopback OpenID/JWKS endpoint, tokens signed here."""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager

import aiohttp
import pytest

from adapters.app import create_app
from bot.model import Event, Mentioned, MessagePosted
from bot.router import Router
from tests.fakes.bot_connector import personal_message
from tests.fakes.openid import FakeOpenId, new_key
from tests.fakes.server import eventually, free_port, serving

APP_ID = "00000000-0000-0000-0000-0000000000b0"
SERVICE_URL = "https://smba.trafficmanager.net/emea/"  # never called: the router here only records


@asynccontextmanager
async def authenticated_bot(make_settings, metadata_url: str):
    """The real app with Teams credentials; its router records the events that got through."""
    seen: list[Event] = []

    async def record(event, context):
        seen.append(event)
        return []

    router = Router()
    router.on(MessagePosted, record)
    router.on(Mentioned, record)
    settings = make_settings(microsoft_app_id=APP_ID, microsoft_app_password="not-used-offline",
                             microsoft_openid_metadata_url=metadata_url)
    async with serving(create_app(settings, router)) as url:
        yield url, seen


@pytest.fixture
async def openid():
    fake = FakeOpenId()
    async with serving(fake.app()) as url:
        fake.base_url = url
        yield fake


async def post(bot_url: str, activity: dict, authorization: str | None) -> int:
    headers = {"Authorization": authorization} if authorization is not None else {}
    async with aiohttp.ClientSession() as http:
        async with http.post(bot_url + "/api/messages", json=activity, headers=headers) as response:
            return response.status


async def test_a_token_signed_by_the_channel_is_accepted(make_settings, openid):
    async with authenticated_bot(make_settings, openid.metadata_url) as (url, seen):
        status = await post(url, personal_message(SERVICE_URL, "hello"), "Bearer " + openid.token(APP_ID, SERVICE_URL))
        assert status == 202
        await eventually(lambda: seen)
    assert seen[0].message.text == "hello"
    assert openid.fetches == ["/v1/.well-known/openidconfiguration", "/keys"]


def _hour_ago() -> int:
    return int(time.time()) - 3600


@pytest.mark.parametrize("forged", [
    dict(aud="someone-elses-bot"),
    dict(iss="https://evil.example"),
    dict(exp=None),  # replaced below: expired an hour ago (past botbuilder's 5 min leeway)
    dict(nbf=None),  # replaced below: valid only an hour from now
    dict(algorithm="none"),
    dict(key=None),  # replaced below: signed by a key that is not the channel's
    dict(serviceurl="https://attacker.example/"),
], ids=["audience", "issuer", "expired", "not-yet-valid", "alg-none", "bad-signature", "service-url"])
async def test_a_forged_or_stale_token_is_401_and_reaches_no_skill(make_settings, openid, forged):
    if "exp" in forged:
        forged = dict(exp=_hour_ago(), iat=_hour_ago() - 60, nbf=_hour_ago() - 60)
    elif "nbf" in forged:
        forged = dict(nbf=int(time.time()) + 3600)
    elif "key" in forged:
        forged = dict(key=new_key())
    async with authenticated_bot(make_settings, openid.metadata_url) as (url, seen):
        token = openid.token(APP_ID, SERVICE_URL, **forged)
        assert await post(url, personal_message(SERVICE_URL, "forged"), "Bearer " + token) == 401
        # The same activity with a good token gets through: the refusal was about the token alone.
        assert await post(url, personal_message(SERVICE_URL, "genuine"),
                          "Bearer " + openid.token(APP_ID, SERVICE_URL)) == 202
        await eventually(lambda: seen)
    assert [event.message.text for event in seen] == ["genuine"]


@pytest.mark.parametrize("authorization", [None, "", "Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz",
                                           "Bearer " + "A" * 5000, "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"])
async def test_a_malformed_authorization_is_401_without_any_fetch(make_settings, openid, authorization):
    async with authenticated_bot(make_settings, openid.metadata_url) as (url, seen):
        assert await post(url, personal_message(SERVICE_URL, "hi"), authorization) == 401
    assert openid.fetches == [] and seen == []


async def test_unreachable_signing_keys_are_503_with_a_log_line_never_500(make_settings, caplog):
    closed = f"http://127.0.0.1:{free_port()}/v1/.well-known/openidconfiguration"
    token = FakeOpenId().token(APP_ID, SERVICE_URL)
    with caplog.at_level(logging.ERROR):
        async with authenticated_bot(make_settings, closed) as (url, seen):
            assert await post(url, personal_message(SERVICE_URL, "hi"), "Bearer " + token) == 503
    assert seen == []
    assert any("openid metadata unreachable" in r.getMessage() for r in caplog.records)
    assert any("signing keys unavailable" in r.getMessage() for r in caplog.records)


async def test_fetching_the_signing_keys_does_not_block_the_event_loop(make_settings, openid):
    """The metadata endpoint holds its answer until /healthz of the same app has answered.

    A blocking fetch would hold the loop that must serve /healthz (and the fake): a deadlock, not a pass.
    """
    openid.hold = asyncio.Event()
    async with authenticated_bot(make_settings, openid.metadata_url) as (url, seen):
        token = "Bearer " + openid.token(APP_ID, SERVICE_URL)
        pending = asyncio.create_task(post(url, personal_message(SERVICE_URL, "hi"), token))
        await eventually(lambda: openid.fetches)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as http:
            async with http.get(url + "/healthz") as response:
                assert response.status == 200
        openid.hold.set()
        assert await pending == 202
        await eventually(lambda: seen)
