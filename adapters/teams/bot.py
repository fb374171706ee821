"""The Teams activity handler: records what it sees, translates, and hands events to the router."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from types import SimpleNamespace

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import Activity, ActivityEventNames
from botbuilder.schema.teams import (
    MessagingExtensionAction,
    MessagingExtensionActionResponse,
    TaskModuleContinueResponse,
    TaskModuleTaskInfo,
)
from botframework.connector.auth import AuthenticateRequestResult, ClaimsIdentity
from sqlalchemy.exc import SQLAlchemyError

from adapters.teams import translate
from adapters.teams.auth import MetadataUnavailable, token_shape_problem, use_async_metadata
from adapters.teams.cards import form_card
from adapters.teams.graph import GraphDirectory
from adapters.teams.platform import INSTALLED_BY, TeamsPlatform
from bot.config import Settings
from bot.context import Clock, Context, utcnow
from bot.deliveries import CURRENT_RUN
from bot.history import StoreFirstPlatform
from bot.http_body import BadBody, json_object, media_type, read_body, refusal, utf8_text
from bot.inbox import InboxItem, InboxWorkers, finish_or_cancel
from bot.messages import Deleted, Edited, Received
from bot.metrics import DUPLICATES, EVENTS
from bot.model import Event, Mentioned, MessagePosted
from bot.router import Router
from bot.store import Store

log = logging.getLogger(__name__)


class EtiquetteTeamsBot(TeamsActivityHandler):
    def __init__(self, adapter: CloudAdapter, settings: Settings, store: Store, router: Router,
                 graph: GraphDirectory | None = None, clock: Clock = utcnow) -> None:
        self.adapter = adapter
        self.clock = clock
        self.graph = graph
        self.settings = settings
        self.store = store
        self.router = router

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        event = translate.message_event(turn_context.activity)
        if isinstance(event, (MessagePosted, Mentioned)):
            await self.store.messages.write(Received(event.message, team_id=translate.team_of(turn_context.activity)))
        await self._dispatch(event, turn_context)

    async def on_teams_message_edit(self, turn_context: TurnContext) -> None:
        """Someone edited a message: the store keeps its new words (a summary then says what they say now)."""
        event = translate.message_event(turn_context.activity)
        if isinstance(event, (MessagePosted, Mentioned)):
            await self.store.messages.write(Edited(event.message, self.clock()))

    async def on_teams_message_soft_delete(self, turn_context: TurnContext) -> None:
        """Someone deleted a message: it leaves the store."""
        activity = turn_context.activity
        if activity.id:
            await self.store.messages.write(Deleted(translate.conversation(activity), activity.id))

    async def _dispatch(self, event: Event, turn_context: TurnContext) -> TeamsPlatform:
        EVENTS.labels("teams", type(event).__name__).inc()
        platform = TeamsPlatform(self.adapter, self.settings.microsoft_app_id, self.store, turn_context, self.graph,
                                 self.settings.teams_admin_ids)
        reads = StoreFirstPlatform(platform, self.store, self.settings.history_tier, self.clock)
        context = Context(platform=reads, store=self.store, settings=self.settings, now=self.clock)
        await self.router.dispatch(event, context)
        return platform

    async def on_teams_messaging_extension_fetch_task(
        self, turn_context: TurnContext, action: MessagingExtensionAction
    ) -> MessagingExtensionActionResponse:
        """"Send later" on a message: the skill answers with a form, shown as a task module."""
        platform = await self._dispatch(translate.extension_action(turn_context.activity, action), turn_context)
        if platform.dialog is None:
            return MessagingExtensionActionResponse()
        info = TaskModuleTaskInfo(title=platform.dialog.title, card=form_card(platform.dialog), height="medium",
                                  width="medium")
        return MessagingExtensionActionResponse(task=TaskModuleContinueResponse(value=info))

    async def on_teams_messaging_extension_submit_action(
        self, turn_context: TurnContext, action: MessagingExtensionAction
    ) -> MessagingExtensionActionResponse:
        """The task module's form was submitted: the skill confirms privately; the module closes."""
        await self._dispatch(translate.form_submitted(turn_context.activity, action.data or {}), turn_context)
        return MessagingExtensionActionResponse()

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        """Installed in a team, chat or 1:1: keep the reference so we can message there later."""
        activity = turn_context.activity
        team = translate.team_of(activity)
        if not self._bot_removed(activity):
            await self._remember_conversation(activity)
            if self._bot_added(activity) and team and activity.from_property and activity.from_property.id:
                # Whoever adds the bot to a team manages its channels' settings (with the owners and TEAMS_ADMINS).
                await self.store.set_setting("teams", translate.tenant_id(activity), f"team:{team}", INSTALLED_BY,
                                             activity.from_property.id)
            if self._bot_added(activity):
                await self._dispatch(translate.installed(activity), turn_context)
        elif team:  # removed from a team: forget that team's channels
            removed = await self.store.purge_team("teams", translate.tenant_id(activity), team)
            log.info("teams team purged", extra={"rows": removed})
        await super().on_conversation_update_activity(turn_context)

    @staticmethod
    def _bot_added(activity: Activity) -> bool:
        """Installed in a personal chat, a group chat or a team: the conversation gets the welcome."""
        bot_id = activity.recipient.id if activity.recipient else None
        return any(member.id == bot_id for member in activity.members_added or [])

    @staticmethod
    def _bot_removed(activity: Activity) -> bool:
        """Uninstalled: that conversation can no longer be messaged, so there is nothing to keep."""
        bot_id = activity.recipient.id if activity.recipient else None
        return any(member.id == bot_id for member in activity.members_removed or [])

    async def on_installation_update(self, turn_context: TurnContext) -> None:
        """`add` (or an upgrade) gives us a reference; `remove` leaves nothing to message."""
        if not (turn_context.activity.action or "").startswith("remove"):
            await self._remember_conversation(turn_context.activity)
        await super().on_installation_update(turn_context)

    async def _remember_conversation(self, activity: Activity) -> None:
        where = translate.conversation(activity)
        await self.store.save_conversation_ref("teams", where.workspace_id, activity.conversation.id, where.ref or {})


def build_adapter(settings: Settings) -> CloudAdapter:
    config = SimpleNamespace(
        APP_ID=settings.microsoft_app_id,
        APP_PASSWORD=settings.microsoft_app_password.get_secret_value(),
        APP_TYPE=settings.microsoft_app_type,
        APP_TENANTID=settings.microsoft_app_tenant_id,
    )
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(config))
    use_async_metadata(settings.microsoft_openid_metadata_url)

    async def on_turn_error(turn_context: TurnContext, error: Exception) -> None:
        if _proactive(turn_context.activity):
            raise error  # the caller (e.g. the outbox) must see that the send failed
        if CURRENT_RUN.get() is not None:
            raise error  # a turn from the inbox: it retries the activity (what was sent is not sent again)
        log.error("teams turn failed", exc_info=error)
        if turn_context.activity.type != "message":
            return  # only a person who wrote to us is waiting for an answer
        try:
            await turn_context.send_activity("Sorry, something went wrong on my side. I've logged it.")
        except Exception as send_error:  # the Bot Connector itself is unreachable: a 500 would not help
            log.error("teams error reply failed", exc_info=send_error)

    adapter.on_turn_error = on_turn_error
    if not settings.teams_authenticated:
        log.warning("MICROSOFT_APP_ID is not set: /api/messages accepts unauthenticated activities (local use only)")
    return adapter


def _proactive(activity: Activity) -> bool:
    """A turn we started ourselves (continue or create conversation), not one Teams sent."""
    names = (ActivityEventNames.continue_conversation, ActivityEventNames.create_conversation)
    return activity.type == "event" and activity.name in names


def _bad_request(reason: str) -> web.Response:
    return web.json_response({"error": reason}, status=400)


class BackgroundTurns:
    """Turns whose answers go back through the Bot Connector run after the HTTP answer.

    Teams gives a bot 15 s to answer the POST; a summary (or an LLM behind it) may take longer, so
    only what Teams reads from the HTTP body (invokes, `expectReplies`) is processed before it.
    Turns of one conversation still run one after another (reply detection needs the messages
    before); different conversations run side by side. Shutdown waits for the turns still running.
    """

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()
        self._last: dict[str, asyncio.Task] = {}  # by conversation: the turn the next one waits for

    def reserve(self, conversation_id: str) -> asyncio.Future:
        """An activity's place in its channel's or chat's line, taken when it arrives.

        Fill it with `set_result(turn)` once the turn may run (None: nothing to run, e.g. refused
        authentication); the turn then runs after those that arrived before it, however long their
        authentication took.
        """
        key = conversation_id.split(";")[0]  # a channel's reply chains share its order
        previous = self._last.get(key)
        place: asyncio.Future = asyncio.get_running_loop().create_future()

        async def in_order() -> None:
            if previous is not None:
                await asyncio.wait([previous])
            turn = await place
            if turn is not None:
                await turn

        task = asyncio.ensure_future(in_order())  # keeps the request's context (its request id in the logs)
        self._tasks.add(task)
        self._last[key] = task
        task.add_done_callback(lambda done: self._finished(key, done))
        return place

    def _finished(self, key: str, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if self._last.get(key) is task:
            del self._last[key]
        if not task.cancelled() and task.exception() is not None:
            log.error("teams turn failed outside the turn's error handler", exc_info=task.exception())

    async def drain(self, timeout: float | None = 10.0) -> None:
        """Wait for the running turns; cancel those still running after `timeout` (shutdown closes the store next).
        `timeout=None` waits for all of them, however long they take (tests: what a turn did is then done)."""
        await finish_or_cancel(self._tasks, timeout, "teams turns cancelled at shutdown")


def _answered_in_body(activity: Activity) -> bool:
    """Teams reads the result of these from the HTTP response itself."""
    return activity.type == "invoke" or activity.delivery_mode == "expectReplies"


def inbox_key(activity: dict) -> str:
    """The Bot Connector redelivers when we were slow: the same message (conversation and activity id) is
    the same work. Edits and deletions carry their message's id, so they add their type and time."""
    conversation_id, activity_id = activity["conversation"]["id"], activity.get("id")
    if not (isinstance(activity_id, str) and activity_id):
        return hashlib.sha256(json.dumps(activity, sort_keys=True).encode()).hexdigest()
    if activity["type"] == "message":
        return hashlib.sha256(f"{conversation_id}|{activity_id}".encode()).hexdigest()
    return hashlib.sha256(f"{conversation_id}|{activity_id}|{activity['type']}|{activity.get('timestamp')}".encode()
                          ).hexdigest()


def saved_auth(auth: AuthenticateRequestResult) -> dict:
    """What the inbox keeps of a request's authentication, so the turn can run again without the token."""
    claims = auth.claims_identity
    return {"claims": claims.claims, "type": claims.authentication_type, "audience": auth.audience,
            "caller_id": auth.caller_id}


def restored_auth(adapter: CloudAdapter, saved: dict) -> AuthenticateRequestResult:
    auth = AuthenticateRequestResult()
    auth.claims_identity = ClaimsIdentity(saved["claims"], True, saved.get("type"))
    auth.audience = saved.get("audience")
    auth.caller_id = saved.get("caller_id")
    auth.connector_factory = adapter.bot_framework_authentication.create_connector_factory(auth.claims_identity)
    return auth


def register_inbox_handler(workers: InboxWorkers, adapter: CloudAdapter, bot: EtiquetteTeamsBot) -> None:
    async def handle(item: InboxItem) -> None:
        """Run one stored activity's turn (also after a restart, by another process)."""
        activity = Activity().deserialize(item.payload["activity"])
        await adapter.process_activity(restored_auth(adapter, item.payload["auth"]), activity, bot.on_turn)

    workers.handle("teams", handle)


def teams_route(adapter: CloudAdapter, bot: EtiquetteTeamsBot, turns: BackgroundTurns, workers: InboxWorkers,
                authenticated: bool):
    """POST /api/messages: 401 for a token that is absent or malformed (before the body is read) or
    refused, 413 past the size cap, 400 with a reason for anything that is not an activity, 503 when
    the signing keys cannot be fetched or the inbox cannot store the activity.

    Authentication happens before the answer; a message is then stored in the inbox (that write also
    drops the Bot Connector's redeliveries), answered 202, and its turn runs in the background.
    """

    async def handle(request: web.Request) -> web.Response:
        authorization = request.headers.get("Authorization", "")
        if authenticated and (problem := token_shape_problem(authorization)):
            return web.json_response({"error": f"unauthorized: {problem}"}, status=401)
        try:
            raw = await read_body(request)
            if media_type(request) != "application/json":
                raise BadBody("content type must be application/json")
            body = json_object(utf8_text(raw), "activity")
        except BadBody as error:
            return refusal(error)
        for field in ("type", "serviceUrl"):
            if not isinstance(body.get(field), str) or not body[field]:
                return _bad_request(f"activity field '{field}' is missing")
        if not isinstance(body.get("conversation"), dict) or not body["conversation"].get("id"):
            return _bad_request("activity field 'conversation.id' is missing")
        if not isinstance(body["conversation"]["id"], str):
            return _bad_request("activity field 'conversation.id' must be a string")
        if body["type"] == "message" and not (isinstance(body.get("from"), dict) and body["from"].get("id")):
            return _bad_request("message activity field 'from.id' is missing")
        if body["type"] == "invoke" and not (isinstance(body.get("name"), str) and body["name"]):
            return _bad_request("invoke activity field 'name' is missing")  # a named one we lack is botbuilder's 501
        if not isinstance(body.get("channelData", {}), dict):
            return _bad_request("activity field 'channelData' must be an object")
        try:
            activity = Activity().deserialize(body)
        except Exception as error:  # msrest raises several kinds for bad shapes
            return _bad_request(f"not a valid activity: {error}")
        place = None if _answered_in_body(activity) else turns.reserve(activity.conversation.id)
        turn = None
        try:
            try:
                auth = await adapter.bot_framework_authentication.authenticate_request(activity, authorization)
            except MetadataUnavailable as error:
                log.error("teams request refused: signing keys unavailable", extra={"error": str(error)})
                return web.json_response({"error": "cannot verify the token now; try again"}, status=503)
            except Exception as error:  # PermissionError, PyJWT's errors, plain Exception (endorsements): all a no
                log.info("teams token refused", extra={"error": type(error).__name__})
                return web.json_response({"error": "unauthorized"}, status=401)
            if place is not None:
                payload = {"activity": body, "auth": saved_auth(auth)}
                try:
                    item = await workers.inbox.accept("teams", inbox_key(body), translate.tenant_id(activity),
                                                      payload, bot.clock())
                except SQLAlchemyError as error:  # the Bot Connector retries a 5xx, which is what we want here
                    log.error("teams activity not accepted: inbox unavailable", exc_info=error)
                    return web.json_response({"error": "cannot store the activity now; retry"}, status=503)
                if item is None:
                    DUPLICATES.labels("teams").inc()
                    log.info("duplicate teams activity dropped", extra={"activity_id": activity.id})
                else:
                    turn = workers.run(item)
                return web.Response(status=202)
        finally:
            if place is not None:
                place.set_result(turn)  # its turn, or nothing to run: the line moves on either way
        response = await adapter.process_activity(auth, activity, bot.on_turn)
        if response:
            return web.json_response(response.body, status=response.status)
        return web.Response(status=201)

    return handle
