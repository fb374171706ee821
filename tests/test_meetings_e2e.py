"""Meeting-vs-message on Slack end to end: a heated thread gets exactly one suggestion, with slots."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from adapters.app import create_app
from tests.conftest import SIGNING_SECRET
from tests.fakes.server import eventually, serving
from tests.fakes.slack_api import event_body
from tests.test_slack_e2e import post_signed

CHANNEL = "C0DEBATE"
ROOT = "1700000000.000100"
HEATED = ["I don't think we should ship on Friday", "But the customer needs it, we promised",
          "No, that is not what we agreed, I disagree", "Why do we keep changing the plan?",
          "I don't agree, the tests are failing", "But we can fix the tests quickly, can't we?",
          "No we can't, that's not realistic", "Why not? I think it is fine", "I disagree, this is risky",
          "But risk is everywhere, why block?", "No, I don't think that's fair", "Can we decide today?"]


async def heat_up_slack_thread(fake, url: str, root: str, event_prefix: str, after_each=None) -> None:
    """Post the heated replies one by one, the thread growing in the fake as Slack's would."""
    thread = [{"type": "message", "user": "U1", "text": "Release plan for Friday?", "ts": root, "thread_ts": root}]
    start = int(float(root))
    for i, text in enumerate(HEATED):
        reply = {"type": "message", "user": ("U2", "U3", "U1")[i % 3], "text": text,
                 "ts": f"{start + 60 * (i + 1)}.000100", "thread_ts": root, "channel": CHANNEL}
        thread.append({k: v for k, v in reply.items() if k != "channel"})
        fake.threads[(CHANNEL, root)] = list(thread)
        await post_signed(url, event_body(reply, event_id=f"{event_prefix}{i}"))
        if after_each:
            after_each(i)


async def heat_up_teams_chain(url: str, service_url: str, root: str) -> None:
    """The same debate between Maria and Ken in a Teams reply chain."""
    from tests.fakes.bot_connector import KEN, MARIA, channel_message, post_activity

    await post_activity(url, channel_message(service_url, "Release plan for Friday?", root, sender=MARIA,
                                             activity_id=root))
    for i, text in enumerate(HEATED):
        activity = channel_message(service_url, text, root, sender=(KEN, MARIA)[i % 2],
                                   activity_id=str(int(root) + 60_000 * (i + 1)))
        activity["timestamp"] = f"2026-11-24T10:{i + 1:02d}:00Z"
        await post_activity(url, activity)


async def test_a_heated_thread_gets_one_call_suggestion_with_slots(slack_api, make_settings):
    fake, api_url = slack_api
    for user, zone in (("U1", "Europe/Berlin"), ("U2", "Europe/London"), ("U3", "Europe/Paris")):
        fake.add_user(user, user, tz=zone)
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, meeting_rescore_seconds=0)

    def calm_at_first(i: int) -> None:
        if i == 3:  # early in the thread: calm enough, no suggestion yet
            assert fake.calls_to("chat.postMessage") == []

    async with serving(create_app(settings)) as url:
        await heat_up_slack_thread(fake, url, ROOT, "EvDebate", calm_at_first)
        [suggestion] = await eventually(lambda: fake.calls_to("chat.postMessage"))
        # More replies after the suggestion: still exactly one.
        extra = {"type": "message", "user": "U2", "text": "No, I still disagree", "ts": "1700001000.000100",
                 "thread_ts": ROOT, "channel": CHANNEL}
        await post_signed(url, event_body(extra, event_id="EvDebateMore"))
        payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U1"}, "channel": {"id": CHANNEL},
                   "container": {"type": "message", "channel_id": CHANNEL, "thread_ts": ROOT}, "trigger_id": "1",
                   "actions": [{"action_id": "meetings_not_now", "value": ROOT}]}
        await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type="application/x-www-form-urlencoded")
        await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert len(fake.calls_to("chat.postMessage")) == 1
    assert suggestion["channel"] == CHANNEL and suggestion["thread_ts"] == ROOT
    blocks = suggestion["blocks"] if isinstance(suggestion["blocks"], list) else json.loads(suggestion["blocks"])
    text = "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    assert "quicker as a short call" in text and "disagree" in text
    assert "UTC — " in text and "Europe/Berlin" in text and "Europe/London" in text


async def test_teams_heated_reply_chain_gets_one_suggestion_in_the_chain(bot_connector, make_settings):
    from tests.fakes.bot_connector import CHANNEL_ID

    fake, service_url = bot_connector
    root = "1700000700000"
    chain = f"{CHANNEL_ID};messageid={root}"
    async with serving(create_app(make_settings(meeting_rescore_seconds=0))) as url:
        await heat_up_teams_chain(url, service_url, root)
        [suggestion] = await eventually(lambda: fake.sent_to(chain))
    card = suggestion.activity["attachments"][0]["content"]
    text = " ".join(block.get("text", "") for block in card["body"])
    assert "quicker as a short call" in text and "Maria Garcia" in text and "Ken Tanaka" in text
    assert "Meet in the channel's header" in text and "huddle" not in text  # Teams' words, without Graph
    assert [a["data"]["action"] for a in card["actions"]] == ["meetings_not_now"]  # no invite a bot can't send
    assert len(fake.sent_to(chain)) == 1


async def test_a_status_update_meeting_gets_a_private_could_be_a_message_once(slack_api, make_settings):
    fake, api_url = slack_api
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test", slack_api_base_url=api_url)
    texts = ["Quick sync at 3pm today to share the numbers from last week",
             "Another call tomorrow to share the numbers again",  # same person, same day: cooldown
             "Meeting at 4 to decide the launch date"]  # a real discussion: no note
    async with serving(create_app(settings)) as url:
        for i, text in enumerate(texts):
            event = {"type": "message", "user": "U1" if i < 2 else "U2", "text": text,
                     "ts": f"{1700002000 + i}.000100", "channel": CHANNEL}
            await post_signed(url, event_body(event, event_id=f"EvStatus{i}"))
        [note] = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
        await post_signed(url, event_body({"type": "message", "user": "U3", "text": "x" * 1600,
                                           "ts": "1700002010.000100", "channel": CHANNEL}, event_id="EvStatusLong"))
        await eventually(lambda: len(fake.calls_to("chat.postEphemeral")) == 2)  # later events were handled
    assert note["user"] == "U1" and note["text"].startswith("Could this meeting be a message?")
    assert "share the numbers" in note["text"]
    assert [n["user"] for n in fake.calls_to("chat.postEphemeral")] == ["U1", "U3"]


async def test_slack_suggestion_offers_calendar_invites_and_uploads_an_ics_in_the_thread(slack_api, make_settings):
    fake, api_url = slack_api
    for user in ("U1", "U2", "U3"):
        fake.add_user(user, user, tz="Europe/Berlin")
    root = "1700100000.000100"
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, meeting_rescore_seconds=0)
    async with serving(create_app(settings)) as url:
        await heat_up_slack_thread(fake, url, root, "EvIcs")
        [suggestion] = await eventually(lambda: fake.calls_to("chat.postMessage"))
        assert "huddle" in suggestion["text"]
        blocks = suggestion["blocks"] if isinstance(suggestion["blocks"], list) else json.loads(suggestion["blocks"])
        invite = next(e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]
                      if e["action_id"] == "meetings_ics")
        payload = {"type": "block_actions", "team": {"id": "T0001"}, "user": {"id": "U1", "name": "u1"},
                   "channel": {"id": CHANNEL}, "trigger_id": "1",
                   "container": {"type": "message", "channel_id": CHANNEL, "thread_ts": root},
                   "actions": [{"action_id": "meetings_ics", "value": invite}]}
        await post_signed(url, urlencode({"payload": json.dumps(payload)}), content_type="application/x-www-form-urlencoded")
        [done] = await eventually(lambda: fake.calls_to("files.completeUploadExternal"))
    assert done["channel_id"] == CHANNEL and done["thread_ts"] == root
    ics = next(iter(fake.uploads.values())).decode()
    start = json.loads(invite)["start"]
    assert "BEGIN:VEVENT" in ics and f"DTSTART:{start[:10].replace('-', '')}T{start[11:19].replace(':', '')}Z" in ics
    from bot.store import Store

    store = Store.connect(settings.async_database_url)  # the outcome is recorded for the thread
    assert await store.get_setting("slack", "T0001", f"thread:slack:T0001:{CHANNEL}:{root}", "meeting_invite") == start
    await store.close()


async def test_a_heated_burst_at_the_top_level_gets_one_suggestion_in_its_first_messages_thread(slack_api,
                                                                                              make_settings):
    fake, api_url = slack_api
    for user in ("U1", "U2", "U3"):
        fake.add_user(user, user, tz="Europe/Berlin")
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, meeting_rescore_seconds=0)
    start = 1700200000
    calm = ["Lunch is at noon today", "Thanks!", "The new coffee machine works", "Nice", "See you there"]
    async with serving(create_app(settings)) as url:
        for i, text in enumerate(calm + ["Release plan for Friday?"] + HEATED):
            ts = f"{start + 60 * i + (3600 if i >= len(calm) else 0)}.000100"  # an hour's pause after the calm part
            message = {"type": "message", "user": ("U1", "U2", "U3")[i % 3], "text": text, "ts": ts, "channel": CHANNEL}
            fake.history.setdefault(CHANNEL, []).append({k: v for k, v in message.items() if k != "channel"})
            await post_signed(url, event_body(message, event_id=f"EvBurst{i}"))
            if i == len(calm) - 1:  # the calm chat alone: nothing to suggest
                assert fake.calls_to("chat.postMessage") == []
        [suggestion] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert len(fake.calls_to("chat.postMessage")) == 1  # the burst went on; still one suggestion
    first_of_burst = f"{start + 60 * len(calm) + 3600}.000100"
    assert suggestion["channel"] == CHANNEL and suggestion["thread_ts"] == first_of_burst
    blocks = suggestion["blocks"] if isinstance(suggestion["blocks"], list) else json.loads(suggestion["blocks"])
    text = "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")
    assert text.startswith("This back-and-forth might be quicker as a short call") and "disagree" in text
