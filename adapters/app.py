"""The whole bot in one aiohttp application: the core's web pieces, both platforms' routes, and the jobs.

This is the composition root, the one module that knows every part: no module of `bot/` imports an
adapter (`etiquette serve` loads this one when the process starts).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta

from aiohttp import web

from adapters.slack.app import (
    build_bolt_app,
    kept_connections,
    slack_oauth_route,
    slack_route,
    start_socket_mode,
    workspace_platform,
)
from adapters.teams.bot import (
    BackgroundTurns,
    EtiquetteTeamsBot,
    build_adapter,
    register_inbox_handler,
    teams_route,
)
from adapters.teams.graph import GraphDirectory
from adapters.teams.platform import TeamsPlatform
from bot.app import INBOX, JOBS, MISSED_AFTER, STORE, healthz, metrics, timed
from bot.config import Settings, get_settings
from bot.context import Clock, utcnow
from bot.history import StoreFirstPlatform
from bot.inbox import Inbox, InboxWorkers
from bot.pacing import PACER
from bot.platform import Platform
from bot.router import Router, default_router
from bot.scheduler import WORKER_ID, Jobs
from bot.store import Store

log = logging.getLogger(__name__)
TEAMS_TURNS = web.AppKey("teams_turns", BackgroundTurns)  # Teams turns running after their HTTP answer


def create_app(settings: Settings | None = None, router: Router | None = None,
               graph: GraphDirectory | None = None, clock: Clock = utcnow) -> web.Application:
    """The whole bot. `graph` overrides the Graph client built from the settings (tests use a fake);
    `clock` is what skills and jobs take for now (tests move it to a digest's or a message's due time)."""
    settings = settings or get_settings()
    router = router or default_router()
    store = Store.connect(settings.async_database_url, settings.message_key)
    if settings.message_key is None:
        log.warning("SLACK_TOKEN_ENCRYPTION_KEY is not set: stored message text is kept unencrypted")
    app = web.Application(middlewares=[timed])
    app[STORE] = store

    workers = app[INBOX] = InboxWorkers(Inbox(store, WORKER_ID, timedelta(seconds=settings.inbox_lease_seconds)), clock)
    bolt = build_bolt_app(settings, store, router, workers, clock) if settings.slack_enabled else None
    if bolt is None:
        log.warning("Slack is not configured (SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN): /slack/events answers 503")
    adapter = build_adapter(settings)
    graph = graph or GraphDirectory.from_settings(settings)
    teams_bot = EtiquetteTeamsBot(adapter, settings, store, router, graph, clock)
    register_inbox_handler(workers, adapter, teams_bot)
    teams_turns = app[TEAMS_TURNS] = BackgroundTurns()

    slack_platform_for = workspace_platform(bolt, settings) if bolt is not None else None

    async def platform_for(name: str, workspace_id: str) -> Platform | None:
        """A port for work outside any request (scheduled deliveries, digests), per workspace."""
        platform: Platform | None = None
        if name == "slack" and slack_platform_for is not None:
            platform = await slack_platform_for(workspace_id)
        if name == "teams":
            platform = TeamsPlatform(adapter, settings.microsoft_app_id, store, graph=graph)
        return None if platform is None else StoreFirstPlatform(platform, store, settings.history_tier, clock)

    jobs = app[JOBS] = Jobs(store, settings, platform_for, workers, clock)

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        await store.migrate()
        await store.note_start(clock(), MISSED_AFTER)
        if store.engine.dialect.name == "postgresql":  # replicas may share it: they pace their sends together
            PACER.share(store.engine)
        jobs.start()
        socket = await start_socket_mode(bolt, settings)
        yield
        if socket is not None:
            await socket.close_async()
        await teams_turns.drain()
        await workers.drain()
        await jobs.stop()
        if PACER.engine is store.engine:
            PACER.share(None)
        await store.close()

    if bolt is not None:
        app.cleanup_ctx.append(kept_connections(bolt))  # first in, last out: open until the work has drained
    app.cleanup_ctx.append(lifecycle)

    app.router.add_post("/slack/events", slack_route(bolt, settings, workers, clock))
    if bolt is not None and bolt.oauth_flow is not None:
        app.router.add_get("/slack/install", slack_oauth_route(bolt))
        app.router.add_get("/slack/oauth_redirect", slack_oauth_route(bolt))
    app.router.add_post("/api/messages", teams_route(adapter, teams_bot, teams_turns, workers,
                                                          settings.teams_authenticated))
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    return app
