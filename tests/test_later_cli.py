"""`etiquette when`: the JSON contract, and exit code 2 with a clear message on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import pytest
from click.testing import CliRunner

from bot.cli import app

runner = CliRunner()
NOW = "2026-11-25T10:30:00+01:00"  # Wednesday, inside Berlin working hours


def when(*args: str):
    return runner.invoke(app, ["when", *args])


def when_json(*args: str) -> dict:
    result = when(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("expr", "tz", "extra", "deliver_at", "deliver_at_utc"),
    [
        ("tomorrow 9am", "Europe/Berlin", [], "2026-11-26T09:00:00+01:00", "2026-11-26T08:00:00+00:00"),
        ("tomorrow", "Asia/Kolkata", [], "2026-11-26T09:00:00+05:30", "2026-11-26T03:30:00+00:00"),
        ("", "Europe/Berlin", [], "2026-11-25T10:30:00+01:00", "2026-11-25T09:30:00+00:00"),
        ("", "America/New_York", [], "2026-11-25T09:00:00-05:00", "2026-11-25T14:00:00+00:00"),
        ("", "America/New_York", ["--hours", "08:00-16:00"], "2026-11-25T08:00:00-05:00",
         "2026-11-25T13:00:00+00:00"),
        ("next week", "Pacific/Auckland", [], "2026-11-30T09:00:00+13:00", "2026-11-29T20:00:00+00:00"),
        ("friday", "Europe/Berlin", ["--days", "mon-thu"], "2026-11-30T09:00:00+01:00",
         "2026-11-30T08:00:00+00:00"),
        ("in 2 hours", "W. Europe Standard Time", [], "2026-11-25T12:30:00+01:00",
         "2026-11-25T11:30:00+00:00"),
        ("tomorrow 9am", "Tokyo Standard Time", [], "2026-11-26T09:00:00+09:00", "2026-11-26T00:00:00+00:00"),
    ],
)
def test_when_prints_deliver_at_in_both_forms(expr, tz, extra, deliver_at, deliver_at_utc):
    out = when_json(expr, "--tz", tz, "--now", NOW, *extra)
    assert out["deliver_at"] == deliver_at
    assert out["deliver_at_utc"] == deliver_at_utc
    assert datetime.fromisoformat(out["deliver_at"]) == datetime.fromisoformat(out["deliver_at_utc"])
    assert out["understood"] and isinstance(out["warnings"], list)


def test_when_reports_zone_hours_and_warnings():
    out = when_json("tomorrow 22:00", "--tz", "W. Europe Standard Time", "--now", NOW,
                    "--hours", "08:30-16:30", "--days", "sun-thu")
    assert out["tz"] == "Europe/Berlin"
    assert out["kind"] == "clock"
    assert out["inside_working_hours"] is False
    assert out["working_hours"] == {"start": "08:30", "end": "16:30",
                                    "days": ["mon", "tue", "wed", "thu", "sun"],
                                    "described": "Mon–Thu, Sun 08:30–16:30"}
    assert any("outside their working hours" in w for w in out["warnings"])


def test_when_dst_warning_in_json():
    out = when_json("tomorrow 2:30am", "--tz", "America/New_York", "--now", "2026-03-07T10:00")
    assert out["deliver_at"] == "2026-03-08T03:30:00-04:00"
    assert any("does not exist" in w for w in out["warnings"])


def test_naive_now_is_read_in_the_zone():
    out = when_json("in 1 hour", "--tz", "Asia/Kolkata", "--now", "2026-11-25T10:00")
    assert out["now"] == "2026-11-25T10:00:00+05:30"
    assert out["deliver_at"] == "2026-11-25T11:00:00+05:30"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["tomorrow", "--tz", "Mars/Base"], "unknown time zone 'Mars/Base'"),
        (["tomorrow", "--tz", "Europe/Berlin", "--hours", "9-"], "working hours '9-'"),
        (["tomorrow", "--tz", "Europe/Berlin", "--hours", "17:00-17:00"], "same time"),
        (["tomorrow", "--tz", "Europe/Berlin", "--days", "funday"], "working days 'funday'"),
        (["blah blah", "--tz", "Europe/Berlin"], "could not read 'blah blah'"),
        (["yesterday", "--tz", "Europe/Berlin"], "in the past"),
        (["2026-04-02 14:30", "--tz", "Europe/Berlin"], "Thu 02 Apr 2026 14:30 CEST"),
        (["tomorrow", "--tz", "Europe/Berlin", "--now", "soon"], "--now 'soon'"),
    ],
)
def test_bad_input_exits_2_with_a_message(args, says):
    result = when(*args, *([] if "--now" in args else ["--now", NOW]))
    assert result.exit_code == 2
    assert says in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_installed_command_end_to_end():
    """The real process: JSON on stdout, exit 0; a bad zone: message on stderr, exit 2."""
    ok = subprocess.run(
        [sys.executable, "-m", "bot.cli", "when", "mon 10:00", "--tz", "Europe/Berlin", "--now", NOW],
        capture_output=True, text=True, timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["deliver_at"] == "2026-11-30T10:00:00+01:00"
    bad = subprocess.run(
        [sys.executable, "-m", "bot.cli", "when", "tomorrow", "--tz", "Nowhere/Land"],
        capture_output=True, text=True, timeout=60,
    )
    assert bad.returncode == 2
    assert "unknown time zone" in bad.stderr and "Traceback" not in bad.stderr
