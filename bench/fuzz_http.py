"""Hostile bodies against both webhook routes of the running app: how many cases, how many 5xx (target 0).

The cases are the fuzz test's (tests/fakes/hostile.py), drawn deterministically; the app runs on
SQLite with the loopback Slack Web API and Bot Connector, as in `etiquette serve` with fakes.

    .venv/bin/python -m bench.fuzz_http [--cases 300]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections import Counter
from pathlib import Path

import aiohttp
from hypothesis import HealthCheck, given, settings

from adapters.app import create_app
from bot.config import Settings
from tests.fakes.bot_connector import FakeBotConnector, personal_message
from tests.fakes.hostile import slack_cases, teams_cases
from tests.fakes.server import serving
from tests.fakes.slack_api import BOT_USER_ID, FakeSlackAPI, command_body, event_body, sign

SECRET = "bench-secret"
MENTION = {"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER_ID}> help", "ts": "1700000500.000200",
           "channel": "C1", "event_ts": "1700000500.000200"}
CLICK = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U1"}, "trigger_id": "1.2",
         "channel": {"id": "C1"}, "actions": [{"action_id": "later_cancel", "value": "42", "type": "button"}]}


def draw(strategy, count: int) -> list:
    """`count` cases from a strategy, the same ones every run."""
    cases: list = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(case):
        cases.append(case)

    collect()
    return cases


async def fire(url: str, cases: list, slack: bool) -> Counter:
    statuses: Counter = Counter()
    async with aiohttp.ClientSession() as http:
        for body, content_type, signed in cases:
            headers = {"Content-Type": content_type, **(sign(SECRET, body) if signed else {})}
            async with http.post(url, data=body, headers=headers) as response:
                await response.read()
                statuses[response.status] += 1
    return statuses


async def main(count: int) -> None:
    slack = draw(slack_cases(json.loads(event_body(MENTION)), CLICK, command_body("/later", "tomorrow hi")), count)
    slack_api, connector = FakeSlackAPI(), FakeBotConnector()
    async with serving(slack_api.app()) as api, serving(connector.app()) as service_url:
        teams = draw(teams_cases(personal_message(service_url, "help")), count)
        with tempfile.TemporaryDirectory() as tmp:
            config = Settings(_env_file=None, database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'f.db'}",
                              slack_signing_secret=SECRET, slack_bot_token="xoxb-bench", slack_api_base_url=api + "/api/")
            async with serving(create_app(config)) as url:
                results = {"/slack/events": await fire(url + "/slack/events", slack, True),
                           "/api/messages": await fire(url + "/api/messages", teams, False)}
    for route, statuses in results.items():
        errors = sum(n for status, n in statuses.items() if status >= 500)
        print(f"{route:14} cases {sum(statuses.values()):4}  5xx {errors:3}  by status {dict(sorted(statuses.items()))}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    asyncio.run(main(parser.parse_args().cases))
