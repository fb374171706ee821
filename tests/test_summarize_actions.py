"""Action items as teams write them: tasks that point back at what was said, tasks reported done later,
accepted requests elaborated in the reply, statements asking for confirmation, and the same rules in
English, German, French, Spanish and Portuguese."""

from __future__ import annotations

from skills.summarize.extractive import summarize
from tests.summary_threads import read, thread


def items(*lines: tuple[str, str]) -> list[tuple[str | None, str]]:
    return [(a.owner, a.text) for a in summarize(thread(*lines)).action_items]


def test_what_a_task_is_for_is_not_part_of_the_task():
    found = items(("Iris", "The CFP closes on Jan 15."), ("Dev", "I'd be up for a talk."),
                  ("Iris", "Dev, can you draft the abstract by Jan 10 so I can review it?"), ("Dev", "Sure."))
    assert found == [("Dev", "draft the abstract")]
    legal = items(("Greta", "Do we owe customers SLA credits?"), ("Oscar", "Good question."),
                  ("Oscar", "I'll check with legal, don't promise anything yet."))
    assert legal == [("Oscar", "check with legal")]


def test_a_statement_asking_for_confirmation_is_read_as_the_statement():
    found = items(("Chiara", "Launch is next Tuesday."), ("Ezra", "Bo will cut the video, right?"), ("Bo", "yes, by Friday"))
    assert found == [("Bo", "cut the video")]


def test_a_task_the_owner_later_reports_done_is_no_longer_open():
    done = items(("Hana", "Globex SSO is failing."), ("Hana", "I'll set up a call with their admin within the hour."),
                 ("Leo", "Logs attached."), ("Mara", "Thanks."), ("Quinn", "Anything else?"), ("Hana", "Call done, fingerprint matches."))
    assert done == []
    promised = items(("Greg", "Should we ship a desktop app?"), ("Noemi", "I'll run 5 customer interviews."),
                     ("Greg", "When?"), ("Noemi", "I can have the interviews done in 3 weeks."))
    assert promised == [("Noemi", "run 5 customer interviews")]
    told = [("Paula", "ok then: dark mode polish, CSV import v2, audit log export out."), ("Jin", "ok"),
            ("Sophie", "I'll tell the two CSV import customers it's slipping")]
    assert items(*told) == [("Sophie", "tell the two CSV import customers it's slipping")]
    assert items(*told, ("Sophie", "told both, they're fine with January")) == []  # the irregular past of the task's verb
    invites = [("Priscilla", "Interview panel for Li Na on Thursday, please confirm."),
               ("Ben", "I can take the 10:00 slot instead of Ana."), ("Priscilla", "perfect, I'll update the invites.")]
    assert ("Priscilla", "update the invites") in items(*invites)
    assert ("Priscilla", "update the invites") not in items(*invites, ("Priscilla", "updated, thanks Ben!"))  # regular past


def test_an_acceptance_restating_the_request_adds_its_date_not_its_words():
    assert items(("Lena", "reviews: 24h SLA + reminder bot. Sam can you set up the action?"),
                 ("Sam", "yes, I'll set it up by monday"), ("Lena", "great")) == [("Sam", "set up the action")]


def test_a_promise_to_follow_up_names_no_task():
    asked = [("Maya", "Can we get the Q3 numbers before the board meeting?")]
    assert items(*asked, ("Dominic", "no idea yet, I'll get you an answer by Friday, sorry"), ("Maya", "thanks")) == []
    assert items(*asked, ("Rohan", "checking with finance, will get back to you"), ("Maya", "thanks")) == []
    assert items(*asked, ("Zoe", "good q, I'll ping you Monday"), ("Maya", "thanks")) == []
    assert items(("Lee", "search is down for customers"), ("Aisha", "degraded search, we're on it, no ETA yet."),
                 ("Lee", "thx")) == []  # "on it, no ETA yet" is no task named "no ETA yet"
    assert items(*asked, ("Dominic", "I'll get the Q3 numbers by Friday"), ("Maya", "thanks")) == [("Dominic", "get the Q3 numbers")]
    assert items(("Rob", "Halvorsen wants 30% for two years."), ("Rob", "I'll take it back to them today"), ("Jess", "ok")) \
        == [("Rob", "take it back to them (re: “Halvorsen wants 30% for two years.”)")]


def test_an_accepted_request_elaborated_in_the_reply_is_one_task_and_an_extra_promise_another():
    one = items(("Megan", "Madrid it is."), ("Megan", "Lucía, can you get hotel quotes by next Wednesday?"),
                ("Lucía", "Sure, I'll take care of it. I'll get 3 options near Atocha."))
    assert one == [("Lucía", "get hotel quotes and get 3 options near Atocha")]
    two = items(("Greta", "We switch to Sentry."), ("Greta", "Hank, can you lead the migration?"),
                ("Hank", "Sure, I'll handle it. I'll also cancel the Rollbar contract."))
    assert sorted(two) == [("Hank", "cancel the Rollbar contract"), ("Hank", "lead the migration")]


def test_a_task_that_points_back_says_what_it_is_about():
    rollback = items(("Jakub", "We need a maintenance window."), ("Wei", "Saturday 22:00 works."),
                     ("Jakub", "rollback plan: I'll write it up by Thursday"))
    assert rollback == [("Jakub", "write it up (re: “rollback plan”)")]
    german = items(("Bernd", "Das Audit ist am 20. Januar. Was fehlt noch?"),
                   ("Kathrin", "Die Zugriffsliste für alle Produktionssysteme ist veraltet. Ich aktualisiere sie bis Ende der Woche."),
                   ("Bernd", "Danke."))
    assert len(german) == 1 and german[0][0] == "Kathrin" and "Zugriffsliste" in german[0][1]


def test_a_task_that_points_back_to_one_word_named_before_it_in_the_same_sentence_is_about_that_word():
    asked = items(("Aisha", "Search is green again, p95 210ms."),
                  ("Aisha", "resolving in PD. postmortem — kenji can you take it since you know the reindex job?"),
                  ("Kenji", "yep, by wednesday."))
    assert asked == [("Kenji", "take it since you know the reindex job (re: “postmortem”)")]
    promised = items(("Tom", "The blank page incident is over, the CDN serves the new index."),
                     ("Ines", "go with the list + the reload handler."), ("Olumide", "postmortem: i'll write it, thursday. blameless pls"))
    assert promised == [("Olumide", "write it (re: “postmortem”)")]
    full = items(("Pat", "Release on Tuesday."), ("Rosa", "I'll bump the chart to 4.8 today."), ("Pat", "Great."))
    assert full == [("Rosa", "bump the chart to 4.8")]  # a task that names its object gets no context


def test_a_speakers_own_verb_becomes_the_infinitive_of_a_task_list_in_each_language():
    french = items(("Chloé", "C'est décidé : la démo est décalée à lundi."), ("Margaux", "Je déplace la réservation de salle."),
                   ("Chloé", "Je préviens le client."))
    assert sorted(french) == [("Chloé", "prévenir le client"), ("Margaux", "déplacer la réservation de salle")]
    spanish = items(("Mercedes", "Vale, vamos con dos becarios de backend."),
                    ("Mercedes", "Publico la oferta en la bolsa de empleo antes del viernes."), ("Iván", "Perfecto."))
    assert spanish == [("Mercedes", "publicar la oferta en la bolsa de empleo")]
    assert items(("Mercedes", "Vamos con dos becarios."), ("Iván", "Me encargo yo de preparar la prueba técnica."),
                 ("Paula", "Genial.")) == [("Iván", "preparar la prueba técnica")]
    portuguese = items(("Thiago", "Vou precisar das credenciais, quem tem acesso ao projeto?"),
                       ("Rafael", "Eu tenho, te passo as credenciais amanhã."), ("Thiago", "Valeu!"))
    assert portuguese == [("Rafael", "passar as credenciais (re: “Vou precisar das credenciais, quem tem acesso ao projeto?”)")]
    assert items(("Thiago", "Quem tem acesso ao projeto?"), ("Rafael", "Eu tenho, te passo amanhã."),
                 ("Thiago", "Valeu!")) == []  # a promise made of its verb alone names no task
    german = items(("Jonas", "Wer übernimmt nächste Woche die Rufbereitschaft? Ich bin im Urlaub."),
                   ("Mia", "Ich kann die Frühschicht machen."), ("Lukas", "Dann nehme ich Donnerstag und Freitag."),
                   ("Jonas", "Super, danke euch! Ich trage das bis heute Abend in PagerDuty ein."))
    assert [(o, t.split(" (re:")[0]) for o, t in german] == [
        ("Mia", "die Frühschicht machen"), ("Lukas", "Donnerstag und Freitag nehmen"), ("Jonas", "das in PagerDuty eintragen")]


def test_words_that_only_look_like_verbs_are_not_tasks():
    assert items(("Bruno", "Recebemos 3 pedidos de ONGs pedindo desconto."), ("Ana", "Proposta: 50% no plano Team."),
                 ("Bruno", "Fechado: desconto de 30% no plano Team pra ONGs."), ("Ana", "Beleza.")) == []
    assert items(("Ana", "¿Cogemos uno de backend o dos?"), ("Iván", "Dos, como dije ayer."),
                 ("Paula", "Bueno, claro que dos.")) == []


def test_unassigned_tasks_and_requests_written_the_way_each_language_writes_them():
    english = items(("Lara", "We have 63 feature flags at 100%."), ("Ned", "We should also add an expiry date when creating a flag."),
                    ("Lara", "Good idea."))
    assert english == [(None, "add an expiry date when creating a flag")]
    french = items(("Julien", "On en reparle quand on a les chiffres."),
                   ("Claire", "Il faudrait aussi que quelqu'un demande à l'équipe mobile si ça les gêne."), ("Julien", "Oui."))
    assert french == [(None, "demander à l'équipe mobile si ça les gêne")]
    german = items(("Hannah", "Nachbereitung:"), ("Hannah", "Florian, schreibst du bis Freitag das Postmortem?"), ("Florian", "Jep."))
    assert [(a.owner, a.text, a.due) for a in summarize(thread(("Hannah", "Nachbereitung:"),
            ("Hannah", "Florian, schreibst du bis Freitag das Postmortem?"), ("Florian", "Jep."))).action_items] == [
        ("Florian", "das Postmortem schreiben", "Freitag")]
    assert german == [("Florian", "das Postmortem schreiben")]
    mine = items(("Ethan", "Four epics need owners."), ("Kwame", "Usage-based billing is mine."), ("Ethan", "Thanks."))
    assert mine == [("Kwame", "usage-based billing")]


def test_a_promise_that_continues_or_moves_the_owners_task_stays_one_task():
    continued = items(("Bea", "ok. Alex will write the migration script."), ("Noor", "QA is done btw."),
                      ("Alex", "script by Monday too, I'll run it on staging first"))
    assert continued == [("Alex", "write the migration script and run it on staging first")]
    moved = items(("Irene", "April 28 it is. Pat, please schedule the launch email for the 28th."), ("Pat", "will do"),
                  ("Sasha", "Load testing failed, the fix takes 1.5 weeks."), ("Irene", "Then we move the launch to May 12."),
                  ("Pat", "May 12 works, I'll move the email and the blog post."))
    assert moved == [("Pat", "move the email and the blog post")]


def test_an_offer_taken_up_is_a_task_for_the_one_who_offered():
    found = summarize(thread(("Grace", "We're making Lena an offer."), ("Sven", "should I send her the take-home feedback she asked for?"),
                             ("Grace", "yes please, this week"))).action_items
    assert [(a.owner, a.text, a.due) for a in found] == [("Sven", "send her the take-home feedback she asked for", "this week")]
    assert items(("Grace", "We're making Lena an offer."), ("Sven", "should I send her the take-home feedback?"),
                 ("Grace", "no, recruiting does that")) == []


def test_a_promise_answering_who_will_do_it_says_what_was_asked():
    found = items(("Ben", "also who's organising the team dinner on day 2?"),
                  ("Ana", "I'll handle the dinner, I know a place near the office."), ("Ben", "Great, thanks!"))
    assert found == [("Ana", "handle the dinner (re: “also who's organising the team dinner on day 2?”)")]


def test_what_someone_would_have_to_do_in_an_objection_is_not_a_task():
    assert items(("Greta", "Rollbar, Sentry or self-hosted GlitchTip?"),
                 ("Iker", "Self-hosting saves license money but someone has to run Postgres and Redis for it."),
                 ("Jill", "We don't have the ops time.")) == []
    assert items(("Ana", "The runbook still mentions Mailgun."), ("Sarah", "ok someone needs to update that runbook."),
                 ("Ana", "ok")) == [(None, "update that runbook (re: “The runbook still mentions Mailgun.”)")]


def test_more_ways_each_language_writes_a_promise_or_a_request():
    def one(opener: tuple[str, str], said: tuple[str, str], reply: tuple[str, str]) -> list[tuple[str | None, str]]:
        return [(o, t.split(" (re:")[0]) for o, t in items(opener, said, reply)]

    assert one(("Jonas", "Die Liste fehlt noch."), ("Mia", "Ich schick dir die Liste heute."), ("Jonas", "Danke!")) == [
        ("Mia", "dir die Liste schicken")]
    assert one(("Jonas", "Wer macht die Slides?"), ("Jonas", "Lena, du machst die Slides."), ("Lena", "Klar.")) == [
        ("Lena", "die Slides machen")]
    assert one(("Paul", "Qui fait quoi ?"), ("Paul", "Marie, tu t'occupes des invitations ?"), ("Marie", "Oui.")) == [
        ("Marie", "des invitations")]
    assert one(("Luis", "¿Quién hace la demo?"), ("Mia", "Me ocupo yo de preparar la demo."), ("Luis", "¡Gracias!")) == [
        ("Mia", "preparar la demo")]
    assert one(("Rui", "O PR está pronto."), ("Mia", "Amanhã reviso o PR."), ("Rui", "Valeu!")) == [("Mia", "revisar o PR")]
    assert one(("Rui", "Cadê o link?"), ("Mia", "Já te mando o link."), ("Rui", "Valeu!")) == [("Mia", "mandar o link")]


def test_a_task_split_off_a_sentence_that_points_back_is_read_without_error():
    found = items(("Bea", "The v3.2 release needs a backfill script."),
                  ("Bea", "ok, Adele will update the release notes, and Alex will write it up"), ("Alex", "sure"))
    assert ("Alex", "write it up (re: “The v3.2 release needs a backfill script.”)") in found


def test_a_request_asked_of_nobody_by_name_belongs_to_who_accepts_it_in_each_language():
    assert items(("Sam", "The deploy failed again."), ("Ken", "I saw, the logs are huge."), ("Sam", "Could you send me the logs?"),
                 ("Ken", "Sure.")) == [("Ken", "send Sam the logs")]
    assert items(("Jonas", "Die Zahlen fehlen."), ("Mia", "Stimmt."), ("Jonas", "Kannst du die Zahlen bis morgen schicken?"),
                 ("Mia", "Klar, mach ich.")) == [("Mia", "die Zahlen schicken")]
    assert items(("Paul", "Le client attend."), ("Mia", "Oui."), ("Paul", "Tu peux relancer le client demain ?"),
                 ("Mia", "Oui, je m'en occupe.")) == [("Mia", "relancer le client")]
    assert items(("Luis", "El cliente espera."), ("Mia", "Sí."), ("Luis", "¿Puedes llamar al cliente hoy?"),
                 ("Mia", "Claro.")) == [("Mia", "llamar al cliente")]
    assert items(("Rui", "O cliente está esperando."), ("Mia", "Sim."), ("Rui", "Você pode ligar pro cliente hoje?"),
                 ("Mia", "Claro, deixa comigo.")) == [("Mia", "ligar pro cliente")]
    # a question, not a request; and a request nobody accepted
    assert items(("Sam", "Thanks everyone"), ("Ken", "Glad to help"), ("Sam", "Could you explain how the cache works?"),
                 ("Ken", "Sure, it keeps keys for an hour.")) == []
    assert items(("Sam", "The deploy failed."), ("Ken", "I saw."), ("Sam", "Could you send me the logs?"),
                 ("Ken", "No, I'm off today.")) == []


def test_meeting_note_assignments_and_a_dash_after_the_name():
    assert items(("Sam", "Notes from the sync:"), ("Sam", "Ken to send the deck to the customer by Friday"),
                 ("Ken", "ack")) == [("Ken", "send the deck to the customer")]
    assert items(("Sam", "Release is blocked."), ("Ana", "I see."), ("Sam", "Ana — can you check the migration?"),
                 ("Ana", "on it")) == [("Ana", "check the migration")]


def test_more_english_assignments_and_promises():
    assert items(("Sam", "The report is due."), ("Ken", "Right."), ("Sam", "Ken, the summary slides please"),
                 ("Ken", "ok")) == [("Ken", "the summary slides")]
    assert items(("Sam", "Kickoff notes."), ("Sam", "Assigning the vendor review to Ken."), ("Ken", "ack")) == [("Ken", "the vendor review")]
    assert items(("Sam", "Kickoff notes."), ("Ana", "Ken's going to draft the RFC."), ("Ken", "yep")) == [("Ken", "draft the RFC")]
    assert items(("Sam", "Who takes the slides?"), ("Ken", "Leave it with me."), ("Sam", "Thanks!")) == [("Ken", "takes the slides")]
    assert items(("Sam", "Got the numbers?"), ("Ken", "Can do, will send the numbers by EOD"), ("Sam", "great")) == [
        ("Ken", "send the numbers")]


def test_what_the_speaker_has_to_do_is_their_task_in_each_language():
    assert items(("Sam", "The docs are stale."), ("Ken", "True. I need to update the API docs."), ("Sam", "great")) == [
        ("Ken", "update the API docs")]
    assert items(("Jonas", "Die Doku ist veraltet."), ("Mia", "Stimmt, ich muss noch die API-Doku aktualisieren."),
                 ("Jonas", "Danke")) == [("Mia", "die API-Doku aktualisieren")]
    assert items(("Paul", "La doc est vieille."), ("Mia", "Oui, je dois mettre à jour la doc de l'API."), ("Paul", "Merci")) == [
        ("Mia", "mettre à jour la doc de l'API")]
    assert items(("Luis", "La documentación está vieja."), ("Mia", "Sí, tengo que actualizar la documentación de la API."),
                 ("Luis", "Gracias")) == [("Mia", "actualizar la documentación de la API")]
    assert items(("Rui", "A documentação está velha."), ("Mia", "Sim, tenho que atualizar a documentação da API."),
                 ("Rui", "Valeu")) == [("Mia", "atualizar a documentação da API")]
    assert items(("Sam", "I have to go, see you"), ("Ken", "bye"), ("Sam", "I need to think about it")) == []


def test_elided_and_idiomatic_promises_and_what_is_not_one():
    assert items(("Paul", "Le devis n'est pas parti."), ("Mia", "J'envoie le devis au client ce soir."), ("Paul", "Merci")) == [
        ("Mia", "envoyer le devis au client")]
    assert items(("Paul", "Il manque la salle."), ("Mia", "J'ai réservé la salle hier."), ("Paul", "Merci")) == []
    assert items(("Paul", "Des nouvelles ?"), ("Mia", "Je vous tiens au courant."), ("Paul", "Merci")) == []
    assert items(("Sam", "Any update?"), ("Ken", "I'll get back to you tomorrow."), ("Sam", "ok")) == []
    assert items(("Luis", "¿Y los accesos?"), ("Mia", "Me hago cargo de los accesos."), ("Luis", "Gracias")) == [
        ("Mia", "los accesos")]
    assert items(("Rui", "E os acessos?"), ("Mia", "Fico responsável pelos acessos."), ("Rui", "Valeu")) == [
        ("Mia", "ficar responsável pelos acessos")]
    assert items(("Jonas", "Wer macht die Tickets?"), ("Mia", "Kümmere mich drum."), ("Jonas", "Danke")) == [("Mia", "die Tickets")]


def test_a_task_said_to_someone_by_name_with_the_verb_addressed_to_them():
    assert items(("Paul", "Le devis est prêt."), ("Julie", "Super."), ("Paul", "Julie, tu m'envoies le devis ce soir ?"),
                 ("Julie", "Oui.")) == [("Julie", "envoyer le devis")]
    assert items(("Paul", "Le devis est prêt."), ("Julie", "Super."), ("Paul", "Julie, envoie le devis au client."),
                 ("Julie", "Ok.")) == [("Julie", "envoyer le devis au client")]
    assert items(("Luis", "El informe está listo."), ("Marta", "Bien."), ("Luis", "Marta, ¿me mandas el informe hoy?"),
                 ("Marta", "Claro.")) == [("Marta", "mandar el informe")]
    assert items(("Rui", "O relatório está pronto."), ("Ana", "Boa."), ("Rui", "Ana, manda o relatório pro cliente hoje."),
                 ("Ana", "Beleza.")) == [("Ana", "mandar o relatório pro cliente")]
    # thanks and praise by name are not tasks
    assert items(("Paul", "Le devis est prêt."), ("Julie", "Super."), ("Paul", "Julie, bonne idée."), ("Julie", "Ok.")) == []
    assert items(("Rui", "O relatório está pronto."), ("Ana", "Boa."), ("Rui", "Ana, valeu pela ajuda."), ("Ana", "Nada.")) == []


def test_a_second_request_that_leaves_out_the_verb_takes_it_from_the_first():
    found = items(("Iris", "Q2 is SCIM and Slack app v2."), ("Iris", "Jamal, can you write the SCIM one-pager? Finn, the Slack v2 scope?"),
                  ("Jamal", "one-pager by next Monday"), ("Finn", "scope doc end of next week"))
    assert sorted(found) == [("Finn", "write the Slack v2 scope"), ("Jamal", "write the SCIM one-pager")]
    assert items(("Iris", "Q2 is SCIM."), ("Iris", "Finn, the Slack v2 scope?"), ("Finn", "not started")) == []


def test_what_the_speaker_says_will_be_ready_is_their_task():
    # "Noemi runs the interviews": a task handed out in the present; ", then we decide" is no part of it
    assert items(("Fatima", "Noemi runs the interviews, then we decide."), ("Noemi", "The interview guide draft will be ready by Friday."),
                 ("Fatima", "Thanks.")) == [("Noemi", "run the interviews"), ("Noemi", "the interview guide draft")]
    assert items(("Sam", "Where are we?"), ("Ken", "It will be ready soon, we will be done by Friday."), ("Sam", "ok")) == []


def test_a_conditional_offer_or_a_hypothetical_is_no_task():
    assert items(("Ana", "Lena might join the team in March."),
                 ("Ben", "If she joins I would set up her laptop and accounts."),
                 ("Ana", "Sounds good, let's see.")) == []


def dues(*lines: tuple[str, str]) -> list[tuple[str | None, str, str | None]]:
    return [(a.owner, a.text, a.due) for a in summarize(thread(*lines)).action_items]


def test_european_portuguese_requests_to_tu_are_tasks_once_accepted_with_the_due_date_of_the_reply():
    found = dues(("Marta", "Alguém tem de corrigir a política de retenção dos backups."),
                 ("João", "Concordo. Marta, ficas com isso?"), ("Marta", "Fico. Até quarta"),
                 ("Inês", "E o alerta de falhas de backup no PagerDuty?"),
                 ("João", "Passa a ser P2 no PagerDuty. Inês, configuras tu?"), ("Inês", "Configuro, hoje à tarde"))
    assert [(o, d) for o, _, d in found] == [("Marta", "quarta"), ("Inês", "hoje à tarde")]
    assert found[0][1].startswith("corrigir a política de retenção")
    assert found[1][1].startswith("configurar") and "PagerDuty" in found[1][1]
    texts = dues(("Tiago", "Os textos dos 3 passos já estão fechados?"), ("Inês", "Ainda placeholder. @Beatriz ficas tu com os textos?"),
                 ("Beatriz", "Fico, envio até quinta-feira"))
    assert texts == [("Beatriz", "ficar com os textos", "quinta-feira")]


def test_an_article_or_a_noun_reported_done_is_no_portuguese_first_person_verb():
    found = items(("Rui", "O último backup bom é de sexta às 02h00."), ("Rui", "Espaço libertado, backup manual concluído."),
                  ("Marta", "O documento de compliance diz uma coisa e o runbook diz outra."))
    assert found == []


def test_a_german_separable_verb_keeps_its_prefix_whichever_it_is():
    found = items(("Deniz", "Sollen wir im Support schon auf die App umstellen?"), ("Katrin", "Erst nach dem Release."),
                  ("Deniz", "ok, dann stell ich die Makros nach dem Release um"))
    assert found == [("Deniz", "die Makros nach dem Release umstellen")]


def test_a_reason_after_the_task_is_not_part_of_it():
    found = items(("Álvaro", "A mí me preocupa más el soporte por email."), ("Javier", "Sí, a mí también."),
                  ("Marta", "Reviso yo el SLA con soporte, porque no es bloqueante."))
    assert found == [("Marta", "revisar el SLA con soporte")]


def test_a_promise_in_the_verb_of_a_who_question_takes_its_task_and_a_mention_opens_a_request():
    found = items(("Giulia", "Rilascio 3.6 venerdì alle 9, va bene a tutti?"),
                  ("Francesca", "io venerdì sono in ferie, chi segue il monitoraggio dei crash?"),
                  ("Alessandro", "lo seguo io, nessun problema"),
                  ("Giulia", "<@U07GH7FJIG4|Marco> prepari tu le note di rilascio?"), ("Marco", "certo, entro giovedì"))
    assert found == [("Alessandro", "seguire il monitoraggio dei crash"), ("Marco", "preparare le note di rilascio")]


def test_an_owner_list_of_names_and_verbs_and_a_task_handed_back_to_whoever_takes_it():
    found = items(("Lucas", "summary: async standups in Geekbot, a weekly staging sheriff, a review SLA. objections?"),
                  ("Kwame", "no objection"), ("Zhou", "none"),
                  ("Lucas", "adopted. owners: Amelia set up Geekbot, Zhou draft the sheriff rota, Kwame add the review SLA to the team handbook"),
                  ("Amelia", "on it"),
                  ("Kwame", "sorry, I'm out from tomorrow until the 2nd. can someone else take the handbook bit?"),
                  ("Isabelle", "I'll do it"))
    assert found == [("Amelia", "set up Geekbot"), ("Zhou", "draft the sheriff rota"),
                     ("Isabelle", "add the review SLA to the team handbook")]
    roles = items(("Tariq", "Checkout is down."), ("Tariq", "I'm IC. Mina comms with support, Pablo on mobile, who's on backend?"),
                  ("Pablo", "ok"))
    assert roles == []


def test_a_task_put_by_name_without_a_verb_or_taken_with_a_bare_pronoun():
    found = dues(("Rafael", "fila zerada, incidente encerrado."),
                 ("Rafael", "follow-up: Bruno, post-mortem até sexta?"), ("Bruno", "post-mortem comigo"))
    assert found == [("Bruno", "post-mortem", "sexta")]
    who = items(("Katrin", "Neuer Zieltermin für 4.0 ist Montag in einer Woche."),
                ("Julia", "und wer sagt mir Donnerstag das finale Datum?"), ("Katrin", "ich"))
    assert len(who) == 1 and who[0][0] == "Katrin" and "finale Datum" in who[0][1]
    nobody = items(("Florian", "Bin dran."), ("Florian", "Wer ist heute Incident Commander?"), ("Hannah", "ich"))
    assert nobody == []


def test_a_promise_with_its_object_said_before_the_verb_says_what_it_is_about():
    found = items(("Marta", "Propuesta: plan Startup a 29 €/mes, soporte solo por email."),
                  ("Álvaro", "a mí me preocupa más el soporte. 'solo email' con SLA de 48h nos va a llenar el Intercom igual"),
                  ("Marta", "eso lo miro yo con soporte, no es bloqueante para el precio"))
    assert len(found) == 1 and found[0][0] == "Marta" and found[0][1].startswith("mirar con soporte (re: ")
    assert "SLA de 48h" in found[0][1]


def test_a_bare_acceptance_takes_the_request_put_to_the_thread_with_its_due_date():
    """ "On it." / "Ich mach das." / "Je m'en occupe." after a request to nobody by name: the requested task, the
    taker as owner, the request's due date carried over."""
    def taken(request: str, reply: str) -> list[tuple[str | None, str, str | None]]:
        lines = [("Zoe", "Quick sync on the launch."), ("Mia", request), ("Ken", reply)]
        return [(a.owner, a.text, a.due) for a in summarize(thread(*lines)).action_items]

    assert taken("Can someone update the pricing page by Thursday?", "On it.") == [("Ken", "update the pricing page", "Thursday")]
    assert taken("Someone needs to renew the TLS cert before Friday.", "on it") == [("Ken", "renew the TLS cert", "Friday")]
    assert taken("Could someone review PR #42 by tomorrow?", "will do") == [("Ken", "review PR #42", "tomorrow")]
    assert taken("Who can write the postmortem by Thursday?", "I'll take it") == [("Ken", "write the postmortem", "Thursday")]
    assert taken("Kann jemand bis Donnerstag die Release Notes schreiben?", "Ich mach das.") == \
        [("Ken", "die Release Notes schreiben", "Donnerstag")]
    assert taken("Quelqu'un peut préparer la démo pour jeudi ?", "Je m'en occupe.") == [("Ken", "préparer la démo", "jeudi")]
    assert taken("¿Alguien puede revisar el contrato antes del viernes?", "Me encargo yo.") == \
        [("Ken", "revisar el contrato", "viernes")]


def test_a_reply_that_only_sets_the_deadline_dates_the_task_instead_of_adding_one():
    asked = items(("Hannah", "Someone should actually test the JSM sync instead of guessing."),
                  ("Mel", "I can set up a trial workspace and test the sync with a fake JSM project."),
                  ("Hannah", "thanks mel. can you have something by end of next week?"), ("Mel", "yep"))
    assert asked == [("Mel", "set up a trial workspace and test the sync with a fake JSM project")]
    due = summarize(thread(("Priya", "Renewal quote came in, 22% up."), ("Priya", "Tom can you tag which APM hosts we can drop?"),
                           ("Tom", "yep, will have it EOD tomorrow"))).action_items
    assert [(a.owner, a.text, a.due) for a in due] == [("Tom", "tag which APM hosts they can drop", "EOD tomorrow")]


def test_i_dont_think_we_can_decide_today_is_no_task():
    assert items(("Hannah", "Eng wants it, support and finance have real blockers."),
                 ("Hannah", "I don't think we can decide today."), ("Chloe", "agreed.")) == []


def test_the_owners_first_reply_dates_the_task_handed_to_them():
    listed = summarize(thread(("Gil", "Retro follow-ups, owner after the colon:\n- flaky e2e suite: Dan\n- on-call rotation doc: Eve"),
                              ("Dan", "ack"), ("Eve", "Rotation doc by Friday."))).action_items
    assert [(a.owner, a.due) for a in listed] == [("Dan", None), ("Eve", "Friday")]
    asked = summarize(thread(("Maya", "Quarterly review prep: Ana: slides; Ben: budget; I'll book the room."), ("Ana", "on it"),
                             ("Ben", "Budget by Wednesday works?"), ("Maya", "Wednesday is fine."))).action_items
    assert [(a.owner, a.due) for a in asked if a.owner == "Ben"] == [("Ben", "Wednesday")]
    said = summarize(thread(("Rosa", "For the 4.2 release: Alex will write the migration script, Adele the release notes."),
                            ("Alex", "ack"), ("Adele", "Release notes by Monday then."))).action_items
    assert [(a.owner, a.due) for a in said] == [("Alex", None), ("Adele", "Monday")]


def test_an_acceptance_that_says_only_when_adds_no_words_to_the_task():
    found = items(("Victoria", "What I need from you all:"), ("Victoria", "Yusuf: check with Fjord whether read-only offline is acceptable"),
                  ("Yusuf", "on it, I have a call with them Wednesday"))
    assert found == [("Yusuf", "check with Fjord whether read-only offline is acceptable")]


def test_a_lead_s_imperative_to_someone_by_name_is_their_task():
    found = items(("Kai", "Checkout errors are back since the 14:05 deploy."), ("Lin", "It's the idempotency middleware."),
                  ("Kai", "Rolling back to 4.2.1. Lin, write the postmortem by Thursday."), ("Lin", "ok"))
    assert found == [("Lin", "write the postmortem")]
    # a name then a word that is no task verb is no task: "Lin, great catch."
    assert items(("Kai", "Checkout errors are back."), ("Lin", "It's the middleware."), ("Kai", "Lin, great catch.")) == []
    # declined: the task stays, nobody owns it
    assert items(("Kai", "Checkout errors are back."), ("Lin", "It's the middleware."),
                 ("Kai", "Lin, write the postmortem by Thursday."), ("Lin", "sorry, can't, I'm out tomorrow")) == \
        [(None, "write the postmortem")]


def test_a_promise_with_a_tag_question_is_still_a_promise():
    found = items(("Carla", "Three intern offers are out."), ("Wen", "Great, the data team is happy."),
                  ("Nick", "I'll send the final round schedule to candidates by Friday, same as last year?"))
    assert found == [("Nick", "send the final round schedule to candidates")]


def test_a_name_written_without_its_accents_is_still_that_person():
    found = items(("Grace", "4.12 go/no-go: the build is green."), ("Lucía Fernández", "Marketing has the announcement Wednesday."),
                  ("Grace", "lucia can you also chase the ja/pt-BR translations?"), ("Lucía Fernández", "on it"))
    assert found == [("Lucía Fernández", "chase the ja/pt-BR translations")]


def test_take_it_is_about_the_clause_before_it_in_the_same_sentence():
    found = items(("Camille", "Rollback done, the errors are gone."), ("Hugo", "I switched the flag off in LaunchDarkly too."),
                  ("Camille", "thanks all. postmortem to write by Wednesday, Julien can you take it?"), ("Julien", "ok for me"))
    # the clause before the request, not the message about the flag before it
    assert found == [("Julien", "take it (re: “postmortem to write by Wednesday”)")]
    # an agreement before the comma names nothing: the task is still about what was said before
    thanks = items(("Camille", "The postmortem needs writing."), ("Camille", "Sounds good, Julien can you take it?"),
                   ("Julien", "sure"))
    assert thanks == [("Julien", "take it (re: “The postmortem needs writing.”)")]


def test_a_vague_promise_takes_the_step_advised_just_before_it():
    advice = ("Julien", "Stripe retries for 3 days, better to replay them by hand from the dashboard")
    assert items(advice, ("Nadia", "I'll take care of it, I have the list of event ids"), ("Sophie", "great")) == \
        [("Nadia", "replay them by hand from the dashboard")]
    assert items(("Julien", "We should replay the failed events by hand from the dashboard."), ("Nadia", "I'll take care of it."),
                 ("Sophie", "great")) == [("Nadia", "replay the failed events by hand from the dashboard")]
    # advice put as a question, or given by the one promising, is no step someone took on
    assert items(("Julien", "Should we replay the failed events by hand?"), ("Nadia", "I'll take care of it."),
                 ("Sophie", "great")) == []


def test_tasks_handed_out_in_the_present_tense_are_one_line_per_owner():
    """ "Ken writes the announcement, Mei updates the pricing page, and I'll brief support": each part is a task
    for the one it names, written as task lines are ("write the announcement"); a part that names only its object
    ("Mei handles the pricing page") is told as "Mei takes the pricing page", not "Mei will the pricing page"."""
    lines = [("Ken", "ok, draft by thursday noon"), ("Mei", "sure"), ("Dana", "thanks all")]
    assert items(("Dana", "for friday's launch: Ken writes the announcement, Mei updates the pricing page, "
                          "and I'll brief support."), *lines) == \
        [("Ken", "write the announcement"), ("Mei", "update the pricing page"), ("Dana", "brief support")]
    told = summarize(thread(("Dana", "Mei handles the pricing page, Ken writes the announcement."), ("Mei", "sure"),
                            ("Ken", "ok"), ("Dana", "thanks all"))).tldr
    assert told == "Mei takes the pricing page; Ken will write the announcement."


def test_tmrw_is_tomorrow():
    summary = summarize(thread(("Hana", "orders-db is back"), ("Owen", "great"),
                               ("Hana", "I'll do the incident writeup tmrw morning")))
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [("Hana", "do the incident writeup", "tmrw morning")]
    assert summary.action_items[0].due_date is not None


def test_a_task_handed_out_as_runs_or_leads_is_the_named_persons():
    assert items(("Kate", "release 4.2 tonight?"), ("Arjun", "yes, QA signed off"),
                 ("Kate", "Arjun runs the deploy at 3, I'll post in #announcements after"), ("Arjun", "👍")) \
        == [("Arjun", "run the deploy at 3"), ("Kate", "post in #announcements after")]
    assert items(("Mia", "who's on the customer call?"), ("Tom", "Priya leads the call, Ana writes the notes"),
                 ("Priya", "ok"), ("Ana", "sure")) == [("Priya", "lead the call"), ("Ana", "write the notes")]


def test_who_is_doing_it_taken_by_me_and_the_follow_up_for_the_next_piece():
    """ "who's doing the changelog?" — "me"; "and the migration guide?" — "I'll take it": one task each, the
    follow-up borrowing the who-question's verb ("doing" → "do")."""
    summary = summarize(thread(("Amy", "release checklist for 5.0: who's doing the changelog?"), ("Bob", "me"),
                               ("Amy", "and the migration guide?"), ("Cat", "I'll take it"), ("Amy", "thanks both")))
    assert [(a.owner, a.text.split(" (re:")[0]) for a in summary.action_items] == [
        ("Bob", "do the changelog"), ("Cat", "do the migration guide")]


def test_a_promise_that_says_only_where_takes_the_who_question():
    assert [(a.owner, a.text) for a in summarize(thread(
        ("Kai", "Super. Und wer kommuniziert das ans Team?"), ("Eva", "Mach ich im Weekly"), ("Kai", "Danke"))).action_items] \
        == [("Eva", "das ans Team kommunizieren im Weekly")]


def test_a_due_date_said_right_after_the_request_is_its_due():
    """ "Marcus can you write up the postmortem? by Friday pls": the second sentence only says when."""
    summary = summarize(thread(("Lea", "payments are back, error rate normal again"),
                               ("Lea", "Marcus can you write up the postmortem? by Friday pls"), ("Marcus", "yep")))
    assert [(a.owner, a.due) for a in summary.action_items] == [("Marcus", "Friday")]


def test_mentions_handing_out_tasks_with_their_due_dates():
    """ "@Arjun landing page copy — due Tuesday": one owner's task per line; "I'll draft the launch email myself"
    is the speaker's, without "myself"."""
    summary = summarize(thread(("Zoe", "launch is the 22nd. handing out the remaining bits:"),
                               ("Zoe", "@Arjun landing page copy — due Tuesday"),
                               ("Zoe", "@Beth pricing page screenshots, due Wednesday"),
                               ("Arjun", "got it"), ("Beth", "on it"),
                               ("Zoe", "and I'll draft the launch email myself, ready for review Thursday")))
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [
        ("Arjun", "landing page copy", "Tuesday"), ("Beth", "pricing page screenshots", "Wednesday"),
        ("Zoe", "draft the launch email, ready for review", "Thursday")]
    assert "myself" not in summary.tldr and " them," not in summary.tldr


def test_a_task_its_owner_gives_up_later_is_no_task():
    """ "I'm taking the migration" … "I'll set up the replica then instead of the migration": one task, the new one;
    "ok scratch that, we'll postpone …" is the decision without its heading."""
    summary = summarize(thread(("Sam", "proposal: we move the events table to ClickHouse this quarter"),
                               ("Ada", "+1, postgres is choking on the analytics queries"),
                               ("Sam", "ok locking this in — ClickHouse migration in Q3"),
                               ("Ada", "I'm taking the migration, will start with a shadow write"),
                               ("Noor", "wait, I just got the infra budget for Q3 — we have zero headroom for a new cluster"),
                               ("Sam", "ugh. ok scratch that, we'll postpone ClickHouse to Q4 and add a read replica for postgres instead"),
                               ("Ada", "fine by me. I'll set up the replica then instead of the migration, by end of next week")))
    assert [a.text.split(" then")[0] for a in summary.action_items] == ["set up the replica"]
    assert [d.line.split(" (")[0] for d in summary.decisions] == [
        "They will postpone ClickHouse to Q4 and add a read replica for postgres instead"]


def test_the_object_said_before_i_will_is_the_task_s_object():
    summary = summarize(thread(("Grace", "Webhooks v2 GA is next Thursday. who takes what?"),
                               ("Nikolai", "I'll add the status page component, quick one"),
                               ("Grace", "changelog I'll write myself, Wednesday"), ("Nikolai", "ok")))
    assert ("Grace", "write changelog", "Wednesday") in [(a.owner, a.text, a.due) for a in summary.action_items]


def test_me_then_a_clause_takes_what_who_asked():
    """ "who pings design about the mockups?" — "me, I'm seeing Ines tomorrow": Hugo's task, in its base form."""
    summary = summarize(thread(("Lea", "and who pings design about the mockups?"), ("Hugo", "me, I'm seeing Ines tomorrow"),
                               ("Lea", "thanks")))
    assert [(a.owner, a.text) for a in summary.action_items] == [("Hugo", "ping design about the mockups")]


def test_a_bulleted_list_of_mentions_hands_out_tasks_and_already_done_closes_one():
    """ "- @tyler landing page copy by mon" gives Tyler that task; "already done actually" reports Kai's done;
    "@tyler also pls loop in legal …" — "sure, today" is Tyler's, due today."""
    summary = summarize(thread(
        ("rachel", "launch checklist for the webinar on the 22nd:\n- @tyler landing page copy by mon\n"
                   "- @sofia email sequence by wed\n- @kai zoom webinar + registration by tue"),
        ("tyler", "ok"), ("sofia", "can do"), ("kai", "already done actually, link's in the doc"),
        ("rachel", ":tada: thx kai. @tyler also pls loop in legal on the recording disclaimer"), ("tyler", "sure, today")))
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [
        ("tyler", "landing page copy", "mon"), ("sofia", "email sequence", "wed"),
        ("tyler", "loop in legal on the recording disclaimer", "today")]


def test_a_request_for_it_by_a_day_of_the_month_takes_the_open_task():
    """ "we need to send the cost report" — "@pedro can you have it done by the 30th?" — "yes": Pedro's, due the 30th
    (resolved to that day); the TL;DR asks no "can pedro has it done"."""
    summary = read(("Lucia", "we need to send the cost report to finance"), ("Lucia", "@pedro can you have it done by the 30th?"),
                   ("Pedro", "yes, by the 30th"))
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Pedro", "send the cost report to finance", "the 30th", "2026-11-30")]
    assert "can Pedro has" not in summary.tldr and "can pedro has" not in summary.tldr


def test_a_mentioned_request_is_told_as_asked_of_that_person():
    """ "@pedro can you review the deck?" — "sure": the TL;DR does not say "can pedro review" after "@pedro"."""
    summary = read(("Lucia", "@pedro can you review the deck?"), ("Pedro", "sure"), ("Lucia", "thanks"))
    assert [(a.owner, a.text) for a in summary.action_items] == [("Pedro", "review the deck")]
    assert "@pedro can" not in summary.tldr.lower()


def test_can_u_asks_as_can_you_does():
    """ "marco can u write the postmortem by thu?" — "👍 will do": Marco's, due Thursday."""
    summary = read(("Dan", "error rate back to baseline after the rollback"),
                   ("Dan", "nice. marco can u write the postmortem by thu? and lets freeze ingress changes till then"),
                   ("Marco", "👍 will do"))
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [("Marco", "write the postmortem", "thu")]


def test_ill_typed_without_its_apostrophe_promises():
    """ "great, ill send it to recruiting for the offer": "I'll" as it is typed in chat; "I feel ill" promises nothing."""
    found = items(("rachel", "ok so hire?"), ("mike", "hire"), ("omar", "hire"),
                  ("rachel", "great, ill send it to recruiting for the offer"), ("omar", "I feel ill today, will be offline"))
    assert found == [("rachel", "send it to recruiting for the offer")]


def test_work_reported_out_or_ready_is_no_longer_a_task():
    """ "fix ist raus ✅", "migración lista ✅", "feito ✅ já tá tudo na pasta": the owner reports it done."""
    german = items(("jonas", "die rechnungs-pdfs sind seit heute früh leer"), ("lena", "liegt am neuen font-paket"),
                   ("jonas", "kannst du das fixen oder sollen wir zurückrollen?"), ("lena", "fix ist klein, mach ich direkt"),
                   ("lena", "fix ist raus ✅ pdfs werden wieder korrekt erzeugt"), ("jonas", "top danke!"))
    assert german == []
    portuguese = items(("vitor", "pra auditoria da semana que vem:\n- @clara separar os contratos de 2023 até terça\n"
                                 "- @diego exportar os logs de acesso até quarta"),
                       ("clara", "feito ✅ já tá tudo na pasta da auditoria"), ("diego", "beleza"))
    assert portuguese == [("diego", "exportar os logs de acesso")]


def test_i_got_it_takes_the_shift_someone_else_turned_down():
    """ "@maya can you take my on-call for sat?" — "sorry cant this weekend" — "i got it greg, swap me your tue shift?"."""
    assert items(("greg", "@maya can you take my on-call for sat? my kid's recital"), ("maya", "sorry cant this weekend, im out of town ✈️"),
                 ("dario", "i got it greg, swap me your tue shift?"), ("greg", "deal, thanks dario!! 🙌")) == [("dario", "take greg's on-call for sat")]


def test_due_dates_written_short_and_a_promise_said_twice():
    """ "eod fri" is Friday, "by next fri" a Friday too (not the text of the task); "i can ping legal, ill do it today"
    is one task, "ping legal", due today; "… by next fri and we decide then" ends where the team's part starts."""
    found = summarize(thread(("nadia", "release checklist:\n- @jules smoke test on android 12/13 by thu\n- @nadia app store screenshots eod fri\n"
                                       "- someone pls ping legal re: the new privacy text"),
                             ("jules", "ack, thu works"), ("karl", "i can ping legal, ill do it today"))).action_items
    assert [(a.owner, a.text, a.due, a.due_date.weekday() if a.due_date else None) for a in found] == [
        ("jules", "smoke test on android 12/13", "thu", 3), ("nadia", "app store screenshots", "eod fri", 4), ("karl", "ping legal", "today", 0)]
    quotes = summarize(thread(("kim", "offsite planning: lisbon or porto in june?"), ("joel", "porto, way cheaper flights"),
                              ("kim", "ok ill get quotes from both venues by next fri and we decide then"))).action_items
    assert [(a.owner, a.text, a.due) for a in quotes] == [("kim", "get quotes from both venues", "next fri")] and quotes[0].due_date.weekday() == 4


def test_more_verbs_ill_and_i_can_take_and_a_trailing_then_or_but_not_goes():
    """ "ill cancel the auth0 trial then", "i can pull it but not before next week, quarter close stuff"."""
    assert items(("sofia", "ok change of plan: we stay on Keycloak"), ("li", "makes sense"),
                 ("ben", "makes sense. ill cancel the auth0 trial then")) == [("ben", "cancel the auth0 trial")]
    pulled = summarize(thread(("marcus", "do we know the conversion number?"), ("hana", "no idea"),
                              ("elif", "i can pull it but not before next week, quarter close stuff"))).action_items
    assert [(a.owner, a.text.split(" (re:")[0], a.due) for a in pulled] == [("elif", "pull it, quarter close stuff", "next week")]
