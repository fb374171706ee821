"""Reading webhook bodies safely: a size cap (413), UTF-8 text (400) and JSON objects of bounded depth (400).

Both platforms' routes read the raw bytes through here before anything parses them, so no body,
however broken, reaches a parser that could raise into a 500.
"""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

MAX_BODY_BYTES = 1024 * 1024  # Slack's and Teams' payloads are a few KB; a view submission stays far below
MAX_JSON_DEPTH = 32  # Block Kit and activities nest a dozen levels at most


class BadBody(ValueError):
    """A body we refuse; `status` is the HTTP answer (400 or 413) and the message its reason."""

    def __init__(self, reason: str, status: int = 400) -> None:
        super().__init__(reason)
        self.status = status


def refusal(error: BadBody) -> web.Response:
    return web.json_response({"error": str(error)}, status=error.status)


async def read_body(request: web.Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The raw body, refused with 413 past `limit` (checked on the declared length first, then while reading)."""
    if request.content_length is not None and request.content_length > limit:
        raise BadBody(f"body larger than {limit} bytes", status=413)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > limit:
            raise BadBody(f"body larger than {limit} bytes", status=413)
        chunks.append(chunk)
    return b"".join(chunks)


def utf8_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadBody(f"body is not UTF-8 text: {error.reason} at byte {error.start}") from None


def json_object(text: str, what: str = "body") -> dict[str, Any]:
    """`text` as a JSON object no deeper than MAX_JSON_DEPTH."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise BadBody(f"{what} is nested too deeply") from None
    except ValueError as error:
        raise BadBody(f"{what} is not JSON: {error}") from None
    if not isinstance(value, dict):
        raise BadBody(f"{what} must be a JSON object, not {type(value).__name__}")
    if _depth_exceeds(value, MAX_JSON_DEPTH):
        raise BadBody(f"{what} is nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Iterative (a recursive walk is what deep nesting is meant to break)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))
    return False


def media_type(request: web.Request) -> str:
    return (request.content_type or "").lower()
