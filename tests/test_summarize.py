"""The offline summarizer on small handcrafted threads, the mention skill's reply, and the CLI's JSON contract."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner

from adapters.slack.export_thread import parse_slack_thread
from bot.actions import NotifyPrivately, Reply
from bot.cli import app
from bot.config import Settings
from bot.context import Context
from bot.model import Conversation, Mentioned, Message, Thread, User
from skills.summarize import handle, summary_reply
from skills.summarize.extractive import summarize
from skills.summarize.rewrite import to_third_person
from skills.summarize.utterance import Utterance, utterances_from_thread
from tests.fakes.memory_platform import MemoryPlatform

WHERE = Conversation("slack", "T1", "C1", thread_id="100.0")


def thread_of(*lines: tuple[str, str], **extra) -> list[Utterance]:
    return [Utterance(str(i), who, text, **extra.get(str(i), {})) for i, (who, text) in enumerate(lines)]


LAUNCH = thread_of(
    ("Maria", "I think we should move the launch to May, QA needs two more weeks."),
    ("Ken", "Agreed, May works for me."),
    ("Maria", "@Ken can you update the roadmap by Friday?"),
    ("Ken", "Sure. I'll send the new plan to marketing tomorrow."),
    ("Ana", "Who will tell the customers about the new date?"),
)


def test_decision_from_agreed_proposal():
    summary = summarize(LAUNCH)
    assert len(summary.decisions) == 1
    decision = summary.decisions[0]
    assert "move the launch to May" in decision.text and "Ken agreed" in decision.line
    assert decision.source_id == "0"


def test_explicit_decision_and_reaction_agreement():
    summary = summarize(thread_of(
        ("Ann", "Postgres or MySQL for the new service?"),
        ("Bob", "Postgres has better JSON support."),
        ("Ann", "OK, we'll go with Postgres."),
        ("Cid", "Let's ship the beta on Monday.", ),
        extra={},
    ))
    texts = [d.line for d in summary.decisions]
    assert any("go with Postgres" in t for t in texts)
    proposal = thread_of(("Ann", "Let's ship the beta on Monday"), ("Bob", "No, QA is not done"), ("Cid", "Hm."))
    assert summarize(proposal).decisions == ()  # objected to
    reacted = [Utterance("0", "Ann", "Maybe we rename the repo to etiquette", agreement=2),
               Utterance("1", "Bob", "The CI is red again"), Utterance("2", "Cid", "Looking at it now")]
    assert "2 agreed by reaction" in summarize(reacted).decisions[0].line


def test_action_items_have_owner_and_due_date():
    items = {(a.owner, a.text, a.due) for a in summarize(LAUNCH).action_items}
    assert ("Ken", "update the roadmap", "Friday") in items
    assert ("Ken", "send the new plan to marketing", "tomorrow") in items


def test_open_questions_are_the_unanswered_ones():
    summary = summarize(thread_of(
        ("Ann", "When is the demo for the client?"),
        ("Bob", "Thursday at 3pm in the big room."),
        ("Ann", "Great, thanks."),
        ("Ann", "Does anyone know the staging VPN password?"),
    ))
    questions = [q.text for q in summary.open_questions]
    assert questions == ["Ann: Does anyone know the staging VPN password?"]
    assert summary.open_questions[0].source_id == "3"


def test_question_to_someone_who_never_answers_stays_open():
    summary = summarize(thread_of(
        ("Ann", "@Cid did you renew the TLS certificate?"),
        ("Bob", "No idea, ask Cid."),
        ("Ann", "Bob, please check the expiry date of the certificate."),
    ), min_messages=1)
    assert [q.source_id for q in summary.open_questions] == ["0"]


def test_first_person_rewritten_in_third_person():
    assert to_third_person("I'll send it by Friday", "Ken") == "Ken will send it by Friday"
    assert to_third_person("I want a puppy for my son", "Amanda") == "Amanda wants a puppy for their son"
    assert to_third_person("Can you call me?", "Ken", "Ann") == "Can Ann call Ken?"
    assert to_third_person("I need to leave", "Ken") == "Ken needs to leave"
    tldr = summarize(LAUNCH).tldr
    assert tldr.startswith("Maria and Ken agreed to move the launch") and "I " not in tldr and "I'll" not in tldr


def test_a_question_is_labelled_like_a_statement_and_a_past_form_stays_past():
    from skills.summarize.rewrite import question_to_third_person

    assert question_to_third_person("any news from the bank?", "Ken", "Ann") == "Ken: Any news from the bank?"
    # the speaker already named by the rewrite: no "Quinn: Quinn is …"
    assert question_to_third_person("I'm not loaded either, innit?", "Quinn", "Jack") == "Quinn is not loaded either, innit?"
    assert to_third_person("I broke mum's vase", "Wendy") == "Wendy broke mum's vase"


def test_question_answered_yes_becomes_a_statement():
    tldr = summarize(thread_of(
        ("Ann", "Do you want to go to the cinema with me tonight?"),
        ("Bob", "Sure!"),
        ("Ann", "Tom, can you book the tickets for the late show?"),
    )).tldr
    assert "Bob wants to go to the cinema with Ann tonight." in tldr
    assert "Ann asks Tom to book the tickets for the late show." in tldr


def test_code_blocks_and_links_stay_out_of_the_tldr():
    summary = summarize(thread_of(
        ("Ann", "The deploy failed with ```KeyError: 'DATABASE_URL' in settings.py``` on prod servers again."),
        ("Bob", "The runbook is at https://wiki.example.com/runbook/deploy-failures for the database config."),
        ("Ann", "I will fix the database config on prod servers today."),
    ))
    assert "KeyError" not in summary.tldr and "```" not in summary.tldr
    assert "http" not in summary.tldr and "wiki.example" not in summary.tldr
    assert summary.tldr


def test_non_english_threads_do_not_crash():
    for lines in (
        [("Юля", "Давайте перенесём релиз на май?"), ("Кен", "Согласен, май подходит."), ("Юля", "Я обновлю план к пятнице.")],
        [("花子", "明日の会議は何時ですか？"), ("健", "午後三時です。"), ("花子", "ありがとう！資料を準備します。")],
        [("Ana", "¿Podemos mover el lanzamiento a mayo?"), ("Luis", "Sí, de acuerdo 👍"), ("Ana", "Perfecto, actualizo el plan.")],
        [("Ann", "🎉🎉🎉"), ("Bob", "```\n```"), ("Cid", "...")],
    ):
        summary = summarize(thread_of(*lines))
        assert isinstance(summary.tldr, str) and summary.tldr
        json.dumps(summary.to_json(), ensure_ascii=False)


def test_short_thread_says_nothing_to_summarize_yet():
    summary = summarize(thread_of(("Ann", "Hi, anyone here?"), ("Bob", "Yes")))
    assert summary.too_short and summary.tldr.startswith("Nothing to summarize yet")
    assert summary.decisions == summary.action_items == summary.open_questions == ()


def test_bot_messages_are_ignored():
    lines = thread_of(("Ann", "Let's deploy on Monday after the freeze."), ("Bob", "Agreed, Monday it is."))
    bots = [Utterance(f"b{i}", "Reminder Bot", "I'll remind everyone: who forgot the standup?", is_bot=True)
            for i in range(5)]
    summary = summarize(lines + bots)
    assert summary.too_short and "Reminder Bot" not in summary.participants
    summary = summarize(lines + bots + [Utterance("9", "Cid", "Fine by me, I'll tell QA tomorrow.")])
    assert "Reminder Bot" not in summary.tldr and "remind" not in json.dumps(summary.to_json())
    assert summary.participants == ("Ann", "Bob", "Cid")


def test_slack_file_resolves_users_reactions_edits_and_bots():
    utterances = parse_slack_thread({
        "messages": [
            {"ts": "2.0", "user": "U2", "text": "Sounds good <@U1>", "reactions": [{"name": "+1", "count": 2, "users": ["U1", "U2"]}]},
            {"ts": "1.0", "user": "U1", "text": "Let's use Postgres"},
            {"ts": "3.0", "subtype": "message_changed", "message": {"ts": "3.0", "user": "U1", "text": "edited text"}},
            {"ts": "4.0", "subtype": "channel_join", "user": "U3", "text": "joined"},
            {"ts": "5.0", "bot_id": "B1", "text": "beep"},
        ],
        "users": {"U1": "Maria", "U2": "Ken"},
    })
    assert [u.id for u in utterances] == ["1.0", "2.0", "3.0", "5.0"]
    assert utterances[1].speaker == "Ken" and utterances[1].agreement == 1  # Ken's own reaction does not count
    assert "<@U1|Maria>" in utterances[1].text and utterances[2].text == "edited text"
    assert utterances[3].is_bot


async def test_mention_replies_with_sections_links_and_note():
    people = {name: User(id=name[0], name=name) for name in ("Maria", "Ken", "Ana")}
    at = datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    messages = tuple(
        Message(u.id, people[u.speaker], u.text, at, WHERE, link=f"https://slack.example/p{u.id}") for u in LAUNCH
    ) + (Message("m", people["Ana"], "<@BOT> summarize", at, WHERE),)
    platform = MemoryPlatform(threads={"100.0": Thread(WHERE, messages, complete=False, note="Only the last 5 messages.")})
    event = Mentioned(messages[-1], "summarize")
    [reply] = await handle(event, Context(platform=platform, store=None, settings=Settings(_env_file=None)))
    assert isinstance(reply, Reply) and reply.conversation == WHERE
    assert "Only the last 5 messages." in reply.text and "Maria" in reply.text
    titles = [section.title for section in reply.sections]
    assert titles == ["Decisions", "Action items", "Open questions", "Participants"]
    actions = reply.sections[1].lines
    assert any(line.startswith("Ken: update the roadmap (due Friday)") and "<https://slack.example/p2|source>" in line
               for line in actions)
    assert reply.sections[3].lines == ("Maria, Ken, Ana",)

    private = Mentioned(messages[-1], "summarize private")
    [only_me] = await handle(private, Context(platform=platform, store=None, settings=Settings(_env_file=None)))
    assert isinstance(only_me, NotifyPrivately) and only_me.user.name == "Ana"
    assert only_me.text == reply.text and only_me.sections == reply.sections


def test_short_thread_reply_has_no_sections():
    at = datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    thread = Thread(WHERE, (Message("1", User("U1", "Ann"), "Hi", at, WHERE),))
    reply = summary_reply(summarize(utterances_from_thread(thread)), thread, WHERE)
    assert reply.text.startswith("Nothing to summarize yet") and reply.sections == ()


def _write(path: Path, data) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cli_json_contract_with_several_files(tmp_path):
    first = _write(tmp_path / "a.json", {
        "messages": [{"ts": f"{i}.0", "user": u, "text": t} for i, (u, t) in enumerate(
            [("U1", "I think we should move the launch to May."), ("U2", "Agreed."),
             ("U1", "<@U2> can you update the roadmap by Friday?"), ("U3", "Who tells the customers?")])],
        "users": {"U1": "Maria", "U2": "Ken", "U3": "Ana"},
    })
    second = _write(tmp_path / "b.json", [{"ts": "1.0", "user": "U9", "text": "hello?"}])
    result = CliRunner().invoke(app, ["summarize", str(first), str(second), "--json"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    one, two = (json.loads(line) for line in lines)
    assert set(one) == {"tldr", "decisions", "action_items", "open_questions", "no_decision", "waiting_on",
                        "participants", "language"}
    assert one["action_items"] == [{"text": "update the roadmap", "owner": "Ken", "due": "Friday",
                                    "due_date": "1970-01-02"}]  # Friday after ts 2.0 (Thursday, 1 Jan 1970)
    assert (one["no_decision"], one["waiting_on"], one["language"]) == (False, None, "en")
    assert one["participants"] == ["Maria", "Ken", "Ana"]
    assert one["open_questions"] == ["Ana: Who tells the customers?"]
    assert two["tldr"].startswith("Nothing to summarize yet") and two["participants"] == ["U9"]


def test_cli_text_llm_fallback_and_bad_file(tmp_path):
    good = _write(tmp_path / "a.json", [{"ts": str(i), "user": "U1" if i % 2 else "U2", "text": t}
                                         for i, t in enumerate(["Let's release on Monday", "Agreed", "I'll tag it"])])
    result = CliRunner().invoke(app, ["summarize", str(good), "--engine", "llm"])
    assert result.exit_code == 0 and result.stdout.startswith("TL;DR: ")
    assert "llm engine not configured" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    for args in ([str(bad)], [str(tmp_path / "missing.json")], [str(_write(tmp_path / "c.json", {"x": 1}))]):
        result = CliRunner().invoke(app, ["summarize", *args, "--json"])
        assert result.exit_code == 2 and result.stdout == ""  # nothing could be summarized
        assert f"skipped {args[0]}: " in result.stderr
    # A bad file among good ones is said on stderr with its path; the others are still summarized.
    result = CliRunner().invoke(app, ["summarize", str(bad), str(good), "--json"])
    assert result.exit_code == 3 and f"{bad}: not JSON" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1 and json.loads(result.stdout)["tldr"]


def test_items_without_the_tldr_are_the_same_items():
    full, items_only = summarize(LAUNCH), summarize(LAUNCH, with_tldr=False)
    assert items_only.tldr == "" and full.tldr
    assert (items_only.decisions, items_only.action_items, items_only.open_questions) == (
        full.decisions, full.action_items, full.open_questions)


def test_a_how_do_i_question_is_reported_as_how_to():
    from skills.summarize.rewrite import question_to_third_person
    assert question_to_third_person("how do I reseed the staging DB?", "alex_m", None) == "alex_m asks how to reseed the staging DB."
    assert question_to_third_person("Who should I ask about the VPN?", "Ana", None) == "Ana asks who to ask about the VPN."


def test_german_abbreviations_written_with_a_space_end_no_sentence():
    from skills.summarize.extractive import split_sentences
    assert split_sentences("Wollen wir feste Kernarbeitszeiten einführen, z. B. 10–15 Uhr? Der Support klappt nicht.") == \
        ["Wollen wir feste Kernarbeitszeiten einführen, z. B. 10–15 Uhr?", "Der Support klappt nicht."]
    assert split_sentences("Mehr Tests, d. h. mehr Zeit. Das ist Plan A. Beim nächsten Mal anders.") == \
        ["Mehr Tests, d. h. mehr Zeit.", "Das ist Plan A.", "Beim nächsten Mal anders."]
