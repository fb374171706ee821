"""Multi-workspace Slack: install through OAuth, tokens encrypted at rest, uninstall purges the workspace."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import datetime, timedelta, timezone

import aiohttp
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from adapters.app import create_app
from adapters.slack.oauth import BOT_SCOPES, USER_SCOPES
from bot.app import STORE
from bot.messages import Received
from bot.model import Conversation, Message, User
from bot.tables import messages, slack_bots
from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually, eventually_async, serving
from tests.fakes.slack_api import BOT_USER_ID, OAUTH_TEAM_ID, event_body
from tests.test_manifests import manifest
from tests.test_slack_e2e import post_signed

KEY = Fernet.generate_key().decode()


@pytest.fixture
async def oauth_bot(slack_api, make_settings):
    fake, api_url = slack_api
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_client_id="111.222",
                             slack_client_secret="client-secret", slack_token_encryption_key=KEY,
                             slack_api_base_url=api_url, outbox_poll_seconds=0.1)
    app = create_app(settings)
    async with serving(app) as url:
        yield fake, url, app


async def install(url: str) -> int:
    async with aiohttp.ClientSession() as http:
        async with http.get(url + "/slack/install") as page:
            assert page.status == 200
            state = re.search(r"state=([\w-]+)", await page.text()).group(1)
            assert "client_id=111.222" in await page.text()
        cookies = {"slack-app-oauth-state": state}
        async with http.get(url + "/slack/oauth_redirect", params={"code": "good-code", "state": state},
                            cookies=cookies) as done:
            return done.status


def mention(team: str, event_id: str) -> str:
    body = json.loads(event_body({"type": "app_mention", "user": "U9", "text": f"<@{BOT_USER_ID}> help",
                                  "ts": "1700000000.000100", "channel": "C9", "event_ts": "1700000000.000100"},
                                 event_id=event_id))
    body["team_id"] = team
    body["authorizations"][0]["team_id"] = team
    return json.dumps(body)


def test_the_install_asks_for_exactly_the_manifest_scopes():
    assert sorted(BOT_SCOPES) == sorted(manifest()["oauth_config"]["scopes"]["bot"])
    assert sorted(USER_SCOPES) == sorted(manifest()["oauth_config"]["scopes"]["user"])


async def test_install_stores_an_encrypted_token_the_bot_then_uses_for_that_workspace(oauth_bot):
    fake, url, app = oauth_bot
    assert await install(url) == 200
    token = next(t for t, team in fake.installed.items() if team == OAUTH_TEAM_ID)
    async with app[STORE].engine.connect() as conn:
        stored = (await conn.execute(select(slack_bots.c.bot_token).where(slack_bots.c.team_id == OAUTH_TEAM_ID))).scalar_one()
    assert stored != token and token not in stored
    assert Fernet(KEY).decrypt(stored.encode()).decode() == token

    # The installer's first DM is the welcome: three lines, with this workspace's own token.
    [welcome] = await eventually(lambda: [c for c in fake.calls if c.method == "chat.postMessage"])
    assert welcome.token == token and welcome.params["channel"] == "U9"  # authed_user of the fake install
    assert len(welcome.params["text"].split("\n")) == 3 and "Async Etiquette" in welcome.params["text"]

    await post_signed(url, mention(OAUTH_TEAM_ID, "EvTeam2"))
    [reply] = await eventually(lambda: [c for c in fake.calls if c.method == "chat.postMessage"
                                        and c.params["channel"] == "C9"])
    assert reply.token == token


async def test_an_unknown_workspace_gets_nothing(oauth_bot):
    fake, url, _ = oauth_bot
    status, _ = await post_signed(url, mention("T0404", "EvStranger"))
    assert status == 200  # acknowledged, so Slack does not retry, but not acted on
    await post_signed(url, mention("T0001", "EvNotInstalledEither"))
    await asyncio.sleep(0.3)  # give a wrongly accepted event time to post
    assert fake.calls_to("chat.postMessage") == []


async def test_uninstall_forgets_the_token_and_purges_the_workspace_data(oauth_bot):
    fake, url, app = oauth_bot
    await install(url)
    store = app[STORE]
    where = Conversation("slack", OAUTH_TEAM_ID, "C9")
    other = Conversation("slack", "T0001", "C1")
    for conversation in (where, other):
        await store.set_setting("slack", conversation.workspace_id, "channel:C9", "quiet", True)
        await store.claim_nudge(conversation, "U9", "long_message", "m1", datetime.now(timezone.utc),
                                period=timedelta(days=1), limit=1)
        await store.messages.write(Received(Message("1.0", User("U9"), "our plans", datetime.now(timezone.utc),
                                                    conversation)))
    uninstalled = json.loads(event_body({"type": "app_uninstalled", "event_ts": "1.0"}, event_id="EvBye"))
    uninstalled["team_id"] = OAUTH_TEAM_ID
    uninstalled["authorizations"][0]["team_id"] = OAUTH_TEAM_ID
    await post_signed(url, json.dumps(uninstalled))

    async def gone() -> bool:
        async with store.engine.connect() as conn:
            return (await conn.execute(select(slack_bots).where(slack_bots.c.team_id == OAUTH_TEAM_ID))).first() is None

    for _ in range(200):
        if await gone():
            break
        await asyncio.sleep(0.02)
    assert await gone()
    assert await store.get_setting("slack", OAUTH_TEAM_ID, "channel:C9", "quiet") is None
    assert await store.get_setting("slack", "T0001", "channel:C9", "quiet") is True  # other workspaces untouched
    assert await store.nudges_for("slack", "T0001", "U9", datetime(2000, 1, 1, tzinfo=timezone.utc))
    assert (await store.messages.thread(where.in_thread("1.0"))).messages == []
    assert [m.text for m in (await store.messages.thread(other.in_thread("1.0"))).messages] == ["our plans"]


async def test_stored_message_text_is_encrypted_with_the_token_key(oauth_bot):
    fake, url, app = oauth_bot
    await install(url)
    event = {"type": "message", "channel": "C9", "channel_type": "channel", "user": "U9", "ts": "1700000000.000100",
             "text": "the acquisition closes on Friday", "files": [{"name": "terms.pdf", "mimetype": "application/pdf",
                                                                     "size": 2048, "url_private": "https://x/terms.pdf"}]}
    body = json.loads(event_body(event, event_id="EvSecret"))
    body["team_id"] = OAUTH_TEAM_ID
    body["authorizations"][0]["team_id"] = OAUTH_TEAM_ID
    await post_signed(url, json.dumps(body))
    store = app[STORE]
    thread = Conversation("slack", OAUTH_TEAM_ID, "C9", event["ts"])
    [stored] = await eventually_async(lambda: store.messages.thread(thread), lambda found: found.messages)
    assert stored.text == event["text"]
    assert [(f.name, f.mimetype, f.size) for f in stored.files] == [("terms.pdf", "application/pdf", 2048)]
    async with store.engine.connect() as conn:
        [(raw, sealed, files)] = (await conn.execute(select(messages.c.text, messages.c.sealed, messages.c.files))).all()
    assert sealed and "acquisition" not in raw and Fernet(KEY).decrypt(raw.encode()).decode() == event["text"]
    assert "url_private" not in json.dumps(files)  # metadata only: where the file lives is not kept


async def test_move_it_there_deletes_the_original_with_the_authors_own_token(oauth_bot):
    import time
    from urllib.parse import urlencode

    fake, url, _ = oauth_bot
    await install(url)  # U9 installed it for themselves too: their user token is stored (encrypted)
    fake.add_user("U2", "Ken")
    fake.add_user("U9", "Nine")
    now = time.time()
    question = {"type": "message", "user": "U2", "text": "<@U9> what time is the launch meeting tomorrow?",
                "ts": f"{now - 60:.6f}"}
    answer = {"type": "message", "user": "U9", "text": "<@U2> the launch meeting is at 10am tomorrow in room 4",
              "ts": f"{now - 30:.6f}"}
    fake.history["C9"] = [question, answer]
    for event, event_id in ((question, "EvQuestion9"), (answer, "EvAnswer9")):  # the bot sees both arrive
        body = json.loads(event_body({**event, "channel": "C9", "channel_type": "channel"}, event_id=event_id))
        body["team_id"] = OAUTH_TEAM_ID
        body["authorizations"][0]["team_id"] = OAUTH_TEAM_ID
        await post_signed(url, json.dumps(body))
    [note] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    blocks = note["blocks"] if isinstance(note["blocks"], list) else json.loads(note["blocks"])
    move = next(e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]
                if e["action_id"] == "threads_move")
    payload = {"type": "block_actions", "team": {"id": OAUTH_TEAM_ID}, "user": {"id": "U9"}, "channel": {"id": "C9"},
               "container": {"type": "message", "channel_id": "C9"}, "trigger_id": "1",
               "actions": [{"action_id": "threads_move", "value": move}]}
    await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type="application/x-www-form-urlencoded")
    [deleted] = await eventually(lambda: [c for c in fake.calls if c.method == "chat.delete"])
    assert deleted.token == "xoxp-u9-secret" and deleted.params["ts"] == answer["ts"]
    moved = [c for c in fake.calls if c.method == "chat.postMessage"][-1]
    assert moved.params["thread_ts"] == question["ts"] and moved.token != "xoxp-u9-secret"  # posted as the bot
    done = await eventually(lambda: len(fake.calls_to("chat.postEphemeral")) == 2 and fake.calls_to("chat.postEphemeral")[1])
    assert "removed it from the channel" in done["text"]


async def test_an_expiring_token_is_rotated_saved_encrypted_and_used(oauth_bot):
    from urllib.parse import urlencode

    from tests.test_later_slack_e2e import button_value, last_ephemeral

    fake, url, app = oauth_bot
    fake.rotating_tokens = True
    await install(url)  # a bot token that expires in 60 s, with a refresh token
    fake.add_user("U9", "Nine")
    fake.add_user("U2", "Ken")
    body = {"token": "legacy", "team_id": OAUTH_TEAM_ID, "channel_id": "C9", "user_id": "U9", "user_name": "nine",
            "command": "/later", "text": "<@U2|ken> tomorrow 9am Rotate me", "api_app_id": "A0001",
            "trigger_id": "1.2.3", "response_url": "https://hooks.slack.test/commands/1"}
    await post_signed(url, urlencode(body), content_type="application/x-www-form-urlencoded")
    item_id = button_value(await eventually(last_ephemeral(fake, 1)), "later_send_now")
    payload = {"type": "block_actions", "team": {"id": OAUTH_TEAM_ID}, "user": {"id": "U9"}, "channel": {"id": "C9"},
               "container": {"type": "message", "channel_id": "C9"}, "trigger_id": "1",
               "actions": [{"action_id": "later_send_now", "value": item_id}]}
    await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type="application/x-www-form-urlencoded")
    delivered = await eventually(lambda: [c for c in fake.calls if c.method == "chat.postMessage"
                                          and c.params["channel"] == "U2"])
    assert fake.rotations >= 1 and delivered[0].token.startswith("xoxb-rotated-")
    async with app[STORE].engine.connect() as conn:
        stored = (await conn.execute(select(slack_bots.c.bot_token).where(slack_bots.c.team_id == OAUTH_TEAM_ID)
                                     .order_by(slack_bots.c.id.desc()))).scalars().first()
    assert not stored.startswith("xox") and Fernet(KEY).decrypt(stored.encode()).decode().startswith("xoxb-rotated-")
