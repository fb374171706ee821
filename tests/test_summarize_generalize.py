"""Issue 12, open questions and action items on threads the rules were not written on: a reply that sets out to
find the answer leaves the question open; Italian; Hindi word order; a task reported done in its verb's
participle; a negated promise."""

from __future__ import annotations

from skills.summarize.extractive import summarize
from tests.summary_threads import thread


def test_a_reply_that_goes_to_find_the_answer_leaves_the_question_open():
    for reply in ("let me check the SLA wording with legal, will tell you tomorrow",
                  "i'd like to, but we need to figure out whether the SLA covers it",
                  "depends on the contract, ask the figma rep"):
        summary = summarize(thread(("Diego", "the search cluster is green again, reindex finished"),
                                   ("Diego", "@Marta do we owe the enterprise customers anything for the outage?"),
                                   ("Marta", reply)))
        assert [q.text for q in summary.open_questions] == [
            "Diego: @Marta do we owe the enterprise customers anything for the outage?"], reply
    answered = summarize(thread(("Diego", "@Marta do we owe the enterprise customers anything for the outage?"),
                                ("Marta", "no, the outage was inside the maintenance window"), ("Diego", "ok")))
    assert answered.open_questions == ()


def test_italian_threads_are_read_with_italian_cues():
    summary = summarize(thread(
        ("Alessandro", "ho visto i voti: 7 per Bologna, 3 per Torino. Andiamo a Bologna. Giulia, blocchi tu l'agriturismo?"),
        ("Giulia", "sì, chiamo oggi"),
        ("Luca", "io posso fare il workshop sulla roadmap entro venerdì"),
        ("Giulia", "agriturismo bloccato per il 14-15 aprile")))
    assert summary.language == "it"
    # Giulia's booking was reported done in the thread; Luca's workshop is still to do, by Friday
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [
        ("Luca", "fare il workshop sulla roadmap", "venerdì")]


def test_hindi_promise_with_its_object_first():
    summary = summarize(thread(("Rahul", "अगले sprint की planning यहीं कर लेते हैं"),
                               ("Sneha", "staging पर Razorpay की test keys भी चाहिए"),
                               ("Rahul", "test keys मैं आज शाम तक Vault में डाल दूँगा")))
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [("Rahul", "test keys Vault में डालना", "आज शाम तक")]


def test_a_negated_promise_is_no_task():
    summary = summarize(thread(("Katrin", "Moritz, magst du die Referenzgespräche machen?"),
                               ("Moritz", "Diese Woche krieg ich das echt nicht hin, sorry."),
                               ("Katrin", "Ok, dann frage ich Jonas.")))
    assert all(a.owner != "Moritz" for a in summary.action_items)
