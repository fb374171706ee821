"""The default offline summarizer: speaker-aware extractive TL;DR rewritten in the third person, plus detected items."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from skills.summarize import decision_model
from skills.summarize.cues import cues_for
from skills.summarize.detect import (
    Found,
    Message,
    Sentence,
    ThreadReader,
    content_words,
    decision_line,
    decision_support,
)
from skills.summarize.language import thread_language
from skills.summarize.result import ActionItem, Item, Summary, names_list
from skills.summarize.rewrite import (
    answered_question,
    question_to_third_person,
    to_third_person,
)
from skills.summarize.utterance import Utterance, agreeing_emoji_only, link_or_code_only, prose

MIN_MESSAGES = 3
# Scoring weights, tuned on the SAMSum validation and DialogSum dev splits only (bench/summarize.py).
FIRST_MESSAGE_BONUS = 1.2
EARLY_BONUS = 0.15  # a message in the first third of the thread
LENGTH_EXPONENT = 0.0  # no length penalty: with two sentences at most, the fuller ones tell more
QUESTION_WEIGHT = 1.0
AGREEMENT_START_WEIGHT = 0.6
MAX_WORDS = 32
GROUP_SIZE = 3  # people in a thread for a weakly evidenced outcome or a next step to lead its TL;DR
DECISION_WEIGHT = 2.0
RESOLVED_WEIGHT = 5.0  # "disk at 71% now, writes recovered": where an incident stands is what a reader asks first
FIRST_PERSON_BONUS = 0.5  # "I'll ...", "we ...": rewritten, these name who does what
NOTHING_YET = "Nothing to summarize yet: only {n} message{s} so far{by}."
NOTHING_FROM_PEOPLE = "Nothing to summarize yet: no messages from people so far."  # a day of joins, an app's posts

STOPWORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't
my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves will just also get got
yes yeah yep no nope ok okay oh ah hi hey hello thanks thank lol haha hahaha xd u ur im dont cant well so really
sure right good great know think like one go going want now see would could gonna wanna na ya well maybe
""".split())
_CHITCHAT = re.compile(
    r"^\W*(?:hi|hey|hello|thanks?|thank you|thx|ok(?:ay)?|k|lol|haha\w*|yes|yeah|yep|no|nope|sure|cool|great|"
    r"nice|good|bye|see you|cu|:\)|<3|\W)*\W*$", re.I)
_LEADING_FILLER = re.compile(
    r"^(?:(?:sure|ok(?:ay)?|yes|yeah|yep|well|so|oh|hi|hey|hello|great|cool|alright|right|agreed|nah|nope|no|"
    r"idk|anyway|haha\w*|hah|lol|hmm+|um+|uh+|btw|omg|wow|aww*|ah+|ha|hehe|damn|gosh|good|fine|thanks|thank you|"
    r"and|but|so|or|then|honey|dear|darling|sweetie|babe|guys|man|dude|mate|buddy|sir|madam|mom|dad|"
    r"team|all|everyone|everybody|folks|people|y'all|mum|mummy|mommy|daddy|bro|sis|love|"
    r"(?:good\s+)?(?:morning|evening|afternoon|night))\b[\s,.!-]*)+", re.I)
_HEDGES = re.compile(
    r"\b(?:actually|basically|honestly|literally|really|totally|just|kinda|sorta|like,|you know,?|I mean,?|tbh|lol|lmao|haha\w*|xd)\s*",
    re.I)
_MENTION_LABEL = re.compile(r"<@[A-Z0-9]+\|([^>]+)>")
_LETS = re.compile(r"^let'?s\s+(\w.*)$", re.I | re.S)
_VOCATIVE = re.compile(r"^(?:@([\w.-]+)\s*[,:]?|([\w.-]+)\s*[,:])\s+(\S.*)$", re.S)  # "Tom, are you …", "@tom can you …"
# Words that say the trouble is over, in the thread's languages: weighted in the gist (`_RESOLVED`) and, with more
# of them, the fix an incident's TL;DR leads with (`_RESTORED`)
_BACK_AGAIN = (r"recovered|resolved|back\s+online|(?:is|are)\s+back|fixed\s+now|mitigated|all\s+clear|behoben|voltou|normalizou"
               r"|résolu|rétabli|fonctionne\s+(?:à\s+nouveau|de\s+nouveau)|resuelto|ya\s+(?:funciona|responde|va)|vuelve\s+a\s+funcionar"
               r"|resolvido")
_RESOLVED = re.compile(rf"\b(?:{_BACK_AGAIN}|back\s+to\s+normal|back\s+up|volvió|est\s+revenu|wieder\s+(?:da|online|normal|erreichbar)"
                       r"|(?:gehen|läuft|laufen|funktioniert)\s+wieder)", re.I)
# The service is back, said by whoever fixed it ("rolled back, error rate back to 0.2% ✅", "rollback fait, erreurs
# revenues a 0", "fix ist raus, pdfs werden wieder korrekt erzeugt", "renovado e login funcionando"): an incident's
# outcome. Not when negated ("ainda não está funcionando", "still not back").
_RESTORED = re.compile(
    rf"\b(?:{_BACK_AGAIN}|back\s+to\s+(?:baseline|normal|\d)|error(?:\s+rate)?s?\s+(?:is\s+|are\s+)?(?:dropping|down|gone|back)"
    r"|works\s+(?:now|again)|(?<![\w\s])\s*works\b|^works\b|läuft\s+durch|(?:tout\s+)?est\s+revenu|ça\s+remonte|c'est\s+reparti"
    r"|(?:passando|funcionando|rodando|respondendo|pasando|working|passing|flowing)\s+(?:de\s+novo|de\s+nuevo|again)"
    r"|remarche|ça\s+remarche|^funciona\b|funciona\s+(?:ya|otra\s+vez|de\s+nuevo)|revenue?s?\s+(?:à|a)\s+(?:la\s+normale|\d)"
    r"|wieder\s+(?:da|online|normal|erreichbar|korrekt|grün|ok)|(?:gehen|geht|läuft|laufen|funktioniert|werden|wird)\s+wieder"
    r"|(?:está\s+|tá\s+)?funcionando(?:\s+de\s+novo)?)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|n't|nicht|kein\w*|pas|no|não|nao|ainda\s+não|still\s+not|noch\s+nicht|toujours\s+pas|todavía\s+no)\b"
                      r"(?:\W+\w+){0,3}\W*$", re.I)
_THANKED = re.compile(r"\b(?:thanks?|thx|ty|merci|danke|gracias|obrigad[oa]|valeu)\b.*$", re.I)  # the thanks ending a confirmation
_AGREEMENT_START = re.compile(r"^\W*(?:agreed|sounds good|ok(?:ay)?|sure|yes|yeah|yep|fine|great|perfect)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I'll|I've|I'd|we|we're|we'll|my|our)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?؟।。！？])\s+(?=\S)|(?<=[。！？])(?=\S)|\n+")  # ؟ Arabic, । Devanagari
_WORD = re.compile(r"\w+(?:'\w+)?", re.U)
_NUMBERISH = re.compile(r"\d|\b(?:today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


# "am 26.11. oder", "am 20. abschalten", "ca. 30k", "z. B. 10–15 Uhr": a full stop inside a date or after an abbreviation, with the
# sentence going on in lower case or with a figure, ends nothing.
_NOT_AN_END = re.compile(r"(?:\b\d{1,2}\.\d{1,2}\.|\b(?:am|zum|vom|bis|ab|seit|dem|den)\s+\d{1,2}\.|\b(?:ca|bzw|z\.\s?B|d\.\s?h|u\.\s?a|usw|etc|vs|approx|e\.g|i\.e|env|p\.\s?ex|aprox|vgl|inkl|ggf"
                         r"|(?<![\w.])[zdu])\.)$", re.I)
# "am 3. Mai", "1. Klasse", "im 2. Stock": a German ordinal, then the month or noun it counts
_ORDINAL_END = re.compile(r"\s\d{1,2}\.$")
_ORDINAL_NOUN = re.compile(r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Klasse|Stock"
                           r"|Etage|Quartal|Runde|Stufe|Platz|Woche|Tag|Sprint|Meilenstein|Mal|Obergeschoss)\b")
_GOES_ON = re.compile(r"^[^\W\d_A-ZÀ-ÞА-Я]|^\d|^[BHA]\.(?:\s|$)")  # "z. B." split after "z.": the "B." goes on


def split_sentences(text: str) -> list[str]:
    return list(_sentences(text))


# A list item is one unit: "- 15:45 - 16:05 aiya: Semigroupとは？ Monoidとは？ 環とは？（仮） 0:20" in a pasted
# timetable holds talk titles, not questions to the thread (a real question in a list ends its line with "?").
_LIST_ITEM = re.compile(r"^\s*(?:[-•*·–]|\d{1,2}[.)])\s+\S")


@lru_cache(maxsize=16_384)  # the same message is split by the detectors, the TL;DR and the digest
def _sentences(text: str) -> tuple[str, ...]:
    parts: list[str] = []
    pieces = _SENTENCE_END.split(text) if "\n" not in text else \
        [piece for line in text.split("\n") for piece in ([line] if _LIST_ITEM.match(line) else _SENTENCE_END.split(line))]
    for part in pieces:
        part = part.strip() if part else ""
        if not part:
            continue
        if parts and (_NOT_AN_END.search(parts[-1]) and _GOES_ON.match(part)
                      or _ORDINAL_END.search(parts[-1]) and _ORDINAL_NOUN.match(part)):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return tuple(parts)


class ReadThread(NamedTuple):
    """A thread as the detectors read it: the people's messages, their prose, and the reader over them."""

    humans: list[Utterance]
    texts: list[str]
    participants: list[str]
    sentences: list[Sentence]
    lang: str
    reader: ThreadReader | None  # None when fewer than `min_messages` people's messages: too short to read


_CHECK_MARK = re.compile(r"[✅✔☑]|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:")  # work reported done


def read_thread(utterances: list[Utterance], min_messages: int = MIN_MESSAGES) -> ReadThread:
    """The thread's human messages as prose (bot messages ignored, an agreeing emoji reply counted as a reaction
    on the message before it), its language, sentences and `ThreadReader`; shared by `summarize` and the training
    of the decision model (bench/train_decisions.py), so both read a thread the same way."""
    names = {u.author_id: u.speaker for u in utterances if u.author_id}
    cleaned = []
    for u in utterances:
        if u.is_bot:
            continue
        if text := prose(u.text, names) or link_or_code_only(u.text):
            cleaned.append((u, text))
        elif agreeing_emoji_only(u.text) and (k := next((k for k in range(len(cleaned) - 1, -1, -1)
                                                        if cleaned[k][0].speaker != u.speaker), None)) is not None:
            cleaned[k] = (replace(cleaned[k][0], agreement=cleaned[k][0].agreement + 1), cleaned[k][1])  # "👍" as a reply
    humans = [u for u, _ in cleaned]
    participants = list(dict.fromkeys(u.speaker for u in humans))
    if len(humans) < min_messages or not humans:
        return ReadThread(humans, [], participants, [], "und", None)
    texts = [text for _, text in cleaned]
    lang = thread_language(texts)
    messages = [Message(i, u.speaker, text, u.id, u.agreement, bool(_CHECK_MARK.search(u.text))) for i, (u, text) in enumerate(cleaned)]
    sentences: list[Sentence] = []
    for index, (u, text) in enumerate(zip(humans, texts)):
        sentences += [Sentence(s, index, u.speaker, u.id) for s in split_sentences(text)]
    mentioned = [name for u in humans for name in _MENTION_LABEL.findall(u.text)]  # asked by @-mention, not speaking
    # names to resolve also include whoever only posted an emoji ("- Tom: fix the flaky test" — ":+1:")
    authors = [u.speaker for u in utterances if not u.is_bot]
    reader = ThreadReader(messages, sentences, _people(list(dict.fromkeys(participants + mentioned + authors))), cues_for(lang))
    return ReadThread(humans, texts, participants, sentences, lang, reader)


def summarize(
    utterances: list[Utterance], max_words: int = MAX_WORDS, max_sentences: int = 2, min_messages: int = MIN_MESSAGES,
    with_tldr: bool = True, with_questions: bool = True,
) -> Summary:
    """Summarize one thread, root first. Bot messages are ignored; fewer than 3 human messages → too short.

    `with_tldr=False` skips the TL;DR, the costly part, when only the items are wanted (weekly digests);
    `with_questions=False` the open questions (a digest lists none from a thread younger than a day).
    """
    read = read_thread(utterances, min_messages)
    if read.reader is None:
        n, participants = len(read.humans), read.participants
        by = f", from {names_list(participants)}" if participants else ""
        said = NOTHING_YET.format(n=n, s="" if n == 1 else "s", by=by) if n else NOTHING_FROM_PEOPLE
        return Summary(tldr=said, participants=tuple(participants),
                       too_short=True)
    humans, texts, participants, sentences, lang, reader = read
    decisions, undecided, waiting_on = decision_model.decisions(reader)  # the rules' verdict, weighed by the model
    actions = reader.action_items()
    questions = reader.open_questions(decisions, reader.parked, undecided) if with_questions else []
    links = {u.id: u.link for u in humans}
    tldr = ""
    if with_tldr:
        tldr = _tldr(humans, texts, sentences, participants, decisions, actions, max_words, max_sentences, lang,
                     undecided, waiting_on)

    def item(found: Found, text: str | None = None, support: str = "") -> Item:
        return Item(text or found.text, found.source_id, links.get(found.source_id), support)

    return Summary(
        tldr=tldr,
        decisions=tuple(item(f, f.said, decision_support(f)) for f in _dedupe(decisions, decision_line)),
        action_items=tuple(ActionItem(f.said, f.owner, f.due, f.source_id, links.get(f.source_id), f.due_date)
                           for f in _dedupe(actions, lambda f: f"{f.owner}: {f.said}")),  # two owners, one task: two lines
        open_questions=tuple(item(f) for f in _dedupe(questions)),
        participants=tuple(participants),
        no_decision=undecided,
        waiting_on=waiting_on,
        language=lang,
    )


def _people(participants: list[str]) -> dict[str, str]:
    """Lower-cased full names, first names and handles → display names (a first name two people share is left out)."""
    people = {name.lower(): name for name in participants}
    firsts: dict[str, set[str]] = {}
    for name in participants:
        for part in re.split(r"[\s._-]+", name.lower()):
            if part:
                firsts.setdefault(part, set()).add(name)
    for part, names in firsts.items():
        if len(names) == 1 and part not in people:
            people[part] = next(iter(names))
    return people


def _dedupe(found: list[Found], line=lambda f: f.text) -> list[Found]:
    seen: set[str] = set()
    out = []
    for f in found:
        key = line(f).lower()
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _content(words: list[str], names: set[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and w not in names and (len(w) > 1 or w.isdigit())]


def _tldr(humans, texts, sentences, participants, decisions, actions, max_words, max_sentences, lang="en",
          undecided=False, waiting_on=None) -> str:
    """At most two sentences, outcome first: what was decided (or that nothing was, and on what it waits),
    then the next step and its owner. A thread that sought no decision gets its gist: its two most central
    sentences, or one and the next step when a group handed out work.

    The TL;DR reads only the decisions the rules read, not those the decision model added (listed, never told).
    The outcome leads only on good evidence: in a group thread (three people or more), or when the decision
    was said as one or agreed to (see `_firm`), or the deferral says what it waits for. Between two people a
    bare "OK." or "How about the weekend?" — "Sure" read as settling something, or a "let me think about it",
    is too weak to replace the gist (it stays listed under Decisions); so is a second-hand next step."""
    english = lang == "en"
    group = len(participants) >= GROUP_SIZE
    decisions = [d for d in decisions if not d.scored]  # one the model added without a cue word is listed, not told
    if decisions and (group or _firm(decisions[-1], texts, lang)):
        outcome = _decided(decisions[-1], english, len(decisions) - 1)
    elif (fix := _restored(sentences)) is not None:  # an incident fixed: its outcome, whatever side question was parked
        topic = _topic(texts[0])
        said = to_third_person(fix.text, fix.speaker) if english else fix.text
        outcome = f"Fixed: {said.strip().rstrip('.!')}{f' (on {topic})' if topic else ''}."
        decisions = [Found(fix.text, fix.source_id, fix.index, owner=fix.speaker)]  # told: the gist does not repeat it
    elif undecided and (group or waiting_on) and not decisions:
        topic = _topic(texts[0])
        outcome = f"No decision yet{f' on {topic}' if topic else ''}"
        outcome += f": {_waiting(waiting_on.rstrip(' .'))}." if waiting_on else "."
    elif len(asked := [a for a in actions if a.index == 0]) == 1 and asked[0].owner and asked[0].owner != humans[0].speaker:
        taken = asked[0]
        # the thread asked for work and someone took it ("@romain tu peux relire la spec ?" … "je peux la relire moi"):
        # who does it is the outcome, then what else was said
        gist = _gist(humans, texts, sentences, participants, decisions, actions, max_words, 1, english, skip={0})
        return " ".join(part for part in (_next_step([taken], english), gist) if part)
    else:
        outcome = ""
    step = _next_step(actions, english) if outcome or len(actions) >= 2 and group else ""
    if outcome:
        said = _told(decisions, texts, lang) if decisions else {0}  # "No decision yet on “…”" quoted the opening already
        second = step or _gist(humans, texts, sentences, participants, decisions, actions, max_words, 1, english, skip=said) \
            or _exchanged(participants, len(humans))
        return " ".join(part for part in (outcome, second) if part)
    gist = _gist(humans, texts, sentences, participants, decisions, actions, max_words,
                 1 if step else min(max_sentences, 2), english, skip={_lead_task(actions).index} if step else set()) \
        or ("" if step else _exchanged(participants, len(humans)))  # the tasks handed out say more than a head count
    if gist and step and not _ENDED.search(gist):
        gist += "."  # "… erinnern musst du sie aber selbst. Next: …", not "… selbst Next: …"
    return " ".join(part for part in (gist, step) if part)


def _restored(sentences: list[Sentence]) -> Sentence | None:
    """The first sentence after the opening message saying the service is back ("rolled back, error rate back to
    0.2%"): what a reader of an incident thread wants first. A bare confirmation ("funciona 👌 gracias vale") is
    told by the fix it confirms: the statement just before it, by someone else ("ya agregué la nueva uri")."""
    fix = next((s for s in sentences if s.index and not s.is_question and (m := _RESTORED.search(s.text))
                and not _NEGATED.search(s.text[:m.start()])), None)
    if fix is not None and len(content_words(_THANKED.sub("", fix.text))) < 3:
        before = [x for x in sentences if x.index == fix.index - 1 and x.speaker != fix.speaker and not x.is_question]
        fix = before[-1] if before else fix
    return fix


def _exchanged(participants: list[str], messages: int) -> str:
    return f"{names_list(participants)} exchanged {messages} messages."


def _told(decisions: list[Found], texts: list[str], lang: str) -> set[int]:
    """The messages the outcome has told already: the decisions' own, the question each answers when quoted
    ("Decided: … (on “…”)"), and earlier ones it takes up in its words ("bump to 500GB or clean old snapshots?",
    "clean snapshots, we keep 90 days for no reason" — "Clean snapshots, 30 days retention from now on"); a revision
    replaces what it shares one word with ("launch date is April 28" — "revised: launch moves to May 12")."""
    told = {d.index for d in decisions}
    revision = cues_for(lang).revision
    for d in decisions:
        words = {w for w in content_words(d.text) if len(w) > 3}
        shared = 1 if revision.search(texts[d.index]) else 2
        told.update(i for i, t in enumerate(texts[:d.index]) if d.context and d.context.strip() in t
                    or len(words & content_words(t)) >= shared)
    return told


# "Nick has the numbers", "legal signs off": a clause, which "waiting for" cannot take ("waiting until Nick has …")
_CLAUSE = re.compile(r"^(?:[\w'’-]+\s+){1,3}?(?<!\bto\s)(?:has|have|is|are|gets|got|signs|sends|confirms|decides|approves|"
                     r"replies|answers|comes|finishes|does|can|will|knows|hears|shares|checks|runs|gives|returns|"
                     r"agrees|reviews|looks|makes|tells)\b"
                     r"|^(?:they|we|you|he|she|it|I)(?:'ve|'re|'ll|'d|’ve|’re|’ll)\s")  # not "Maria to decide"; "they've talked to them"


# "bis die Fehlerrate stabil ist": a German clause ends on its verb
_CLAUSE_DE = re.compile(r"\s(?:ist|sind|hat|haben|liegt|liegen|vorliegt|vorliegen|kommt|kommen|steht|stehen|gibt|sagt|meldet)$")


def _waiting(what: str) -> str:
    return f"waiting until {what}" if _CLAUSE.match(what) or _CLAUSE_DE.search(what) else f"waiting for {what}"


_ENDED = re.compile(r"[.!?…。！？।؟:;)\]\"”»]\s*$")  # a sentence's own end, in any script


def _firm(decision: Found, texts: list[str], lang: str) -> bool:
    """Said as a decision ("we decided", "Decision: …") or as the asker's conclusion, agreed to by reactions, or agreed
    to in words when it is a statement that stands on its own (not "How about Monday?" — "Sure", nor a short reply
    read with its question)."""
    cues = cues_for(lang)
    if decision.reactions or decision.closed or cues.decided.search(texts[decision.index]) \
            or cues.revision.search(texts[decision.index]):  # "revised: launch moves to May 12"
        return True  # the asker closing their own question after the answers ("Then we move it to Friday") decides
    said = decision.text.rstrip()
    if decision.agreed_by and any(cues.settles.match(t) for t in texts[decision.index + 1:decision.index + 3]):
        return True  # "fine, alerts in January for another 1k" — "Deal, thanks Sam!": agreed to as settled
    return bool(decision.agreed_by) and not said.endswith("?") and len(content_words(said)) >= 4 and decision.context is None


# "Maria thinks they should move the launch", "Lena would go with A" (the detectors' third-person rewrite).
_SHOULD_DECIDED = re.compile(r"^\S+(?:\s+\S+)?\s+(?:thinks\s+)?(?:they\s+should|would|will)\s+((?:go\s+with|move|switch|use|keep|drop|ship|launch|lead|pick|choose|start|stop|hire|extend|cancel|postpone)\b.*)$", re.I | re.S)
_PLAN_BODY = re.compile(r"^(\w.*)$", re.S)  # a proposal's clause, its "let's" already cut ("go with May 12")
_LETS_DECIDED = re.compile(r"^(?:(?:ok(?:ay)?|so|then|great|fine|alright)[,.!]?\s+)?let'?s\s+(\w.*)$", re.I | re.S)


_DECISION_LABEL = re.compile(
    r"^\W*(?:final\s+)?(?:decision|decided|entscheidung|beschluss|décision|décidé|decisión|decidido|decisão)\s*[:\-–]\s*", re.I)


def _decided(decision: Found, english: bool, others: int) -> str:
    """ "Ken and Ana agreed to move the launch to May." where the decision reads as a plan, else "Decided: …"."""
    # not "Decided: Decision: …", nor "…やらないことにします。." (a full stop in any script ends it once)
    body = _DECISION_LABEL.sub("", decision.text.strip().rstrip(".!。！"))
    more = f" (and {others} more decision{'s' * (others > 1)})" if others else ""
    plan = (_LETS_DECIDED.match(body) or _SHOULD_DECIDED.match(body)
            or decision.proposed and _PLAN_BODY.match(body[:1].lower() + body[1:])) if english else None
    if plan and decision.owner:
        people = list(dict.fromkeys((decision.owner, *decision.agreed_by)))
        verb = "agreed to" if len(people) > 1 else "decided to"
        return f"{names_list(people)} {verb} {plan.group(1)}{more}."
    suffix = f" (on “{decision.context.rstrip('?.! ')}”)" if decision.context else ""
    return f"Decided: {body}{suffix}{more}."


def _topic(root: str) -> str:
    """The opening message's first sentence, clipped, as the subject of "No decision yet on …"."""
    sentences = split_sentences(root)
    words = sentences[0].rstrip("?.!:").split() if sentences else []
    if not words:
        return ""
    clipped = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return f"“{clipped}”"


def _next_step(actions, english: bool) -> str:
    """The first open task and its owner: "Ken will write the postmortem by Thursday.", and when work was handed
    out to several people, the next one's too: "Jen will book the hotel; Luis takes the catering quotes by Friday."
    (the rest are listed below)."""
    if not actions:
        return ""
    first = _lead_task(actions)
    if not first.owner:
        return f"Still to do: {first.text}{f' (due {first.due})' if first.due else ''} (no owner yet)."
    second = next((a for a in actions if a.owner and a.owner != first.owner and not a.context), None)
    steps = [_step(task, english) for task in (first, second) if task is not None]
    return f"{'; '.join(steps)}." if english else f"Next: {'; '.join(steps)}."


def _step(task: Found, english: bool) -> str:
    if english:  # "bring it to Thursday's sync" says its day already
        due = f" {_due_phrase(task.due)}" if task.due and task.due.lower() not in task.text.lower() else ""
        verb = "takes" if _OBJECT_ONLY.match(task.text) else "will"  # "Mei: the pricing page": "Mei takes the pricing page"
        return f"{task.owner} {verb} {task.text}{due}"
    return f"{task.owner}: {task.text}{f' (due {task.due})' if task.due else ''}"


# a task written as its object ("Luis: catering quotes"): an article, or a first word no base verb looks like
_OBJECT_ONLY = re.compile(r"(?:the|a|an|our|their|his|her|my|this|that|these|those)\s|\w{3,}ing\s|\w+[^su\W]s\b", re.I)


def _lead_task(actions: list[Found]) -> Found:
    """The task the TL;DR names: the first that says what it is about on its own ("Nora will update that today"
    tells a reader nothing), else the first."""
    return next((a for a in actions if not a.context), actions[0])


def _due_phrase(due: str) -> str:
    """"Friday" → "by Friday"; phrases that carry their own preposition ("this week", "tonight") stay as written."""
    return due if re.match(r"(?i)(?:this|next|today|tonight|tomorrow|eod|eow|end)\b", due) else f"by {due}"


def _gist(humans, texts, sentences, participants, decisions, actions, max_words, max_sentences, english,
          skip: frozenset[int] | set[int] = frozenset()) -> str:
    """The extractive part: the thread's most central sentences, rewritten in the third person."""
    names = {part.lower() for p in participants for part in re.findall(r"\w+", p)}
    message_freq = Counter(w for t in texts for w in set(_content(_WORD.findall(t.lower()), names)))
    decided = {f.index for f in decisions}
    acted = {f.index for f in actions}
    total = len(humans)

    scored: list[tuple[float, int, Sentence, set[str]]] = []
    for position, s in enumerate(sentences):
        words = _WORD.findall(s.text.lower())
        content = _content(words, names)
        if len(words) < 3 or not content or _CHITCHAT.match(s.text) or s.index in skip:
            continue
        unique = set(content)
        score = sum(math.log(1 + message_freq[w]) for w in sorted(unique)) / len(words) ** LENGTH_EXPONENT  # sorted: a float sum in set order changed with PYTHONHASHSEED
        score *= 1.0 + FIRST_MESSAGE_BONUS * (s.index == 0) + EARLY_BONUS * (s.index < total / 3)
        if s.index in decided:
            score *= DECISION_WEIGHT
        if s.index and _RESOLVED.search(s.text):
            score *= RESOLVED_WEIGHT
        if s.index in acted:
            score *= 1.2
        if _NUMBERISH.search(s.text):
            score *= 1.1
        agreement = humans[s.index].agreement
        if agreement:
            score *= 1.0 + 0.2 * min(agreement, 5)
        if _FIRST_PERSON.search(s.text):
            score *= 1.0 + FIRST_PERSON_BONUS
        if s.is_question:
            score *= QUESTION_WEIGHT
        if _AGREEMENT_START.match(s.text):
            score *= AGREEMENT_START_WEIGHT
        scored.append((score, position, s, unique))

    chosen: list[tuple[int, Sentence]] = []
    chosen_words: list[set[str]] = []
    used_words = 0
    for score, position, s, unique in sorted(scored, key=lambda x: (-x[0], x[1])):
        if len(chosen) >= max_sentences or used_words >= max_words:
            break
        if any(len(unique & other) / len(unique | other) > 0.5 for other in chosen_words):
            continue  # says again what a chosen sentence says
        length = len(_WORD.findall(s.text))
        if chosen and used_words + length > max_words * 1.3:
            continue
        chosen.append((position, s))
        chosen_words.append(unique)
        used_words += length
    if not chosen:
        return ""

    group = names_list(participants) if len(participants) == 2 else None
    agreed = {f.index: f.agreed_by for f in decisions if f.agreed_by}
    proper = _proper_words(texts) | {p.lower() for p in participants}
    lower_words = STOPWORDS | {w for t in texts for w in _WORD.findall(t) if w.islower()}
    parts = []
    previous = None  # the speaker named by the last "Name: …" part: their next sentence goes on without the name
    for _, s in sorted(chosen, key=lambda x: x[0]):
        addressee = _addressee(humans, s.index)
        if not english:
            said = s.text.strip() if _ENDED.search(s.text) else s.text.strip() + "."  # "… fehl. Anja: …", not "… fehl Anja: …"
            parts.append(said if s.speaker == previous else f"{s.speaker}: {said}")
            previous = s.speaker
            continue
        said_by, previous = previous, None
        body = _LEADING_FILLER.sub("", s.text.strip()) or s.text.strip()
        body = _HEDGES.sub("", body).strip() or body
        vocative = _VOCATIVE.match(body)
        name = vocative and (vocative.group(1) or vocative.group(2))
        if name and _is_name(name, proper | _unseen_lower(name, lower_words), participants) \
                and re.search(r"\b(?:you|your|u|ur)\b", vocative.group(3), re.I):
            addressee, body = name, vocative.group(3)  # "Tom, are you busy?" asks Tom
        if s.is_question:
            answer = _answer(humans, texts, s.index)
            fused = answered_question(body, s.speaker, answer[0], answer[1], group) if answer else None
            text = fused or question_to_third_person(body, s.speaker, addressee, group)
        elif proposal := _LETS.match(body):
            rest = to_third_person(proposal.group(1).rstrip(" .!"), s.speaker, addressee, group)
            text = f"{s.speaker} proposes to {_lower_first(rest, lower_words)}"
            if s.index in agreed:
                text += f"; {names_list(list(agreed[s.index]))} agreed"
            elif humans[s.index].agreement:
                text += "; others agreed"
        else:
            text = to_third_person(body.rstrip(" .!:"), s.speaker, addressee, group)  # "error in prod:" before its code
            if s.speaker.lower() not in text.lower():  # no "X says" chains
                text = text if said_by == s.speaker else f"{s.speaker}: {_lower_first(text, lower_words)}"
                previous = s.speaker
            if s.index in agreed:
                text += f"; {names_list(list(agreed[s.index]))} agreed"
        parts.append(text if text[-1:] in ".!?" else text + ".")
    return " ".join(parts)


def _lower_first(text: str, lower_words: set[str]) -> str:
    """Lower-case the first word unless it looks like a name (never written in lower case here)."""
    first = text.split(" ", 1)[0]
    keep_case = first.lower() not in lower_words or first.isupper() and len(first) > 1
    return text if keep_case else first.lower() + text[len(first):]


def _unseen_lower(word: str, lower_words: set[str]) -> set[str]:
    """{word} when it is capitalised and never written in lower case in the thread (so likely a name)."""
    return {word.lower()} if word[:1].isupper() and word.lower() not in lower_words else set()


def _is_name(word: str, proper: set[str], participants: list[str]) -> bool:
    low = word.lower()
    return low in proper or any(p.lower().startswith(low) and len(low) >= 3 for p in participants)


def _proper_words(texts: list[str]) -> set[str]:
    """Words written capitalised somewhere other than at the start of a sentence (names, places)."""
    found = set()
    for text in texts:
        for match in re.finditer(r"(?<=[\w,;] )([A-Z][\w'-]*)", text):
            if match.group(1) != "I" and not match.group(1).startswith("I'"):
                found.add(match.group(1).lower())
    return found


def _answer(humans: list[Utterance], texts: list[str], index: int) -> tuple[str, str] | None:
    """The next message by someone else, if it comes right after the question (one message of slack)."""
    for j in range(index + 1, min(index + 3, len(humans))):
        if humans[j].speaker != humans[index].speaker:
            return humans[j].speaker, texts[j]
    return None


def _addressee(humans: list[Utterance], index: int) -> str | None:
    """Who "you" most likely means: the last other speaker before, else the next one after."""
    speaker = humans[index].speaker
    for j in list(range(index - 1, -1, -1)) + list(range(index + 1, len(humans))):
        if humans[j].speaker != speaker:
            return humans[j].speaker
    return None
