"""A loopback Bot Framework OpenID metadata + JWKS endpoint, and RS256 tokens signed the way the channel signs them."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"  # what the Bot Framework channel puts in `iss`
KEY_ID = "test-signing-key"
METADATA_PATH = "/v1/.well-known/openidconfiguration"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class FakeOpenId:
    """Serves the metadata document and its keys; counts the fetches; `hold` delays answers until set."""

    key: rsa.RSAPrivateKey = field(default_factory=new_key)
    fetches: list[str] = field(default_factory=list)
    hold: asyncio.Event | None = None
    base_url: str = ""

    @property
    def metadata_url(self) -> str:
        return self.base_url + METADATA_PATH

    def app(self) -> web.Application:
        async def metadata(request: web.Request) -> web.Response:
            self.fetches.append(request.path)
            if self.hold is not None:
                await self.hold.wait()
            return web.json_response({"issuer": ISSUER, "jwks_uri": self.base_url + "/keys",
                                      "id_token_signing_alg_values_supported": ["RS256"]})

        async def keys(request: web.Request) -> web.Response:
            self.fetches.append(request.path)
            jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
            jwk.update(kid=KEY_ID, use="sig", endorsements=["msteams"])
            return web.json_response({"keys": [jwk]})

        app = web.Application()
        app.router.add_get(METADATA_PATH, metadata)
        app.router.add_get("/keys", keys)
        return app

    def token(self, app_id: str, service_url: str, *, key: rsa.RSAPrivateKey | None = None,
              algorithm: str = "RS256", **claims: Any) -> str:
        """A channel token for `app_id`; `claims` override or (with None) remove the usual ones."""
        now = int(time.time())
        body = {"iss": ISSUER, "aud": app_id, "serviceurl": service_url, "nbf": now - 60, "iat": now - 60,
                "exp": now + 3600}
        body.update(claims)
        body = {name: value for name, value in body.items() if value is not None}
        if algorithm == "none":
            return jwt.encode(body, None, algorithm="none", headers={"kid": KEY_ID})
        return jwt.encode(body, key or self.key, algorithm=algorithm, headers={"kid": KEY_ID})
