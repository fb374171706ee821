"""skills.meetings: discussion scores and reasons, slots in everyone's working hours, status-update meetings."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.model import Conversation, Message, User, WorkingHours
from skills.later.hours import is_working_time
from skills.meetings import (
    SUGGEST_THRESHOLD,
    meeting_suggestions,
    propose_slots,
    score_discussion,
    status_update_meeting,
)

WHERE = Conversation("slack", "T1", "C1", thread_id="1000.0")
START = datetime(2026, 11, 24, 14, 0, tzinfo=timezone.utc)  # Tuesday
ANA, BOB, CHO = User("U1", "Ana"), User("U2", "Bob"), User("U3", "Cho")

HEATED = [  # (minutes after START, author, text): 12 messages in 20 minutes between 3 people, arguing
    (0, ANA, "We should move the sessions table to Postgres this sprint."),
    (1, BOB, "I don't think that's a good idea, the migration is risky."),
    (3, ANA, "But SQLite is already the bottleneck, look at the p99."),
    (4, CHO, "No, the p99 is from the cache misses, not SQLite."),
    (6, BOB, "I disagree, the cache is fine. Why not just add an index?"),
    (7, ANA, "An index won't fix the write lock, we have tried that before and it did not help at all."),
    (9, CHO, "Why not just add an index on user_id first and measure before we decide anything?"),
    (11, BOB, "That doesn't work either because the lock is table-wide, but I'm not sure Postgres is the answer "
              "given how much we would have to change in the deployment and the backups."),
    (13, ANA, "I don't think we can keep patching this; every week it's another incident and another "
              "workaround that nobody remembers and nobody documents anywhere at all."),
    (15, CHO, "No, patching is cheaper than a migration in the middle of the quarter, and I'd rather not "
              "touch the storage layer while half the team is out."),
    (17, BOB, "But then who owns the incidents? I'm not going to be on call for a design we know is broken "
              "and that we keep arguing about in this thread every single week."),
    (20, ANA, "Not sure we are converging here. Can we at least agree on what we measure first, and "
              "compare the numbers before anyone writes more code on either side of this?"),
]
CALM = [
    (0, ANA, "Is the deploy done?"),
    (5, BOB, "Yes, finished a minute ago."),
    (7, ANA, "Thanks!"),
]


def thread(lines, start=START) -> list[Message]:
    return [Message(f"{1000 + k}.0", who, text, start + timedelta(minutes=minute), WHERE)
            for k, (minute, who, text) in enumerate(lines)]


def test_heated_thread_scores_above_threshold_with_reasons():
    messages = thread(HEATED)
    result = score_discussion(messages, now=messages[-1].sent_at)
    assert result.suggest and result.score >= SUGGEST_THRESHOLD
    assert 0 < result.score <= 1
    assert [p.id for p in result.participants] == ["U1", "U2", "U3"]
    assert result.reasons[0] == "12 replies in 20 minutes between 3 people"
    assert any(r.startswith("disagreement: 'I don't think'") for r in result.reasons)
    assert 2 <= len(result.reasons) <= 3


def test_calm_short_thread_does_not_fire():
    messages = thread(CALM)
    result = score_discussion(messages, now=messages[-1].sent_at)
    assert not result.suggest and result.score == 0.0 and result.reasons == ()


def test_fast_friendly_exchange_alone_stays_below_threshold():
    lines = [(k, (ANA, BOB)[k % 2], f"Nice, the build {k} is green and the release notes look good.")
             for k in range(12)]
    messages = thread(lines)
    result = score_discussion(messages, now=messages[-1].sent_at)
    assert result.signals["back_and_forth"] == 1.0
    assert not result.suggest


def test_multi_day_thread_without_decision_and_repeated_question():
    day = timedelta(days=1)
    lines = [
        (0, ANA, "Which vendor do we pick for the SMS provider?"),
        (60, BOB, "I don't think Twilio is cheap enough, but it works."),
        (24 * 60, CHO, "Which vendor do we pick for SMS then?"),
        (24 * 60 + 30, BOB, "No idea, not my call, but not Twilio."),
        (48 * 60, ANA, "So which SMS vendor do we pick? Still no answer."),
        (48 * 60 + 10, CHO, "I don't know, I'm not sure anyone has the numbers."),
    ]
    messages = thread(lines)
    result = score_discussion(messages, now=messages[-1].sent_at + day / 4)
    assert result.suggest
    assert "alive for 3 days without a decision" in result.reasons
    assert any(r.startswith("the same question came up 3 times") for r in result.reasons)


def test_a_decision_ends_the_multi_day_signal_and_a_quiet_thread_scores_zero():
    lines = [(k * 24 * 60, (ANA, BOB)[k % 2], "not sure, but fine") for k in range(5)]
    lines.append((5 * 24 * 60, ANA, "Decided: we go with option B."))
    messages = thread(lines)
    assert score_discussion(messages, now=messages[-1].sent_at).signals["multi_day"] == 0.0
    heated = thread(HEATED)
    quiet = score_discussion(heated, now=heated[-1].sent_at + timedelta(days=5))
    assert quiet.score == 0.0 and quiet.reasons == ("quiet for 5 days",)


def test_score_needs_aware_now():
    with pytest.raises(ValueError):
        score_discussion(thread(HEATED), now=datetime(2026, 11, 24, 15, 0))


# ---- slots -------------------------------------------------------------------------------------

BERLIN = User("UB", "Berta", tz="Europe/Berlin")
NEW_YORK = User("UN", "Ned", tz="America/New_York")
TOKYO = User("UT", "Tomo", tz="Asia/Tokyo")


def assert_inside_everyones_hours(slots, people):
    for slot in slots:
        for person in people:
            zone = ZoneInfo(person.tz or "UTC")
            assert is_working_time(slot.start, zone, person.working_hours), (slot.describe(), person)
            assert is_working_time(slot.end - timedelta(seconds=1), zone, person.working_hours)


def test_berlin_and_new_york_share_the_afternoon():
    now = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)  # Wednesday
    slots = propose_slots([BERLIN, NEW_YORK], now)
    assert len(slots) == 3 and slots.reason is None and slots.notes == []
    assert_inside_everyones_hours(slots, [BERLIN, NEW_YORK])
    # Winter: Berlin UTC+1, New York UTC-5 → overlap 14:00–16:00 UTC, on Wednesday and Thursday.
    assert [s.start.isoformat() for s in slots] == [
        "2026-11-25T14:00:00+00:00", "2026-11-25T14:30:00+00:00", "2026-11-26T14:00:00+00:00"]
    local = {t.person: t for t in slots[0].local_times()}
    assert local["Berta"].start.strftime("%H:%M %Z") == "15:00 CET"
    assert local["Ned"].start.strftime("%H:%M %Z") == "09:00 EST"
    assert "Berta: Wed 25 Nov 15:00–15:30 (Europe/Berlin)" in slots[0].describe()
    assert slots[0].as_json()["local"][1]["start"] == "2026-11-25T09:00:00-05:00"


def test_busy_calendars_move_the_slots_and_a_fully_booked_overlap_says_so():
    now = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)  # overlap 14:00–16:00 UTC Wednesday and Thursday
    utc = lambda day, hour, minute=0: datetime(2026, 11, day, hour, minute, tzinfo=timezone.utc)  # noqa: E731
    busy = [(utc(25, 13), utc(25, 15, 10)), (utc(26, 14), utc(26, 16))]  # Wed until 15:10, all of Thursday
    slots = propose_slots([BERLIN, NEW_YORK], now, busy=busy)
    assert [s.start.isoformat() for s in slots] == ["2026-11-25T15:15:00+00:00"]  # the only free half hour
    booked = propose_slots([BERLIN, NEW_YORK], now, busy=busy + [(utc(25, 15), utc(25, 16))])
    assert booked == [] and "booked in their calendars" in booked.reason


def test_dst_gap_between_europe_and_america_is_respected():
    # 2026-03-10: the US is already on daylight time (since 8 March), Berlin not until 29 March,
    # so the overlap is 13:00–16:00 UTC (Berlin 14:00–17:00, New York 09:00–12:00).
    now = datetime(2026, 3, 10, 6, 0, tzinfo=timezone.utc)
    slots = propose_slots([BERLIN, NEW_YORK], now, duration=timedelta(minutes=15), count=2)
    assert_inside_everyones_hours(slots, [BERLIN, NEW_YORK])
    assert [s.start.isoformat() for s in slots] == ["2026-03-10T13:00:00+00:00", "2026-03-11T13:00:00+00:00"]


def test_berlin_new_york_and_tokyo_have_no_overlap():
    now = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
    slots = propose_slots([BERLIN, NEW_YORK, TOKYO], now)
    assert slots == [] and "no 30-minute time inside the working hours of all of Berta, Ned, Tomo" in slots.reason


def test_early_berlin_and_tokyo_meet_in_tokyos_late_afternoon():
    early = User("UE", "Erik", tz="Europe/Berlin", working_hours=WorkingHours(time(8, 0), time(16, 0)))
    now = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)  # Wednesday, after Tokyo's day ended
    slots = propose_slots([early, TOKYO], now)
    assert_inside_everyones_hours(slots, [early, TOKYO])
    # Tokyo 16:00–17:00 = Berlin 08:00–09:00 = 07:00–08:00 UTC. Erik's next two working days are
    # Wednesday (now) and Thursday, Tokyo's Thursday and Friday: only Thursday is in both.
    assert [s.start.isoformat() for s in slots] == ["2026-11-26T07:00:00+00:00", "2026-11-26T07:30:00+00:00"]


def test_unknown_zone_is_utc_with_a_note():
    nobody = User("UX", "Xan")
    now = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
    slots = propose_slots([BERLIN, nobody], now, count=2)
    assert slots.notes == ["Xan has no time zone set; treated as UTC"]
    assert_inside_everyones_hours(slots, [BERLIN, nobody])
    assert slots[0].start.isoformat() == "2026-11-25T10:00:00+00:00"


# ---- status-update meetings -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Just a quick sync to share numbers at 3pm",
    "Call tomorrow so I can walk everyone through the metrics",
    "Weekly status update meeting, Thursday 10:00 — invite below",
])
def test_status_update_meetings_suggest_async(text):
    reason = status_update_meeting(text)
    assert isinstance(reason, str) and "written update" in reason


@pytest.mark.parametrize("text", [
    "Quick sync to decide between Postgres and MySQL",
    "Shared the numbers in the doc, comments welcome",
    "Can we brainstorm the Q3 plan on a call?",
])
def test_real_meetings_and_plain_updates_are_left_alone(text):
    assert status_update_meeting(text) is False


# ---- channel messages (for `etiquette analyze`) ----------------------------------------------------

def slack(lines, thread_ts=None, base=1_764_000_000):
    out = []
    for k, (minute, who, text) in enumerate(lines):
        ts = f"{base + minute * 60 + k}.000100"
        message = {"ts": ts, "user": who.id, "text": text}
        if thread_ts is not None or k:
            message["thread_ts"] = thread_ts or out[0]["ts"]
        out.append(message)
    return out


def test_meeting_suggestions_on_channel_messages():
    heated = slack(HEATED)
    calm = slack(CALM, base=1_764_100_000)
    burst = [{k: v for k, v in m.items() if k != "thread_ts"} for m in slack(HEATED, base=1_764_200_000)]
    noise = [{"ts": "1764300000.000100", "user": "U9", "subtype": "channel_join", "text": "joined"}]
    result = meeting_suggestions(calm + burst + heated + noise)
    assert [set(s) for s in result] == [
        {"thread_ts", "end_ts", "score", "reasons", "participants"},
        {"start_ts", "end_ts", "score", "reasons", "participants"},
    ]
    assert result[0]["thread_ts"] == heated[0]["ts"] and result[0]["end_ts"] == heated[-1]["ts"]
    assert result[1]["start_ts"] == burst[0]["ts"]
    assert result[0]["participants"] == ["U1", "U2", "U3"]
    assert all(s["score"] >= SUGGEST_THRESHOLD for s in result)


def test_analyze_reports_meeting_suggestions_for_a_heated_thread_only(tmp_path):
    import json as _json

    from click.testing import CliRunner

    from bot.cli import app as cli

    start = 1700000000
    heated = ["I don't think we should ship on Friday", "But the customer needs it, we promised",
              "No, that is not what we agreed, I disagree", "Why do we keep changing the plan?",
              "I don't agree, the tests are failing", "But we can fix the tests quickly, can't we?",
              "No we can't, that's not realistic", "Why not? I think it is fine", "I disagree, this is risky",
              "But risk is everywhere, why block?", "No, I don't think that's fair", "Can we decide today?"]
    messages = [{"ts": f"{start}.000100", "user": "U1", "text": "Release plan for Friday?"}]
    messages += [{"ts": f"{start + 60 * (i + 1)}.000100", "user": ("U1", "U2", "U3")[i % 3], "text": text,
                  "thread_ts": f"{start}.000100"} for i, text in enumerate(heated)]
    messages += [{"ts": f"{start + 5000}.000100", "user": "U4", "text": "Lunch is here"},
                 {"ts": f"{start + 5060}.000100", "user": "U5", "text": "Thanks!", "thread_ts": f"{start + 5000}.000100"}]
    path = tmp_path / "channel.json"
    path.write_text(_json.dumps(messages))
    result = CliRunner().invoke(cli, ["analyze", str(path), "--json"])
    assert result.exit_code == 0, result.output
    [suggestion] = _json.loads(result.stdout)["meeting_suggestions"]
    assert suggestion["thread_ts"] == f"{start}.000100" and 0.6 <= suggestion["score"] <= 1
    assert sorted(suggestion["participants"]) == ["U1", "U2", "U3"]
    assert any("disagree" in reason for reason in suggestion["reasons"])


async def test_a_top_level_debate_longer_than_the_window_read_is_offered_one_call(store):
    """Four hours of back-and-forth every five minutes: the history read (3 h) moves, the offer does not repeat."""
    from bot.actions import Reply
    from bot.config import Settings
    from bot.context import Context
    from bot.model import MessagePosted
    from skills.meetings.handler import handle_burst
    from tests.fakes.memory_platform import MemoryPlatform

    people = [User("U1", "Ana", tz="Europe/Berlin"), User("U2", "Ben", tz="Europe/Berlin")]
    lines = ["I don't think we should ship on Friday", "But the customer needs it, we promised",
             "No, that is not what we agreed, I disagree", "Why do we keep changing the plan?"]
    channel = Conversation("slack", "T1", "C1")
    platform = MemoryPlatform(users={p.id: p for p in people}, history={"C1": []})
    context = Context(platform=platform, store=store, settings=Settings(_env_file=None, meeting_rescore_seconds=0))
    start = datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)
    offers = []
    for i in range(48):
        message = Message(f"m{i}", people[i % 2], lines[i % 4], start + timedelta(minutes=5 * i), channel)
        platform.history["C1"].append(message)
        offers += await handle_burst(MessagePosted(message), context)
    [offer] = offers
    assert isinstance(offer, Reply) and offer.text.startswith("This back-and-forth")
