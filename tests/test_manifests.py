"""The Slack manifest declares exactly what the code uses: commands, events and Web API scopes."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.commands import COMMANDS, SLASH_COMMANDS

ROOT = Path(__file__).resolve().parent.parent
SLACK_MANIFEST = ROOT / "manifests" / "slack" / "manifest.yml"

# Scopes each Web API method needs (https://api.slack.com/methods), for the methods our code calls.
METHOD_SCOPES = {
    "chat_postMessage": {"chat:write"},
    "chat_postEphemeral": {"chat:write"},
    "conversations_replies": {"channels:history", "groups:history", "im:history", "mpim:history"},
    "conversations_history": {"channels:history", "groups:history", "im:history", "mpim:history"},
    "conversations_members": {"channels:read", "groups:read"},
    "conversations_open": {"im:write"},
    "users_info": {"users:read"},
}
EVENT_SCOPES = {"app_mention": "app_mentions:read", "message.channels": "channels:history",
                "message.groups": "groups:history"}


def manifest() -> dict:
    return yaml.safe_load(SLACK_MANIFEST.read_text())


def methods_called() -> set[str]:
    source = "\n".join(p.read_text() for p in (ROOT / "adapters" / "slack").glob("*.py"))
    return set(re.findall(r"client\.([a-z]+_[A-Za-z]+)\(", source))


def test_required_sections_are_present():
    data = manifest()
    assert data["display_information"]["name"]
    assert len(data["display_information"]["description"]) <= 140
    assert data["features"]["bot_user"]["display_name"]
    assert data["settings"]["interactivity"]["is_enabled"] is True
    for url in (data["settings"]["event_subscriptions"]["request_url"], data["settings"]["interactivity"]["request_url"]):
        assert url.endswith("/slack/events")


def test_slash_commands_match_the_code_both_ways():
    declared = {c["command"].lstrip("/") for c in manifest()["features"]["slash_commands"]}
    assert declared == set(SLASH_COMMANDS)
    assert set(SLASH_COMMANDS) <= set(COMMANDS)
    for command in manifest()["features"]["slash_commands"]:
        assert command["url"].endswith("/slack/events") and command["description"]


def test_every_web_api_method_the_code_calls_has_its_scope():
    scopes = set(manifest()["oauth_config"]["scopes"]["bot"])
    called = methods_called()
    assert {"chat_postMessage", "conversations_replies", "users_info"} <= called  # the scan works
    unknown = called - set(METHOD_SCOPES)
    assert not unknown, f"add the scopes of {unknown} to METHOD_SCOPES and the manifest"
    for method in called:
        assert METHOD_SCOPES[method] & scopes, f"{method} needs one of {METHOD_SCOPES[method]}"


def test_subscribed_events_have_their_scopes_and_include_what_we_listen_to():
    data = manifest()
    events = set(data["settings"]["event_subscriptions"]["bot_events"])
    scopes = set(data["oauth_config"]["scopes"]["bot"])
    assert {"app_mention", "message.channels"} <= events
    for event in events & set(EVENT_SCOPES):
        assert EVENT_SCOPES[event] in scopes
    assert "commands" in scopes
