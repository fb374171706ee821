"""A loopback Microsoft Graph: `GET /users/{id}/mailboxSettings`, and a static bearer token for it."""

from __future__ import annotations

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
    authorizations: list[str | None] = field(default_factory=list)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/v1.0/users/{user}/mailboxSettings", self._mailbox_settings)
        return app

    async def _mailbox_settings(self, request: web.Request) -> web.Response:
        self.authorizations.append(request.headers.get("Authorization"))
        settings = self.mailboxes.get(request.match_info["user"])
        if settings is None:
            return web.json_response({"error": {"code": "ErrorAccessDenied", "message": "no"}}, status=403)
        return web.json_response({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#mailboxSettings",
                                  **settings})
