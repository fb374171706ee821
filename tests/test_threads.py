"""Reply detection, nudges, cooldown and the `etiquette analyze --json` contract (no network, no store)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner

from bot.cli import app
from bot.model import User, WorkingHours
from skills.threads.cooldown import NudgeLogEntry, allowed_nudges
from skills.threads.links import ChannelMessage, default_model, reply_links
from skills.threads.nudges import (
    BROADCAST_AFTER_HOURS,
    HELLO_ONLY,
    LONG_MESSAGE,
    REPLY_OUTSIDE_THREAD,
    Nudge,
    broadcast_after_hours_nudges,
    hello_only_nudges,
    is_hello_only,
    long_message_nudges,
    reply_outside_thread_nudges,
)

T0 = 1_764_000_000  # 2025-11-24 16:00 UTC, a Monday


def msg(offset: float, user: str, text: str, thread_ts: str | None = None) -> ChannelMessage:
    return ChannelMessage(ts=f"{T0 + offset:.6f}", user=user, text=text, thread_ts=thread_ts)


def by_ts(messages):
    return {link.ts: link for link in reply_links(messages)}


# ---- reply links ------------------------------------------------------------------------------

def test_answer_mentioning_the_asker_links_to_the_question():
    channel = [
        msg(0, "UALICE", "How do I rotate the staging database password without downtime?"),
        msg(40, "UBOB", "lunch is here, grab it from the kitchen"),
        msg(70, "UDAN", "deploy of the billing service finished"),
        msg(90, "UCAROL", "<@UALICE> rotate the staging database password with the vault job, no downtime"),
    ]
    link = by_ts(channel)[channel[3].ts]
    assert link.parent_ts == channel[0].ts
    assert 0.0 <= link.score <= 1.0
    nudges = reply_outside_thread_nudges(channel, reply_links(channel), threshold=0.5)
    assert [(n.ts, n.kind, n.parent_ts) for n in nudges] == [(channel[3].ts, REPLY_OUTSIDE_THREAD, channel[0].ts)]


def test_new_topic_starts_a_conversation_and_gets_no_reply_nudge():
    channel = [
        msg(0, "UALICE", "How do I rotate the staging database password?"),
        msg(60, "UCAROL", "<@UALICE> use the vault job for the staging password"),
        msg(3 * 3600, "UERIN", "Reminder: the office is closed on Friday for the holiday."),
    ]
    links = reply_links(channel)
    assert links[0].parent_ts is None
    assert links[2].parent_ts is None
    assert all(n.ts != channel[2].ts for n in reply_outside_thread_nudges(channel, links, threshold=0.0))


def test_first_message_starts_a_conversation_with_certainty():
    [link] = reply_links([msg(0, "UALICE", "anyone around?")])
    assert link.parent_ts is None and link.score == 1.0


def test_thread_replies_link_to_their_parent_with_score_one_and_are_never_nudged():
    root = msg(0, "UALICE", "Which region should the new cluster go in?")
    reply = msg(30, "UBOB", "eu-west-1, close to the customers", thread_ts=root.ts)
    links = reply_links([root, reply])
    assert links[1].as_json() == {"ts": reply.ts, "parent_ts": root.ts, "score": 1.0}
    assert reply_outside_thread_nudges([root, reply], links, threshold=0.0) == []


def test_carrying_on_your_own_message_is_not_a_reply_nudge():
    channel = [
        msg(0, "UALICE", "The build is failing on main since this morning"),
        msg(10, "UALICE", "and the failing test is the payment webhook one"),
    ]
    assert reply_outside_thread_nudges(channel, reply_links(channel), threshold=0.0) == []


def test_nudge_threshold_is_a_probability_chosen_for_precision():
    assert 0.5 <= default_model().nudge_threshold < 1.0


# ---- hello-only and long messages ---------------------------------------------------------------

def test_hello_only_phrases():
    for text in ("hi", "Hey <@U123>", "hey @ken", "quick question", "Good morning team :wave:", "hi there!", "you around?"):
        assert is_hello_only(text), text
    for text in ("hi, the build on main is red since 9am", "hey can you review PR 42?", "thanks!", ""):
        assert not is_hello_only(text), text


def test_hello_only_without_follow_up_is_nudged():
    channel = [msg(0, "UALICE", "hey <@UBOB>"), msg(61, "UALICE", "are the release notes ready?")]
    nudges = hello_only_nudges(channel)
    assert [(n.ts, n.kind, n.user) for n in nudges] == [(channel[0].ts, HELLO_ONLY, "UALICE")]
    assert nudges[0].text.endswith(".") and nudges[0].text.count(". ") == 0


def test_hello_only_with_follow_up_within_60_seconds_is_not_nudged():
    channel = [msg(0, "UALICE", "hi"), msg(20, "UBOB", "hello"), msg(45, "UALICE", "is the VPN down for anyone else?")]
    assert [n.user for n in hello_only_nudges(channel)] == ["UBOB"]  # Bob said hello and nothing more


def test_hello_only_too_recent_to_judge_waits():
    channel = [msg(0, "UALICE", "quick question")]
    assert hello_only_nudges(channel, now=T0 + 30) == []
    assert len(hello_only_nudges(channel, now=T0 + 90)) == 1


def test_long_message_threshold_is_configurable_and_skips_threads():
    long_text = "word " * 320  # 1,600 characters
    channel = [msg(0, "UALICE", long_text), msg(5, "UBOB", "short"), msg(9, "UCAROL", long_text, thread_ts=f"{T0:.6f}")]
    assert [(n.ts, n.kind) for n in long_message_nudges(channel)] == [(channel[0].ts, LONG_MESSAGE)]
    assert long_message_nudges(channel, max_chars=2000) == []


def test_broadcast_after_hours_when_most_members_are_off():
    night = datetime(2025, 11, 24, 23, 30, tzinfo=timezone.utc).timestamp()  # Monday 23:30 UTC
    members = [User("UA", tz="Europe/Berlin"), User("UB", tz="Europe/London"), User("UC", tz="America/New_York"),
               User("UBOT", is_bot=True)]
    message = ChannelMessage(ts=f"{night:.6f}", user="UC", text="<!channel> deploy freeze starts now", broadcast=True)
    [nudge] = broadcast_after_hours_nudges([message], members)
    assert nudge.kind == BROADCAST_AFTER_HOURS
    noon = datetime(2025, 11, 25, 12, 0, tzinfo=timezone.utc).timestamp()
    day_message = ChannelMessage(ts=f"{noon:.6f}", user="UC", text="<!here> deploy freeze starts now", broadcast=True)
    assert broadcast_after_hours_nudges([day_message], members) == []
    night_shift = [User("UA", tz="UTC", working_hours=WorkingHours(start=datetime.min.time().replace(hour=22),
                                                                    end=datetime.min.time().replace(hour=6)))]
    assert broadcast_after_hours_nudges([message], night_shift) == []


# ---- cooldown and opt-out ---------------------------------------------------------------------

def nudge(user: str, kind: str, at: datetime) -> Nudge:
    return Nudge(ts=f"{at.timestamp():.6f}", user=user, kind=kind, text="x")


def test_cooldown_one_per_user_per_kind_per_day():
    now = datetime(2025, 11, 24, 12, tzinfo=timezone.utc)
    log = [NudgeLogEntry("UALICE", HELLO_ONLY, now - timedelta(hours=3))]
    batch = [
        nudge("UALICE", HELLO_ONLY, now),                          # within a day of the logged one
        nudge("UALICE", LONG_MESSAGE, now),                        # other kind: allowed
        nudge("UBOB", HELLO_ONLY, now),                            # other user: allowed
        nudge("UBOB", HELLO_ONLY, now + timedelta(hours=1)),       # second for Bob today: held back
        nudge("UALICE", HELLO_ONLY, now + timedelta(hours=22)),    # 25 h after the logged one: allowed
    ]
    kept = allowed_nudges(batch, log)
    assert [(n.user, n.kind, n.at) for n in kept] == [
        ("UALICE", LONG_MESSAGE, now), ("UBOB", HELLO_ONLY, now),
        ("UALICE", HELLO_ONLY, now + timedelta(hours=22)),
    ]
    assert len(allowed_nudges(batch, log, limit=5)) == 5


def test_opt_out_quiet_mode_and_disabled_kinds():
    now = datetime(2025, 11, 24, 12, tzinfo=timezone.utc)
    batch = [nudge("UALICE", HELLO_ONLY, now), nudge("UALICE", LONG_MESSAGE, now), nudge("UBOB", HELLO_ONLY, now)]
    assert [n.user for n in allowed_nudges(batch, [], opted_out=["UALICE"])] == ["UBOB"]
    assert [(n.user, n.kind) for n in allowed_nudges(batch, [], opted_out=[("UALICE", HELLO_ONLY)])] == [
        ("UALICE", LONG_MESSAGE), ("UBOB", HELLO_ONLY)]
    assert allowed_nudges(batch, [], quiet=True) == []
    assert [n.kind for n in allowed_nudges(batch, [], disabled_kinds=[HELLO_ONLY])] == [LONG_MESSAGE]


# ---- CLI contract ------------------------------------------------------------------------------

def test_analyze_json_contract(tmp_path):
    channel = [
        {"ts": f"{T0}.000100", "user": "UALICE", "text": "How do I rotate the staging database password?"},
        {"ts": f"{T0 + 30}.000100", "user": "UBOB", "text": "hi"},
        {"ts": f"{T0 + 60}.000100", "user": "UCAROL", "text": "<@UALICE> rotate the staging password with the vault job"},
        {"ts": f"{T0 + 70}.000100", "user": "UALICE", "text": "thanks!", "thread_ts": f"{T0}.000100"},
        {"ts": f"{T0 + 200}.000100", "user": "UDAN", "text": "x" * 1600},
    ]
    path = tmp_path / "channel.json"
    path.write_text(json.dumps({"messages": channel}))
    result = CliRunner().invoke(app, ["analyze", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"links", "nudges", "meeting_suggestions"}
    assert report["meeting_suggestions"] == []
    assert [link["ts"] for link in report["links"]] == [m["ts"] for m in channel]
    for link in report["links"]:
        assert set(link) == {"ts", "parent_ts", "score"} and 0.0 <= link["score"] <= 1.0
    assert report["links"][0]["parent_ts"] is None
    assert report["links"][3] == {"ts": channel[3]["ts"], "parent_ts": channel[0]["ts"], "score": 1.0}
    assert report["links"][2]["parent_ts"] == channel[0]["ts"]
    kinds = {(n["ts"], n["kind"]) for n in report["nudges"]}
    assert (channel[1]["ts"], HELLO_ONLY) in kinds
    assert (channel[4]["ts"], LONG_MESSAGE) in kinds
    assert all(set(n) == {"ts", "kind", "text"} for n in report["nudges"])

    path.write_text(json.dumps(channel))  # a bare list works too
    assert CliRunner().invoke(app, ["analyze", str(path), "--json"]).exit_code == 0


def test_analyze_bad_file_exits_2_with_a_clear_error(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["analyze", str(tmp_path / "nope.json"), "--json"])
    assert missing.exit_code == 2 and "cannot read" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = runner.invoke(app, ["analyze", str(broken), "--json"])
    assert result.exit_code == 2 and f"{broken}: not JSON" in result.stderr
    broken.write_text(json.dumps([{"user": "U1", "text": "no ts"}, {"ts": "1.0", "user": "U1", "text": "hi all"}]))
    result = runner.invoke(app, ["analyze", str(broken)])  # the bad message is skipped, the good one read
    assert result.exit_code == 3 and f"{broken}: message 0: no numeric \"ts\"" in result.stderr
    assert result.stdout.startswith("1 message from people")


def test_core_messages_and_nick_addressing_link_like_slack_mentions():
    from bot.model import Conversation, Message
    from skills.threads.links import from_message

    where = Conversation("teams", "tenant", "channel")
    start = datetime.fromtimestamp(T0, tz=timezone.utc)

    def core(seconds: int, user: str, text: str, mentions=()) -> Message:
        return Message(id=f"17640000{seconds:05d}", author=User(user, name=user), text=text,
                       sent_at=start + timedelta(seconds=seconds), conversation=where, mentions=mentions)

    teams = [from_message(m) for m in (
        core(0, "aad-alice", "Which VPN profile do contractors get on the new laptops?"),
        core(50, "aad-bob", "the coffee machine on floor 3 is fixed"),
        core(80, "aad-dan", "standup moved to 10:30 tomorrow"),
        core(95, "aad-carol", "<at>Alice</at> contractors get the restricted VPN profile", mentions=("aad-alice",)),
    )]
    assert reply_links(teams)[3].parent_ts == teams[0].ts

    irc = [
        msg(0, "alice", "how do I make grub wait longer at boot?"),
        msg(30, "bob", "anyone tried the new kernel on arm?"),
        msg(60, "dan", "bob: yes, it boots fine on my board"),
        msg(90, "carol", "alice: set GRUB_TIMEOUT in /etc/default/grub and run update-grub"),
    ]
    links = reply_links(irc)
    assert (links[2].parent_ts, links[3].parent_ts) == (irc[1].ts, irc[0].ts)


def test_long_channels_are_scored_in_blocks_with_the_same_answers():
    from skills.threads.links import link_choices

    topics = ["printer jams on floor two", "vpn drops every hour", "release notes for 4.2", "lunch order"]
    people = ["UA", "UB", "UC", "UD", "UE"]
    channel = []
    for k in range(400):  # a deterministic busy channel: people answering each other about four topics
        user, topic = people[k % 5], topics[(k // 3) % 4]
        to = people[(k + 2) % 5]
        channel.append(msg(20 * k, user, f"<@{to}> {topic} {'?' if k % 4 == 0 else 'works now'}"))
    whole, _ = link_choices(channel, default_model())
    blocked, _ = link_choices(channel, default_model(), block=64)
    assert len(blocked) == len(channel) and blocked.max() <= default_model().window
    assert (whole == blocked).mean() >= 0.95
