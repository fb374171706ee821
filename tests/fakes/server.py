"""Run an aiohttp application on a free loopback port for the length of a test."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

SERVED: dict[str, web.Application] = {}  # base URL → the app behind it, so helpers can wait for its work


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@asynccontextmanager
async def serving(app: web.Application, port: int | None = None, handler_cancellation: bool = False
                  ) -> AsyncIterator[str]:
    """Start `app` on 127.0.0.1 and yield its base URL; cleans up (including cleanup_ctx) after.

    `handler_cancellation`: a request whose client goes away is cancelled (a fake then records nothing).
    """
    runner = web.AppRunner(app, handler_cancellation=handler_cancellation)
    await runner.setup()
    port = port or free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    url = f"http://127.0.0.1:{port}"
    SERVED[url] = app
    try:
        yield url
    finally:
        SERVED.pop(url, None)
        await runner.cleanup()


async def eventually(check: Callable[[], Any], timeout: float = 10.0, interval: float = 0.02) -> Any:
    """Wait until `check()` is truthy (work happens after the ack), failing with the last value."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        value = check()
        if value:
            return value
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s (last value: {value!r})")
        await asyncio.sleep(interval)


async def eventually_async(read: Callable[[], Any], ok: Callable[[Any], Any], timeout: float = 10.0) -> Any:
    """Poll an async read (a row's status, a stored thread) until `ok(value)` is truthy; returns that."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (found := ok(value := await read())):
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s (last value: {value!r})")
        await asyncio.sleep(0.02)
    return found
