"""Decisions said the way leads say them (implied subjects, a date for "when", an option by its number) and the
deferrals that are not decisions (a tie and a poll, "take it to the meeting", "lo dejamos para julio"), per language."""

from __future__ import annotations

from datetime import date

import pytest

from skills.summarize.extractive import split_sentences, summarize
from tests.summary_threads import MONDAY, read, thread


def decided(*lines, reactions=None) -> list[str]:
    return [d.line for d in summarize(thread(*lines, reactions=reactions)).decisions]


def test_a_lead_announcing_with_an_implied_subject_decides():
    rollback = decided(("Kai", "Checkout errors at 12% since the 4.3.0 deploy."), ("Lin", "I can hotfix the middleware, ~30 min."),
                       ("Abe", "Or we roll back, 4.2.1 was fine."), ("Kai", "Rolling back to 4.2.1."), ("Lin", "ok"))
    assert len(rollback) == 1 and "4.2.1" in rollback[0]
    kept = decided(("Lars", "Audit log store: Postgres partitioned table or ClickHouse?"), ("Meg", "We only look up by account id."),
                   ("Paul", "And we'd have to learn to operate ClickHouse."), ("Lars", "Sticking with Postgres, monthly partitions."))
    assert len(kept) == 1 and "Postgres" in kept[0]


def test_the_same_words_from_someone_who_did_not_put_the_choice_are_one_voice():
    assert decided(("Elif", "Name for the event bus: Atlas or Beacon?"), ("Noah", "Going with Atlas, Beacon sounds like a pixel."),
                   ("Greta", "Beacon for me."), ("Sven", "Atlas is taken by a MongoDB product though.")) == []


def test_an_option_picked_by_its_number_says_which_one():
    picked = decided(("Maya", "Three options for log storage: 1) stay on Elastic Cloud, 2) self-hosted Loki, 3) Datadog logs."),
                     ("Tomás", "Loki means we run it ourselves."), ("Jun", "Querying in Loki is weaker, fwiw."),
                     ("Maya", "Going with the second one."))
    assert len(picked) == 1 and "self-hosted Loki" in picked[0] and "Datadog" not in picked[0]


def test_a_date_for_a_when_question_decides_but_parking_a_yes_no_question_does_not():
    dated = decided(("Larissa", "Quando fazemos a migração do banco: na semana do dia 8 ou depois do Natal?"),
                    ("Pedro", "Depois do Natal o tráfego cai muito."), ("Camila", "Concordo, no dia 8 tem a campanha."),
                    ("Larissa", "Então fica para 27 de dezembro, às 22h."), ("Pedro", "Fechado, eu preparo o plano de rollback."))
    assert len(dated) == 1 and "27 de dezembro" in dated[0]  # "Fechado, eu preparo …" agrees and takes a task
    parked = summarize(thread(("Rafael", "Vale a pena trocar o Jenkins pelo GitHub Actions?"), ("Bianca", "Vale, é mais simples."),
                              ("Thiago", "Mas temos uns 40 pipelines."), ("Rafael", "Isso fica para julho, agora o foco é o lançamento.")))
    assert parked.decisions == () and parked.no_decision


def test_agreeing_to_wait_decides_nothing():
    summary = summarize(thread(("Diego", "¿Cambiamos el proveedor de emails de SendGrid a Postmark?"),
                               ("Carmen", "Postmark es más caro, unos 300 € más al mes."), ("Pablo", "Y hay que rehacer las plantillas."),
                               ("Diego", "Vale, ahora no es el momento. Lo dejamos para julio."), ("Carmen", "Perfecto.")))
    assert summary.decisions == () and summary.no_decision


def test_a_tie_put_to_a_poll_is_no_decision():
    summary = summarize(thread(("Elif", "Naming time for the event bus service. Candidates: Atlas, Beacon, Conduit. Vote!"),
                               ("Noah", "Atlas"), ("Greta", "Beacon for me"), ("Pablo", "Conduit"), ("Sven", "Beacon"),
                               ("Elif", "2-2-1, no winner. I'll put a poll in #eng and we go with whatever wins by Monday.")))
    assert summary.decisions == () and summary.no_decision


def test_parking_it_in_a_meeting_or_for_later_is_no_decision_in_each_language():
    meeting = summarize(thread(("Claire", "Do we bring in a contractor for the Android backlog or wait for the February hire?"),
                               ("Theo", "Ramp-up is 3-4 weeks."), ("Mira", "Customers hit 3 crash bugs every day."),
                               ("Claire", "Let's take it to Tuesday's planning meeting."), ("Theo", "ok")))
    assert meeting.decisions == () and meeting.no_decision
    german = summarize(thread(("Nadine", "Sollen wir Unleash selbst hosten oder bei LaunchDarkly bleiben?"),
                              ("Felix", "Selbst hosten spart ca. 30k im Jahr."), ("Jana", "Die Plattform ist am Limit."),
                              ("Nadine", "Okay, das wird heute nichts. Lasst uns nochmal drüber schlafen und das im Jour fixe besprechen.")))
    assert german.decisions == () and german.no_decision
    french = summarize(thread(("Julien", "On augmente le prix du plan Équipe de 12 à 15 € ?"), ("Sophie", "On a de la marge."),
                              ("Bastien", "Le churn a augmenté au T2."),
                              ("Julien", "Bon point. On en reparlera quand on aura les chiffres du T3.")))
    assert french.decisions == () and french.no_decision


def test_an_agreement_on_a_condition_supports_the_proposal():
    texts = decided(("Camille", "Je propose qu'on fasse les revues de code en moins de 24h ouvrées."), ("Hugo", "+1"),
                    ("Inès", "D'accord, à condition qu'on puisse dire « pas avant demain »."), ("Mathis", "Pareil, ça me va."))
    assert len(texts) == 1 and "24h" in texts[0] and "condition" not in texts[0]


def test_the_call_for_reactions_is_not_part_of_the_decision():
    texts = decided(("Ines", "I'd like to switch retros to every other week starting next sprint. React if you're ok with it."),
                    ("Bruno", "Can we keep an async check-in on the off weeks?"), ("Ines", "Sure, I'll set up a thread."),
                    reactions={0: 4})
    assert len(texts) == 1 and "every other week" in texts[0] and "React" not in texts[0]


def test_dates_and_abbreviations_do_not_end_a_sentence():
    assert split_sentences("Ich hätte den 26.11. oder den 3.12. im Angebot. Passt das?") == [
        "Ich hätte den 26.11. oder den 3.12. im Angebot.", "Passt das?"]
    assert split_sentences("Selbst hosten spart ca. 30k im Jahr.") == ["Selbst hosten spart ca. 30k im Jahr."]
    assert split_sentences("then we move it to May 12. objections?") == ["then we move it to May 12.", "objections?"]


def test_taking_or_reporting_a_task_given_by_name_is_not_a_decision():
    assert decided(("Nuria", "Mañana viene el auditor. Alba, reserva la sala grande de 9 a 13."),
                   ("Alba", "Hecho, ya está reservada."), ("Jorge", "Gracias.")) == []
    assert decided(("Lucía", "Para la demo: Diego, el entorno; Marta, los datos de prueba."), ("Diego", "Me encargo."),
                   ("Marta", "Vale, los datos para mañana.")) == []


def test_a_request_or_a_task_agreed_to_is_an_action_item_not_a_decision():
    assert decided(("Nuria", "La auditoría es mañana. Alba ya reservó la sala."),
                   ("Iker", "¿Necesitas algo de mí?"),
                   ("Nuria", "Iker, eso sí, mándame antes de las 18h la lista de accesos revocados del trimestre."),
                   ("Iker", "Dale, te la mando.")) == []
    assert decided(("Kim", "The backlog alert fired late again."),
                   ("Lee", "Ok someone needs to update that runbook, let's add it to the postmortem action items."),
                   ("Kim", "Agreed.")) == []


def test_an_answer_to_a_question_of_fact_is_not_a_decision():
    assert decided(("Nina", "Does anyone know how to rotate the Stripe webhook secret without downtime?"),
                   ("Raj", "Stripe lets you roll the secret and keep the old one valid for up to 24h."),
                   ("Nina", "Perfect, thanks.")) == []
    assert decided(("Iker", "¿Hace falta que esté yo o solo el equipo de seguridad?"),
                   ("Nuria", "Solo seguridad, tú puedes seguir con lo tuyo."), ("Iker", "Genial.")) == []


def test_ok_followed_by_a_question_is_no_agreement():
    summary = summarize(thread(("Tess", "I think we should move the nightly ETL from cron to Airflow."),
                               ("Ugo", "ok, how many jobs are we talking about?"), ("Tess", "37, plus the 5 Ravi's team owns."),
                               ("Ugo", "That's a big migration.")))
    assert summary.decisions == ()


def test_a_long_sentence_that_takes_one_named_option_decides():
    options = ("Farah", "We need a tool for the customer survey: Typeform ($99/mo), SurveyMonkey ($75/mo) or Qualtrics.")
    replies = (("Gil", "Qualtrics is overkill for 2,000 responses."), ("Hao", "Typeform's logic jumps are nicer."))
    taken = decided(options, *replies, ("Farah", "After looking at the export formats with Hao, SurveyMonkey is what we'll use "
                                                 "for this round since analytics only needs the CSV export."))
    assert len(taken) == 1 and taken[0].startswith("SurveyMonkey is what") and "After looking" not in taken[0]
    assert decided(options, *replies, ("Farah", "Hmm, Typeform is pricier than I remembered for 2,000 responses.")) == []


def test_the_asker_closing_a_choice_in_their_own_words_says_which_choice():
    texts = decided(("Anja", "Für das Offsite im März: Leipzig oder Hamburg?"), ("Bernd", "Hamburg ist für Kiel näher."),
                    ("Chris", "Leipzig ist deutlich günstiger."), ("Anja", "Wir fahren nach Leipzig, das Budget ist knapp."))
    assert len(texts) == 1 and "Wir fahren nach Leipzig" in texts[0] and "Offsite im März" in texts[0]


def test_putting_it_off_until_later_is_no_decision_in_spanish_and_portuguese():
    spanish = summarize(thread(("Irene", "¿Hacemos la migración a Kubernetes este trimestre?"), ("Tomás", "Con agosto no llegamos."),
                               ("Laura", "Y plataforma está con el SOC 2."),
                               ("Irene", "Vale, esto queda para septiembre, cuando vuelva todo el equipo."), ("Tomás", "Ok.")))
    assert spanish.decisions == () and spanish.no_decision
    portuguese = summarize(thread(("Júlia", "Vamos trocar o Slack pelo Teams no ano que vem?"), ("Marcos", "O pessoal vai odiar."),
                                  ("Renata", "E as integrações com o GitHub?"),
                                  ("Júlia", "Tá, deixa isso pra depois do orçamento de 2027."), ("Marcos", "Beleza.")))
    assert portuguese.decisions == () and portuguese.no_decision


def test_a_preference_for_something_else_is_an_objection():
    assert decided(("Ana", "Let's move standup to 10:30."), ("Ben", "+1"),
                   ("Cy", "I prefer 10, 10:30 clashes with the school run."), ("Dan", "10 works for me too.")) == []


def test_a_proposal_to_look_or_talk_first_is_a_next_step_not_a_decision():
    assert decided(("Ali", "Login latency p95 jumped to 2s after lunch."), ("Bo", "Let's check the auth service logs first."),
                   ("Ci", "ok"), ("Bo", "Seeing retries to the session DB.")) == []
    assert decided(("Jan", "Die Nightly-Builds schlagen seit Montag fehl."), ("Eva", "Lass uns mal in die Logs schauen."),
                   ("Ole", "Ok."), ("Eva", "Das Image für Node 18 fehlt.")) == []
    assert decided(("Ana", "Let's switch the nightly builds to Node 20."), ("Ben", "ok"), ("Cy", "Sounds good.")) != []


def test_an_item_moved_to_a_later_sprint_inside_a_decision_is_decided_not_parked():
    summary = summarize(thread(("Rafael", "Sprint 34: exportação CSV, login com Google ou refatorar as notificações?"),
                               ("Camila", "Login com Google é o que mais aparece no suporte."),
                               ("Thiago", "Refatorar dá uns 8 pontos, não cabe."),
                               ("Rafael", "Fechado: sprint 34 = login com Google + exportação CSV. Refatoração das notificações fica pra sprint 35.")))
    assert not summary.no_decision and any("sprint 35" in d.text for d in summary.decisions)


def test_chat_that_only_sounds_like_a_decision_is_not_one():
    assert decided(("Freda", "Are you coming to the party?"), ("Betty", "Maybe, if the babysitter shows up."),
                   ("Freda", "Let's hope she does!"), ("Betty", "Yes!")) == []  # a wish
    assert decided(("Ann", "She asked me why I decided to come at all."), ("Bo", "Weird."), ("Cy", "Very.")) == []
    assert decided(("Rod", "So did you call your grandparents or not?"), ("Tom", "I did yesterday."), ("Rod", "Good.")) == []
    assert decided(("Jo", "You had a business meeting, you mean with clients or colleagues?"), ("Mike", "Both actually."),
                   ("Jo", "Sounds busy!")) == []
    assert all("How about you" not in d for d in decided(("Tarja", "How about Saturday then?"), ("Tom", "Saturday works."),
                                                          ("Tarja", "How about you Chelsea?"), ("Chelsea", "Sure.")))
    assert decided(("Dia", "Just landed, but my bag didn't."), ("Dad", "Oh no."), ("Dia", "Haha, we will manage."),
                   ("Dad", "Great!")) == []
    assert decided(("Toby", "I thought it was easy to treat nowadays."), ("Ana", "So did we."),
                   ("Toby", "Then suddenly it changed."), ("Ana", "I'm so sorry.")) == []


def test_a_then_we_conclusion_that_restates_the_question_decides_its_course_in_full():
    # two people: the asker closes their own question after the answer, with "then" and the task kept apart
    texts = decided(("Alex", "Should we move the launch to Friday?"), ("Bea", "Friday works for me, QA is done"),
                    ("Alex", "Then we move it to Friday and I tell sales"))
    assert texts == ["Move the launch to Friday"]
    # a conclusion that says more than the question keeps its own words
    texts = decided(("Alex", "Should we move the launch to Friday?"), ("Bea", "QA needs Friday for the regression run."),
                    ("Alex", "Then we move it to Monday morning"))
    assert len(texts) == 1 and "Monday" in texts[0]


def test_someone_alone_in_a_thread_closes_their_own_question():
    """The Playground's channel thread: one person asks, weighs an answer, and concludes."""
    summary = summarize(thread(("Alex", "Should we move the launch to Friday?"), ("Alex", "Friday works for me, QA is done"),
                               ("Alex", "Then we move it to Friday and I tell sales")))
    assert [d.line for d in summary.decisions] == ["Move the launch to Friday"] and not summary.no_decision
    assert summary.decisions[0].source_id == f"{MONDAY + 9 * 3600}.000100"  # linked to the question, whose words it is
    assert not summary.open_questions


def test_the_task_said_with_a_conclusion_is_its_speakers_action_item():
    """ "Then we move it to Friday and I tell sales": the decision, and telling sales for Alex (not due Friday: that
    is the launch's date)."""
    for bea in ("Alex", "Bea"):
        summary = summarize(thread(("Alex", "Should we move the launch to Friday?"), (bea, "Friday works for me, QA is done"),
                                   ("Alex", "Then we move it to Friday and I tell sales")))
        assert [d.line for d in summary.decisions] == ["Move the launch to Friday"]
        assert [(a.owner, a.text, a.due) for a in summary.action_items] == [("Alex", "tell sales", None)]


def test_the_askers_conclusion_leads_the_tldr_between_two_people_or_alone():
    """The Playground's thread: the outcome first, then the next step, not the question restated."""
    for bea in ("Alex", "Bea"):
        summary = summarize(thread(("Alex", "Should we move the launch to Friday?"), (bea, "Friday works for me, QA is done"),
                                   ("Alex", "Then we move it to Friday and I tell sales")))
        assert summary.tldr == "Decided: Move the launch to Friday. Alex will tell sales."


def test_with_others_around_the_askers_own_words_are_no_answer():
    # with others around, the asker's own words in between are no answer
    assert decided(("Alex", "Should we move the launch to Friday?"), ("Alex", "Friday works for me, QA is done"),
                   ("Alex", "Then we move it to Friday."), ("Bea", "Wait, what about the demo?")) == []


def test_saying_it_is_not_settled_here_or_taking_it_to_a_meeting_is_no_decision():
    slack = summarize(thread(("Dana", "Proposal: we sunset the v1 export API on March 31."), ("Oli", "Two big accounts still use it."),
                             ("Ravi", "And v2 lacks the CSV endpoint."),
                             ("Dana", "ok, clearly not settling this in Slack. Let's bring it to arch review on the 14th."),
                             ("Oli", "sounds good")))
    assert slack.decisions == () and slack.no_decision
    planning = summarize(thread(("Meg", "Q2 has room for one bet: the public API or the mobile redesign?"),
                                ("Tom", "API, three deals need it."), ("Yara", "The redesign is the top request."),
                                ("Meg", "I'm not going to call this in a thread. Tom, get the deal numbers; we decide at planning Thursday."),
                                ("Tom", "will do")))
    assert planning.decisions == () and planning.no_decision


_DECIDE_LATER = {
    "fr": (("Léa", "On passe l'entrepôt de données sur Snowflake ou on garde Redshift ?"), ("Marc", "Snowflake, sans hésiter."),
           ("Zoé", "Et le coût sur un an ?"), ("Léa", "On décide quand on aura le chiffrage de Marc."), ("Marc", "ok")),
    "it": (("Paolo", "Dobbiamo scegliere il nuovo fornitore di pagamenti: Stripe o Adyen?"), ("Sara", "Stripe, lo conosciamo."),
           ("Luca", "Adyen costa meno sui volumi alti."), ("Paolo", "Perfetto. Decidiamo quando abbiamo le offerte di entrambi.")),
    "zh": (("王芳", "监控系统用 Prometheus 还是 Datadog？"), ("李强", "Prometheus 吧，成本低。"), ("赵敏", "同意，Prometheus。"),
           ("王芳", "好，等两边的报价出来再定。")),
    "pt": (("Inês", "Mudamos o plano anual para 20% de desconto?"), ("Tiago", "Parece-me muito."), ("Joana", "A conversão está baixa."),
           ("Inês", "Ok, hoje não decidimos nada. Ficamos à espera da simulação do Rui.")),
    "es": (("Lucía", "¿Cambiamos el CRM a HubSpot este año?"), ("Pablo", "Sí, el equipo ya lo usa."), ("Marta", "¿Y el coste?"),
           ("Lucía", "Decidimos cuando tengamos los presupuestos.")),
    "de": (("Nina", "Sollen wir den Support auf Zendesk umstellen?"), ("Jan", "Ja, das alte Tool nervt."), ("Eva", "Was kostet das?"),
           ("Nina", "Entscheiden wir, wenn das Angebot da ist.")),
}


@pytest.mark.parametrize("lang", sorted(_DECIDE_LATER))
def test_deciding_once_the_numbers_are_in_is_no_decision_in_each_language(lang):
    summary = summarize(thread(*_DECIDE_LATER[lang]))
    assert summary.decisions == () and summary.no_decision


def test_an_ok_that_puts_the_deciding_off_closes_nothing():
    summary = summarize(thread(("王芳", "日志平台用 Loki 还是 Elasticsearch？"), ("李强", "Loki 吧，便宜。"),
                               ("王芳", "赵敏你能不能做个成本对比，两边按一年算？"), ("赵敏", "可以，周五之前给你"),
                               ("王芳", "好，等成本对比出来再定。")))
    assert summary.decisions == () and summary.no_decision
    assert summary.waiting_on and "成本对比" in summary.waiting_on


def test_a_marker_the_deferral_negates_decides_nothing():
    summary = summarize(thread(("Camille", "Pour l'offsite : Lyon ou Bordeaux ?"), ("Thomas", "Lyon !"),
                               ("Julien", "on a le budget pour ça ?"),
                               ("Camille", "je ne sais pas, le budget n'est pas encore validé."), ("Julien", "ok")))
    assert not any("budget" in d.line for d in summary.decisions)


def test_going_along_with_the_parking_as_the_last_word_does_not_reopen_it():
    summary = summarize(thread(("Bruno", "Can we use pdfkit-pro for the export service? It's AGPL."),
                               ("Stefan", "AGPL over HTTP is a lawyer question."), ("Ifeoma", "I'll read their terms, give me a week."),
                               ("Asha", "ok let's wait for Ifeoma's read before buying anything. Bruno, don't merge it yet"),
                               ("Bruno", "keeping it on a branch")))
    assert summary.decisions == () and summary.no_decision
    assert "Ifeoma's read" in (summary.waiting_on or "")


def test_we_will_decide_at_a_meeting_says_what_it_waits_for():
    summary = summarize(thread(("Meg", "Next quarter: the public API or the mobile redesign?"), ("Tom", "API, three deals need it."),
                               ("Yara", "The redesign is the top request."), ("Meg", "We'll decide at planning Thursday.")))
    assert summary.decisions == () and summary.no_decision
    assert summary.waiting_on and summary.waiting_on.startswith("planning")


def test_the_deciding_put_off_beside_a_side_question_parks_the_thread():
    summary = summarize(thread(("Guillaume", "On reste sur Postgres pour l'entrepôt ou on migre vers BigQuery ?"),
                               ("Sarah", "BigQuery clairement."), ("Anaïs", "Et le coût ?"), ("Sarah", "Je fais une estimation."),
                               ("Guillaume", "On pourrait aussi regarder ClickHouse, non ?"),
                               ("Benoît", "On décide quand on aura l'estimation de Sarah. ClickHouse, on en reparlera plus tard."),
                               ("Guillaume", "ça marche")))
    assert summary.decisions == () and summary.no_decision
    assert "l'estimation de Sarah" in (summary.waiting_on or "")


def test_the_answer_of_whoever_was_handed_the_call_by_name_decides():
    lines = decided(("Lena", "Do we need a second on-call rotation for the EU?"), ("Omar", "It would help, nights are rough."),
                    ("Priya", "Costs two more people though. Lena, up to you whether we hire for it."),
                    ("Lena", "ok — going with one rotation plus a paid night shift, no new hires."), ("Omar", "thanks"))
    assert any("paid night shift" in line for line in lines)


def test_the_sentences_under_a_decision_header_are_the_decision():
    lines = decided(("Ana", "Standups: keep them daily or go to three a week?"), ("Ben", "daily is too much for me"),
                    ("Cleo", "I like daily, it keeps me honest"),
                    ("Ana", "Decision time. Standups happen Monday, Wednesday and Friday from next week."))
    assert any("Monday, Wednesday and Friday" in line for line in lines)
    assert not any(line.lower().startswith("decision time") for line in lines)


def test_a_yes_no_proposal_agreed_to_is_decided_as_the_proposal():
    """ "Shall we move the launch to Friday?" — "yes, Friday works": the decision is the proposal, not the yes."""
    assert decided(("Ali", "QA finished early."), ("Ali", "Shall we move the launch to Friday?"),
                   ("Bea", "yes, Friday works")) == ["Move the launch to Friday (Ali agreed)"]
    # a yes that names another day is its own answer, said with the question it answers
    other = decided(("Ali", "QA finished early."), ("Ali", "Shall we move the launch to Friday?"), ("Bea", "yes, Monday"))
    assert len(other) == 1 and other[0].startswith("Yes, Monday (re:")


@pytest.mark.parametrize(("question", "answer", "line"), [
    ("Lansmanı cumaya atalım mı?", "katılıyorum", "Lansmanı cumaya atalım"),
    ("Lansmanı cumaya alalım mı?", "evet, olur", "Lansmanı cumaya alalım"),
    ("Verschieben wir den Launch auf Freitag?", "ja, passt", "Verschieben wir den Launch auf Freitag"),
    ("¿Movemos el lanzamiento al viernes?", "sí, de acuerdo", "Movemos el lanzamiento al viernes"),
    ("On décale la démo à lundi ?", "oui, d'accord", "On décale la démo à lundi"),
])
def test_a_yes_no_proposal_agreed_to_is_the_proposal_in_other_languages(question, answer, line):
    """Where the course is the verb itself or comes last ("… atalım mı?"), the proposal is the question as a plan."""
    assert decided(("Ali", "QA ok."), ("Ali", question), ("Eva", answer)) == [f"{line} (Ali agreed)"]


def test_agreement_after_a_question_the_proposer_answered_decides_the_proposal():
    """ "+1" and "sounds good" a few messages after a proposal, past a question its proposer answered."""
    assert decided(("Ali", "Proposal: we drop IE11 support in the next release."),
                   ("Bea", "What about the two enterprise customers?"), ("Ali", "They are on Edge already."),
                   ("Cem", "+1"), ("Dan", "sounds good")) == ["They drop IE11 support in the next release (Cem and Dan agreed)"]
    # the question left unanswered, or an objection after the answer: nothing decided
    assert decided(("Ali", "Proposal: we drop IE11 support in the next release."),
                   ("Bea", "What about the two enterprise customers?"), ("Cem", "Do they still need it?"),
                   ("Dan", "sounds good")) == []
    assert decided(("Ali", "Proposal: we drop IE11 support in the next release."),
                   ("Bea", "What about the two enterprise customers?"), ("Ali", "They are on Edge already."),
                   ("Cem", "No, Globex still runs IE11 on the shop floor.")) == []


@pytest.mark.parametrize(("lines", "waiting"), [
    ((("Ana", "Should we move the billing service to Kubernetes this quarter?"), ("Ben", "It would halve our deploy time."),
      ("Cy", "But the on-call team has never run k8s."),
      ("Ana", "Good points, but I don't want to decide this in a thread. Let's take it to the leads on Thursday.")),
     "the leads on Thursday"),
    ((("Ana", "Do we give Acme the 30% discount they asked for?"), ("Ben", "They are our biggest logo this year."),
      ("Cy", "30% sets a precedent for every renewal."), ("Ana", "Agreed it's above my pay grade. Escalating to Maria to decide.")),
     "Maria to decide"),
    ((("Ana", "Do we switch the office to 4 days a week?"), ("Ben", "I'd love that."), ("Cy", "+1"),
      ("Ana", "ok, but it's not our call, we only give feedback. It's up to HR to decide.")), "HR"),
    ((("Nadine", "Sollen wir Acme 30 % Rabatt geben?"), ("Felix", "Das ist viel."), ("Jana", "Aber sie sind unser größter Kunde."),
      ("Nadine", "Das muss die Geschäftsführung entscheiden, ich eskaliere das an Petra.")), "Petra"),
    ((("Julien", "On passe le support en 24/7 ?"), ("Sophie", "Il faudrait deux recrutements."), ("Bastien", "Les clients US le demandent."),
      ("Julien", "Je ne veux pas trancher ça dans un fil. On remonte la question à la direction.")), "la direction"),
    ((("Diego", "¿Le damos a Acme el 30 % de descuento?"), ("Carmen", "Es mucho."), ("Pablo", "Es nuestro mayor cliente."),
      ("Diego", "Esto lo tiene que decidir la dirección, lo escalo a Marta.")), "Marta"),
    ((("Inês", "Damos à Acme os 30% de desconto?"), ("Rui", "É muito."), ("Tiago", "Concordo, é muito."),
      ("Inês", "ok, mas não decidimos nós, só damos feedback. Quem decide é a diretoria.")), "a diretoria"),
])
def test_handing_the_call_to_someone_else_is_no_decision_and_waits_on_them(lines, waiting):
    """ "Escalating to Maria", "let's take it to the leads", "quem decide é a diretoria": nothing is decided in the
    thread, and the TL;DR says whom it waits for."""
    summary = summarize(thread(*lines))
    assert summary.decisions == () and summary.no_decision
    assert f": waiting for {waiting}." in summary.tldr


@pytest.mark.parametrize(("lines", "words"), [
    ((("Neha", "banner ke liye variant A ya B?"), ("Priyanka", "mujhe B accha lag raha hai"), ("Sandeep", "B +1"),
      ("Neha", "ok B final.")), "B final"),
    ((("Rohit", "release Friday ko karein ya Monday?"), ("Ananya", "Monday safer hai"), ("Vikram", "haan"),
      ("Rohit", "chalo, Monday final.")), "Monday final"),
    ((("Rohit", "kal ka standup 11 baje kar dete hain? client call hai 10 baje"), ("Ananya", "haan theek hai"),
      ("Vikram", "done hai, 11 baje milte hain")), "11 baje"),
    ((("Rohit", "demo mein reports module dikhayenge ya billing?"), ("Ananya", "reports, billing abhi buggy hai"),
      ("Vikram", "pakka, reports hi")), "reports hi"),
])
def test_hinglish_ways_of_settling_it_decide(lines, words):
    """Hinglish passes for English: "ok B final", "chalo, Monday final", "done hai", "pakka" settle what came before."""
    found = decided(*lines)
    assert len(found) == 1 and words in found[0]


def test_not_deciding_for_now_in_chinese_is_no_decision():
    summary = summarize(thread(("刘洋", "企业版要不要改成按用量收费？"), ("赵敏", "收入更难预测"), ("Kevin", "可以混合模式：基础座位费加用量"),
                               ("刘洋", "好吧，先不定。赵敏你帮忙跟数据组提个需求？"), ("赵敏", "好，今天提")))
    assert summary.decisions == () and summary.no_decision


def test_a_course_question_after_its_reason_is_settled_by_a_reply_that_restates_it():
    """ "design won't be ready, can we do May 12?" — "ok, moving launch to May 12": the "can we …?" is what is
    settled (not the reason before it), the "ok," goes, and between two people the TL;DR leads with it."""
    summary = summarize(thread(("Rita", "launch date is April 28"), ("Omar", "design won't be ready, can we do May 12?"),
                               ("Rita", "ok, moving launch to May 12"), ("Omar", "thanks! I'll update the roadmap doc.")))
    assert [d.line for d in summary.decisions] == ["Moving launch to May 12 (Omar agreed)"]
    assert summary.tldr.startswith("Decided: Moving launch to May 12.")


def test_a_second_way_of_saying_yes_agrees_to_the_course_asked():
    """ "Sí, tiene sentido" to "¿no deberíamos meter el BOM?": "tiene" is no imperative of a request to someone
    called "Sí", and the yes decides the question's course, said without its lead-in and its "no"."""
    assert decided(("Marta", "Un cliente dice que las tildes salen rotas al exportar a CSV."),
                   ("Álvaro", "Es el Excel, exportamos en UTF-8 sin BOM."),
                   ("Nerea", "Por cierto, ¿no deberíamos meter el BOM y ya?"),
                   ("Álvaro", "Sí, tiene sentido. Lo meto esta semana.")) == ["Deberíamos meter el BOM y ya (Nerea agreed)"]


def test_confirming_what_one_sees_is_no_decision():
    """ "Confirmed, error rate is back to normal after the rollback" reports a state; "Confirmed, we ship Tuesday"
    still decides."""
    assert decided(("Priya", "checkout is throwing 502s since the deploy, rolling back now"),
                   ("Marco", "Confirmed, error rate is back to normal after the rollback"),
                   ("Priya", "thanks. I'll write the postmortem by Friday."),
                   ("Lena", "great")) == []
    assert decided(("Priya", "Ship on Tuesday or Thursday?"), ("Marco", "Tuesday works for QA"),
                   ("Priya", "Confirmed, we ship Tuesday."), ("Lena", "great")) != []


def test_the_asker_closes_a_choice_with_one_of_its_options_in_one_word():
    """ "Dann Donnerstag." after "Dienstag oder Donnerstag?" and a reason against Tuesday: the asker's word decides,
    not the reason, and the bare options are shown with the question before them."""
    assert decided(("Jonas", "Wann machen wir das Release 3.4? Dienstag oder Donnerstag?"),
                   ("Mia", "Dienstag ist knapp, die Migration ist noch nicht getestet."),
                   ("Jonas", "Dann Donnerstag. Mia, kannst du die Migration bis Mittwoch testen?"),
                   ("Mia", "Mach ich.")) == ["Donnerstag (re: “Wann machen wir das Release 3.4? Dienstag oder Donnerstag?”)"]


def test_waiting_for_someone_in_german_word_order_is_no_decision():
    """ "Das klären wir mit dem Plattform-Team nächste Woche." — "Gut, dann warten wir auf das Plattform-Team.": put
    off, in the inverted order German uses after "dann"; the TL;DR says on whom it waits."""
    summary = summarize(thread(("Anna", "Sollen wir auf Kubernetes 1.30 upgraden?"),
                               ("Ben", "Erst wenn die Helm-Charts kompatibel sind."),
                               ("Carl", "Das klären wir mit dem Plattform-Team nächste Woche."),
                               ("Anna", "Gut, dann warten wir auf das Plattform-Team.")))
    assert summary.decisions == () and summary.no_decision
    assert ": waiting for das Plattform-Team." in summary.tldr


def test_then_one_of_the_vendors_listed_decides():
    """ "Two vendors for SSO left: Okta and Auth0." … "Then Okta, since IT already knows it.": the list put a choice
    to the thread, and the lead's "then" closes it (the price comparison before it decided nothing)."""
    assert decided(("Tom", "Two vendors for SSO left: Okta and Auth0. Okta is 20% more but has SCIM."),
                   ("Uma", "SCIM matters for the enterprise deals"),
                   ("Vik", "Auth0 has SCIM on the enterprise plan too, same price as Okta then"),
                   ("Tom", "Then Okta, since IT already knows it. I'll tell procurement today."),
                   ("Uma", "sounds good")) == ["Okta, since IT already knows it (re: “Two vendors for SSO left: Okta and "
                                               "Auth0.”) (Uma agreed)"]


def test_a_conclusion_that_points_at_the_answer_names_it():
    """ "ok doing that, 30 days retention from now on" after "clean snapshots, …": the decision names the option the
    answer chose, not "Doing that"."""
    assert decided(("Ray", "staging db is at 95% disk. bump to 500GB or clean old snapshots?"),
                   ("Sal", "clean snapshots, we keep 90 days for no reason"),
                   ("Ray", "ok doing that, 30 days retention from now on"),
                   ("Sal", "👍"))[0].startswith("Clean snapshots, 30 days retention from now on")


def test_a_french_go_no_go_round_decides_and_gives_the_deploy():
    """ "Côté front c'est bon pour moi" is a yes to "On part sur la mise en prod ce soir ?" (the round said go), and
    "Hugo tu lances le déploiement ?" — "oui je m'en occupe" gives Hugo the deploy, comma or not."""
    summary = summarize(thread(("Julien", "On part sur la mise en prod ce soir ? Tour de table svp"),
                               ("Camille", "Côté front c'est bon pour moi"),
                               ("Hugo", "Back ok, les tests de charge sont passés"),
                               ("Julien", "Parfait, on y va à 20h. Hugo tu lances le déploiement ?"),
                               ("Hugo", "oui je m'en occupe")))
    assert not summary.no_decision and [d.text for d in summary.decisions] == ["On part sur la mise en prod ce soir"]
    assert [(a.owner, a.text) for a in summary.action_items] == [("Hugo", "lancer le déploiement")]


def test_a_change_headed_as_such_replaces_the_date_and_drops_its_heading():
    assert decided(("Margaux", "La démo client est prévue jeudi 14h"), ("Bastien", "ça me va"),
                   ("Margaux", "Changement : le client ne peut pas jeudi, on décale à vendredi 10h"),
                   ("Bastien", "ok pour vendredi")) == ["Le client ne peut pas jeudi, on décale à vendredi 10h (Bastien agreed)"]


def test_we_will_revisit_is_no_decision_and_the_choice_to_make_is_no_task():
    summary = summarize(thread(("Grace", "we need to decide datadog vs grafana cloud for logs before the contract renews"),
                               ("Tom", "datadog UI is way nicer tbh"), ("Wei", "but grafana is like half the cost at our volume"),
                               ("Tom", "is it though? their ingest pricing changed last month"),
                               ("Grace", "ok let's not decide today. Wei can you redo the cost comparison with the new "
                                         "pricing? we'll revisit next tuesday")))
    assert summary.decisions == () and summary.no_decision
    assert [(a.owner, a.text) for a in summary.action_items] == [("Wei", "redo the cost comparison with the new pricing")]


def test_choosing_between_two_named_options_is_closed_by_then_and_one_of_them():
    assert decided(("Tobias", "Wir müssen uns zwischen GitHub Actions und GitLab CI entscheiden"),
                   ("Sabine", "Actions, wir sind eh schon auf GitHub"), ("Jan", "+1 für Actions"),
                   ("Tobias", "Gut, dann GitHub Actions. Jan, kannst du bis Ende der Woche die Pipeline migrieren?"),
                   ("Jan", "klar, mach ich")) == ["GitHub Actions (Jan agreed)"]


def test_chat_style_go_decisions_without_a_comma():
    """ "ok moving forward with an offer", "ok we're go", "ok on lui fait une offre au niveau mid alors": decided,
    told without the "ok" (and the closing "alors"), a go with the go/no-go it answers."""
    offer = decided(("Mara", "debrief for Kofi (senior backend). my take: strong hire"), ("Leo", "agree on design"),
                    ("Priti", "culture interview went great"), ("Mara", "any no's?"), ("Leo", "nope"),
                    ("Mara", "ok moving forward with an offer. I'll write up the packet"))
    assert len(offer) == 1 and offer[0].startswith("Moving forward with an offer") and "nope" not in offer[0]
    go = decided(("Sofia", "go/no-go for 2.8 at 3pm. status pls"), ("Julia", "mobile: go"),
                 ("Arjun", "backend: go, migrations ran fine in staging"), ("Sofia", "any objections?"), ("Nate", "none"),
                 ("Sofia", "ok we're go. I'll post in #announcements after"))
    assert len(go) == 1 and go[0].endswith("(re: “go/no-go for 2.8 at 3pm.”)")
    assert decided(("Claire", "Débrief pour Sarah (product designer) ?"), ("Mathieu", "Portfolio très solide"),
                   ("Inès", "Pareil, très bon entretien"),
                   ("Claire", "ok on lui fait une offre au niveau mid alors. Inès tu préviens les RH demain ?")) \
        == ["On lui fait une offre au niveau mid"]


def test_ship_it_and_fine_by_me_back_the_proposal_the_proposer_then_decides():
    """ "ship it" from someone else backs the proposal on the table, and "ok fine by me then" after an answer to one's
    own question accepts the proposal questioned, not the answer ("6, all still in early stage")."""
    assert decided(("Carla", "proposal: raise enterprise seat price from $40 to $45 for new contracts only"),
                   ("Ben", "how many deals in pipeline would that hit?"), ("Carla", "6, all still in early stage"),
                   ("Ines", "+1"), ("Ben", "ok fine by me then 👍"), ("Tariq", "ship it"),
                   ("Carla", "great, going with $45 for new contracts starting March 1."), ("Ben", "on it")) \
        == ["Going with $45 for new contracts starting March 1 (re: “proposal: raise enterprise seat price from $40 to "
            "$45 for new contracts only”)"]


def test_a_question_put_for_objections_that_nobody_raises_decides_it():
    """ "so hire at senior? any objections?" — "no objection" — "none from me": decided, and "by Wed" is a due
    date (Wednesday)."""
    summary = summarize(thread(("Grace", "debrief for Omar (backend, senior). thoughts?"),
                               ("Leo", "strong on system design, a bit weak on testing"),
                               ("Ivy", "agree on design. culture interview went great"),
                               ("Grace", "so hire at senior? any objections?"), ("Leo", "no objection"),
                               ("Ivy", "none from me"),
                               ("Grace", "great, I'll send the offer today. Leo can you do the reference check by Wed?"),
                               ("Leo", "yep")))
    assert [d.text for d in summary.decisions] == ["Hire at senior (re: “debrief for Omar (backend, senior).”)"]
    assert summary.tldr.startswith("Decided: Hire at senior")
    reference = summary.action_items[1]
    assert (reference.owner, reference.due, reference.due_date) == ("Leo", "Wed", date(2026, 11, 18))


def test_a_plan_put_as_then_question_and_agreed_decides_it():
    """ "Dann Release am Donnerstag?" — "Passt" — "Ja": decided; "right, so A then?" — "yes" — "agreed, A": A, with
    both voices; but "Dann eben mehrere Räume parallel?" answered with a poll, or "so release notes by Friday then?"
    answered with a promise, decides nothing."""
    german = summarize(thread(("Anna", "Release 3.1 – Stand?"), ("Felix", "Backend ist fertig, Frontend fehlt noch der Export-Dialog"),
                              ("Sara", "Export-Dialog schaffe ich bis Mittwoch"), ("Anna", "Gut. Dann Release am Donnerstag?"),
                              ("Felix", "Passt"), ("Sara", "Ja")))
    assert [d.line for d in german.decisions] == ["Release am Donnerstag (re: “Release 3.1 – Stand?”) (Felix and Sara agreed)"]
    assert german.tldr.startswith("Decided: Release am Donnerstag")
    vendor = summarize(thread(("Kim", "Vendor A quote: $30k/yr, Vendor B: $24k/yr but no SSO"), ("Lars", "we need SSO for the audit"),
                              ("Kim", "right, so A then?"), ("Lars", "yes"), ("Nadia", "agreed, A")))
    assert [(d.text.split(" (re:")[0], d.support) for d in vendor.decisions] == [("A", "Lars and Nadia agreed")]
    assert not any("Räume" in d for d in decided(
        ("Kim", "Weihnachtsfeier: Bowling, Escape Room oder Kochkurs?"), ("Lea", "Escape Room ist für 25 Leute schwierig"),
        ("Tom", "Dann eben mehrere Räume parallel?"), ("Kim", "Ich mache bis Freitag eine Umfrage, dann sehen wir weiter.")))
    assert [d.split(" (")[0] for d in decided(("Ana", "let's move to Monday the 15th, final answer"), ("Bo", "works for QA"),
                                              ("Cy", "ok, so release notes by Friday then?"),
                                              ("Ana", "yes, Friday. I'll write them"))] == ["Move to Monday the 15th, final answer"]


def test_a_task_put_to_anyone_and_turned_down_is_no_task():
    summary = summarize(thread(("Tina", "valeu time 🙏 e alguém desativa a rotação automática até a gente resolver isso?"),
                               ("Caio", "não, desativar não. 90 dias dá tempo de sobra pra consertar o sync"), ("Tina", "ok")))
    assert summary.action_items == ()


def test_a_bare_do_we_after_a_fact_asks_the_fact_and_decides_nothing():
    summary = summarize(thread(("Hana", "Customer Globex asks if we support SAML with Okta. do we?"), ("Ravi", "yes, since v2.3"),
                               ("Hana", "great. and SCIM?"), ("Ravi", "not yet, it's on the Q2 roadmap"),
                               ("Hana", "ok I'll tell them SAML yes, SCIM in Q2")))
    assert summary.decisions == () and not summary.no_decision and not summary.tldr.startswith(("Decided", "No decision"))


def test_a_suggestion_put_as_a_question_that_the_asker_agrees_to_decides_and_answers_the_question():
    summary = summarize(thread(("Kai", "Was machen wir mit den alten Tickets im Backlog?"),
                               ("Eva", "Alles älter als 6 Monate schließen?"),
                               ("Kai", "Gute Idee. Und wer kommuniziert das ans Team?"), ("Eva", "Mach ich im Weekly")))
    assert [d.line for d in summary.decisions] == ["Alles älter als 6 Monate schließen (Kai agreed)"]
    assert [q.text for q in summary.open_questions] == []


def test_the_one_who_decided_giving_way_to_an_objection_revises_the_decision():
    summary = summarize(thread(("Jo", "do we still need the staging-eu cluster?"), ("Kim", "nobody has deployed there since March"),
                               ("Jo", "ok let's shut it down end of month"), ("Kim", "👍 I'll announce it in #infra"),
                               ("Lu", "wait, the load tests use it"), ("Jo", "hmm ok, keeping it until we move the load tests")))
    assert [d.text for d in summary.decisions] == ["Keeping it until they move the load tests"]


def test_a_request_for_suggestions_settled_by_the_asker_is_not_open():
    summary = summarize(thread(("Dana", "the Q3 OKR draft is in the doc. feedback by thursday pls"),
                               ("Eli", "looks good, one thing: \"reduce churn\" needs a number"),
                               ("Dana", "good point, what would you suggest?"), ("Eli", "5% → 3.5%?"),
                               ("Fay", "3.5 feels aggressive, 4%?"), ("Dana", "let's go with 4%. I'll update the doc")))
    assert summary.open_questions == () and [d.text.split(" (re:")[0] for d in summary.decisions] == ["Let's go with 4%"]


def test_fresh_english_tabling_extending_an_offer_and_skipping_it_then():
    """ "let's not commit now. tabling until Q1" puts it off; "ok, we're extending an offer" and "yes, skipping it
    this sprint then" say what was decided."""
    tabled = read(("Ines", "should we move the docs to Notion?"), ("Raj", "costs are unclear, and migration is a lot of work"),
                  ("Ines", "let's not commit now. tabling until Q1"))
    assert tabled.no_decision and not tabled.decisions
    hire = read(("Ravi", "debrief for the senior backend candidate: thoughts?"), ("Mei", "strong yes, great system design"),
                ("Tom", "yes from me too"), ("Ravi", "ok, we're extending an offer. I'll sync with recruiting today"))
    assert [d.line for d in hire.decisions][:1] and "extending an offer" in hire.decisions[0].line
    skip = read(("Ana", "the iOS login crash fix won't make it, QA needs two more days"), ("Bo", "then we skip it?"),
                ("Ana", "yes, skipping it this sprint then"))
    assert [d.line for d in skip.decisions] and "skipping it this sprint" in skip.decisions[0].line.lower()


def test_a_yes_but_and_a_confirmed_measurement_decide_nothing():
    """ "agreed but clients complained last time …" objects; "confirmed, 12% error rate" reports what someone sees."""
    api = read(("Pete", "proposal: cursor-based pagination for the v2 API"),
               ("Ann", "agreed but clients complained last time about not being able to jump to page N"),
               ("Pete", "fair, we can expose a total count"), ("Ann", "final answer: cursor-based, with a total count header"))
    assert [d.line for d in api.decisions] == ["Cursor-based, with a total count header"]
    incident = read(("Ann", "checkout is throwing 500s since the deploy"), ("Bo", "confirmed, 12% error rate"),
                    ("Ann", "I'll roll back to 4.12.3 now"), ("Ann", "rollback done, error rate back to 0.2%"))
    assert incident.decisions == ()


def test_lets_not_commit_now_is_no_decision():
    summary = read(("Paul", "are we still moving the docs from Confluence to Docusaurus?"),
                   ("Amara", "I want to but nobody has bandwidth"), ("Paul", "I could help in Jan maybe"),
                   ("Amara", "let's not commit now. tabling until Q1"), ("Paul", "works for me"))
    assert summary.no_decision and summary.decisions == ()


def test_talking_again_at_a_date_is_no_decision_and_asking_the_team_is_what_it_waits_for():
    """ "ok, on en reparle à la rétro la semaine prochaine" names a date, not an option: no decision; "we should ask
    the team first" is what the deferral after it waits for."""
    french = read(("Vincent", "je propose qu'on passe à 4 jours de présentiel par semaine"),
                  ("Mathilde", "4 jours c'est beaucoup, beaucoup de gens ont des trajets longs"),
                  ("Guillaume", "on pourrait faire 3 jours async et 2 jours en visio ?"),
                  ("Mathilde", "pourquoi pas, mais faut demander à l'équipe"),
                  ("Vincent", "ok, on en reparle à la rétro la semaine prochaine"))
    assert french.no_decision and french.decisions == ()
    english = read(("Vince", "what if we do 3 async days and 2 video days?"),
                   ("Maya", "why not, but we should ask the team first"), ("Vince", "ok, let's revisit at the retro next week"))
    assert english.no_decision and english.waiting_on == "the team"


def test_waiting_said_as_what_the_call_needs_is_no_decision_and_says_on_what_it_waits():
    """ "we can't settle this without numbers from finance", "no decidamos nada hasta que tengamos las métricas":
    nothing decided, waiting for the numbers (not for "tengamos …")."""
    english = read(("Ana", "should we switch vendors?"), ("Ben", "honestly we can't settle this without numbers from finance"),
                   ("Ana", "fair"))
    assert english.no_decision and english.decisions == () and english.waiting_on == "numbers from finance"
    spanish = read(("Lu", "¿pasamos a la v2 de la api ya?"),
                   ("Tomás", "no decidamos nada hasta que tengamos las métricas de latencia"), ("Lu", "ok"))
    assert spanish.no_decision and spanish.decisions == () and spanish.waiting_on == "las métricas de latencia"


def test_an_announced_offer_and_a_revised_plan_decide():
    """ "cool, we're making him an offer" after a debrief; "bueno, en realidad mejor movemos la demo al viernes"
    changes a plan that was handed out, not agreed, and decides the new one."""
    offer = decided(("Maya", "final round went well, everyone was a yes"), ("Raj", "same from me"),
                    ("Maya", "cool, we're making him an offer"))
    assert offer == ["They are making him an offer"]
    demo = decided(("Ana", "plan: demo el jueves con el cliente"),
                   ("Luis", "bueno, en realidad mejor movemos la demo al viernes, el jueves no llega el build"),
                   ("Ana", "ok, viernes"))
    assert len(demo) == 1 and "movemos la demo al viernes" in demo[0]


def test_no_to_a_call_for_objections_agrees():
    """ "ok so hire? any objections" — "no, hire from me" — "hire": unanimous, about the debrief the thread opened with."""
    lines = [("rachel", "debrief for laura (senior backend). thoughts?"),
             ("mike", "strong on system design, the rate limiter q was really good. bit weak on sql"),
             ("omar", "agree, coding round was solid. culture fit 👍"), ("rachel", "ok so hire? any objections"),
             ("mike", "no, hire from me"), ("omar", "hire")]
    found = decided(*lines)
    assert len(found) == 1 and found[0].startswith("Hire") and "laura" in found[0] and "mike agreed" in found[0]
    # a "no" that goes on to object is still an objection
    assert decided(*lines[:4], ("mike", "no, but let's wait for the reference check first"), ("omar", "hmm")) == []


def test_go_or_no_go_is_the_verdict_a_go_no_go_call_asks_for():
    """ "ok agreed, no-go. we slip to monday", "ok dann go 🚀 sabine, …", "então no-go, segura pra segunda": the
    verdict is the decision, in the speaker's words, about the release the thread put to a go/no-go."""
    english = decided(("sara", "go/no-go for android 3.2 today. qa status?"),
                      ("tom", "all green except the crash on login w/ samsung a12, repro rate ~2%"),
                      ("kev", "i'd say no-go, 2% login crash is too much"),
                      ("sara", "ok agreed, no-go. we slip to monday. @tom can you get a fix in by fri?"),
                      ("tom", "on it, pr up by thu eod"))
    assert any("no-go" in line.lower() for line in english) and any("slip to monday" in line for line in english)
    assert not any(line.startswith("Kev") for line in english)
    german = decided(("nadine", "go/no-go für release 5.4 heute 16 uhr. status?"), ("robert", "backend ist durch, alle tests grün"),
                     ("sabine", "frontend auch, nur ein kleiner ui bug im dark mode, nicht kritisch"),
                     ("nadine", "ok dann go 🚀 sabine, den bug bitte ins nächste sprint"), ("sabine", "ticket ist angelegt"))
    assert german == ["ok dann go (re: “go/no-go für release 5.4 heute 16 uhr.”)"]
    portuguese = decided(("Camila", "e aí, sobe a versão 2.4 do app hoje?"),
                         ("Thiago", "tem um crash no android 10 que apareceu no teste de regressão"),
                         ("Camila", "afeta quantos usuários?"), ("Thiago", "uns 8% da base"),
                         ("Camila", "então no-go, segura pra segunda. Thiago corrige o crash até sexta?"),
                         ("Thiago", "beleza, até sexta"))
    assert len(portuguese) == 1 and portuguese[0].startswith("No-go, segura pra segunda")
    # the English verb is no verdict
    assert decided(("ana", "the staging deploy is blocked on the db migration"), ("ben", "ok go ahead and run it"),
                   ("ana", "so go fix it then")) == []


def test_a_plan_changed_by_whoever_set_it_replaces_it_however_the_change_is_said():
    """ "ah ok. lets do 10:00 instead then", "pessoal, mudança: … fica 9h mesmo", "ah zut, bon on décale à mercredi
    14h, je mets à jour l'invit": the new plan alone is the decision (the old one is not brought back by the model),
    without the promise that follows it."""
    standup = decided(("greg", "proposal: move standup to 9:30 so the eu folks can join"), ("lin", "+1"), ("pat", "works for me"),
                      ("greg", "ok standup at 9:30 starting mon"),
                      ("lin", "wait, 9:30 clashes w the sales sync on tue/thu for me and pat"),
                      ("greg", "ah ok. lets do 10:00 instead then, still starting mon. ill update the cal invite"),
                      ("pat", "👍 10 works"))
    assert len(standup) == 1 and "10:00" in standup[0] and "9:30" not in standup[0]
    daily = decided(("Vinícius", "a daily passa pra 9h30 a partir de segunda, ok?"), ("Larissa", "ok"),
                    ("Vinícius", "pessoal, mudança: o time de SP pediu pra manter 9h, então fica 9h mesmo"),
                    ("Larissa", "melhor assim kkk"))
    assert len(daily) == 1 and "fica 9h mesmo" in daily[0]
    retro = decided(("Élodie", "on part sur mardi pour la rétro ?"), ("Benoît", "mardi ok pour moi"),
                    ("Élodie", "ok rétro mardi 14h alors"), ("Benoît", "ah en fait mardi c'est férié pour l'équipe de lyon 😅"),
                    ("Élodie", "ah zut, bon on décale à mercredi 14h, je mets à jour l'invit"))
    assert len(retro) == 1 and retro[0].endswith("on décale à mercredi 14h")


def test_a_yes_to_the_proposers_next_question_is_not_agreement_with_the_first():
    """ "kannst du das fixen oder sollen wir zurückrollen?" … "@markus kannst du … schicken?" — "ja mach ich": the
    yes answers the new request; the first question decided nothing."""
    found = decided(("jonas", "die rechnungs-pdfs sind seit heute früh leer 😱"), ("lena", "liegt am neuen font-paket"),
                    ("jonas", "kannst du das fixen oder sollen wir zurückrollen?"), ("lena", "fix ist klein, mach ich direkt"),
                    ("jonas", "top danke! @markus kannst du bis freitag die betroffenen rechnungen neu generieren?"),
                    ("markus", "ja mach ich"))
    assert not any("zurückrollen" in line for line in found)


def test_work_handed_out_line_by_line_is_no_decision():
    """ "ok offsite planning, splitting it up" over "- @ben venue shortlist by fri" lines, "👍": tasks, not a decision
    of the group (read by the rules or the model), in any language."""
    assert decided(("julia", "ok offsite planning, splitting it up\n- @ben venue shortlist by fri 6/14\n- @chloe budget draft by next wed\n"
                             "- @sam agenda draft by 6/20\n- i'll handle the travel policy"),
                   ("ben", "👍"), ("chloe", "can do, might need the finance numbers from ravi first"), ("sam", "ok")) == []
    assert decided(("thomas", "für die messe in köln nächste woche, aufgaben:\n- @julia standbau mit dem dienstleister klären bis mittwoch\n"
                               "- @kai flyer drucken lassen (500 stück) bis freitag\n- @mehmet demo-laptops aufsetzen bis montag"),
                   ("julia", "passt"), ("mehmet", "ok, brauch aber noch die lizenzschlüssel von dir @thomas")) == []


def test_a_counter_proposal_is_no_agreement_and_a_date_with_its_full_stop_stays_one_sentence():
    """ "bora fazer quinta às 15h então?" answers a Friday proposal with another plan; "dann würd ich den alten server
    am 20. abschalten" — "lieber erst ende des monats" — "ok dann abschaltung am 31.": the 31st stands."""
    review = decided(("larissa", "proposta: sprint review na sexta às 16h com os stakeholders"),
                     ("gustavo", "sexta tem o feriado municipal aqui em bh, metade do time não vai estar"), ("larissa", "putz, esqueci"),
                     ("fernanda", "bora fazer quinta às 15h então? a sala grande tá livre"), ("gustavo", "quinta 15h fechado"),
                     ("larissa", "👍 eu mando o convite hoje"))
    assert len(review) == 1 and review[0].startswith("quinta 15h fechado")
    shutdown = decided(("ole", "frage: läuft der nightly export noch auf dem alten server?"),
                       ("tina", "nein, seit letzter woche auf dem neuen cluster"),
                       ("ole", "ah ok danke. dann würd ich den alten server am 20. abschalten"),
                       ("tina", "lieber erst ende des monats, die buchhaltung zieht da noch archivdaten runter"),
                       ("ole", "ok dann abschaltung am 31."))
    assert len(shutdown) == 1 and "31" in shutdown[0] and "20." not in shutdown[0]
    assert split_sentences("dann würd ich den alten server am 20. abschalten") == ["dann würd ich den alten server am 20. abschalten"]


def test_put_off_until_something_is_known_in_german_and_french():
    """ "ok dann vertagen wir das, bis die zahlen von finance da sind", "ok on met ça en pause en attendant RH et les
    chiffres": no decision, and what it waits for; "je préférerais qu'on attende …" is an opinion, not a task."""
    german = summarize(thread(("sven", "sollen wir für das neue projekt auf kotlin multiplatform setzen oder bei nativ bleiben?"),
                              ("carla", "kmp spart uns doppelten code, aber das team kennt es kaum"),
                              ("dirk", "ich würd erst mal wissen was das budget für q4 hergibt bevor wir was entscheiden"),
                              ("sven", "ok dann vertagen wir das, bis die zahlen von finance da sind")))
    assert german.no_decision and german.waiting_on == "die zahlen von finance da sind"
    french = summarize(thread(("élodie", "on passe au télétravail 3 jours/semaine pour l'équipe support ?"),
                              ("maxime", "je suis pour, mais faut voir la couverture téléphonique"),
                              ("sophie", "je préférerais qu'on attende l'avis de la direction RH avant de trancher"),
                              ("élodie", "ok on met ça en pause en attendant RH et les chiffres")))
    assert french.no_decision and french.waiting_on == "RH et les chiffres" and not french.action_items


def test_a_change_of_plan_that_puts_the_old_plan_off_is_the_new_decision():
    """ "ok change of plan: we stay on self-hosted Keycloak for now, revisit Auth0 in Q3": decided, replacing Auth0;
    "hmm fair. kev says the quote came back at 3x" on the way is a report, no plan."""
    found = decided(("sofia", "heads up team: we're going with Auth0 for the new SSO, decided w/ @kev yesterday. migration starts sprint 14"),
                    ("ben", "👍"), ("li.wei", "wait did anyone check MAU pricing? at 40k MAU we'd be way over the b2b plan"),
                    ("sofia", "hmm fair. kev says the quote came back at 3x what we budgeted"),
                    ("sofia", "ok change of plan: we stay on self-hosted Keycloak for now, revisit Auth0 in Q3"),
                    ("ben", "makes sense. ill cancel the auth0 trial then"))
    assert len(found) == 1 and "stay on self-hosted Keycloak" in found[0]


def test_a_view_a_cleared_alert_and_a_german_postponement():
    """ "perso je préfère grafana, on garde la main …" is a view, not a decision; "confirmed, alerts cleared" a report;
    "hmm ok. dann verschieben wir den freeze auf freitag" replaces the Wednesday freeze."""
    assert decided(("aurélie", "on en est où sur le choix entre Datadog et Grafana Cloud ?"),
                   ("bastien", "perso je préfère grafana, on garde la main sur les dashboards"),
                   ("nico", "datadog est bcp plus simple pour l'APM"), ("aurélie", "ok on tranche quand on a le devis alors")) == []
    assert decided(("priya", "anyone else seeing 502s on /api/invoices?"), ("tom", "yeah since 14:10, pgbouncer pool is maxed out"),
                   ("tom", "rolled back to 4.11, error rate back to 0"), ("priya", "confirmed, alerts cleared 🙏")) == []
    freeze = decided(("katrin", "wir frieren den code für das Q2 release am mittwoch ein, danach nur noch bugfixes"), ("sven", "ok"),
                     ("paul", "mittwoch is knapp, das payment-refactoring ist erst zu 70% durch"),
                     ("katrin", "hmm ok. dann verschieben wir den freeze auf freitag, aber dann wirklich hart"), ("paul", "danke!! schaffen wir"))
    assert len(freeze) == 1 and "freitag" in freeze[0]


def test_fica_assim_replaces_the_plan_it_revises():
    found = decided(("gui", "vamos subir o timeout do worker de relatórios pra 120s, tá estourando com cliente grande"), ("leo", "+1"),
                    ("carla", "pera, subir timeout só mascara. o problema é a query sem índice na relatorio_vendas"),
                    ("gui", "verdade, olhei o explain agora. fica assim: criamos o índice e deixamos o timeout em 60"),
                    ("leo", "faz sentido"))
    assert len(found) == 1 and "criamos o índice" in found[0]
