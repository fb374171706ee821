"""A loopback Microsoft Graph (mailbox settings, channel messages, events, free/busy, team members) and a static
bearer token for it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from kiota_abstractions.authentication import (
    AccessTokenProvider,
    AllowedHostsValidator,
    BaseBearerTokenAuthenticationProvider,
)

TOKEN = "graph-test-token"


class StaticToken(AccessTokenProvider):
    """Stands in for Entra ID (azure-identity) in tests: always the same token, loopback allowed."""

    async def get_authorization_token(self, uri: str, additional_authentication_context: dict | None = None) -> str:
        return TOKEN

    def get_allowed_hosts_validator(self) -> AllowedHostsValidator:
        return AllowedHostsValidator([])  # empty: every host, the loopback fake included


def static_auth() -> BaseBearerTokenAuthenticationProvider:
    return BaseBearerTokenAuthenticationProvider(StaticToken())


@dataclass
class FakeGraph:
    mailboxes: dict[str, dict[str, Any]] = field(default_factory=dict)  # aad object id → mailboxSettings
    threads: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)  # (group, channel, root)
    page_size: int = 2
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (organizer, event) created
    authorizations: list[str | None] = field(default_factory=list)
    busy: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # mailbox → (start, end, status) UTC
    schedule_requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (asker, body)
    team_members: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # team group id → aad id → roles

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/v1.0/users/{user}/mailboxSettings", self._mailbox_settings)
        app.router.add_get("/v1.0/teams/{team}/channels/{channel}/messages/{root}", self._root)
        app.router.add_post("/v1.0/users/{user}/events", self._create_event)
        app.router.add_post("/v1.0/users/{user}/calendar/getSchedule", self._get_schedule)
        app.router.add_get("/v1.0/teams/{team}/channels/{channel}/messages/{root}/replies", self._replies)
        app.router.add_get("/v1.0/teams/{team}/members", self._members)
        return app

    async def _mailbox_settings(self, request: web.Request) -> web.Response:
        self.authorizations.append(request.headers.get("Authorization"))
        settings = self.mailboxes.get(request.match_info["user"])
        if settings is None:
            return web.json_response({"error": {"code": "ErrorAccessDenied", "message": "no"}}, status=403)
        return web.json_response({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#mailboxSettings",
                                  **settings})

    async def _get_schedule(self, request: web.Request) -> web.Response:
        """Free/busy per mailbox, in the zone the request used (UTC here), as Graph's getSchedule answers."""
        self.authorizations.append(request.headers.get("Authorization"))
        body = await request.json()
        self.schedule_requests.append((request.match_info["user"], body))
        schedules = body.get("schedules") or body.get("Schedules") or []
        return web.json_response({"value": [
            {"scheduleId": mailbox, "availabilityView": "",
             "scheduleItems": [{"status": status, "start": {"dateTime": f"{start}.0000000", "timeZone": "UTC"},
                                "end": {"dateTime": f"{end}.0000000", "timeZone": "UTC"}}
                               for start, end, status in self.busy.get(mailbox, [])]}
            for mailbox in schedules]})

    async def _create_event(self, request: web.Request) -> web.Response:
        self.authorizations.append(request.headers.get("Authorization"))
        event = await request.json()
        self.events.append((request.match_info["user"], event))
        join = f"https://teams.microsoft.com/l/meetup-join/fake-{len(self.events)}"
        return web.json_response({**event, "id": f"evt-{len(self.events)}", "onlineMeeting": {"joinUrl": join}},
                                 status=201)

    async def _members(self, request: web.Request) -> web.Response:
        """A team's members with their roles ("owner" or none), filtered by userId as Graph's $filter does."""
        self.authorizations.append(request.headers.get("Authorization"))
        members = self.team_members.get(request.match_info["team"])
        if members is None:
            return web.json_response({"error": {"code": "Forbidden", "message": "no"}}, status=403)
        wanted = re.search(r"userId eq '([^']*)'", request.query.get("$filter", ""))
        return web.json_response({"value": [
            {"@odata.type": "#microsoft.graph.aadUserConversationMember", "id": f"member-{user}", "roles": roles,
             "userId": user, "displayName": user}
            for user, roles in members.items() if wanted is None or wanted.group(1) == user]})

    def _thread(self, request: web.Request) -> list[dict[str, Any]] | None:
        info = request.match_info
        self.authorizations.append(request.headers.get("Authorization"))
        return self.threads.get((info["team"], info["channel"], info["root"]))

    async def _root(self, request: web.Request) -> web.Response:
        thread = self._thread(request)
        if thread is None:
            return web.json_response({"error": {"code": "NotFound", "message": "no"}}, status=404)
        return web.json_response(thread[0])

    async def _replies(self, request: web.Request) -> web.Response:
        """Replies, newest first as Graph returns them, `page_size` at a time with @odata.nextLink."""
        thread = self._thread(request)
        if thread is None:
            return web.json_response({"error": {"code": "NotFound", "message": "no"}}, status=404)
        replies = list(reversed(thread[1:]))
        skip = int(request.query.get("$skiptoken", "0"))
        body: dict[str, Any] = {"value": replies[skip: skip + self.page_size]}
        if skip + self.page_size < len(replies):
            body["@odata.nextLink"] = str(request.url.with_query({"$skiptoken": str(skip + self.page_size)}))
        return web.json_response(body)


def chat_message(message_id: str, user_id: str, name: str, html_text: str, created: str,
                 deleted: bool = False) -> dict[str, Any]:
    """A Graph chatMessage, as `GET …/messages/{id}` returns it."""
    return {
        "id": message_id, "createdDateTime": created, "lastModifiedDateTime": created,
        "deletedDateTime": created if deleted else None, "messageType": "message",
        "webUrl": f"https://teams.microsoft.com/l/message/19%3Aabc/{message_id}",
        "from": {"user": {"id": user_id, "displayName": name, "userIdentityType": "aadUser"}},
        "body": {"contentType": "html", "content": html_text},
    }
