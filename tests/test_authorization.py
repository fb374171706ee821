"""Nobody in who does not belong: signed Slack requests naming another workspace's or person's things are refused."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode

from adapters.app import create_app
from adapters.teams.graph import GraphDirectory
from bot.app import STORE
from bot.digests import DigestSchedules
from bot.model import Conversation
from bot.outbox import Outbox
from tests.conftest import SIGNING_SECRET
from tests.fakes.bot_connector import CHANNEL_ID as TEAMS_CHANNEL
from tests.fakes.bot_connector import KEN, MARIA, bot_installed_in_team, channel_message, post_activity
from tests.fakes.bot_connector import TENANT_ID as TEAMS_TENANT
from tests.fakes.graph_api import FakeGraph, static_auth
from tests.fakes.server import eventually, serving
from tests.fakes.slack_api import BOT_USER_ID, TEAM_ID, command_body, event_body
from tests.test_later_slack_e2e import button_value, last_ephemeral
from tests.test_slack_e2e import post_signed
from tests.test_teams_e2e import ROOT_ID

FORM = "application/x-www-form-urlencoded"
OTHER_TEAM = "T0OTHER"


def command_from(team_id: str, command: str, text: str, user_id: str, channel_id: str = "C1") -> str:
    form = dict(parse_qsl(command_body(command, text, user_id=user_id, channel_id=channel_id)))
    return urlencode({**form, "team_id": team_id})


async def click_from(url: str, team_id: str, user: str, action_id: str, value: str) -> None:
    payload = {"type": "block_actions", "team": {"id": team_id}, "user": {"id": user}, "trigger_id": "9.9",
               "channel": {"id": "C1"}, "container": {"type": "message", "channel_id": "C1", "is_ephemeral": True},
               "actions": [{"action_id": action_id, "value": value, "type": "button", "block_id": "b"}]}
    status, _ = await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type=FORM)
    assert status == 200


def bot(slack_api, make_settings):
    fake, api_url = slack_api
    fake.add_user("U1", "Maria")
    fake.add_user("U2", "Ken", tz="Asia/Tokyo")
    fake.add_user("U3", "Mallory")
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, outbox_poll_seconds=0.1)
    return fake, create_app(settings)


async def test_a_scheduled_message_is_only_cancelled_or_sent_by_its_author_in_its_workspace(slack_api, make_settings):
    fake, app = bot(slack_api, make_settings)
    async with serving(app) as url:
        await post_signed(url, command_body("/later", "<@U2|ken> tomorrow 9am Can you review the deck?"),
                          content_type=FORM)
        item_id = button_value(await eventually(last_ephemeral(fake, 1)), "later_cancel")
        outbox = Outbox(app[STORE])

        await click_from(url, OTHER_TEAM, "U1", "later_cancel", item_id)  # the same user id, another workspace
        await click_from(url, OTHER_TEAM, "U1", "later_send_now", item_id)
        await click_from(url, TEAM_ID, "U3", "later_cancel", item_id)  # someone else in the workspace
        await click_from(url, TEAM_ID, "U3", "later_send_now", item_id)
        await click_from(url, TEAM_ID, "U3", "later_change", json.dumps({"id": item_id, "to": "<@U2>"}))
        await post_signed(url, command_from(TEAM_ID, "/later", f"cancel {item_id}", "U3"), content_type=FORM)
        await post_signed(url, command_from(OTHER_TEAM, "/later", f"cancel {item_id}", "U1"), content_type=FORM)
        refusals = await eventually(last_ephemeral(fake, 8))
        assert "found no message" in refusals["text"]
        answers = [c["text"] for c in fake.calls_to("chat.postEphemeral")[1:]] + [
            c.get("text", "") for c in fake.calls_to("views.open")]
        assert all("Cancelled" not in a and "Sent to" not in a for a in answers)
        assert fake.calls_to("views.open") == []  # no form to change someone else's message
        item = await outbox.get("slack", TEAM_ID, item_id)
        assert item is not None and item.status == "pending"
        assert await outbox.get("slack", OTHER_TEAM, item_id) is None

        await click_from(url, TEAM_ID, "U1", "later_cancel", item_id)  # its author still can
        await eventually(lambda: "Cancelled" in (last_ephemeral(fake, 9)() or {}).get("text", ""))
    assert fake.calls_to("chat.postMessage") == []


async def test_only_admins_switch_a_channels_digest_and_settings_stay_in_their_workspace(slack_api, make_settings):
    fake, app = bot(slack_api, make_settings)
    fake.users["U1"]["is_admin"] = True
    schedules = DigestSchedules(app[STORE])
    ours = Conversation("slack", TEAM_ID, "C1")
    async with serving(app) as url:
        await post_signed(url, command_from(TEAM_ID, "/digest", "on monday 09:00", "U3"), content_type=FORM)
        assert "Only workspace admins" in (await eventually(last_ephemeral(fake, 1)))["text"]
        assert await schedules.of(ours) is None

        await post_signed(url, command_from(TEAM_ID, "/digest", "on monday 09:00", "U1"), content_type=FORM)
        assert "Weekly digest on" in (await eventually(last_ephemeral(fake, 2)))["text"]
        await post_signed(url, command_from(TEAM_ID, "/digest", "off", "U3"), content_type=FORM)
        assert "Only workspace admins" in (await eventually(last_ephemeral(fake, 3)))["text"]
        await click_from(url, TEAM_ID, "U3", "settings_digest_off", "C1")  # a crafted App Home click
        await click_from(url, TEAM_ID, "U3", "settings_quiet", "C1")
        said = {"type": "app_mention", "user": "U3", "text": f"<@{BOT_USER_ID}> settings quiet on", "channel": "C1",
                "ts": "1700000700.000100", "event_ts": "1700000700.000100"}
        await post_signed(url, event_body(said, event_id="EvQuiet"))
        assert "Only workspace admins" in (await eventually(last_ephemeral(fake, 4)))["text"]
        # An admin elsewhere (same user id in another workspace) naming our channel changes only their own.
        await click_from(url, OTHER_TEAM, "U1", "settings_digest_off", "C1")
        await click_from(url, OTHER_TEAM, "U1", "settings_quiet", "C1")
        await eventually(lambda: len(fake.calls_to("views.publish")) >= 4)
        assert await schedules.of(ours) is not None
        assert await app[STORE].get_setting("slack", TEAM_ID, "channel:C1", "quiet") is None


# ---- Teams: who changes a team channel's settings ------------------------------------------------------


async def teams_say(bot_url: str, service_url: str, text: str, sender, group: str | None = None) -> None:
    """`sender` @-mentions the bot in the team's channel with `text` (the team's Entra group id if given)."""
    activity = channel_message(service_url, text, ROOT_ID, sender=sender, mention_bot=True)
    if group:
        activity["channelData"]["team"]["aadGroupId"] = group
    await post_activity(bot_url, activity)


def teams_answer(fake, person) -> str:
    return fake.sent_to(f"a:1personal-with-{person.id}")[-1].text


async def quiet(app) -> bool | None:
    return (await app[STORE].settings_of("teams", TEAMS_TENANT, f"channel:{TEAMS_CHANNEL}")).get("quiet")


async def test_without_graph_only_who_added_the_bot_changes_a_teams_channel(bot_connector, make_settings):
    fake, service_url = bot_connector
    app = create_app(make_settings())
    async with serving(app) as url:
        await post_activity(url, bot_installed_in_team(service_url))  # Maria adds the bot to the team
        await teams_say(url, service_url, "settings quiet on", KEN)
        assert "Only the team's owners, whoever added me to the team and the bot's admins can change" in teams_answer(fake, KEN) and await quiet(app) is None
        await teams_say(url, service_url, "digest on", KEN)
        assert "Only the team's owners, whoever added me to the team and the bot's admins can switch" in teams_answer(fake, KEN)
        assert await DigestSchedules(app[STORE]).of(Conversation("teams", TEAMS_TENANT, TEAMS_CHANNEL)) is None
        await teams_say(url, service_url, "settings quiet on", MARIA)
        assert "Quiet mode is on" in teams_answer(fake, MARIA) and await quiet(app) is True


async def test_people_in_teams_admins_change_any_teams_channel(bot_connector, make_settings):
    fake, service_url = bot_connector
    app = create_app(make_settings(teams_admins=f"someone-else, {KEN.aad_object_id.upper()}"))
    async with serving(app) as url:
        await teams_say(url, service_url, "settings quiet on", MARIA)  # nobody added the bot: not even Maria
        assert "Only the team's owners, whoever added me to the team and the bot's admins" in teams_answer(fake, MARIA) and await quiet(app) is None
        await teams_say(url, service_url, "settings quiet on", KEN)
        assert "Quiet mode is on" in teams_answer(fake, KEN) and await quiet(app) is True


async def test_with_graph_the_teams_owners_change_its_channels(bot_connector, make_settings):
    fake, service_url = bot_connector
    group = "0b5a9bd1-0000-4000-8000-00000000team"
    graph = FakeGraph(team_members={group: {KEN.aad_object_id: ["owner"], MARIA.aad_object_id: []}})
    async with serving(graph.app()) as graph_url:
        app = create_app(make_settings(), graph=GraphDirectory(static_auth(), graph_url + "/v1.0"))
        async with serving(app) as url:
            await teams_say(url, service_url, "settings quiet on", MARIA, group)  # a member, not an owner
            assert "Only the team's owners, whoever added me to the team and the bot's admins" in teams_answer(fake, MARIA) and await quiet(app) is None
            await teams_say(url, service_url, "settings quiet on", KEN, group)
            assert "Quiet mode is on" in teams_answer(fake, KEN) and await quiet(app) is True
            graph.team_members.clear()  # Graph refuses (no TeamMember.Read permission): nobody is an owner
            await teams_say(url, service_url, "settings quiet off", KEN, group)
            assert "Only the team's owners, whoever added me to the team and the bot's admins" in teams_answer(fake, KEN) and await quiet(app) is True
