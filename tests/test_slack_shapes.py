"""Real Slack message shapes and exports: every documented subtype, messages without text, apps, edits,
tombstones, broken files, zips — read by one reader, and every command runs over them without a traceback.

The corpus in tests/data/slack_shapes is written from Slack's documentation of the message event and its
subtypes; the zip is made from the folder at test time, as Slack delivers an export.
"""

from __future__ import annotations

import json
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.slack.messages import SUBTYPES, Skipped, is_bot_post, read_message
from bot.cli import app

SHAPES = Path(__file__).parent / "data" / "slack_shapes"
runner = CliRunner()


@pytest.fixture(scope="module")
def shapes_zip(tmp_path_factory) -> Path:
    """The corpus as Slack delivers it: a zip holding the export's folder."""
    path = tmp_path_factory.mktemp("zip") / "Workspace Slack export Nov 16 2026.zip"
    with zipfile.ZipFile(path, "w") as bundle:
        for file in sorted(SHAPES.rglob("*")):
            if file.is_file():
                bundle.write(file, f"slack_shapes/{file.relative_to(SHAPES).as_posix()}")
    return path


def corpus(channel: str = "shapes") -> list:
    return [m for day in sorted((SHAPES / channel).glob("*.json")) for m in json.loads(day.read_text("utf-8"))]


def broken_messages() -> list:
    """The malformed messages of the deliberately broken channel (its one day file that is JSON)."""
    return json.loads((SHAPES / "broken" / "2026-11-19.json").read_text("utf-8"))


def by_subtype(subtype: str | None) -> list[dict]:
    return [m for m in corpus() if m.get("subtype") == subtype]


# ---- the reader -------------------------------------------------------------------------------------

def test_the_corpus_has_every_documented_subtype_and_each_is_read_or_skipped_with_a_reason():
    seen = {m.get("subtype") for m in corpus()} - {None}
    assert set(SUBTYPES) <= seen
    for message in corpus():
        read = read_message(message)
        if isinstance(read, Skipped):
            assert read.reason and not read.bad, message  # not speech: said why, and not an error
        else:
            assert isinstance(read["text"], str) and read["text"].strip() and read["user"]
    assert SUBTYPES["tombstone"] and SUBTYPES["file_comment"] and SUBTYPES["channel_join"]
    assert read_message(by_subtype("some_future_subtype")[0]).reason.startswith("subtype 'some_future_subtype'")


def test_a_file_only_reply_reads_as_its_file_and_a_blocks_only_reply_as_its_blocks():
    upload = read_message(by_subtype("file_share")[0])
    assert upload["text"] == "Benchmark results" and upload["user"] == "U02" and not is_bot_post(upload)
    blocks_only = read_message(next(m for m in corpus() if "blocks" in m and "text" not in m))
    assert blocks_only["text"] == "Thursday works. <@U01> I'll update the changelog by Wednesday.\n• changelog\n• ✅"


def test_apps_are_never_people_and_their_attachments_are_their_words():
    ci, deploy, webhook = (read_message(m) for m in by_subtype("bot_message"))
    assert ci["text"] == "Nightly build\nBuild 812\nAll 1,204 tests passed on the py.test upgrade branch.\nDuration: 14 min"
    assert deploy["text"] == "Deploy finished\napi v2.3.1 is live in production"  # text beside attachments: both
    assert webhook["user"] == "jenkins" and webhook["bot_id"] == "jenkins"  # a 2016 webhook: no bot_id, no user
    app_user = read_message(next(m for m in corpus() if m.get("bot_profile")))
    slackbot = read_message(by_subtype("slackbot_response")[0])
    assert all(is_bot_post(m) for m in (ci, deploy, webhook, app_user, slackbot))
    unfurl = read_message(next(m for m in corpus() if m.get("text", "").startswith("Release checklist")))
    assert unfurl["text"] == "Release checklist: <https://example.com/checklist>"  # a person's link preview is not words


def test_an_edit_reads_as_the_message_it_now_is():
    edit = read_message(by_subtype("message_changed")[0])
    original = json.loads((SHAPES / "shapes" / "2026-11-17.json").read_text("utf-8"))[0]
    assert edit["ts"] == original["ts"] and edit["text"] != original["text"]
    assert edit["text"].endswith("हाँ, बिल्कुल।") and edit["user"] == "U04"


@pytest.mark.parametrize(("raw", "reason"), [
    ("text", "not a JSON object"),
    ({"user": "U1", "text": "x"}, 'no numeric "ts"'),
    ({"user": "U1", "text": "x", "ts": "soon"}, 'no numeric "ts"'),
    ({"user": "U1", "text": "x", "ts": True}, 'no numeric "ts"'),
    ({"subtype": "message_changed", "ts": "1.0"}, "an edit without the edited message"),
    ({"subtype": 5, "ts": "1.0", "user": "U1", "text": "x"}, "its subtype is not a string"),
])
def test_malformed_messages_are_bad_with_a_reason(raw, reason):
    read = read_message(raw)
    assert isinstance(read, Skipped) and read.bad and read.reason == reason


def test_a_message_with_nothing_to_read_is_skipped_quietly():
    read = read_message({"ts": "1.0", "user": "U1", "files": [{"mode": "tombstone", "title": "gone"}]})
    assert isinstance(read, Skipped) and not read.bad


# ---- the commands over the corpus ----------------------------------------------------------------------

def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    return result


@pytest.mark.parametrize("where", ["folder", "zip"])
def test_digest_over_every_shape_counts_people_only(where, shapes_zip):
    export = str(SHAPES if where == "folder" else shapes_zip)
    result = invoke("digest", export, "--channel", "shapes", "--json")
    assert result.exit_code == 0, result.output
    digest = json.loads(result.stdout)
    stats = digest["stats"]
    # Ten on Monday (the root, a file-only reply, a blocks-only reply, a thread broadcast, /me, an edited
    # reply, a reply to a tombstone, three top-level), seven on Tuesday (five scripts, a link, an AI chat root):
    # no joins, pins, tombstones, file comments, apps or the edit's second copy.
    assert (stats["messages"], stats["people"], stats["thread_replies"]) == (17, 5, 6)
    top = digest["threads"][0]
    assert top["author"] == "Ana" and top["replies"] == 6 and set(top["participants"]) == {"Ana", "Bob Brown", "Kenji"}
    everything = json.dumps(digest, ensure_ascii=False)
    assert "someone" not in everything and "(no text)" not in everything
    assert "ci-bot" not in everything and "jenkins" not in everything
    assert "हाँ, बिल्कुल" in everything or "क्या हम गुरुवार" in everything


@pytest.mark.parametrize("channel", ["shapes", "#shapes", "C0SHAPES", "secret-plans", "G0PRIVATE", "D0ANABOB"])
def test_channels_by_name_hash_name_or_id_including_private_ones_and_dms(channel, shapes_zip):
    result = invoke("digest", str(shapes_zip), "--channel", channel, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stats"]["messages"] > 0


def test_a_broken_week_is_digested_from_what_can_be_read_and_says_what_it_skipped(shapes_zip):
    result = invoke("digest", str(shapes_zip), "--channel", "broken")
    assert result.exit_code == 3
    where = f"{shapes_zip}:broken/"
    for problem in ("2026-11-16.json: not JSON", "2026-11-17.json: empty file", "2026-11-18.json: expected a JSON list",
                    "2026-11-19.json: message 0: not a JSON object", '2026-11-19.json: message 1: no numeric "ts"'):
        assert f"skipped {where}{problem}" in result.stderr
    assert "2 messages from 2 people, 1 of them in threads." in result.stdout
    assert "Can someone review the deploy script?" in result.stdout


def test_summarize_every_day_of_an_export_and_skip_only_what_is_broken(shapes_zip):
    result = invoke("summarize", str(shapes_zip), "--json")
    assert result.exit_code == 3
    summaries = [json.loads(line) for line in result.stdout.splitlines()]
    days = sorted(f"{shapes_zip}:{f.parent.name}/{f.name}" for f in SHAPES.rglob("*.json") if f.parent != SHAPES)
    unreadable = {f"{shapes_zip}:broken/2026-11-{d}.json" for d in (16, 17, 18)}
    assert sorted(s["source"] for s in summaries) == [d for d in days if d not in unreadable]
    assert result.stderr.count("skipped") == 3 + 4  # three files, four malformed messages
    participants = {name for s in summaries for name in s["participants"]}
    assert {"Ana", "Bob Brown", "Kenji", "प्रिया", "ليلى"} <= participants
    assert not participants & {"U01", "U02", "U03", "ci-bot", "jenkins", "deploy-bot", "CI"}


def test_summarize_a_day_file_names_people_from_the_users_json_beside_it(tmp_path):
    day = SHAPES / "shapes" / "2026-11-16.json"
    result = invoke("summarize", str(day), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["participants"] == ["Ana", "Bob Brown", "Kenji"]
    alone = tmp_path / "day.json"
    shutil.copy(day, alone)
    assert json.loads(invoke("summarize", str(alone), "--json").stdout)["participants"] == ["U01", "U02", "U03"]
    result = invoke("summarize", str(alone), "--json", "--users", str(SHAPES / "users.json"))
    assert json.loads(result.stdout)["participants"] == ["Ana", "Bob Brown", "Kenji"]


def test_analyze_never_nudges_what_is_not_a_person_speaking(shapes_zip):
    for export in (SHAPES, shapes_zip):
        result = invoke("analyze", str(export), "--channel", "shapes", "--json")
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        people = {r["ts"] for m in corpus() if not isinstance(r := read_message(m), Skipped) and not is_bot_post(r)
                  and r["user"] != "UBOT1"}
        assert {link["ts"] for link in report["links"]} == people
        assert {n["ts"] for n in report["nudges"]} <= people
    result = invoke("analyze", str(shapes_zip))
    assert result.exit_code == 2 and "choose one with --channel" in result.stderr
    result = invoke("analyze", str(shapes_zip), "--channel", "broken")
    assert result.exit_code == 3 and "2 messages from people" in result.stdout


def test_a_week_of_apps_only_lists_no_one():
    from adapters.slack.export_digest import build_digest

    apps = [m for m in corpus() if m.get("subtype") == "bot_message"]
    digest = build_digest(apps, {}, "shapes", "2026-W47")
    assert digest.stats["messages"] == digest.stats["people"] == 0 and digest.threads == ()
    assert "No messages from people." in digest.as_markdown() and "someone" not in digest.as_markdown()
    one = build_digest([{"ts": "1794819600.0", "user": "U01", "text": "hello"}], {}, "shapes", "2026-W47")
    assert "1 message from 1 person, 0 of them in threads." in one.as_markdown()


# ---- the same shapes through /slack/events ---------------------------------------------------------------

async def test_every_shape_through_slack_events_gets_200_and_only_people_are_nudged(slack_bot):
    """Each message not from a person is made long enough to deserve a long-message nudge if it were read
    as a person's; only the last one, a person's long message, may get it."""
    from tests.fakes.server import eventually
    from tests.fakes.slack_api import event_body
    from tests.test_slack_e2e import post_signed

    fake, url, _ = slack_bot
    padding = " and more" * 200
    shapes = corpus() + [m for m in broken_messages() if isinstance(m, dict)] + [{"type": "message"}]
    for k, raw in enumerate(shapes):
        event = {**raw, "channel": "C0SHAPES", "channel_type": "channel"}
        read = read_message(raw)
        if isinstance(read, Skipped) or is_bot_post(read) or read["user"] == "UBOT1":
            event["text"] = f"{raw.get('text', '')}{padding}"
            if isinstance(raw.get("message"), dict):
                event["message"] = {**raw["message"], "text": f"{raw['message'].get('text', '')}{padding}"}
        status, body = await post_signed(url, event_body(event, event_id=f"EvShape{k}"))
        assert status == 200, (raw, body)
    status, _ = await post_signed(url, event_body({"user": "U01"}, event_id="EvNoType"))
    assert status < 500  # no event type at all: Bolt has no listener for it, and says so
    person = {"type": "message", "user": "U03", "text": f"A long note{padding}", "ts": "1794900000.000100",
              "channel": "C0SHAPES", "channel_type": "channel"}
    assert (await post_signed(url, event_body(person, event_id="EvPerson")))[0] == 200
    nudges = await eventually(lambda: fake.calls_to("chat.postEphemeral"))
    assert [(n["user"], "long one" in n["text"]) for n in nudges] == [("U03", True)]


# ---- broadcasts: real mentions only ------------------------------------------------------------------------

def test_only_real_channel_mentions_are_broadcasts():
    from adapters.slack import translate
    from adapters.slack.export_analyze import channel_message

    def slack(text: str) -> bool:
        event = {"type": "message", "user": "U01", "text": text, "ts": "1794819600.0", "channel": "C0SHAPES"}
        return translate.message(event, "T1").broadcast and channel_message(read_message(event)).notifies_channel

    assert slack("<!here> standup moves to 10:30") and slack("<!channel|@channel> freeze") and slack("hi <!everyone>")
    for text in ("@everyone lunch at noon?", "email me @here.com", "ask @channel-ops", "<!subteam^S1> review"):
        assert not slack(text), text
    blocks_only = {"type": "message", "user": "U01", "ts": "1794819600.0", "channel": "C0SHAPES", "blocks": [
        {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
            {"type": "broadcast", "range": "channel"}, {"type": "text", "text": " deploy freeze"}]}]}]}
    assert translate.message(blocks_only, "T1").broadcast


def test_a_teams_channel_or_team_mention_is_a_broadcast_and_at_text_is_not():
    from botbuilder.schema import Activity

    from adapters.teams import translate

    def activity(text: str, mentioned: dict | None) -> Activity:
        entities = [{"type": "mention", "mentioned": mentioned, "text": f"<at>{mentioned['name']}</at>"}] if mentioned else []
        return Activity().deserialize({
            "type": "message", "id": "1", "text": text, "entities": entities, "serviceUrl": "https://smba.example",
            "from": {"id": "29:ana", "name": "Ana"}, "recipient": {"id": "28:bot"},
            "conversation": {"id": "19:chan@thread.tacv2;messageid=1"}})

    channel = translate.message(activity("<at>General</at> deploy freeze", {"id": "19:chan@thread.tacv2", "name": "General"}))
    assert channel.broadcast and channel.text == "@channel deploy freeze"
    assert not translate.message(activity("@everyone lunch?", None)).broadcast
    person = translate.message(activity("<at>Ken</at> lunch?", {"id": "29:ken", "name": "Ken"}))
    assert not person.broadcast


# ---- text is never re-spaced; any script round-trips ------------------------------------------------------

def test_detector_tokens_keep_words_whole_in_any_script():
    from skills.threads.text import mentioned_users, words

    assert words("Ship the py.test upgrade from traveling-sailor, see dirac72.md") == [
        "ship", "py.test", "upgrade", "traveling-sailor", "see", "dirac72.md"]
    assert words("क्या हम गुरुवार को रिलीज़ कर सकते हैं?") == ["क्या", "हम", "गुरुवार", "को", "रिलीज़", "कर", "सकते", "हैं"]
    assert words("هل يمكننا الإصدار يوم الخميس؟") == ["هل", "يمكننا", "الإصدار", "يوم", "الخميس"]
    assert words("我们周四发布吗？") == list("我们周四发布吗")
    assert words("木曜日にリリース") == ["木", "曜", "日", "に", "リ", "リ", "ー", "ス"]
    assert mentioned_users("प्रिया, क्या हम तैयार हैं?", {"प्रिया": "U04"}) == ({"U04"}, "U04")


def test_every_script_round_trips_through_every_command(shapes_zip):
    """What people wrote comes back as written: every word of theirs in any output is one of their words
    (no space put inside a word, no combining mark split off)."""
    def tokens(text: str) -> set[str]:
        return {t.strip(".,:;!?()\"'*_`…।？؟“”‘’«»") for t in text.split()} - {""}

    names = json.loads((SHAPES / "users.json").read_text("utf-8"))
    written = set().union(*(tokens(read["text"]) for m in corpus() if not isinstance(read := read_message(m), Skipped)),
                          *(tokens(u["profile"].get("display_name") or u["real_name"]) for u in names))
    outputs = [invoke("digest", str(shapes_zip), "--channel", "shapes", "--json").stdout,
               invoke("summarize", str(shapes_zip), "--channel", "shapes", "--json").stdout,
               invoke("summarize", str(SHAPES / "shapes" / "2026-11-16.json")).stdout]
    said = set().union(*(tokens(" ".join(_strings(json.loads(line)))) for out in outputs[:2]
                         for line in ([out] if out.startswith("{\n") else out.splitlines())))
    said |= tokens(outputs[2])
    foreign = {t for t in said if not t.isascii()}
    assert foreign and foreign <= written, foreign - written
    everything = "".join(outputs)
    for damaged in ("py. test", "dirac72. md", "traveling - sailor"):
        assert damaged not in everything


def test_a_digest_line_shows_words_as_written():
    from adapters.slack.export_digest import build_digest

    root = "Ship the py.test upgrade from traveling-sailor, notes in dirac72.md; क्या हम तैयार हैं?"
    messages = [{"ts": "1794819600.000100", "user": "U01", "text": root, "thread_ts": "1794819600.000100",
                 "reply_count": 1},
                {"ts": "1794819660.000100", "user": "U02", "text": "yes", "thread_ts": "1794819600.000100"}]
    [thread] = build_digest(messages, {}, "shapes", "2026-W47").threads
    assert thread.summary == "Ship the py.test upgrade from traveling-sailor, notes in dirac72.md; क्या हम तैयार हैं?"


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [s for item in value for s in _strings(item)] if isinstance(value, list) else []


def test_a_huge_message_is_read_as_slack_shows_it_cut_between_characters(tmp_path):
    from adapters.slack.messages import MAX_TEXT

    text = "हम गुरुवार को 👩‍💻 रिलीज़ करेंगे। " * 115_000  # 10 MB of UTF-8; Slack shows the first 40,000 characters
    read = read_message({"type": "message", "user": "U01", "ts": "1794819600.000100", "text": text})
    assert MAX_TEXT - 16 < len(read["text"]) <= MAX_TEXT and text.startswith(read["text"])
    after = text[len(read["text"])]  # what comes next starts a new character: no mark or joiner cut off
    assert unicodedata.category(after)[0] != "M" and after != "\u200d" and not read["text"].endswith("\u200d")
    day = tmp_path / "day.json"
    day.write_text(json.dumps([{"type": "message", "user": "U01", "ts": "1794819600.000100", "text": text},
                               {"type": "message", "user": "U02", "ts": "1794819660.000100", "text": "ठीक है"},
                               {"type": "message", "user": "U03", "ts": "1794819720.000100", "text": "हाँ"}]),
                   encoding="utf-8")
    for command in (["summarize", str(day), "--json"], ["analyze", str(day), "--json"]):
        assert invoke(*command).exit_code == 0


def test_emoji_sequences_leave_no_invisible_pieces_in_the_prose():
    from skills.summarize.utterance import clean_text

    assert clean_text("👩‍💻 done with the review 👨‍👩‍👧‍👦 🏳️‍🌈") == "done with the review"
    assert clean_text("🏴󠁧󠁢󠁥󠁮󠁧󠁿 go team 👍🏽") == "go team"
    assert clean_text("क्या हम 😀 तैयार हैं?") == "क्या हम तैयार हैं?"


def test_a_channels_folder_taken_out_of_an_export_is_read_day_by_day():
    result = invoke("analyze", str(SHAPES / "broken"))  # a folder of day files, two of them unreadable and one not a list
    assert result.exit_code == 3 and result.stdout.startswith("2 messages from people")
    assert f"skipped {SHAPES / 'broken' / '2026-11-17.json'}: empty file" in result.stderr
    result = invoke("summarize", str(SHAPES / "secret-plans"), "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["participants"] == ["Ana", "Kenji"]  # users.json one up
    result = invoke("summarize", str(SHAPES.parent / "summaries_gold"))
    assert result.exit_code == 2 and "neither a Slack export nor a channel's folder of day files" in result.stderr


def test_people_missing_from_users_json_are_named_as_their_messages_name_them():
    from adapters.slack.export_digest import build_digest

    profile = {"display_name": "Zoë", "real_name": "Zoë Z"}
    messages = [{"ts": "1794819600.000100", "user": "U09", "text": "Can we ship on Thursday?", "user_profile": profile,
                 "thread_ts": "1794819600.000100", "reply_count": 1},
                {"ts": "1794819660.000100", "user": "U09", "text": "I think so.", "thread_ts": "1794819600.000100"}]
    digest = build_digest(messages, {}, "shapes", "2026-W47")
    assert digest.stats["top_posters"] == [{"user": "Zoë", "messages": 2}]
    assert digest.threads[0].author == "Zoë" and digest.threads[0].participants == ("Zoë",)
