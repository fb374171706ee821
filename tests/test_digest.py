"""skills.digest and `etiquette digest`: content from a small Slack export, the JSON contract, errors, the chart."""

from __future__ import annotations

import json
import struct
import zlib
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.slack.export import open_export
from adapters.slack.export_digest import build_digest
from bot.cli import app
from bot.model import User
from skills.digest import Week, activity_chart_png, working_share

EXPORT = Path(__file__).parent / "data" / "slack_export"
runner = CliRunner()


def digest_json(*args: str) -> dict:
    result = runner.invoke(app, ["digest", str(EXPORT), "--channel", "general", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_contract_and_content_of_a_week():
    digest = digest_json("--week", "2026-W47")
    assert set(digest) == {"channel", "week", "threads", "decisions", "open_questions", "action_items", "stats",
                           "notes"}
    assert (digest["channel"], digest["week"]) == ("general", "2026-W47")
    # Most important first: participants count twice, then replies and reactions.
    threads = digest["threads"]
    assert [t["author"] for t in threads] == ["Ana", "Dee Doe", "Kenji"]
    release = threads[0]
    assert release["ts"] == "1794819900.000000"
    assert (release["replies"], release["reactions"]) == (4, 2)
    assert release["participants"] == ["Ana", "Bob", "Kenji", "Dee Doe"]
    assert "release" in release["summary"] and "\n" not in release["summary"]
    assert any("Thursday" in d["text"] for d in digest["decisions"])
    # Bob's question got no answer; Ana's PR question was answered, though outside its thread.
    assert digest["open_questions"] == [
        {"text": "Who owns the on-call rota for December?", "ts": "1794823200.000000", "author": "Bob"}]
    owners = {(a["owner"], a["text"]) for a in digest["action_items"]}
    assert ("Kenji", "take the changelog") in owners and ("Dee Doe", "tell the support team") in owners
    stats = digest["stats"]
    assert stats["messages"] == 16 and stats["thread_replies"] == 9 and stats["people"] == 4  # no bot, no join
    assert stats["after_hours_messages"] == 5  # Kenji before 09:00 and after 17:00 Tokyo, Bob at 05:00 NY, Ana late
    assert stats["after_hours_broadcasts"] == 1
    assert isinstance(stats["replies_outside_threads"], int)
    assert stats["zone"] == "Europe/Berlin" and sum(stats["messages_by_hour"]) == 16
    assert any("/later" in note for note in digest["notes"])
    assert any("4 messages from people without a known time zone" in note for note in digest["notes"])


def test_default_week_is_the_latest_in_the_export():
    digest = digest_json()
    assert digest["week"] == "2026-W48"
    assert digest["stats"]["messages"] == 2 and digest["open_questions"] == []


def test_markdown_by_default_and_chart_file(tmp_path: Path):
    chart = tmp_path / "week.png"
    result = runner.invoke(app, ["digest", str(EXPORT), "--channel", "#general", "--week", "2026-W47",
                                 "--chart", str(chart)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# #general — week 2026-W47")
    for heading in ("## Top threads", "## Decisions", "## Open questions", "## Action items", "## Etiquette"):
        assert heading in text
    assert "- Bob: Who owns the on-call rota for December?" in text
    assert_png(chart.read_bytes())


@pytest.mark.parametrize(("args", "message"), [
    (["/no/such/export", "--channel", "general"], "no such folder or .zip"),
    ([str(EXPORT / "general"), "--channel", "general"], "not a Slack export"),
    ([str(EXPORT), "--channel", "random"], "no channel 'random'"),
    ([str(EXPORT), "--channel", "empty"], "no folder of day files"),
    ([str(EXPORT), "--channel", "general", "--week", "2026-48"], "should look like 2026-W48"),
    ([str(EXPORT), "--channel", "general", "--week", "2026-W54"], "does not exist"),
    ([str(EXPORT), "--channel", "general", "--week", "2026-W40"], "no messages in 2026-W40"),
])
def test_bad_folder_channel_or_week_exits_2(args, message):
    result = runner.invoke(app, ["digest", *args])
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_export_reader_streams_one_week():
    export = open_export(EXPORT)
    assert export.users["U04"].display == "Dee Doe" and export.users["U04"].tz is None
    assert export.users["U05"].is_bot
    week = Week.parse("2026-W47")
    assert (week.monday, week.end) == (date(2026, 11, 16), datetime(2026, 11, 23, tzinfo=timezone.utc))
    messages = export.week_messages("general", week)
    assert not isinstance(messages, list)  # a generator: day files are read as they are consumed
    assert len(list(messages)) == 18


def test_questions_younger_than_a_day_are_not_listed_yet():
    export = open_export(EXPORT)
    week = Week.parse("2026-W47")
    early = datetime(2026, 11, 17, 9, 0, tzinfo=timezone.utc)  # Bob asked 23 hours before
    digest = build_digest(export.week_messages("general", week), export.users, "general", str(week),
                          members=export.members("general"), as_of=early)
    assert digest.open_questions == ()
    later = build_digest(export.week_messages("general", week), export.users, "general", str(week),
                         members=export.members("general"), as_of=week.end)
    assert [q.author for q in later.open_questions] == ["Bob"]


def assert_png(data: bytes) -> None:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (800, 300)
    assert zlib.crc32(data[12:29]) == struct.unpack(">I", data[29:33])[0]
    assert data.endswith(b"IEND\xaeB`\x82")


def test_chart_is_a_png_and_shading_follows_working_hours_with_dst():
    members = [User("a", "Ana", tz="Europe/Berlin"), User("b", "Bob", tz="America/New_York"),
               User("bot", "bot", is_bot=True)]
    hourly = [0] * 24
    hourly[10] = 4
    assert_png(activity_chart_png(hourly, members, "Europe/Berlin", date(2026, 11, 18), title="#general"))
    # Winter: New York 09:00 is Berlin 15:00. On 2026-03-11 the US is on daylight time already: Berlin 14:00.
    winter = working_share(members, "Europe/Berlin", date(2026, 11, 18))
    march = working_share(members, "Europe/Berlin", date(2026, 3, 11))
    assert (winter[8], winter[9], winter[14], winter[15], winter[22], winter[23]) == (0, 0.5, 0.5, 1.0, 0.5, 0)
    assert (march[13], march[14], march[21], march[22]) == (0.5, 1.0, 0.5, 0.0)
    with pytest.raises(ValueError):
        activity_chart_png([1, 2, 3], members, "UTC", date(2026, 11, 18))


# ---- large exports: the synthetic generator, streaming, the progress bar --------------------------------------


@pytest.fixture(scope="module")
def synthetic_export(tmp_path_factory) -> Path:
    from bench.digest_export import generate_export

    return generate_export(tmp_path_factory.mktemp("export"), 1500, seed=3, people=12)


def test_generated_export_is_a_slack_export_the_cli_digests(synthetic_export: Path):
    days = sorted(p.name for p in (synthetic_export / "general").iterdir())
    assert days == [f"2026-11-{d}.json" for d in range(16, 23)]  # one ISO week, 2026-W47
    raw = [m for name in days for m in json.loads((synthetic_export / "general" / name).read_text())]
    assert len(raw) == 1500 and len({m["ts"] for m in raw}) == 1500
    roots = {m["ts"]: m for m in raw if m.get("reply_count")}
    replies = [m for m in raw if m.get("thread_ts") and m["thread_ts"] != m["ts"]]
    assert replies and all(r["thread_ts"] in roots for r in replies)
    assert sum(r["reply_count"] for r in roots.values()) == len(replies)
    result = runner.invoke(app, ["digest", str(synthetic_export), "--channel", "general", "--json"])
    assert result.exit_code == 0, result.output
    digest = json.loads(result.stdout)
    humans = [m for m in raw if "subtype" not in m and "bot_id" not in m]
    assert digest["week"] == "2026-W47" and digest["stats"]["messages"] == len(humans)
    assert digest["stats"]["thread_replies"] == len(replies)
    assert len(digest["threads"]) == 5 and digest["decisions"] and digest["action_items"]
    assert digest["stats"]["after_hours_messages"] > 0 and sum(digest["stats"]["messages_by_hour"]) == len(humans)


def test_top_level_mode_posts_almost_everything_in_the_channel(tmp_path: Path):
    from bench.digest_export import generate_export

    export = generate_export(tmp_path, 2000, seed=4, people=5, mode="top-level")
    raw = [m for path in sorted((export / "general").iterdir()) for m in json.loads(path.read_text())]
    replies = [m for m in raw if m.get("thread_ts") and m["thread_ts"] != m["ts"]]
    assert len(raw) == 2000 and 0 < len(replies) < 0.15 * len(raw)
    assert len({m["user"] for m in raw if m.get("user")}) == 5


def test_generator_is_deterministic_for_a_seed(tmp_path: Path):
    from bench.digest_export import generate_export

    a, b = generate_export(tmp_path / "a", 300, seed=5), generate_export(tmp_path / "b", 300, seed=5)
    for path in sorted((a / "general").iterdir()):
        assert path.read_bytes() == (b / "general" / path.name).read_bytes()


def test_streamed_digest_is_the_same_as_the_whole_week_at_once(synthetic_export: Path):
    from adapters.slack.export_digest import DigestBuilder

    export, week = open_export(synthetic_export), Week.parse("2026-W47")
    whole = build_digest(export.week_messages("general", week), export.users, "general", str(week),
                         members=export.members("general"), as_of=week.end)
    builder = DigestBuilder(export.users, "general", str(week), members=export.members("general"), as_of=week.end)
    for path in export.week_files("general", week):
        builder.add_day(export.read_day(path))
        assert len(builder._open) < 200  # complete threads are summarized and let go day by day
    assert builder.finish() == whole


def test_progress_bar_goes_to_stderr_and_never_into_json_stdout(synthetic_export: Path, monkeypatch):
    import adapters.slack.export_digest as command

    quiet = runner.invoke(app, ["digest", str(synthetic_export), "--channel", "general", "--json"])
    monkeypatch.setattr(command, "PROGRESS_MIN_BYTES", 0)
    monkeypatch.setattr(command, "_stderr_is_terminal", lambda: True)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # let rich draw as on a terminal
    shown = runner.invoke(app, ["digest", str(synthetic_export), "--channel", "general", "--json"])
    assert shown.exit_code == 0, shown.output
    assert "digesting #general 2026-W47" in shown.stderr
    assert shown.stdout == quiet.stdout and json.loads(shown.stdout)["week"] == "2026-W47"


@pytest.mark.parametrize("batch", [500, 7])  # 7: many batches, each sending back its own items once per text
def test_worker_pool_gives_the_same_digest(synthetic_export: Path, batch: int, monkeypatch):
    from adapters.slack.export_digest import DigestBuilder, worker_pool
    from skills.digest import build

    monkeypatch.setattr(build, "POOL_BATCH", batch)
    export, week = open_export(synthetic_export), Week.parse("2026-W47")
    alone = DigestBuilder(export.users, "general", str(week), members=export.members("general"), as_of=week.end)
    with worker_pool(export.users, week.end, 2) as pool:
        shared = DigestBuilder(export.users, "general", str(week), members=export.members("general"),
                               as_of=week.end, pool=pool)
        for builder in (alone, shared):
            for path in export.week_files("general", week):
                builder.add_day(export.read_day(path))
        assert shared.finish() == alone.finish()


def test_items_kept_batch_by_batch_are_those_kept_all_at_once():
    # A worker sends back only what its batch's `_Unique` kept; the builder's, fed those batch after batch,
    # must end as if it had every item in order: the earliest per text, the first of equally early ones.
    from skills.digest.build import DigestItem, _Unique

    items = [DigestItem("Ship Friday", "5.0", "Ana"), DigestItem("ship friday", "3.0", "Bo"),
             DigestItem("Ship friday", "3.0", "Cy"), DigestItem("Other", "9.0", "Ana"),
             DigestItem("SHIP FRIDAY", "3.0", "Di"), DigestItem("other", "1.0", "Bo"), DigestItem("Third", "1.0")]
    whole = _Unique()
    whole.update(items)
    for size in (1, 2, 3, 4):
        merged = _Unique()
        for start in range(0, len(items), size):
            batch = _Unique()
            batch.update(items[start:start + size])
            merged.update(batch.kept())
        assert merged.items() == whole.items(), size
    assert [(i.text, i.author) for i in whole.items()] == [("other", "Bo"), ("Third", None), ("ship friday", "Bo")]


def test_the_digest_is_byte_for_byte_the_same_without_the_summarizers_shortcuts(synthetic_export: Path, monkeypatch):
    # The remembered answers and literal pre-checks of skills/summarize/screen.py and the caches of pure functions
    # (issue 17) may only make the digest faster, whatever the detectors' rules are at the time.
    from skills.digest import build
    from skills.summarize import cues, detect, extractive, language, rewrite
    from skills.summarize.screen import Remembered

    def digest(*flags: str) -> str:
        result = runner.invoke(app, ["digest", str(synthetic_export), "--channel", "general", *flags])
        assert result.exit_code == 0, result.output
        return result.stdout

    fast = digest("--json"), digest()
    caches = (cues.cues_for, extractive._sentences, rewrite.to_third_person, rewrite._tokens, language._counts,
              detect._option_words, detect._tidy, detect.content_words, detect._name_key, detect._word_total,
              detect._inner_capitals, detect._separators, detect._lead, detect._part_starts, detect._lower_words, detect._due_on, detect._first_person_object,
              detect._asks)
    monkeypatch.setattr(cues, "screened", lambda pattern: pattern)
    monkeypatch.setattr(build, "_may_ask", lambda group, as_of: True)  # every thread's open questions read
    for name, pattern in vars(detect).items():
        if isinstance(pattern, Remembered):
            monkeypatch.setattr(detect, name, pattern.pattern)
    for cached in caches:
        cached.cache_clear()
    try:
        plain = digest("--json"), digest()
    finally:
        cues.cues_for.cache_clear()
    assert plain == fast


def test_threads_younger_than_a_day_have_no_open_question_old_enough_to_list(synthetic_export: Path):
    # The digest does not read the open questions of a thread whose first message is younger than a day
    # (`_may_ask`): read anyway, every one of them is too young to be listed.
    from adapters.slack.messages import SLACK_MESSAGES
    from skills.digest.build import QUESTION_AGE, _may_ask, _names_in, _when
    from skills.summarize.extractive import summarize
    from skills.summarize.messages import read_utterances

    export = open_export(synthetic_export)
    week = Week.parse("2026-W47")
    threads: dict[str, list[dict]] = {}
    for raw in export.week_messages("general", week):
        m = SLACK_MESSAGES.read_message(raw)
        if isinstance(m, dict):
            threads.setdefault(m.get("thread_ts") or m["ts"], []).append(m)
    names = {uid: user.display for uid, user in export.users.items()}
    skipped = 0
    for group in threads.values():
        if _may_ask(group, week.end):
            continue
        summary = summarize(read_utterances(group, _names_in(group, names), reader=SLACK_MESSAGES), with_tldr=False)
        assert all(week.end - _when(q.source_id) < QUESTION_AGE for q in summary.open_questions)
        skipped += bool(summary.open_questions)
    assert skipped  # the synthetic week has such threads: the shortcut is taken


def test_the_chat_layout_caps_each_section_and_highlights_working_hours():
    from skills.digest.build import Digest, DigestItem
    from skills.digest.message import LINE_CHARS, MAX_LINES, digest_message

    stats = {"messages": 30, "people": 2, "thread_replies": 10, "replies_outside_threads": 1,
             "after_hours_messages": 0, "after_hours_broadcasts": 0}
    decisions = tuple(DigestItem(f"decision {i} " + "x" * (400 if i == 0 else 0), str(i)) for i in range(12))
    hourly = tuple(5 if hour == 10 else 0 for hour in range(24))
    digest = Digest("general", "2026-W48", (), decisions, (), (), stats, zone="Europe/Berlin", hourly=hourly)
    people = [User("U1", "Ana", tz="Europe/Berlin"), User("U2", "Ben", tz="Europe/Berlin")]
    message = digest_message(digest, Week.parse("2026-W48"), people)
    assert message.text.startswith("*Weekly digest*, week 2026-W48 (23 Nov – 29 Nov)\n30 messages from 2 people")
    noted = digest_message(Digest("general", "2026-W48", (), (), (), (), stats, notes=("3 authors have no zone",)),
                           Week.parse("2026-W48"), people)
    assert noted.text.endswith("\n_3 authors have no zone_")  # what the figures leave out is said
    sections = {section.title: section.lines for section in message.sections}
    assert list(sections) == ["Decisions", "Etiquette"]  # empty sections are left out
    assert len(sections["Decisions"]) == MAX_LINES + 1 and sections["Decisions"][-1] == "…and 4 more"
    assert len(sections["Decisions"][0]) == LINE_CHARS and sections["Decisions"][0].endswith("…")
    bars = {bar.label: bar for bar in message.chart.bars}
    assert bars["10"].value == 5 and bars["10"].highlight and not bars["20"].highlight  # Berlin 09–17
    assert message.chart.png.startswith(b"\x89PNG")
    quiet = digest_message(Digest("general", "2026-W48", (), (), (), (), {**stats, "messages": 0}),
                           Week.parse("2026-W48"), people)
    assert quiet.chart is None  # no chart of an empty week


def test_a_long_thread_link_stays_whole_in_the_chat_layout():
    """Teams deep links run to 250 characters: clipping the line must not cut the link's markup."""
    from skills.digest.build import Digest, DigestThread
    from skills.digest.message import digest_message

    link = ("https://teams.microsoft.com/l/message/19%3A0123456789abcdef0123456789abcdef%40thread.tacv2/"
            "1764406800000?tenantId=72f988bf-86f1-41af-91ab-2d7cd011db47&groupId=0b5a9bd1-2c4e-4f1a-9a0e-"
            "5c8d7e6f5a4b&parentMessageId=1764406800000&createdTime=1764406800000")
    thread = DigestThread("1764406800.000000", "Ana", "We moved the launch to May " + "and more " * 40,
                          ("Ana", "Ben"), 12, 3, link)
    stats = {"messages": 15, "people": 2, "thread_replies": 12, "replies_outside_threads": 0,
             "after_hours_messages": 0, "after_hours_broadcasts": 0}
    digest = Digest("general", "2026-W48", (thread,), (), (), (), stats)
    message = digest_message(digest, Week.parse("2026-W48"), [])
    [line] = next(s.lines for s in message.sections if s.title == "Top threads")
    assert f"<{link}|We moved the launch to May" in line and line.endswith("…> (12 replies, 2 people)")


def test_the_digest_lists_what_the_summaries_find_and_no_pasted_question():
    """The weekly digest reads threads with the same detectors as a summary; a pasted question is nobody's."""
    people = {"U1": User("U1", "Ana", tz="Europe/Berlin"), "U2": User("U2", "Ben", tz="Europe/Berlin"),
              "U3": User("U3", "Cy", tz="Europe/Berlin")}
    root = "1794819600.000100"  # Monday 2026-11-16 10:20 Berlin
    said = [("U1", "Release Tuesday or Thursday?"), ("U2", "Thursday, the login fix is not reviewed yet."),
            ("U1", "Decision: we release on Thursday."), ("U3", "Ben, can you review the login fix by Wednesday?"),
            ("U2", "Will do.")]
    messages = [{"type": "message", "user": u, "text": t, "ts": f"17948196{i:02d}.000100", "thread_ts": root,
                 **({"reply_count": len(said) - 1} if i == 0 else {})} for i, (u, t) in enumerate(said)]
    messages[0]["ts"] = root
    messages += [
        {"type": "message", "user": "U3", "text": "Saw this upstream:\n> Why does the build hang after upgrading?",
         "ts": "1794823200.000100"},
        {"type": "message", "user": "U1", "text": "Who owns the on-call rota for December?", "ts": "1794826800.000100"},
    ]
    digest = build_digest(messages, people, "general", "2026-W47", members=list(people.values()),
                          as_of=datetime(2026, 11, 22, 23, tzinfo=timezone.utc))
    assert any("release on Thursday" in d.text for d in digest.decisions)
    assert [(a.owner, a.text, a.due) for a in digest.action_items] == [("Ben", "review the login fix", "Wednesday")]
    assert [q.text for q in digest.open_questions] == ["Who owns the on-call rota for December?"]


def test_the_digest_keeps_a_question_the_thread_put_off_or_welcomed_without_taking():
    """The digest's open questions come from the summary's detectors: a question parked, then a "yes please" to an
    offer of help, and a proposal met with "would be nice but …" both stay open; one answered does not."""
    people = {"U1": User("U1", "Zoe", tz="Europe/Berlin"), "U2": User("U2", "Mateus", tz="Europe/Berlin"),
              "U3": User("U3", "Fiona", tz="Europe/Berlin")}
    root = "1794819600.000100"  # Monday 2026-11-16 10:20 Berlin
    said = [("U1", "Offsite kickoff: budget is 45k for 38 people, sometime in May."),
            ("U2", "quick q: are partners invited for the last dinner?"),
            ("U1", "haven't thought about that. let's park it until we have venue quotes"),
            ("U3", "I can help with venue research if needed"), ("U1", "yes please! I'll ping you Monday"),
            ("U2", "do we want a team budget alarm too?"), ("U1", "would be nice but tagging is a big project"),
            ("U3", "is the venue list in the drive?"), ("U1", "yes, in the offsite folder")]
    messages = [{"type": "message", "user": u, "text": t, "ts": f"17948196{i:02d}.000100", "thread_ts": root,
                 **({"reply_count": len(said) - 1} if i == 0 else {})} for i, (u, t) in enumerate(said)]
    messages[0]["ts"] = root
    digest = build_digest(messages, people, "general", "2026-W47", members=list(people.values()),
                          as_of=datetime(2026, 11, 22, 23, tzinfo=timezone.utc))
    assert [q.text for q in digest.open_questions] == ["quick q: are partners invited for the last dinner?",
                                                       "do we want a team budget alarm too?"]


def test_messages_and_items_cross_to_workers_as_their_fields():
    """Link blocks go to a worker, and items come back, as tuples of their fields in `__init__`'s order (cheaper to
    pickle than dataclasses): every field, including those left at their default, makes the same object again."""
    from itertools import starmap

    from skills.digest import build
    from skills.digest.build import DigestItem
    from skills.threads.links import ChannelMessage

    messages = [ChannelMessage("1.5", "U1", "hi <!here>", "1.0", "me_message", ("U2", "U3"), 12.5, True),
                ChannelMessage("2.5", "U2", "ok")]
    items = [DigestItem("ship it", "1.5", "Ana", "Bob", "Friday"), DigestItem("why?", "2.5")]
    assert list(starmap(ChannelMessage, map(build._MESSAGE_FIELDS, messages))) == messages
    assert list(starmap(DigestItem, map(build._ITEM_FIELDS, items))) == items
    assert build._link_packed(list(map(build._MESSAGE_FIELDS, messages)))[0].tolist() == \
        build._link_block(messages)[0].tolist()


def test_utterances_come_in_time_order_whatever_order_the_messages_come_in():
    # `read_utterances` leaves messages already in time order as they are and sorts the others by their ts
    # as a number (not as text: "999.5" comes before "1000.1"), equal times keeping the order given.
    from adapters.slack.messages import SLACK_MESSAGES
    from skills.summarize.messages import read_utterances

    def said(ts: str, user: str = "U1", text: str = "hi") -> dict:
        return {"ts": ts, "user": user, "text": text}

    def order(messages: list[dict]) -> list[tuple[str, str]]:
        return [(u.id, u.text) for u in read_utterances(messages, {"U1": "Ana"}, reader=SLACK_MESSAGES)]

    assert order([said("999.5"), said("1000.1", text="b")]) == [("999.5", "hi"), ("1000.1", "b")]
    assert order([said("1000.1", text="b"), said("999.5"), said("1000.10", text="c"), said("1000.0", text="d")]) == [
        ("999.5", "hi"), ("1000.0", "d"), ("1000.1", "b"), ("1000.10", "c")]
    assert [u.speaker for u in read_utterances([said("2.0", "U2"), said("1.0")], {"U1": "Ana"}, reader=SLACK_MESSAGES)] \
        == ["Ana", "U2"]


def test_a_threads_people_are_its_human_authors_once_each_in_order_of_first_message():
    from adapters.slack.messages import SLACK_MESSAGES
    from skills.digest.build import _people

    users = {"U1": User("U1", "Ana"), "U2": User("U2", "Ben"), "B1": User("B1", "ci", is_bot=True)}
    names = {uid: user.display for uid, user in users.items()}
    group = [{"ts": "1.0", "user": "U2", "text": "a"}, {"ts": "2.0", "user": "B1", "text": "build"},
             {"ts": "3.0", "user": "U9", "text": "b", "user_profile": {"display_name": "Cleo"}},
             {"ts": "4.0", "user": "U1", "text": "c"}, {"ts": "5.0", "user": "U2", "text": "d"},
             {"ts": "6.0", "user": "U3", "text": "e", "bot_id": "B7"}, {"ts": "7.0", "user": "U8", "text": "f"}]
    assert _people(group, names, users, SLACK_MESSAGES) == ["Ben", "Cleo", "Ana", "U8"]
