"""Hebrew, Vietnamese and Indonesian threads: each read with its own cue table (a decision, a task asked by name and
accepted, a promise with its due date, a question left open and one answered, a thread put off), and Hebrew
(right-to-left, with or without vowel points), Arabic harakat and Vietnamese tone marks kept whole by tokenization."""

from __future__ import annotations

import unicodedata

from skills.summarize.detect import content_words, word_count
from skills.summarize.language import thread_language
from tests.summary_threads import read


def test_hebrew_vietnamese_and_indonesian_threads_are_detected():
    assert thread_language(["אני אשלח את הצעת המחיר ללקוח מחר, תעדכנו אם חסר משהו."]) == "he"
    assert thread_language(["Em sẽ gửi báo giá cho khách hàng vào ngày mai, thiếu gì mọi người báo em nhé."]) == "vi"
    assert thread_language(["Saya akan kirim penawaran ke pelanggan besok, kabari kalau ada yang kurang ya."]) == "id"


def test_hebrew_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    summary = read(("נועה", "גרסה 4.1 מוכנה בסטייג'ינג וכל הבדיקות עברו."),
                   ("דני", "משחררים ביום רביעי או מחכים לשבוע הבא?"),
                   ("מיכל", "רביעי מתאים, הלקוחות כבר יודעים."),
                   ("נועה", "החלטנו: משחררים את 4.1 ביום רביעי."),
                   ("נועה", "דני, תוכל לכתוב את הערות השחרור עד יום שלישי?"), ("דני", "בטח, אני על זה."),
                   ("מיכל", "אני אשלח מייל ללקוחות מחר בבוקר."),
                   ("יוסי", "צריך לעדכן את התמיכה מראש?"))
    assert [d.text for d in summary.decisions] == ["משחררים את 4.1 ביום רביעי"]
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("דני", "לכתוב את הערות השחרור", "עד יום שלישי", "2026-11-17"),
        ("מיכל", "אשלח מייל ללקוחות", "מחר בבוקר", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["יוסי: צריך לעדכן את התמיכה מראש?"]


def test_hebrew_question_answered_or_open_and_a_thread_put_off():
    assert not read(("דני", "איפה נמצא ה-runbook של ה-rollback?"), ("מיכל", "בוויקי, תחת Infra."), ("דני", "תודה!")).open_questions
    summary = read(("דני", "צריך אישור משפטי לחוזה החדש?"), ("מיכל", "שאלה טובה, אין לי מושג."), ("דני", "אוקיי."))
    assert [q.text for q in summary.open_questions] == ["דני: צריך אישור משפטי לחוזה החדש?"]
    summary = read(("נועה", "עוברים ל-GitHub Actions או נשארים עם Jenkins?"), ("דני", "אני מציע GitHub Actions, פחות תחזוקה."),
                   ("יוסי", "העלות לא ברורה, אני רוצה לראות הצעת מחיר קודם."),
                   ("נועה", "בסדר, נחכה למספרים מהכספים לפני שנחליט."))
    assert not summary.decisions and not summary.action_items
    assert summary.tldr.startswith("No decision yet on “עוברים ל-GitHub Actions או נשארים עם Jenkins”: waiting for מספרים מהכספים.")


def test_vietnamese_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    summary = read(("Lan", "Bản 4.1 đã sẵn sàng trên staging, test hồi quy đều pass."),
                   ("Minh", "Mình release thứ Tư hay đợi tuần sau?"),
                   ("Hà", "Thứ Tư ok, khách hàng đã được thông báo rồi."),
                   ("Lan", "Chốt: release bản 4.1 vào thứ Tư."),
                   ("Lan", "Minh ơi, em viết release notes trước thứ Ba được không?"), ("Minh", "Dạ, em nhận ạ."),
                   ("Hà", "Em sẽ gửi email cho khách hàng vào sáng mai."),
                   ("Tuấn", "Có cần báo trước cho team support không?"))
    assert [d.text for d in summary.decisions] == ["Release bản 4.1 vào thứ Tư"]
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Minh", "viết release notes", "thứ Ba", "2026-11-17"), ("Hà", "gửi email cho khách hàng", "sáng mai", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["Tuấn: Có cần báo trước cho team support không?"]


def test_vietnamese_question_answered_or_open_and_a_thread_put_off():
    assert not read(("Minh", "Runbook rollback nằm ở đâu vậy?"), ("Hà", "Trên wiki, mục Infra."), ("Minh", "Cảm ơn!")).open_questions
    summary = read(("Minh", "Hợp đồng mới có cần pháp lý duyệt không?"), ("Hà", "Câu hỏi hay, em không biết."), ("Minh", "Ok."))
    assert [q.text for q in summary.open_questions] == ["Minh: Hợp đồng mới có cần pháp lý duyệt không?"]
    summary = read(("Lan", "Mình chuyển sang GitHub Actions hay giữ Jenkins?"), ("Minh", "Em đề xuất GitHub Actions, đỡ bảo trì hơn."),
                   ("Tuấn", "Chi phí chưa rõ, anh muốn xem báo giá trước."),
                   ("Lan", "Ok, mình chờ số liệu từ phòng tài chính rồi quyết sau."))
    assert not summary.decisions and not summary.action_items
    assert summary.tldr.startswith("No decision yet on “Mình chuyển sang GitHub Actions hay giữ Jenkins”: "
                                   "waiting for số liệu từ phòng tài chính.")


def test_indonesian_thread_decision_tasks_with_owners_and_dates_and_an_open_question():
    summary = read(("Sari", "Versi 4.1 sudah siap di staging dan semua tes regresi lolos."),
                   ("Budi", "Kita rilis hari Rabu atau tunggu minggu depan?"),
                   ("Dewi", "Rabu oke, pelanggan sudah diinfokan."),
                   ("Sari", "Keputusan: versi 4.1 rilis hari Rabu."),
                   ("Sari", "Budi, bisa tolong tulis release notes sebelum Selasa?"), ("Budi", "Siap, saya kerjakan."),
                   ("Dewi", "Saya akan kirim email ke pelanggan besok pagi."),
                   ("Andi", "Perlu kasih tahu tim support dulu?"))
    assert [d.text for d in summary.decisions] == ["Versi 4.1 rilis hari Rabu"]
    assert [(a.owner, a.text, a.due, str(a.due_date)) for a in summary.action_items] == [
        ("Budi", "tulis release notes", "Selasa", "2026-11-17"), ("Dewi", "kirim email ke pelanggan", "besok pagi", "2026-11-17")]
    assert [q.text for q in summary.open_questions] == ["Andi: Perlu kasih tahu tim support dulu?"]


def test_indonesian_question_answered_or_open_and_a_thread_put_off():
    assert not read(("Budi", "Runbook rollback ada di mana?"), ("Dewi", "Di wiki, bagian Infra."), ("Budi", "Makasih!")).open_questions
    summary = read(("Budi", "Kontrak baru perlu persetujuan legal?"), ("Dewi", "Pertanyaan bagus, saya tidak tahu."), ("Budi", "Oke."))
    assert [q.text for q in summary.open_questions] == ["Budi: Kontrak baru perlu persetujuan legal?"]
    summary = read(("Sari", "Kita pindah ke GitHub Actions atau tetap di Jenkins?"), ("Budi", "Saya usul GitHub Actions, perawatannya lebih ringan."),
                   ("Andi", "Biayanya belum jelas, saya mau lihat penawaran dulu."),
                   ("Sari", "Oke, kita tunggu angka dari tim finance sebelum memutuskan."))
    assert not summary.decisions and not summary.action_items
    assert summary.tldr.startswith("No decision yet on “Kita pindah ke GitHub Actions atau tetap di Jenkins”: waiting for angka dari tim finance.")


def test_right_to_left_text_and_combining_marks_survive_tokenization():
    pointed = "שָׁלוֹם"  # Hebrew with vowel points (combining marks)
    assert pointed in content_words(f"{pointed} לכולם, הגרסה מוכנה")
    assert "الإصدارَ" in content_words("سننشر الإصدارَ يوم الخميس")  # Arabic with a haraka
    decomposed = unicodedata.normalize("NFD", "Chốt phương án")
    assert unicodedata.normalize("NFD", "phương") in content_words(decomposed) and word_count(decomposed) == 3
    # a name written with vowel points is one name, and the task asked of it is theirs
    summary = read(("נועה", "הלקוח מדווח על שגיאות בהתחברות מאתמול."), ("נועה", "דָּנִי, תוכל לבדוק את הלוגים עד מחר?"),
                   ("דָּנִי", "בטח."))
    assert [(a.owner, a.text) for a in summary.action_items] == [("דָּנִי", "לבדוק את הלוגים")]


def test_a_summing_up_that_leaves_the_decision_to_someone_else_decides_nothing():
    lines = {"id": (("Rina", "Mulai Februari, tim engineering wajib WFO 3 hari atau cukup 2 hari?"), ("Agus", "Saya pilih 2 hari."),
                    ("Tono", "2 hari juga, dengan jadwal per squad."),
                    ("Rina", "Oke, saya rangkum: mayoritas pilih 2 hari. Tapi keputusan akhir tetap dari manajemen.")),
             "vi": (("Lan", "Từ tháng Hai, team engineering lên văn phòng 3 ngày hay 2 ngày?"), ("Minh", "Em chọn 2 ngày."),
                    ("Hà", "2 ngày, chia lịch theo squad."),
                    ("Lan", "Ok, tóm tắt: đa số chọn 2 ngày. Nhưng quyết định cuối cùng vẫn thuộc về ban giám đốc.")),
             "he": (("נועה", "מפברואר, הצוות מגיע למשרד 3 ימים או 2?"), ("דני", "אני בעד 2 ימים."), ("יוסי", "גם אני, עם לוח זמנים לפי צוות."),
                    ("נועה", "אוקיי, לסיכום: הרוב בעד 2 ימים. אבל ההחלטה הסופית אצל ההנהלה."))}
    for lang, thread in lines.items():
        assert thread_language([text for _, text in thread]) == lang
        assert not read(*thread).decisions, lang
