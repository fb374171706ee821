"""Slack's message reader gives one answer whichever way it gets there.

`read_message` answers a person's plain message in one pass and leaves every other shape to `_read_any`;
`slim` cuts a read message down for a digest's worker processes. Both are shortcuts a change to the reader
could silently get wrong, so each is checked against the long way on every shape of the corpus
(tests/data/slack_shapes) and on generated messages.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.slack.messages import MAX_TEXT, SLACK_MESSAGES, SUBTYPES, Skipped, _read_any, read_message, slim

SHAPES = Path(__file__).parent / "data" / "slack_shapes"
FUZZ = settings(max_examples=600, derandomize=True, deadline=None, database=None)


def every_shape() -> list:
    return [m for day in sorted(SHAPES.rglob("*.json")) if day.parent != SHAPES
            for m in _messages(day)]


def _messages(day: Path) -> list:
    try:
        data = json.loads(day.read_text("utf-8"))
    except ValueError:
        return []  # the broken channel's files that are not JSON
    return data if isinstance(data, list) else [data]


def assert_same_answer(raw) -> None:
    fast, slow = read_message(raw), _read_any(raw)
    assert fast == slow, raw
    assert (fast is raw) == (slow is raw), raw  # a plain message is returned as it is, not copied


def assert_slim_answers_alike(raw) -> None:
    message = read_message(raw)
    if isinstance(message, Skipped):
        return
    small, = slim([message])
    for key in ("ts", "user", "text", "thread_ts", "reactions", "reply_count", "latest_reply", "permalink"):
        assert small.get(key) == message.get(key), (key, message)
    for method in (SLACK_MESSAGES.is_bot_post, SLACK_MESSAGES.name_in_message, SLACK_MESSAGES.notifies_channel):
        assert method(small) == method(message), (method.__name__, message)
    assert read_message(small) == small  # still a message as the reader returns it


def test_the_corpus_is_big_enough_to_mean_something():
    shapes = every_shape()
    assert len(shapes) > 50
    assert sum(read_message(m) is m for m in shapes) > 10  # the plain-message path is taken
    assert sum(isinstance(read_message(m), Skipped) for m in shapes) > 10


def test_both_paths_agree_on_every_shape_of_the_corpus():
    for raw in every_shape():
        assert_same_answer(raw)


def test_slim_messages_answer_as_the_full_ones_on_every_shape_of_the_corpus():
    for raw in every_shape():
        assert_slim_answers_alike(raw)


def test_slim_leaves_out_what_nobody_reads():
    raw = {"ts": "1.5", "user": "U1", "text": "hi", "blocks": [{"type": "rich_text"}], "client_msg_id": "x",
           "user_profile": {"display_name": "Ana", "image_72": "https://…", "team": "T1"}}
    plain = {"type": "message", "ts": "1.6", "user": "U2", "text": "ok", "client_msg_id": "y", "reply_users_count": 2}
    assert slim([read_message(raw), plain]) == [
        {"ts": "1.5", "user": "U1", "text": "hi", "user_profile": {"display_name": "Ana"}}, plain]
    assert slim([plain])[0] is plain  # only small fields: cheaper to send than to copy without them


# Generated messages: each field takes the values that decide a path (numbers as text, Slackbot, a join
# notice, blank or over-long text, documented and unknown subtypes) and values of the wrong type.
_ANY = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False), st.text(max_size=3),
                 st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=2), st.integers(), max_size=2))
_NUMERIC = st.one_of(st.sampled_from(["1700000000.000100", "1.5", "0", "-2", "1e3", " 7 ", "inf", "1_0", "x1", ""]),
                     st.floats(allow_nan=False).map(str))
_TEXT = st.one_of(st.text(max_size=30), st.sampled_from(
    ["", " ", "\n\t", "hello", "<@U1> has joined the channel", "<@U2|ana> has left the channel",
     "<@U1> has joined the channel and more", "<@U1> hi", "<!here> ship it", "a" * MAX_TEXT, "a" * (MAX_TEXT + 1)]))
_PROFILE = st.one_of(_ANY, st.fixed_dictionaries({}, optional={
    "display_name": st.text(max_size=4), "real_name": st.text(max_size=4), "name": st.text(max_size=4),
    "image_72": st.text(max_size=4)}))
_FIELDS = {
    "ts": st.one_of(_NUMERIC, _ANY),
    "user": st.one_of(st.sampled_from(["U1", "U2", "W3", "USLACKBOT", "", "B9"]), _ANY),
    "text": st.one_of(_TEXT, _ANY),
    "thread_ts": st.one_of(_NUMERIC, _ANY),
    "subtype": st.one_of(st.sampled_from([*SUBTYPES, "message_changed", "not_documented"]), _ANY),
    "hidden": _ANY,
    "bot_id": st.one_of(st.sampled_from(["B1", ""]), _ANY),
    "bot_profile": _PROFILE,
    "user_profile": _PROFILE,
    "username": st.one_of(st.sampled_from(["deploybot", ""]), _ANY),
    "app_id": _ANY,
    "blocks": st.one_of(_ANY, st.just([{"type": "section", "text": {"type": "mrkdwn", "text": "from blocks"}}])),
    "attachments": st.one_of(_ANY, st.just([{"text": "attached", "fallback": "fb"}])),
    "files": st.one_of(_ANY, st.just([{"title": "plan.pdf"}])),
    "reactions": st.one_of(_ANY, st.just([{"name": "+1", "users": ["U2"], "count": 1}])),
    "reply_count": _ANY,
    "permalink": _ANY,
}
messages = st.fixed_dictionaries({}, optional=_FIELDS)
edits = st.fixed_dictionaries({"subtype": st.just("message_changed"), "message": st.one_of(messages, _ANY)},
                              optional={"ts": _NUMERIC})
# Near the plain-message path: each field that decides it is mostly a value that lets it through.
_ALMOST = {"thread_ts": st.one_of(st.none(), _NUMERIC, _ANY), "subtype": st.one_of(st.none(), _FIELDS["subtype"]),
           "hidden": st.one_of(st.just(False), _ANY), "bot_id": st.one_of(st.none(), st.just(""), _ANY),
           "bot_profile": st.one_of(st.none(), _PROFILE), "user_profile": _PROFILE,
           "reactions": _FIELDS["reactions"], "permalink": _ANY}
plain = st.fixed_dictionaries({"ts": _NUMERIC, "user": st.sampled_from(["U1", "U2", "USLACKBOT"]), "text": _TEXT},
                              optional=_ALMOST)


@FUZZ
@given(raw=st.one_of(plain, plain, messages, edits, _ANY))
def test_both_paths_agree_on_generated_messages(raw):
    assert_same_answer(raw)
    assert_slim_answers_alike(raw)
