"""Bot Framework token checks around botbuilder's: a token's shape before any fetch, and signing keys fetched async.

botbuilder validates the JWT itself (issuer, audience = our app id, signature, expiry, serviceUrl),
but fetches the OpenID metadata with a blocking `requests` call without a timeout, inside the
event loop, and lets that failure (and a malformed token, or an unknown key id) escape as a 500.
Here the metadata comes through aiohttp with a timeout (served from botbuilder's own per-URL cache,
so its validation code uses it), a token that cannot be a Bot Framework token is refused before
any fetch, and an unreachable metadata endpoint is an error of its own (the route answers 503).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

import aiohttp
import jwt
from botframework.connector.auth import AuthenticationConstants
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor, _OpenIdConfig
from jwt.algorithms import RSAAlgorithm

log = logging.getLogger(__name__)

KEYS_MAX_AGE = 24 * 3600  # seconds; botbuilder refreshes daily too
UNKNOWN_KEY_REFRESH = 3600  # an unknown key id triggers at most one refresh an hour (key rollover)
RETRY_AFTER_FAILURE = 30  # seconds before an unreachable endpoint is asked again
FETCH_TIMEOUT = aiohttp.ClientTimeout(total=10)


class MetadataUnavailable(RuntimeError):
    """The OpenID metadata or its signing keys could not be fetched: we cannot tell a good token from a bad one."""


def token_shape_problem(authorization: str) -> str | None:
    """Why this Authorization header cannot hold a Bot Framework token, or None when it might.

    No network: this runs before the signing keys are fetched, so junk never costs a fetch.
    """
    scheme, _, token = authorization.partition(" ")
    if scheme != "Bearer" or not token:
        return "expected 'Authorization: Bearer <token>'"
    try:
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as error:
        return f"malformed token: {error}"
    if header.get("alg") not in AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS:
        return f"token algorithm {header.get('alg')!r} is not allowed"
    if not isinstance(header.get("kid"), str):
        return "token names no signing key"
    if not isinstance(claims.get("iss"), str):
        return "token has no issuer"
    return None


class AsyncOpenIdMetadata:
    """Signing keys from an OpenID metadata document, fetched without blocking (botbuilder's `_OpenIdMetadata` API)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.keys: list[dict[str, Any]] = []
        self.fetched_at = float("-inf")
        self.failed_at = float("-inf")
        self._lock = asyncio.Lock()

    async def get(self, key_id: str) -> _OpenIdConfig:
        if time.monotonic() - self.fetched_at > KEYS_MAX_AGE:
            await self._refresh(keep_stale=bool(self.keys))
        key = self._find(key_id)
        if key is None and time.monotonic() - self.fetched_at > UNKNOWN_KEY_REFRESH:
            await self._refresh(keep_stale=True)
            key = self._find(key_id)
        if key is None:
            raise PermissionError("token signed with an unknown key")
        return key

    async def _refresh(self, keep_stale: bool) -> None:
        async with self._lock:
            if time.monotonic() - self.failed_at < RETRY_AFTER_FAILURE:
                if keep_stale:
                    return
                raise MetadataUnavailable(f"{self.url} was unreachable moments ago")
            try:
                async with aiohttp.ClientSession(timeout=FETCH_TIMEOUT) as http:
                    async with http.get(self.url) as response:
                        response.raise_for_status()
                        keys_url = (await response.json(content_type=None))["jwks_uri"]
                    async with http.get(keys_url) as response:
                        response.raise_for_status()
                        keys = (await response.json(content_type=None))["keys"]
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError, KeyError, TypeError) as error:
                self.failed_at = time.monotonic()
                log.error("teams openid metadata unreachable", extra={"url": self.url, "error": type(error).__name__})
                if keep_stale:
                    return  # yesterday's keys still tell Microsoft's tokens from others
                raise MetadataUnavailable(f"{self.url}: {type(error).__name__}") from error
            self.keys = [key for key in keys if isinstance(key, dict)]
            self.fetched_at = time.monotonic()

    def _find(self, key_id: str) -> _OpenIdConfig | None:
        for key in self.keys:
            if key.get("kid") == key_id:
                try:
                    public_key = RSAAlgorithm.from_jwk(json.dumps(key))
                except (jwt.PyJWTError, ValueError, KeyError):
                    return None
                return _OpenIdConfig(public_key, key.get("endorsements", []))
        return None


def use_async_metadata(channel_metadata_url: str) -> None:
    """Put our fetcher in botbuilder's metadata cache for the two URLs its validation reads.

    `channel_metadata_url` is where the Bot Framework channel's document is fetched from (a
    loopback fake in the tests); the cache key stays the one botbuilder looks up.
    """
    JwtTokenExtractor.metadataCache[AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL] = (
        AsyncOpenIdMetadata(channel_metadata_url))
    emulator = AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
    JwtTokenExtractor.metadataCache[emulator] = AsyncOpenIdMetadata(emulator)
