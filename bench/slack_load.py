"""Signed Slack requests sent at a given concurrency, timed until each HTTP 200; and the bare Bolt baseline.

Shared by `bench.ack_latency` (mentions) and `bench.ingest_latency` (channel messages), so both send,
time and summarize the same way: every body is signed as Slack signs it, each worker posts its next
body as soon as the last one is answered, and p95 is the value 95 % of the requests did not exceed.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from tests.fakes.slack_api import sign

SECRET = "bench-secret"


def bare_bolt(api_url: str, event_type: str, listener: Callable[..., Awaitable[Any]]) -> web.Application:
    """The baseline: a Bolt AsyncApp with one listener for `event_type`, mounted on aiohttp the way Bolt's docs do."""
    bolt = AsyncApp(signing_secret=SECRET, client=AsyncWebClient(token="xoxb-bench", base_url=api_url))
    bolt.event(event_type)(listener)

    async def handle(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", handle)
    return app


async def measure(url: str, bodies: list[str], concurrency: int) -> tuple[list[float], float]:
    """Post every body to `url`/slack/events from `concurrency` workers; each ack's latency, and the wall time."""
    latencies: list[float] = []
    queue = list(reversed(bodies))

    async def worker(http: aiohttp.ClientSession) -> None:
        while queue:
            body = queue.pop()
            headers = {"Content-Type": "application/json", **sign(SECRET, body)}
            started = time.perf_counter()
            async with http.post(url + "/slack/events", data=body, headers=headers) as response:
                await response.read()
                assert response.status == 200, response.status
            latencies.append(time.perf_counter() - started)

    began = time.perf_counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:
        await asyncio.gather(*(worker(http) for _ in range(concurrency)))
    return latencies, time.perf_counter() - began


def percentiles(latencies: list[float]) -> tuple[float, float]:
    """(p50, p95) in milliseconds."""
    ordered = sorted(latencies)
    return statistics.median(ordered) * 1000, ordered[max(int(len(ordered) * 0.95) - 1, 0)] * 1000
