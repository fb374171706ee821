"""First- and second-person chat sentences rewritten in the third person ("I'll send it" → "Ken will send it")."""

from __future__ import annotations

import re
from functools import lru_cache

MODALS = frozenset("will would can could should shall might may must 'll 'd did didn't won't can't "
                   "couldn't wouldn't shouldn't cannot gotta gonna wanna better had".split())
_IRREGULAR = {"have": "has", "do": "does", "go": "goes", "am": "is", "are": "is", "be": "is",
              "don't": "doesn't", "haven't": "hasn't", "'m": "is", "'ve": "has", "'re": "is",
              "was": "was", "were": "was", "weren't": "wasn't", "aren't": "isn't"}
_PAST = frozenset("was got went had made saw took came gave told said thought bought found left sent "
                  "knew felt brought met forgot heard lost paid put read ran wrote spoke kept been done gone seen "
                  "just also really still already never always only even probably actually totally "
                  "definitely maybe usually often sometimes".split())
# Irregular past forms that "I" is often followed by: "I broke mum's vase" → "Wendy broke …", never "brokes".
_IRREGULAR_PAST = frozenset("ate began bit blew broke caught chose drank drove fell fought flew forgave froze grew hid "
                            "hung led lent meant rang rode rose sang sat shot slept sold spent stood stole struck swam "
                            "taught threw tore understood woke wore won".split())
_ADVERBS = frozenset("just also really still already never always only even probably actually totally "
                     "definitely usually often sometimes somehow kinda sorta rather".split())
# Words after "I" that are not verbs we should conjugate.
_NOT_VERB = frozenset("and or but so if the a to too as in on at of with".split())
_SUBJECT_BEFORE = frozenset("and but so if that when because or then while since though".split())
_AFTER_SUBJECT = frozenset("are were have don't aren't weren't haven't".split())  # only ever follow a subject
_QUESTION_AUX = frozenset("do does did can could would will are were have has is should shall".split())

_SLANG = {"im": "i'm", "ive": "i've", "ill": "i'll", "dont": "don't", "cant": "can't", "didnt": "didn't",
          "doesnt": "doesn't", "wont": "won't", "isnt": "isn't", "u": "you", "ur": "your", "pls": "please",
          "plz": "please"}
_TOKEN = re.compile(r"[\w#@]+(?:'\w+)?|[^\w\s]", re.U)
_LET_ME = re.compile(r"^\s*let me\b(?!\s+know)", re.I)
# Every (lower-cased) token `to_third_person` may change; all others are copied as they are.
_REWRITTEN = frozenset(_SLANG) | frozenset(
    "i i'm i'll i've i'd me myself my mine we we're we'll we've we'd us ourselves our "
    "you you're you'll you've you'd your yours yourself".split())


def conjugate(verb: str) -> str:
    """Third-person singular of a present-tense verb (after "I" or "you")."""
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    past_ed = low.endswith("ed") and not low.endswith("eed")
    if low in MODALS or low in _PAST or low in _IRREGULAR_PAST or past_ed or low.endswith("n't") or not low.isalpha():
        return verb
    if low.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if len(low) > 2 and low.endswith("y") and low[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _respell(sentence: str, spans: list[re.Match], out: list[tuple[int, str]]) -> str:
    """The sentence with each token replaced by what it became; spacing and punctuation stay as written."""
    by_token: dict[int, list[str]] = {}
    for index, text in out:
        by_token.setdefault(index, []).append(text)
    pieces, last = [], 0
    for index, span in enumerate(spans):
        pieces.append(sentence[last:span.start()])
        pieces.append(" ".join(by_token.get(index, [])))
        last = span.end()
    pieces.append(sentence[last:])
    return "".join(pieces)


@lru_cache(maxsize=16_384)  # one sentence is rewritten for each of its speakers; the tokens are the same
def _tokens(sentence: str) -> tuple[str, tuple[re.Match, ...], tuple[str, ...]]:
    sentence = _LET_ME.sub("I'll", sentence)  # "let me check" is a promise
    spans = tuple(_TOKEN.finditer(sentence))
    return sentence, spans, tuple(m.group(0) for m in spans)


@lru_cache(maxsize=8192)  # a digest rewrites the same few task phrasings for many people
def to_third_person(
    sentence: str, speaker: str, addressee: str | None = None, group: str | None = None,
    conjugate_you: bool = True,
) -> str:
    """Replace I/me/my with the speaker's name and you/your with the addressee's (when known).

    `group` is what "we" means ("Ann and Bob"); without it "we" becomes "they".
    """
    sentence, spans, tokens = _tokens(sentence)
    out: list[tuple[int, str]] = []  # (index of the token it replaces, text)
    named = False  # the speaker's name is already in the sentence: later "me" reads better as "them"
    i = 0
    while i < len(tokens):
        token = tokens[i]
        low = token.lower()
        if low not in _REWRITTEN:  # most words: no branch below would touch them
            out.append((i, token))
            i += 1
            continue
        prev = tokens[i - 1].lower() if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        low = _SLANG.get(low, low)
        if low in ("i", "i'm", "i'll", "i've", "i'd"):
            out.append((i, speaker))
            named = True
            if low == "i'm":
                out.append((i, "is"))
            elif low == "i'll":
                out.append((i, "will"))
            elif low == "i've":
                out.append((i, "has"))
            elif low == "i'd":
                out.append((i, "would"))
            elif nxt and prev not in _QUESTION_AUX and prev not in MODALS and prev != "may":
                j = i + 1
                while j < len(tokens) and (tokens[j].lower() in _ADVERBS or tokens[j].lower().endswith("ly")):
                    out.append((j, tokens[j]))
                    j += 1
                if j < len(tokens) and tokens[j].lower() not in _NOT_VERB and tokens[j][0].isalpha():
                    out.append((j, conjugate(tokens[j])))
                    j += 1
                i = j
                continue
        elif low == "myself":
            out.append((i, "themselves"))  # "I'll draft it myself": Zoe will draft it themselves
        elif low == "me":
            out.append((i, "them" if named else speaker))
        elif low in ("my", "mine"):
            out.append((i, "their" if named else speaker + "'s"))
            named = True
        elif low in ("we", "we're", "we'll", "we've", "we'd"):
            out.append((i, group or "they"))
            verb = {"we're": "are", "we'll": "will", "we've": "have", "we'd": "would"}.get(low)
            if verb:
                out.append((i, verb))
        elif low in ("us", "ourselves"):
            out.append((i, "them"))
        elif low == "our":
            out.append((i, "their"))
        elif addressee and low in ("you", "you're", "you'll", "you've", "you'd", "your", "yours", "yourself", "u", "ur"):
            if low in ("your", "yours", "ur"):
                out.append((i, addressee + "'s"))
            elif low == "you're":
                out += [(i, addressee), (i, "is")]
            elif low == "you'll":
                out += [(i, addressee), (i, "will")]
            elif low == "you've":
                out += [(i, addressee), (i, "has")]
            elif low == "you'd":
                out += [(i, addressee), (i, "would")]
            else:
                out.append((i, addressee))
                is_subject = (i == 0 or prev in _SUBJECT_BEFORE or prev in ",;") and prev not in _QUESTION_AUX
                is_subject = is_subject or nxt.lower() in _AFTER_SUBJECT and prev not in _QUESTION_AUX  # not "can you have"
                if conjugate_you and is_subject and nxt and nxt[0].isalpha() and nxt.lower() not in _NOT_VERB:
                    out.append((i + 1, conjugate(nxt)))
                    i += 2
                    continue
        else:
            out.append((i, _SLANG[token.lower()] if token.lower() in _SLANG and token.lower() not in ("ill",) else token))
        i += 1
    text = _respell(sentence, spans, out)
    first = text.split(" ", 1)[0]
    if not text or first[1:] != first[1:].lower():
        return text  # "iOS", "eBay": a word whose case is its spelling
    return text[:1].upper() + text[1:]


_YES_NO = re.compile(r"^(?:do|does|did|are|is|were|was|have|has|will|would|can|could|should)\s+you\b\s*(.*)$", re.I | re.S)
_REQUEST = re.compile(r"^(?:(?:can|could|would|will)\s+you|please)\s+(?:please\s+)?(.*)$", re.I | re.S)
_MAY_I = re.compile(r"^(?:can|could|may)\s+I\s+(.*)$", re.I | re.S)
_WH = re.compile(r"^(what|when|where|who|why|how|which|whose)\b", re.I)
_WH_I = re.compile(r"^(what|when|where|who|how)\s+(?:do|should|can|could)\s+I\s+(.*)$", re.I | re.S)


def question_to_third_person(question: str, speaker: str, addressee: str | None, group: str | None = None) -> str:
    """`Can you send it?` → `Ken asks Ann to send it.`; other questions → `Ken asks whether ...`."""
    body = question.strip().rstrip("?!. ").strip()
    who = addressee or "the others"
    if (permission := _MAY_I.match(body)) and permission.group(1):
        rest = to_third_person(permission.group(1), speaker, addressee, group)
        return f"{speaker} asks to {rest[:1].lower() + rest[1:]}."
    request = _REQUEST.match(body)
    if request and request.group(1):
        rest = to_third_person(request.group(1), speaker, addressee, group)
        return f"{speaker} asks {who} to {rest[:1].lower() + rest[1:]}."
    yes_no = _YES_NO.match(body)
    if yes_no and yes_no.group(1) and addressee:
        aux = body.split()[0].lower()
        rest = to_third_person("you " + yes_no.group(1), speaker, addressee, group, conjugate_you=aux in ("do", "does"))
        verb = {"are": " is", "is": " is", "were": " was", "was": " was", "have": " has", "has": " has",
                "will": " will", "would": " would", "can": " can", "could": " could", "should": " should",
                "did": ""}.get(aux, "")
        if verb:
            first, _, tail = rest.partition(" ")
            rest = f"{first}{verb} {tail}".strip()
        return f"{speaker} asks if {rest}."
    if (how := _WH_I.match(body)) and how.group(2):  # "how do I reseed the staging DB?" asks how to reseed it
        rest = to_third_person(how.group(2), speaker, addressee, group)
        return f"{speaker} asks {how.group(1).lower()} to {rest[:1].lower() + rest[1:]}."
    rest = to_third_person(body, speaker, addressee, group)
    if _WH.match(body):
        return f"{speaker} asks {rest[:1].lower() + rest[1:]}."
    # no "X asks:" chains: "Ann: is the deploy green?", like a statement ("Ann: the deploy is green.")
    return f"{rest}?" if speaker.lower() in rest.lower() else f"{speaker}: {rest}?"


_YES = re.compile(r"^\W*(?:yes|yeah|yep|yup|sure|of course|ok(?:ay)?|definitely|absolutely|certainly|why not|sounds good|i do|i will|i can|i am|i have)\b", re.I)
_NO = re.compile(r"^\W*(?:no|nope|nah|not really|not yet|i don'?t|i can'?t|i won'?t|i'?m not|i haven'?t)\b", re.I)
_ASKED = re.compile(r"^(do|are|can|could|will|would|have)\s+you\s+(.+)$", re.I | re.S)
_ASKED_GROUP = re.compile(r"^(?:shall|should)\s+we\s+(.+)$", re.I | re.S)
_STATEMENT = {  # question's auxiliary → (said when the answer is yes, when it is no)
    "do": ("", "doesn't"), "are": ("is", "isn't"), "can": ("can", "can't"), "could": ("can", "can't"),
    "will": ("will", "won't"), "would": ("will", "won't"), "have": ("has", "hasn't"),
}


def answered_question(question: str, asker: str, answerer: str, answer: str, group: str | None = None) -> str | None:
    """`Do you want pizza?` answered `Sure!` by Ann → `Ann wants pizza`; None when the answer is not yes or no."""
    body = question.strip().rstrip("?!. ").strip()
    yes, no = bool(_YES.match(answer)), bool(_NO.match(answer))
    if yes == no:
        return None
    if (shared := _ASKED_GROUP.match(body)) and yes:
        rest = to_third_person(shared.group(1), asker, answerer, group)
        return f"{group or 'They'} will {rest[:1].lower() + rest[1:]}"
    asked = _ASKED.match(body)
    if not asked:
        return None
    aux = asked.group(1).lower()
    said = _STATEMENT[aux][0 if yes else 1]
    rest = to_third_person("you " + asked.group(2), asker, answerer, group, conjugate_you=aux == "do" and yes)
    first, _, tail = rest.partition(" ")
    return f"{first} {said} {tail}".replace("  ", " ").strip() if said else rest
