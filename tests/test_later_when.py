"""Time semantics of `/later` (skills.later): pure, table-driven, always with a fixed now."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.model import User, WorkingHours
from skills.later import (
    LaterPlan,
    UnknownZone,
    WhenError,
    channel_clock,
    channel_moment,
    deliver_at,
    in_both_zones,
    is_working_time,
    localize,
    next_working_window,
    parse_days,
    parse_hours,
    plan_later,
    split_later_text,
    to_iana,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
OFFICE = WorkingHours()  # Mon–Fri 09:00–17:00
# Wednesday 25 Nov 2026, 10:30 in Berlin: a working day, inside working hours.
WED_1030 = datetime(2026, 11, 25, 10, 30, tzinfo=BERLIN)
# The same Wednesday at 18:00: after working hours.
WED_1800 = datetime(2026, 11, 25, 18, 0, tzinfo=BERLIN)
# Friday 27 Nov 2026, 18:00: the weekend is next.
FRI_1800 = datetime(2026, 11, 27, 18, 0, tzinfo=BERLIN)


def at(text: str, tz: ZoneInfo = BERLIN) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=tz)


# (expression, now, expected local wall time in Berlin, kind)
BERLIN_CASES = [
    # empty / "when they're at work" / "their morning": now if inside hours, else next window
    ("", WED_1030, "2026-11-25T10:30", "window"),
    ("when they're at work", WED_1030, "2026-11-25T10:30", "window"),
    ("their morning", WED_1030, "2026-11-25T10:30", "window"),
    ("", WED_1800, "2026-11-26T09:00", "window"),
    ("when they're at work", WED_1800, "2026-11-26T09:00", "window"),
    ("their morning", WED_1800, "2026-11-26T09:00", "window"),
    ("during working hours", FRI_1800, "2026-11-30T09:00", "window"),
    ("", FRI_1800, "2026-11-30T09:00", "window"),
    ("", at("2026-11-25T07:15"), "2026-11-25T09:00", "window"),
    ("", at("2026-11-28T11:00"), "2026-11-30T09:00", "window"),  # Saturday
    # a date without a clock time: the start of working hours that day
    ("tomorrow", WED_1030, "2026-11-26T09:00", "date"),
    ("monday", WED_1030, "2026-11-30T09:00", "date"),
    ("mon", WED_1030, "2026-11-30T09:00", "date"),
    ("on monday", WED_1030, "2026-11-30T09:00", "date"),
    ("wednesday", WED_1030, "2026-12-02T09:00", "date"),  # today's weekday means next week's
    ("on the 3rd", WED_1030, "2026-12-03T09:00", "date"),
    ("the 1st", WED_1030, "2026-12-01T09:00", "date"),
    ("dec 3", WED_1030, "2026-12-03T09:00", "date"),
    ("3 december", WED_1030, "2026-12-03T09:00", "date"),
    ("nov 24", WED_1030, "2027-11-24T09:00", "date"),  # no year given: the next one
    ("2026-12-02", WED_1030, "2026-12-02T09:00", "date"),
    ("tomorrow morning", WED_1030, "2026-11-26T09:00", "date"),
    ("monday morning", WED_1030, "2026-11-30T09:00", "date"),
    ("next working day", FRI_1800, "2026-11-30T09:00", "date"),
    ("next month", WED_1030, "2026-12-01T09:00", "date"),
    ("in 3 days at 9am", WED_1030, "2026-11-28T09:00", "clock"),
    # "next week" = first working day of next week
    ("next week", WED_1030, "2026-11-30T09:00", "date"),
    ("monday next week", FRI_1800, "2026-11-30T09:00", "date"),
    ("tuesday next week", WED_1030, "2026-12-01T09:00", "date"),
    # a non-working day: the next working day
    ("saturday", WED_1030, "2026-11-30T09:00", "date"),
    ("tomorrow", FRI_1800, "2026-11-30T09:00", "date"),
    ("dec 5", WED_1030, "2026-12-07T09:00", "date"),  # a Saturday
    # "today" inside hours is now, before hours is their start
    ("today", WED_1030, "2026-11-25T10:30", "date"),
    ("today", at("2026-11-25T07:00"), "2026-11-25T09:00", "date"),
    # explicit clock times are kept exactly
    ("tomorrow 9am", WED_1030, "2026-11-26T09:00", "clock"),
    ("tomorrow at 3pm", WED_1030, "2026-11-26T15:00", "clock"),
    ("friday 15:30", WED_1030, "2026-11-27T15:30", "clock"),
    ("2026-12-02 14:30", WED_1030, "2026-12-02T14:30", "clock"),
    ("2026-12-02T14:30", WED_1030, "2026-12-02T14:30", "clock"),
    ("dec 3 2026 10am", WED_1030, "2026-12-03T10:00", "clock"),
    ("at 11", WED_1030, "2026-11-25T11:00", "clock"),
    ("wed 11:00", WED_1030, "2026-11-25T11:00", "clock"),  # today's weekday, still ahead
    ("next wednesday 11:00", WED_1030, "2026-12-02T11:00", "clock"),
    ("noon", WED_1030, "2026-11-25T12:00", "clock"),
    ("tomorrow 9:30 a.m.", WED_1030, "2026-11-26T09:30", "clock"),
    ("tomorrow 12am", WED_1030, "2026-11-26T00:00", "clock"),
    ("tomorrow 12pm", WED_1030, "2026-11-26T12:00", "clock"),
    ("tomorrow 14h30", WED_1030, "2026-11-26T14:30", "clock"),
    ("tomorrow at 3 in the afternoon", WED_1030, "2026-11-26T15:00", "clock"),
    ("tomorrow afternoon", WED_1030, "2026-11-26T13:00", "clock"),
    ("tonight", WED_1030, "2026-11-25T20:00", "clock"),
    ("this evening", WED_1030, "2026-11-25T18:00", "clock"),
    ("friday evening", WED_1030, "2026-11-27T18:00", "clock"),
    ("first thing tomorrow", WED_1030, "2026-11-26T09:00", "date"),
    # a bare clock time already past today means tomorrow
    ("at 8", WED_1030, "2026-11-26T08:00", "clock"),
    ("9:00", WED_1030, "2026-11-26T09:00", "clock"),
    ("8am", WED_1030, "2026-11-26T08:00", "clock"),
    ("10:30", WED_1030, "2026-11-26T10:30", "clock"),  # exactly now is not the future
    # relative
    ("in 2 hours", WED_1030, "2026-11-25T12:30", "relative"),
    ("in 2h", WED_1030, "2026-11-25T12:30", "relative"),
    ("in 2h30m", WED_1030, "2026-11-25T13:00", "relative"),
    ("in 90 minutes", WED_1030, "2026-11-25T12:00", "relative"),
    ("in half an hour", WED_1030, "2026-11-25T11:00", "relative"),
    ("in an hour", WED_1030, "2026-11-25T11:30", "relative"),
    ("in 1 hour and 15 minutes", WED_1030, "2026-11-25T11:45", "relative"),
    ("in 3 days", WED_1030, "2026-11-28T10:30", "relative"),
    ("in two weeks", WED_1030, "2026-12-09T10:30", "relative"),
    ("in 1 month", WED_1030, "2026-12-25T10:30", "relative"),
]


@pytest.mark.parametrize(("expr", "now", "expected", "kind"), BERLIN_CASES)
def test_rules_in_berlin(expr, now, expected, kind):
    result = deliver_at(expr, now, BERLIN, OFFICE)
    assert result.deliver_at.tzinfo is not None
    assert result.deliver_at.astimezone(BERLIN).replace(tzinfo=None) == datetime.fromisoformat(expected)
    assert result.kind == kind
    assert result.deliver_at > now or (result.deliver_at == now and kind in ("window", "date"))


@pytest.mark.parametrize("expr", ["tomorrow 22:00", "saturday 10am", "at 8", "in 3 days"])
def test_explicit_times_outside_hours_are_kept_with_a_warning(expr):
    result = deliver_at(expr, WED_1030, BERLIN, OFFICE)
    assert any("working" in w for w in result.warnings), result.warnings
    assert not is_working_time(result.deliver_at, BERLIN, OFFICE)


@pytest.mark.parametrize("expr", ["tomorrow 9am", "tomorrow", "", "in 2 hours", "friday 15:30"])
def test_inside_hours_no_warning(expr):
    assert deliver_at(expr, WED_1030, BERLIN, OFFICE).warnings == ()


def test_non_working_day_shift_is_said():
    result = deliver_at("saturday", WED_1030, BERLIN, OFFICE)
    assert any("Saturday is not one of their working days" in w for w in result.warnings)


def test_past_today_is_said_in_understood():
    assert "already passed today" in deliver_at("9:00", WED_1030, BERLIN, OFFICE).understood


# ---- unparseable or in the past: an error saying what was understood ---------------


@pytest.mark.parametrize(
    ("expr", "now", "says"),
    [
        ("yesterday", WED_1030, "in the past"),
        ("2026-04-02 14:30", WED_1030, "Thu 02 Apr 2026 14:30 CEST"),
        ("2026-04-02", WED_1030, "in the past"),
        ("today 8am", WED_1030, "in the past"),
        ("today", WED_1800, "are over"),
        ("this afternoon", WED_1800, "in the past"),  # never silently tomorrow
        ("tonight", at("2026-11-25T21:00"), "in the past"),
        ("blah blah", WED_1030, "could not read"),
        ("tomorrow please", WED_1030, "could not read"),
        ("tomorrow 9", WED_1030, "9am, 09:00 or at 9"),
        ("25:00", WED_1030, "not a time of day"),
        ("13pm", WED_1030, "not a time of day"),
        ("friday 3pm 4pm", WED_1030, "more than one time"),
        ("may", WED_1030, "could not read"),
        ("in 400 days", WED_1030, "more than a year"),
        ("in 1.5 days", WED_1030, "whole days"),
    ],
)
def test_errors_say_what_was_understood(expr, now, says):
    with pytest.raises(WhenError) as raised:
        deliver_at(expr, now, BERLIN, OFFICE)
    assert says in str(raised.value)


def test_past_error_carries_understood():
    with pytest.raises(WhenError) as raised:
        deliver_at("2026-04-02 14:30", WED_1030, BERLIN, OFFICE)
    assert raised.value.understood and "2026" in raised.value.understood


def test_naive_now_is_refused():
    with pytest.raises(ValueError):
        deliver_at("tomorrow", datetime(2026, 11, 25, 10, 30), BERLIN, OFFICE)


# ---- DST ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "now", "expr", "expected_iso", "warning"),
    [
        # spring forward: 02:30 does not exist → 03:30, said in a warning
        ("Europe/Berlin", "2026-03-28T10:00", "tomorrow 2:30am", "2026-03-29T03:30:00+02:00",
         "does not exist"),
        ("America/New_York", "2026-03-07T10:00", "tomorrow 2:30am", "2026-03-08T03:30:00-04:00",
         "does not exist"),
        ("Pacific/Auckland", "2026-09-26T10:00", "tomorrow 2:30am", "2026-09-27T03:30:00+13:00",
         "does not exist"),
        ("Australia/Lord_Howe", "2026-10-03T10:00", "tomorrow 2:15am", "2026-10-04T02:45:00+11:00",
         "does not exist"),  # a 30-minute gap
        # fall back: the first occurrence, said in a warning
        ("Europe/Berlin", "2026-10-24T10:00", "tomorrow 2:30am", "2026-10-25T02:30:00+02:00",
         "happens twice"),
        ("America/New_York", "2026-10-31T10:00", "tomorrow 1:30am", "2026-11-01T01:30:00-04:00",
         "happens twice"),
        ("Australia/Lord_Howe", "2026-04-04T10:00", "tomorrow 1:45am", "2026-04-05T01:45:00+11:00",
         "happens twice"),
        # "in N days" keeps the local clock time across DST; "in N hours" is real time
        ("Europe/Berlin", "2026-03-28T10:00", "in 1 day", "2026-03-29T10:00:00+02:00", None),
        ("Europe/Berlin", "2026-03-28T10:00", "in 24 hours", "2026-03-29T11:00:00+02:00", None),
        ("America/New_York", "2026-10-31T12:00", "in 1 day", "2026-11-01T12:00:00-05:00", None),
        ("America/New_York", "2026-10-31T12:00", "in 24 hours", "2026-11-01T11:00:00-05:00", None),
        ("America/New_York", "2026-03-06T12:00", "in 3 days", "2026-03-09T12:00:00-04:00", None),
        # the start of working hours on the Monday after a change has the new offset
        ("Europe/Berlin", "2026-03-27T18:00", "", "2026-03-30T09:00:00+02:00", None),
        ("America/New_York", "2026-10-30T18:00", "monday", "2026-11-02T09:00:00-05:00", None),
    ],
)
def test_dst(tz, now, expr, expected_iso, warning):
    zone = ZoneInfo(tz)
    result = deliver_at(expr, at(now, zone), zone, OFFICE)
    assert result.deliver_at.isoformat() == expected_iso
    assert result.deliver_at.utcoffset() == datetime.fromisoformat(expected_iso).utcoffset()
    dst_notes = [w for w in result.warnings if "clocks" in w]
    if warning:
        assert any(warning in w for w in dst_notes), result.warnings
    else:
        assert not dst_notes


@pytest.mark.parametrize(
    ("tz", "day", "clock", "expected_iso", "note"),
    [
        ("Europe/Berlin", date(2026, 3, 29), time(2, 30), "2026-03-29T03:30:00+02:00", "forward"),
        ("Europe/Berlin", date(2026, 10, 25), time(2, 30), "2026-10-25T02:30:00+02:00", "first"),
        ("America/New_York", date(2026, 3, 8), time(2, 0), "2026-03-08T03:00:00-04:00", "forward"),
        ("America/New_York", date(2026, 11, 1), time(1, 0), "2026-11-01T01:00:00-04:00", "first"),
        ("America/St_Johns", date(2026, 3, 8), time(2, 30), "2026-03-08T03:30:00-02:30", "forward"),
        ("Asia/Kolkata", date(2026, 3, 29), time(2, 30), "2026-03-29T02:30:00+05:30", None),
    ],
)
def test_localize(tz, day, clock, expected_iso, note):
    moment, said = localize(day, clock, ZoneInfo(tz))
    assert moment.isoformat() == expected_iso
    assert (note in said) if note else said is None


# ---- many zones: the next working window ----------------------------------------------


@pytest.mark.parametrize(
    ("tz", "now_utc", "expected_local"),
    [
        ("Pacific/Auckland", "2026-11-25T21:30", "2026-11-26T10:30"),  # inside: now
        ("Pacific/Auckland", "2026-11-25T05:00", "2026-11-26T09:00"),  # 18:00 there
        ("Asia/Kolkata", "2026-11-25T12:30", "2026-11-26T09:00"),  # 18:00 there
        ("Asia/Kolkata", "2026-11-25T03:29", "2026-11-25T09:00"),  # 08:59 there
        ("America/St_Johns", "2026-11-27T20:30", "2026-11-30T09:00"),  # Fri 17:00 there
        ("America/St_Johns", "2026-11-27T20:29", "2026-11-27T16:59"),  # Fri 16:59 there
        ("Australia/Lord_Howe", "2026-11-27T22:00", "2026-11-30T09:00"),  # Sat 09:00 there
        ("America/Los_Angeles", "2026-11-25T16:59", "2026-11-25T09:00"),  # 08:59 there
    ],
)
def test_next_working_window_in_many_zones(tz, now_utc, expected_local):
    zone = ZoneInfo(tz)
    now = datetime.fromisoformat(now_utc).replace(tzinfo=timezone.utc)
    result = deliver_at("", now, zone, OFFICE)
    expected = datetime.fromisoformat(expected_local)
    assert result.deliver_at.astimezone(zone).replace(tzinfo=None, second=0) == expected


def test_next_working_window_returns_the_window():
    window = next_working_window(WED_1800, BERLIN, OFFICE)
    assert window.start == at("2026-11-26T09:00") and window.end == at("2026-11-26T17:00")
    assert next_working_window(WED_1030, BERLIN, OFFICE).contains(WED_1030)


def test_night_shift_hours():
    night = WorkingHours(start=time(22, 0), end=time(6, 0), days=(0, 1, 2, 3, 4))
    # Tuesday 03:00 is inside Monday's night shift
    assert is_working_time(at("2026-11-24T03:00"), BERLIN, night)
    window = next_working_window(at("2026-11-24T07:00"), BERLIN, night)
    assert window.start == at("2026-11-24T22:00") and window.end == at("2026-11-25T06:00")


def test_other_working_days():
    sun_thu = WorkingHours(days=parse_days("sun-thu"))
    # Friday evening in a Sunday–Thursday week: next window is Sunday 09:00
    assert deliver_at("", FRI_1800, BERLIN, sun_thu).deliver_at == at("2026-11-29T09:00")
    assert deliver_at("saturday", WED_1030, BERLIN, sun_thu).deliver_at == at("2026-11-29T09:00")


def test_parse_hours_and_days():
    assert parse_hours("09:00-17:00") == (time(9), time(17))
    assert parse_hours("8:30 – 16:30") == (time(8, 30), time(16, 30))
    assert parse_hours("9-17") == (time(9), time(17))
    assert parse_days("mon-fri") == (0, 1, 2, 3, 4)
    assert parse_days("sun-thu") == (0, 1, 2, 3, 6)
    assert parse_days("mon,wed,fri") == (0, 2, 4)
    assert parse_days("Monday-Thursday,sat") == (0, 1, 2, 3, 5)
    for bad in ("9", "09:00-09:00", "25:00-26:00", "nine-five"):
        with pytest.raises(ValueError):
            parse_hours(bad)
    for bad in ("funday", "", "mon-fri-sat"):
        with pytest.raises(ValueError):
            parse_days(bad)


# ---- Windows zone names (Graph mailboxSettings) → IANA --------------------------------


@pytest.mark.parametrize(
    ("name", "iana"),
    [
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("Eastern Standard Time", "America/New_York"),
        ("India Standard Time", "Asia/Kolkata"),
        ("New Zealand Standard Time", "Pacific/Auckland"),
        ("Newfoundland Standard Time", "America/St_Johns"),
        ("Lord Howe Standard Time", "Australia/Lord_Howe"),
        ("GMT Standard Time", "Europe/London"),
        ("UTC", "UTC"),
        ("w. europe standard time", "Europe/Berlin"),
        ("Europe/Berlin", "Europe/Berlin"),  # IANA passes through
        (" Asia/Kolkata ", "Asia/Kolkata"),
    ],
)
def test_windows_zone_names_map_to_iana(name, iana):
    assert to_iana(name) == iana


@pytest.mark.parametrize("name", ["Mars/Base", "", "Europe", "../etc/passwd", "Nowhere Standard Time"])
def test_unknown_zones_are_refused(name):
    with pytest.raises(UnknownZone):
        to_iana(name)


def test_every_windows_name_maps_to_a_loadable_zone():
    from tzlocal.windows_tz import win_tz

    assert len(win_tz) > 100
    for name in win_tz:
        assert ZoneInfo(to_iana(name)).key == to_iana(name)


def test_deliver_at_accepts_a_windows_name():
    result = deliver_at("tomorrow 9am", WED_1030, "W. Europe Standard Time", OFFICE)
    assert result.deliver_at.isoformat() == "2026-11-26T09:00:00+01:00"


# ---- splitting /later text into recipient, time and message ---------------------------

CONFIDENT_SPLITS = [
    ("@maria tomorrow 9am Can you review the deck?", "@maria", "tomorrow 9am", "Can you review the deck?"),
    ("#general monday morning Weekly numbers are in", "#general", "monday morning", "Weekly numbers are in"),
    ("<@U123|maria> mon 10:00 – numbers are in", "<@U123|maria>", "mon 10:00", "numbers are in"),
    ("<@U123> mon 10:00 - numbers are in", "<@U123>", "mon 10:00", "numbers are in"),
    ("in 2h: ping", None, "in 2h", "ping"),
    ("@maria Can you review the deck?", "@maria", "", "Can you review the deck?"),
    ("<#C1|general> next week Let's plan", "<#C1|general>", "next week", "Let's plan"),
    ("@bob at 8 Standup notes", "@bob", "at 8", "Standup notes"),
    ("@bob 2026-12-02 14:30 Hi there", "@bob", "2026-12-02 14:30", "Hi there"),
    ("@bob when they're at work: Can you call?", "@bob", "when they're at work", "Can you call?"),
    ("@bob dec 3 2026 10am Release notes", "@bob", "dec 3 2026 10am", "Release notes"),
    ("@bob on the 3rd please renew", "@bob", "on the 3rd", "please renew"),
    ("@bob friday 15:30 Please send", "@bob", "friday 15:30", "Please send"),
    ("@bob tomorrow, can you call", "@bob", "tomorrow", "can you call"),
    ("@bob in 3 days check the build", "@bob", "in 3 days", "check the build"),
    ("<at>Maria</at> tomorrow 9am hi", "<at>Maria</at>", "tomorrow 9am", "hi"),
    ("@bob today at 5pm — ping", "@bob", "today at 5pm", "ping"),
    ("@bob their morning: hello", "@bob", "their morning", "hello"),
]


@pytest.mark.parametrize(("text", "recipient", "phrase", "message"), CONFIDENT_SPLITS)
def test_confident_splits(text, recipient, phrase, message):
    split = split_later_text(text)
    assert (split.recipient, split.time_phrase, split.message) == (recipient, phrase, message)
    assert split.confident, split.doubts


UNCERTAIN_SPLITS = [
    # (text, best-guess time phrase, best-guess message, words the doubt mentions)
    ("@bob tomorrow 9 people joined", "tomorrow", "9 people joined", "'9'"),
    ("@bob Sun is out", "Sun", "is out", "Sun"),
    ("@bob May I ask something?", "", "May I ask something?", "May"),
    ("@bob friday's numbers are in", "", "friday's numbers are in", "friday's"),
    ("@bob Can you review the deck tomorrow?", "", "Can you review the deck tomorrow?", "tomorrow"),
    ("@bob Meeting moved to 15:00", "", "Meeting moved to 15:00", "15:00"),
    ("@bob tomorrow", "tomorrow", "", "no message"),
    ("@bob in 2 hours 3 people", "in 2 hours", "3 people", "'3'"),
    ("@bob morgen 9:00 hallo", "", "morgen 9:00 hallo", "9:00"),
]


@pytest.mark.parametrize(("text", "phrase", "message", "mentions"), UNCERTAIN_SPLITS)
def test_uncertain_splits_keep_a_best_guess_and_say_why(text, phrase, message, mentions):
    split = split_later_text(text)
    assert (split.time_phrase, split.message) == (phrase, message)
    assert not split.confident
    assert any(mentions in doubt for doubt in split.doubts), split.doubts


def test_other_languages_split_at_a_separator():
    split = split_later_text("@bob morgen 9:00: hallo", ("en", "de"))
    assert (split.time_phrase, split.message, split.confident) == ("morgen 9:00", "hallo", True)
    result = deliver_at(split.time_phrase, WED_1030, BERLIN, OFFICE, languages=("en", "de"))
    assert result.deliver_at == at("2026-11-26T09:00")


# ---- the whole decision for a handler ------------------------------------------------

SENDER = User("U1", "Ann", tz="America/Los_Angeles")
MARIA = User("U2", "Maria", tz="W. Europe Standard Time")


def test_plan_later_ready():
    plan = plan_later("@maria tomorrow 9am Can you review the deck?", WED_1800, SENDER, MARIA)
    assert isinstance(plan, LaterPlan) and plan.ready
    assert plan.zone == "Europe/Berlin"
    assert plan.message == "Can you review the deck?"
    assert plan.resolution.deliver_at_utc == datetime(2026, 11, 26, 8, 0, tzinfo=timezone.utc)
    assert any("working hours are unknown" in w for w in plan.warnings)  # Slack never says
    assert plan.as_json()["deliver_at"] == "2026-11-26T09:00:00+01:00"


def test_plan_later_with_known_hours_assumes_nothing():
    plan = plan_later("@maria hi", WED_1800, SENDER, MARIA, hours_known=True)
    assert plan.assumptions == ()
    assert plan.resolution.deliver_at == at("2026-11-26T09:00")


def test_plan_later_uses_the_recipients_own_hours():
    early = User("U3", "Kim", tz="Asia/Kolkata", working_hours=WorkingHours(time(7), time(15)))
    plan = plan_later("@kim hi", WED_1800, SENDER, early)
    assert plan.resolution.deliver_at.isoformat() == "2026-11-26T07:00:00+05:30"
    assert not any("working hours" in a for a in plan.assumptions)


def test_plan_later_falls_back_to_the_senders_zone_and_says_so():
    plan = plan_later("@x tomorrow hi", WED_1800, SENDER, User("U9", "X"))
    assert plan.zone == "America/Los_Angeles"
    assert any("yours (America/Los_Angeles)" in w for w in plan.warnings)
    nobody = plan_later("@x tomorrow hi", WED_1800, User("U1"), None)
    assert nobody.zone == "UTC" and any("UTC" in w for w in nobody.warnings)


def test_plan_later_error_schedules_nothing():
    plan = plan_later("@maria 2026-04-02 14:30 hi", WED_1800, SENDER, MARIA)
    assert not plan.ready and plan.resolution is None
    assert "in the past" in plan.error and "2026" in plan.understood


def test_plan_later_uncertain_is_not_ready_but_has_a_guess():
    plan = plan_later("@maria Sun is out", WED_1800, SENDER, MARIA)
    assert not plan.ready and plan.resolution is not None and plan.doubts


def test_in_both_zones():
    moment = at("2026-11-26T09:00")
    assert in_both_zones(moment, "America/Los_Angeles") == "Thu 26 Nov 09:00 CET (00:00 your time)"
    assert in_both_zones(moment, "Asia/Tokyo") == "Thu 26 Nov 09:00 CET (17:00 your time)"
    assert in_both_zones(at("2026-11-26T20:00"), "Asia/Tokyo") == "Thu 26 Nov 20:00 CET (Fri 04:00 your time)"
    assert in_both_zones(moment, "Europe/Paris") == "Thu 26 Nov 09:00 CET"


# ---- a channel's clock ----------------------------------------------------------------

MEMBERS = [
    User("a", tz="Europe/Berlin"),
    User("b", tz="Europe/Berlin"),
    User("c", tz="America/New_York"),
    User("d", tz="Tokyo Standard Time"),
    User("bot", tz="UTC", is_bot=True),  # bots do not count
    User("e"),  # no zone: not counted
]


def test_channel_moment_is_when_most_members_are_at_work():
    # Wed 20:00 UTC: only New York is at work; Thu 14:00 UTC Berlin (15:00) and New York (09:00) are.
    moment = channel_moment(MEMBERS, datetime(2026, 11, 25, 20, 0, tzinfo=timezone.utc))
    assert moment.deliver_at == datetime(2026, 11, 26, 14, 0, tzinfo=timezone.utc)
    assert (moment.inside, moment.counted) == (3, 4)
    assert "3 of 4" in moment.note


def test_channel_moment_is_now_when_now_is_best():
    now = datetime(2026, 11, 25, 14, 30, tzinfo=timezone.utc)
    assert channel_moment(MEMBERS, now).deliver_at == now
    assert channel_moment([User("x")], now).counted == 0


def test_channel_clock_prefers_the_admins_zone_then_the_commonest():
    assert channel_clock(MEMBERS, "Pacific Standard Time").zone == "America/Los_Angeles"
    commonest = channel_clock(MEMBERS)
    assert commonest.zone == "Europe/Berlin" and "most common" in commonest.assumptions[0]
    assert channel_clock([User("x")]).zone == "UTC"
