"""`later @Ken …` in a Teams channel: Ken from the roster, his zone and hours from Graph, his 1:1 gets it."""

from __future__ import annotations

import json

import pytest

from adapters.app import create_app
from adapters.teams.graph import GraphDirectory
from tests.fakes.bot_connector import (
    KEN,
    MARIA,
    card_submit,
    channel_message,
    post_activity,
)
from tests.fakes.graph_api import TOKEN, FakeGraph, static_auth
from tests.fakes.server import eventually, serving

KEN_MAILBOX = {
    "timeZone": "Tokyo Standard Time",
    "workingHours": {"daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                     "startTime": "10:00:00.0000000", "endTime": "18:00:00.0000000",
                     "timeZone": {"name": "Tokyo Standard Time"}},
}


@pytest.fixture
async def graph_bot(bot_connector, make_settings):
    fake, service_url = bot_connector
    graph = FakeGraph(mailboxes={KEN.aad_object_id: KEN_MAILBOX})
    async with serving(graph.app()) as graph_url:
        directory = GraphDirectory(static_auth(), graph_url + "/v1.0")
        settings = make_settings(outbox_poll_seconds=0.1, meeting_rescore_seconds=0)
        async with serving(create_app(settings, graph=directory)) as url:
            yield fake, graph, service_url, url


def later_for_ken(service_url: str, text: str) -> dict:
    activity = channel_message(service_url, f"later <at>Ken Tanaka</at> {text}", "1700000400000",
                               mention_bot=True, activity_id="1700000400000")
    activity["entities"].append({"type": "mention", "text": "<at>Ken Tanaka</at>",
                                 "mentioned": {"id": KEN.id, "name": KEN.name}})
    return activity


async def test_later_at_a_person_reads_their_graph_working_hours_and_delivers_to_their_chat(graph_bot):
    fake, graph, service_url, url = graph_bot
    await post_activity(url, later_for_ken(service_url, "tomorrow Can you review the deck?"))
    maria_chat = f"a:1personal-with-{MARIA.id}"
    [confirmation] = await eventually(lambda: fake.sent_to(maria_chat))
    card = confirmation.activity["attachments"][0]["content"]
    text = " ".join(block.get("text", "") for block in card["body"])
    assert text.startswith("About #General (Launch): Ken Tanaka gets this") and "10:00 JST" in text  # the start of *his* hours
    assert "working hours are unknown" not in text  # Graph told us
    assert graph.authorizations and set(graph.authorizations) == {f"Bearer {TOKEN}"}

    send_now = next(a["data"] for a in card["actions"] if a["data"]["action"] == "later_send_now")
    await post_activity(url, card_submit(service_url, send_now, root_id="1700000400000"))
    ken_chat = f"a:1personal-with-{KEN.id}"
    [delivered] = await eventually(lambda: fake.sent_to(ken_chat))
    assert delivered.text.startswith("Can you review the deck?") and "Maria" in delivered.text


async def test_without_graph_permission_the_defaults_are_said(graph_bot):
    fake, graph, service_url, url = graph_bot
    graph.mailboxes.clear()  # 403, as when MailboxSettings.Read was not granted
    await post_activity(url, later_for_ken(service_url, "tomorrow 9am Numbers are in"))
    [confirmation] = await eventually(lambda: fake.sent_to(f"a:1personal-with-{MARIA.id}"))
    text = " ".join(b.get("text", "") for b in confirmation.activity["attachments"][0]["content"]["body"])
    assert "Ken Tanaka gets this" in text and "unknown" in text


async def test_summary_reads_the_whole_chain_from_graph_with_links(graph_bot):
    from tests.fakes.bot_connector import CHANNEL_ID
    from tests.fakes.graph_api import chat_message

    fake, graph, service_url, url = graph_bot
    group, root = "0b5a9bd1-team-group", "1700000800000"
    graph.threads[(group, CHANNEL_ID, root)] = [
        chat_message(root, "aad-maria", "Maria Garcia", "<p>Should we move the launch to May?</p>", "2026-11-24T09:00:00Z"),
        chat_message("r1", "aad-ken", "Ken Tanaka", "<p>I think May works. Let's do it.</p>", "2026-11-24T09:05:00Z"),
        chat_message("r2", "aad-maria", "Maria Garcia", "<p>Agreed: the launch moves to May. "
                     "Ken, can you update the plan by Friday?</p>", "2026-11-24T09:06:00Z"),
        chat_message("r3", "aad-ana", "Ana Lima", "<p>oops wrong thread</p>", "2026-11-24T09:07:00Z", deleted=True),
        chat_message("r4", "aad-ken", "Ken Tanaka", "<p>Sure, I'll update the plan by Friday.</p>", "2026-11-24T09:08:00Z"),
        chat_message("r5", "aad-ana", "Ana Lima", "<p>Who tells the customers?</p>", "2026-11-24T09:09:00Z"),
    ]
    mention = channel_message(service_url, "summarize", root, mention_bot=True, activity_id="1700000900000")
    mention["channelData"]["team"]["aadGroupId"] = group
    await post_activity(url, mention)
    chain = f"{CHANNEL_ID};messageid={root}"
    [summary] = await eventually(lambda: fake.sent_to(chain))
    card = summary.activity["attachments"][0]["content"]
    text = " ".join(block.get("text", "") for block in card["body"])
    assert "Maria Garcia, Ken Tanaka" in text and "Ana Lima" in text
    assert "wrong thread" not in text  # deleted messages are left out
    assert "https://teams.microsoft.com/l/message/19%3Aabc/" in text  # items link to their messages
    assert "only see the messages sent to me" not in text  # Graph gave the whole chain


async def test_create_meeting_from_the_suggestion_puts_it_in_calendars_and_the_link_in_the_chain(graph_bot):
    from tests.fakes.bot_connector import CHANNEL_ID, MARIA
    from tests.test_meetings_e2e import heat_up_teams_chain

    fake, graph, service_url, url = graph_bot
    graph.mailboxes[MARIA.aad_object_id] = {  # Berlin 09–17 and Tokyo 10–18 overlap 09:00–10:00 Berlin time
        "timeZone": "W. Europe Standard Time",
        "workingHours": {**KEN_MAILBOX["workingHours"], "startTime": "09:00:00.0000000", "endTime": "17:00:00.0000000",
                         "timeZone": {"name": "W. Europe Standard Time"}}}
    root = "1700000950000"
    chain = f"{CHANNEL_ID};messageid={root}"
    await heat_up_teams_chain(url, service_url, root)
    [suggestion] = await eventually(lambda: fake.sent_to(chain))
    card = suggestion.activity["attachments"][0]["content"]
    create = [a["data"] for a in card["actions"] if a["data"]["action"] == "meetings_create"]
    assert create, card["actions"]

    await post_activity(url, card_submit(service_url, create[0], root_id=root))
    [organizer, event] = (await eventually(lambda: graph.events))[0]
    assert organizer == MARIA.aad_object_id
    assert [a["emailAddress"]["address"] for a in event["attendees"]] == ["ken@contoso.example"]
    assert event["isOnlineMeeting"] is True and event["onlineMeetingProvider"] == "teamsForBusiness"
    chosen = json.loads(create[0]["value"])
    assert event["start"] == {"dateTime": chosen["start"][:19], "timeZone": "UTC"}
    links = await eventually(lambda: [s for s in fake.sent_to(chain) if "meetup-join/fake-1" in s.text])
    assert len(links) == 1


async def test_suggested_slots_skip_times_booked_in_outlook(graph_bot):
    """getSchedule (Calendars.Read) for everyone in the thread: a slot never falls on a busy calendar."""
    from tests.fakes.bot_connector import CHANNEL_ID, MARIA
    from tests.test_meetings_e2e import heat_up_teams_chain

    fake, graph, service_url, url = graph_bot
    graph.mailboxes[MARIA.aad_object_id] = {  # Berlin 09–17 and Tokyo 10–18: 08:00–09:00 UTC on working days
        "timeZone": "W. Europe Standard Time",
        "workingHours": {**KEN_MAILBOX["workingHours"], "startTime": "09:00:00.0000000", "endTime": "17:00:00.0000000",
                         "timeZone": {"name": "W. Europe Standard Time"}}}
    # Their only shared hour in their next two working days is Wednesday 08:00–09:00 UTC.
    graph.busy["ken@contoso.example"] = [("2026-11-25T07:30:00", "2026-11-25T08:30:00", "tentative")]
    graph.busy["maria@contoso.example"] = [("2026-11-25T08:30:00", "2026-11-25T09:00:00", "free")]  # free: no matter
    root = "1700000990000"
    chain = f"{CHANNEL_ID};messageid={root}"
    await heat_up_teams_chain(url, service_url, root)
    [suggestion] = await eventually(lambda: fake.sent_to(chain))
    [(asker, request)] = graph.schedule_requests
    assert sorted(request["Schedules"]) == ["ken@contoso.example", "maria@contoso.example"]
    assert asker in (MARIA.aad_object_id, "00000000-0000-0000-0000-00000000bbbb")
    card = suggestion.activity["attachments"][0]["content"]
    starts = [json.loads(a["data"]["value"])["start"] for a in card["actions"]
              if a["data"]["action"] == "meetings_create"]
    assert starts == ["2026-11-25T08:30:00+00:00"]  # 08:00 would clash with Ken's tentative meeting
    titles = [b["text"] for b in card["body"] if b.get("weight") == "Bolder"]
    assert "When (30 min, inside everyone's working hours, free in their calendars)" in titles
