"""Store: migrations and the operations the adapters rely on, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.messages import Received
from bot.model import Conversation, Message, User
from bot.tables import metadata


async def test_migrations_create_exactly_the_declared_schema(store):
    def diff(connection):
        return compare_metadata(MigrationContext.configure(connection), metadata)

    async with store.engine.connect() as conn:
        differences = await conn.run_sync(diff)
        tables = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert differences == []
    assert set(metadata.tables) <= tables
    assert "alembic_version" in tables


async def test_migrating_twice_is_a_no_op(store):
    await store.migrate()
    await store.ping()


async def test_event_ids_are_first_seen_once(store):
    assert await store.first_time_seen("slack", "Ev1") is True
    assert await store.first_time_seen("slack", "Ev1") is False
    assert await store.first_time_seen("teams", "Ev1") is True


async def test_old_event_ids_are_forgotten(store):
    await store.first_time_seen("slack", "EvOld")
    removed = await store.forget_events_before(datetime.now(timezone.utc) + timedelta(seconds=1))
    assert removed == 1
    assert await store.first_time_seen("slack", "EvOld") is True


async def test_conversation_reference_round_trip_and_overwrite(store):
    await store.save_conversation_ref("teams", "tenant", "19:a", {"serviceUrl": "https://one"})
    await store.save_conversation_ref("teams", "tenant", "19:a", {"serviceUrl": "https://two"})
    assert await store.conversation_ref("teams", "tenant", "19:a") == {"serviceUrl": "https://two"}
    assert await store.conversation_ref("teams", "other-tenant", "19:a") is None


async def test_messages_in_thread_are_ordered_deduplicated_and_scoped(store):
    where = Conversation("teams", "tenant", "19:chan", "root")
    base = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    for i, (author, text) in enumerate([("u1", "first"), ("u2", "second"), ("u1", "third")]):
        message = Message(str(i), User(author, author.upper()), text, base + timedelta(minutes=i), where)
        await store.messages.write(Received(message))
    await store.messages.write(Received(Message("1", User("u2"), "second", base, where)))  # redelivery
    other_tenant = Conversation("teams", "tenant-b", "19:chan", "root")
    await store.messages.write(Received(Message("9", User("x"), "secret", base, other_tenant)))

    messages = (await store.messages.thread(where)).messages
    assert [m.text for m in messages] == ["first", "second", "third"]
    assert messages[0].author.name == "U1" and messages[0].sent_at == base


async def test_channel_roots_count_the_replies_seen_in_each_chain(store):
    channel = Conversation("teams", "tenant", "19:chan")
    base = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    for i, (message_id, thread_id) in enumerate([("r1", "r1"), ("a", "r1"), ("b", "r1"), ("r2", "r2")]):
        where = channel.in_thread(thread_id)
        await store.messages.write(Received(Message(message_id, User("u1"), "text", base + timedelta(minutes=i),
                                                    where)))
    other = Conversation("teams", "tenant-b", "19:chan").in_thread("r1")  # same ids, another tenant
    await store.messages.write(Received(Message("c", User("x"), "secret", base, other)))
    roots = await store.messages.channel_roots(channel, base - timedelta(days=1))
    assert [(m.id, m.reply_count) for m in roots] == [("r1", 2), ("r2", 0)]


async def test_a_chain_whose_root_the_bot_never_saw_counts_from_its_first_message(store):
    """Without resource-specific consent only mentions arrive; some clients also id a root apart from its chain."""
    chain = Conversation("teams", "tenant", "19:chan").in_thread("1700000000000")
    base = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    for i, (message_id, text) in enumerate([("guid-a", "Should we move it?"), ("guid-b", "Yes, Friday")]):
        await store.messages.write(Received(Message(message_id, User("u1"), text, base + timedelta(minutes=i),
                                                    chain)))
    [root] = await store.messages.channel_roots(Conversation("teams", "tenant", "19:chan"), base - timedelta(days=1))
    assert (root.id, root.text, root.reply_count) == ("1700000000000", "Should we move it?", 1)
    assert root.conversation.thread_id == "1700000000000"
    # The thread read for a summary or a digest agrees: its first message stands for the root, once.
    assert [(m.id, m.text) for m in (await store.messages.thread(chain)).messages] == [
        ("1700000000000", "Should we move it?"), ("guid-b", "Yes, Friday")]


async def test_settings_are_scoped_per_workspace(store):
    await store.set_setting("slack", "T1", "channel:C1", "quiet", True)
    await store.set_setting("slack", "T1", "channel:C1", "quiet", False)
    assert await store.get_setting("slack", "T1", "channel:C1", "quiet") is False
    assert await store.get_setting("slack", "T2", "channel:C1", "quiet", "unset") == "unset"


async def test_claim_nudge_keeps_one_per_period_and_races_end_in_silence(store):
    import asyncio

    where = Conversation("slack", "T1", "C1")
    day = timedelta(days=1)
    base = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    assert await store.claim_nudge(where, "U1", "long_message", "m1", base, period=day, limit=1)
    assert not await store.claim_nudge(where, "U1", "long_message", "m2", base + timedelta(hours=2), period=day, limit=1)
    assert await store.claim_nudge(where, "U1", "hello_only", "m3", base, period=day, limit=1)  # another kind
    assert await store.claim_nudge(where, "U1", "long_message", "m4", base + 2 * day, period=day, limit=1)
    assert [k for k, _ in await store.nudges_for("slack", "T1", "U1", base - day)].count("long_message") == 2
    # the same message's event run again (its nudge failed to send): its own claim holds and is not a reason to wait
    assert await store.claim_nudge(where, "U1", "long_message", "m4", base + 2 * day, period=day, limit=1)
    assert [k for k, _ in await store.nudges_for("slack", "T1", "U1", base - day, besides="m4")].count("long_message") == 1

    racing = await asyncio.gather(*(
        store.claim_nudge(where, "U2", "long_message", f"r{i}", base, period=day, limit=1) for i in range(3)))
    assert sum(racing) <= 1


async def test_message_text_is_forgotten_after_the_retention_period(store):
    where = Conversation("teams", "tenant", "19:chan", "root")
    old, new = datetime(2026, 11, 1, tzinfo=timezone.utc), datetime(2026, 11, 24, tzinfo=timezone.utc)
    await store.messages.write(Received(Message("1", User("u1"), "old", old, where)))
    await store.messages.write(Received(Message("2", User("u1"), "new", new, where)))
    assert await store.messages.forget_before(datetime(2026, 11, 17, tzinfo=timezone.utc)) == 1
    assert [m.text for m in (await store.messages.thread(where)).messages] == ["new"]


async def test_settings_of_a_scope_come_back_together_and_scoped(store):
    await store.set_setting("slack", "T1", "user:U1", "no_nudge:long_message", True)
    await store.set_setting("slack", "T1", "user:U1", "no_nudge:hello_only", False)
    await store.set_setting("slack", "T1", "user:U2", "no_nudge:long_message", True)
    await store.set_setting("slack", "T2", "user:U1", "no_nudge:hello_only", True)
    assert await store.settings_of("slack", "T1", "user:U1") == {"no_nudge:long_message": True,
                                                                  "no_nudge:hello_only": False}
    assert await store.settings_of("slack", "T1", "user:U9") == {}


async def test_history_budget_spends_refills_and_honours_retry_after(store):
    from bot.budget import TIERS, HistoryBudget

    budget = HistoryBudget(store.engine, TIERS["limited"])
    t0 = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
    assert await budget.take("slack", "T1", "replies", t0) == 0  # one call a minute
    assert await budget.take("slack", "T1", "replies", t0 + timedelta(seconds=1)) == 59
    assert await budget.take("slack", "T1", "history", t0) == 0  # per method…
    assert await budget.take("slack", "T2", "replies", t0) == 0  # …and per workspace
    assert await budget.take("slack", "T1", "replies", t0 + timedelta(seconds=60)) == 0
    await budget.block("slack", "T1", "replies", t0 + timedelta(seconds=61), 300)  # Slack said 429, Retry-After 300
    assert await budget.take("slack", "T1", "replies", t0 + timedelta(seconds=200)) == 161
    assert await budget.take("slack", "T1", "replies", t0 + timedelta(seconds=361)) == 0  # then one call
    assert await budget.take("slack", "T1", "replies", t0 + timedelta(seconds=362)) > 0


async def test_message_store_applies_changes_in_order_and_seals_text(database_url):
    import asyncio

    from cryptography.fernet import Fernet
    from sqlalchemy import select

    from bot.messages import Deleted, Edited, Reacted
    from bot.store import Store
    from bot.tables import messages

    store = Store.connect(database_url, Fernet.generate_key().decode())
    await store.migrate()
    try:
        where = Conversation("slack", "T1", "C1", "1.0")
        at = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
        root = Message("1.0", User("U1"), "Plan: ship Friday", at, where)
        reply = Message("2.0", User("U2"), "ok", at + timedelta(minutes=1), where)
        # One burst of changes from concurrent events: one commit, applied in arrival order.
        await asyncio.gather(
            store.messages.write(Received(root)), store.messages.write(Received(reply)),
            store.messages.write(Edited(Message("1.0", User("U1"), "Plan: ship Monday", at, where), at)),
            store.messages.write(Reacted(where, "1.0", "+1", 1), Reacted(where, "1.0", "+1", 1)),
            store.messages.write(Reacted(where, "1.0", "+1", -1), Deleted(where, "2.0")))
        thread = await store.messages.thread(where)
        assert [(m.text, m.reactions) for m in thread.messages] == [("Plan: ship Monday", (("+1", 1),))]
        assert thread.whole
        async with store.engine.connect() as conn:
            raw = (await conn.execute(select(messages.c.text))).scalar_one()
        assert "Monday" not in raw
        assert await store.messages.forget_channel(Conversation("slack", "T1", "C1")) == 1
        assert await store.messages.count(Conversation("slack", "T1", "C1")) == 0
    finally:
        await store.close()
