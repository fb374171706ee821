"""The detectors on the patterns teams actually write: settling replies, revisions, undecided threads, accepted
requests, split owners, answered and quoted questions, five languages and any script."""

from __future__ import annotations

from skills.summarize.extractive import summarize
from skills.summarize.language import thread_language
from skills.summarize.rewrite import to_third_person
from skills.summarize.utterance import Utterance

MONDAY = 1794787200  # 2026-11-16 00:00 UTC, a Monday


def thread(*lines: tuple[str, str], start: int = MONDAY + 9 * 3600) -> list[Utterance]:
    return [Utterance(f"{start + 60 * i}.000100", who, text) for i, (who, text) in enumerate(lines)]


def decisions(*lines) -> list[str]:
    return [d.text for d in summarize(thread(*lines)).decisions]


def test_short_settling_replies_are_decisions_with_what_they_settle():
    venue = decisions(("Nora", "Offsite venue: Lisbon or Berlin?"), ("Felix", "Lisbon is nicer."),
                      ("Gabi", "Berlin is cheaper and easier for the people who can't fly."), ("Nora", "Budget wins. Berlin it is."))
    assert len(venue) == 1 and "Berlin" in venue[0]
    deal = decisions(("Sam", "I can do the migration for 2k if we skip the dashboards."), ("Ana", "Hmm, what about the dashboards later?"),
                     ("Sam", "Fine, dashboards in January for another 1k."), ("Ana", "Deal, thanks Sam!"))
    assert len(deal) == 1 and "dashboards in January" in deal[0] and "Ana agreed" in deal[0]


def test_unanimous_and_agreed_with_a_date():
    assert decisions(("Ola", "Priya was great in every round."), ("Ben", "Strong yes from me."),
                     ("Ola", "Unanimous then: we're making Priya an offer."))
    agreed = decisions(("Kim", "Can we move the launch to March 31?"), ("Lee", "QA needs until the 28th anyway."),
                       ("Kim", "Agreed, March 31."))
    assert agreed and "March 31" in agreed[0]


def test_a_revision_replaces_the_earlier_decision():
    texts = decisions(("Ana", "Decision: the onboarding launch is on April 28."), ("Bo", "Great."),
                      ("Cy", "Load tests failed, the sync drops events."),
                      ("Ana", "Update: we decided to move the onboarding launch to May 12 instead."))
    assert len(texts) == 1 and "May 12" in texts[0]


def test_revisit_is_no_decision_and_says_what_it_waits_for():
    summary = summarize(thread(("Vic", "Should we move to PrivateLink to cut the NAT costs?"),
                               ("Wen", "Let's do it, it's cheaper."),
                               ("Xavi", "Let's think about it more and revisit next week, we need numbers from finance first.")))
    assert summary.decisions == () and summary.no_decision
    assert summary.waiting_on and "finance" in summary.waiting_on
    assert summary.tldr.startswith("No decision yet") and "finance" in summary.tldr


def test_tldr_is_outcome_first_and_at_most_two_sentences():
    summary = summarize(thread(("Maria", "I think we should move the launch to May, QA needs two more weeks."),
                               ("Ken", "Sounds good."), ("Maria", "Ken, please update the roadmap by Friday."),
                               ("Ken", "Will do.")))
    assert summary.tldr == "Maria and Ken agreed to move the launch to May, QA needs two more weeks. " \
                           "Ken will update the roadmap by Friday."
    undecided = summarize(thread(("Vic", "Should we move to PrivateLink?"), ("Wen", "Let's do it."),
                                 ("Xavi", "Let's revisit next week, waiting for numbers from finance."),
                                 ("Wen", "Someone should ask finance for the NAT numbers.")))
    assert undecided.tldr == "No decision yet on “Should we move to PrivateLink”: waiting for numbers from finance. " \
                             "Still to do: ask finance for the NAT numbers (no owner yet)."


def test_a_request_by_name_belongs_to_the_person_asked_and_due_dates_resolve():
    items = summarize(thread(("Mo", "The incident is over, thanks all."), ("Ken", "Glad it's fixed."),
                             ("Mo", "Ken, please write the postmortem by Thursday."), ("Ken", "Will do."))).action_items
    assert [(a.owner, a.text, a.due) for a in items] == [("Ken", "write the postmortem", "Thursday")]
    assert items[0].due_date.isoformat() == "2026-11-19"


def test_one_line_per_task_and_per_owner():
    items = summarize(thread(("Ada", "Release checklist time."),
                             ("Bo", "adele will update the release notes, and Alex will write the migration script."),
                             ("Adele", "ok"), ("Alex", "I'll send the signed contract to legal tomorrow."),
                             ("Alex", "So yes, I'll send the contract to legal tomorrow."))).action_items
    owners = sorted((a.owner, a.text) for a in items)
    assert ("Adele", "update the release notes") in owners
    assert ("Alex", "write the migration script") in owners
    assert sum("contract" in text for _, text in owners) == 1


def test_owner_is_never_invented():
    [item] = summarize(thread(("Gabi", "Berlin is booked."), ("Hugo", "Great news."),
                              ("Gabi", "Someone should send a save-the-date to the whole team."))).action_items
    assert item.owner is None and "save-the-date" in item.text


def test_open_questions_are_unanswered_and_never_quoted_text():
    summary = summarize(thread(
        ("Ana", "We're moving the release to Tuesday."),
        ("Cy", "Found this on Stack Overflow:\n> Why does my build hang after upgrading?\nSame as ours."),
        ("Ana", "Do we need finance to sign off?"),
        ("Cy", "Also, is the changelog ready?"), ("Bo", "Yes, merged an hour ago."),
        ("Bo", "Who is going to tell the sales team about the new date?")))
    texts = [q.text for q in summary.open_questions]
    assert any("tell the sales team" in t for t in texts) and any("finance" in t for t in texts)
    assert not any("build hang" in t for t in texts) and not any("changelog" in t for t in texts)


def test_german_french_spanish_and_portuguese_decisions_and_owners():
    de = summarize(thread(("Jonas", "Release Dienstag oder Donnerstag?"), ("Mia", "Dienstag, der Fix ist drin."),
                          ("Jonas", "Entscheidung: Release am Dienstag."), ("Mia", "Ich kümmere mich um die Release Notes bis Montag.")))
    assert de.language == "de" and "Release am Dienstag" in de.decisions[0].text
    assert [(a.owner, a.due) for a in de.action_items] == [("Mia", "Montag")]
    fr = summarize(thread(("Léa", "On décale la démo ?"), ("Paul", "Oui, le client est absent vendredi."),
                          ("Léa", "C'est décidé : la démo est décalée à lundi."), ("Paul", "Je m'en occupe, je préviens le client.")))
    assert fr.language == "fr" and "décalée à lundi" in fr.decisions[0].text and fr.action_items[0].owner == "Paul"
    es = summarize(thread(("Ana", "¿Sacamos la versión el martes o el jueves?"), ("Luis", "Mejor el jueves, falta el fix."),
                          ("Ana", "Decidido: sale el jueves."), ("Luis", "Me encargo de avisar a soporte.")))
    assert es.language == "es" and "jueves" in es.decisions[0].text and es.action_items[0].owner == "Luis"
    pt = summarize(thread(("Bia", "Qual opção de plano a gente lança?"), ("Caio", "A opção B é mais simples."),
                          ("Bia", "Fechado: vamos com a opção B."), ("Caio", "Pode deixar que eu atualizo a página de preços.")))
    assert pt.language == "pt" and "opção B" in pt.decisions[0].text and pt.action_items[0].owner == "Caio"


def test_any_script_survives_intact():
    hindi = "क्या हम कल रिलीज़ करें?"
    summary = summarize(thread(("Asha", hindi), ("Ravi", "हाँ, staging ठीक है।"), ("Asha", "ठीक है, कल रिलीज़ करेंगे।"),
                               ("Ravi", "👍 मैं notes लिखूँगा।")))
    assert thread_language([hindi]) == "und"
    shown = " ".join([summary.tldr] + [q.text for q in summary.open_questions])
    assert "क ्" not in shown and all(word in hindi for word in ("क्या", "रिलीज़"))
    assert to_third_person("I'll ship dirac72.md with py.test and the traveling-sailor fix, 日本語もOK", "Ken") == \
        "Ken will ship dirac72.md with py.test and the traveling-sailor fix, 日本語もOK"


def test_names_keep_their_case_in_tasks():
    items = summarize(thread(("Ana", "Release checklist."), ("Bo", "Looks complete."),
                             ("Ana", "TODO: Priya to review the iOS build"), ("Bo", "TODO: iOS release notes need a pass"))).action_items
    assert [a.text for a in items] == ["Priya to review the iOS build", "iOS release notes need a pass"]
