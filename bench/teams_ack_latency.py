"""Teams answer latency: our /api/messages vs the BotBuilder sample pattern, same machine, same run.

Both get the same personal-chat "help" message and reply through the same loopback Bot Connector.
The sample (an `ActivityHandler` behind `CloudAdapter.process`) runs the whole turn, reply
included, before it answers the POST; ours authenticates, answers 202 and runs the turn after, so
its answer time does not grow with the turn (Teams allows 15 s). The time until the reply reaches
the connector is measured too, for both.

    .venv/bin/python -m bench.teams_ack_latency [--requests 200] [--concurrency 10]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import aiohttp
from aiohttp import web
from botbuilder.core import ActivityHandler, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

from adapters.app import create_app
from bench.ack_latency import summary as p50_p95_ms
from bot.config import Settings
from tests.fakes.bot_connector import FakeBotConnector, personal_message
from tests.fakes.server import serving


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity("ok")


def sample_bot() -> web.Application:
    """The BotBuilder Python samples' app.py: `adapter.process(request, bot)` on /api/messages."""
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(Settings(_env_file=None)))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    return app


async def measure(url: str, service_url: str, fake: FakeBotConnector, requests: int,
                  concurrency: int) -> tuple[list[float], list[float]]:
    """Per request: seconds to the HTTP answer, and to the reply arriving at the connector."""
    answered: list[float] = []
    replied: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(i)

    async def worker(http: aiohttp.ClientSession) -> None:
        while not queue.empty():
            queue.get_nowait()
            before = len(fake.sent)
            started = time.perf_counter()
            async with http.post(url + "/api/messages", json=personal_message(service_url, "help")) as response:
                await response.read()
                assert response.status in (200, 201, 202), response.status
            answered.append(time.perf_counter() - started)
            while len(fake.sent) <= before:  # some reply arrived (concurrent ones count alike)
                await asyncio.sleep(0.0005)
            replied.append(time.perf_counter() - started)

    async with aiohttp.ClientSession() as http:
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))
    return answered, replied


async def main(requests: int, concurrency: int) -> None:
    fake = FakeBotConnector()
    async with serving(fake.app()) as service_url:
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(_env_file=None, database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'b.db'}")
            async with serving(sample_bot()) as sample_url, serving(create_app(settings)) as our_url:
                rows = {}
                for name, url in (("BotBuilder sample", sample_url), ("Async Etiquette", our_url)):
                    await measure(url, service_url, fake, 20, 1)  # warm up
                    rows[name] = [p50_p95_ms(s) for s in await measure(url, service_url, fake, requests, concurrency)]
    print(f"{'':22}{'answer p50':>12}{'answer p95':>12}{'reply p50':>12}{'reply p95':>12}   (ms)")
    for name, ((a50, a95), (r50, r95)) in rows.items():
        print(f"{name:22}{a50:12.2f}{a95:12.2f}{r50:12.2f}{r95:12.2f}")
    (sa50, sa95), (sr50, sr95) = rows["BotBuilder sample"]
    (oa50, oa95), (or50, or95) = rows["Async Etiquette"]
    print(f"{'ratio (ours / sample)':22}{oa50 / sa50:12.2f}{oa95 / sa95:12.2f}{or50 / sr50:12.2f}{or95 / sr95:12.2f}")
    print(f"({requests} requests, concurrency {concurrency}; Teams' limit for the answer is 15000 ms)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.concurrency))
