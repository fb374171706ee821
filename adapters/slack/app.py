"""Slack's requests: verified, stored in the inbox (which also drops retries) and acked, then handed to the router."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_bolt.oauth.async_callback_options import AsyncCallbackOptions, AsyncFailureArgs, AsyncSuccessArgs
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import extract_enterprise_id, extract_is_enterprise_install, extract_team_id
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from adapters.slack import translate
from adapters.slack.incoming import checked_payload, signed_by_slack
from adapters.slack.oauth import oauth_settings
from adapters.slack.platform import SlackPlatform, UserTokenLookup
from bot.config import Settings
from bot.context import Clock, Context, utcnow
from bot.history import StoreFirstPlatform
from bot.http_body import BadBody, media_type, read_body, refusal
from bot.inbox import InboxItem, InboxWorkers
from bot.metrics import DROPPED, DUPLICATES, EVENTS
from bot.model import Event, MessagePosted
from bot.router import Router
from bot.store import Store

log = logging.getLogger(__name__)
UNREACHABLE = (aiohttp.ClientError, OSError, TimeoutError, DBAPIError, PoolTimeout)  # nothing a retry cannot fix
# auth.test's answers for a token that no longer works in its workspace: nothing a retry would change
PURGE_AFTER_SECONDS = 30.0  # how long an uninstall waits for the work already under way before purging
REVOKED = frozenset({"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"})


def build_bolt_app(settings: Settings, store: Store, router: Router, workers: InboxWorkers,
                   clock: Clock = utcnow) -> AsyncApp:
    """For commands, clicks and Socket Mode, Bolt verifies, authorizes and answers, and our middleware puts
    each request's work in the inbox first; Events API bodies reach the inbox without Bolt (`slack_route`).

    There are no Bolt listeners: the work runs from the inbox (right after the ack, and again after a
    crash), through `handle` below, which needs nothing but the stored payload.
    """
    assert settings.slack_signing_secret
    oauth = oauth_settings(settings, store.engine)
    # With OAuth each workspace's token comes from the installation store; else the one configured token.
    token = None if oauth or settings.slack_bot_token is None else settings.slack_bot_token.get_secret_value()
    client = web_client(token, settings.slack_api_base_url)
    if oauth is not None and getattr(oauth.authorize, "token_rotator", None) is not None:
        # Bolt's rotator has its own client on slack.com; ours honours SLACK_API_BASE_URL and Retry-After.
        oauth.authorize.token_rotator = token_rotator(settings, client)
    if oauth is not None:
        oauth.callback_options = welcome_after_install(lambda event, token: route(
            event, SlackPlatform(web_client(token, settings.slack_api_base_url, app.client.session),
                                 user_token_lookup(app))))
    app = AsyncApp(signing_secret=settings.slack_signing_secret.get_secret_value(), client=client,
                   oauth_settings=oauth)

    @app.error
    async def unavailable(error: Exception) -> BoltResponse | None:
        """Bolt answers 500 when its own middleware fails: its `auth.test`, or the installation lookup with OAuth,
        could not reach Slack or our store. That is a moment's unavailability, said as 503 (Slack retries it
        like a 500); any other error keeps Bolt's answer."""
        if isinstance(error, UNREACHABLE):
            log.error("slack request not accepted: Slack or the store unreachable", exc_info=error)
            return BoltResponse(status=503, body={"error": "temporarily unavailable; retry"})
        return None

    workspace_for = installed_workspaces(app, settings)
    bot_of = BotIdentity(app)

    async def route(event: Event, platform: SlackPlatform) -> None:
        EVENTS.labels("slack", type(event).__name__).inc()
        platform = StoreFirstPlatform(platform, store, settings.history_tier, clock,
                                      asked=not isinstance(event, MessagePosted))
        await router.dispatch(event, Context(platform=platform, store=store, settings=settings, now=clock))

    async def keep(body: dict[str, Any]) -> None:
        """Into the message store (after the ack, from the inbox); a failure costs the store that
        message, never the event's handling."""
        try:
            await store.messages.write(*translate.stored_changes(body))
        except Exception:
            log.exception("message not stored")

    @app.middleware
    async def accept_into_inbox(body: dict[str, Any], context: AsyncBoltContext, next: Any) -> BoltResponse:
        """Commands, clicks and Socket Mode's events: Bolt verified and authorized them; into the inbox, then ack."""
        return await into_inbox(workers, body, clock)

    async def handle(item: InboxItem) -> None:
        """Do one stored Slack payload's work (also after a restart, by another process).

        An event taken straight into the inbox (`slack_route`) is authorized here, as Bolt would have
        done before the ack: a workspace we are not installed in gets nothing stored and nothing done,
        and the bot's own events are ignored."""
        body = item.payload["body"]
        if body.get("type") == "event_callback" and body["event"].get("type") in translate.UNINSTALL_EVENTS:
            if translate.removes_the_bot(body):
                await forget_workspace(body)
            else:  # people revoked their own tokens: the bot, its installation and the workspace's data stay
                log.info("slack user tokens revoked", extra={"team_id": translate.team_of(body)})
            return
        workspace = await workspace_for(*installation_key(body))
        try:
            bot_user_id, bot_id = (None, None) if workspace is None else await bot_of(workspace)
        except SlackApiError as error:
            if error.response.get("error") not in REVOKED:
                raise
            workspace = None  # the one configured token no longer works there: uninstalled or revoked
        if workspace is None:  # as Bolt's authorization would have: acked, not retried, nothing kept
            DROPPED.labels("slack", "not_installed").inc()
            log.info("slack inbox item dropped: the app is not installed in its workspace",
                     extra={"key": item.key, "team_id": translate.team_of(body)})
            return
        if from_the_bot(body, bot_user_id, bot_id):
            return
        if _kept(body):
            await keep(body)  # at once: a burst's messages go to the store together
        events = translate.events_of(body, bot_user_id)
        if not events:
            return
        async with workers.turn():
            for event in events:
                await route(event, workspace.platform)

    async def forget_workspace(body: dict[str, Any]) -> None:
        """The workspace removed us: forget its installation and everything we stored for it."""
        team_id = translate.team_of(body)
        _, enterprise_id, org_wide = installation_key(body)
        if app.installation_store is not None:
            await app.installation_store.async_delete_all(enterprise_id=enterprise_id,
                                                          team_id=None if org_wide else team_id)
        # Items that found the installation a moment ago may still store what they carry: purge after them.
        await workers.settle(PURGE_AFTER_SECONDS)
        removed = await store.purge_workspace("slack", team_id)
        bot_of.forget()
        log.info("slack workspace purged", extra={"team_id": team_id, "rows": removed})

    workers.handle("slack", handle)
    return app


def _kept(body: dict[str, Any]) -> bool:
    """Events whose message the message store keeps (or changes): posts, edits, deletions, reactions."""
    return body.get("type") == "event_callback" and body["event"].get("type") in translate.STORED_EVENTS


async def into_inbox(workers: InboxWorkers, body: dict[str, Any], clock: Clock) -> BoltResponse:
    """Store the work (the same write drops Slack's retries), then ack; 400 if malformed, 503 if the store
    cannot take it. Who the bot is in the workspace is not needed yet: the work finds out when it runs."""
    uninstall = body.get("type") == "event_callback" and body["event"].get("type") in translate.UNINSTALL_EVENTS
    try:
        events = [] if uninstall else translate.events_of(body, None)
        changes = translate.stored_changes(body) if _kept(body) else []
        team_id = translate.team_of(body)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        return BoltResponse(status=400, body={"error": f"malformed payload: {type(error).__name__} {error}"})
    if not (events or changes or uninstall):
        return BoltResponse(status=200, body="")  # nothing for us to do: no row needed
    # Slack retries events (same event_id); commands and clicks are never retried, so each is new.
    key = body.get("event_id") or uuid.uuid4().hex
    payload = {"body": body}
    try:
        item = await workers.inbox.accept("slack", key, team_id, payload, clock())
    except Exception as error:  # the store is down: Slack retries a 5xx, which is what we want here
        log.error("slack event not accepted: inbox unavailable", exc_info=error)
        return BoltResponse(status=503, body={"error": "cannot store the event now; retry"})
    if item is None:
        DUPLICATES.labels("slack").inc()
        log.info("duplicate slack event dropped", extra={"key": key})
    else:
        workers.start(item)
    return BoltResponse(status=200, body="")


def installation_key(body: dict[str, Any]) -> tuple[str, str | None, bool]:
    """(team id, enterprise id, org-wide install) of the installation a payload is for, read as Bolt's
    authorization reads them: in a shared channel or an Enterprise Grid org, from `authorizations`."""
    return extract_team_id(body) or "", extract_enterprise_id(body), bool(extract_is_enterprise_install(body))


def from_the_bot(body: dict[str, Any], bot_user_id: str | None, bot_id: str | None) -> bool:
    """The bot's own post, edit or reaction, which Bolt's IgnoringSelfEvents drops (joins and leaves it keeps);
    the author is found where Bolt looks: the event, else the message it changed, else the one it deleted."""
    event = body.get("event") or {}
    if body.get("type") != "event_callback" or event.get("type") in ("member_joined_channel", "member_left_channel"):
        return False
    author = None
    for part in (event, event.get("message"), event.get("previous_message")):
        if isinstance(part, dict) and (author := part.get("user") or part.get("user_id")) is not None:
            break
    if isinstance(author, dict):
        author = author.get("id")
    return bool((bot_user_id and author == bot_user_id) or (bot_id and event.get("bot_id") == bot_id))


def welcome_after_install(dispatch: Callable[[Event, str], Awaitable[None]]) -> AsyncCallbackOptions:
    """After a successful OAuth install, the installer gets the welcome in a DM; then Bolt's own success page."""

    async def success(args: AsyncSuccessArgs) -> BoltResponse:
        installation = args.installation
        if installation.bot_token and installation.user_id:
            try:
                await dispatch(translate.met(installation.team_id or "", installation.user_id), installation.bot_token)
            except Exception:  # the install worked; a welcome that could not be sent must not undo it
                log.exception("slack welcome after install failed")
        return await args.default.success(args)

    async def failure(args: AsyncFailureArgs) -> BoltResponse:
        return await args.default.failure(args)

    return AsyncCallbackOptions(success=success, failure=failure)


def token_rotator(settings: Settings, client: AsyncWebClient) -> AsyncTokenRotator | None:
    if not (settings.slack_client_id and settings.slack_client_secret):
        return None
    return AsyncTokenRotator(client_id=settings.slack_client_id,
                             client_secret=settings.slack_client_secret.get_secret_value(), client=client)


@dataclass(frozen=True)
class Workspace:
    """A workspace we are installed in: its port, and who the bot is there (from its installation)."""

    platform: SlackPlatform
    bot_user_id: str | None = None  # None with the one configured token: `BotIdentity` asks auth.test
    bot_id: str | None = None


def installed_workspaces(app: AsyncApp, settings: Settings) -> Callable[..., Awaitable[Workspace | None]]:
    """A workspace outside any request (inbox items, scheduled deliveries, digests); None where we are not installed.

    With OAuth the workspace's token comes from the installation store, rotated first when it is
    about to expire (the rotated tokens are saved, encrypted, like Bolt's own rotations). An Enterprise
    Grid workspace's installation is found under its org (`enterprise_id`), an org-wide one by the org
    alone. Items of one workspace that start together share one lookup (a burst's fifty events, one
    query and one rotation rather than fifty); nothing is kept once it is answered."""
    rotator = token_rotator(settings, app.client) if app.installation_store is not None else None
    looking_up: dict[tuple[str | None, str, bool], asyncio.Future[Installation | None]] = {}

    async def installation_of(enterprise_id: str | None, team_id: str, org_wide: bool) -> Installation | None:
        assert app.installation_store is not None
        store = app.installation_store
        installation = await store.async_find_installation(enterprise_id=enterprise_id, team_id=team_id,
                                                           is_enterprise_install=org_wide)
        if installation is None or not installation.bot_token:
            return None
        if rotator is not None and installation.bot_refresh_token:
            refreshed = await rotator.perform_token_rotation(installation=installation)
            if refreshed is not None:
                await store.async_save(refreshed)
                installation = refreshed
        return installation

    async def workspace_for(team_id: str, enterprise_id: str | None = None, org_wide: bool = False) -> Workspace | None:
        if app.installation_store is None:
            return Workspace(SlackPlatform(app.client))
        key = (enterprise_id, team_id, org_wide)
        lookup = looking_up.get(key)
        if lookup is None:
            lookup = looking_up[key] = asyncio.ensure_future(installation_of(*key))
            lookup.add_done_callback(lambda _: looking_up.pop(key, None))
        installation = await asyncio.shield(lookup)  # one waiter cancelled (shutdown) leaves the others theirs
        if installation is None:
            return None
        return Workspace(SlackPlatform(web_client(installation.bot_token, app.client.base_url, app.client.session),
                                       user_token_lookup(app)), installation.bot_user_id, installation.bot_id)

    return workspace_for


def workspace_platform(app: AsyncApp, settings: Settings) -> Callable[[str], Awaitable[SlackPlatform | None]]:
    """A port for one workspace outside any request (scheduled deliveries, digests)."""
    workspace_for = installed_workspaces(app, settings)

    async def platform_for(workspace_id: str) -> SlackPlatform | None:
        workspace = await workspace_for(workspace_id)
        return None if workspace is None else workspace.platform

    return platform_for


class BotIdentity:
    """(bot user id, bot id) in a workspace: from its installation, or for the one configured token from
    auth.test, asked once (Bolt's single-workspace authorization does the same) and again after an uninstall."""

    def __init__(self, app: AsyncApp) -> None:
        self.app = app
        self.answer: dict[str, str | None] = {}
        self.asking = asyncio.Lock()

    async def __call__(self, workspace: Workspace) -> tuple[str | None, str | None]:
        if self.app.installation_store is not None:
            return workspace.bot_user_id, workspace.bot_id
        async with self.asking:  # a burst's first items wait for one call, not one each
            if not self.answer:
                found = await self.app.client.auth_test()
                self.answer.update(user_id=found.get("user_id"), bot_id=found.get("bot_id"))
        return self.answer["user_id"], self.answer["bot_id"]

    def forget(self) -> None:
        """The workspace removed us: the configured token may be revoked, which the next auth.test tells."""
        self.answer.clear()


def user_token_lookup(app: AsyncApp) -> UserTokenLookup | None:
    """A person's own token, when they installed the app for themselves (OAuth user scope)."""
    if app.installation_store is None:
        return None
    store = app.installation_store

    async def lookup(team_id: str, user_id: str) -> str | None:
        installation = await store.async_find_installation(enterprise_id=None, team_id=team_id, user_id=user_id)
        return installation.user_token if installation and installation.user_id == user_id else None

    return lookup


def web_client(token: str | None, base_url: str, session: aiohttp.ClientSession | None = None) -> AsyncWebClient:
    """A Web API client that honours Slack's 429 Retry-After (waits, then tries again, twice at most).

    `session`: the app's kept-alive connections (`kept_connections`); without one, each call opens its own."""
    client = AsyncWebClient(token=token, base_url=base_url if base_url.endswith("/") else base_url + "/",
                            session=session)
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
    return client


def kept_connections(bolt: AsyncApp):
    """A cleanup context: while the app runs, every Web API call reuses kept-alive connections to Slack.

    slack_sdk otherwise opens a new HTTP session, and so a new (TLS) connection, for every call; that
    was most of what a channel message cost after its ack. Bolt's per-request clients and our
    per-workspace ones take the session from `bolt.client`."""

    async def keep(_app: web.Application) -> AsyncIterator[None]:
        bolt.client.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=bolt.client.timeout))
        yield
        await bolt.client.session.close()
        bolt.client.session = None

    return keep


async def start_socket_mode(bolt: AsyncApp | None, settings: Settings) -> AsyncSocketModeHandler | None:
    """Development without a public URL: events arrive over Slack's WebSocket (SLACK_APP_TOKEN)."""
    if bolt is None or settings.slack_app_token is None:
        return None
    handler = AsyncSocketModeHandler(bolt, settings.slack_app_token.get_secret_value(), web_client=bolt.client)
    await handler.connect_async()
    log.info("slack socket mode connected")
    return handler


def slack_oauth_route(bolt: AsyncApp):
    """GET /slack/install (the "Add to Slack" page) and /slack/oauth_redirect (Slack's callback)."""

    async def handle(request: web.Request) -> web.Response:
        flow = bolt.oauth_flow
        bolt_request = await to_bolt_request(request)
        if request.path == flow.install_path:
            return await to_aiohttp_response(await flow.handle_installation(bolt_request))
        return await to_aiohttp_response(await flow.handle_callback(bolt_request))

    return handle


def slack_route(bolt: AsyncApp | None, settings: Settings, workers: InboxWorkers, clock: Clock = utcnow):
    """POST /slack/events: signature on the raw bytes first (401), then the payload's form (400), then the inbox.

    Too large → 413. Nothing about the body is parsed before the signature is known to be Slack's.
    An Events API body (`event_callback`) goes straight into the inbox and is acknowledged once stored:
    authorizing it (the workspace's installation, a query with OAuth) waits until its work runs, off the
    ack path. Everything else (commands, clicks, url_verification, ssl_check) goes through Bolt, whose
    middleware puts its work in the same inbox.
    """
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None

    async def handle(request: web.Request) -> web.Response:
        if bolt is None or secret is None:
            return web.json_response(
                {"error": "Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN"},
                status=503,
            )
        try:
            raw = await read_body(request)
            if not signed_by_slack(raw, request.headers, secret):
                return web.json_response({"error": "invalid or stale signature"}, status=401)
            text, payload = checked_payload(raw, media_type(request))
            if payload is not None and payload["type"] == "event_callback":
                return await to_aiohttp_response(await into_inbox(workers, payload, clock))
            bolt_request = AsyncBoltRequest(body=text, query=request.query_string, headers=dict(request.headers))
        except BadBody as error:
            return refusal(error)
        except Exception as error:  # Bolt reads ids out of the payload while building its request
            return refusal(BadBody(f"malformed payload: {type(error).__name__}"))
        return await to_aiohttp_response(await bolt.async_dispatch(bolt_request))

    return handle
