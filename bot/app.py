"""The core's part of the web application: health, metrics, request timing, and the keys for what it keeps.

It knows no platform: `adapters/app.py` builds the whole bot on it, with both platforms' routes.
"""

from __future__ import annotations

import gc
import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.inbox import InboxWorkers
from bot.logs import REQUEST_ID
from bot.metrics import REQUEST_SECONDS
from bot.scheduler import Jobs
from bot.store import Store

log = logging.getLogger(__name__)
# Slack retries an unacknowledged event for about 5 minutes (at once, after 1 and after 5), the Bot
# Connector for less: a bot down longer than this may have missed messages the store would need.
MISSED_AFTER = timedelta(minutes=5)
STORE = web.AppKey("store", Store)
INBOX = web.AppKey("inbox", InboxWorkers)  # accepted work, run after the answer and again after a crash
JOBS = web.AppKey("jobs", Jobs)  # outbox delivery, weekly digests, forgetting old data
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


class AccessLog(AbstractAccessLogger):
    """One line per HTTP request, naming its path without the query string: an OAuth redirect's `code` and
    `state` are secrets, and aiohttp's default line quotes the whole request line (and the Referer)."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(f"{request.method} {request.path} {response.status}",
                         extra={"remote_address": request.remote, "response_status": response.status,
                                "response_size": response.body_length, "seconds": round(time, 6)})


@web.middleware
async def timed(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
    """Latency per route, and a request id in every log line the request (and its follow-up work) writes."""
    started = time.perf_counter()
    given = request.headers.get("X-Request-Id", "")
    # A caller's id is kept only when it looks like one: it goes into every log line and back in the answer.
    request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex[:16]
    REQUEST_ID.set(request_id)
    try:
        response = await handler(request)
        response.headers["X-Request-Id"] = request_id
        return response
    finally:
        route = request.match_info.route.resource.canonical if request.match_info.route.resource else "unmatched"
        REQUEST_SECONDS.labels(route).observe(time.perf_counter() - started)


async def healthz(request: web.Request) -> web.Response:
    try:
        await request.app[STORE].ping()
    except Exception as error:  # any database failure means "not healthy"
        log.warning("health check failed", extra={"error": type(error).__name__})
        return web.json_response({"status": "unhealthy", "database": "unreachable"}, status=503)
    return web.json_response({"status": "ok", "database": "ok"})


async def metrics(request: web.Request) -> web.Response:
    return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})


async def freeze_startup_objects(app: web.Application) -> None:
    """An on_startup hook (`etiquette serve` adds it last): what starting built lives as long as the process.

    Moved out of the garbage collector's reach, those objects no longer make each full collection a
    pause of 60-300 ms in which every request waits (it showed as the ack p95 under a burst).
    """
    gc.collect()
    gc.freeze()
