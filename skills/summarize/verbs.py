"""A speaker's own verb turned into the infinitive a task list is written in: "Je préviens le client" →
"prévenir le client", "La mando yo" → "mandar", "Ich aktualisiere sie" → "sie aktualisieren".

Lemmas come from `simplemma` (offline dictionaries for German, French, Spanish, Portuguese, Italian, Dutch, Polish and
Russian, shipped in
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
    "pl": re.compile(r"(?:ć|c)$"), "ru": re.compile(r"(?:ть|ти|чь|ться|тись)$"),
}
_UNACCENT = str.maketrans("íú", "iu")
_NONE = re.compile(r"(?!)")
_ENCLITIC = re.compile(r"^(\w{3,}?)-?(?:me|te|le|lo|la|nos|les|los|las|se)$")  # an imperative with its pronoun
_UNSTRESS = str.maketrans("áéíóú", "aeiou")
_SUBJECT = frozenset("yo eu ich je moi io я".split())  # "mando yo" → "mandar"
# Articles, pronouns and prepositions the dictionaries also list as verb forms ("die" → "dien").
_NEVER_VERBS = frozenset("""der die das den dem des ein eine einen einem einer sie es er wir ihr mit für auf im am an bis von zu
zum zur und oder nicht le la les un une des du de et ou en au aux lo los las el al y o a os as um uma do da dos das no na
em com por para que se il gli di del della per con
het een dit deze die dat naar voor met op aan bij uit om over van tot ook nog wel even maar of
na do w we z ze i to ten ta te się nie już jak
на до в во с со и а о это тот та те не уже как по за""".split())
# German and Dutch separable prefixes left at the end of the clause: "trage das ein" → "das eintragen",
# "zet het klaar" → "het klaarzetten".
_SEPARABLE = {"de": frozenset("ab an auf aus bei ein fest her hin los mit nach vor weg zu zurück zusammen raus rein rüber "
                             "um durch hoch runter weiter vorbei dran rum herum heraus herein hinein hinaus rauf frei bereit fort".split()),
              "nl": frozenset("aan af bij door in mee na om op over terug toe uit vast voor weg klaar samen".split())}
# Where a German or Dutch clause ends.
_CLAUSE_END = frozenset("und oder aber sobald wenn falls damit weil dass sodass en of maar zodra als zodat omdat dat".split())
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

    lemma = simplemma.lemmatize(low, lang=lang)
    if lemma != low and ending.search(lemma):
        return lemma
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


def as_task(what: str, lang: str, addressed: bool = False) -> str:
    """A first-person task in the infinitive: the leading verb becomes its infinitive (at the end in German,
    with its separable prefix, and in Hindi); a subject pronoun left over ("mando yo") goes. Unchanged when no verb leads."""
    if lang == "hi":
        return _hindi_task(what)
    words = what.split()
    if len(words) > 1 and words[0].lower() in ("de", "d'", "du") and _INFINITIVE_END.get(lang, _NONE).search(words[1].lower()):
        words = words[1:]  # "me encargo de preparar …" → "preparar …"
    what = " ".join(words)
    if not words or lang == "de" and not words[0].islower():
        return what  # a German verb is never capitalised mid-sentence; "Montag bis Mittwoch machen" has none first
    verb = infinitive(words[0], lang, addressed)
    if verb is None:
        return what
    rest = [w for w in words[1:] if w.lower().rstrip(",;") not in _SUBJECT]
    if lang in _VERB_LAST:
        # the verb closes its own clause: "bereite den Vertrag vor und schick ihn raus" → "den Vertrag vorbereiten und …"
        # ("Donnerstag und Freitag nehmen" keeps the verb last when no particle closes the first clause)
        end = next((i + w.endswith(",") for i, w in enumerate(rest) if w.lower() in _CLAUSE_END or w.endswith(",")), len(rest))
        clause, tail = rest[:end], rest[end:]
        if lang == "nl" and (cut := _dutch_particle(clause)) is not None:
            clause, tail = clause[:cut + 1], clause[cut + 1:] + tail  # "zeg 'm op bij TransIP" → "'m opzeggen bij TransIP"
        if not (clause and clause[-1].rstrip(",").lower() in _SEPARABLE[lang]):
            clause, tail = rest, []
        comma = "," if tail and clause[-1].endswith(",") else ""
        if clause and clause[-1].rstrip(",").lower() in _SEPARABLE[lang]:
            verb = clause.pop().rstrip(",").lower() + verb
        return " ".join([*clause, verb + comma, *tail])
    return " ".join([verb, *rest])
