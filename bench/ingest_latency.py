"""Slack message ingest: ack latency and throughput of our app (message store included) vs a bare Bolt AsyncApp.

Signed `message` events (people talking in a channel, some in threads) are sent at a given
concurrency to our full app and, in the same run, to a bare Bolt `AsyncApp` with one `message`
listener; Web API calls go to the same loopback fake. Ours acknowledges, then stores each message
(batched, after the ack) and runs the skills. Reported per system: ack p50/p95 and events acked per
second; for ours also the rate until every message was in the store (stored/s) and until every
event's work was finished (done/s; the next row starts only then). Our app is started as `etiquette
serve` starts it (what starting built frozen out of the garbage collector's reach). On SQLite and,
with `--postgres`, on a PostgreSQL server started for the run (Debian's pg_ctl).

With `--oauth` ours runs as a multi-workspace install (Slack OAuth, tokens in the installation store):
one workspace installs it through /slack/install first, and every event comes from that workspace, so
finding the workspace's installation is part of each event's cost (bare Bolt keeps its one token).

    .venv/bin/python -m bench.ingest_latency [--requests 1000] [--concurrency 10 50] [--postgres] [--quiet] [--oauth]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import re
import tempfile
import time
from pathlib import Path

import aiohttp
from aiohttp import web
from cryptography.fernet import Fernet
from sqlalchemy import func, select

from adapters.app import create_app
from bench.slack_load import SECRET, bare_bolt, measure, percentiles
from bot.app import INBOX, STORE, freeze_startup_objects
from bot.config import Settings
from tests.fakes.server import serving
from tests.fakes.slack_api import OAUTH_TEAM_ID, TEAM_ID, FakeSlackAPI, event_body

_RUNS = itertools.count()
CHANNEL = "CBENCH"


async def on_message(body):
    """The baseline's listener: it only acknowledges (Bolt acks before running it)."""
    return None


def events(count: int, tag: str, team: str = TEAM_ID) -> list[str]:
    """Event bodies from `team`: a new thread every 20 messages, the rest replies in it, as a busy channel looks."""
    start = time.time() - 3600
    run = next(_RUNS)  # every run its own timestamps: a message sent twice would be stored once
    bodies = []
    for i in range(count):
        ts = f"{start + i:.0f}.{run:03d}{i % 1000:03d}"
        root = f"{start + i - i % 20:.0f}.{run:03d}{(i - i % 20) % 1000:03d}"
        event = {"type": "message", "channel": CHANNEL, "channel_type": "channel", "user": f"U{i % 7}",
                 "text": f"message {i}: shall we ship the release on Friday after the review?", "ts": ts,
                 "event_ts": ts, **({"thread_ts": root} if i % 20 else {})}
        bodies.append(event_body(event, event_id=f"Ev{tag}{i}").replace(f'"{TEAM_ID}"', f'"{team}"'))
    return bodies


async def install(url: str) -> None:
    """Through the OAuth flow, as a workspace admin would: the fake Slack answers the code exchange."""
    async with aiohttp.ClientSession() as http:
        async with http.get(url + "/slack/install") as page:
            state = re.search(r"state=([\w-]+)", await page.text()).group(1)
        async with http.get(url + "/slack/oauth_redirect", params={"code": "good-code", "state": state},
                            cookies={"slack-app-oauth-state": state}) as done:
            assert done.status == 200, done.status


async def stored(app: web.Application) -> int:
    """Messages in the store (-1 where there is none: a baseline run of a version before it)."""
    try:
        from bot.tables import messages
    except ImportError:
        return -1
    async with app[STORE].engine.connect() as conn:
        return (await conn.execute(select(func.count()).select_from(messages))).scalar_one()


async def run(database_url: str, label: str, requests: int, concurrencies: list[int], quiet: bool,
              oauth: bool) -> None:
    fake = FakeSlackAPI()
    for i in range(7):
        fake.add_user(f"U{i}", f"Person {i}")
    async with serving(fake.app()) as api:
        api_url = api + "/api/"
        credentials = (dict(slack_client_id="111.222", slack_client_secret="bench-secret",
                            slack_token_encryption_key=Fernet.generate_key().decode()) if oauth
                       else dict(slack_bot_token="xoxb-bench"))
        settings = Settings(_env_file=None, database_url=database_url, slack_signing_secret=SECRET,
                            slack_api_base_url=api_url, **credentials)
        app = create_app(settings)
        team = OAUTH_TEAM_ID if oauth else TEAM_ID
        app.on_startup.append(freeze_startup_objects)  # as `etiquette serve` does
        async with serving(bare_bolt(api_url, "message", on_message)) as bare_url, serving(app) as our_url:
            if oauth:
                await install(our_url)
            await measure(bare_url, events(30, "warmbare"), 1)
            await measure(our_url, events(30, "warmours", team), 1)
            if quiet:  # nudges and call suggestions off: what is left is the ack, the store and the routing
                await app[STORE].set_setting("slack", team, f"channel:{CHANNEL}", "quiet", True)
            print(f"\n{label}: {requests} message events per run{', channel in quiet mode' if quiet else ''}"
                  f"{', ours installed through OAuth' if oauth else ''}")
            print(f"{'concurrency / system':30}{'p50 ms':>9}{'p95 ms':>9}{'acked/s':>9}{'stored/s':>10}{'done/s':>8}")
            for concurrency in concurrencies:
                bare, bare_wall = await measure(bare_url, events(requests, f"bare{concurrency}"), concurrency)
                before = await stored(app)
                began = time.perf_counter()
                ours, our_wall = await measure(our_url, events(requests, f"ours{concurrency}", team), concurrency)
                while before >= 0 and await stored(app) < before + requests:
                    await asyncio.sleep(0.01)
                store_wall = time.perf_counter() - began
                while app[INBOX].running:  # the skills' work too: none of it may spill into the next row
                    await asyncio.sleep(0.01)
                done_wall = time.perf_counter() - began
                (b50, b95), (o50, o95) = percentiles(bare), percentiles(ours)
                print(f"{concurrency:>3} bare Bolt AsyncApp{'':8}{b50:9.2f}{b95:9.2f}{requests / bare_wall:9.0f}")
                print(f"{concurrency:>3} Async Etiquette{'':11}{o50:9.2f}{o95:9.2f}{requests / our_wall:9.0f}"
                      f"{requests / store_wall:10.0f}{requests / done_wall:8.0f}")
                print(f"{concurrency:>3} ratio (ours / bare){'':7}{o50 / b50:9.2f}{o95 / b95:9.2f}"
                      f"{(requests / our_wall) / (requests / bare_wall):9.2f}")


async def main(requests: int, concurrencies: list[int], postgres: bool, quiet: bool, oauth: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        await run(f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", "SQLite", requests, concurrencies, quiet, oauth)
    if postgres:
        from tests.postgres import PostgresServer

        server = PostgresServer()
        try:
            await run(server.start(), "PostgreSQL", requests, concurrencies, quiet, oauth)
        finally:
            server.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--postgres", action="store_true", help="also on a PostgreSQL server started for the run")
    parser.add_argument("--quiet", action="store_true", help="the channel in quiet mode (no nudge or call scoring)")
    parser.add_argument("--oauth", action="store_true", help="ours as a multi-workspace (OAuth) install")
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.concurrency, args.postgres, args.quiet, args.oauth))
