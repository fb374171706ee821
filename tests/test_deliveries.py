"""Exactly once across crashes and retries: what an inbox item posted is not posted again when the item
runs again (after a crash, or after another of its actions failed), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import event

from adapters.app import create_app
from adapters.teams.bot import inbox_key
from bot.actions import NotifyPrivately, Post, Reply
from bot.app import INBOX
from bot.deliveries import ActionFailed, Deliveries, ExactlyOnce, item_run
from bot.inbox import LEASE, MAX_ATTEMPTS, backoff
from bot.model import Conversation, Mentioned
from bot.router import Router
from tests.conftest import SIGNING_SECRET
from tests.fakes.bot_connector import PERSONAL_CHAT_ID, personal_message, post_activity
from tests.fakes.memory_platform import MemoryPlatform
from tests.fakes.server import eventually, eventually_async, serving
from tests.fakes.slack_api import event_body
from tests.test_inbox import T0, Clock, parked_count
from tests.test_slack_e2e import ROOT_TS, mention, post_signed, seed_thread


def slack_settings(make_settings, api_url: str, database_url: str):
    return make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test", slack_api_base_url=api_url,
                         database_url=database_url, inbox_poll_seconds=0.2)


def after_the_lease() -> Clock:
    return Clock(datetime.now(timezone.utc) + LEASE + timedelta(seconds=5))


async def _died(*args, **kwargs) -> None:
    raise asyncio.CancelledError  # the process is gone: nothing after this point happens


async def _never(*args, **kwargs) -> None:
    return None


def successful_posts(fake) -> list[dict]:
    return list(fake.posted.values())


async def test_a_reply_made_before_a_crash_is_not_made_again_by_the_next_process(slack_api, make_settings,
                                                                                 database_url):
    """Slack took the reply and the key was recorded; the process died before marking the event done."""
    fake, api_url = slack_api
    settings = slack_settings(make_settings, api_url, database_url)
    body = event_body(mention("help"), event_id="EvOnce")
    crashed = create_app(settings)
    crashed[INBOX].inbox.done = _never  # dies before its done-mark
    async with serving(crashed) as url:
        assert (await post_signed(url, body))[0] == 200
        await eventually(lambda: successful_posts(fake))
        await crashed[INBOX].drain()
        assert await crashed[INBOX].inbox.status_of("slack", "EvOnce") == "working"

    restarted = create_app(settings, clock=after_the_lease())
    async with serving(restarted):
        status = restarted[INBOX].inbox.status_of
        await eventually_async(lambda: status("slack", "EvOnce"), lambda s: s == "done")
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_a_reply_slack_took_as_the_process_died_is_found_by_its_key_not_posted_again(
        slack_api, make_settings, database_url):
    """The process died inside the call: Slack has the reply, the database has no record of it. The next
    process finds the reply by the delivery key in its metadata (conversations.replies) and posts nothing."""
    fake, api_url = slack_api
    seed_thread(fake)
    settings = slack_settings(make_settings, api_url, database_url)
    body = event_body(mention("help"), event_id="EvMidCall")
    crashed = create_app(settings)
    crashed[INBOX].deliveries.record = _died  # Slack answered; the process never recorded it
    async with serving(crashed) as url:
        assert (await post_signed(url, body))[0] == 200
        await eventually(lambda: successful_posts(fake))
        await crashed[INBOX].drain()
    [posted] = successful_posts(fake)
    assert posted["thread_ts"] == ROOT_TS and posted["metadata"]["event_payload"]["delivery_key"]

    restarted = create_app(settings, clock=after_the_lease())
    async with serving(restarted):
        await eventually_async(lambda: restarted[INBOX].inbox.status_of("slack", "EvMidCall"), lambda s: s == "done")
    assert len(fake.calls_to("chat.postMessage")) == 1
    lookups = [c for c in fake.calls_to("conversations.replies") if c.get("include_all_metadata")]
    assert lookups and lookups[-1]["ts"] == ROOT_TS


async def test_a_teams_reply_made_before_a_crash_is_not_sent_again(bot_connector, make_settings, database_url):
    fake, service_url = bot_connector
    settings = make_settings(database_url=database_url, inbox_poll_seconds=0.2)
    activity = personal_message(service_url, "help")
    crashed = create_app(settings)
    crashed[INBOX].inbox.done = _never
    async with serving(crashed) as url:
        assert (await post_activity(url, activity))[0] == 202
        await crashed[INBOX].drain()
    assert len(fake.sent_to(PERSONAL_CHAT_ID)) == 1

    restarted = create_app(settings, clock=after_the_lease())
    async with serving(restarted):
        await eventually_async(lambda: restarted[INBOX].inbox.status_of("teams", inbox_key(activity)),
                               lambda s: s == "done")
    assert len(fake.sent_to(PERSONAL_CHAT_ID)) == 1


# ---- failures inside the router are retried ---------------------------------------------------------


def two_actions_router(first, second) -> Router:
    """A mention answered with two actions, in order (a skill's reply, then a private note)."""
    router = Router()

    async def answer(event, context):
        where = event.message.conversation
        return [first(where, event), second(where, event)]

    router.on(Mentioned, answer)
    return router


def public_reply(where, event):
    return Reply(conversation=where, text="Here is the summary.")


def private_note(where, event):
    return NotifyPrivately(user=event.message.author, conversation=where, text="Only you see this.")


async def test_a_reply_slack_fails_once_is_retried_and_arrives_once(slack_api, make_settings, database_url):
    fake, api_url = slack_api
    fake.failing["chat.postMessage"] = 1  # an HTTP 500: nothing was posted
    clock = Clock(datetime.now(timezone.utc))
    app = create_app(slack_settings(make_settings, api_url, database_url), clock=clock)
    async with serving(app) as url:
        assert (await post_signed(url, event_body(mention("help"), event_id="EvFlaky")))[0] == 200
        await app[INBOX].drain()
        assert await app[INBOX].inbox.status_of("slack", "EvFlaky") == "pending"
        assert successful_posts(fake) == []
        clock.now += backoff(1)
        assert await app[INBOX].run_due() == 1
        assert await app[INBOX].inbox.status_of("slack", "EvFlaky") == "done"
    assert len(successful_posts(fake)) == 1 and len(fake.calls_to("chat.postMessage")) == 2


async def test_a_nudge_slack_fails_once_is_retried_and_arrives_once(slack_api, make_settings, database_url):
    """The nudge's claim is logged before the send; the retry must not read it as an earlier nudge and stay quiet."""
    fake, api_url = slack_api
    fake.failing["chat.postEphemeral"] = 1
    clock = Clock(datetime.now(timezone.utc))
    app = create_app(slack_settings(make_settings, api_url, database_url), clock=clock)
    long_post = {"type": "message", "user": "U3", "text": "x" * 1600, "ts": "1700002010.000100", "channel": "C0GENERAL"}
    async with serving(app) as url:
        assert (await post_signed(url, event_body(long_post, event_id="EvNudge")))[0] == 200
        await app[INBOX].drain()
        assert await app[INBOX].inbox.status_of("slack", "EvNudge") == "pending"
        clock.now += backoff(1)
        assert await app[INBOX].run_due() == 1
        assert await app[INBOX].inbox.status_of("slack", "EvNudge") == "done"
    assert [n["user"] for n in fake.calls_to("chat.postEphemeral")] == ["U3", "U3"]  # the failed call, then the nudge


async def test_a_reply_rate_limited_past_the_clients_own_retries_is_retried_by_the_inbox(slack_bot):
    fake, url, app = slack_bot
    fake.rate_limited["chat.postMessage"] = 3  # the Web API client retries twice itself, then gives up
    assert (await post_signed(url, event_body(mention("help"), event_id="EvLimited")))[0] == 200
    await app[INBOX].drain()
    assert await app[INBOX].inbox.status_of("slack", "EvLimited") == "pending"
    app[INBOX].clock = Clock(datetime.now(timezone.utc) + backoff(1))
    assert await app[INBOX].run_due() == 1
    assert len(successful_posts(fake)) == 1 and len(fake.calls_to("chat.postMessage")) == 4


async def test_actions_done_before_a_failure_are_not_repeated_by_the_retry(slack_api, make_settings, database_url):
    fake, api_url = slack_api
    fake.failing["chat.postEphemeral"] = 1
    clock = Clock(datetime.now(timezone.utc))
    app = create_app(slack_settings(make_settings, api_url, database_url),
                     two_actions_router(public_reply, private_note), clock=clock)
    async with serving(app) as url:
        assert (await post_signed(url, event_body(mention("summarize"), event_id="EvHalf")))[0] == 200
        await app[INBOX].drain()
        assert await app[INBOX].inbox.status_of("slack", "EvHalf") == "pending"
        clock.now += backoff(1)
        assert await app[INBOX].run_due() == 1
        assert await app[INBOX].inbox.status_of("slack", "EvHalf") == "done"
    assert len(fake.calls_to("chat.postMessage")) == 1  # the reply that had gone out is not repeated
    assert len(fake.calls_to("chat.postEphemeral")) == 2  # the note that failed is sent on the retry


async def test_an_action_refused_for_good_is_not_retried_and_the_others_go_on(slack_api, make_settings, sqlite_url):
    fake, api_url = slack_api
    fake.refused["chat.postEphemeral"] = "user_not_in_channel"
    app = create_app(slack_settings(make_settings, api_url, sqlite_url), two_actions_router(private_note, public_reply))
    async with serving(app) as url:
        assert (await post_signed(url, event_body(mention("summarize"), event_id="EvRefused")))[0] == 200
        await app[INBOX].drain()
        assert await app[INBOX].inbox.status_of("slack", "EvRefused") == "done"
    assert len(fake.calls_to("chat.postEphemeral")) == 1 and len(successful_posts(fake)) == 1


async def test_a_post_that_keeps_failing_is_parked_with_a_log_line_and_a_metric(slack_bot, caplog):
    fake, url, app = slack_bot
    fake.failing["chat.postMessage"] = MAX_ATTEMPTS
    before = parked_count("slack")
    with caplog.at_level(logging.WARNING):
        assert (await post_signed(url, event_body(mention("help"), event_id="EvDown")))[0] == 200
        await app[INBOX].drain()
        now = datetime.now(timezone.utc)
        for attempt in range(2, MAX_ATTEMPTS + 1):
            now += backoff(attempt - 1)
            app[INBOX].clock = Clock(now)
            assert await app[INBOX].run_due() == 1
    assert await app[INBOX].inbox.status_of("slack", "EvDown") == "parked"
    assert parked_count("slack") == before + 1
    assert any("parked" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
    assert successful_posts(fake) == [] and len(fake.calls_to("chat.postMessage")) == MAX_ATTEMPTS


async def test_a_teams_reply_the_connector_fails_once_is_retried_and_sent_once(bot_connector, make_settings,
                                                                              database_url):
    fake, service_url = bot_connector
    fake.busy = [500]  # not one of the statuses the adapter retries itself
    clock = Clock(datetime.now(timezone.utc))
    app = create_app(make_settings(database_url=database_url), clock=clock)
    activity = personal_message(service_url, "help")
    async with serving(app) as url:
        assert (await post_activity(url, activity))[0] == 202
        await app[INBOX].drain()
        assert await app[INBOX].inbox.status_of("teams", inbox_key(activity)) == "pending"
        assert fake.sent_to(PERSONAL_CHAT_ID) == []
        clock.now += backoff(1)
        assert await app[INBOX].run_due() == 1
    assert len(fake.sent_to(PERSONAL_CHAT_ID)) == 1 and fake.refused == [500]
    assert "what I can do" in fake.sent_to(PERSONAL_CHAT_ID)[0].text


async def test_reruns_skip_what_was_done_redo_what_failed_and_ask_the_platform_only_after_a_crash(store):
    """Run 1 posts one, fails on two; run 2 skips one, posts two, dies right after posting three; run 3 finds
    three by its key. Each message goes out once, and the platform is asked only about three."""
    platform = MemoryPlatform()
    lookups: list[str] = []
    find = platform.find_delivered

    async def counted(conversation, key, since):
        lookups.append(key)
        return await find(conversation, key, since)

    platform.find_delivered = counted
    deliveries = Deliveries(store.engine)
    where = Conversation("slack", "T1", "C1")
    one, two, three = (Post(where, text) for text in ("one", "two", "three"))

    def run(attempts: int) -> ExactlyOnce:
        return ExactlyOnce(platform, item_run(deliveries, "slack", "EvRuns", attempts, T0, lambda: T0))

    first = run(1)
    await first.perform(one)
    platform.fail_next = 1
    with pytest.raises(ActionFailed):
        await first.perform(two)

    second = run(2)
    assert await second.perform(one) == "m1"  # done before: not posted again
    await second.perform(two)
    platform.crash_after_send = True
    with pytest.raises(SystemExit):  # posted, then the process is gone before recording it
        await second.perform(three)
    platform.crash_after_send = False
    assert lookups == []  # run 1 stopped at a recorded failure: nothing of it needed asking about

    third = run(3)
    for action in (one, two, three):
        await third.perform(action)
    assert [a.text for a in platform.performed] == ["one", "two", "three"]
    assert len(lookups) == 1 and lookups[0].endswith(".3")


async def test_a_rerun_record_replaces_the_earlier_one_in_a_single_statement(store):
    """`done` after `dropped` for the same key: one upsert each (no INSERT that fails, then an UPDATE in a second
    transaction), and the later record wins."""
    deliveries = Deliveries(store.engine)
    writes: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            writes.append(statement)

    event.listen(store.engine.sync_engine, "before_cursor_execute", seen)
    try:
        await deliveries.record("item.1", "dropped", None, T0)
        await deliveries.record("item.1", "done", "m1", T0 + timedelta(seconds=1))
    finally:
        event.remove(store.engine.sync_engine, "before_cursor_execute", seen)
    assert len(writes) == 2 and all("ON CONFLICT" in w.upper() for w in writes)
    assert await deliveries.of_item("item") == {"item.1": ("done", "m1")}


async def test_slack_posts_carry_the_delivery_event_type_and_posts_under_the_old_name_are_still_found(slack_api):
    """Our posts name their metadata `etiquette_message_delivered`; messages Slack already keeps carry the old
    `etiquette_scheduled_delivery` and are found too. Another app's metadata with the same key is not ours."""
    from adapters.slack.app import web_client
    from adapters.slack.platform import SlackPlatform

    fake, api_url = slack_api
    slack = SlackPlatform(web_client("xoxb-test", api_url))
    where = Conversation("slack", "T1", "C1")
    since = datetime.now(timezone.utc) - timedelta(minutes=1)
    posted_ts = await slack.perform(Post(where, "posted now", delivery_key="key-new"))
    assert fake.posted[posted_ts]["metadata"]["event_type"] == "etiquette_message_delivered"

    def stored(ts: str, event_type: str, key: str) -> dict:
        return {"type": "message", "user": "UOTHER", "text": "…", "ts": ts,
                "metadata": {"event_type": event_type, "event_payload": {"delivery_key": key}}}

    earlier = f"{since.timestamp() + 1:.6f}"
    fake.history["C1"].insert(0, stored(earlier, "etiquette_scheduled_delivery", "key-old"))
    fake.history["C1"].append(stored(f"{since.timestamp() + 2:.6f}", "someone_elses_event", "key-foreign"))
    assert await slack.find_delivered(where, "key-new", since) == posted_ts
    assert await slack.find_delivered(where, "key-old", since) == earlier
    assert await slack.find_delivered(where, "key-foreign", since) is None
