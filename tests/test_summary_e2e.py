"""A mentioned summary end to end on both platforms: the decision, both owners and the open question come out right."""

from __future__ import annotations

import json

from tests.fakes.bot_connector import CHANNEL_ID, KEN, MARIA, channel_message, post_activity
from tests.fakes.server import eventually
from tests.fakes.slack_api import event_body
from tests.test_slack_e2e import CHANNEL, ROOT_TS, mention, post_signed

SAID = [
    ("U1", "Should we launch on May 12 or wait for the vendor?"),
    ("U2", "Let's go with May 12, the vendor confirmed their part."),
    ("U3", "Sounds good."),
    ("U1", "<@U2> can you update the roadmap by Friday?"),
    ("U2", "Will do."),
    ("U3", "I'll write the release notes."),
    ("U2", "Who is going to tell the sales team about the new date?"),
]


async def test_slack_summary_shows_the_decision_two_owners_and_the_open_question(slack_bot):
    fake, url, _ = slack_bot
    for uid, name in (("U1", "Maria"), ("U2", "Ken"), ("U3", "Ana")):
        fake.add_user(uid, name)
    fake.threads[(CHANNEL, ROOT_TS)] = [
        {"type": "message", "user": user, "text": text, "thread_ts": ROOT_TS,
         "ts": ROOT_TS if i == 0 else f"1700000{100 + i}.000000"} for i, (user, text) in enumerate(SAID)]
    status, _ = await post_signed(url, event_body(mention("summarize")))
    assert status == 200
    [reply] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    blocks = json.loads(reply["blocks"]) if isinstance(reply["blocks"], str) else reply["blocks"]
    sections = {text.split("*")[1]: text for b in blocks if b["type"] == "section"
                for text in [b["text"]["text"]] if text.startswith("*")}
    assert "May 12" in sections["Decisions"] and "Ana agreed" in sections["Decisions"]
    assert "Ken: update the roadmap (due Friday" in sections["Action items"]
    assert "Ana: write the release notes" in sections["Action items"]
    assert "Who is going to tell the sales team" in sections["Open questions"]
    assert reply["text"].startswith("Ken and Ana agreed to go with May 12")


async def test_teams_summary_shows_the_decision_two_owners_and_the_open_question(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    root_id = "1700000000000"
    said = [(MARIA, "Should we launch on May 12 or wait for the vendor?"),
            (KEN, "Let's go with May 12, the vendor confirmed their part."),
            (MARIA, "Sounds good. I'll write the release notes."),
            (MARIA, "Ken, can you update the roadmap by Friday?"),
            (KEN, "Will do."),
            (KEN, "Who is going to tell the sales team about the new date?")]
    for i, (who, text) in enumerate(said):
        activity = channel_message(service_url, text, root_id, sender=who, activity_id=str(int(root_id) + 100 * i))
        status, _ = await post_activity(bot_url, activity)
        assert status == 202
    await post_activity(bot_url, channel_message(service_url, "summarize", root_id, activity_id="1700000009000",
                                                 mention_bot=True))
    [sent] = await eventually(lambda: fake.sent_to(f"{CHANNEL_ID};messageid={root_id}"))
    shown = sent.text + "\n" + json.dumps(sent.activity.get("attachments") or [], ensure_ascii=False)
    assert f"{KEN.name} and {MARIA.name} agreed to go with May 12" in shown
    assert f"{KEN.name}: update the roadmap (due Friday" in shown
    assert f"{MARIA.name}: write the release notes" in shown
    assert "Who is going to tell the sales team" in shown



async def test_slack_summary_names_people_who_are_mentioned_but_not_in_the_thread(slack_bot):
    fake, url, _ = slack_bot
    for uid, name in (("U1", "Maria"), ("U2", "Ken"), ("U7", "Priya")):
        fake.add_user(uid, name)
    said = [("U1", "The vendor moved the date again."), ("U2", "Then we need a new plan."),
            ("U1", "<@U7> can you write the new plan by Friday?"), ("U2", "Good, Priya knows the vendor best.")]
    fake.threads[(CHANNEL, ROOT_TS)] = [
        {"type": "message", "user": user, "text": text, "thread_ts": ROOT_TS,
         "ts": ROOT_TS if i == 0 else f"1700000{100 + i}.000000"} for i, (user, text) in enumerate(said)]
    await post_signed(url, event_body(mention("summarize")))
    [reply] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    shown = json.dumps(reply["blocks"] if not isinstance(reply["blocks"], str) else json.loads(reply["blocks"]))
    assert "Priya: write the new plan (due Friday" in shown and "U7" not in shown
