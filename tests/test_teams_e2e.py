"""Teams end to end: Teams-shaped activities into the real app, replies caught by a loopback Bot Connector."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from adapters.app import create_app
from adapters.teams.bot import build_adapter
from adapters.teams.platform import TeamsPlatform
from bot.actions import Action, Post, Reply
from bot.app import STORE
from bot.commands import usage_lines
from bot.context import Context
from bot.messages import Received
from bot.model import ActionClicked, Conversation, Event, Mentioned, Message, MessagePosted, User
from bot.router import Router
from tests.fakes.bot_connector import (
    BOT_ID,
    CHANNEL_ID,
    KEN,
    MARIA,
    PERSONAL_CHAT_ID,
    TEAM_ID,
    TENANT_ID,
    bot_installed_in_team,
    bot_installed_personally,
    card_submit,
    channel_message,
    installation_update,
    personal_message,
    post_activity,
)
from tests.fakes.server import eventually, serving

ROOT_ID = "1700000000000"
CHAIN_ID = f"{CHANNEL_ID};messageid={ROOT_ID}"


async def test_personal_help_lists_capabilities_in_the_personal_chat(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    status, _ = await post_activity(bot_url, personal_message(service_url, "help"))
    assert status == 202  # accepted: the turn answers through the Bot Connector
    sent = await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID))
    assert len(sent) == 1
    reply = sent[0].activity
    assert reply["type"] == "message"
    assert reply["conversation"]["id"] == PERSONAL_CHAT_ID
    assert reply["recipient"]["id"] == MARIA.id
    assert reply["from"]["id"] == BOT_ID
    # An Adaptive Card with one text block per command, every command of the table in Teams' words.
    lines = [block["text"] for block in sent[0].card_blocks()]
    assert lines[0].startswith("Here is what I can do")
    for line in usage_lines("teams"):
        assert f"- {line}" in lines
    for typed in ("`later list`", "`later cancel ID`", "`digest now`", "`settings`", "`summarize private`"):
        assert any(line.startswith(f"- {typed}") for line in lines), typed
    assert "/later" not in sent[0].text and "@etiquette" not in sent[0].text  # nothing in Slack's words
    assert fake.sent == sent  # nothing went anywhere else


async def test_channel_help_mention_answers_in_the_same_reply_chain(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    mention = channel_message(service_url, "help", ROOT_ID, sender=KEN, activity_id="1700000000300",
                              mention_bot=True)
    status, _ = await post_activity(bot_url, mention)
    assert status == 202  # accepted: the turn answers through the Bot Connector
    sent = await eventually(lambda: fake.sent)
    assert [s.conversation_id for s in sent] == [CHAIN_ID]
    assert sent[0].reply_to_id == "1700000000300"
    assert sent[0].activity["replyToId"] == "1700000000300"
    assert sent[0].activity["conversation"]["id"] == CHAIN_ID
    assert "Here is what I can do" in sent[0].text


async def test_channel_mention_summarizes_what_the_bot_saw_in_the_chain(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    # With resource-specific consent the bot sees channel messages without a mention.
    root = channel_message(service_url, "Should we move the launch?", ROOT_ID, activity_id=ROOT_ID)
    answer = channel_message(service_url, "Friday works for me", ROOT_ID, sender=KEN,
                             activity_id="1700000000100")
    other_chain = channel_message(service_url, "unrelated", "1700000005000", activity_id="1700000005000")
    for activity in (root, answer, other_chain):
        status, _ = await post_activity(bot_url, activity)
        assert status == 202  # accepted: the turn answers through the Bot Connector
    assert fake.sent == []  # plain channel messages get no answer
    mention = channel_message(service_url, "summarize", ROOT_ID, activity_id="1700000000200",
                              mention_bot=True)
    await post_activity(bot_url, mention)
    sent = await eventually(lambda: fake.sent_to(CHAIN_ID))
    assert len(sent) == 1
    assert sent[0].reply_to_id == "1700000000200"
    text = sent[0].text
    assert "2 messages" in text  # root and answer; the mention asking is not part of the discussion
    assert MARIA.name in text and KEN.name in text
    assert "Etiquette" not in text  # the bot's own mention is not a participant


async def test_mentions_that_are_no_command_get_one_hint_per_chain_then_a_summary_when_there_is_enough(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    said = [("Should we move the launch to Friday?", MARIA), ("Friday works for me, QA is done", KEN),
            ("Then we move it to Friday and I tell sales", MARIA), ("Great, I will update the release notes", KEN)]
    for index, (text, person) in enumerate(said):  # everyone mentions the bot while talking about it
        await post_activity(bot_url, channel_message(service_url, text, ROOT_ID, sender=person,
                                                     activity_id=str(int(ROOT_ID) + index), mention_bot=True))
    answers = fake.sent_to(CHAIN_ID)
    assert len(answers) == 2  # one hint for the young chain, then one summary once it had enough
    assert "`help`" in answers[0].text and "Nothing to summarize" not in answers[0].text
    assert answers[0].reply_to_id == ROOT_ID  # the first mention got it; the second and third got nothing
    assert answers[1].reply_to_id == str(int(ROOT_ID) + 3)
    assert "Friday" in answers[1].text and MARIA.name in answers[1].text


async def test_a_long_thread_gets_one_unasked_summary_and_summarize_still_answers(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    said = [("Should we move the launch to Friday?", MARIA), ("Friday works for me, QA is done", KEN),
            ("Then we move it to Friday and I tell sales", MARIA), ("Great, I will update the release notes", KEN),
            ("Sales knows, they are fine with it", MARIA), ("Release notes are updated", KEN), ("summarize", MARIA)]
    for index, (text, person) in enumerate(said):  # everyone mentions the bot while talking about it
        await post_activity(bot_url, channel_message(service_url, text, ROOT_ID, sender=person,
                                                     activity_id=str(int(ROOT_ID) + index), mention_bot=True))
    answers = fake.sent_to(CHAIN_ID)
    assert [a.reply_to_id for a in answers] == [ROOT_ID, str(int(ROOT_ID) + 3), str(int(ROOT_ID) + 6)]
    assert "Friday" in answers[1].text and "Friday" in answers[2].text  # the fifth and sixth got nothing


def recording_router(*event_types: type) -> tuple[Router, list[Event]]:
    """A router whose only skill records the events it gets and answers nothing."""
    seen: list[Event] = []

    async def record(event: Event, context: Context) -> list[Action]:
        seen.append(event)
        return []

    router = Router()
    for event_type in event_types:
        router.on(event_type, record)
    return router, seen


async def test_only_the_bot_mention_is_stripped_and_other_people_stay(bot_connector, make_settings):
    _, service_url = bot_connector
    router, seen = recording_router(Mentioned)
    app = create_app(make_settings(), router)
    mention = channel_message(service_url, "ask <at>Ken Tanaka</at> about&nbsp;<b>it</b>", ROOT_ID,
                              activity_id=ROOT_ID, mention_bot=True)
    mention["entities"].append({"type": "mention", "text": "<at>Ken Tanaka</at>",
                                "mentioned": {"id": KEN.id, "name": KEN.name}})
    async with serving(app) as bot_url:
        await post_activity(bot_url, mention)
        await eventually(lambda: seen)
        event = seen[0]
        assert isinstance(event, Mentioned)
        assert event.text == "ask @Ken Tanaka about it"
        assert event.message.mentions == (KEN.id,)
        stored = (await app[STORE].messages.thread(event.message.conversation)).messages
        assert [m.text for m in stored] == ["ask @Ken Tanaka about it"]


async def test_plain_channel_messages_reach_the_router_as_posted(bot_connector, make_settings):
    _, service_url = bot_connector
    router, seen = recording_router(MessagePosted, Mentioned)
    async with serving(create_app(make_settings(), router)) as bot_url:
        await post_activity(bot_url, channel_message(service_url, "Friday works", ROOT_ID, sender=KEN))
        await eventually(lambda: seen)
        assert isinstance(seen[0], MessagePosted)
        where = seen[0].message.conversation
        assert (where.workspace_id, where.channel_id, where.thread_id) == (TENANT_ID, CHANNEL_ID, ROOT_ID)
        assert not where.is_direct


async def test_card_submit_reaches_the_router_as_an_action_click(bot_connector, make_settings):
    fake, service_url = bot_connector
    clicks: list[ActionClicked] = []

    async def on_click(event: Event, context: Context) -> list[Action]:
        assert isinstance(event, ActionClicked)
        clicks.append(event)
        return [Reply(conversation=event.conversation, text=f"clicked {event.action_id}")]

    router = Router()
    router.on(ActionClicked, on_click)
    async with serving(create_app(make_settings(), router)) as bot_url:
        submit = card_submit(service_url, {"action": "snooze_nudge", "value": {"minutes": 30}}, ROOT_ID)
        status, _ = await post_activity(bot_url, submit)
        assert status == 202  # accepted: the turn answers through the Bot Connector
        await eventually(lambda: clicks)
        click = clicks[0]
        assert click.action_id == "snooze_nudge"
        assert json.loads(click.value) == {"minutes": 30}
        assert click.user.id == MARIA.id
        assert click.conversation.channel_id == CHANNEL_ID
        assert click.conversation.thread_id == ROOT_ID
        assert not click.conversation.is_direct
        sent = await eventually(lambda: fake.sent_to(CHAIN_ID))
        assert sent[0].text == "clicked snooze_nudge"


async def test_installing_in_a_team_stores_the_conversation_reference(teams_bot):
    fake, service_url, bot_url, app = teams_bot
    status, _ = await post_activity(bot_url, bot_installed_in_team(service_url))
    assert status == 202  # accepted: the turn answers through the Bot Connector
    reference = await app[STORE].conversation_ref("teams", TENANT_ID, TEAM_ID)
    assert reference is not None
    assert reference["serviceUrl"] == service_url
    assert reference["conversation"]["id"] == TEAM_ID
    assert reference["bot"]["id"] == BOT_ID
    assert reference["channelId"] == "msteams"
    [welcome] = await eventually(lambda: fake.sent)  # the team's General channel, at its top level
    assert (welcome.conversation_id, welcome.reply_to_id) == (TEAM_ID, None)
    assert len(welcome.text.split("\n\n")) == 3 and "Async Etiquette" in welcome.text and "`help`" in welcome.text

    await post_activity(bot_url, bot_installed_in_team(service_url))  # installed again: no second welcome
    assert len(fake.sent) == 1


async def test_a_personal_install_is_welcomed_in_the_personal_chat_with_teams_syntax(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    await post_activity(bot_url, bot_installed_personally(service_url))
    [welcome] = await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID))
    lines = welcome.text.split("\n\n")  # Teams markdown: a paragraph per line, or they run together
    assert len(lines) == 3 and lines[1].startswith("Try `later tomorrow 9am") and "/later" not in welcome.text


async def test_personal_install_stores_the_reference_for_proactive_messages(teams_bot):
    _, service_url, bot_url, app = teams_bot
    await post_activity(bot_url, bot_installed_personally(service_url))
    reference = await app[STORE].conversation_ref("teams", TENANT_ID, PERSONAL_CHAT_ID)
    assert reference is not None
    assert reference["conversation"]["conversationType"] == "personal"


async def test_removal_does_not_store_a_reference(teams_bot):
    _, service_url, bot_url, app = teams_bot
    await post_activity(bot_url, bot_installed_in_team(service_url, removed=True))
    await post_activity(bot_url, installation_update(service_url, "remove"))
    assert await app[STORE].conversation_ref("teams", TENANT_ID, TEAM_ID) is None


async def test_installation_update_add_stores_the_reference(teams_bot):
    _, service_url, bot_url, app = teams_bot
    status, _ = await post_activity(bot_url, installation_update(service_url, "add"))
    assert status == 202  # accepted: the turn answers through the Bot Connector
    reference = await app[STORE].conversation_ref("teams", TENANT_ID, TEAM_ID)
    assert reference is not None and reference["serviceUrl"] == service_url


@pytest.fixture
async def bot_without_skills(bot_connector, make_settings):
    """Every command word is a skill today; an empty router shows what a command without one gets."""
    fake, service_url = bot_connector
    async with serving(create_app(make_settings(), Router())) as url:
        yield fake, service_url, url


async def test_unknown_command_in_personal_chat_says_not_available_yet(bot_without_skills):
    fake, service_url, bot_url = bot_without_skills
    await post_activity(bot_url, personal_message(service_url, "digest now"))
    sent = await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID))
    assert len(sent) == 1
    assert "`digest` is not available yet" in sent[0].text


async def test_unknown_command_mentioned_in_a_channel_answers_privately(bot_without_skills):
    fake, service_url, bot_url = bot_without_skills
    mention = channel_message(service_url, "digest on", ROOT_ID, mention_bot=True)
    await post_activity(bot_url, mention)
    await eventually(lambda: len(fake.sent) == 2)
    ack, *sent = fake.sent  # a short line where it was typed, the answer in the 1:1 chat
    assert ack.conversation_id == f"{CHANNEL_ID};messageid={ROOT_ID}" and "answered you in our chat" in ack.text
    assert len(sent) == 1
    assert "not available yet" in sent[0].text
    assert sent[0].conversation_id == f"a:1personal-with-{MARIA.id}"  # a 1:1 chat, not the channel
    created = fake.created[0]
    assert created["isGroup"] is False
    assert created["bot"]["id"] == BOT_ID
    assert [m["id"] for m in created["members"]] == [MARIA.id]
    assert created["tenantID"] == TENANT_ID
    assert created["channelData"]["tenant"]["id"] == TENANT_ID
    assert sent[0].reply_to_id is None  # a new chat message, not a reply to some synthetic id


async def test_the_same_activity_delivered_twice_is_answered_once(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    activity = personal_message(service_url, "help")
    for _ in range(2):
        status, _ = await post_activity(bot_url, activity)
        assert status == 202  # accepted: the turn answers through the Bot Connector
    await eventually(lambda: fake.sent)
    assert len(fake.sent) == 1


async def test_bad_requests_get_400_with_a_reason(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    good = personal_message(service_url, "help")
    cases = {
        "not json": "{this is not json",
        "json array": json.dumps([good]),
        "no type": json.dumps({k: v for k, v in good.items() if k != "type"}),
        "no serviceUrl": json.dumps({k: v for k, v in good.items() if k != "serviceUrl"}),
        "no conversation": json.dumps({k: v for k, v in good.items() if k != "conversation"}),
        "conversation not an object": json.dumps({**good, "conversation": "a:1"}),
        "message without sender": json.dumps({k: v for k, v in good.items() if k != "from"}),
        "sender without id": json.dumps({**good, "from": {"name": "Maria"}}),
        "empty body": "",
    }
    for name, body in cases.items():
        status, text = await post_activity(bot_url, body)
        assert status == 400, (name, status, text)
        assert json.loads(text)["error"], name
    assert fake.sent == []


async def test_a_broken_turn_is_reported_to_the_user_not_as_500(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    activity = personal_message(service_url, "help")
    activity["channelData"] = ["not", "an", "object"]
    status, _ = await post_activity(bot_url, activity)
    assert status < 500
    fake.refuse_with = 403  # the reply, and then the apology, cannot be sent
    status, _ = await post_activity(bot_url, personal_message(service_url, "help"))
    assert status < 500
    assert fake.sent == []


async def test_proactive_post_and_reply_use_the_stored_reference(teams_bot, make_settings):
    """What the outbox does later, outside any turn: a top-level post, then a reply in a chain."""
    fake, service_url, bot_url, app = teams_bot
    await post_activity(bot_url, bot_installed_in_team(service_url))
    reference = await app[STORE].conversation_ref("teams", TENANT_ID, TEAM_ID)
    fake.sent.clear()  # the welcome
    platform = TeamsPlatform(build_adapter(make_settings()), "", app[STORE])
    channel = Conversation("teams", TENANT_ID, TEAM_ID, None, ref=reference)

    posted_id = await platform.perform(Post(conversation=channel, text="Weekly digest"))
    replied_id = await platform.perform(Reply(conversation=channel.in_thread(ROOT_ID), text="Reminder"))

    post, reply = fake.sent
    assert (post.conversation_id, post.reply_to_id, post.text) == (TEAM_ID, None, "Weekly digest")
    assert post.activity["conversation"]["id"] == TEAM_ID
    assert (reply.conversation_id, reply.reply_to_id) == (f"{TEAM_ID};messageid={ROOT_ID}", None)
    assert posted_id and replied_id and posted_id != replied_id


async def test_removal_from_a_team_forgets_its_channels_and_nothing_else(teams_bot):
    fake, service_url, bot_url, app = teams_bot
    store = app[STORE]
    await post_activity(bot_url, bot_installed_in_team(service_url))
    await post_activity(bot_url, channel_message(service_url, "Release notes are up", "1700000990000",
                                                 activity_id="1700000990000"))
    await store.set_setting("teams", TENANT_ID, f"channel:{CHANNEL_ID}", "quiet", True)
    elsewhere = Conversation("teams", TENANT_ID, "19:other-team-channel@thread.tacv2", "r")
    await store.messages.write(Received(Message("x", User("u"), "other team", datetime.now(timezone.utc), elsewhere),
                                        team_id="19:other-team@thread.tacv2"))
    assert await store.messages.channel_roots(Conversation("teams", TENANT_ID, CHANNEL_ID), datetime(2000, 1, 1, tzinfo=timezone.utc))

    await post_activity(bot_url, bot_installed_in_team(service_url, removed=True))
    assert await store.conversation_ref("teams", TENANT_ID, TEAM_ID) is None
    assert await store.get_setting("teams", TENANT_ID, f"channel:{CHANNEL_ID}", "quiet") is None
    assert await store.messages.channel_roots(Conversation("teams", TENANT_ID, CHANNEL_ID),
                                     datetime(2000, 1, 1, tzinfo=timezone.utc)) == []
    assert [m.text for m in (await store.messages.thread(elsewhere)).messages] == ["other team"]


async def test_digest_now_posts_one_card_with_sections_and_a_native_chart(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    await post_activity(bot_url, bot_installed_in_team(service_url))
    for i, (person, text) in enumerate([(MARIA, "Who owns the Q3 report?"), (KEN, "The release moves to May.")]):
        await post_activity(bot_url, channel_message(service_url, text, f"17000000{i}0000", sender=person,
                                                     activity_id=f"17000000{i}0000"))
    await post_activity(bot_url, channel_message(service_url, "Ken does, I think.", "1700000000000", sender=KEN,
                                                 activity_id="1700000000500"))
    await post_activity(bot_url, channel_message(service_url, "digest now", ROOT_ID, mention_bot=True))
    [digest] = await eventually(lambda: [s for s in fake.sent if s.activity.get("attachments")])
    assert digest.conversation_id == CHANNEL_ID and digest.reply_to_id is None  # top level, not in the chain
    [attachment] = digest.activity["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    body = attachment["content"]["body"]
    assert body[0]["text"].startswith("**Weekly digest**, week")
    assert "3 messages from 2 people, 1 of them in threads" in body[0]["text"]
    titles = [element["text"] for element in body if element.get("weight") == "Bolder"]
    assert titles[0] == "Top threads" and titles[-1] == "Etiquette"
    top = body[2]["text"]  # body[1] is the "Top threads" title; its first line links to the reply chain
    assert top.startswith("- **Maria Garcia**: [") and "](https://teams.microsoft.com/l/message/" in top
    assert "parentMessageId=1700000000000&createdTime=1700000000000" in top
    [chart] = [element for element in body if element["type"] == "Chart.VerticalBar"]
    assert [point["x"] for point in chart["data"]] == [f"{hour:02d}" for hour in range(24)]
    assert sum(point["y"] for point in chart["data"]) == 3
    assert chart["fallback"]["type"] == "TextBlock" and "busiest hours" in chart["fallback"]["text"]
    assert len(json.dumps(digest.activity)) < 28_000  # Teams' message size limit


async def test_a_slow_turn_is_answered_202_at_once_and_a_conversation_keeps_its_order(bot_connector, make_settings):
    """Teams waits at most 15 s for the POST: a slow skill must not hold it, nor overtake the next message."""
    import asyncio

    import aiohttp

    fake, service_url = bot_connector
    release = asyncio.Event()
    handled: list[str] = []

    async def slow_then_fast(event: Event, context: Context) -> list[Action]:
        if event.message.text == "first":
            await release.wait()  # e.g. an LLM summary
        handled.append(event.message.text)
        return [Reply(conversation=event.message.conversation, text=f"done: {event.message.text}")]

    router = Router()
    router.on(MessagePosted, slow_then_fast)
    async with serving(create_app(make_settings(), router)) as bot_url, aiohttp.ClientSession() as http:
        for text, activity_id in (("first", "1700000700000"), ("second", "1700000700100")):
            body = channel_message(service_url, text, activity_id, activity_id=activity_id)
            async with http.post(bot_url + "/api/messages", json=body) as response:
                assert response.status == 202  # while "first" is still being worked on
        await asyncio.sleep(0.2)
        assert handled == [] and fake.sent == []  # "second" waits for "first" of the same channel
        release.set()
        await eventually(lambda: len(fake.sent) == 2)
    assert handled == ["first", "second"]
    assert [s.text for s in fake.sent] == ["done: first", "done: second"]


async def test_teams_weekly_digest_goes_out_once_at_its_time_and_not_again_after_a_restart(bot_connector,
                                                                                         make_settings):
    from datetime import timedelta

    from bot.app import JOBS

    fake, service_url = bot_connector
    settings = make_settings(outbox_poll_seconds=3600, digest_poll_seconds=3600)
    now = [datetime(2026, 11, 27, 12, tzinfo=timezone.utc)]  # a Friday
    monday_9 = datetime(2026, 11, 30, 9, tzinfo=timezone.utc)  # the asker has no zone: UTC

    def digests() -> list:
        return [s for s in fake.sent if s.conversation_id == CHANNEL_ID and s.activity.get("attachments")]

    async with serving(first := create_app(settings, clock=lambda: now[0])) as bot_url:
        await post_activity(bot_url, bot_installed_in_team(service_url))  # Maria adds the bot: she manages it there
        await post_activity(bot_url, channel_message(service_url, "Who owns the Q3 report?", "1764406800000",
                                                     activity_id="1764406800000"))
        await post_activity(bot_url, channel_message(service_url, "digest on monday 09:00", ROOT_ID, mention_bot=True))
        [on] = await eventually(lambda: [s for s in fake.sent if "Weekly digest on" in s.text])
        assert "every Monday 09:00 (UTC)" in on.text
        now[0] = monday_9 - timedelta(minutes=1)
        await first[JOBS].digests()
        await first[JOBS].deliver()
        assert digests() == []
        now[0] = monday_9 + timedelta(minutes=1)
        await first[JOBS].digests()
        await first[JOBS].deliver()
        [digest] = digests()
    body = digest.activity["attachments"][0]["content"]["body"]
    assert body[0]["text"].startswith("**Weekly digest**, week 2026-W48")
    assert digest.reply_to_id is None  # a new post in the channel, through the stored reference
    async with serving(second := create_app(settings, clock=lambda: now[0])):
        now[0] += timedelta(hours=3)
        await second[JOBS].digests()
        await second[JOBS].deliver()
    assert len(digests()) == 1


async def test_a_message_whose_authentication_is_slow_keeps_its_place(bot_connector, make_settings, monkeypatch):
    """A's token check waits on a key fetch while B's is quick: A's turn still runs first."""
    import asyncio

    import aiohttp
    from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication

    fake, service_url = bot_connector
    real = ConfigurationBotFrameworkAuthentication.authenticate_request

    async def slow_for_first(self, activity, auth_header):
        if activity.text == "first":
            await asyncio.sleep(0.3)
        return await real(self, activity, auth_header)

    monkeypatch.setattr(ConfigurationBotFrameworkAuthentication, "authenticate_request", slow_for_first)

    async def echo(event: Event, context: Context) -> list[Action]:
        return [Reply(conversation=event.message.conversation, text=f"done: {event.message.text}")]

    router = Router()
    router.on(MessagePosted, echo)
    async with serving(create_app(make_settings(), router)) as bot_url, aiohttp.ClientSession() as http:
        async def post(text: str, activity_id: str) -> int:
            body = channel_message(service_url, text, activity_id, activity_id=activity_id)
            async with http.post(bot_url + "/api/messages", json=body) as response:
                return response.status

        first = asyncio.ensure_future(post("first", "1700000800000"))
        await asyncio.sleep(0.05)  # "first" has arrived and is being authenticated
        assert await post("second", "1700000800100") == 202
        assert await first == 202
        await eventually(lambda: len(fake.sent) == 2)
    assert [s.text for s in fake.sent] == ["done: first", "done: second"]


async def test_shutdown_cancels_a_turn_that_outlives_the_grace_period():
    import asyncio

    from adapters.teams.bot import BackgroundTurns

    turns, started = BackgroundTurns(), asyncio.Event()

    async def endless() -> None:
        started.set()
        await asyncio.sleep(3600)

    turns.reserve("19:chan;messageid=1").set_result(endless())
    await started.wait()
    await turns.drain(timeout=0.05)
    assert turns._tasks == set()  # nothing left running once the store closes


async def test_a_command_in_a_channel_is_acknowledged_there_and_answered_privately_naming_the_channel(teams_bot):
    fake, service_url, bot_url, _ = teams_bot
    await post_activity(bot_url, channel_message(service_url, "settings", ROOT_ID, activity_id="1700000000400",
                                                 mention_bot=True))
    [ack] = await eventually(lambda: fake.sent_to(CHAIN_ID))
    assert ack.reply_to_id == "1700000000400" and "answered you in our chat" in ack.text
    private = [s for s in fake.sent if s.conversation_id != CHAIN_ID]
    assert len(private) == 1 and private[0].text.startswith("About #General (Launch): This channel:")
