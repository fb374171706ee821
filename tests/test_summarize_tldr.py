"""Which line leads the TL;DR: the outcome when there is good evidence of one (a group thread, a decision said as
one or agreed to, a deferral that says what it waits for), else the gist of the conversation."""

from __future__ import annotations

from tests.summary_threads import MONDAY, read


def tldr(*lines: tuple[str, str]) -> str:
    return read(*lines, start=MONDAY).tldr


def test_a_weak_settling_reply_between_two_people_does_not_replace_the_gist():
    chat = tldr(("Hannah", "Do u want to go check out the new bookstore on Kastanienallee tomorrow?"),
                ("Nigel", "I have brunch with Tristan first, after that I'm free."),
                ("Hannah", "OK"), ("Hannah", "I'm getting my hair done in the morning anyway."))
    assert not chat.startswith("Decided") and "bookstore" in chat


def test_a_decision_said_as_one_leads_even_between_two_people():
    decided = tldr(("Dee", "Release notes for 4.2 are ready, ship today or wait for the docs?"),
                   ("Eve", "The docs are two days out."), ("Dee", "Decision: we ship 4.2 today without the docs."))
    assert decided.startswith("Decided: They ship 4.2 today")


def test_a_settling_reply_in_a_group_thread_still_leads():
    group = tldr(("Nora", "Offsite venue: Lisbon or Berlin?"), ("Felix", "Lisbon is nicer."),
                 ("Gabi", "Berlin is cheaper and easier for the people who can't fly."), ("Nora", "Budget wins. Berlin it is."))
    assert group.startswith("Decided:") and "Berlin" in group


def test_thinking_it_over_between_two_people_is_not_an_undecided_thread_but_in_a_group_it_is():
    pair = tldr(("Terry", "Can I borrow your kayak this weekend?"), ("Gina", "Let me think about it, my brother might need it."),
                ("Terry", "Sure, tell me by Thursday."))
    assert not pair.startswith("No decision yet")
    group = tldr(("Vic", "Should we move to PrivateLink?"), ("Wen", "Let's do it, it's cheaper."),
                 ("Xavi", "Let's think about it more and revisit next week."))
    assert group.startswith("No decision yet")


def test_between_two_people_an_agreed_question_does_not_lead_but_an_agreed_statement_does():
    question = tldr(("Lilly", "We got back from Mexico, it was amazing."), ("Jamie", "Let's catch up soon! How about Monday at noon?"),
                    ("Lilly", "Sounds good."), ("Jamie", "My vacation was with family, quiet but nice."))
    assert not question.startswith(("Decided", "Lilly and Jamie agreed"))
    statement = tldr(("Alex", "I think we should fly directly to Split, it saves a whole day of travel."), ("Michelle", "Agreed."),
                     ("Alex", "I'll book it tonight."))
    assert statement.startswith("Decided: Alex thinks they should fly directly to Split")



def summary(*lines: tuple[str, str]):
    return read(*lines, start=MONDAY)


def test_the_next_step_keeps_a_day_that_names_a_meeting_or_a_range():
    """A weekday that says which meeting ("Thursday's security sync") is the due date but stays in the task, and a
    range of days taken on ("Dec 27–29") is none: cut out, they left "bring it to's security sync" and "take–29"."""
    sync = summary(
        ("Aisha", "Security review for the SSO rollout. We accept unsigned assertions when the metadata has no cert."),
        ("Aisha", "options: (a) enforce signatures for everyone, (b) new connections only"),
        ("Greg", "I lean (a) honestly"),
        ("Pieter", "they're a big account though. I'd want CS in the room before we break them"),
        ("Aisha", "agree we can't decide this without CS. I'll bring it to Thursday's security sync and invite Rosa"))
    assert "Aisha will bring it to Thursday's security sync and invite Rosa." in sync.tldr  # no "… by Thursday" again
    assert sync.action_items[0].text.startswith("bring it to Thursday's security sync")
    assert sync.action_items[0].due == "Thursday"
    cover = summary(("Brandon", "holiday on-call for Dec 24–Jan 1 is still empty 😬 anyone? we pay the holiday rate"),
                    ("Cat", "I can take Dec 27–29 but not the 24–26"),
                    ("Brandon", "thanks, putting you down for 27–29"),
                    ("Ahmed", "I'm traveling the whole time, sorry"))
    assert [(a.text, a.owner, a.due) for a in cover.action_items] == [("take Dec 27–29 but not the 24–26", "Cat", None)]


def test_the_gist_does_not_repeat_the_next_step_and_ends_before_it():
    said = tldr(("Bernd", "Audit ist am 15. Januar, was fehlt noch"),
                ("Kathrin", "Die Liste der 6 Leute ohne Schulungsnachweis schick ich dir heute"),
                ("Jonas", "Ich aktualisiere die Zugriffsliste bis Freitag"),
                ("Bernd", "Ich kümmere mich um die Richtlinien bis Ende der Woche"))
    gist, step = said.split(" Next: ")
    assert gist.endswith(".") and "Schulungsnachweis" not in gist and "Schulungsnachweis" in step


def test_the_next_step_named_is_one_that_says_what_it_is_about():
    said = tldr(("Nora", "Design review for the new search results page: should the filter rail collapse?"),
                ("Ben", "ok sort moves to the top of results."), ("Nora", "I'll update that today."),
                ("Jae", "I'll check with the search team if the trending endpoint can be reused."),
                ("Omar", "Let's test both in next week's usability sessions, no decision yet."))
    assert "update that" not in said and "trending endpoint" in said


def test_no_decision_waits_until_a_clause_and_does_not_quote_the_opening_twice():
    """ "let's revisit once Nick has the numbers": "waiting until Nick has the numbers" ("waiting for Nick has …" is
    no English); the opening question is quoted in "No decision yet on …", so the second sentence is another one."""
    said = tldr(("Tom", "should we move the mobile app to React Native?"),
                ("Eve", "I'd rather not, the team knows Swift and Kotlin well"),
                ("Tom", "but we maintain two codebases for every feature"),
                ("Nick", "we need the numbers on duplicated work before deciding"),
                ("Tom", "fair. let's revisit once Nick has the numbers."))
    assert said.startswith("No decision yet on “should we move the mobile app to React Native”: "
                           "waiting until Nick has the numbers. ")
    assert said.count("React Native") == 1


def test_a_bare_deferral_waits_for_what_the_message_before_it_needs_first():
    """ "we need conversion numbers first" — "ok let's think about it more and revisit next week": the thread waits
    for the conversion numbers, though the deferral itself does not say so."""
    said = tldr(("Lee", "proposal: we drop the free tier in Q2"),
                ("Ola", "I'm worried about signups, free is 60% of our top of funnel"),
                ("Max", "we need conversion numbers first"),
                ("Lee", "ok let's think about it more and revisit next week"), ("Ola", "sounds good"))
    assert said.startswith("No decision yet on “proposal: we drop the free tier in Q2”: waiting for conversion numbers. ")


def test_a_deal_between_two_people_leads_the_tldr():
    """ "fine, alerts in January for another 1k" — "Deal, thanks Sam!": agreed to as settled, so the TL;DR says what
    was decided first, however few words it has."""
    said = tldr(("Sam", "I can migrate the dashboards for 2k if we skip the alerts."), ("Ana", "what about the alerts later?"),
                ("Sam", "fine, alerts in January for another 1k."), ("Ana", "Deal, thanks Sam!"))
    assert said.startswith("Decided: Alerts in January for another 1k.")


def test_the_second_sentence_does_not_retell_what_the_decision_answered():
    """The question a decision answers, and the answer it takes up, are told by "Decided: …" already: the second
    sentence is not "Ray: Bump to 500GB or clean old snapshots?"."""
    said = tldr(("Ray", "staging db is at 95% disk. bump to 500GB or clean old snapshots?"),
                ("Sal", "clean snapshots, we keep 90 days for no reason"),
                ("Ray", "ok doing that, 30 days retention from now on"), ("Sal", "👍"))
    assert said.startswith("Decided: Clean snapshots, 30 days retention from now on.")
    assert "500GB" not in said and "90 days" not in said


def test_an_incident_tldr_leads_with_the_fix_and_keeps_its_sentences_apart():
    """ "Token erneuert, Zahlungen gehen wieder durch": the TL;DR tells first that the trouble is over, on what, then
    the next step; a sentence written without a full stop ends before the next speaker's ("… fehl. Anja: …")."""
    said = tldr(("Stefan", "Zahlungen per PayPal schlagen seit ca. 10:20 fehl 🔥"),
                ("Anja", "Schaue ich mir an, sieht nach abgelaufenem API-Token aus"),
                ("Anja", "Token erneuert, Zahlungen gehen wieder durch"),
                ("Stefan", "Danke! Können wir einen Alert dafür bauen?"),
                ("Anja", "Ja, ich baue bis Freitag einen Alert, der 14 Tage vorher warnt"))
    assert said.startswith("Fixed: Token erneuert, Zahlungen gehen wieder durch (on “Zahlungen per PayPal schlagen")
    assert "Next: Anja:" in said and "Freitag" in said
    english = tldr(("Hana", "sev2 - orders-db primary is at 98% disk, writes starting to fail"),
                   ("Owen", "looking. it's the audit_log table, someone turned on verbose logging in prod yesterday"),
                   ("Owen", "I'm moving the old partitions to cold storage"),
                   ("Owen", "disk at 71% now, writes recovered"), ("Hana", "nice, thanks"))
    assert english.startswith("Fixed: Disk at 71% now, writes recovered (on “sev2 - orders-db")
    french = tldr(("Julien", "@channel l'api de paiement renvoie des 500 depuis 10h12 🔥"),
                  ("Camille", "je regarde, ca ressemble au deploy de ce matin"), ("Julien", "oui le taux d'erreur est a 30% sur /checkout"),
                  ("Camille", "rollback fait, erreurs revenues a 0 ✅"), ("Julien", "top merci"))
    assert french.startswith("Fixed: rollback fait, erreurs revenues a 0")
    # not while it is still broken
    assert not tldr(("Rafael", "o login tá fora pra quem usa sso 😬"), ("Bruna", "tô vendo, o certificado expirou"),
                    ("Bruna", "renovei mas ainda não está funcionando"), ("Rafael", "ok")).startswith("Fixed")
    apart = tldr(("Stefan", "Zahlungen per PayPal schlagen seit ca. 10:20 fehl 🔥"),
                 ("Anja", "Schaue ich mir an, sieht nach abgelaufenem API-Token aus"), ("Stefan", "Danke, sag Bescheid"))
    assert "fehl. Anja" in apart


def test_a_revised_date_leads_and_the_old_one_is_not_retold():
    summary = read(("Ana", "launch date is April 28"), ("Ben", "marketing needs more time, can we move it?"),
                   ("Ana", "ok, revised: launch moves to May 12"), ("Ben", "great, thanks"))
    assert [d.line for d in summary.decisions] == ["Launch moves to May 12 (Ben agreed)"]
    assert summary.tldr.startswith("Decided: Launch moves to May 12.") and "April 28" not in summary.tldr


def test_work_handed_out_to_two_people_names_both_and_no_head_count():
    said = tldr(("Sam", "offsite logistics, who does what?\n- Jen: book hotel\n- Luis: catering quotes by Friday"),
                ("Jen", "on it"), ("Luis", "sure, will do"), ("Sam", "thanks!"))
    assert said == "Jen will book hotel; Luis takes catering quotes by Friday."


def test_checking_with_others_first_is_no_decision_and_says_on_whom_it_waits():
    summary = read(("Zoe", "should we move standup to 10am? 9 is early for the west coast folks"),
                   ("Ahmed", "10 clashes with the design sync"), ("Mila", "what about 9:30?"), ("Ahmed", "9:30 works"),
                   ("Zoe", "ok let me check with the west coast folks first"))
    assert summary.decisions == () and summary.no_decision and summary.waiting_on == "the west coast folks"
    assert summary.tldr.startswith("No decision yet on “should we move standup to 10am”: waiting for the west coast folks.")


def test_a_sentence_that_introduced_a_code_block_loses_its_colon():
    said = tldr(("Lena", "error in prod:\n```\nWhy is this null? at Foo.bar()\n```\nanyone seen this?"),
                ("Omar", "yes, it's the cache key bug, fixed in 2.3.1"), ("Lena", "thanks, upgrading"))
    assert "prod:." not in said and "error in prod." in said


def test_a_fix_confirmed_in_a_word_is_told_by_the_fix_itself():
    """ "ya agregué la nueva uri, probá ahora" — "funciona 👌 gracias vale": the TL;DR tells what was done, not "funciona"."""
    said = tldr(("diego", "se cayó el login con google en la app de Tandem, a varios usuarios les sale redirect_uri_mismatch"),
                ("vale", "es porque cambiamos el dominio a app.tandem.io y no actualizamos la consola de google"),
                ("vale", "ya agregué la nueva uri, probá ahora"), ("diego", "funciona 👌 gracias vale"))
    assert said.startswith("Fixed: ya agregué la nueva uri, probá ahora (on “se cayó el login con google")


def test_a_request_taken_by_someone_else_leads_the_tldr():
    """ "@romain tu peux relire la spec … ?" — "désolé …" — "je peux la relire moi": who does it is the outcome."""
    said = tldr(("élodie", "@romain tu peux relire la spec de l'export comptable avant vendredi ?"),
                ("romain", "désolé je suis sous l'eau avec la migration, pas avant la semaine pro"),
                ("manon", "je peux la relire moi, j'ai bossé sur l'ancien export"), ("élodie", "parfait merci manon !"))
    assert said.startswith("Next: manon: relire la spec de l'export comptable (due vendredi).")
    english = tldr(("greg", "@maya can you take my on-call for sat? my kid's recital"), ("maya", "sorry cant this weekend, im out of town"),
                   ("dario", "i got it greg, swap me your tue shift?"), ("greg", "deal, thanks dario!!"))
    assert english.startswith("dario will take greg's on-call for sat.")
