"""Hostile request bodies for both webhook routes (Hypothesis strategies), shared by the fuzz test and bench/fuzz_http.py.

Each case is (body bytes, content type, signed?). Bodies are random bytes, random JSON values, and
valid Slack payloads or Teams activities with one field replaced or a few bytes damaged, so the
cases reach every layer: the size cap, the signature, UTF-8, JSON, the payload's shape, Bolt and
the translation.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from hypothesis import strategies as st

CONTENT_TYPES = ("application/json", "application/x-www-form-urlencoded", "text/plain", "",
                 "application/json; charset=latin-1", "multipart/form-data; boundary=x", "application/xml")

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path inside a JSON object (so a mutation can land at any depth)."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_paths(child, prefix + (key,)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_paths(child, prefix + (index,)))
    return found


def _replaced(value: Any, path: tuple, new: Any) -> Any:
    copy = json.loads(json.dumps(value))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return copy


@st.composite
def field_replaced(draw, valid: dict, keep: tuple[str, ...] = ()) -> dict:
    """`valid` with one field, at any depth, replaced by a random JSON value (fields in `keep` stay)."""
    paths = [p for p in _paths(valid) if p[0] not in keep]
    return _replaced(valid, draw(st.sampled_from(paths)), draw(json_values))


@st.composite
def bytes_damaged(draw, valid: bytes) -> bytes:
    """`valid` with a few bytes overwritten, inserted or cut off."""
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        kind = draw(st.sampled_from(["flip", "insert", "truncate"]))
        if kind == "flip" and data:
            data[position] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[position:]
    return bytes(data)


def _as_form(payload: Any) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


def slack_cases(event: dict, interaction: dict, command: str) -> st.SearchStrategy:
    """Slack-shaped cases around one valid event body, one interaction payload and one command form."""
    event_bytes = json.dumps(event).encode()
    body = st.one_of(
        st.binary(max_size=300),
        json_values.map(lambda v: json.dumps(v).encode()),
        field_replaced(event).map(lambda v: json.dumps(v).encode()),
        bytes_damaged(event_bytes),
        field_replaced(interaction).map(_as_form),
        json_values.map(_as_form),
        bytes_damaged(command.encode()),
        st.just(b"[" * 50_000 + b"]" * 50_000),
    )
    return st.tuples(body, st.sampled_from(CONTENT_TYPES), st.booleans())


def teams_cases(activity: dict) -> st.SearchStrategy:
    """Teams-shaped cases around one valid activity (its serviceUrl kept, so answers stay on loopback)."""
    body = st.one_of(
        st.binary(max_size=300),
        json_values.map(lambda v: json.dumps(v).encode()),
        field_replaced(activity, keep=("serviceUrl",)).map(lambda v: json.dumps(v).encode()),
        bytes_damaged(json.dumps(activity).encode()),
        st.just(b"{" * 1 + b'"a":' * 1 + b"[" * 50_000 + b"]" * 50_000 + b"}"),
    )
    return st.tuples(body, st.sampled_from(CONTENT_TYPES), st.just(False))


OAUTH_KEYS = ("code", "state", "error", "team", "redirect_uri")


@st.composite
def oauth_redirect_cases(draw, good_state: str) -> tuple[dict[str, str], dict[str, str]]:
    """Query and cookies of a hostile visit to /slack/install or /slack/oauth_redirect: any of the keys Slack
    sends, with random text (or the state a real install was given), and the state cookie missing, wrong or
    right; half of them a state that matches its cookie, so the code exchange with Slack is reached."""
    value = st.text(max_size=40) | st.just(good_state)
    query = draw(st.dictionaries(st.sampled_from(OAUTH_KEYS), value, max_size=4))
    if draw(st.booleans()):
        return {**query, "state": good_state}, {"slack-app-oauth-state": good_state}
    cookie = draw(st.none() | value)
    return query, ({} if cookie is None else {"slack-app-oauth-state": cookie})
