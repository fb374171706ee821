"""The durable inbox: stored before the ack, done at least once, retried with backoff, parked, taken over after a crash."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import event

import bot.inbox
from adapters.app import create_app
from adapters.teams.bot import inbox_key
from bot.app import INBOX
from bot.group_commit import GroupCommit
from bot.inbox import LEASE, MAX_ATTEMPTS, Inbox, InboxItem, InboxWorkers, backoff
from tests.conftest import SIGNING_SECRET
from tests.fakes.bot_connector import PERSONAL_CHAT_ID, personal_message, post_activity
from tests.fakes.server import eventually, eventually_async, serving
from tests.fakes.slack_api import event_body
from tests.test_slack_e2e import ROOT_TS, mention, post_signed

T0 = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def parked_count(source: str) -> float:
    return REGISTRY.get_sample_value("etiquette_inbox_parked_total", {"source": source}) or 0.0


async def test_accepting_is_the_dedupe_and_done_drops_the_payload(store):
    inbox = Inbox(store, "w1")
    item = await inbox.accept("slack", "Ev1", "T1", {"body": {"text": "secret"}}, T0)
    assert item is not None and item.attempts == 1
    assert await inbox.accept("slack", "Ev1", "T1", {"body": {}}, T0) is None  # the retry
    assert await inbox.accept("teams", "Ev1", "T1", {}, T0) is not None  # another platform's id space
    ran: list[InboxItem] = []

    async def handler(it: InboxItem) -> None:
        ran.append(it)

    workers = InboxWorkers(inbox, Clock())
    workers.handle("slack", handler)
    await workers.run(item)
    await workers.flush()
    assert ran == [item] and await inbox.status_of("slack", "Ev1") == "done"
    async with store.engine.connect() as conn:
        from sqlalchemy import select

        from bot.tables import inbox as table
        payload = (await conn.execute(select(table.c.payload).where(table.c.event_key == "Ev1",
                                                                    table.c.source == "slack"))).scalar_one()
    assert payload is None
    assert await workers.run_due() == 0  # done is done


async def test_events_arriving_together_are_one_commit_and_a_retry_among_them_is_still_a_retry(store):
    inbox = Inbox(store, "w1")
    assert await inbox.accept("slack", "EvOld", "T1", {}, T0) is not None
    commits: list[int] = []
    event.listen(store.engine.sync_engine, "commit", lambda conn: commits.append(1))
    keys = ["EvA", "EvB", "EvA", "EvOld", "EvC"]  # EvA twice in the burst; EvOld stored before it
    accepted = await asyncio.gather(*(inbox.accept("slack", key, "T1", {"n": i}, T0) for i, key in enumerate(keys)))
    assert [item is not None for item in accepted] == [True, True, False, False, True]
    assert accepted[0].payload == {"n": 0}  # the first of the two is the one kept
    assert len(commits) == 1
    assert [await inbox.status_of("slack", key) for key in ("EvA", "EvB", "EvC")] == ["working"] * 3


@pytest.mark.parametrize("parallel", [1, 2])
async def test_with_two_flushers_the_next_burst_is_written_while_the_first_commits(parallel):
    written: list[list[str]] = []
    commit = asyncio.Event()

    async def flush(items: list[str]) -> None:
        written.append(items)
        await commit.wait()

    batches: GroupCommit[str, None] = GroupCommit(flush, parallel)
    first = asyncio.ensure_future(batches.submit(["a", "b"]))
    await asyncio.sleep(0)
    await asyncio.sleep(0)  # the first batch is being written
    later = [asyncio.ensure_future(batches.submit([item])) for item in ("c", "d")]
    for _ in range(5):
        await asyncio.sleep(0)
    assert written == ([["a", "b"], ["c", "d"]] if parallel == 2 else [["a", "b"]])
    assert not first.done()  # nobody hears "stored" before the commit
    commit.set()
    await asyncio.wait_for(asyncio.gather(first, *later), timeout=5)
    assert written == [["a", "b"], ["c", "d"]]
    if parallel > 1:
        with pytest.raises(ValueError):
            await batches.submit([])  # "what was queued is in" needs batches in order


async def test_a_retry_arriving_while_the_first_copy_is_being_written_is_still_a_retry(store):
    inbox = Inbox(store, "w1")  # on PostgreSQL the two copies go in two transactions at once
    first = asyncio.ensure_future(inbox.accept("slack", "EvTwice", "T1", {"n": 1}, T0))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    second = asyncio.ensure_future(inbox.accept("slack", "EvTwice", "T1", {"n": 2}, T0))
    accepted = [item for item in await asyncio.gather(first, second) if item is not None]
    assert len(accepted) == 1 and await inbox.status_of("slack", "EvTwice") == "working"


async def test_work_still_waiting_on_a_platform_hands_its_turn_to_the_next_item(store, monkeypatch):
    monkeypatch.setattr(bot.inbox, "TURN_SECONDS", 0.05)
    workers = InboxWorkers(Inbox(store, "w1"), Clock(), concurrency=1)
    platform_answers = asyncio.Event()
    order: list[str] = []

    async def slow() -> None:
        async with workers.turn():
            order.append("slow starts")
            await platform_answers.wait()
            order.append("slow ends")

    async def next_one() -> None:
        async with workers.turn():
            order.append("next runs")

    first = asyncio.create_task(slow())
    await asyncio.sleep(0)
    await asyncio.wait_for(next_one(), timeout=5)  # never waits for the slow one's platform
    platform_answers.set()
    await first
    assert order == ["slow starts", "next runs", "slow ends"]


async def test_a_failing_item_backs_off_then_is_parked_with_a_log_line_and_a_metric(store, caplog):
    clock = Clock()
    inbox = Inbox(store, "w1")
    workers = InboxWorkers(inbox, clock)
    calls: list[int] = []

    async def broken(item: InboxItem) -> None:
        calls.append(item.attempts)
        raise RuntimeError("platform down")

    workers.handle("slack", broken)
    item = await inbox.accept("slack", "EvBroken", "T1", {"body": {}}, clock())
    before = parked_count("slack")
    with caplog.at_level(logging.WARNING):
        await workers.run(item)
        assert await inbox.status_of("slack", "EvBroken") == "pending"
        assert await workers.run_due() == 0  # not before its backoff
        for attempt in range(2, MAX_ATTEMPTS + 1):
            clock.now += backoff(attempt - 1)
            assert await workers.run_due() == 1
    assert calls == list(range(1, MAX_ATTEMPTS + 1))
    assert await inbox.status_of("slack", "EvBroken") == "parked"
    assert parked_count("slack") == before + 1
    assert any("parked" in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)
    clock.now += timedelta(days=1)
    assert await workers.run_due() == 0  # parked stays parked (for a person to look at)
    assert await inbox.forget(done_before=clock.now, parked_before=clock.now) == 1


async def test_work_left_by_a_dead_process_is_taken_over_once_its_lease_runs_out(store):
    dead = Inbox(store, "dead-worker")
    await dead.accept("teams", "A1", "tenant", {"activity": {}}, T0)
    clock = Clock(T0 + LEASE - timedelta(seconds=1))
    alive = InboxWorkers(Inbox(store, "alive"), clock)
    ran: list[InboxItem] = []

    async def handler(it: InboxItem) -> None:
        ran.append(it)

    alive.handle("teams", handler)
    assert await alive.run_due() == 0  # maybe still working
    clock.now = T0 + LEASE + timedelta(seconds=1)
    other = InboxWorkers(Inbox(store, "other-replica"), clock)
    other.handle("teams", handler)
    assert await alive.run_due() == 1
    assert await other.run_due() == 0  # claimed once, across replicas
    assert [(it.key, it.attempts) for it in ran] == [("A1", 2)]
    assert await alive.inbox.status_of("teams", "A1") == "done"


async def test_slack_event_acked_then_crashed_is_done_once_by_the_next_process(slack_api, make_settings):
    fake, api_url = slack_api
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, inbox_poll_seconds=0.2)
    body = event_body(mention("help"), event_id="EvCrash")
    crashed = create_app(settings)
    crashed[INBOX].start = lambda item: None  # the process dies right after its answer
    async with serving(crashed) as url:
        assert (await post_signed(url, body))[0] == 200
        assert await crashed[INBOX].inbox.status_of("slack", "EvCrash") == "working"
    assert fake.calls_to("chat.postMessage") == []

    later = Clock(datetime.now(timezone.utc) + LEASE + timedelta(seconds=5))
    restarted = create_app(settings, clock=later)
    async with serving(restarted) as url:
        posts = await eventually(lambda: fake.calls_to("chat.postMessage"))
        assert posts[0]["thread_ts"] == ROOT_TS
        # Slack's own retry of that event, arriving now, is recognised and does nothing more.
        assert (await post_signed(url, body, **{"X-Slack-Retry-Num": "1"}))[0] == 200
        await restarted[INBOX].drain()
        await eventually_async(lambda: restarted[INBOX].inbox.status_of("slack", "EvCrash"), lambda s: s == "done")
    assert len(fake.calls_to("chat.postMessage")) == 1


async def test_teams_activity_acked_then_crashed_is_done_once_by_the_next_process(bot_connector, make_settings):
    fake, service_url = bot_connector
    settings = make_settings(inbox_poll_seconds=0.2)
    activity = personal_message(service_url, "help")
    crashed = create_app(settings)
    crashed[INBOX].run = _never_runs  # the process dies right after its 202
    async with serving(crashed) as url:
        assert (await post_activity(url, activity))[0] == 202
    assert fake.sent == []

    restarted = create_app(settings, clock=Clock(datetime.now(timezone.utc) + LEASE + timedelta(seconds=5)))
    async with serving(restarted) as url:
        sent = await eventually(lambda: fake.sent_to(PERSONAL_CHAT_ID))
        assert "what I can do" in sent[0].text
        assert (await post_activity(url, activity))[0] == 202  # the Bot Connector's redelivery
        await restarted[INBOX].drain()
        await eventually_async(lambda: restarted[INBOX].inbox.status_of("teams", inbox_key(activity)),
                               lambda s: s == "done")
    assert len(fake.sent_to(PERSONAL_CHAT_ID)) == 1


async def _never_runs(item: InboxItem) -> None:
    return None


async def test_a_teams_activity_without_an_id_is_accepted_once_per_body(teams_bot):
    _, service_url, url, app = teams_bot
    activity = personal_message(service_url, "help")
    del activity["id"]
    assert (await post_activity(url, activity))[0] == 202
    assert await app[INBOX].inbox.status_of("teams", inbox_key(activity)) in ("working", "done")
