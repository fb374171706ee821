"""What /slack/events accepts before Bolt sees a body: signed by Slack on the raw bytes, then a well-formed payload.

Order matters: the signature is checked on the bytes as received (unsigned or stale → 401, whatever
the body holds), and only a signed body is decoded and parsed (malformed → 400 with a reason).
Bolt checks the signature again and parses again; this only makes sure it never meets a body it
would choke on.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from bot.http_body import BadBody, json_object, utf8_text

MAX_SIGNATURE_AGE = 5 * 60  # seconds, as Slack recommends against replays

# Parts of a payload Bolt or our translation read as objects or lists; anything else there is malformed.
_OBJECTS = ("event", "team", "user", "channel", "view", "container", "message", "enterprise", "authorizations")


def signed_by_slack(raw: bytes, headers: Mapping[str, str], secret: str, now: float | None = None) -> bool:
    """Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{body}`, over the body's bytes as received."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not timestamp.isdigit() or not signature:
        return False
    if abs((time.time() if now is None else now) - int(timestamp)) > MAX_SIGNATURE_AGE:
        return False
    expected = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest("v0=" + expected, signature)


def checked_payload(raw: bytes, media_type: str) -> tuple[str, dict[str, Any] | None]:
    """The body as text, once it is known to be a payload Bolt can route, and parsed when it is JSON
    (an Events API body, which the route takes into the inbox itself); else BadBody (400)."""
    text = utf8_text(raw)
    if media_type == "application/json":
        payload = json_object(text)
        _check_shape(payload)
        return text, payload
    if media_type == "application/x-www-form-urlencoded":
        if text.startswith("{"):
            raise BadBody("form body holds JSON; send it as application/json")
        form = dict(parse_qsl(text, keep_blank_values=True))
        if "payload" in form:
            _check_shape(json_object(form["payload"], "payload"))
        elif "command" not in form and "ssl_check" not in form:
            raise BadBody("form body is neither a slash command nor an interaction payload")
    else:
        raise BadBody("content type must be application/json or application/x-www-form-urlencoded")
    return text, None


def _check_shape(payload: dict[str, Any]) -> None:
    if not isinstance(payload.get("type"), str):
        raise BadBody("payload field 'type' must be a string")
    for name in _OBJECTS:
        value = payload.get(name)
        if value is None or (name == "team" and isinstance(value, str)):
            continue
        if name == "authorizations":
            if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
                raise BadBody("payload field 'authorizations' must be a list of objects")
        elif not isinstance(value, dict):
            raise BadBody(f"payload field '{name}' must be an object")
    if payload["type"] == "event_callback":
        event = payload.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            raise BadBody("event_callback needs an 'event' object with a 'type'")
    actions = payload.get("actions")
    if actions is not None and not (isinstance(actions, list) and all(isinstance(a, dict) for a in actions)):
        raise BadBody("payload field 'actions' must be a list of objects")
