"""Slack's Events API bodies are acknowledged once stored in the inbox, before the bot is authorized in the
workspace; the authorization (who the bot is there, whether it is installed at all) happens when the work runs.

End to end through /slack/events with real signing, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone

import pytest
from cryptography.fernet import Fernet
from prometheus_client import REGISTRY
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import create_async_engine

from adapters.app import create_app
from adapters.slack.oauth import EncryptedInstallationStore
from bot.actions import Post
from bot.app import INBOX, JOBS, STORE
from bot.model import Conversation
from bot.tables import inbox, messages
from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually, eventually_async, serving
from tests.fakes.slack_api import BOT_USER_ID, OAUTH_TEAM_ID, TEAM_ID, event_body
from tests.test_slack_e2e import CHANNEL, post_signed
from tests.test_slack_oauth import install


def said(text: str, ts: str, event_id: str, team: str = TEAM_ID, **fields) -> str:
    event = {"type": "message", "channel": CHANNEL, "channel_type": "channel", "user": "U2", "text": text,
             "ts": ts, "event_ts": ts, **fields}
    body = json.loads(event_body(event, event_id=event_id))
    body["team_id"] = team
    body["authorizations"][0]["team_id"] = team
    return json.dumps(body)


async def stored(app, team: str = TEAM_ID) -> list[str]:
    """The ids (Slack ts) of the messages stored for `team`."""
    async with app[STORE].engine.connect() as conn:
        rows = await conn.execute(select(messages.c.message_id).where(messages.c.workspace_id == team)
                                  .order_by(messages.c.message_id))
        return [ts for (ts,) in rows]


@pytest.fixture
async def bot_on(slack_api, make_settings, database_url):
    fake, api_url = slack_api
    app = create_app(make_settings(database_url=database_url, slack_signing_secret=SIGNING_SECRET,
                                   slack_bot_token="xoxb-test", slack_api_base_url=api_url))
    async with serving(app) as url:
        yield fake, url, app


async def test_an_event_is_acknowledged_while_asking_slack_who_the_bot_is_is_still_under_way(bot_on):
    fake, url, app = bot_on
    fake.add_user("U2", "Ken")
    fake.answer_held["auth.test"] = held = asyncio.Event()  # Bolt asked this before its first ack

    status, _ = await asyncio.wait_for(post_signed(url, said("shall we ship on Friday?", "1700000001.000001",
                                                              "EvFirst")), timeout=10)
    assert status == 200
    assert await app[INBOX].inbox.status_of("slack", "EvFirst") == "working"  # stored before the answer
    assert await stored(app) == []  # its work waits for the answer about the bot
    assert fake.calls_to("auth.test")

    held.set()
    await eventually_async(lambda: stored(app), lambda ids: ids == ["1700000001.000001"])
    await eventually(lambda: app[INBOX].running == 0)
    asked = len(fake.calls_to("auth.test"))
    status, _ = await post_signed(url, said("shall we ship on Friday?", "1700000001.000001", "EvFirst"))
    assert status == 200  # Slack's retry: acknowledged, stored once
    assert (await post_signed(url, said("or Monday?", "1700000002.000001", "EvSecond")))[0] == 200
    await eventually(lambda: app[INBOX].running == 0)
    assert await stored(app) == ["1700000001.000001", "1700000002.000001"]
    assert len(fake.calls_to("auth.test")) == asked  # who the bot is was asked once, not per event


async def test_the_bots_own_posts_edits_and_reactions_are_neither_stored_nor_acted_on(bot_on):
    fake, url, app = bot_on
    fake.add_user("U2", "Ken")
    own = [
        said("a reminder from the bot", "1700000010.000001", "EvOwnPost", user=BOT_USER_ID),
        said("posted as the bot's app", "1700000011.000001", "EvOwnBotId", user=None, bot_id="BBOT"),
        event_body({"type": "message", "subtype": "message_changed", "channel": CHANNEL, "ts": "1700000012.000002",
                    "message": {"type": "message", "user": BOT_USER_ID, "text": "edited by the bot",
                                "ts": "1700000010.000001", "edited": {"user": BOT_USER_ID, "ts": "1700000012.0"}}},
                   event_id="EvOwnEdit"),
        event_body({"type": "reaction_added", "user": BOT_USER_ID, "reaction": "eyes",
                    "item": {"type": "message", "channel": CHANNEL, "ts": "1700000013.000001"},
                    "event_ts": "1700000014.000001"}, event_id="EvOwnReaction"),
    ]
    for body in own:
        assert (await post_signed(url, body))[0] == 200
    assert (await post_signed(url, said("a person's message", "1700000013.000001", "EvHuman")))[0] == 200
    await eventually(lambda: app[INBOX].running == 0)
    assert await stored(app) == ["1700000013.000001"]  # the person's message
    async with app[STORE].engine.connect() as conn:
        reactions = (await conn.execute(select(messages.c.reactions))).scalar_one()
    assert not reactions  # the bot's own :eyes: is not counted
    assert fake.calls_to("chat.postMessage") == [] and fake.calls_to("chat.postEphemeral") == []


async def test_with_oauth_an_event_from_a_workspace_without_the_app_is_acknowledged_and_nothing_kept(
        slack_api, make_settings, database_url):
    fake, api_url = slack_api
    app = create_app(make_settings(database_url=database_url, slack_signing_secret=SIGNING_SECRET,
                                   slack_client_id="111.222", slack_client_secret="client-secret",
                                   slack_token_encryption_key=Fernet.generate_key().decode(),
                                   slack_api_base_url=api_url))
    async with serving(app) as url:
        assert await install(url) == 200
        for team, event_id in ((OAUTH_TEAM_ID, "EvInstalled"), ("T0404", "EvStranger")):
            assert (await post_signed(url, said(f"hello from {team}", "1700000020.000001", event_id, team)))[0] == 200
        await eventually(lambda: app[INBOX].running == 0)
        assert await stored(app, OAUTH_TEAM_ID) == ["1700000020.000001"]
        assert await stored(app, "T0404") == []
        # Looked at once and done with, not retried.
        await eventually_async(lambda: app[INBOX].inbox.status_of("slack", "EvStranger"), lambda s: s == "done")


async def test_with_oauth_events_of_one_workspace_arriving_together_share_one_installation_lookup(
        slack_api, make_settings, database_url, monkeypatch):
    fake, api_url = slack_api
    app = create_app(make_settings(database_url=database_url, slack_signing_secret=SIGNING_SECRET,
                                   slack_client_id="111.222", slack_client_secret="client-secret",
                                   slack_token_encryption_key=Fernet.generate_key().decode(),
                                   slack_api_base_url=api_url))
    lookups: list[str] = []
    answer = asyncio.Event()
    find = EncryptedInstallationStore.async_find_installation

    async def slow_find(self, **kwargs):
        lookups.append(kwargs["team_id"])
        await answer.wait()
        return await find(self, **kwargs)

    async with serving(app) as url:
        assert await install(url) == 200
        monkeypatch.setattr(EncryptedInstallationStore, "async_find_installation", slow_find)
        for n in range(5):
            body = said(f"message {n}", f"1700000030.00000{n}", f"EvTogether{n}", OAUTH_TEAM_ID)
            assert (await post_signed(url, body))[0] == 200  # acknowledged while the lookup is under way
        await eventually(lambda: lookups)
        answer.set()
        await eventually(lambda: app[INBOX].running == 0)
        assert lookups == [OAUTH_TEAM_ID]  # one lookup for the five
        assert len(await stored(app, OAUTH_TEAM_ID)) == 5


async def test_an_event_the_inbox_cannot_store_is_answered_503_and_slacks_retry_is_then_taken(bot_on):
    fake, url, app = bot_on
    fake.add_user("U2", "Ken")
    inbox = app[INBOX].inbox
    working = inbox._writer
    inbox._writer = create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:9/none")  # the store is down
    try:
        body = said("are we still on for Friday?", "1700000040.000001", "EvStoreDown")
        status, answer = await post_signed(url, body)
        assert status == 503 and "retry" in answer  # not acknowledged, so Slack sends it again
    finally:
        await inbox._writer.dispose()
        inbox._writer = working
    assert await inbox.status_of("slack", "EvStoreDown") is None
    assert (await post_signed(url, body))[0] == 200  # Slack's retry, the store back
    await eventually_async(lambda: stored(app), lambda ids: ids == ["1700000040.000001"])


def oauth_app(make_settings, database_url, api_url):
    return create_app(make_settings(database_url=database_url, slack_signing_secret=SIGNING_SECRET,
                                    slack_client_id="111.222", slack_client_secret="client-secret",
                                    slack_token_encryption_key=Fernet.generate_key().decode(),
                                    slack_api_base_url=api_url))


def dropped() -> float:
    return REGISTRY.get_sample_value("etiquette_events_dropped_total",
                                     {"platform": "slack", "reason": "not_installed"}) or 0.0


def uninstalled(team: str, event_id: str, kind: str = "app_uninstalled") -> str:
    body = json.loads(event_body({"type": kind, "event_ts": "1.0"}, event_id=event_id))
    body["team_id"] = team
    body["authorizations"][0]["team_id"] = team
    return json.dumps(body)


async def test_without_an_installation_the_challenge_and_ssl_check_are_still_answered(
        slack_api, make_settings, database_url):
    fake, api_url = slack_api
    app = oauth_app(make_settings, database_url, api_url)
    async with serving(app) as url:
        status, text = await post_signed(url, json.dumps({"token": "t", "challenge": "c-42", "type": "url_verification"}))
        assert status == 200 and "c-42" in text
        status, _ = await post_signed(url, "ssl_check=1&token=t", "application/x-www-form-urlencoded")
        assert status == 200
    assert fake.calls == []  # neither asks Slack anything


async def test_with_oauth_an_event_after_the_uninstall_is_dropped_quietly_and_keeps_nothing(
        slack_api, make_settings, database_url):
    fake, api_url = slack_api
    app = oauth_app(make_settings, database_url, api_url)
    async with serving(app) as url:
        assert await install(url) == 200
        assert (await post_signed(url, said("before", "1700000050.000001", "EvBefore", OAUTH_TEAM_ID)))[0] == 200
        await eventually_async(lambda: stored(app, OAUTH_TEAM_ID), lambda ids: ids == ["1700000050.000001"])
        now = datetime.now(timezone.utc)
        async with app[STORE].engine.begin() as conn:  # items given up on (or waiting) hold message text too
            await conn.execute(insert(inbox), [
                dict(source="slack", event_key=key, workspace_id=OAUTH_TEAM_ID, status=status, attempts=6,
                     payload={"body": json.loads(said("secret plans", "1.0", key, OAUTH_TEAM_ID))},
                     received_at=now, next_attempt_at=now + timedelta(days=1))
                for key, status in (("EvParked", "parked"), ("EvWaiting", "pending"))])
        assert (await post_signed(url, uninstalled(OAUTH_TEAM_ID, "EvGone")))[0] == 200
        await eventually_async(lambda: stored(app, OAUTH_TEAM_ID), lambda ids: ids == [])
        assert await app[INBOX].inbox.status_of("slack", "EvParked") is None
        assert await app[INBOX].inbox.status_of("slack", "EvWaiting") is None
        await eventually(lambda: app[INBOX].running == 0)
        before = dropped()
        late = said("after", "1700000051.000001", "EvAfter", OAUTH_TEAM_ID)
        assert (await post_signed(url, late))[0] == 200
        assert (await post_signed(url, late, **{"X-Slack-Retry-Num": "1"}))[0] == 200
        await eventually_async(lambda: app[INBOX].inbox.status_of("slack", "EvAfter"), lambda s: s == "done")
        await eventually(lambda: app[INBOX].running == 0)
        assert await stored(app, OAUTH_TEAM_ID) == []
        assert dropped() == before + 1  # once: the retry was a duplicate


async def test_with_one_token_an_event_after_the_uninstall_is_dropped_once_auth_test_refuses_the_token(bot_on):
    fake, url, app = bot_on
    fake.add_user("U2", "Ken")
    assert (await post_signed(url, said("before", "1700000060.000001", "EvBefore1")))[0] == 200
    await eventually_async(lambda: stored(app), lambda ids: ids == ["1700000060.000001"])
    assert (await post_signed(url, uninstalled(TEAM_ID, "EvGone1")))[0] == 200
    await eventually_async(lambda: stored(app), lambda ids: ids == [])
    await eventually(lambda: app[INBOX].running == 0)
    fake.refused["auth.test"] = "account_inactive"  # what Slack answers for an uninstalled app's token
    before = dropped()
    assert (await post_signed(url, said("after", "1700000061.000001", "EvAfter1")))[0] == 200
    await eventually_async(lambda: app[INBOX].inbox.status_of("slack", "EvAfter1"), lambda s: s == "done")
    assert await stored(app) == []
    assert dropped() == before + 1


async def test_an_enterprise_grid_workspace_and_a_shared_channel_find_the_workspaces_installation(
        slack_api, make_settings, database_url):
    fake, api_url = slack_api
    fake.enterprise_id = "E0001"
    fake.add_user("U2", "Ken")
    app = oauth_app(make_settings, database_url, api_url)
    async with serving(app) as url:
        assert await install(url) == 200
        grid = json.loads(said("from the grid", "1700000070.000001", "EvGrid", OAUTH_TEAM_ID))
        grid["enterprise_id"] = grid["authorizations"][0]["enterprise_id"] = "E0001"
        grid["authorizations"][0]["is_enterprise_install"] = False
        # Slack Connect: the message comes from another organisation's workspace; `authorizations` is ours.
        shared = json.loads(said("from a partner", "1700000071.000001", "EvShared", "T0PARTNER",
                                 is_ext_shared_channel=True))
        shared["authorizations"] = [{"enterprise_id": "E0001", "team_id": OAUTH_TEAM_ID, "user_id": BOT_USER_ID,
                                     "is_bot": True, "is_enterprise_install": False}]
        shared["is_ext_shared_channel"] = True
        for body in (grid, shared):
            assert (await post_signed(url, json.dumps(body)))[0] == 200
        await eventually(lambda: app[INBOX].running == 0)
        assert await stored(app, OAUTH_TEAM_ID) == ["1700000070.000001", "1700000071.000001"]
        assert await stored(app, "T0PARTNER") == []
        # and the uninstall of the grid workspace forgets its installation and what was stored
        assert (await post_signed(url, json.dumps({**grid, "event_id": "EvGridGone",
                                                   "event": {"type": "app_uninstalled", "event_ts": "1.0"}})))[0] == 200
        await eventually_async(lambda: stored(app, OAUTH_TEAM_ID), lambda ids: ids == [])
        await eventually_async(lambda: app[INBOX].inbox.status_of("slack", "EvGridGone"), lambda s: s == "done")
        assert (await post_signed(url, json.dumps({**grid, "event_id": "EvGridLate"})))[0] == 200
        await eventually_async(lambda: app[INBOX].inbox.status_of("slack", "EvGridLate"), lambda s: s == "done")
        assert await stored(app, OAUTH_TEAM_ID) == []


async def test_tokens_revoked_purges_the_workspace_only_when_it_names_the_bots_token(
        slack_api, make_settings, database_url):
    fake, api_url = slack_api
    app = oauth_app(make_settings, database_url, api_url)

    def revoked(event_id: str, **tokens: list[str]) -> str:
        body = json.loads(uninstalled(OAUTH_TEAM_ID, event_id, "tokens_revoked"))
        body["event"]["tokens"] = tokens
        return json.dumps(body)

    async with serving(app) as url:
        assert await install(url) == 200
        assert (await post_signed(url, said("kept", "1700000080.000001", "EvKept", OAUTH_TEAM_ID)))[0] == 200
        await eventually_async(lambda: stored(app, OAUTH_TEAM_ID), lambda ids: ids == ["1700000080.000001"])
        # A person revoked their own token: the bot stays, and so does what it stored.
        assert (await post_signed(url, revoked("EvUserRevoked", oauth=["U9"])))[0] == 200
        await eventually_async(lambda: app[INBOX].inbox.status_of("slack", "EvUserRevoked"), lambda s: s == "done")
        assert (await post_signed(url, said("still here", "1700000081.000001", "EvStill", OAUTH_TEAM_ID)))[0] == 200
        await eventually_async(lambda: stored(app, OAUTH_TEAM_ID),
                               lambda ids: ids == ["1700000080.000001", "1700000081.000001"])
        # The bot's token revoked: the workspace is forgotten.
        assert (await post_signed(url, revoked("EvBotRevoked", bot=[BOT_USER_ID])))[0] == 200
        await eventually_async(lambda: stored(app, OAUTH_TEAM_ID), lambda ids: ids == [])


async def test_scheduled_work_in_an_enterprise_grid_workspace_finds_its_token_by_the_team_id_alone(
        slack_api, make_settings, database_url):
    """Deliveries and digests know a workspace by its team id; slack_sdk stores a Grid workspace's installation
    under its org, so without the org lookup they found no token and the delivery waited for ever."""
    fake, api_url = slack_api
    fake.enterprise_id = "E0001"
    app = oauth_app(make_settings, database_url, api_url)
    async with serving(app) as url:
        assert await install(url) == 200
        platform = await app[JOBS].platform_for("slack", OAUTH_TEAM_ID)
        assert platform is not None
        await platform.perform(Post(Conversation("slack", OAUTH_TEAM_ID, CHANNEL), "scheduled hello"))
        posted = [call for call in fake.calls if call.method == "chat.postMessage"]  # after the install's welcome
        assert (posted[-1].params["text"], posted[-1].token) == ("scheduled hello", f"xoxb-{OAUTH_TEAM_ID.lower()}-secret")
        assert await app[JOBS].platform_for("slack", "T0NOTOURS") is None


async def test_an_event_under_way_when_the_workspace_uninstalls_leaves_nothing_stored(bot_on):
    """The event found the workspace installed (here: Slack has not yet said who the bot is) just before the
    uninstall was handled; the purge waits for it, so what it stores afterwards is purged too."""
    fake, url, app = bot_on
    fake.held["auth.test"] = gate = asyncio.Event()
    assert (await post_signed(url, said("just before", "1700000080.000001", "EvRace")))[0] == 200
    await eventually(lambda: fake.holding == 1)
    assert (await post_signed(url, uninstalled(TEAM_ID, "EvRaceGone")))[0] == 200
    await asyncio.sleep(0.2)  # the uninstall is under way while the event waits
    gate.set()
    await eventually_async(lambda: app[INBOX].inbox.status_of("slack", "EvRaceGone"), lambda s: s == "done")
    await eventually(lambda: app[INBOX].running == 0)
    assert await stored(app) == []
