"""The detectors on the patterns teams actually write: settling replies, revisions, undecided threads, accepted
requests, split owners, answered and quoted questions, five languages and any script."""

from __future__ import annotations

from skills.summarize.extractive import summarize
from skills.summarize.language import thread_language
from skills.summarize.rewrite import to_third_person
from tests.summary_threads import thread


def decisions(*lines) -> list[str]:
    return [d.line for d in summarize(thread(*lines)).decisions]


def test_short_settling_replies_are_decisions_with_what_they_settle():
    venue = decisions(("Nora", "Offsite venue: Lisbon or Berlin?"), ("Felix", "Lisbon is nicer."),
                      ("Gabi", "Berlin is cheaper and easier for the people who can't fly."), ("Nora", "Budget wins. Berlin it is."))
    assert len(venue) == 1 and "Berlin" in venue[0]
    deal = decisions(("Sam", "I can do the migration for 2k if we skip the dashboards."), ("Ana", "Hmm, what about the dashboards later?"),
                     ("Sam", "Fine, dashboards in January for another 1k."), ("Ana", "Deal, thanks Sam!"))
    assert len(deal) == 1 and deal[0].startswith("Dashboards in January for another 1k") and "Ana agreed" in deal[0]


def test_a_short_decision_is_tied_to_the_option_put_forward_not_to_a_plus_one():
    topic = decisions(("Yasmin", "Lunch & learn next Friday. Ideas so far: (a) the home-lab k3s setup, (b) intro to our billing system"),
                      ("Deepa", "(b) please, I still don't get proration"), ("Finn", "+1 for billing"), ("Yasmin", "billing it is."))
    assert len(topic) == 1 and "intro to our billing system" in topic[0] and "+1" not in topic[0]


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
    assert thread_language([hindi]) == "hi"
    shown = " ".join([summary.tldr] + [q.text for q in summary.open_questions])
    assert "क ्" not in shown and all(word in hindi for word in ("क्या", "रिलीज़"))
    assert to_third_person("I'll ship dirac72.md with py.test and the traveling-sailor fix, 日本語もOK", "Ken") == \
        "Ken will ship dirac72.md with py.test and the traveling-sailor fix, 日本語もOK"


def test_names_keep_their_case_in_tasks():
    items = summarize(thread(("Ana", "Release checklist."), ("Bo", "Looks complete."),
                             ("Ana", "TODO: Priya to review the iOS build"), ("Bo", "TODO: iOS release notes need a pass"))).action_items
    assert [a.text for a in items] == ["Priya to review the iOS build", "iOS release notes need a pass"]


def undecided(*lines) -> bool:
    return summarize(thread(*lines)).no_decision


def test_the_asker_concludes_and_replaces_what_was_read_on_the_way():
    sunset = decisions(("Nick", "We're removing the v1 webhooks. How much notice do we give?"),
                       ("Opal", "Our policy says 6 months for breaking changes."),
                       ("Nick", "Could we do 3 months and reach out to the 12 accounts personally?"),
                       ("Opal", "No, let's stick to the policy."), ("Pia", "Fair."),
                       ("Nick", "OK, 6 months, sunset date June 30. I'll draft the deprecation email."))
    assert len(sunset) == 1 and "6 months, sunset date June 30" in sunset[0]
    rollback = decisions(("Léa", "On revient à la version précédente ou on attend un correctif ?"),
                         ("Hugo", "Le correctif est simple, je peux le livrer cet après-midi."),
                         ("Léa", "D'accord, on attend le correctif, pas de rollback."))
    assert len(rollback) == 1 and "pas de rollback" in rollback[0]


def test_a_statement_put_to_the_group_for_consent_is_decided_when_nobody_objects():
    moved = decisions(("Irene", "The sync drops events, we can't launch on the 28th."),
                      ("Irene", "ok. then we move the launch to May 12. objections?"), ("Pat", "May 12 works for marketing."))
    assert len(moved) == 1 and "May 12" in moved[0]
    verschoben = decisions(("Jonas", "Der Login-Fix ist noch nicht fertig."),
                           ("Jonas", "Wir verschieben das Release auf Dienstag. Einwände?"), ("Mia", "Passt."))
    assert len(verschoben) == 1 and "Dienstag" in verschoben[0]
    assert not decisions(("Jonas", "Der Login-Fix ist noch nicht fertig."),
                         ("Jonas", "Wir verschieben das Release auf Dienstag. Einwände?"),
                         ("Mia", "Nein, Dienstag ist der Betriebsausflug."))


def test_a_question_about_what_the_team_does_answered_yes_or_no_is_a_decision():
    roadmap = decisions(("Leo", "Globex rotated their IdP cert and logins broke."),
                        ("Quinn", "Longer term, should we warn admins before their IdP cert expires? That would have helped."),
                        ("Mara", "Yes, let's add that to the Q3 roadmap."))
    assert len(roadmap) == 1 and "Q3 roadmap" in roadmap[0] and "warn admins" in roadmap[0]
    anual = decisions(("Rosa", "O plano legado sobe para 10 dólares."), ("Rosa", "Devemos manter o preço antigo para os clientes anuais?"),
                      ("Gabriel", "Sim, até a renovação de cada contrato."))
    assert len(anual) == 1 and "renovação" in anual[0]
    # objected to right after, or only a task taken: not a decision
    assert not decisions(("Jess", "Should we count teams with only one active user?"), ("George", "No, one user isn't a team."),
                         ("Jess", "But that would drop our baseline by a third."))
    assert not decisions(("Sol", "The disk alert now fires at 90%."),
                         ("Remy", "Can we also review all paging alerts at the next ops review?"),
                         ("Quin", "Yes, I'll put it on the agenda."))


def test_parking_the_threads_own_question_leaves_interim_steps_undecided():
    assert undecided(("Sabine", "Wollen wir feste Kernarbeitszeiten einführen, etwa 10–15 Uhr?"),
                     ("Jens", "Grundsätzlich ok, aber 10–15 ist für Eltern schwierig."),
                     ("Jens", "Sollen wir bis dahin eine Erreichbarkeits-Rotation für den Support machen?"),
                     ("Oksana", "Gute Idee, ich mache bis Freitag einen Entwurf."),
                     ("Sabine", "Danke. Entscheidung zur Kernarbeitszeit erst nach dem Termin mit dem Betriebsrat."))
    # a side question parked at the end leaves what was settled before standing
    kickoff = summarize(thread(("Marta", "Kickoff dates: week of Jan 13 or Jan 20?"), ("Ben", "13th please."),
                               ("Sofia", "13 works."), ("Marta", "Jan 13–15 it is then."),
                               ("Henrik", "do interns join the hackathon teams?"),
                               ("Marta", "good one, let me think about that.")))
    assert not kickoff.no_decision and "Jan 13–15" in kickoff.decisions[0].text


def test_one_voice_among_several_is_not_a_decision_and_a_later_objection_cancels():
    assert undecided(("Carla", "Teamevent im Dezember: Bowling oder Kochkurs?"),
                     ("Henrik", "Kochkurs! Bowling hatten wir letztes Jahr schon."),
                     ("Petra", "Kochkurs ist für die Veganer im Team schwierig."),
                     ("Carla", "Ich frag HR nach dem Zuschuss, und dann entscheiden wir."))
    assert not decisions(("Ivo", "Let's use Postgres for the events store."), ("Uma", "+1"),
                         ("Raj", "Unrelated: the staging deploy is green again."),
                         ("Tess", "Wait, Postgres won't take the write volume, we measured 40k inserts/s."))


def test_support_for_a_stated_decision_is_not_a_second_one_and_a_new_point_is():
    q2 = decisions(("Iris", "We can do two of three: SCIM, analytics, Slack app v2. Top two?"), ("Jamal", "SCIM and Slack."),
                   ("Keiko", "SCIM and analytics."),
                   ("Iris", "SCIM is unanimous. So Q2 = SCIM + Slack app v2, analytics moves to Q3."),
                   ("Keiko", "makes sense, the September cutoff wins"))
    assert len(q2) == 1 and "analytics moves to Q3" in q2[0] and "Keiko agreed" in q2[0]
    vendor = decisions(("Greta", "Rollbar renews in March. Do we renew or switch? Options: Rollbar, Sentry, GlitchTip."),
                       ("Hank", "Sentry's tracing would replace our timing middleware."),
                       ("Greta", "Agreed, GlitchTip is out."))
    assert any(d.startswith("Agreed, GlitchTip is out") for d in vendor)


def test_endorsement_in_each_language_makes_a_plan_a_decision():
    assert decisions(("Léa", "Les tests de charge sont finis."), ("Léa", "La version 2.4 sort jeudi après la démo client."),
                     ("Hugo", "Ça me va."))
    assert decisions(("Ana", "Las pruebas de carga terminaron."), ("Ana", "La versión 2.4 sale el jueves después de la demo."),
                     ("Luis", "Me parece bien."))


def test_a_thread_opened_to_choose_that_ends_without_a_choice_says_so():
    summary = summarize(thread(("Tia", "Should we move the weekly sync to Thursdays?"), ("Uli", "Thursday is packed for me."),
                               ("Val", "fine either way"), ("Tia", "hm")))
    assert summary.decisions == () and summary.no_decision and summary.tldr.startswith("No decision yet")
    # a thread that asked nothing to decide is not "undecided"
    assert not summarize(thread(("Ana", "The staging deploy is green again."), ("Ben", "Nice, thanks!"),
                                ("Cid", "The flaky test is fixed too."))).no_decision


def test_the_asker_naming_an_option_decides_it():
    for closing in ("Seville. I'm booking the hotel now.", "Seville then, flights matter more."):
        offsite = decisions(("Hal", "Offsite: Porto or Seville?"), ("Ivy", "Porto is closer for most."),
                            ("Jon", "Seville has cheaper flights."), ("Hal", closing))
        assert len(offsite) == 1 and offsite[0].startswith("Seville"), closing
    logo = decisions(("Olaf", "Neues Logo: Variante A oder B?"), ("Pia", "B wirkt moderner."), ("Quirin", "Auch B."),
                     ("Olaf", "Gut, dann nehmen wir B. Ich gebe der Agentur Bescheid."))
    assert len(logo) == 1 and logo[0].startswith("Gut, dann nehmen wir B")  # with what it settles: (re: “Neues Logo: …”)


def test_a_problem_raised_or_a_refusal_after_agreement_leaves_it_undecided():
    assert undecided(("Ana", "Proposal: we drop IE11 support in the next release."), ("Ben", "+1"),
                     ("Cid", "Three enterprise customers still use IE11 according to the logs."),
                     ("Dee", "Then we can't drop IE11 yet, sales would lose those deals."))
    assert undecided(("Lars", "Wechseln wir von Jenkins zu GitLab CI?"), ("Mona", "Bin dafür, Jenkins ist ein Pflegefall."),
                     ("Nils", "Die Migration dauert aber mindestens einen Sprint."),
                     ("Lars", "Stimmt. Ich melde mich, sobald der PO den Sprint freigibt."))
    # a problem raised and answered by agreeing anew does not undo it
    kept = decisions(("Yara", "We should fix all 5 criticals before the tender deadline."), ("Wren", "Agreed."),
                     ("Zed", "That's tight but doable if we pause the redesign."),
                     ("Wren", "Ok, pausing the redesign for a week is fine."))
    assert any("criticals" in d for d in kept)


def test_or_is_read_in_the_threads_language():
    # Portuguese "o" is an article, not "or": "Vamos migrar o front …?" is no choice between two options
    assert undecided(("Quim", "Vamos migrar o front para Next.js?"), ("Rita", "Acho que sim, o SSR ajudaria no SEO."),
                     ("Saulo", "Mas a equipe não conhece React Server Components."),
                     ("Rita", "Verdade, seria bom um spike antes."), ("Quim", "Faz sentido, volto com novidades."))
    assert decisions(("Tere", "¿Hacemos la retro el jueves o el viernes?"), ("Ugo", "El viernes hay mucha gente fuera."),
                     ("Tere", "Pues el jueves a las 16h."))


def test_an_approval_or_an_answer_that_repeats_the_asked_verb_decides():
    monitor = decisions(("Mo", "My screen died this morning."), ("Mo", "Can I expense a second monitor? ~$300"),
                        ("Lea", "Yes, approved."))
    assert len(monitor) == 1 and "approved" in monitor[0] and "second monitor" in monitor[0]
    assert decisions(("Rui", "A fatura saiu duplicada."), ("Rui", "Posso pedir o reembolso?"), ("Sol", "Sim, aprovado."))
    refund = decisions(("Kim", "Acme was charged twice. Can we refund the duplicate?"),
                       ("Alex", "Checked Stripe, there are two charges on Nov 1."),
                       ("Dana", "Refund the second one, no need to wait for approval under $5k."))
    assert len(refund) == 1 and refund[0].startswith("Refund the second one")
    # "should I …?" asks for a task, not a decision
    assert not decisions(("Grace", "Offer is out."), ("Sven", "should I send her the take-home feedback she asked for?"),
                         ("Grace", "yes please, this week"))


def test_a_new_day_for_a_release_the_revision_names_replaces_the_old_one():
    v4 = decisions(("Gail", "Decision: we ship v4 on Monday."), ("Hugh", "👍"), ("Ian", "QA found a blocker in checkout."),
                   ("Gail", "Change of plan: v4 ships Wednesday after the checkout fix."))
    assert len(v4) == 1 and "Wednesday" in v4[0]


def test_settling_words_before_a_promise_still_settle():
    lunch = decisions(("Ada", "Team lunch Friday: thai or pizza?"), ("Bo", "thai!"), ("Cy", "thai"),
                      ("Ada", "thai it is, I'll book for 8 at 12:30"))
    assert len(lunch) == 1 and lunch[0].startswith("Thai it is") and "book" not in lunch[0]


def test_putting_the_decision_off_is_not_one_whatever_else_is_agreed():
    assert undecided(("Dee", "The billing service is slow at month end. Rewrite in Go or optimise the Python?"),
                     ("Eli", "Profile first, I bet it's the ORM."),
                     ("Fay", "Agreed, we'll profile during the next close and decide then."),
                     ("Dee", "ok. Eli, can you set up py-spy on the billing workers?"), ("Eli", "yep"))
    assert undecided(("Pam", "For the events store: DynamoDB or Postgres?"), ("Quin", "Dynamo, we don't want to run another database."),
                     ("Rae", "Postgres handles our volume with partitioning."),
                     ("Pam", "agreed, let's load test both with the real schema before picking"))
    # dismay from the asker after a yes: not settled
    assert undecided(("Tom", "Can we drop Safari 14 support? It blocks container queries."),
                     ("Una", "Fine by me, it's under 1% of sessions."),
                     ("Vik", "Our biggest customer, a bank, is still on Safari 14."),
                     ("Tom", "Ugh. Do we know when they upgrade?"))


def test_a_rule_announced_and_acknowledged_is_a_decision_and_a_status_report_is_not():
    freeze = decisions(("Lou", "Heads up: we're freezing the API for v5 on Friday."), ("Max", "ok"),
                       ("Nia", "noted, my PR will make it"))
    assert len(freeze) == 1 and "freezing the API" in freeze[0]
    assert decisions(("Uwe", "Ab Montag gilt: Deployments nur noch bis 15 Uhr."), ("Vera", "ok"), ("Wim", "passt"))
    assert not decisions(("Uwe", "Ab Montag gilt: Deployments nur noch bis 15 Uhr."), ("Vera", "ok"),
                         ("Wim", "Nein, freitags brauchen wir länger."))
    assert not decisions(("Xia", "Deploy of 4.2 is done, all green."), ("Yan", "nice"), ("Zoe", "great work"))


def test_two_items_settled_in_one_message_are_two_decisions():
    """A decisive message that also settles another item in passing gives one line per item, in every language;
    a reason carried after the decision stays with it."""
    cases = [
        [("Ray", "Do we keep the get_items alias, and do we still support Python 3.8?"), ("Bo", "keep the alias please"),
         ("Ray", "Decision: we keep the alias through 3.x. Dropping 3.8 is fine, it's EOL.")],
        [("Mia", "Was machen wir in Q2, SCIM oder Billing?"), ("Lukas", "SCIM zuerst, die Kunden warten."),
         ("Mia", "Entscheidung: Q2 ist SCIM. Das Billing rückt auf Q3.")],
        [("Léa", "Pour mai, on livre le SSO ou la facturation ?"), ("Hugo", "Le SSO, deux clients attendent."),
         ("Léa", "C'est décidé : on livre le SSO en mai. La facturation passe en juillet.")],
        [("Ana", "¿Para mayo hacemos SSO o facturación?"), ("Luis", "SSO, hay dos clientes esperando."),
         ("Ana", "Decidido: en mayo entregamos el SSO. La facturación pasa a julio.")],
        [("Rita", "Em maio fazemos SSO ou cobrança?"), ("Caio", "SSO, dois clientes estão esperando."),
         ("Rita", "Decidido: em maio entregamos o SSO. A cobrança passa para julho.")],
    ]
    for lines in cases:
        found = decisions(*lines)
        assert len(found) == 2, found
        assert not any(word in found[0] for word in ("3.8", "Billing", "facturation", "facturación", "cobrança")), found
    reason = decisions(("Ray", "Do we keep the get_items alias?"), ("Bo", "keep it please"),
                       ("Ray", "Decision: we keep the alias through 3.x. It avoids breaking everyone's scripts."))
    assert len(reason) == 1 and "scripts" in reason[0]


def test_the_answer_to_a_question_of_fact_is_not_a_choice():
    """ "… or does the notice cover it?" asks what is true: its answer is information. "A or B?" about what the
    team does is still settled by its answer."""
    for lines in [
        [("Santi", "do we need an SLA exception email for enterprise, or does the notice cover it?"),
         ("Nadine", "the notice covers it, contracts allow maintenance with 7 days notice")],
        [("Jonas", "Brauchen wir eine Freigabe vom Betriebsrat, oder ist das durch die Vereinbarung abgedeckt?"),
         ("Petra", "Das ist durch die Vereinbarung abgedeckt.")],
        [("Marc", "Il faut un avenant au contrat, ou c'est couvert par les conditions générales ?"),
         ("Julie", "C'est couvert par les conditions générales.")],
        [("Pablo", "¿Necesitamos otro contrato o está cubierto por el actual?"), ("Inés", "Está cubierto por el contrato actual.")],
        [("Bia", "Precisamos de um aditivo ou está coberto pelo contrato atual?"), ("Davi", "Está coberto pelo contrato atual.")],
    ]:
        assert decisions(*lines, (lines[0][0], "ok, thanks")) == [], lines
    assert decisions(("Stella", "do we announce it in the newsletter or just the changelog?"), ("Ray", "both"), ("Lim", "ok"))


def test_a_summing_up_line_settles_the_choice_whatever_comes():
    """ "So either way: Lisbon, with a hybrid setup …" in the middle of a message closes the question, in every
    language; "whoever can't travel" inside it is not a refusal of the choice."""
    cases = [
        ("Lisbon office or Madrid office?", "Madrid is being renovated until February.", "Lisbon then. I'll ask finance for the travel budget.",
         "Thanks Ana. If finance says no, the remote people join online. So either way: Lisbon, with a hybrid setup for whoever can't travel.",
         "hybrid"),
        ("Büro Lissabon oder Büro Madrid?", "Madrid wird bis Februar renoviert.", "Dann Lissabon. Ich frage die Finanzabteilung nach dem Reisebudget.",
         "Danke Ana. Wenn die Finanzabteilung nein sagt, sind die Remote-Leute online dabei. "
         "So oder so: Lissabon, mit Hybrid-Setup für alle, die nicht reisen können.", "Hybrid"),
        ("Bureau de Lisbonne ou bureau de Madrid ?", "Madrid est en travaux jusqu'en février.",
         "Lisbonne me semble mieux. Je demande le budget voyage à la finance.",
         "Merci Ana. Si la finance dit non, les collègues à distance suivent en ligne. "
         "Dans tous les cas : Lisbonne, en format hybride pour ceux qui ne peuvent pas venir.", "hybride"),
        ("¿Oficina de Lisboa u oficina de Madrid?", "Madrid está en obras hasta febrero.", "Lisboa entonces. Pido a finanzas el presupuesto de viaje.",
         "Gracias Ana. Si finanzas dice que no, la gente en remoto se conecta en línea. "
         "En cualquier caso: Lisboa, con formato híbrido para quien no pueda viajar.", "híbrido"),
        ("Escritório de Lisboa ou escritório de Madri?", "Madri está em obras até fevereiro.", "Então Lisboa. Vou pedir o orçamento de viagem ao financeiro.",
         "Valeu Ana. Se o financeiro disser não, o pessoal remoto entra online. "
         "De qualquer forma: Lisboa, com formato híbrido para quem não puder viajar.", "híbrido"),
    ]
    for asked, fact, answer, summing_up, word in cases:
        found = decisions(("Marta", asked), ("Sofia", fact), ("Ana", answer), ("Marta", summing_up))
        assert len(found) == 1 and word in found[0], found
    remark = decisions(("Marta", "Lisbon office or Madrid office?"), ("Ana", "Lisbon then."),
                       ("Sofia", "The Lisbon room has a big screen for whoever can't travel."))
    assert len(remark) == 1 and "Lisbon" in remark[0]
    refused = decisions(("Marta", "Lisbon office or Madrid office?"), ("Ana", "Lisbon then."),
                        ("Sofia", "We can't book Lisbon, it is taken that week."))
    assert refused == []


def test_a_question_handed_off_sidestepped_or_asked_without_a_question_mark_stays_open():
    def open_in(*lines) -> str:
        return " ".join(q.text for q in summarize(thread(*lines)).open_questions)

    assert "Q1" in open_in(("Farah", "Are we sure v3 needs to ship in Q1?"), ("Hugo", "That's not my call, ask Greta."),
                           ("Nils", "Classic."))
    assert "headcount" in open_in(("Bruno", "Letícia, alguma novidade da vaga no headcount de 2027?"),
                                  ("Letícia", "concordo que é ruim, mas não depende de mim. a gente espera o orçamento"),
                                  ("Bruno", "ok"))
    assert "session store" in open_in(("Hamid", "Is the session store the right home for the rate limiter's keys?"),
                                      ("Sven", "Maybe not, but that's a bigger discussion."), ("Clara", "Thanks all, closing the incident."))
    assert "notify" in open_in(("Arjun", "Approved. Do we need to notify customers about the IDOR?"),
                               ("Sana", "Also: Cobalt offers a free retest within 60 days."), ("Arjun", "Nice."))
    assert "charge for exports" in open_in(("Carla", "Egress doubled in November."), ("Nikhil", "It's the export feature."),
                                           ("Thom", "The real question is whether we charge for exports above some size."))
    de = summarize(thread(
        ("Kerstin", "Ich frage mich, ob Viewer-Seats für die Entwickler reichen. Können Sie aufschlüsseln, wer editiert?"),
        ("Daniel", "Klar, schick ich Ihnen bis Donnerstag."), ("Birgit", "Danke.")))
    assert any("Viewer-Seats" in q.text for q in de.open_questions)
    assert any(a.owner == "Daniel" and "aufschlüsseln" in a.text for a in de.action_items)
    assert not open_in(("Ana", "Do we need finance to sign off?"), ("Bo", "No, it's under the limit."),
                       ("Cy", "Btw the changelog is merged."), ("Ana", "Great."))


def test_a_look_reported_on_is_done_and_a_named_person_told_what_to_do_owns_it():
    incident = summarize(thread(("Ken", "I'll IC. Dev can you look at the proxy side?"), ("Dev", "yep"),
                                ("Dev", "proxy looks healthy, p99 is 180ms on its side."), ("Ken", "thanks")))
    assert not incident.action_items
    fr = summarize(thread(("Sophie", "La MEP passe à lundi 16, Julien tu prends le 4471 mercredi, Aurélie tu refais la recette facturation."),
                          ("Aurélie", "ok pour moi"), ("Julien", "ça marche")))
    assert {(a.owner, a.text.split()[0]) for a in fr.action_items} == {("Julien", "prendre"), ("Aurélie", "refaire")}
    esl = summarize(thread(("Ngozi", "Approved from finance side, PO under 30k."), ("Dong", "good. I send you the quote for sign in 1 hour"),
                           ("Ngozi", "thanks")))
    assert [(a.owner, a.text.split()[0]) for a in esl.action_items] == [("Dong", "send")]
    ja = summarize(thread(("igrep", "ツイートを投稿しました"), ("kakkun61", "Haskell-jp アカウントで弊社と書くの違和感があった"),
                          ("igrep", "しまった。後で直します")))
    assert ja.action_items and ja.action_items[0].owner == "igrep" and "re:" in ja.action_items[0].text


def test_a_suggestion_in_reply_is_no_open_question_and_a_need_to_know_is_one():
    ja = summarize(thread(("kakkun61", "stack repl 起動中に cabal ファイルをリロードすることってできますかね？"), ("igrep", "私が知る限り無理"),
                          ("wado", "ghcid を使ったらどうですか？"), ("wado", "これも上手くいかないですね")))
    assert not any("ghcid" in q.text for q in ja.open_questions)
    fr = summarize(thread(("Agathe", "La facture Datadog a doublé en un an."), ("Mathieu", "C'est surtout les custom metrics."),
                          ("Agathe", "Je ne juge pas la technique. J'ai juste besoin de savoir si ça va continuer à monter.")))
    assert any("continuer à monter" in q.text for q in fr.open_questions)


def test_object_first_chinese_gulf_arabic_and_german_particle_promises_and_no_promise_in_a_confirmation():
    zh = summarize(thread(("王磊", "staging晚上和周末都关掉，集成测试挪到早上跑"), ("刘洋", "好，关机脚本我来写，用 EventBridge + Lambda，下周一前上线"),
                          ("张伟", "我这周先做桌面端，等移动端稿子出来再做移动端")))
    assert {(a.owner, a.text) for a in zh.action_items} >= {("刘洋", "关机脚本"), ("张伟", "做桌面端")}
    ar = summarize(thread(("أحمد", "أول شي نرجع لهم المبلغ المكرر اليوم"), ("خالد", "وأنا بضيف الـ idempotency key على الـ renewal handler"),
                          ("أحمد", "ممتاز")))
    assert [a.owner for a in ar.action_items] == ["خالد"]
    de = summarize(thread(("Anja", "Dann machen wir ihr ein Angebot, Senior, 78k."),
                          ("Carina", "Ich bereite den Vertrag vor und schick ihn raus sobald die Referenzen da sind."),
                          ("Tobi", "Ursache gefunden glaub ich: der neue Client hat ein kleineres Limit.")))
    assert [(a.owner, a.text.split(" und ")[0]) for a in de.action_items] == [("Carina", "den Vertrag vorbereiten")]
    fr = summarize(thread(("Mehdi", "Le 4471 est plus gros que prévu."), ("Aurélie", "Je confirme, ça casse aussi les factures multi-devises."),
                          ("Mehdi", "Aïe.")))
    assert not fr.action_items


def test_a_japanese_promise_may_end_in_ne_and_a_booking_reported_in_portuguese_is_done():
    ja = summarize(thread(("山本", "では12月10日リリースでいきましょう"), ("小林", "決済の回帰テストが3割くらい残ってます"),
                          ("中村", "回帰テストの結果は毎日このスレッドに貼りますね")))
    assert [(a.owner, a.text[:6]) for a in ja.action_items] == [("中村", "回帰テストの")]
    pt = summarize(thread(("Fernanda", "Bruna, marca a call pra quinta ou sexta?"), ("Bruna", "marco sim"),
                          ("Thiago", "relatório carregou em 1,8s"), ("Bruna", "maravilha, call marcada quinta 15h")))
    assert not pt.action_items


def test_a_reason_against_one_of_two_courses_decides_neither():
    office = decisions(("Sofia", "Hyresavtalet går ut i juni. Ska vi flytta till mindre lokaler eller förlänga?"),
                       ("Erik", "men på tisdagar är det fullt. flyttar vi till 35 platser blir det kaos de dagarna"),
                       ("Sofia", "bra poäng, jag tar fram siffror på båda"))
    assert office == []
    staging = decisions(("Lea", "ist der Staging-Cluster heute wieder langsam oder liegt das an mir?"),
                        ("Jonas", "liegt nicht an dir, da läuft ein Reindex"), ("Lea", "ah danke"))
    assert staging == []
    # a plain "no" to a yes/no course still decides not to
    assert decisions(("Ana", "Should we move the launch to Friday?"), ("Ben", "No, we keep Thursday: marketing is booked."),
                     ("Ana", "ok")) != []


def test_confirming_what_one_sees_is_no_decision():
    seen = decisions(("Rafael", "Pessoal, checkout com Pix falhando desde 14:05. Taxa de erro 38%"),
                     ("Bruna", "confirmado, tô vendo 504 Gateway Timeout na chamada pro PSP"),
                     ("Lucas", "é só Pix ou cartão também?"), ("Bruna", "só Pix por enquanto"))
    assert not any("504" in line for line in seen)
    english = decisions(("Rafael", "Checkout with Pix is failing since 14:05, error rate 38%"),
                        ("Bruna", "Confirmed: seeing 504s on the PSP call"), ("Lucas", "only Pix?"), ("Bruna", "only Pix so far"))
    assert not any("504" in line for line in english)


def test_a_heading_is_not_the_plan_it_announces():
    steps = decisions(("Rafael", "Pessoal, checkout com Pix falhando desde 14:05. A gente faz rollback ou corrige?"),
                      ("Caio", "rollback"), ("Caio", "rollback feito, deploy 13:50 revertido"), ("Bruna", "normalizou ✅"),
                      ("Fernanda", "fechei o chamado no PSP, não era eles"), ("Rafael", "valeu galera. Próximos passos:"),
                      ("Rafael", "• Caio: fixar o timeout explícito\n• eu escrevo o post-mortem até sexta"),
                      ("Caio", "beleza, amanhã de manhã subo"))
    assert not any(line.startswith("Próximos passos") for line in steps)


def test_an_answer_to_a_german_question_of_fact_with_oder_is_information():
    said = decisions(("Ralf", "Wo liegen eigentlich die anonymisierten Testdaten für die Lasttests?"), ("Tim", "hmm, gute Frage"),
                     ("Oksana", "übrigens, ist der Staging-Cluster heute wieder langsam oder liegt das an mir?"),
                     ("Tim", "liegt nicht an dir, da läuft ein Reindex. sollte gegen 15 Uhr durch sein"),
                     ("Oksana", "ah ok danke"))
    assert said == []


def test_a_course_question_under_a_label_is_decided_by_its_yes():
    said = decisions(("Sofia", "newsletter: ok to push the send to thursday 10am ET instead of tomorrow? the pricing page "
                               "won't be live until wed night"), ("Kwame", "fine by me"), ("Hannah", "👍 i'll move it in customer.io"))
    assert said == ["Newsletter: push the send to thursday 10am ET instead of tomorrow (Sofia agreed)"]


def test_a_decision_line_does_not_repeat_what_it_settles_when_it_says_it_already():
    said = decisions(("Baptiste", "MR prête, une ligne + un test"), ("Inès", "validé ✅"), ("Baptiste", "déployé, fichier régénéré"),
                     ("Romain", "uploadé sur le portail, Hugo à toi pour la 2e validation"), ("Hugo", "validé à 15h12"),
                     ("Romain", "accusé de réception OK de la banque"))
    assert "validé à 15h12" in said  # not "validé à 15h12 (re: “validé”)"
