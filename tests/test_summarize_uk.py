"""Ukrainian threads: told from Russian by their letters and read with their own cue table (a decision, a task asked
by name in the vocative and accepted, a promise with its due date, a question left open and one answered, a thread put off)."""

from __future__ import annotations

from skills.summarize.language import thread_language
from tests.summary_threads import read


def test_ukrainian_is_told_from_russian_by_its_letters():
    assert thread_language(["Я надішлю комерційну пропозицію клієнту завтра, напишіть, якщо чогось бракує."]) == "uk"
    assert thread_language(["Я отправлю коммерческое предложение клиенту завтра, напишите, если чего-то не хватает."]) == "ru"


def test_ukrainian_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    summary = read(("Олена", "Версія 4.1 готова на стейджингу, всі регресійні тести зелені."),
                   ("Тарас", "Випускаємо в середу чи чекаємо до наступного тижня?"),
                   ("Ірина", "Середа підходить, клієнтів уже попередили."),
                   ("Олена", "Рішення: випускаємо 4.1 у середу."),
                   ("Олена", "Тарасе, можеш написати release notes до вівторка?"), ("Тарас", "Так, зроблю."),
                   ("Ірина", "Я завтра вранці надішлю лист клієнтам."),
                   ("Андрій", "Чи треба заздалегідь попередити підтримку?"))
    assert [d.text for d in summary.decisions] == ["Випускаємо 4.1 у середу"]
    # the promise's verb becomes the infinitive (simplemma's Ukrainian dictionary)
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Тарас", "написати release notes", "до вівторка", "2026-11-17"),
        ("Ірина", "надіслати лист клієнтам", "завтра вранці", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["Андрій: Чи треба заздалегідь попередити підтримку?"]


def test_ukrainian_question_answered_or_open_and_a_thread_put_off():
    assert not read(("Тарас", "Де лежить runbook для rollback?"), ("Ірина", "У вікі, розділ Infra."), ("Тарас", "Дякую!")).open_questions
    summary = read(("Тарас", "Чи потрібне погодження юристів для нового договору?"), ("Ірина", "Гарне питання, не знаю."), ("Тарас", "Ок."))
    assert [q.text for q in summary.open_questions] == ["Тарас: Чи потрібне погодження юристів для нового договору?"]
    summary = read(("Олена", "Переходимо на GitHub Actions чи залишаємося на Jenkins?"), ("Тарас", "Пропоную GitHub Actions, менше підтримки."),
                   ("Андрій", "Вартість незрозуміла, хочу спершу побачити комерційну пропозицію."),
                   ("Олена", "Добре, почекаємо цифри від фінансів, перш ніж вирішувати."))
    assert not summary.decisions and not summary.action_items
    assert summary.tldr.startswith("No decision yet on “Переходимо на GitHub Actions чи залишаємося на Jenkins”: waiting for цифри від фінансів.")
