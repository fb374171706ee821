"""Slack ack latency: our full app vs a bare Bolt AsyncApp, same machine, same run.

Both answer signed `app_mention` events whose Web API calls go to the same loopback fake. Slack
needs the HTTP answer within 3 s; the work (thread fetch, reply) happens after the ack.

    .venv/bin/python -m bench.ack_latency [--requests 300] [--concurrency 10]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from adapters.app import create_app
from bot.app import freeze_startup_objects
from bot.config import Settings
from tests.fakes.server import serving
from tests.fakes.slack_api import BOT_USER_ID, FakeSlackAPI, event_body, sign

SECRET = "bench-secret"


def bare_bolt(api_url: str) -> web.Application:
    bolt = AsyncApp(signing_secret=SECRET, client=AsyncWebClient(token="xoxb-bench", base_url=api_url))

    @bolt.event("app_mention")
    async def on_mention(body, client):
        await client.chat_postMessage(channel=body["event"]["channel"], text="ok")

    async def handle(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", handle)
    return app


async def measure(url: str, requests: int, concurrency: int, tag: str) -> list[float]:
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(i)

    async def worker(http: aiohttp.ClientSession) -> None:
        while not queue.empty():
            i = queue.get_nowait()
            ts = f"1700000{i:03d}.{i:06d}"
            event = {"type": "app_mention", "user": "U1", "text": f"<@{BOT_USER_ID}> help", "ts": ts,
                     "channel": "C1", "event_ts": ts}
            body = event_body(event, event_id=f"Ev{tag}{i}")
            headers = {"Content-Type": "application/json", **sign(SECRET, body)}
            started = time.perf_counter()
            async with http.post(url + "/slack/events", data=body, headers=headers) as response:
                await response.read()
                assert response.status == 200, response.status
            latencies.append(time.perf_counter() - started)

    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))
    return latencies


def summary(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


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
            async with serving(bare_bolt(api_url)) as bare_url, serving(app) as our_url:
                await measure(bare_url, 20, 1, "warmbare")
                await measure(our_url, 20, 1, "warmours")
                bare = summary(await measure(bare_url, requests, concurrency, "bare"))
                ours = summary(await measure(our_url, requests, concurrency, "ours"))
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
