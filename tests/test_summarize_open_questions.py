"""Issue 12, open questions on threads nobody tuned on: a short follow-up ("and 3?") stands for the question it asks
again; a reply that hands the question on or puts it off leaves it open, whatever it seems to decide; a bare
"yes" answers the latest question, not an earlier one another question took over from."""

from __future__ import annotations

from skills.summarize.extractive import summarize
from tests.summary_threads import thread


def open_texts(*lines: tuple[str, str]) -> list[str]:
    return [q.text for q in summarize(thread(*lines)).open_questions]


def test_a_follow_up_stands_for_the_question_it_asks_again():
    numbered = open_texts(
        ("Daniela", "got a talk accepted! q's: 1) does the company cover travel? 2) do i book through navan? "
                    "3) can i extend the trip by 2 vacation days if i pay the extra nights?"),
        ("Joseph", "congrats! 1) yes, from the conference budget. 2) navan always"),
        ("Daniela", "great thanks. and 3?"),
        ("Joseph", "good question, let me confirm with finance"))
    assert numbered == ["Daniela: 3) can i extend the trip by 2 vacation days if i pay the extra nights?"]
    # without a number: the question the replies in between did not take up
    unnumbered = open_texts(
        ("Nils", "Gilt ein Flag für staging auch für die Preview-Umgebungen? Und wie lange dauert's, bis die App das mitkriegt?"),
        ("Sabine", "Preview-Umgebungen hängen an staging dran, ja"),
        ("Nils", "ok danke! und die Latenz?"),
        ("Sabine", "Da bin ich ehrlich gesagt überfragt, Tobias weiß das"))
    assert unnumbered == ["Nils: Und wie lange dauert's, bis die App das mitkriegt?"]


def test_a_follow_up_answered_later_in_the_question_s_words_is_not_open():
    assert open_texts(
        ("Kofi", "two questions: 1) how fresh is the orders table? 2) is customer_email in there hashed or plain?"),
        ("Ana", "1) hourly sync, at most an hour behind"),
        ("Kofi", "thanks! and 2)?"),
        ("Ana", "not sure tbh"),
        ("Ben", "catching up: customer_email is hashed since March, the plain column was dropped")) == []


def test_replies_that_put_the_question_off_leave_it_open():
    for reply in ("hm. not sure budget-wise, let me think",
                  "probably, but let's figure that out once the estimate is in",
                  "next retro, it's already on the board"):
        assert open_texts(("Oskar", "team offsite is booked for April"),
                          ("Oskar", "side q: can partners join for the dinner?"),
                          ("Mia", reply)) == ["Oskar: side q: can partners join for the dinner?"], reply
    assert open_texts(("Birgit", "Ein Ex-Nutzer will nach Art. 15 DSGVO alle Logdateien mit seiner IP."),
                      ("Paul", "Müssen wir wirklich die Rohlogs rausgeben?"),
                      ("Yasemin", "Da gehen die Meinungen auseinander. Ich würd gern unseren externen DSB fragen, "
                                  "bevor wir uns festlegen")) == ["Paul: Müssen wir wirklich die Rohlogs rausgeben?"]


def test_a_bare_yes_answers_the_question_that_took_over():
    assert open_texts(
        ("Rocío", "Una duda: ¿la retro también se mueve o la hacemos el viernes igual?"),
        ("Irene", "Eso lo vemos más adelante, no corre prisa"),
        ("Javi", "Otra cosa, ¿subimos el timeout del cliente a 60s? La AEAT tarda mucho a veces"),
        ("Sergio", "Yo lo subiría, con 30 nos saltan timeouts"),
        ("Irene", "Dale, 60s. Sergio, lo cambias tú con lo del cliente, ¿no?"),
        ("Sergio", "sí")) == ["Rocío: Una duda: ¿la retro también se mueve o la hacemos el viernes igual?"]


def test_taken_back_taken_on_or_answered_no_is_not_open():
    assert open_texts(("Mel", "token revoked, nothing was published"),
                      ("Mel", "wait, do forks keep the logs? if someone forked in those 40 min… no, logs aren't forked. ignore me"),
                      ("Ivy", "thanks both")) == []
    assert open_texts(("Giulia", "ok, venerdì alle 9 allora. Rollout graduale: 10% il primo giorno, 100% lunedì"),
                      ("Giulia", "@Marco prepari tu le note di rilascio? In italiano e inglese"),
                      ("Marco", "quelle in italiano le faccio io, per l'inglese chiedo a Sarah del marketing")) == []
    assert open_texts(("Gabriel", "50% off list, annual only, verified through TechSoup"),
                      ("Aylin", "want a landing page for it?"),
                      ("Gabriel", "not yet. let's see demand for a quarter first")) == []


def test_a_proposal_debated_and_never_settled_stays_open():
    debated = (
        ("Gabriel", "Customers keep hitting the monthly cap on the Growth plan. Proposal: drop the cap and bill "
                    "usage above it."),
        ("Hiroshi", "love it in principle, but metered billing is two sprints of work for us"),
        ("Elena", "and surprise bills are the top complaint about our competitor"),
        ("Gabriel", "we could limit the extra charges to twice the plan price"),
        ("Mark", "what's the revenue effect if accounts stay on Growth instead of upgrading?"),
        ("Gabriel", "I'll pull the numbers for that"))
    summary = summarize(thread(*debated))
    assert summary.no_decision and not summary.decisions
    assert [q.text for q in summary.open_questions][:1] == ["Gabriel: Proposal: drop the cap and bill usage above it."]
    # the same proposal agreed to is no open question
    agreed = summarize(thread(*debated[:2], ("Elena", "agreed, let's do it"), ("Gabriel", "great, deciding then: "
                                                                                           "we drop the cap")))
    assert not any("Proposal" in q.text for q in agreed.open_questions)


def test_a_later_yes_to_something_else_does_not_answer_a_question_put_off():
    # the lead parks it; a "yes please!" to an offer of help that follows answers the offer, not the question
    assert open_texts(
        ("Zoe", "offsite kickoff: budget is 45k for 38 people, sometime in May"),
        ("Mateus", "quick q: are partners invited for the last dinner?"),
        ("Zoe", "haven't thought about that, probably budget-dependent. let's park it until we have venue quotes"),
        ("Fiona", "I can help with venue research if needed"),
        ("Zoe", "yes please! I'll ping you Monday")) == ["Mateus: quick q: are partners invited for the last dinner?"]
    assert open_texts(
        ("Léa", "Le nom de la newsletter se choisit cette semaine"),
        ("Karim", "on vise qui en fait, les admins ou tous les utilisateurs ?"),
        ("Léa", "bonne question, c'est pas encore tranché avec le produit"),
        ("Juliette", "je laisse le sondage ouvert jusqu'à lundi"),
        ("Léa", "oui, on regarde lundi")) == ["Karim: on vise qui en fait, les admins ou tous les utilisateurs ?"]


def test_a_proposal_welcomed_in_principle_but_not_taken_stays_open():
    for proposal, reply in (("could we split into 12h shifts across EU and US?", "interesting, would need Lauren's team to agree though"),
                            ("do we want a team budget alarm too?", "would be nice but tagging is a big project"),
                            ("on peut faire +12% pour les nouveaux clients et +6% pour les existants ?",
                             "possible, mais la finance veut voir l'impact sur l'ARR avant"),
                            ("¿hacemos la demo el jueves por la tarde?", "estaría bien, pero Marta no puede ese día")):
        assert open_texts(("Brandon", "holiday planning for the team is still open"),
                          ("Mia", proposal), ("Brandon", reply)) == [f"Mia: {proposal}"], reply
    # taken or refused is answered
    for reply in ("yes, let's do that", "no, the EU team is too small", "keep them but 15 min max"):
        assert open_texts(("Brandon", "holiday planning for the team is still open"),
                          ("Mia", "could we split into 12h shifts across EU and US?"), ("Brandon", reply)) == [], reply


def test_the_options_an_undecided_thread_opened_with_stay_open():
    variants = summarize(thread(
        ("Elif", "Design review for the onboarding checklist. Two variants: checklist in a sidebar vs. a modal on first "
                 "login. Feedback pls"),
        ("Marcus", "sidebar feels less intrusive"),
        ("Jo", "the sidebar eats space on small laptops"),
        ("Nadia", "I don't think we can choose without testing with users"),
        ("Elif", "research is booked until end of month. let's revisit after")))
    assert variants.no_decision
    assert [q.text for q in variants.open_questions][:1] == [
        "Elif: Two variants: checklist in a sidebar vs. a modal on first login."]
    # a bare call for votes names no subject: the message's first sentence does
    poll = open_texts(("Léa", "Sondage pour le nom de la nouvelle newsletter produit\n1 « Le Changelog »\n"
                              "2 « Sous le capot »\nVotez en réaction !"),
                      ("Hugo", "« Sous le capot » c'est mignon mais très technique"),
                      ("Manon", "justement c'est le ton qu'on veut"),
                      ("Léa", "je laisse le sondage ouvert jusqu'à lundi, on regarde lundi"))
    assert poll[:1] == ["Léa: Sondage pour le nom de la nouvelle newsletter produit — Votez en réaction !"]


def test_doubt_said_as_a_statement_is_open_until_someone_answers_it():
    # "let's ask the research team" hands it on: both questions wait for that answer
    assert open_texts(
        ("Lena", "New checkout screens are up in Figma, feedback welcome."),
        ("Omar", "Nice. Should the coupon field be collapsed by default?"),
        ("Lena", "Went back and forth on that. Also not sure if we need the gift option at all."),
        ("Omar", "Let's ask the research team what they saw in the interviews.")) == [
        "Omar: Should the coupon field be collapsed by default?",
        "Lena: Also not sure if we need the gift option at all."]
    # answered: no longer open
    assert open_texts(
        ("Lena", "New checkout screens are up in Figma."),
        ("Lena", "Not sure if we need the gift option at all."),
        ("Omar", "We do, 8 % of December orders used it.")) == []


def test_setting_out_to_find_who_does_not_answer_a_who_question():
    asked = ("Oskar", "vem kör releasen på tisdag? jag är ledig då")
    assert open_texts(("Erik", "Release 3.2 flyttas till tisdag, kodfrys fredag."), ("Maja", "Låter klokt."), asked,
                      ("Erik", "bra fråga, jag kollar vem som har jour")) == ["Oskar: vem kör releasen på tisdag?"]
    # someone taking it on answers it
    assert open_texts(("Erik", "Release 3.2 flyttas till tisdag, kodfrys fredag."), ("Maja", "Låter klokt."), asked,
                      ("Erik", "jag kör den")) == []


def test_a_choice_the_thread_opened_with_stays_open_when_it_ends_undecided():
    opened = ("Kevin", 'naming time for the container above projects: "Spaces" or "Workspaces"?')
    undecided = open_texts(opened, ("Ana", "Spaces is shorter"), ("Raj", "Workspaces is what Notion users know"),
                           ("Kevin", "let's decide at design crit on the 9th with the test results"))
    assert undecided == ['Kevin: naming time for the container above projects: "Spaces" or "Workspaces"?']
    # the same parking in Japanese and Hindi: "decide after seeing the survey", "decide after the budget comes"
    assert open_texts(("佐藤", "定例会議を火曜にするか木曜にするか、どうしましょう？"), ("田中", "火曜は外出が多いです。"),
                      ("鈴木", "木曜はリリース日なので避けたいです。"), ("佐藤", "全員の予定を確認してから決めましょう。")) == [
        "佐藤: 定例会議を火曜にするか木曜にするか、どうしましょう？"]
    assert open_texts(("पूजा", "नई ऑफिस मीटिंग के लिए मंगलवार या गुरुवार? राय दो।"), ("विकास", "मंगलवार"), ("सीमा", "गुरुवार"),
                      ("पूजा", "ठीक है, मैनेजर से बात करने के बाद तय करेंगे।")) == ["पूजा: नई ऑफिस मीटिंग के लिए मंगलवार या गुरुवार?"]
    decided = open_texts(opened, ("Ana", "Spaces is shorter"), ("Raj", "+1 Spaces"), ("Kevin", "Spaces it is."))
    assert decided == []


def test_a_late_reply_that_opens_with_the_askers_name_answers_them():
    lines = [("Ralf", "Wo liegen eigentlich die anonymisierten Testdaten für die Lasttests?"), ("Tim", "hmm, gute Frage"),
             ("Oksana", "übrigens, ist der Staging-Cluster heute wieder langsam oder liegt das an mir?"),
             ("Tim", "liegt nicht an dir, da läuft ein Reindex. sollte gegen 15 Uhr durch sein"), ("Oksana", "ah ok danke")]
    answered = ("Sabine Keller", "@Ralf sorry, war im Meeting. Die neuen Dumps liegen in `s3://perf-testdata-2025/anon/`, "
                                 "wöchentlich per Cronjob aktualisiert.")
    assert open_texts(*lines, answered, ("Ralf", "perfekt, hab Zugriff, danke!")) == []
    # without that reply it stays open; a reply to the asker that does not know leaves it open too
    assert [q for q in open_texts(*lines) if "Testdaten" in q]
    unknown = ("Sabine Keller", "@Ralf keine Ahnung, frag mal im Platform-Channel")
    assert [q for q in open_texts(*lines, unknown) if "Testdaten" in q]


def test_a_who_question_is_taken_by_a_promise_about_it_not_by_one_about_something_else():
    """ "Who would own the Airflow cluster?" — "probably data-platform, but they haven't agreed yet" — "I'll write up
    the job list": nobody took it. "I'll raise it with data-platform" or a short "I can do it" would have."""
    lines = [("Tess", "I think we should move the nightly ETL from cron to Airflow."), ("Ugo", "ok, how many jobs?"),
             ("Tess", "37 of them."), ("Ugo", "That's a big migration. Who would own the Airflow cluster?"),
             ("Tess", "Good question, probably data-platform, but they haven't agreed yet.")]
    who = "Ugo: Who would own the Airflow cluster?"
    assert who in open_texts(*lines, ("Vik", "I'll write up the list of jobs by Friday."))
    assert who not in open_texts(*lines, ("Vik", "I'll raise it with them at Thursday's sync."))
    assert who not in open_texts(*lines, ("Vik", "I can take it."))


def test_good_q_then_yes_answers_the_question():
    """ "good q, yes — anything under 100% needs a PM ok" answers; "good q, let me check" would not."""
    assert summarize(thread(("Mark", "do flags under 100% need a PM sign-off before cleanup?"),
                            ("Eric", "good q, yes — anything under 100% needs a PM ok"), ("Mark", "thanks"))).open_questions == ()
    assert len(summarize(thread(("Mark", "do flags under 100% need a PM sign-off before cleanup?"),
                                ("Eric", "good q, let me check with product"), ("Mark", "thanks"))).open_questions) == 1
