"""The offline tools over real Slack data nobody on the team wrote: haskell-jp's public Slack log.

tests/data/real_exports/haskell-jp holds verbatim pages of the Japan Haskell User Group's published log
(Apache-2.0; provenance in its README.md), laid out as a Slack export by its convert.py. Every number
asserted here was counted by hand in the raw pages.
"""

from __future__ import annotations

import json
import re
import runpy
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from adapters.app import create_app
from adapters.slack.export import open_export
from adapters.slack.export_digest import build_digest
from adapters.slack.messages import Skipped, read_message
from bot.cli import app
from skills.digest import Week, working_share
from skills.digest.message import activity_chart
from tests.conftest import SIGNING_SECRET
from tests.fakes.bot_connector import CHANNEL_ID, Person, channel_message, post_activity
from tests.fakes.server import eventually, serving
from tests.fakes.slack_api import BOT_USER_ID, event_body
from tests.test_message_store_e2e import blocks_text, deliver
from tests.test_slack_e2e import post_signed

SOURCE = Path(__file__).parent / "data" / "real_exports" / "haskell-jp"
EXPORT = SOURCE / "export"
runner = CliRunner()


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def known_ids() -> dict[str, str]:
    return {user["id"]: user["name"] for user in json.loads((EXPORT / "users.json").read_text("utf-8"))}


def test_the_export_is_what_convert_makes_of_the_raw_pages(tmp_path):
    """convert.py is the only way the sample was made: it gives the committed files, every message unchanged."""
    convert = runpy.run_path(str(SOURCE / "convert.py"))
    convert["main"](tmp_path / "export")
    made = {p.relative_to(tmp_path / "export"): p.read_bytes() for p in (tmp_path / "export").rglob("*.json")}
    assert made == {p.relative_to(EXPORT): p.read_bytes() for p in EXPORT.rglob("*.json")}
    day_messages = [m for day in sorted(EXPORT.glob("*/*.json")) for m in json.loads(day.read_text("utf-8"))]
    page_messages = [m for page in sorted((SOURCE / "raw").glob("*/*.json")) for m in json.loads(page.read_text("utf-8"))]
    assert sorted(day_messages, key=lambda m: m["ts"]) == sorted(page_messages, key=lambda m: m["ts"])
    assert len(day_messages) == 42 + 22 + 34 + 29 + 24 + 31 + 20  # general/10, haskell-day/6, 7, questions/29, 30, 64, 65
    export = open_export(EXPORT)
    assert len(export.conversations) == 28
    assert [day.isoformat() for day in export.days("questions")][:2] == ["2018-10-11", "2018-10-12"]
    assert export.users["U4LGTMTMK"].name == "igrep"


def test_slacks_own_join_notices_are_not_people_speaking():
    """The logger dropped `subtype`: a join reads `<@U…> has joined the channel`, from the one who joined."""
    joined = {"ts": "1538995252.000200", "text": "<@UD8LHGFBK> has joined the channel", "user": "UD8LHGFBK",
              "type": "message"}
    assert read_message(joined) == Skipped("someone joined the channel")
    left = {**joined, "text": "<@UD8LHGFBK|ju> has left the channel"}
    assert read_message(left) == Skipped("someone left the channel")
    # Someone else's words about a join are speech, and so is a longer message that starts the same way.
    about = {**joined, "user": "U4LGTMTMK"}
    assert read_message(about)["text"] == joined["text"]
    longer = {**joined, "text": "<@UD8LHGFBK> has joined the channel, welcome!"}
    assert read_message(longer)["text"] == longer["text"]


def test_analyze_counts_the_people_of_general_and_not_the_21_joins_or_slackbot():
    shown = cli("analyze", str(EXPORT), "--channel", "general")
    # #general's page: 42 messages = 13 from people + 7 Slackbot reminders + 21 joins + 1 empty (its file was dropped).
    assert shown.startswith("13 messages from people (7 posts by apps left out)")
    links = json.loads(cli("analyze", str(EXPORT), "--channel", "general", "--json"))["links"]
    # The newcomer's hello (1538996020) answers nobody: before, it was linked to their own join notice.
    assert {link["ts"]: link["parent_ts"] for link in links}["1538996020.000100"] is None


def test_no_reply_nudge_for_an_answer_to_a_message_days_old():
    """The live bot looks 6 hours back for what a message answers; the offline report does the same."""
    report = json.loads(cli("analyze", str(EXPORT), "--channel", "haskell-day", "--json"))
    parent = {link["ts"]: link["parent_ts"] for link in report["links"]}
    # igrep's "@nakaji-dayo そういえば…何か知見はありますかね？" scores as an answer to nakaji-dayo's "了解です！" of
    # five days before, and nakaji-dayo's "アウトラインの作成遅れていてすみません" to a message of four days before.
    assert parent["1536740877.000100"] == "1536297522.000100" and parent["1536296975.000100"] == "1535931288.000100"
    nudged = {n["ts"] for n in report["nudges"] if n["kind"] == "reply_outside_thread"}
    assert nudged and not nudged & {"1536740877.000100", "1536296975.000100"}
    assert all(float(ts) - float(parent[ts]) <= 6 * 3600 for ts in nudged)


def test_the_digest_counts_nine_messages_from_five_people_in_week_27():
    shown = cli("digest", str(EXPORT), "--channel", "#questions", "--week", "2019-W27")
    # kakkun61 ×4, shunsuke.masuda ×2, igrep, ncaq, yharuhi39 (Jul 1–7, UTC); the 5 joins that week are not people.
    assert "9 messages from 5 people, 0 of them in threads." in shown


def test_without_a_week_the_digest_shows_the_latest_week_people_wrote_in():
    """#general's last day files (Oct 15 and 18, 2018-W42) hold a Slackbot reminder and a join: nobody's words.
    The digest goes back to 2018-W41 and says so on stderr; --week still shows exactly the week asked for."""
    result = runner.invoke(app, ["digest", str(EXPORT), "--channel", "general"])
    assert result.exit_code == 0, result.output
    # ju.koba.itit.shar, junji.hashimoto ×2, maoe ×2 (Oct 8–11); 2 joins, a reminder and an empty file post are not
    assert result.stdout.startswith("# #general — week 2018-W41\n")
    assert "5 messages from 3 people, 0 of them in threads." in result.stdout
    assert "2018-W42, the export's last week, has no messages from people: showing 2018-W41" in result.stderr
    asked = runner.invoke(app, ["digest", str(EXPORT), "--channel", "general", "--week", "2018-W42"])
    assert asked.exit_code == 0 and asked.stdout.startswith("# #general — week 2018-W42\n")
    assert "No messages from people." in asked.stdout and not asked.stderr


def test_no_working_hours_are_made_up_when_users_json_has_no_time_zones():
    """haskell-jp's users.json has handles only: the chart highlighted 9 to 5 UTC for a channel working in Tokyo."""
    members = list(open_export(EXPORT).users.values())
    assert working_share(members, "UTC", date(2018, 9, 12)) == [0.0] * 24
    export = open_export(EXPORT)
    week = Week.parse("2018-W37")
    digest = build_digest(export.week_messages("haskell-day", week), export.users, "haskell-day", str(week), members)
    chart = activity_chart(digest, week, members)
    assert sum(bar.value for bar in chart.bars) == 27 and not any(bar.highlight for bar in chart.bars)
    assert chart.caption == "No member's time zone is known, so no hours are highlighted."


def test_a_day_of_joins_only_has_nothing_to_summarize():
    shown = cli("summarize", str(EXPORT / "questions" / "2019-06-29.json"))
    assert shown.strip() == "Nothing to summarize yet: no messages from people so far."  # not "only 0 messages"


def test_summaries_of_every_day_name_people_never_by_an_id_users_json_knows(tmp_path):
    zipped = tmp_path / "haskell-jp Slack export.zip"
    with zipfile.ZipFile(zipped, "w") as bundle:  # as Slack delivers it
        for file in sorted(EXPORT.rglob("*.json")):
            bundle.write(file, f"haskell-jp/{file.relative_to(EXPORT).as_posix()}")
    result = runner.invoke(app, ["summarize", str(zipped), "--json"])
    assert result.exit_code == 0, result.output  # 28 channels listed, 25 without a folder: nothing skipped
    summaries = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(summaries) == len(list(EXPORT.glob("*/*.json"))) == 67
    ids = known_ids()
    shown = json.dumps(summaries, ensure_ascii=False)
    assert not [uid for uid in ids if uid in shown]
    people = {name for s in summaries for name in s["participants"]}
    assert {"igrep", "as_capabl", "shunsuke.masuda", "nobsun", "fumieval"} <= people
    # Who only joined is no participant; the ids left are people users.json does not know (joined in 2019).
    unknown = {name for name in people if re.fullmatch(r"U[A-Z0-9]{8}", name)}
    assert unknown == {"UGM9F7XQS"}


@pytest.mark.parametrize("channel", ["general", "questions"])
def test_every_message_of_the_sample_is_read_or_skipped_for_a_reason(channel):
    for day in sorted((EXPORT / channel).glob("*.json")):
        for raw in json.loads(day.read_text("utf-8")):
            read = read_message(raw)
            assert not (isinstance(read, Skipped) and read.bad), (day.name, raw["ts"], read)


def summary(day: str) -> dict:
    return json.loads(cli("summarize", str(EXPORT / f"{day}.json"), "--json"))


def test_an_answered_question_is_not_left_open_and_a_supposition_is_no_task():
    # igrep asks how to build a test value (…できないでしょうか？); a_kirisaki suggests a do-nothing connection,
    # adding "…がどんな型なのかわからないとなんとも言えませんが" (a caveat, not "I don't know"); igrep: "そっちから変えましょう".
    day = summary("questions/2019-07-16")
    assert day["open_questions"] == []
    assert day["action_items"] == []  # "…テスト用に作りたくなったとします" supposes, it promises nothing
    assert day["decisions"] == []  # "…ということにしました" is what igrep had tried before asking


def test_a_who_question_answered_by_a_promise_in_a_later_sentence_is_not_open():
    # ncaq: the wiki's certificate expired, "誰が管理者でしょう?" — matsubara0507 names fumi, and fumieval
    # answers "見落としていました。明日直します" (with kakkun61's unrelated question in between).
    assert summary("questions/2018-11-13")["open_questions"] == []


def test_inline_code_stays_in_the_sentence():
    tldr = summary("questions/2019-06-27")["tldr"]
    assert "ログ出力を目的としていて、typeOfを使えばよいのですが" in tldr
    assert "で、を" not in tldr and "、 を" not in tldr


def test_the_press_release_decision_reads_as_said_and_thanks_are_not_part_of_it():
    day = summary("haskell-day/2018-09-13")
    assert day["decisions"] == ["ひとまずプレスは今回はやらないことにします。"]
    assert "。." not in day["tldr"] and "ありがとう" not in day["tldr"]


def test_a_pasted_timetable_holds_talk_titles_not_questions():
    # igrep's draft timetable lists "- 15:45 - 16:05 :yellow_heart: aiya: Semigroupとは？ Monoidとは？ 環とは？（仮） 0:20";
    # the only question that day is matsubara0507's "交代の時間を勘定してないけど大丈夫ですかね？", which igrep answers.
    day = summary("haskell-day/2018-09-02")
    assert day["participants"] == ["igrep", "matsubara0507"]
    assert day["open_questions"] == []


def test_polite_verb_forms_that_promise_nothing_are_no_action_items():
    """ "…ように見えます" (it looks), "…と思っております", "登録お願いします" (a request), "手伝いがんばります"."""
    result = runner.invoke(app, ["summarize", str(EXPORT), "--json"])
    tasks = [item["text"] for line in result.stdout.splitlines() if line.startswith("{")
             for item in json.loads(line)["action_items"]]
    assert not [t for t in tasks if re.search(r"(?:見え|おり|お願いし|頑張り|がんばり|[たるだ]とし)$", t)], tasks


# The #questions conversation of 2019-07-16, replayed live: the log keeps no thread_ts, but it was a thread
# (cutsea110's reply links to notogawa's as …?thread_ts=1563243381.100300), so the replies carry that root.
ROOT = "1563243381.100300"
QUESTIONS = "C5666B6BB"


@pytest.fixture
async def slack_bot_in_2019(slack_api, make_settings):
    """The real app, its clock on the day of the conversation (the store keeps 35 days), people from users.json."""
    fake, api_url = slack_api
    for uid, name in known_ids().items():
        fake.add_user(uid, name)
    now = datetime(2019, 7, 16, 12, 0, tzinfo=timezone.utc)
    fake.clock = now.timestamp
    settings = make_settings(slack_signing_secret=SIGNING_SECRET, slack_bot_token="xoxb-test",
                             slack_api_base_url=api_url, backfill_poll_seconds=3600, outbox_poll_seconds=3600,
                             digest_poll_seconds=3600)
    async with serving(create_app(settings, clock=lambda: now)) as url:
        yield fake, url


async def test_a_real_thread_replayed_as_signed_events_is_summarized_with_names_and_nothing_left_open(slack_bot_in_2019):
    fake, url = slack_bot_in_2019
    said = [m for m in json.loads((EXPORT / "questions" / "2019-07-16.json").read_text("utf-8"))]
    assert [m["ts"] for m in said][0] == ROOT and len(said) == 12
    events = [{**m, "channel": QUESTIONS, "channel_type": "channel", "event_ts": m["ts"],
               **({"thread_ts": ROOT} if m["ts"] != ROOT else {})} for m in said]
    await deliver(url, events, concurrency=1)
    ask = {"type": "app_mention", "channel": QUESTIONS, "user": "U4LGTMTMK", "text": f"<@{BOT_USER_ID}> summarize",
           "ts": "1563266400.000100", "event_ts": "1563266400.000100", "thread_ts": ROOT}
    status, _ = await post_signed(url, event_body(ask, event_id="EvAsk"))
    assert status == 200
    [reply] = await eventually(lambda: fake.calls_to("chat.postMessage"))
    assert reply["channel"] == QUESTIONS and reply["thread_ts"] == ROOT
    shown = blocks_text(reply)
    for name in ("igrep", "a_kirisaki", "myuon_myon", "notogawa", "fumieval", "cutsea110"):  # all six who spoke
        assert name in shown, name
    assert not [uid for uid in known_ids() if uid in shown]
    assert "Open questions" not in shown  # a_kirisaki answered it and igrep took the answer
    assert "clientConnection" in shown  # inline code kept in the words quoted


async def test_the_same_real_thread_replayed_on_teams_is_summarized_with_names_and_nothing_left_open(teams_bot):
    """The 2019-07-16 conversation again, as Teams activities through the loopback Bot Connector: people's
    names come from each activity's sender, links arrive as plain URLs, and the summary reads the same."""
    fake, service_url, bot_url, _ = teams_bot
    names = known_ids()
    said = json.loads((EXPORT / "questions" / "2019-07-16.json").read_text("utf-8"))
    root_id = "1563243381100"
    for i, message in enumerate(said):
        uid = message["user"]
        sender = Person(f"29:1{uid.lower()}", names[uid], f"00000000-0000-0000-0000-{i:012d}")
        text = re.sub(r"<(https?://[^>|]+)(?:\|[^>]*)?>", r"\1", message["text"]).replace("&amp;", "&")
        activity_id = root_id if i == 0 else str(int(root_id) + 1000 * i)
        status, _ = await post_activity(bot_url, channel_message(service_url, text, root_id, sender=sender,
                                                                 activity_id=activity_id))
        assert status == 202, i
    await post_activity(bot_url, channel_message(service_url, "summarize", root_id, activity_id="1563266400000",
                                                 mention_bot=True))
    [sent] = await eventually(lambda: fake.sent_to(f"{CHANNEL_ID};messageid={root_id}"))
    shown = sent.text + "\n" + json.dumps(sent.activity.get("attachments") or [], ensure_ascii=False)
    for name in ("igrep", "a_kirisaki", "myuon_myon", "notogawa", "fumieval", "cutsea110"):
        assert name in shown, name
    assert not [uid for uid in names if uid in shown]
    assert "Open questions" not in shown
    assert "clientConnection" in shown
    assert sent.text.splitlines()[0].count("igrep:") == 1  # two of igrep's sentences in a row: named once
