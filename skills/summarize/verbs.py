"""A speaker's own verb turned into the infinitive a task list is written in: "Je préviens le client" →
"prévenir le client", "La mando yo" → "mandar", "Ich aktualisiere sie" → "sie aktualisieren".

Lemmas come from `simplemma` (offline dictionaries for German, French, Spanish, Portuguese, Italian, Dutch, Polish,
Russian, Ukrainian, Swedish and Turkish, shipped in
the wheel, loaded per language on first use). The dictionaries read some first-person forms as nouns
("mando", "passo", "réserve", "schick"); for those the regular infinitive is tried and kept only when
the dictionary knows it. Whether a clause's first word is a verb at all is decided the same way, so the
detectors can accept "Publico la oferta …" without a list of verbs.
"""

from __future__ import annotations

import re
from functools import lru_cache

_INFINITIVE_END = {
    "de": re.compile(r"(?:en|ern|eln)$"), "fr": re.compile(r"(?:er|ir|re|oir)$"),
    "es": re.compile(r"(?:ar|er|ir|ír)$"), "pt": re.compile(r"(?:ar|er|ir|or|ôr)$"),
    "it": re.compile(r"(?:are|ere|ire|rre)$"), "nl": re.compile(r"n$"),
    "pl": re.compile(r"(?:ć|c)$"), "ru": re.compile(r"(?:ть|ти|чь|ться|тись)$"), "uk": re.compile(r"(?:ти|тися|тись|ть)$"), "sv": re.compile(r"[aåeö]$"),
}
_UNACCENT = str.maketrans("íú", "iu")
_NONE = re.compile(r"(?!)")
_ENCLITIC = re.compile(r"^(\w{3,}?)-?(?:me|te|le|lo|la|nos|les|los|las|se)$")  # an imperative with its pronoun
_UNSTRESS = str.maketrans("áéíóú", "aeiou")
_SUBJECT = frozenset("yo eu ich je moi io я jag".split())  # "mando yo" → "mandar"
_GERMAN_PARTICLES = frozenset("mal eben kurz schnell noch".split())  # before the verb, they say how, not what
_FRENCH_WHOM = frozenset(("lui", "leur"))  # before the verb: "je leur demande" → "leur demander"
# Articles, pronouns and prepositions the dictionaries also list as verb forms ("die" → "dien").
_NEVER_VERBS = frozenset("""der die das den dem des ein eine einen einem einer sie es er wir ihr mir mich dir dich uns euch sich mit für auf im am an bis von zu
bei beim vom nach aus vor über unter ohne um durch gegen seit ab was wer wie wo wann warum dass
zum zur und oder nicht le la les un une des du de et ou en au aux lo los las el al y o a os as um uma do da dos das no na
em com por para que se il gli di del della per con
het een dit deze die dat naar voor met op aan bij uit om over van tot ook nog wel even maar of
na do w we z ze i to ten ta te się nie już jak
на до в во с со и а о это тот та те не уже как по за
у з із та й і це ця ці вже як
och att en ett den det de som på av med till för från om är""".split())
# German and Dutch separable prefixes left at the end of the clause: "trage das ein" → "das eintragen",
# "zet het klaar" → "het klaarzetten".
_SEPARABLE = {"de": frozenset("ab an auf aus bei ein fest her hin los mit nach vor weg zu zurück zusammen raus rein rüber "
                             "um durch hoch runter weiter vorbei dran rum herum heraus herein hinein hinaus rauf frei bereit fort".split()),
              "nl": frozenset("aan af bij door in mee na om op over terug toe uit vast voor weg klaar samen".split())}
# Where a German or Dutch clause ends.
_CLAUSE_END = frozenset("und oder aber sobald wenn falls damit weil dass sodass bevor nachdem ob en of maar zodra als zodat omdat dat".split())
_VERB_LAST = ("de", "nl")  # the infinitive closes the clause


def _regular(word: str, lang: str, addressed: bool = False) -> tuple[str, ...]:
    if lang in ("es", "pt") and word.endswith("o"):
        stem = word[:-1].translate(_UNACCENT)
        return stem + "ar", stem + "er", stem + "ir"
    if lang == "it" and (word.endswith("o") or addressed and word[-1:] in ("a", "i")):  # "chiamo", "tu blocchi", "manda"
        stem = word[:-2] if word.endswith(("chi", "ghi")) else word[:-1]  # "blocchi" → "bloccare"
        return stem + "are", stem + "ere", stem + "ire"
    if addressed and lang in ("es", "pt"):  # "mandas", "revisa", "manda": said to someone
        for ending, infinitives in (("as", ("ar",)), ("es", ("er", "ir")), ("a", ("ar",)), ("e", ("er", "ir"))):
            if word.endswith(ending):
                return tuple(word[:-len(ending)] + i for i in infinitives)
        return ()
    if lang == "fr" and addressed and word.endswith("es"):
        return (word[:-1] + "r",)  # "tu relances" → "relancer"
    if lang == "fr" and word.endswith("e"):
        return (word + "r",)
    if lang in _VERB_LAST:
        return (word + "n",) if word.endswith("e") else (word + "en",)
    return ()


def _swedish_infinitive(low: str) -> str | None:
    """"skriver" → "skriva", "kör" → "köra", "tittar" → "titta": the dictionary's lemma, unless it reads the
    present as an agent noun ("tittar" → "tittare"); then the regular infinitive of an -ar verb."""
    import simplemma

    lemma = simplemma.lemmatize(low, lang="sv")
    if lemma != low and re.search(r"[aåeö]$", lemma) and not lemma.endswith("are") and low.endswith("r"):
        return lemma
    if low.endswith("ar") and len(low) > 3:
        return low[:-1]
    return None


# Forms the lemmatizer reads as another word ("mets": a dish, not "mettre")
_IRREGULAR = {"fr": {"mets": "mettre", "met": "mettre", "remets": "remettre", "prends": "prendre", "reprends": "reprendre",
                     "sors": "sortir", "pars": "partir", "rejoins": "rejoindre"}}


_VOSEO = {"á": "ar", "é": "er", "í": "ir"}


@lru_cache(maxsize=8192)
def infinitive(word: str, lang: str, addressed: bool = False) -> str | None:
    """The infinitive of a conjugated verb ("préviens" → "prévenir"), or None when `word` is not a conjugated
    verb in `lang` (a noun, an adverb, an infinitive already, or a language without a dictionary).
    `addressed`: the verb is said to someone ("tu envoies", "¿me mandas …?", "Ana, manda …")."""
    ending = _INFINITIVE_END.get(lang)
    low = word.lower()
    if ending is None or not low.isalpha() or low in _NEVER_VERBS:
        return None
    import simplemma  # loaded only for a non-English task

    if lang == "sv":
        return _swedish_infinitive(low)
    if (known := _IRREGULAR.get(lang, {}).get(low)) is not None:
        return known
    lemma = simplemma.lemmatize(low, lang=lang)
    if lemma != low and ending.search(lemma):
        return lemma
    if lang == "es" and addressed and low[-1:] in _VOSEO and simplemma.is_known(voseo := low[:-1] + _VOSEO[low[-1]], lang=lang):
        return voseo  # the voseo imperative: "reprogramá", "hacé", "decí"
    found = next((c for c in _regular(low, lang, addressed) if c != low and simplemma.is_known(c, lang=lang)), None)
    if found is None and addressed and lang in ("es", "pt") and (clitic := _ENCLITIC.match(low)):
        return infinitive(clitic.group(1).translate(_UNSTRESS), lang, addressed)  # "mándame" → "manda" → "mandar"
    return found


# Hindi: the first-person future ("कर दूँगी", "बनाऊँगा") or "can" ("बना सकते") at a clause's end becomes the
# infinitive a task list uses ("करना", "बनाना"): the stem with -ना, the helper verb dropped.
_HI_FUTURE_END = re.compile(r"(?:ूँगा|ूँगी|ूंगा|ूंगी|ऊँगा|ऊँगी|ऊंगा|ऊंगी)$")
_HI_HELPERS = frozenset("दूँगा दूँगी दूंगा दूंगी लूँगा लूँगी लूंगा लूंगी सकते सकती सकता लेता लेती देता देती".split())


def _hindi_task(what: str) -> str:
    words = [w for w in what.split() if w != "मैं"]
    if len(words) > 2 and words[-1] in ("हूँ", "हूं"):  # "पूछ लेता हूँ" → "पूछना"
        words.pop()
    if len(words) > 1 and words[-1] in _HI_HELPERS:
        words.pop()
        words[-1] += "ना"
    elif words and _HI_FUTURE_END.search(words[-1]) and len(_HI_FUTURE_END.sub("", words[-1])) > 1:
        words[-1] = _HI_FUTURE_END.sub("", words[-1]) + "ना"
    return " ".join(words)


_NL_PREPOSITIONS = frozenset("bij met naar voor in aan op via van tot na per".split())


def _dutch_particle(clause: list[str]) -> int | None:
    """Where a Dutch separable particle stands before a prepositional phrase ("zeg 'm op bij TransIP"): a particle
    followed by a preposition, not by an article (then it is a preposition itself: "zet de resultaten op de wiki")."""
    for i in range(len(clause) - 2, -1, -1):
        if clause[i].lower() in _SEPARABLE["nl"] and clause[i + 1].lower() in _NL_PREPOSITIONS:
            return i
    return None


# Turkish: the verb closes the clause and carries the person; the task takes the infinitive in -mak/-mek
# ("mailleri yarın atıyorum" → "mailleri yarın atmak", "kontrol edebilir misin" → "kontrol etmek"). The stem is
# what is left once a first-person (or "can you") ending goes, checked against simplemma's Turkish dictionary.
_TR_ENDINGS = re.compile(
    r"(?:[ıiuü]?yor(?:um|uz)?|y?[ae]c[ae][ğk](?:ım|im|ız|iz)|y?[ae]bilir(?:im|iz)?|y?[ae]y[ıi]m|y?[ae]l[ıi]m|[aeıiuü]?r(?:[ıiuü]m|[ıiuü]z)?|m[ae]m)$")
_TR_SOFTENED = str.maketrans("dğ", "tk")  # "ed-iyorum" is "et-mek", "gid-eceğim" is "git-mek"


def _turkish_infinitive(word: str) -> str | None:
    import simplemma

    low = word.lower()
    for m in sorted(_TR_ENDINGS.finditer(low), key=lambda m: m.start()):  # the longest ending first
        stem = low[:m.start()]
        for cand in (stem, stem[:-1] + stem[-1:].translate(_TR_SOFTENED), stem + "a", stem + "e"):
            vowels = [c for c in cand if c in "aeıioöuü"]
            if len(cand) < 2 or not vowels:
                continue
            inf = cand + ("mak" if vowels[-1] in "aıou" else "mek")
            if simplemma.is_known(inf, lang="tr"):
                return inf
    return None


def _turkish_task(what: str) -> str:
    words = what.split()
    if words and words[0].lower() in ("ben", "bende") and len(words) > 1:  # "Ben de raporu yazacağım" → "raporu yazmak"
        words = words[2:] if words[1].lower() in ("de", "da") and len(words) > 2 else words[1:]
    words = [w for w in words if w.lower() != "ben"]  # "Müşteriyi ben arıyorum"
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in ("misin", "mısın", "musun", "müsün", "misiniz", "mısınız", "lütfen"):
            continue
        if (inf := _turkish_infinitive(words[i])) is not None:
            return " ".join([*words[:i], inf])
        break
    return what


# Korean: a promise or a request ends in a verb ("물어볼게요", "처리하겠습니다", "연락 가능", "검토 부탁"); the task
# names it with -기 ("물어보기", "처리하기", "연락하기"), the way a Korean to-do list does.
_KO_SUBJECTS = frozenset("제가 저는 전 저도 내가 나는 나도".split())
_KO_HELPERS = re.compile(r"\s*(?:가능|부탁)$")
_KO_NOUN_END = re.compile(r"(?:작성|검토|확인|공유|정리|준비|연락|전달|수정|배포|업데이트|예약|요청|처리|안내)$")  # "X 할 수 있나요": the noun of a 하다 verb


def _korean_task(what: str) -> str:
    what = " ".join(w for w in what.split() if w not in _KO_SUBJECTS)  # "고객사에는 제가 연락할게요" → "고객사에는 연락하기"
    if _KO_HELPERS.search(what):
        return _KO_HELPERS.sub("", what) + "하기"
    for ending in ("겠습니다", "겠어요", "게요", "께요", "게", "께"):
        if what.endswith(ending):
            stem = what[:-len(ending)]
            if ending.startswith("겠"):
                return stem + "기"
            last = stem[-1:]
            if last and 0xAC00 <= ord(last) <= 0xD7A3 and (ord(last) - 0xAC00) % 28 == 8 and last not in "들열알풀걸팔살":
                return stem[:-1] + chr(ord(last) - 8) + "기"  # 볼게요 → 보기, 할게요 → 하기
            return stem + "기"
    if what.endswith("해"):
        return what[:-1] + "하기"  # "작성해 주세요" → "작성하기"
    return what + "하기" if _KO_NOUN_END.search(what) else what


def as_task(what: str, lang: str, addressed: bool = False) -> str:
    """A first-person task in the infinitive: the leading verb becomes its infinitive (at the end in German,
    with its separable prefix, and in Hindi); a subject pronoun left over ("mando yo") goes. Unchanged when no verb leads."""
    if lang == "hi":
        return _hindi_task(what)
    if lang == "tr":
        return _turkish_task(what)
    if lang == "ko":
        return _korean_task(what)
    words = what.split()
    if len(words) > 1 and words[0].lower() in ("de", "d'", "du") and _INFINITIVE_END.get(lang, _NONE).search(words[1].lower()):
        words = words[1:]  # "me encargo de preparar …" → "preparar …"
    if lang == "de":
        if len(words) > 2 and words[-2].lower() == "zu":
            words = words[:-2] + words[-1:]  # "hast du Zeit, das Doc zu aktualisieren?": "das Doc aktualisieren"
        while len(words) > 1 and words[0].lower() in _GERMAN_PARTICLES:
            words = words[1:]  # "mal messen": the particle is no verb ("malen")
    what = " ".join(words)
    if not words or lang == "de" and not words[0].islower():
        return what  # a German verb is never capitalised mid-sentence; "Montag bis Mittwoch machen" has none first
    if lang == "fr" and len(words) > 1 and words[0].lower() in _FRENCH_WHOM:
        if len(words) == 2:  # "je leur demande (demain)": whom it asks is all the task names besides its verb
            verb = infinitive(words[1], lang, addressed)
            return what if verb is None else f"{words[0].lower()} {verb}"
        words = words[1:]  # "je leur renvoie l'invit" → "renvoyer l'invit", as a task list reads
    verb = infinitive(words[0].rstrip(",;:"), lang, addressed)  # "miro, lo tengo …": "mirar, lo tengo …"
    if verb is None:
        return what
    rest = [w for w in words[1:] if w.lower().rstrip(",;") not in _SUBJECT and w.lower() != "stattdessen"]  # what, not why
    if lang == "sv":
        rest = ["sig" if w == "mig" else w for w in rest]  # "hör av mig" → "höra av sig"
    if lang in _VERB_LAST:
        # the verb closes its own clause: "bereite den Vertrag vor und schick ihn raus" → "den Vertrag vorbereiten und …"
        # ("Donnerstag und Freitag nehmen" keeps the verb last when no particle closes the first clause)
        end = next((i + w.endswith(",") for i, w in enumerate(rest) if w.lower() in _CLAUSE_END or w.endswith(",")), len(rest))
        clause, tail = rest[:end], rest[end:]
        if lang == "nl" and (cut := _dutch_particle(clause)) is not None:
            clause, tail = clause[:cut + 1], clause[cut + 1:] + tail  # "zeg 'm op bij TransIP" → "'m opzeggen bij TransIP"
        if not (clause and (clause[-1].rstrip(",").lower() in _SEPARABLE[lang] or clause[-1].endswith(","))):
            clause, tail = rest, []  # "sag der buchhaltung, sie sollen …": the verb closes the clause before the comma
        comma = "," if tail and clause[-1].endswith(",") else ""
        clause = [*clause[:-1], clause[-1].rstrip(",")] if comma else clause
        if clause and clause[-1].rstrip(",").lower() in _SEPARABLE[lang]:
            verb = clause.pop().rstrip(",").lower() + verb
        return " ".join([*clause, verb + comma, *tail])
    return " ".join([verb + "," * words[0].endswith(","), *rest])


_DOUBLED = re.compile(r"([bcdgkmnprt])\1$")  # "cutt", "plann", "runn": the consonant doubled before "-ing"


@lru_cache(maxsize=1024)
def ing_base(word: str) -> str:
    """The base form of an English "-ing" verb: "doing" → "do", "writing" → "write", "planning" → "plan",
    "reviewing" → "review" (the lemmatizer's English word list decides whether an "e" was dropped)."""
    low = word.lower()
    if not low.endswith("ing") or len(low) < 5:
        return word
    stem = low[:-3]
    if _DOUBLED.search(stem):
        return stem[:-1]
    import simplemma  # loaded only for a "who's doing …?"

    return stem + "e" if len(stem) > 2 and simplemma.is_known(stem + "e", lang="en") else stem
