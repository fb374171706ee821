"""Secrets and message text never reach the logs of `etiquette serve`, even at LOG_LEVEL=DEBUG."""

from __future__ import annotations

import json
import sqlite3

import aiohttp

from tests.fakes.bot_connector import personal_message, post_activity
from tests.fakes.server import eventually, serving
from tests.fakes.slack_api import FakeSlackAPI, event_body
from tests.test_inbox_kill import start_bot
from tests.test_slack_e2e import mention, post_signed

SECRETS = {"SLACK_BOT_TOKEN": "xoxb-token-never-logged", "MICROSOFT_APP_PASSWORD": "app-password-never-logged",
           "SLACK_CLIENT_SECRET": "client-secret-never-logged", "LLM_API_KEY": "llm-key-never-logged"}
TEXT = "text-never-logged"
OAUTH_CODE = "oauth-code-never-logged"


def done(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM inbox WHERE status = 'done'").fetchone()[0]


async def test_debug_logs_carry_no_token_secret_message_text_or_oauth_code(tmp_path, bot_connector):
    """A Slack mention (answered through the Web API with the bot token), a Teams message and an OAuth redirect's
    query string, at DEBUG: the libraries that would log SQL parameters and request bodies stay at INFO, and the
    access log names paths without their query."""
    fake, service_url = bot_connector
    slack = FakeSlackAPI()
    log_file = tmp_path / "serve.log"
    async with serving(slack.app()) as api:
        with log_file.open("w") as stderr:
            process, url = await start_bot(tmp_path, api + "/api/", stderr=stderr, LOG_LEVEL="DEBUG", **SECRETS)
            try:
                assert (await post_signed(url, event_body(mention(f"help {TEXT}"), event_id="EvLog")))[0] == 200
                assert (await post_activity(url, personal_message(service_url, f"help {TEXT}")))[0] == 202
                async with aiohttp.ClientSession() as http:
                    async with http.get(f"{url}/slack/oauth_redirect?code={OAUTH_CODE}&state=s") as response:
                        assert response.status == 404  # no OAuth configured: the line is logged all the same
                await eventually(lambda: done(tmp_path / "bot.db") == 2, timeout=30)
                await eventually(lambda: fake.sent and slack.calls_to("chat.postMessage"), timeout=30)
            finally:
                process.terminate()
                process.wait()
    lines = [json.loads(line) for line in log_file.read_text().splitlines() if line.startswith("{")]
    logged = "\n".join(json.dumps(line) for line in lines)
    assert any(line["level"] == "debug" for line in lines)  # DEBUG is on, for our own modules
    assert any(line["msg"] == "GET /slack/oauth_redirect 404" for line in lines)
    for secret in (*SECRETS.values(), TEXT, OAUTH_CODE):
        assert secret not in logged, secret
