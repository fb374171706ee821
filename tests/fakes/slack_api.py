"""A loopback Slack Web API: answers the methods the bot uses and records every call."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

BOT_USER_ID = "UBOT"
RATIONED = ("conversations.history", "conversations.replies")  # Slack's 2025 limits for distributed apps
LIMITED_PER_MINUTE, LIMITED_PAGE = 1, 15
TEAM_ID = "T0001"
OAUTH_TEAM_ID = "T0002"  # the workspace that installs the app through OAuth in the tests


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None = None
    in_url: frozenset[str] = frozenset()  # the parameters that came in the query string, not the body
    at: float = 0.0  # the fake's clock when the call came
    status: int = 200


@dataclass
class FakeSlackAPI:
    """State of the fake workspace plus the calls the bot made, for assertions."""

    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    threads: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    uploads: dict[str, bytes] = field(default_factory=dict)  # file id → bytes uploaded to the upload URL
    filenames: dict[str, str] = field(default_factory=dict)  # file id → its name
    sockets: list[Any] = field(default_factory=list)  # Socket Mode connections
    acks: list[dict[str, Any]] = field(default_factory=list)  # what the bot acknowledged over them
    base_url: str = ""  # set once serving, so upload URLs point back here
    rate_limited: dict[str, int] = field(default_factory=dict)  # method → how many calls get a 429 first
    refused: dict[str, str] = field(default_factory=dict)  # method → the error Slack answers it with
    failing: dict[str, int] = field(default_factory=dict)  # method → how many calls get an HTTP 500 first
    # method → a gate: calls wait for it and only then happen; a caller that goes away first leaves no
    # trace (serve with handler_cancellation=True), like a request that never reached Slack
    held: dict[str, asyncio.Event] = field(default_factory=dict)
    # method → a gate the answer waits for after the call happened (Slack took it; the caller has no answer yet)
    answer_held: dict[str, asyncio.Event] = field(default_factory=dict)
    holding: int = 0  # calls waiting at a gate now
    installed: dict[str, str] = field(default_factory=dict)  # OAuth bot token → its team id
    rotating_tokens: bool = False  # the app has token rotation on: installs get short-lived tokens
    enterprise_id: str | None = None  # set: installs are of a workspace in this Enterprise Grid org
    rotations: int = 0
    channel_members: dict[str, list[str]] = field(default_factory=dict)
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # channel → top-level messages
    page_size: int = 2  # small on purpose, so every thread fetch exercises pagination
    calls: list[Call] = field(default_factory=list)
    clock: Callable[[], float] = time.time  # tests move it together with the app's clock
    limited: bool = False  # Slack's limited tier for history and replies (see `limit_history`)
    posted: dict[str, dict[str, Any]] = field(default_factory=dict)  # ts → what chat.postMessage posted there
    updates: dict[str, dict[str, Any]] = field(default_factory=dict)  # ts → the latest chat.update of it

    def limit_history(self) -> None:
        """Enforce the limited tier: 1 call per minute per method and workspace, 15 messages a page,
        429 with Retry-After for a call that comes too soon."""
        self.limited = True
        self.page_size = LIMITED_PAGE

    def _too_soon(self, call: Call) -> float:
        """Seconds until `call` would have been allowed under the limited tier (0: allowed)."""
        if not self.limited or call.method not in RATIONED:
            return 0.0
        earlier = [c.at for c in self.calls[:-1] if c.method == call.method and c.token == call.token
                   and c.status == 200 and c.at > call.at - 60 / LIMITED_PER_MINUTE]
        return max(earlier) + 60 / LIMITED_PER_MINUTE - call.at if earlier else 0.0

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [call.params for call in self.calls if call.method == method]

    def add_user(self, user_id: str, name: str, tz: str = "Europe/Berlin") -> None:
        self.users[user_id] = {
            "id": user_id,
            "name": name.lower(),
            "tz": tz,
            "profile": {"display_name": name, "real_name": name},
        }

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/{method}", self._handle)
        app.router.add_get("/api/{method}", self._handle)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/socket", self._socket)
        app.router.add_post("/response/{hook}", self._response_url)
        return app

    def response_url(self, hook: str = "1") -> str:
        """A block action's `response_url`, pointing here; what is posted to it is recorded as `response_url`."""
        return f"{self.base_url}/response/{hook}"

    async def _response_url(self, request: web.Request) -> web.Response:
        self.calls.append(Call("response_url", {**await request.json(), "hook": request.match_info["hook"]}))
        return web.Response(text="ok")

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if (gate := self.held.get(method)) is not None:
            self.holding += 1
            try:
                await gate.wait()
            finally:
                self.holding -= 1
        if request.method == "GET":
            params: dict[str, Any] = {}
        elif request.content_type == "application/json":
            params = await request.json()
        else:
            params = dict(await request.post())
        params.update(request.query)
        auth = request.headers.get("Authorization", "")
        call = Call(method, params, auth.removeprefix("Bearer ") or params.get("token"), frozenset(request.query),
                    at=self.clock())
        self.calls.append(call)
        wait = self._too_soon(call)
        if wait > 0:
            call.status = 429
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                     headers={"Retry-After": str(int(wait) + 1)})
        if self.rate_limited.get(method, 0) > 0:  # Slack's answer when a method is called too often
            self.rate_limited[method] -= 1
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "0"})
        if self.failing.get(method, 0) > 0:  # Slack having a bad moment: nothing happened, try again
            self.failing[method] -= 1
            call.status = 500
            return web.Response(status=500, text="internal error")
        if method in self.refused:
            return web.json_response({"ok": False, "error": self.refused[method]})
        answer = getattr(self, "_" + method.replace(".", "_"), None)
        if answer is None:
            return web.json_response({"ok": False, "error": "unknown_method"})
        done = answer(params)
        if (gate := self.answer_held.get(method)) is not None:
            await gate.wait()
        return web.json_response(done)

    def _auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        token = self.calls[-1].token or ""
        team = self.installed.get(token, TEAM_ID)
        if token.startswith("xoxp-"):  # a person's own token: it is them, and no bot
            return {"ok": True, "url": "https://fake.slack.test/", "team": "Fake", "user": "u9",
                    "team_id": team, "user_id": "U9"}
        return {"ok": True, "url": "https://fake.slack.test/", "team": "Fake", "user": "etiquette",
                "team_id": team, "user_id": BOT_USER_ID, "bot_id": "BBOT"}

    def _oauth_v2_access(self, params: dict[str, Any]) -> dict[str, Any]:
        """The OAuth code exchange: a new workspace's bot token; with token rotation, also its refresh."""
        if params.get("grant_type") == "refresh_token":
            self.rotations += 1
            token = f"xoxb-rotated-{self.rotations}"
            self.installed[token] = OAUTH_TEAM_ID
            return {"ok": True, "app_id": "A0001", "access_token": token, "token_type": "bot",
                    "refresh_token": f"xoxe-1-next-{self.rotations}", "expires_in": 43200,
                    "team": {"id": OAUTH_TEAM_ID}, "enterprise": None}
        if params.get("code") != "good-code":
            return {"ok": False, "error": "invalid_code"}
        token = f"xoxb-{OAUTH_TEAM_ID.lower()}-secret"
        self.installed[token] = OAUTH_TEAM_ID
        self.installed["xoxp-u9-secret"] = OAUTH_TEAM_ID
        return {"ok": True, "app_id": "A0001", "access_token": token, "token_type": "bot",
                "scope": "chat:write,commands", "bot_user_id": BOT_USER_ID,
                "team": {"id": OAUTH_TEAM_ID, "name": "Second"},
                "enterprise": self.enterprise_id and {"id": self.enterprise_id, "name": "Grid"},
                **({"refresh_token": "xoxe-1-first", "expires_in": 60} if self.rotating_tokens else {}),
                "authed_user": {"id": "U9", "access_token": "xoxp-u9-secret", "token_type": "user",
                                "scope": "chat:write"},
                "is_enterprise_install": False}

    def _users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(params["user"])
        return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}

    def _conversations_replies(self, params: dict[str, Any]) -> dict[str, Any]:
        messages = self.threads.get((params["channel"], params["ts"]))
        if messages is None:
            return {"ok": False, "error": "thread_not_found"}
        start = int(params.get("cursor") or 0)
        size = min(int(params.get("limit") or self.page_size), self.page_size)
        page = messages[start : start + size]
        more = start + size < len(messages)
        return {
            "ok": True,
            "messages": _shown(page, params),
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + size) if more else ""},
        }

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        """The post joins its thread or the channel's history, metadata included."""
        ts = f"{time.time():.6f}"
        self.posted[ts] = params
        message = {"type": "message", "user": BOT_USER_ID, "bot_id": "BBOT", "text": params.get("text"), "ts": ts}
        if params.get("metadata"):
            metadata = params["metadata"]
            message["metadata"] = metadata if isinstance(metadata, dict) else json.loads(metadata)
        if params.get("thread_ts"):  # a reply: its thread is there to read back, if only with the bot's replies
            self.threads.setdefault((params["channel"], params["thread_ts"]), []).append(
                {**message, "thread_ts": params["thread_ts"]})
        else:
            self.history.setdefault(params["channel"], []).append(message)
        return {"ok": True, "channel": params["channel"], "ts": ts, "message": {"text": params.get("text"), "ts": ts}}

    def _chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        """Only a message the bot posted can be updated, in the channel it was posted in."""
        posted = self.posted.get(params["ts"])
        if posted is None or posted["channel"] != params["channel"]:
            return {"ok": False, "error": "message_not_found"}
        self.updates[params["ts"]] = params
        return {"ok": True, "channel": params["channel"], "ts": params["ts"], "text": params.get("text")}

    def _conversations_history(self, params: dict[str, Any]) -> dict[str, Any]:
        """Newest first, `limit` (default 100) at a time, as Slack pages a channel's history."""
        oldest, latest = float(params.get("oldest") or 0), float(params.get("latest") or "inf")
        found = sorted((m for m in self.history.get(params["channel"], []) if oldest <= float(m["ts"]) <= latest),
                       key=lambda m: float(m["ts"]), reverse=True)
        start, limit = int(params.get("cursor") or 0), int(params.get("limit") or 100)
        if self.limited:
            limit = min(limit, LIMITED_PAGE)
        more = start + limit < len(found)
        return {"ok": True, "messages": _shown(found[start:start + limit], params), "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}

    def _conversations_members(self, params: dict[str, Any]) -> dict[str, Any]:
        members = self.channel_members.get(params["channel"], [])
        return {"ok": True, "members": members, "response_metadata": {"next_cursor": ""}}

    def _views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "view": {"id": "VHOME"}}

    def _views_open(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "view": {"id": "V0001"}}

    def _apps_connections_open(self, params: dict[str, Any]) -> dict[str, Any]:
        """Socket Mode: where to connect (needs the app-level token)."""
        return {"ok": True, "url": self.base_url.replace("http://", "ws://") + "/socket"}

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        """Socket Mode's WebSocket: say hello, push queued envelopes, record the acks."""
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        await socket.send_json({"type": "hello", "num_connections": 1})
        self.sockets.append(socket)
        async for message in socket:
            if message.type == web.WSMsgType.TEXT:
                self.acks.append(json.loads(message.data))
        return socket

    async def push(self, envelope: dict[str, Any]) -> None:
        """Send an envelope (events_api, slash_commands, interactive) to every connected client."""
        for socket in self.sockets:
            await socket.send_json(envelope)

    def _files_getUploadURLExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = f"F{len(self.filenames) + 1}"
        self.filenames[file_id] = params["filename"]
        return {"ok": True, "file_id": file_id, "upload_url": f"{self.base_url}/upload/{file_id}"}

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploads[request.match_info["file_id"]] = await request.read()
        return web.Response(text=f"OK - {len(self.uploads)}")

    def _files_completeUploadExternal(self, params: dict[str, Any]) -> dict[str, Any]:
        """Shared in a channel's top level, the upload becomes a message there (with its blocks, if any)."""
        files = params["files"] if isinstance(params["files"], list) else json.loads(params["files"])
        shared = [{"id": f["id"], "title": f.get("title"), "name": self.filenames.get(f["id"])} for f in files]
        channel = params.get("channel_id")
        if channel and not params.get("thread_ts"):
            self.history.setdefault(channel, []).append(
                {"type": "message", "subtype": "file_share", "bot_id": "BBOT", "ts": f"{time.time():.6f}",
                 "files": shared, "blocks": json.loads(params.get("blocks") or "[]")})
        return {"ok": True, "files": shared}

    def _chat_delete(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "channel": params["channel"], "ts": params["ts"]}

    def _chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "message_ts": f"{time.time():.6f}"}


def _shown(messages: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    """Messages as Slack lists them: their metadata only when `include_all_metadata` is asked for."""
    if str(params.get("include_all_metadata", "")).lower() in ("1", "true"):
        return messages
    return [{k: v for k, v in m.items() if k != "metadata"} for m in messages]


def sign(secret: str, body: str | bytes, timestamp: int | None = None) -> dict[str, str]:
    """Headers exactly as Slack signs a request: v0=HMAC-SHA256 of `v0:{timestamp}:{body}` (the body's bytes)."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    basestring = f"v0:{timestamp}:".encode() + (body if isinstance(body, bytes) else body.encode())
    signature = "v0=" + hmac.new(secret.encode(), basestring, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": signature}


def event_body(event: dict[str, Any], event_id: str = "Ev0001") -> str:
    return json.dumps(
        {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A0001",
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
    )


def command_body(command: str, text: str, user_id: str = "U1", channel_id: str = "C1") -> str:
    return urlencode(
        {
            "token": "legacy",
            "team_id": TEAM_ID,
            "team_domain": "fake",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": "maria",
            "command": command,
            "text": text,
            "api_app_id": "A0001",
            "response_url": "https://hooks.slack.test/commands/1",
            "trigger_id": "1.2.3",
        }
    )
