"""The Slack manifest declares exactly what the code uses: commands, events and Web API scopes."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.commands import SLASH_COMMANDS, slack_slash_commands, teams_command_list

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
    "views_open": set(),  # needs no scope, only a fresh trigger_id
    "views_publish": set(),  # App Home: needs the home tab enabled, no scope
    "chat_delete": {"chat:write"},
    "chat_update": {"chat:write"},  # a partial summary completed in place  # with the author's user token (user scope)
    "files_getUploadURLExternal": {"files:write"},
    "files_completeUploadExternal": {"files:write"},
    "auth_test": set(),  # the workspace URL, for message permalinks
}
EVENT_SCOPES = {"app_mention": "app_mentions:read", "message.channels": "channels:history",
                "message.groups": "groups:history", "reaction_added": "reactions:read",
                "reaction_removed": "reactions:read"}


def manifest() -> dict:
    return yaml.safe_load(SLACK_MANIFEST.read_text())


def methods_called() -> set[str]:
    source = "\n".join(p.read_text() for p in (ROOT / "adapters" / "slack").glob("*.py"))
    named = set(re.findall(r"client\.([a-z]+_[A-Za-z]+)\(", source)) - {"api_call"}
    named |= set(re.findall(r"_paged\(\s*self\.client\.([a-z]+_[A-Za-z]+)", source))  # called page by page
    by_api_call = {method.replace(".", "_") for method in re.findall(r'api_call\(\s*"([\w.]+)"', source)}
    return named | by_api_call


def test_required_sections_are_present():
    data = manifest()
    assert data["display_information"]["name"]
    assert len(data["display_information"]["description"]) <= 140
    assert data["features"]["bot_user"]["display_name"]
    assert data["settings"]["interactivity"]["is_enabled"] is True
    for url in (data["settings"]["event_subscriptions"]["request_url"], data["settings"]["interactivity"]["request_url"]):
        assert url.endswith("/slack/events")


def test_slash_commands_are_the_command_tables():
    declared = manifest()["features"]["slash_commands"]
    assert [c["command"].lstrip("/") for c in declared] == list(SLASH_COMMANDS) == ["later", "digest"]
    assert [{k: c[k] for k in ("command", "description", "usage_hint")} for c in declared] == slack_slash_commands()
    for command in declared:
        assert command["url"].endswith("/slack/events")


def test_every_web_api_method_the_code_calls_has_its_scope():
    scopes = set(manifest()["oauth_config"]["scopes"]["bot"])
    called = methods_called()
    assert {"chat_postMessage", "conversations_replies", "users_info"} <= called  # the scan works
    unknown = called - set(METHOD_SCOPES)
    assert not unknown, f"add the scopes of {unknown} to METHOD_SCOPES and the manifest"
    for method in called:
        needed = METHOD_SCOPES[method]
        assert not needed or needed & scopes, f"{method} needs one of {needed}"


def test_subscribed_events_have_their_scopes_and_include_what_we_listen_to():
    data = manifest()
    events = set(data["settings"]["event_subscriptions"]["bot_events"])
    scopes = set(data["oauth_config"]["scopes"]["bot"])
    assert {"app_mention", "message.channels"} <= events
    for event in events & set(EVENT_SCOPES):
        assert EVENT_SCOPES[event] in scopes
    assert "commands" in scopes


# ---- Teams ----------------------------------------------------------------------------

import json  # noqa: E402
import struct  # noqa: E402
import zipfile  # noqa: E402

import jsonschema  # noqa: E402
import pytest  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from bot.cli import app as cli  # noqa: E402

TEAMS_SCHEMA = ROOT / "tests" / "data" / "teams-schema" / "MicrosoftTeams.v1.30.schema.json"
APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"


def png_size_and_alpha(data: bytes) -> tuple[int, int, bool]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, _depth, color_type = struct.unpack(">IIBB", data[16:26])
    return width, height, color_type in (4, 6)


@pytest.fixture
def package(tmp_path):
    out = tmp_path / "teams.zip"
    result = CliRunner().invoke(cli, ["package-teams", "--out", str(out), "--app-id", APP_ID,
                                      "--domain", "etiquette.example.com"])
    assert result.exit_code == 0, result.output
    return zipfile.ZipFile(out)


def test_packaged_manifest_validates_against_the_official_schema_of_its_version(package):
    manifest = json.loads(package.read("manifest.json"))
    schema = json.loads(TEAMS_SCHEMA.read_text())
    assert manifest["manifestVersion"] == "1.30" and "v1.30" in manifest["$schema"]
    jsonschema.Draft4Validator(schema).validate(manifest)
    assert manifest["id"] == APP_ID and manifest["bots"][0]["botId"] == APP_ID
    assert manifest["validDomains"] == ["etiquette.example.com"]


def test_manifest_declares_what_the_product_needs(package):
    manifest = json.loads(package.read("manifest.json"))
    assert set(manifest["bots"][0]["scopes"]) == {"personal", "team", "groupChat"}
    commands = manifest["bots"][0]["commandLists"][0]["commands"]
    assert commands == teams_command_list()  # the command table, word for word
    assert {"help", "later", "later list", "later cancel", "settings", "digest now", "summarize"} <= {
        c["title"] for c in commands}
    assert len(commands) <= 10 and all(len(c["title"]) <= 32 and len(c["description"]) <= 128 for c in commands)
    action = manifest["composeExtensions"][0]["commands"][0]
    assert action["type"] == "action" and action["context"] == ["message"]
    rsc = manifest["authorization"]["permissions"]["resourceSpecific"]
    assert {"name": "ChannelMessage.Read.Group", "type": "Application"} in rsc
    assert {"name": "TeamMember.Read.Group", "type": "Application"} in rsc  # who owns the team (channel settings)


def test_icons_have_the_sizes_teams_requires(package):
    assert png_size_and_alpha(package.read("color.png"))[:2] == (192, 192)
    width, height, alpha = png_size_and_alpha(package.read("outline.png"))
    assert (width, height, alpha) == (32, 32, True)


@pytest.mark.parametrize("app_id,domain", [("not-a-guid", "etiquette.example.com"), (APP_ID, ""),
                                           (APP_ID, "https://etiquette.example.com")])
def test_packaging_refuses_bad_values_with_a_clear_error(tmp_path, app_id, domain):
    result = CliRunner().invoke(cli, ["package-teams", "--out", str(tmp_path / "x.zip"), "--app-id", app_id,
                                      "--domain", domain])
    assert result.exit_code == 2
    assert not (tmp_path / "x.zip").exists()
    named = "--app-id or MICROSOFT_APP_ID" if app_id != APP_ID else "--domain or BOT_DOMAIN"
    assert named in result.output  # whichever way it was given, the message names the flag and the variable
