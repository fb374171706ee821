"""Slack ack latency: our full app vs a bare Bolt AsyncApp, same machine, same run.

Both answer signed `app_mention` events whose Web API calls go to the same loopback fake. Slack
needs the HTTP answer within 3 s; the work (thread fetch, reply) happens after the ack.

    .venv/bin/python -m bench.ack_latency [--requests 300] [--concurrency 10]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from adapters.app import create_app
from bench.slack_load import SECRET, bare_bolt, measure, percentiles
from bot.app import freeze_startup_objects
from bot.config import Settings
from tests.fakes.server import serving
from tests.fakes.slack_api import BOT_USER_ID, FakeSlackAPI, event_body


async def on_mention(body, client):
    """The baseline's listener: Bolt acks, then this posts the reply."""
    await client.chat_postMessage(channel=body["event"]["channel"], text="ok")


def mentions(count: int, tag: str) -> list[str]:
    bodies = []
    for i in range(count):
        ts = f"1700000{i:03d}.{i:06d}"
        event = {"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER_ID}> help", "ts": ts,
                 "channel": "C1", "event_ts": ts}
        bodies.append(event_body(event, event_id=f"Ev{tag}{i}"))
    return bodies


async def main(requests: int, concurrency: int) -> None:
    fake = FakeSlackAPI()
    async with serving(fake.app()) as api:
        api_url = api + "/api/"
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(_env_file=None, database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'b.db'}",
                                slack_signing_secret=SECRET, slack_bot_token="xoxb-bench",
                                slack_api_base_url=api_url)
            app = create_app(settings)
            app.on_startup.append(freeze_startup_objects)  # as `etiquette serve` does
            async with serving(bare_bolt(api_url, "app_mention", on_mention)) as bare_url, serving(app) as our_url:
                await measure(bare_url, mentions(20, "warmbare"), 1)
                await measure(our_url, mentions(20, "warmours"), 1)
                bare = percentiles((await measure(bare_url, mentions(requests, "bare"), concurrency))[0])
                ours = percentiles((await measure(our_url, mentions(requests, "ours"), concurrency))[0])
    print(f"{'':24}{'p50 ms':>10}{'p95 ms':>10}")
    print(f"{'bare Bolt AsyncApp':24}{bare[0]:10.2f}{bare[1]:10.2f}")
    print(f"{'Async Etiquette':24}{ours[0]:10.2f}{ours[1]:10.2f}")
    print(f"{'ratio (ours / bare)':24}{ours[0] / bare[0]:10.2f}{ours[1] / bare[1]:10.2f}")
    print(f"Slack's limit is 3000 ms: our p95 uses {ours[1] / 3000:.2%} of it "
          f"({requests} requests, concurrency {concurrency}).")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.concurrency))
