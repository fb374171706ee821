"""Action items and open questions in Japanese, Chinese, Hindi and Arabic, task lists that give several people
their part in one message, requests turned down and taken by someone else, and questions answered without
words (a reaction, a link, handing the task to someone)."""

from __future__ import annotations

from skills.summarize.detect import content_words, word_count
from skills.summarize.extractive import summarize
from skills.summarize.language import thread_language
from tests.summary_threads import read, thread


def items(*lines: tuple) -> list[tuple[str | None, str, str | None]]:
    return [(a.owner, a.text, a.due) for a in summarize(thread(*lines)).action_items]


def questions(*lines: tuple) -> list[str]:
    return [q.text for q in summarize(thread(*lines)).open_questions]


def test_threads_in_other_scripts_are_read_in_their_language():
    assert thread_language(["订单服务从十点开始超时，有人在看吗？"]) == "zh"
    assert thread_language(["私がステージング環境での最終テストを担当します。"]) == "ja"
    assert thread_language(["سأقوم بتصميم الإعلانات قبل يوم الخميس."]) == "ar"
    # Hindi work chat full of English terms is still Hindi
    assert thread_language(["सीमा: API docs; विकास: login bug; नेहा: release notes.", "मैं client से बात कर लूँगा।"]) == "hi"
    assert thread_language(["Γεια σας, θα το κάνω αύριο."]) == "und"  # no cue table: read with English cues only
    assert thread_language(["Привет, я сделаю это завтра."]) == "ru"
    assert thread_language(["Je vais imprimer les flyers demain."]) == "fr"


def test_words_keep_their_script_and_cjk_text_is_compared_by_character_pairs():
    assert content_words("事故报告") == {"事故", "故报", "报告"}
    assert "क्या" in content_words("क्या हम कल रिलीज़ करें?")
    assert word_count("ロールバック手順のドキュメントはどこにありますか？") >= 3  # a question, not chit-chat
    assert word_count("क्या तुम") == 2


def test_japanese_requests_promises_and_due_dates():
    found = items(("佐藤", "来週のリリースに向けて、タスクを整理しましょう。"),
                  ("佐藤", "鈴木さん、リリースノートを金曜日までに書いてもらえますか？"), ("鈴木", "はい、やります。"),
                  ("高橋", "私がステージング環境での最終テストを担当します。水曜日までに終わらせます。"),
                  ("田中", "では火曜日にします。"))
    assert found == [("鈴木", "リリースノートを書い", "金曜日までに"), ("高橋", "ステージング環境での最終テストを担当", "水曜日までに")]


def test_chinese_task_list_and_a_verb_that_answers_a_need():
    found = items(("张伟", "新版官网下周三上线，我们分一下工作。"), ("张伟", "刘洋：首页文案；陈静：产品截图；我来联系CDN供应商。"),
                  ("刘洋", "好的。"), ("陈静", "没问题。"))
    assert [(owner, text) for owner, text, _ in found] == [("刘洋", "首页文案"), ("陈静", "产品截图"), ("张伟", "联系CDN供应商")]
    report = items(("王芳", "已经回滚了，谢谢！需要写事故报告吗？"), ("周杰", "要的，我来写，明天下班前发出来。"), ("王芳", "好。"))
    assert report == [("周杰", "写 (re: “需要写事故报告吗？”)", "明天下班前")]


def test_hindi_future_promises_become_the_infinitive_and_a_refusal_is_none():
    found = items(("राहुल", "इस sprint के काम बाँट लेते हैं।"), ("राहुल", "मैं client से बात कर लूँगा।"),
                  ("सीमा", "ठीक है, मैं docs गुरुवार तक पूरे कर दूँगी।"), ("विकास", "माफ़ करना, इस हफ्ते मैं on-call हूँ, नहीं कर पाऊँगा।"))
    assert found == [("राहुल", "client से बात करना", None), ("सीमा", "docs पूरे करना", "गुरुवार तक")]


def test_a_name_written_in_the_threads_script_is_the_participants_display_name():
    hindi = items(("Rahul", "कल क्लाइंट डेमो है।"), ("Amit", "लगभग तैयार है।"),
                  ("Rahul", "अमित, क्या तुम आज शाम तक charts ठीक कर सकते हो?"), ("Amit", "हाँ, मैं कर दूँगा।"))
    assert hindi == [("Amit", "charts ठीक करना", "आज शाम तक")]
    arabic = items(("Ahmed", "حملة التسويق القادمة: لنوزع المهام."), ("Sara", "سأقوم بتصميم الإعلانات قبل يوم الخميس."),
                   ("Ahmed", "خالد، هل يمكنك كتابة النصوص للمنشورات؟"), ("Khalid", "نعم."))
    assert arabic == [("Sara", "تصميم الإعلانات", "يوم الخميس"), ("Khalid", "كتابة النصوص للمنشورات", None)]


def test_a_task_list_in_one_message_gives_each_owner_their_part():
    semicolons = items(("Maya", "Quarterly review prep: Ana: slides; Ben: budget; I'll book the room."),
                       ("Ana", "on it"), ("Ben", "ok"))
    assert [(o, t) for o, t, _ in semicolons] == [("Ana", "slides (re: “Quarterly review prep”)"),
                                                  ("Ben", "budget (re: “Quarterly review prep”)"), ("Maya", "book the room")]
    elided = items(("Rosa", "For the 4.2 release: Alex will write the migration script, Adele the release notes, "
                            "and Jin handles the changelog email."), ("Alex", "ack"), ("Adele", "Monday then."), ("Jin", "ok"))
    assert [(o, t) for o, t, _ in elided] == [("Alex", "write the migration script"), ("Adele", "write the release notes"),
                                              ("Jin", "the changelog email")]
    portuguese = items(("Mariana", "Divisão para o evento de quinta: Pedro cuida do coffee break, Lucas da inscrição e eu vou "
                                   "fazer o roteiro."), ("Pedro", "Beleza."), ("Lucas", "Ok."))
    assert [(o, t) for o, t, _ in portuguese] == [("Pedro", "coffee break"), ("Lucas", "inscrição (re: “Divisão para o evento de quinta”)"),
                                                  ("Mariana", "fazer o roteiro")]
    spanish = items(("Lucía", "Para la demo del jueves: Diego, el entorno; Marta, los datos de prueba; yo preparo la presentación."),
                    ("Diego", "Me encargo, lo tengo listo el miércoles."), ("Marta", "Vale."))
    assert spanish == [("Diego", "el entorno (re: “Para la demo del jueves”)", "miércoles"),
                       ("Marta", "los datos de prueba", None), ("Lucía", "preparar la presentación", None)]
    one_owner = items(("Ana", "Thanks, Ben, the budget looks fine."), ("Ben", "Great."), ("Ana", "Ok."))
    assert one_owner == []  # a name after a comma is no list


def test_nobody_for_a_task_is_an_unassigned_task():
    found = items(("Priya", "Action items:\n- Tom: fix the flaky login test\n- Still nobody for the on-call handbook update"),
                  ("Tom", ":+1:"), ("Lena", "ok"), ("Omar", "ok"))
    assert [(o, t) for o, t, _ in found] == [("Tom", "fix the flaky login test"), (None, "on-call handbook update")]


def test_a_request_turned_down_in_other_words_goes_to_whoever_takes_it():
    spanish = items(("Andrés", "Javier, ¿puedes revisar el informe de costes de AWS antes del viernes?"),
                    ("Javier", "Esta semana imposible, estoy con la migración."), ("Sofía", "Yo me encargo, lo reviso el jueves."))
    assert spanish == [("Sofía", "revisar el informe de costes de AWS", "jueves")]
    english = items(("Karen", "Dev, can you take the customer call with Acme on Thursday?"), ("Dev", "Sorry, I'm out Thursday, can't."),
                    ("Karen", "Sam, could you do it?"), ("Sam", "Yes."))
    assert english == [("Sam", "take the customer call with Acme", "Thursday")]
    japanese = items(("伊藤", "渡辺さん、旅館の予約をお願いできますか？"), ("渡辺", "すみません、来週は出張なので難しいです。"),
                     ("山田", "私が予約します。"))
    assert japanese == [("山田", "旅館の予約", None)]


def test_imperatives_with_their_pronouns_and_a_task_reported_done_in_the_past():
    french = items(("Élodie", "Le client a validé le devis."), ("Élodie", "Thomas, envoie-lui le contrat aujourd'hui, s'il te plaît."),
                   ("Thomas", "D'accord."))
    assert french == [("Thomas", "envoyer le contrat", "aujourd'hui")]
    spanish = items(("Nuria", "Mañana viene el auditor."), ("Nuria", "Iker, eso sí, mándame la lista de accesos revocados."),
                    ("Iker", "Dale."))
    assert spanish == [("Iker", "mandar la lista de accesos revocados", None)]
    done = items(("Gustavo", "Dá pra limpar o cache no CI?"), ("Felipe", "Dá sim, vou limpar o cache agora."),
                 ("Felipe", "Limpei, caiu pra 12 minutos."))
    assert done == []
    portuguese = items(("João", "O certificado SSL do site expira na sexta. Quem renova?"), ("Rafael", "Fico com isso."),
                       ("João", "Valeu."))
    assert portuguese == [("Rafael", "renovar (re: “O certificado SSL do site expira na sexta.”)", None)]


def test_questions_answered_by_a_reaction_a_link_or_by_handing_the_task_on():
    assert questions(("Ivy", "Can I merge the pricing page copy changes now?", 1), ("Ivy", "Merged."),
                     ("Ken", "Who's updating the screenshots in the help center?"),
                     ("Marco", "Ivy, could you do it since you have the new copy?"), ("Ivy", "Sure, by Friday.")) == []
    assert questions(("Ivy", "Can I merge the pricing page copy changes now?"), ("Ivy", "Merged."),
                     ("Ken", "Who's updating the screenshots in the help center?"), ("Marco", "No idea.")) == [
        "Ivy: Can I merge the pricing page copy changes now?", "Ken: Who's updating the screenshots in the help center?"]
    assert questions(("Leo", "where's the runbook for rotating the Kafka certs?"),
                     ("Mia", "https://wiki.example.com/runbooks/kafka-cert-rotation"), ("Leo", "thanks!")) == []


def test_questions_in_other_scripts_are_open_until_answered():
    assert questions(("王芳", "以后发布前能不能加一个连接池的压测？"), ("李强", "这个问题好，我们下次周会讨论吧。"),
                     ("王芳", "好的。")) == ["王芳: 以后发布前能不能加一个连接池的压测？"]
    assert questions(("Omar", "الخادم التجريبي بطيء جدا اليوم، هل يعرف أحد السبب؟"), ("Fatima", "يوجد اختبار ضغط يعمل منذ الصباح."),
                     ("Omar", "شكرا.")) == []
    assert questions(("山田", "明日までに候補を送ります。"), ("伊藤", "了解。"), ("高橋", "予算の上限は一人いくらですか？"),
                     ("高橋", "至急です。")) == ["高橋: 予算の上限は一人いくらですか？"]


def test_an_answered_opening_question_stays_answered_when_a_side_question_is_put_off():
    assert questions(("Gustavo", "Alguém sabe por que o build do Android está demorando 40 minutos?"),
                     ("Felipe", "Acho que é o cache do Gradle."), ("Gustavo", "Dá pra limpar o cache no CI?"),
                     ("Felipe", "Dá sim, vou limpar agora e te aviso.")) == []


def test_task_list_lines_with_arrows_numbers_the_owner_after_or_in_parentheses():
    found = items(("Nora", "Launch checklist:\n1. @Ana → landing page copy\n2. docs update → me\n3. press kit → nobody yet"),
                  ("Ana", "on it"), ("Cleo", "I can take the press kit if someone sends me the logo files."))
    assert [(o, t) for o, t, _ in found] == [("Ana", "landing page copy"), ("Nora", "docs update"), ("Cleo", "press kit")]
    after = items(("Gil", "Retro follow-ups:\n- flaky e2e suite: Dan\n- dependency upgrades: unassigned for now"),
                  ("Dan", "ack"), ("Eve", "ok"))
    assert [(o, t) for o, t, _ in after] == [("Dan", "flaky e2e suite"), (None, "dependency upgrades")]
    spanish = items(("Marta", "Reparto: landing (Irene), emails a clientes (Jorge), soporte en directo (yo)."),
                    ("Jorge", "Ok."), ("Irene", "Vale."))
    assert [o for o, _, _ in spanish] == ["Irene", "Jorge", "Marta"]
    not_a_list = items(("Marta", "Status: resolved."), ("Jorge", "Ok."), ("Irene", "Vale."))
    assert not_a_list == []


def test_chinese_list_with_fuze_and_an_object_put_before_wo_lai():
    found = items(("周婷", "下周的版本分工：李明负责前端，王强负责接口，测试我来。"), ("李明", "收到。"), ("王强", "好的。"))
    assert [o for o, _, _ in found] == ["李明", "王强", "周婷"] and found[2][1].startswith("测试")


def test_colloquial_arabic_offers_and_a_question_not_answered_yet():
    summary = summarize(thread(("Hassan", "ومين راح يحجز القاعة للاجتماع؟"), ("Mona", "أنا أحجزها اليوم."),
                               ("Layla", "هل وافق العميل على السعر الجديد؟"), ("Hassan", "لسه ما رد.")))
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [("Mona", "يحجز القاعة للاجتماع", "اليوم")]
    assert [q.text for q in summary.open_questions] == ["Layla: هل وافق العميل على السعر الجديد؟"]


def test_a_question_answered_after_chatter_or_by_the_asker_is_not_open():
    assert questions(("Ola", "Does the staging DB get reset every night?"), ("Ben", "lunch anyone?"), ("Cal", "pizza in 10"),
                     ("Dee", "It does, at 2am UTC, from the prod snapshot.")) == []
    assert questions(("Ola", "Where do I request access to the prod replica?"), ("Ola", "nvm, found the form in the IT portal"),
                     ("Ben", "cool")) == []
    assert questions(("Ola", "Where do I request access to the prod replica?"), ("Ola", "still looking"),
                     ("Ben", "lunch anyone?")) == ["Ola: Where do I request access to the prod replica?"]


def test_a_list_part_without_its_verb_borrows_the_one_before_it():
    mine = items(("Maya", "I'll take the slides, Ben the budget and Ana the room."), ("Ben", "ok"), ("Ana", "sure"))
    assert [(o, t) for o, t, _ in mine] == [("Maya", "take the slides"), ("Ben", "take the budget"), ("Ana", "take the room")]
    bare_noun = items(("Rosa", "Alex will write the migration script, Adele release notes."), ("Adele", "ok"), ("Alex", "sure"))
    assert [(o, t) for o, t, _ in bare_noun] == [("Alex", "write the migration script"), ("Adele", "write release notes")]


def test_more_ways_to_give_take_or_turn_down_a_task():
    assert items(("Kim", "Who can update the runbook?"), ("Lou", "I'm taking the runbook."), ("Kim", "thanks")) == [
        ("Lou", "the runbook (re: “Who can update the runbook?”)", None)]
    assert items(("Kim", "The runbook is on Lou."), ("Lou", "yep"), ("Max", "ok")) == [("Lou", "the runbook", None)]
    assert items(("Kim", "Lou's on the runbook."), ("Lou", "yep"), ("Max", "ok")) == [("Lou", "the runbook", None)]
    assert items(("Kim", "Lou's on call this week."), ("Lou", "yep"), ("Max", "ok")) == []
    assert items(("Nuria", "Ana, el informe de costes, porfa."), ("Ana", "Vale."), ("Max", "ok")) == [
        ("Ana", "el informe de costes", None)]
    assert items(("Kim", "Lou, can you update the runbook?"), ("Lou", "Swamped this week, sorry."), ("Max", "I can do it.")) == [
        ("Max", "update the runbook", None)]
    assert items(("Kim", "A gente precisa revisar o contrato."), ("Lou", "Eu vejo isso amanhã."), ("Max", "ok")) == [
        ("Lou", "revisar o contrato", "amanhã")]
    assert items(("Kim", "Eu vejo que o contrato mudou."), ("Lou", "Sim."), ("Max", "ok")) == []


def test_a_chinese_request_with_a_verb_alone_and_a_who_question_after_a_clause():
    assert items(("赵敏", "要不要同时发一篇公众号文章？"), ("张伟", "好主意，赵敏你来写吧，周二前发给我审核。"), ("赵敏", "没问题。")) == [
        ("赵敏", "写 (re: “要不要同时发一篇公众号文章？”)", "周二前")]
    assert items(("王强", "接口文档还没更新，谁来更新？"), ("李明", "我顺便更新吧。"), ("王强", "谢谢。")) == [
        ("李明", "更新 (re: “接口文档还没更新”)", None)]


def test_a_question_answered_by_a_code_block_or_after_the_askers_own_follow_ups():
    assert questions(("Ana", "How do I rebuild the search index locally?"), ("Bo", "```make reindex ENV=local```"),
                     ("Ana", "thanks!")) == []
    assert questions(("Ana", "How do I rebuild the search index locally?"), ("Ana", "the wiki page is gone"),
                     ("Ana", "and the old script fails"), ("Bo", "Run the reindex target in the Makefile.")) == []
    assert questions(("Ana", "How do I rebuild the search index locally?"), ("Ana", "anyone?"),
                     ("Bo", "Does anyone know if lunch is at noon?"))[0] == "Ana: How do I rebuild the search index locally?"


def test_one_task_given_to_several_people_is_a_line_for_each_and_a_list_line_can_ask():
    found = items(("Iris", "Ana and Ben will run the customer interviews next week."), ("Ana", "yep"),
                  ("Iris", "@Ben @Caro can you also draft the survey by Friday?"), ("Caro", "sure"), ("Ben", "on it"),
                  ("Iris", "Postmortem doc: Ana?"), ("Ana", "Sure, tomorrow."))
    assert [(o, t) for o, t, _ in found] == [("Ana", "run the customer interviews"), ("Ben", "run the customer interviews"),
                                             ("Ben", "draft the survey"), ("Caro", "draft the survey"),
                                             ("Ana", "postmortem doc")]
    declined = items(("Iris", "Postmortem doc: Ana?"), ("Ana", "Sorry, I'm out tomorrow."), ("Ben", "ok"))
    assert declined == [(None, "postmortem doc", None)]


# ---- Dutch, Polish, Russian, Swedish, Turkish, Korean: each language's cue table (issue 12) ------------------------
# For each language a decided thread (the decision, a task asked of someone by name and accepted, a first-person
# promise with its due date, a question left open) and an undecided one (the summary says no decision was reached).
# Without the language's table these threads are read with English cues only and none of it is found.

def test_dutch_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    lines = (("Anna", "Release 3.4 staat klaar op staging, alle regressietests zijn groen."),
             ("Pieter", "Mooi. Gaan we donderdag of pas volgende week live?"),
             ("Sanne", "Donderdag lijkt me prima, de klanten zijn al ingelicht."),
             ("Anna", "Besloten: release 3.4 gaat donderdag live."),
             ("Anna", "Pieter, kun jij de release notes voor woensdag schrijven?"), ("Pieter", "Doe ik."),
             ("Sanne", "Ik zet de monitoring-dashboards morgen klaar."),
             ("Joost", "Moeten we de supportafdeling ook vooraf inlichten?"))
    assert thread_language([text for _, text in lines]) == "nl"
    summary = read(*lines)
    assert [d.text for d in summary.decisions] == ["Release 3.4 gaat donderdag live"]
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Pieter", "de release notes schrijven", "woensdag", "2026-11-18"),
        ("Sanne", "de monitoring-dashboards klaarzetten", "morgen", "2026-11-17")]  # the separable verb joined again
    assert [q.text for q in summary.open_questions] == ["Joost: Moeten we de supportafdeling ook vooraf inlichten?"]
    assert summary.tldr.startswith("Decided: Release 3.4 gaat donderdag live.")


def test_dutch_thread_put_off_says_no_decision_and_what_it_waits_for():
    summary = read(("Lotte", "Stappen we over naar GitHub Actions of blijven we bij Jenkins?"),
                   ("Ruben", "Ik zou voor GitHub Actions gaan, dat scheelt veel onderhoud."),
                   ("Mark", "De kosten zijn nog onduidelijk, ik wil eerst de offerte zien."),
                   ("Ruben", "Prima, dan komen we er volgende week op terug."),
                   ("Lotte", "Klopt, laten we wachten op de cijfers van finance voordat we beslissen."))
    assert not summary.decisions
    assert summary.tldr.startswith("No decision yet on “Stappen we over naar GitHub Actions of blijven we bij Jenkins”: "
                                   "waiting for de cijfers van finance.")


def test_dutch_inverted_promise_and_a_particle_before_a_preposition():
    assert items(("Bram", "De oude VM mag weg zodra de test geslaagd is."), ("Fleur", "Top, dan zeg ik 'm volgende week op bij TransIP."),
                 ("Bram", "Dank je!")) == [("Fleur", "'m opzeggen bij TransIP", "volgende week")]


def test_polish_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    lines = (("Marta", "Wydanie 2.8 jest gotowe na stagingu, testy regresyjne przeszły."),
             ("Tomek", "Wypuszczamy w czwartek czy czekamy do przyszłego tygodnia?"),
             ("Kasia", "Czwartek mi pasuje, klienci są już uprzedzeni."),
             ("Marta", "Decyzja: wydanie 2.8 idzie w czwartek."),
             ("Marta", "Tomku, możesz przygotować notatki do wydania do środy?"), ("Tomek", "Jasne, zrobię."),
             ("Kasia", "Jutro rano wyślę klientom maila o oknie serwisowym."),
             ("Piotr", "Czy powinniśmy wcześniej uprzedzić dział wsparcia?"))
    assert thread_language([text for _, text in lines]) == "pl"
    summary = read(*lines)
    assert [d.text for d in summary.decisions] == ["Wydanie 2.8 idzie w czwartek"]
    # "Tomku" is Tomek spoken to; the verbs become infinitives (simplemma)
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Tomek", "przygotować notatki do wydania", "do środy", "2026-11-18"),
        ("Kasia", "wysłać klientom maila o oknie serwisowym", "Jutro rano", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["Piotr: Czy powinniśmy wcześniej uprzedzić dział wsparcia?"]
    assert summary.tldr.startswith("Decided: Wydanie 2.8 idzie w czwartek.")


def test_polish_thread_put_off_says_no_decision_and_a_proposal_is_no_promise():
    summary = read(("Ola", "Przechodzimy na GitHub Actions czy zostajemy przy Jenkinsie?"),
                   ("Bartek", "Proponuję GitHub Actions, mniej utrzymania."),
                   ("Michał", "Koszty są jeszcze niejasne, najpierw chcę zobaczyć wycenę."),
                   ("Bartek", "Dobra, wrócimy do tematu w przyszłym tygodniu."),
                   ("Ola", "Zgoda, poczekajmy na liczby od finansów, zanim zdecydujemy."))
    assert not summary.decisions and not summary.action_items
    assert summary.tldr.startswith("No decision yet on “Przechodzimy na GitHub Actions czy zostajemy przy Jenkinsie”: "
                                   "waiting for liczby od finansów.")


def test_polish_request_by_its_verb_and_an_accepted_promise():
    assert items(("Ania", "Klient zgłasza błąd przy logowaniu przez SSO."), ("Kuba", "Aniu, sprawdzisz logi z wczoraj?"),
                 ("Ania", "Jasne."), ("Kuba", "Dzięki! Ja napiszę do klienta.")) == [
        ("Ania", "sprawdzić logi z wczoraj", None), ("Kuba", "napisać do klienta", None)]


def test_russian_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    lines = (("Ольга", "Релиз 5.2 готов на стейджинге, регрессионные тесты зелёные."),
             ("Игорь", "Выкатываем в четверг или ждём следующей недели?"),
             ("Анна", "Четверг подходит, клиентов уже предупредили."),
             ("Ольга", "Решение: релиз 5.2 выкатываем в четверг."),
             ("Ольга", "Игорь, можешь подготовить релиз-ноуты до среды?"), ("Игорь", "Да, сделаю."),
             ("Анна", "Завтра утром отправлю клиентам письмо про окно обслуживания."),
             ("Дмитрий", "Нужно ли заранее предупредить поддержку?"))
    assert thread_language([text for _, text in lines]) == "ru"
    summary = read(*lines)
    assert [d.text for d in summary.decisions] == ["Релиз 5.2 выкатываем в четверг"]
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Игорь", "подготовить релиз-ноуты", "до среды", "2026-11-18"),
        ("Анна", "отправить клиентам письмо про окно обслуживания", "Завтра утром", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["Дмитрий: Нужно ли заранее предупредить поддержку?"]
    assert summary.tldr.startswith("Decided: Релиз 5.2 выкатываем в четверг.")


def test_russian_thread_put_off_says_no_decision_and_what_it_waits_for():
    summary = read(("Ольга", "Переходим на GitHub Actions или остаёмся на Jenkins?"),
                   ("Игорь", "Я бы выбрал GitHub Actions, меньше поддержки."),
                   ("Дмитрий", "Стоимость пока непонятна, сначала хочу увидеть смету."),
                   ("Игорь", "Ок, вернёмся к этому на следующей неделе."),
                   ("Ольга", "Согласна, ждём цифры от финансов, прежде чем решать."))
    assert not summary.decisions
    assert summary.tldr.startswith("No decision yet on “Переходим на GitHub Actions или остаёмся на Jenkins”: "
                                   "waiting for цифры от финансов.")


def test_russian_short_address_form_and_a_cyrillic_name_for_a_latin_display_name():
    assert items(("Саша", "Прод упал после деплоя, 500-ки на оплате."), ("Лена", "Саш, глянешь логи платёжного шлюза?"),
                 ("Саша", "Ок, беру."), ("Лена", "Спасибо!")) == [("Саша", "глянуть логи платёжного шлюза", None)]
    assert items(("Olga", "Кто напишет постмортем?"), ("Dmitry", "Я напишу постмортем до пятницы."),
                 ("Olga", "Дмитрий, спасибо! Дмитрий, можешь ещё обновить runbook?"), ("Dmitry", "Да.")) == [
        ("Dmitry", "написать постмортем", "до пятницы"), ("Dmitry", "обновить runbook", None)]


def test_swedish_turkish_and_korean_threads_are_detected():
    assert thread_language(["Jag skickar offerten till kunden i morgon, hör av er om något saknas."]) == "sv"
    assert thread_language(["Teklifi yarın müşteriye gönderiyorum, eksik bir şey varsa haber verin."]) == "tr"
    assert thread_language(["견적서는 내일 고객사에 보낼게요. 빠진 게 있으면 알려 주세요."]) == "ko"


def test_swedish_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    lines = (("Karin", "Version 4.1 är klar i staging och alla regressionstester är gröna."),
             ("Johan", "Släpper vi på onsdag eller väntar vi till nästa vecka?"),
             ("Sara", "Onsdag passar bra, kunderna är redan informerade."),
             ("Karin", "Beslut: version 4.1 släpps på onsdag."),
             ("Karin", "Johan, kan du skriva releaseanteckningarna till tisdag?"), ("Johan", "Absolut, det fixar jag."),
             ("Sara", "Jag skickar ett mejl till kunderna i morgon förmiddag om servicefönstret."),
             ("Anders", "Ska vi informera supporten i förväg?"))
    summary = read(*lines)
    assert [d.text for d in summary.decisions] == ["Version 4.1 släpps på onsdag"]
    # the verbs become infinitives (simplemma); "det fixar jag" accepts the request and adds no task of its own
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Johan", "skriva releaseanteckningarna", "tisdag", "2026-11-17"),
        ("Sara", "skicka ett mejl till kunderna om servicefönstret", "i morgon förmiddag", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["Anders: Ska vi informera supporten i förväg?"]
    assert summary.tldr.startswith("Decided: Version 4.1 släpps på onsdag.")


def test_swedish_thread_put_off_says_no_decision_and_what_it_waits_for():
    summary = read(("Karin", "Byter vi till GitHub Actions eller stannar vi på Jenkins?"),
                   ("Johan", "Jag föreslår GitHub Actions, mindre underhåll."),
                   ("Anders", "Kostnaden är oklar, jag vill se en offert först."),
                   ("Johan", "Okej, vi tar upp det igen nästa vecka."),
                   ("Karin", "Håller med, vi väntar på siffrorna från ekonomi innan vi bestämmer."))
    assert not summary.decisions and not summary.action_items
    assert summary.tldr.startswith("No decision yet on “Byter vi till GitHub Actions eller stannar vi på Jenkins”: "
                                   "waiting for siffrorna från ekonomi.")


def test_swedish_request_by_its_verb_an_inverted_promise_and_an_unanswered_question():
    assert items(("Elin", "Kunden rapporterar fel vid inloggning via SSO."), ("Oskar", "Elin, tittar du på loggarna från igår?"),
                 ("Elin", "Visst."), ("Oskar", "Tack! Jag hör av mig till kunden.")) == [
        ("Elin", "titta på loggarna från igår", None), ("Oskar", "höra av sig till kunden", None)]
    assert items(("Oskar", "Vem skriver incidentrapporten?"), ("Elin", "I morgon skickar jag ett utkast."),
                 ("Oskar", "Toppen, och jag kan boka mötet med kunden.")) == [
        ("Elin", "skicka ett utkast", "I morgon"), ("Oskar", "boka mötet med kunden", None)]
    assert questions(("Oskar", "Behöver vi juridikens godkännande för det nya avtalet?"), ("Elin", "Bra fråga, ingen aning."),
                     ("Oskar", "Okej.")) == ["Oskar: Behöver vi juridikens godkännande för det nya avtalet?"]


def test_turkish_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    lines = (("Ayşe", "4.1 sürümü staging ortamında hazır, regresyon testleri geçti."),
             ("Mehmet", "Çarşamba mı çıkalım yoksa gelecek haftayı mı bekleyelim?"),
             ("Selin", "Çarşamba bana uyar, müşterilere zaten haber verdik."),
             ("Ayşe", "Karar: 4.1 sürümü çarşamba yayına alınıyor."),
             ("Ayşe", "Mehmet, sürüm notlarını salıya kadar hazırlayabilir misin?"), ("Mehmet", "Tamam, hallederim."),
             ("Selin", "Müşterilere bakım penceresiyle ilgili e-postayı yarın sabah gönderiyorum."),
             ("Can", "Destek ekibine önceden haber vermeli miyiz?"))
    assert thread_language([text for _, text in lines]) == "tr"
    summary = read(*lines)
    assert [d.text for d in summary.decisions] == ["4.1 sürümü çarşamba yayına alınıyor"]
    # the verb closes a Turkish clause: it becomes the infinitive in -mak/-mek ("gönderiyorum" → "göndermek")
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Mehmet", "sürüm notlarını hazırlamak", "salıya kadar", "2026-11-17"),
        ("Selin", "Müşterilere bakım penceresiyle ilgili e-postayı göndermek", "yarın sabah", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["Can: Destek ekibine önceden haber vermeli miyiz?"]


def test_turkish_thread_put_off_says_no_decision_and_what_it_waits_for():
    summary = read(("Ayşe", "GitHub Actions'a mı geçelim yoksa Jenkins'te mi kalalım?"),
                   ("Mehmet", "Bence GitHub Actions, bakımı daha az."),
                   ("Can", "Maliyet belli değil, önce teklifi görmek istiyorum."),
                   ("Mehmet", "Tamam, haftaya tekrar konuşalım."),
                   ("Ayşe", "Katılıyorum, karar vermeden önce finansın rakamlarını bekleyelim."))
    assert not summary.decisions and not summary.action_items
    assert summary.tldr.startswith("No decision yet on “GitHub Actions'a mı geçelim yoksa Jenkins'te mi kalalım”: "
                                   "waiting for finansın rakamlarını.")


def test_turkish_request_with_its_verb_promises_with_ben_and_an_unanswered_question():
    assert items(("Deniz", "Müşteri SSO ile girişte hata alıyor."), ("Kerem", "Deniz, dünkü logları kontrol eder misin?"),
                 ("Deniz", "Tamam."), ("Kerem", "Teşekkürler! Müşteriyi ben arıyorum.")) == [
        ("Deniz", "dünkü logları kontrol etmek", None), ("Kerem", "Müşteriyi aramak", None)]
    assert items(("Deniz", "Deploy sonrası ödeme sayfası 500 veriyor."), ("Kerem", "Rollback yapalım mı?"),
                 ("Deniz", "Evet, hemen geri alıyorum."), ("Kerem", "Ben de olay raporunu cumaya kadar yazacağım.")) == [
        ("Deniz", "hemen geri almak", None), ("Kerem", "olay raporunu yazmak", "cumaya kadar")]
    assert questions(("Kerem", "Yeni sözleşme için hukukun onayı gerekiyor mu?"), ("Deniz", "Bilmiyorum, iyi soru."),
                     ("Kerem", "Tamam.")) == ["Kerem: Yeni sözleşme için hukukun onayı gerekiyor mu?"]


def test_korean_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    lines = (("민지", "4.1 버전 스테이징 배포 완료했고 회귀 테스트 모두 통과했습니다."),
             ("준호", "수요일에 출시할까요, 아니면 다음 주까지 기다릴까요?"),
             ("수진", "수요일 좋아요. 고객사에는 이미 안내했어요."),
             ("민지", "결정: 4.1 버전은 수요일에 출시합니다."),
             ("민지", "준호 님, 릴리스 노트 화요일까지 작성해 주실 수 있나요?"), ("준호", "네, 제가 할게요."),
             ("수진", "고객사에 점검 시간 안내 메일은 내일 오전에 보낼게요."),
             ("현우", "고객지원팀에도 미리 알려야 할까요?"))
    assert thread_language([text for _, text in lines]) == "ko"
    summary = read(*lines)
    assert [d.text for d in summary.decisions] == ["4.1 버전은 수요일에 출시합니다"]
    # a promise ("보낼게요") or a request ("작성해 주실 수 있나요") becomes a to-do in -기; the date keeps its particle
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("준호", "릴리스 노트 작성하기", "화요일까지", "2026-11-17"),
        ("수진", "고객사에 점검 시간 안내 메일은 보내기", "내일 오전에", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["현우: 고객지원팀에도 미리 알려야 할까요?"]


def test_korean_thread_put_off_says_no_decision_and_what_it_waits_for():
    summary = read(("민지", "GitHub Actions로 옮길까요, 아니면 Jenkins를 계속 쓸까요?"),
                   ("준호", "저는 GitHub Actions가 관리하기 편해서 좋아요."),
                   ("현우", "비용이 아직 불확실해서 견적을 먼저 보고 싶어요."),
                   ("준호", "그럼 다음 주에 다시 논의하죠."),
                   ("민지", "네, 재무팀 숫자를 기다렸다가 결정해요."))
    assert not summary.decisions and not summary.action_items
    assert summary.tldr.startswith("No decision yet on “GitHub Actions로 옮길까요, 아니면 Jenkins를 계속 쓸까요”: "
                                   "waiting for 재무팀 숫자.")


def test_korean_request_by_name_a_promise_after_a_reason_and_an_unanswered_question():
    assert items(("지영", "SSO 로그인 오류가 고객사에서 들어왔어요."), ("민수", "지영 님, 어제 로그 확인 부탁드립니다."),
                 ("지영", "넵."), ("민수", "감사합니다! 고객사에는 제가 연락할게요.")) == [
        ("지영", "어제 로그 확인하기", None), ("민수", "고객사에는 연락하기", None)]
    assert items(("민수", "결제 API 타임아웃이 계속 나요."), ("지영", "원인은 잘 모르겠어서 벤더에 물어볼게요."),
                 ("민수", "감사합니다.")) == [("지영", "벤더에 물어보기", None)]
    assert questions(("민수", "새 계약에 법무팀 승인이 필요한가요?"), ("지영", "저도 잘 모르겠어요."), ("민수", "네.")) == [
        "민수: 새 계약에 법무팀 승인이 필요한가요?"]
    # Hangul words of two syllables carry meaning ("로그", "확인"): a task of them names something
    assert content_words("어제 로그 확인") == {"어제", "로그", "확인"}


def test_japanese_topic_promises_and_chinese_softened_promises():
    # the topic before "私が" is what the speaker takes on; the due date may follow after a comma or be a date with a slash
    checklist = items(("山本", "今後ドメイン変更時はチェックリストに確認を入れることにしましょう"), ("鈴木", "賛成です"),
                      ("伊藤", "チェックリストは私が更新します、今週中に"))
    assert checklist == [("伊藤", "チェックリストを更新", "今週中に")]
    notes = items(("高橋", "リリースは12/17に変更します。"), ("高橋", "準備をお願いします"), ("中村", "リリースノートは私が12/15までに用意します"))
    assert ("中村", "リリースノートを用意", "12/15までに") in notes
    venue = items(("佐藤", "明日のデモの件です。"), ("田中", "会場はどうしますか？"), ("鈴木", "今日は私が予約します。"))
    assert venue and not any(text.startswith("今日を") for _, text, _ in venue)  # a time, not a topic
    # "我查一下" answers the question it follows; "一下" is dropped when an object follows it
    count = items(("王磊", "看板还去掉了内部账号。"), ("王磊", "测试账号有多少？"), ("张伟", "我查一下，明天告诉你"))
    assert count == [("张伟", "查一下 (re: “测试账号有多少？”)", "明天")]
    ask = items(("孙丽", "线上告警已经恢复了。"), ("孙丽", "需要通知受影响的用户吗？"), ("Amy", "我问一下客服主管"))
    assert ask == [("Amy", "问客服主管", None)]
    # an object said first ("回滚我今天弄") is about the sentence that names it, even one opening with "好"
    rollback = items(("刘洋", "大家看要不要推迟？"), ("刘洋", "好，就这样：周三照常提审，推送相关改动先回滚"), ("赵强", "回滚我今天弄"))
    assert rollback == [("赵强", "回滚 (re: “好，就这样：周三照常提审，推送相关改动先回滚”)", "今天")]


def test_a_check_mark_by_what_the_task_names_reports_it_done_in_any_language():
    done = items(("Thomas", "Vorschlag: Maskierung sofort wieder rein."), ("Ulla", "ja"),
                 ("Kemal", "Maskierung mach ich jetzt, ist eine Zeile in der Config"), ("Kemal", "Maskierung ist live ✅"))
    assert done == []
    other = items(("Thomas", "Vorschlag: Maskierung sofort wieder rein."), ("Ulla", "ja"),
                  ("Kemal", "Maskierung mach ich jetzt, ist eine Zeile in der Config"), ("Kemal", "Logs gelöscht ✅"))
    assert [text for _, text, _ in other] == ["Maskierung jetzt machen"]  # the check mark is for something else


def test_a_noun_in_o_reporting_a_figure_is_no_first_person_promise():
    # Spanish and Portuguese read a first word in -o as "I <verb>"; a noun with a gerund, "=" or "is" after it is a report
    assert items(("Sergio", "El disco de la réplica está al 96%."), ("Tomás", "disco bajando: 94%"),
                 ("Andrés", "hice números: playa = 470€. centro = 430€"), ("Rocío", "yo seguro que no quiero perdérmelo"),
                 ("Jaime", "Acabo de sacar los datos: el 71% es móvil")) == []
    assert items(("Rafael", "Checkout com Pix falhando, taxa de erro 38%"), ("Bruna", "erro caindo... 12%"),
                 ("Larissa", "eu mandaria, o custo é bem menor que perder o cliente")) == []
    # the verb itself still reads as a promise: test_a_speakers_own_verb_becomes_the_infinitive_of_a_task_list_in_each_language


def test_german_pronouns_and_prepositions_are_never_read_as_the_verb():
    # "schau ich mir gleich an" said "anmiren", "ich kann bei der Boulderbar anfragen" said "der Boulderbar anfragen beien"
    assert items(("Tobi", "payment-service v2.14.0 wirft 502er"), ("Sandra", "schau ich mir gleich an"), ("Tobi", "danke")) == []
    assert items(("Theresa", "Mehrheit ist fürs Bouldern, dann machen wir das."),
                 ("Benedikt", "ich kann bei der Boulderbar anfragen, ich kenn den Trainer dort"),
                 ("Theresa", "super")) == [("Benedikt", "bei der Boulderbar anfragen", None)]


def test_japanese_thanks_and_passive_statements_are_no_promises():
    # "助かります" (that helps) and "リセットされます" (it is reset) end in -ます like a promise
    assert items(("田中", "ステージングのDBに接続できません。"), ("佐藤", "鍵は #infra-help で申請すればその日のうちに発行されます。"),
                 ("田中", "ありがとうございます！"), ("鈴木", "助かります。")) == []
    assert items(("高橋", "ステージングのDBは毎朝6時にリセットされます。"), ("木村", "了解です")) == []


def test_a_french_promise_complete_in_itself_takes_the_advice_not_the_clause_after_it():
    found = items(("Julien", "Stripe retente pendant 3 jours. mieux vaut les rejouer à la main depuis le dashboard"),
                  ("Nadia B.", "je m'en occupe, j'ai la liste des event ids"), ("Sophie", "top"))
    assert found == [("Nadia B.", "les rejouer à la main depuis le dashboard", None)]
    # a clause that says what the promise is for is its task
    kept = items(("Bernd", "Die neuen Enterprise-Preise gelten ab März."), ("Sven", "Gut."),
                 ("Lara", "Ich kümmere mich drum, dass das Sales-Team die neuen Preise kennt."))
    assert [owner for owner, _, _ in kept] == ["Lara"] and "Sales-Team" in kept[0][1]


def test_a_french_offer_ends_before_its_condition_and_the_remark_after_it():
    found = items(("Claire", "Bon, d'accord, on part sur Annecy les 12-13 mars. Je regarde les hôtels."),
                  ("Élodie", "Je peux gérer les billets de train si tu veux, j'ai l'habitude avec le portail SNCF pro"),
                  ("Claire", "Top, merci Élodie"))
    assert ("Élodie", "gérer les billets de train", None) in found


DEBRIEF = [("Philipp", "Debrief Lea Hoffmann (Senior Backend), bitte bis 12 Uhr euer Feedback hier rein"),
           ("Moritz", "Ich war skeptischer. Bei der Frage nach dem Incident kam wenig Konkretes"),
           ("Katrin", "Hm, wie meinst du wenig Konkretes? Red Flag oder eher nervös?"),
           ("Moritz", "eher nervös würd ich sagen. Kein Blocker für mich"),
           ("Deniz", "Kotlin → Python ist in 2 Monaten erledigt, da mach ich mir null Sorgen"),
           ("Katrin", "Moritz, magst du die Referenzgespräche machen? Du hattest ja die Bedenken"),
           ("Moritz", "Diese Woche krieg ich das echt nicht hin, bin bis Freitag im Kundenprojekt. Sorry"),
           ("Olga", "Ich kann das machen. Philipp, schickst du mir die Kontakte?"), ("Philipp", "klar")]


def test_german_opinions_are_no_tasks_and_a_request_with_magst_or_mir_reads_as_a_task():
    found = items(*DEBRIEF)
    owners = {owner for owner, _, _ in found}
    assert "Moritz" not in owners and "Deniz" not in owners  # "würd ich sagen", "mach ich mir null Sorgen"
    assert ("Olga", "die Referenzgespräche machen", None) in found  # not "… machen mögen"
    assert ("Philipp", "Olga die Kontakte schicken", None) in found  # not "mir die Kontakte schicken"


def test_german_advice_with_wuerd_ich_is_taken_by_mach_ich():
    found = items(("Jana", "Variante B für den Empty State, Screens im Figma"), ("Tom", "B gefällt mir"),
                  ("Pia", "passt für mich. nur das Wording vom Untertitel würd ich noch mit Content abstimmen"),
                  ("Mareike", "mach ich, danke euch!"))
    assert found == [("Mareike", "das Wording vom Untertitel mit Content abstimmen", None)]


def test_two_parts_of_one_task_are_joined_with_the_threads_own_and():
    from skills.summarize.detect import Found, _joined
    first, then = Found("das Angebot schicken", "1", 0, "Ana"), Found("die Rechnung prüfen", "2", 1, "Ana")
    assert _joined(first, then, "de").text == "das Angebot schicken und die Rechnung prüfen"
    assert _joined(first, then, "fr").text.endswith(" et die Rechnung prüfen")
    assert _joined(first, then, "xx").text == "das Angebot schicken; die Rechnung prüfen"


def test_a_done_word_that_promises_a_date_takes_the_task():
    """ "Hecho, la tengo el jueves" is "deal, I'll have it Thursday": the task is taken, not reported done; a bare
    "Hecho." a moment later still reports it done."""
    asked = [("Lucía", "Diego, ¿puedes preparar la propuesta salarial para el jueves?")]
    rest = [("Ana", "¿Hace falta que lo apruebe finanzas?"), ("Lucía", "No, ya está en presupuesto.")]
    assert items(*asked, ("Diego", "Hecho, la tengo el jueves."), *rest) == \
        [("Diego", "preparar la propuesta salarial", "el jueves")]
    assert items(*asked, ("Diego", "Vale."), ("Diego", "Hecho."), *rest) == []


def test_agreeing_and_then_deciding_the_same_call_is_one_decision():
    """ "De acuerdo, le hacemos oferta" — "Perfecto, decidido: oferta para Pablo": one call, said twice."""
    summary = summarize(thread(("Lucía", "Debrief de la entrevista con Pablo: técnicamente fuerte."),
                               ("Diego", "Para mí es un sí, el ejercicio de sistemas fue el mejor que vimos."),
                               ("Ana", "De acuerdo, le hacemos oferta."),
                               ("Lucía", "Perfecto, decidido: oferta para Pablo."), ("Diego", "👍")))
    assert [d.text for d in summary.decisions] == ["Oferta para Pablo"]


def test_a_spanish_list_part_with_del_keeps_its_article():
    """ "Marta se encarga de las slides, Luis del demo": "del" is "de" + "el", so Luis's task is "el demo"."""
    assert ("Luis", "el demo", "lunes") in items(
        ("Pedro", "Reparto: Marta se encarga de las slides, Luis del demo y yo de la invitación."),
        ("Marta", "Ok, las tengo para el martes."), ("Luis", "El demo lo preparo el lunes."),
        ("Pedro", "¿Alguien sabe si la sala grande está libre?"))


def test_a_task_said_with_its_verb_in_the_present_keeps_the_verb():
    """ "Lucas faz o deploy, Marina revisa o PR e eu atualizo o changelog": "fazer o deploy", not "o deploy", and
    Marina's verb is her own ("revisar o PR", not "fazer revisa o PR"); "Luis prepara el demo": "preparar el demo"."""
    tasks = items(("Fernanda", "Pra sexta: Lucas faz o deploy, Marina revisa o PR e eu atualizo o changelog."),
                  ("Lucas", "Fechado, deploy sexta às 10h."), ("Marina", "Reviso amanhã."))
    assert [(owner, text) for owner, text, _ in tasks] == \
        [("Lucas", "fazer o deploy"), ("Marina", "revisar o PR"), ("Fernanda", "atualizar o changelog")]
    assert ("Luis", "preparar el demo", "el lunes") in items(
        ("Pedro", "Luis prepara el demo para el lunes."), ("Luis", "Ok."), ("Marta", "¿Y las slides?"), ("Pedro", "Las hago yo."))


def test_german_abwarten_says_no_decision_and_what_it_waits_for():
    summary = read(("Jonas", "Sollen wir das Feature-Flag für alle aktivieren?"),
                   ("Petra", "Lieber abwarten, bis die Fehlerrate stabil ist."), ("Jonas", "Ok, dann warten wir ab."))
    assert not summary.decisions and summary.no_decision
    assert summary.tldr.startswith("No decision yet on “Sollen wir das Feature-Flag für alle aktivieren”: "
                                   "waiting until die Fehlerrate stabil ist.")


def test_spanish_hecho_trato_closes_the_question_and_perfecto_firmo_is_a_task():
    summary = read(("Lucía", "¿Cerramos con el proveedor A por 12k?"), ("Marcos", "hecho, trato"),
                   ("Lucía", "perfecto, firmo el contrato mañana"))
    assert [d.text for d in summary.decisions] == ["Cerramos con el proveedor A por 12k"]
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [("Lucía", "firmar el contrato", "mañana")]


def test_portuguese_proposal_agreed_then_closed_by_its_proposer_is_the_decision():
    """ "eu ofereceria 10%" — "concordo, vou propor 10% …" — "fechado": the proposal, agreed and closed, is what
    was decided (not a bare "fechado"), and it leads the TL;DR."""
    summary = read(("Rafael", "pessoal, o cliente pediu desconto de 15% na renovação. topamos?"),
                   ("Bia", "15% é muito, eu ofereceria 10%"),
                   ("Rafael", "concordo, vou propor 10% e ver o que eles dizem"), ("Bia", "fechado"))
    assert [d.line for d in summary.decisions] == [
        "15% é muito, eu ofereceria 10% (re: “pessoal, o cliente pediu desconto de 15% na renovação.”) (Rafael agreed)"]
    assert summary.tldr.startswith("Decided: 15% é muito, eu ofereceria 10%")


def test_spanish_yo_les_aviso_takes_the_task_and_defers_nothing():
    summary = read(("Diego", "la API de pagos devuelve 500 desde las 14:05"),
                   ("Carla", "lo veo, parece el certificado del proveedor"), ("Carla", "renovado, ya responde bien"),
                   ("Diego", "genial. ¿alguien avisa a soporte?"), ("Carla", "yo les aviso"))
    assert not summary.no_decision and summary.open_questions == ()
    assert [a.owner for a in summary.action_items] == ["Carla"]


def test_french_request_taken_with_its_own_words_is_one_task_in_the_reply_s_words():
    """ "Inès, tu t'occupes des goodies ?" — "je commande les goodies la semaine prochaine": one task, as the reply
    puts it (not "des goodies et commander les goodies"), and both owners lead the TL;DR."""
    summary = read(("Élodie", "pour le salon de mars, on a trois choses à caler"),
                   ("Élodie", "Thomas, tu réserves le stand ? Inès, tu t'occupes des goodies ?"),
                   ("Thomas", "ok je réserve d'ici vendredi"),
                   ("Inès", "ça marche, je commande les goodies la semaine prochaine"), ("Élodie", "merci !"))
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [
        ("Thomas", "réserver le stand", "vendredi"), ("Inès", "commander les goodies", "la semaine prochaine")]
    assert "Thomas: réserver le stand (due vendredi); Inès: commander les goodies" in summary.tldr


def test_french_tu_mets_and_portuguese_alguem_abre_are_tasks_taken_in_the_reply():
    assert items(("Sophie", "ok, on teste ça sur le sprint 15. Chloé tu mets à jour le guide de contribution ?"),
                 ("Chloé", "oui, je le fais demain"), ("Yanis", "top")) \
        == [("Chloé", "mettre à jour le guide de contribution", "demain")]
    incident = read(("João", "o deploy das 15h quebrou o login no app"),
                    ("Marta", "tô vendo, parece ser o feature flag novo"), ("Marta", "desliguei a flag, login voltou"),
                    ("João", "valeu! alguém abre o ticket pro time de auth investigar?"), ("Marta", "eu abro"))
    assert [(a.owner, a.text) for a in incident.action_items] == [("Marta", "abrir o ticket pro time de auth investigar")]
    assert "login voltou" in incident.tldr and incident.open_questions == ()


def test_put_off_in_each_language_says_what_it_waits_for():
    """A short reply naming a condition ("faut voir avec la finance", "Depende del precio por volumen") is what the
    deferral after it waits for; "schauen wir uns nach dem Release nochmal an" puts it off; "parking it until budget
    is approved" and "decide after they've talked to them" wait until a clause."""
    german = read(("Jan", "Sollen wir auf Kubernetes 1.30 upgraden?"), ("Mia", "Nicht vor dem Release"),
                  ("Jan", "Okay, schauen wir uns nach dem Release nochmal an"))
    assert not german.decisions and german.waiting_on == "dem Release"
    french = read(("Paul", "On passe à Notion pour la doc ?"), ("Léa", "ça coûte combien ?"), ("Paul", "8€ par utilisateur"),
                  ("Léa", "faut voir avec la finance"), ("Paul", "ok je leur demande et on en reparle lundi"))
    assert french.tldr.startswith("No decision yet on “On passe à Notion pour la doc”: waiting for la finance.")
    spanish = read(("Inés", "¿Cambiamos el proveedor de correo a Postmark?"), ("Raúl", "Depende del precio por volumen"),
                   ("Inés", "Vale, pido presupuesto y lo vemos el lunes"))
    assert spanish.waiting_on == "el precio por volumen"
    assert [(a.owner, a.text, a.due) for a in spanish.action_items] == [("Inés", "pedir presupuesto", "lunes")]
    english = read(("Tom", "do we renew the Figma enterprise plan or downgrade?"),
                   ("Sara", "depends on whether we get budget approval for Q1"), ("Tom", "ok, parking it until budget is approved"))
    assert english.tldr.startswith("No decision yet on “do we renew the Figma enterprise plan or downgrade”: "
                                   "waiting until budget is approved.")
    sunset = read(("Nora", "should we sunset the v1 API in March?"), ("Eli", "some enterprise customers still use it heavily"),
                  ("Nora", "how many?"), ("Eli", "14 accounts, 3 of them big"),
                  ("Nora", "ok, let's get the account list to CS and decide after they've talked to them"))
    assert "waiting until they've talked to them." in sunset.tldr


def test_portuguese_fica_pra_proxima_reuniao_and_spanish_y_decidimos_put_it_off():
    portuguese = read(("Ana", "vamos contratar mais um dev pro time mobile?"), ("Rui", "precisamos ver o orçamento do Q2 antes"),
                      ("Ana", "beleza, fica pra próxima reunião de planejamento"))
    assert not portuguese.decisions and portuguese.waiting_on == "o orçamento do Q2"
    spanish = read(("Sofia", "¿Hacemos el offsite en Lisboa o en Oporto?"), ("Pablo", "Yo prefiero Lisboa"),
                   ("Lucía", "Oporto es más barato"), ("Sofia", "Hago una encuesta y decidimos el viernes"))
    assert not spanish.decisions and [(a.owner, a.text) for a in spanish.action_items] == [("Sofia", "hacer una encuesta")]


def test_french_je_leur_demande_keeps_whom_it_asks():
    """ "Pas encore, je leur demande demain" is a promise to ask them: "leur demander", not a bare "demander"
    that reads as no task at all, and the question it answers says what about."""
    assert items(("Claire", "Le client a validé la maquette ?"), ("Hugo", "Pas encore, je leur demande demain."),
                 ("Claire", "Merci !")) == [("Hugo", "leur demander (re: “Le client a validé la maquette ?”)", "demain")]


def test_spanish_and_portuguese_fresh_threads_tasks_dues_and_waits():
    """Found on threads written fresh: "te encargas del postmortem …?" — "si, me encargo yo" hands the task over
    (an unaccented "si" is yes); "para el miercoles 19" is a due date without its accent; "esperemos la cotizacion y
    lo retomamos" waits for the quote (not for "… y lo retomamos"); "esperar os números" is not "s números";
    "pregunto porque vi … esta mañana" is no task, and "esta mañana" (this morning) no due date."""
    assert items(("Lucia", "listo, rollback hecho, ya responde bien"),
                 ("Lucia", "genial. Sofia te encargas del postmortem para el jueves?"), ("Sofia", "si, me encargo yo")) \
        == [("Sofia", "el postmortem", "el jueves")]
    assert items(("Andres", "ok, vamos con el 21 entonces"), ("Camila", "perfecto"),
                 ("Pablo", "yo armo las release notes para el miercoles 19")) \
        == [("Pablo", "armar las release notes", "el miercoles 19")]
    spanish = read(("Hernan", "deberiamos pasar los logs de ELK a Datadog?"),
                   ("Ana", "Datadog es caro, con nuestro volumen nos mata"),
                   ("Hernan", "bueno, esperemos la cotizacion y lo retomamos"))
    assert spanish.no_decision and spanish.waiting_on == "la cotizacion"
    portuguese = read(("Ricardo", "a gente devia trocar o Jenkins pelo GitHub Actions?"),
                      ("Tatiana", "preciso ver o billing antes de opinar"),
                      ("Ricardo", "ok, vamos esperar os números e decidir na próxima reunião"))
    assert portuguese.no_decision and portuguese.waiting_on == "os números"
    assert items(("Gabriel", "che, el cron de facturacion sigue corriendo a las 3am o lo movieron?"),
                 ("Gabriel", "pregunto porque vi reportes duplicados esta mañana"), ("Gabriel", "alguien?")) == []


def test_english_wait_for_and_revisit_waits_for_the_first_part_only():
    summary = read(("Hernan", "should we move the logs from ELK to Datadog?"), ("Ana", "Datadog is expensive at our volume"),
                   ("Hernan", "ok, let's wait for the quote and revisit"))
    assert summary.no_decision and summary.waiting_on == "the quote"


def test_portuguese_verb_and_sim_accepts_the_request_in_its_words():
    """ "Gustavo, vc consegue revisar o contrato até segunda?" — "consigo sim": the request is the task, with its
    due date (not "conseguir sim")."""
    assert items(("Felipe", "verdade. vamos de Pagar.me então"), ("Carol", "show, eu abro o ticket de integração"),
                 ("Felipe", "Gustavo, vc consegue revisar o contrato até segunda?"), ("Gustavo", "consigo sim")) \
        == [("Carol", "abrir o ticket de integração", None), ("Gustavo", "revisar o contrato", "segunda")]


def test_change_of_plans_replaces_the_decision_it_changes_in_spanish_and_portuguese():
    """ "cambio de planes: seguimos con nativo" by the one who decided "vamos con React Native" replaces it, though
    the two share no word, and "cambio de planes" is no task of hers; Portuguese "muda então: …" revises too."""
    spanish = read(("Marina", "para el onboarding nuevo vamos con React Native"), ("Esteban", "ok, me pongo con el scaffold"),
                   ("Paula", "ojo que el equipo mobile no tiene experiencia en RN, todos son nativos"),
                   ("Marina", "mmm tenes razon. cambio de planes: seguimos con nativo (Swift/Kotlin)"))
    assert [d.line for d in spanish.decisions] == ["Seguimos con nativo (Swift/Kotlin)"]
    assert "Marina" not in [a.owner for a in spanish.action_items]
    portuguese = read(("Beatriz", "vamos migrar o banco no sábado de manhã"), ("Lucas", "ok"),
                      ("Fernanda", "sábado não dá, tem a campanha de black friday rodando"),
                      ("Beatriz", "putz, verdade. muda então: migração fica pro domingo à noite"))
    assert [d.line.lower() for d in portuguese.decisions] == ["migração fica pro domingo à noite"]


def test_german_fresh_threads_object_first_offers_particles_and_opinions():
    """ "CSV-Export kann ich übernehmen" takes the CSV export; "halte ich für overkill" is an opinion, no task;
    "mal messen, wie …" is "messen, wie …" (the particle "mal" is no verb "malen"); "wir müssen uns zwischen A und B entscheiden,
    der Vertrag läuft aus" is the choice the thread is about, not a task."""
    assert items(("Paul", "Sprint-Planung: CSV-Export, Zeitzonen-Bug und SAML"),
                 ("Jana", "CSV-Export kann ich übernehmen, sollte bis Mittwoch fertig sein"), ("Paul", "super, danke")) \
        == [("Jana", "CSV-Export", "Mittwoch")]
    redis = items(("Tim", "Sollen wir Redis als Cache einführen?"), ("Carla", "halte ich für overkill"),
                  ("Tim", "Ich kann bis nächste Woche mal messen, wie langsam die Abfragen wirklich sind"))
    assert redis == [("Tim", "messen, wie langsam die Abfragen wirklich sind", "nächste Woche")]
    assert items(("Lukas", "wir müssen uns zwischen Datadog und Grafana Cloud entscheiden, der Vertrag läuft aus"),
                 ("Oliver", "Grafana ist günstiger"), ("Lukas", "ok, ich hole Angebote ein")) \
        == [("Lukas", "Angebote einholen", None)]


def test_german_ordinals_do_not_end_a_sentence():
    """ "Zugfahrten 1. Klasse", "am 3. Mai", "im 2. Stock": a German ordinal's period is no sentence end."""
    from skills.summarize.extractive import split_sentences
    assert split_sentences("gilt das auch für Zugfahrten 1. Klasse bei über 4 Stunden?") == [
        "gilt das auch für Zugfahrten 1. Klasse bei über 4 Stunden?"]
    assert split_sentences("Release am 3. Mai. Danach Urlaub.") == ["Release am 3. Mai.", "Danach Urlaub."]
    assert split_sentences("Wir sind im 2. Stock. Kommt vorbei.") == ["Wir sind im 2. Stock.", "Kommt vorbei."]
    assert split_sentences("We need 2. Then we ship.") == ["We need 2.", "Then we ship."]


def test_german_rollback_durch_reports_the_promised_rollback_done():
    assert items(("Miriam", "checkout wirft 500er seit dem Deploy"), ("Jonas", "bestätigt, 12% Fehlerrate"),
                 ("Miriam", "ja, ich roll jetzt auf 4.12.3 zurück"),
                 ("Miriam", "Rollback durch, Fehlerrate wieder bei 0,2%"), ("Jonas", "top, danke")) == []


def test_spanish_descarto_gives_up_the_task_and_podes_asks():
    summary = read(("Marina", "para el onboarding nuevo vamos con React Native"), ("Esteban", "ok, me pongo con el scaffold"),
                   ("Paula", "ojo que el equipo mobile no tiene experiencia en RN, todos son nativos"),
                   ("Marina", "mmm tenes razon. cambio de planes: seguimos con nativo (Swift/Kotlin)"),
                   ("Esteban", "entendido, descarto el scaffold de RN"),
                   ("Marina", "Paula, podes actualizar el doc de arquitectura para el viernes?"), ("Paula", "si, lo hago"))
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [
        ("Paula", "actualizar el doc de arquitectura", "el viernes")]


def test_portuguese_request_put_as_a_question_and_taken_with_its_verb_and_sim():
    """ "Fernanda, avisa o time de marketing até amanhã?" — "aviso sim": her task is the request, with its due."""
    assert items(("Beatriz", "migração fica pro domingo à noite"), ("Lucas", "blz, ajusto o cronograma"),
                 ("Beatriz", "Fernanda, avisa o time de marketing até amanhã?"), ("Fernanda", "aviso sim"))[-1:] \
        == [("Fernanda", "avisar o time de marketing", "amanhã")]


def test_french_yes_with_a_condition_still_agrees():
    """ "ça marche, mais il faut que la traduction soit prête avant lundi" agrees with a condition (unlike "agreed but
    clients complained …"): the later "go pour le jeudi 12 alors" is the decision, not "ok pour moi"."""
    summary = read(("Sophie", "pour la release 2.4 de l'app, on vise quelle date ? Apple met parfois 3 jours pour la review"),
                   ("Antoine", "si on soumet lundi on peut viser le jeudi 12"), ("Sophie", "ok pour moi"),
                   ("Léa", "ça marche, mais il faut que la traduction allemande soit prête avant lundi"),
                   ("Antoine", "je relance l'agence de traduction aujourd'hui"),
                   ("Sophie", "go pour le jeudi 12 alors. Léa tu peux préparer les notes de version d'ici vendredi ?"),
                   ("Léa", "oui je m'en occupe"))
    assert [d.line.split(" (")[0] for d in summary.decisions] == ["Go pour le jeudi 12"]


def test_german_offer_to_find_out_keeps_what_without_a_comma():
    assert items(("Jan", "sollen wir von REST auf GraphQL umstellen für die Mobile-API?"), ("Carla", "halte ich für overkill"),
                 ("Stefan", "Ich kann bis nächste Woche mal messen wie viel Zeit die App mit den Requests verbringt")) \
        == [("Stefan", "messen wie viel Zeit die App mit den Requests verbringt", "nächste Woche")]


def test_french_moi_je_peux_takes_what_qui_asked():
    assert items(("Léa", "pour le sprint: la refonte du profil sort"), ("Hugo", "ok"),
                 ("Léa", "et qui relance le design pour les maquettes ?"), ("Hugo", "moi je peux, je vois Inès demain")) \
        == [("Hugo", "relancer le design pour les maquettes", None)]


def test_spanish_sprint_planning_object_first_me_sumo_and_queda_con():
    """ "el bug del csv lo tomo yo, lo tengo para el martes" is "tomar el bug del csv"; "dale, me sumo" takes up
    what was asked (no decision); "el sprint queda con esas dos cosas" is the decision."""
    summary = read(("Carla", "arrancamos planning. prioridades del sprint: migracion a postgres 15 y el bug de exportar csv"),
                   ("Nico", "el bug del csv lo tomo yo, lo tengo para el martes"),
                   ("Carla", "bien. Fede, la migracion la podes liderar vos?"), ("Fede", "si, pero necesito a alguien de infra"),
                   ("Carla", "Juli te puede dar una mano?"),
                   ("Julieta", "dale, me sumo. preparo el ambiente de staging para el lunes"),
                   ("Carla", "buenisimo. entonces el sprint queda con esas dos cosas, lo demas al backlog"))
    assert [d.line for d in summary.decisions] == ["El sprint queda con esas dos cosas, lo demas al backlog"]
    assert [(a.owner, a.text, a.due) for a in summary.action_items] == [
        ("Nico", "tomar el bug del csv", "el martes"), ("Julieta", "preparar el ambiente de staging", "el lunes")]


def test_bulleted_mentions_in_portuguese_and_german_task_lists():
    """ "- @gabi revisar as permissões do bucket até sexta"; "- policy-doku übernehm ich" without its bullet; a task
    reported done ("dns atualizado ✅", "zugriffsrechte sind durch") is gone."""
    assert items(("patrícia", "tarefas da migração:\n- @lucas atualizar o dns até quarta\n"
                              "- @gabi revisar as permissões do bucket até sexta"),
                 ("lucas", "blz"), ("gabi", "ok"), ("lucas", "dns atualizado :white_check_mark:")) \
        == [("gabi", "revisar as permissões do bucket", "sexta")]
    assert items(("michael", "kurze aufgabenverteilung fürs audit:\n- @julia zugriffsrechte prüfen bis 12.06.\n"
                             "- @deniz backup-nachweise sammeln bis ende der woche\n- policy-doku übernehm ich"),
                 ("julia", "passt"), ("deniz", "👍"), ("julia", "zugriffsrechte sind durch, liste liegt im sharepoint")) \
        == [("deniz", "backup-nachweise sammeln", "ende der woche"), ("michael", "policy-doku übernehmen", None)]


def test_a_named_spanish_owner_in_the_third_person_and_a_german_task_taken_instead():
    """ "pablo migra los tickets" gives Pablo "migrar los tickets" (his name, ending like a verb, is no "I");
    "ich leg stattdessen nen neuen space an" replaces Jonas's earlier task, without the "stattdessen"."""
    assert items(("Marta", "plan para la migración del lunes"), ("Marta", "pablo migra los tickets"), ("Pablo", "ok")) \
        == [("Pablo", "migrar los tickets", None)]
    assert items(("Lena", "wer kümmert sich um die doku?"), ("Jonas", "ich leg die doku im alten wiki-space ab"),
                 ("Lena", "danke"), ("Jonas", "hm, der space ist archiviert. ich leg stattdessen nen neuen space an, bis freitag")) \
        == [("Jonas", "nen neuen space anlegen", "freitag")]


def test_asked_for_it_by_a_date_and_asked_to_take_care_of_it_in_spanish_french_and_german():
    """ "¿puedes tenerlo antes del 30?" / "@pedro lo puedes tener antes del 30?" take the open task; "tu peux t'en
    occuper ?" — "oui je regarde ça ce matin" is Hugo's "regarder ça", due this morning; "hast du Kapazität, das
    diese woche zu aktualisieren?" — "ja nehm ich" is Deniz's."""
    for ask in ("pedro, ¿puedes tenerlo antes del 30?", "@pedro lo puedes tener antes del 30?"):
        assert items(("Lucía", "hay que entregar el informe de costos"), ("Lucía", ask), ("Pedro", "sí, antes del 30 lo tienes")) \
            == [("Pedro", "entregar el informe de costos", "antes del 30")]
    french = items(("Claire", "le script de backup plante depuis hier soir"), ("Claire", "@hugo tu peux t'en occuper ?"),
                   ("Hugo", "oui je regarde ça ce matin"))
    assert [(owner, text.split(" (re:")[0], due) for owner, text, due in french] == [("Hugo", "regarder ça", "ce matin")]
    german = items(("Michael", "das onboarding-doc ist veraltet. @Deniz hast du Kapazität, das diese woche zu aktualisieren?"),
                   ("Deniz", "ja nehm ich"), ("Michael", "danke!"))
    assert [(owner, text.split(" (re:")[0], due) for owner, text, due in german] == [("Deniz", "das aktualisieren", "diese woche")]


def test_this_mornings_deploy_is_no_due_date():
    """ "ça ressemble au deploy de ce matin" names the deploy, not when something is due."""
    found = items(("Camille", "l'api renvoie des 500 depuis 10h12"), ("Camille", "je regarde, ça ressemble au deploy de ce matin"),
                  ("Théo", "merci"))
    assert all(due is None and not text.endswith("deploy de") for _, text, due in found)


def test_a_vote_or_a_liking_said_in_the_first_person_is_no_task():
    """ "yo voto grafana", "eu curto o linear": an opinion in the debate, not work someone takes on."""
    spanish = items(("Álvaro", "tenemos q decidir entre datadog y grafana cloud"), ("Lucía", "datadog es mas completo pero nos sale el triple"),
                    ("Marta", "yo voto grafana, el equipo ya lo conoce"),
                    ("Álvaro", "vale, vamos con grafana cloud. Lucía te encargas de pedir presupuesto anual?"),
                    ("Lucía", "si, lo tengo para el viernes"))
    assert [owner for owner, _, _ in spanish] == ["Lucía"]
    portuguese = items(("Eduardo", "vamos trocar o jira pelo linear?"), ("Mariana", "eu curto o linear, bem mais rápido"),
                       ("Felipe", "mas a gente tem integração com o jira no financeiro"),
                       ("Eduardo", "bom ponto. vou perguntar pro Renato do financeiro e volto aqui"))
    assert [owner for owner, _, _ in portuguese] == ["Eduardo"]


def test_a_portuguese_request_by_name_without_a_comma():
    """ "Thiago corrige o crash até sexta?" — "beleza, até sexta": asked by name, the verb in the third person."""
    found = items(("Camila", "tem um crash no android 10"), ("Thiago", "uns 8% da base"),
                  ("Camila", "então no-go, segura pra segunda. Thiago corrige o crash até sexta?"), ("Thiago", "beleza, até sexta"))
    assert found == [("Thiago", "corrigir o crash", "sexta")]
    assert items(("Camila", "o Pedro sabe a senha do cofre?"), ("Thiago", "acho que sim"), ("Camila", "ok")) == []


def test_a_task_turned_down_is_taken_by_whoever_says_so_in_german_and_spanish():
    """ "wer kann das security review … übernehmen? bis mittwoch" — "ich eher nicht" — "ich machs"; "@Sergio puedes
    revisar el PR …?" — "hoy no puedo" — "yo lo miro, lo tengo antes de las 17": the taker's, with the date asked."""
    german = items(("katrin", "wer kann das security review für den neuen login-flow übernehmen? bis mittwoch"),
                   ("jonas", "ich eher nicht, bin diese woche komplett mit dem migrationsprojekt zu 😕"), ("felix", "ich machs"),
                   ("katrin", "danke felix! 🙏"))
    assert german == [("felix", "das security review für den neuen login-flow übernehmen", "mittwoch")]
    spanish = items(("Raúl", "@Sergio puedes revisar el PR de facturación hoy? es el #482"),
                    ("Sergio", "hoy no puedo, estoy con la guardia 😩"), ("Nuria", "yo lo miro, lo tengo antes de las 17"),
                    ("Raúl", "gracias Nuria!"))
    assert spanish == [("Nuria", "revisar el PR de facturación", "hoy")]


def test_more_time_asked_for_and_given_moves_the_due_date_and_decides_nothing():
    """ "jeudi c'est short, je peux avoir jusqu'à lundi ?" — "ok lundi"; "dia 2 fica apertado, posso mandar dia 3?" —
    "pode, dia 3 então": the owner's task is due then; "fechado 👍" to one's own line of the list decides nothing."""
    french = summarize(thread(("karim", "pour la migration vers le nouveau crm, voilà la répartition :\n"
                                        "- @inès export des contacts depuis l'ancien outil d'ici mardi\n- @paul nettoyage des doublons d'ici jeudi"),
                              ("inès", "ok pour moi"), ("paul", "jeudi c'est short, je peux avoir jusqu'à lundi ?"), ("karim", "ok lundi")))
    assert [(a.owner, a.due) for a in french.action_items] == [("inès", "mardi"), ("paul", "lundi")] and not french.decisions
    portuguese = summarize(thread(("Patrícia", "pessoal, pro fechamento do trimestre:\n- @Aline revisa os contratos pendentes até dia 30\n"
                                               "- @João manda o relatório pro board dia 2"),
                                  ("Aline", "fechado 👍"), ("João", "dia 2 fica apertado, posso mandar dia 3?"), ("Patrícia", "pode, dia 3 então")))
    assert [(a.owner, a.due) for a in portuguese.action_items] == [("Aline", "dia 30"), ("João", "dia 3")]
    assert not portuguese.decisions


def test_a_german_no_and_who_else_has_time_then_a_taker_and_a_portuguese_da_pra():
    """ "ne sorry, bin die ganze woche auf der messe" turns the task down; "wer hat noch zeit?" asks who is free (no
    task of its own); "ich kann das übernehmen" takes it. "@pedro dá pra colocar …?" — "claro, faço agora": Pedro's."""
    german = items(("ralf", "@svenja kannst du nächste woche den workshop mit dem neuen kunden moderieren?"),
                   ("svenja", "ne sorry, bin die ganze woche auf der messe in hannover"), ("ralf", "mist. wer hat noch zeit?"),
                   ("dominik", "ich kann das übernehmen, dienstag oder mittwoch ginge"))
    assert [(owner, text) for owner, text, _ in german] == [("dominik", "den workshop mit dem neuen kunden moderieren")]
    portuguese = items(("juliana", "o pix tá falhando no checkout"), ("pedro", "renovei o certificado e reiniciei os pods, voltou"),
                       ("juliana", "@pedro dá pra colocar um lembrete de expiração de certificado no calendário do time?"),
                       ("pedro", "claro, faço agora"))
    assert [(owner, text) for owner, text, _ in portuguese] == [("pedro", "colocar um lembrete de expiração de certificado no calendário do time")]


def test_german_was_after_glaub_ich_is_no_verb_and_a_separable_verb_closes_before_bevor():
    found = items(("jana", "dürfen wir die kundenlogos auf die neue landingpage packen?"),
                  ("felix", "bei den enterprise kunden steht im vertrag glaub ich was von zustimmung"),
                  ("michi", "ich frag mal bei der rechtsabteilung nach bevor wir da was live stellen"))
    assert [(owner, text) for owner, text, _ in found] == [("michi", "mal bei der rechtsabteilung nachfragen bevor wir da was live stellen")]


def test_a_listed_task_turned_down_by_its_owner_goes_to_whoever_takes_it():
    """ "- @tomás demo grabada eod miércoles" — "el miércoles no puedo grabar, estoy de guardia. ¿alguien?" — "grabo yo la
    demo": Rocío's, not Tomás's; "no worries, will do" under one's line keeps it."""
    spanish = items(("fer", "para el cierre de sprint:\n- @nico arreglar el flaky test de pagos para el jueves\n- @tomás demo grabada eod miércoles"),
                    ("nico", "👍"), ("tomás", "el miércoles no puedo grabar, estoy de guardia. ¿alguien?"), ("rocío", "grabo yo la demo"))
    assert [owner for owner, _, _ in spanish] == ["nico", "rocío"]
    english = items(("fer", "sprint wrap-up:\n- @nico fix the flaky payments test by thu\n- @tom record the demo by wed"),
                    ("nico", "on it"), ("tom", "no worries, will do"))
    assert [owner for owner, _, _ in english] == ["nico", "tom"]
    portuguese = items(("gui", "vamos subir o timeout do worker pra 120s"), ("carla", "pera, o problema é a query sem índice"),
                       ("leo", "faz sentido. @carla você cria o índice hoje?"), ("carla", "crio sim, até o fim do dia"))
    assert portuguese == [("carla", "criar o índice", "o fim do dia")]


def test_german_kuemmern_um_and_who_does_what():
    """ "ich kümmer mich um die schlüssel": "sich um die schlüssel kümmern"; "wer macht was für den umzug?" asks who does
    what, and is not the task of whoever answers ("was" is no verb)."""
    found = items(("bea", "wer macht was für den umzug?"), ("kai", "ich mach das netzwerk"),
                  ("bea", "ich kümmer mich um die schlüssel"), ("kai", "ok"))
    assert [(owner, text.split(" (re:")[0]) for owner, text, _ in found] == [("kai", "das netzwerk machen"),
                                                                            ("bea", "sich um die schlüssel kümmern")]


def test_a_spanish_call_for_someone_is_taken_by_a_verb_and_a_comma():
    """ "necesito a alguien que revise el contrato … antes del jueves" — "esta semana imposible" — "yo lo reviso,
    mándamelo": Sofía reviews the contract, due Thursday (one line, not "revisar, mándamelo")."""
    found = items(("carmen", "necesito a alguien que revise el contrato con el proveedor de logística antes del jueves"),
                  ("pablo", "esta semana imposible, tengo las auditorías"), ("carmen", "vale"), ("sofía", "yo lo reviso, mándamelo"))
    assert found == [("sofía", "revisar el contrato con el proveedor de logística", "jueves")]


def test_a_voseo_imperative_asks_by_name():
    """ "sí, @raúl reprogramá todo para esa semana. para el lunes porfa" — "hecho, para el lunes lo tenés"."""
    found = items(("carmen", "el lanzamiento de Brisa se pasa al 15 de octubre"), ("raúl", "ok. entonces muevo la campaña también?"),
                  ("carmen", "sí, @raúl reprogramá todo para esa semana. para el lunes porfa"), ("raúl", "hecho, para el lunes lo tenés"))
    assert found == [("raúl", "reprogramar todo para esa semana", "el lunes")]
