"""Decisions, action items (owner, due date) and open questions in one thread, in any of the cue languages.

The detectors read the thread as a conversation, not sentence by sentence: a proposal becomes a decision
when someone else agrees and nobody objects, later included; a short "Deal." or "Berlin it is." settles what
came just before it; whoever put a choice to the thread closes it ("OK, 6 months.", "Seville.") over the
answers given on the way; "should we …?" answered yes or no, and "… objections?" met by none, are decided; a
later decision on the same subject replaces an earlier one; "revisit" or "need numbers first" leaves the
thread undecided and says on what it waits. A task asked of someone by name belongs to
them; a first-person promise to its speaker; a task nobody took stays unassigned. A question is open only
when no later message answers it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

import regex

from skills.frozen import quick_init
from skills.summarize.cues import HONORIFICS, MARKS, THIRD_PERSON_TASKS, Cues
from skills.summarize.once import once
from skills.summarize.result import names_list
from skills.summarize.rewrite import to_third_person
from skills.summarize.screen import screened
from skills.summarize.verbs import as_task, infinitive, ing_base

_WORDS = re.compile(r"\w+")
_WORDS_ANY_SCRIPT = regex.compile(r"[\w\p{M}]+")  # a letter keeps its combining marks (क्या is one word)
_AT_NAME = re.compile(r"@([^\W\d_][\w.-]*)")
_HONORIFIC = re.compile(rf"(?<=\w)(?:{HONORIFICS})$")  # "鈴木さん" is 鈴木
_SPACE_RUN = re.compile(r"\s+")
_LEADING_FILLER = re.compile(
    r"^(?:(?:also|then|just|please|pls|bitte|definitely|probably|and|und|et|y|e|so|ok(?:ay)?|sure|yes|ja|oui|sí|sim)\b[\s,]*)+", re.I)
_ME = re.compile(r"\bme\b", re.I)
_MY = re.compile(r"\bmy\b", re.I)
_MIR = re.compile(r"\b(?:mir|mich)\b")  # German "me" in a task asked of someone else: the one who asked
_QUESTION_END = re.compile(r"(?:[?？؟]|(?:ですか|ますか|でしょうか)[。]?)\W*$")  # Japanese may end a question with "か。"
# A question asked without "?": "the real question is whether …", "ich frage mich, ob …", "je me demande si …",
# a Chinese "…吗。", an Arabic "هل …".
_QUESTION_WORDED = re.compile(
    r"\b(?:the\s+(?:real\s+|open\s+|big\s+|main\s+|remaining\s+)?question\s+is\s+(?:whether|if|how|what|who|when)|I\s+wonder\s+(?:whether|if)"
    r"|(?:frage|fragen)\s+(?:ich\s+|wir\s+)?(?:mich|uns),?\s+ob|die\s+frage\s+ist,?\s+ob|je\s+me\s+demande\s+si|la\s+question\s+(?:c'est|est)\s+(?:de\s+savoir\s+)?si"
    r"|me\s+pregunto\s+si|la\s+pregunta\s+es\s+si|(?:eu\s+)?me\s+pergunto\s+se|a\s+pergunta\s+é\s+se"
    r"|need\s+to\s+know\s+(?:whether|if)|besoin\s+de\s+savoir\s+si|(?:muss|müssen)\s+wissen,?\s+ob|necesito\s+saber\s+si|preciso\s+saber\s+se"
    # doubt said as a statement: "also not sure if we need the role picker at all", "unklar, ob …", "open question: …"
    r"|not\s+sure\s+(?:yet\s+)?(?:if|whether)\s+we\b|unclear\s+(?:yet\s+)?(?:if|whether)\b|open\s+question\s*:"
    r"|nicht\s+sicher,?\s+ob\s+wir\b|unklar,?\s+ob\b|offene\s+frage\s*:|question\s+ouverte\s*:|pregunta\s+abierta\s*:|pergunta\s+em\s+aberto\s*:)\b"
    r"|(?:吗|呢)[。.]?\s*$|^\W*هل\s", re.I)
# "Sam, your call on EU hosting": the choice handed to someone by name, so their answer decides, it is no task taken
_HEADED = re.compile(r"")  # the empty marker of a sentence under a decision header
_HANDS_CALL = re.compile(r"\byour\s+call\b|\bup\s+to\s+you\b|\byou\s+(?:decide|make\s+the\s+call)\b|\bdeine\s+entscheidung\b"
                         r"|\bdu\s+entscheidest\b|\bà\s+(?:toi|vous)\s+de\s+(?:voir|décider|trancher)\b|\bdecides\s+tú\b"
                         r"|\b(?:você|tu)\s+decides?\b|\bdecidi\s+tu\b|\bjij\s+beslist\b", re.I)
_DECIDE = re.compile(r"decid|décid|decis|décis|tranch|entscheid|beslis|beslu|decyd|реш|karar|besl|決め|決定|决定|(?<=再)定|결정|तय|قرر|quyết|chốt|putus|החלט|נחליט|מחליט", re.I)  # a deferral that names the decision itself
def _only_decide(what: str) -> bool:
    """ "we need to decide datadog vs grafana cloud", "wir müssen uns zwischen A und B entscheiden": the choice the
    thread is about, not a task for somebody (the decisions say how it ended)."""
    words = what.split(",")[0].split()  # "…entscheiden, der Vertrag läuft aus": the clause with the verb
    return bool(words) and any(_DECIDE_VERB.fullmatch(w) for w in (words[0], words[-1].rstrip(".!,;")))


_DECIDE_VERB = re.compile(r"decide|choose|pick|entscheiden|festlegen|décider|trancher|choisir|decidir|elegir|escolher|"
                          r"decidere|scegliere|beslissen|kiezen", re.I)


_PLAN = screened(re.compile(r"\b(?:should|will|'ll|would|'d|let'?s|go|use|ship|move|keep|switch|drop|pick|need|must|plan|instead|rather|lead|start|stop)\b", re.I))
# Words that only say "settled" ("Deal.", "Passt.", "Ça marche."): a reply made of them alone settles what came before.
_SETTLE_WORDS = frozenset(
    "agreed deal decided settled then done sold confirmed consensus okay alright right fine great sounds good perfect works "
    "funktioniert funciona serve "
    "passt abgemacht einverstanden gebongt dann also klar geht gut marche entendu accord bon parfait vale hecho trato acuerdo cerrado "
    "listo dale perfecto fechado combinado feito beleza perfeito show bom pode ser fechou está bem".split())
# A task ends where the speaker starts explaining: "handle the dinner, I know a place …".
# … or adds what it is for ("draft the abstract so I can review it") or what not to do (", don't promise anything").
_AFTERTHOUGHT = re.compile(
    r"\s*(?:;|,\s+(?=(?:I|ill\s+do\b|I'm|I've|I'd|we|we're|it|it's|that's|they|but|because|since|as|so|let'?s|don'?t|each|ich|je|yo|eu|es|c'est|das"
    r"|lass\s+uns|aber|mais|pero|mas|vamos|then\s+(?:we|I|they)"  # "run the interviews, then we decide"
    # a reason, a condition or a remark after the task, in each language: "…, senão …", "…, weil …", "…, nessun problema"
    r"|j'|j’|otherwise|he|she|senão|porque|pois|sonst|weil|denn|sinon|parce|car|sino|altrimenti|perché|no\s+es|não\s+é|nessun\s+problema"
    r"|pas\s+de\s+souci|sin\s+problema|sem\s+problema|kein\s+problem|no\s+problem|ele|ela|él|ella|elle|er|lui|wir|noi|nous|a\s+gente)\b)"
    r"|\s+(?:so\s+(?:that\s+)?(?=(?:I|we|you|he|she|they|it)\b)|damit\b|pour\s+qu[e']|afin\s+qu[e']|para\s+que\b)"
    r"|\s+(?:et|y|e|and)\s+(?=(?:on|lo|la|a\s+gente)\s+\w|(?:decidimos|decidiremos|vemos|hablamos|falamos)\b|we\s+(?:decide|pick|choose|talk|discuss)\b)"  # "je leur demande et on en reparle lundi", "hago una encuesta y decidimos el viernes", "… and we decide then": then the team again
    r"|\s+(?:if|unless|wenn|falls)\s+(?=(?:someone|somebody|anyone|you|we|they|he|she|it|jemand|du|ihr|wir)\b)"
    r"|\s+(?:si|se)\s+(?=(?:tu|vous|on|besoin|quieres|queréis|quiere|hace\s+falta|quiser|quiserem|precisar)\b))", re.I)
# "Bo will cut the video, right?": a statement asking for confirmation, read as the statement.
_TAG_QUESTION = re.compile(
    r",\s*(?:right|ok(?:ay)?|correct|yes|no|same\s+as\s+(?:last\s+(?:time|year|week|month|quarter)|before|usual|always)|as\s+(?:usual|always|before)|sounds?\s+good|oder|ne|gell|nicht\s+wahr|non|n'est-ce\s+pas|¿?no|¿?verdad|¿?vale|né|não\s+é|certo)\s*[?？]\s*$", re.I)
# An object pronoun or a demonstrative just before a promise's verb: "lo seguo io", "eso lo miro yo", "je le fais", "isso eu vejo"
_CLITIC_BEFORE = re.compile(r"(?:^|[\s,;:])(?:lo|la|los|las|le|les|l'|lhe|o|a|os|as|ne|eso|esto|isso|isto|ça|cela|das|dies|quello|questo)\s*(?:(?:yo|eu|io|je|ich)\s+)?$", re.I)
_NOT_VERBS = frozenset("on with for to at in of the a an and or is are was as from by via lead owner".split())
_INFINITIVE = re.compile(r"(?:ar|er|ir|re|en|are|ere|ire)$")
# Someone other than the speaker, asked to take on the speaker's task: "can someone else take …?", "jemand anderes"
_SOMEONE_ELSE = re.compile(r"\b(?:some(?:one|body)\s+else|any(?:one|body)\s+else|jemand\s+ander(?:es|s)|quelqu'un\s+d'autre|alguien\s+más"
                           r"|otra\s+persona|outra\s+pessoa|algu[ée]m\s+mais|qualcun\s+altro|qualcuno\s+(?:altro|che\s+mi\s+sostituisca)|iemand\s+anders)\b", re.I)
_MENTION_OPENING = re.compile(r"^(\W*@[^\W\d_][\w.-]*)\s+(?=[^\W\d_])(?![A-Z][a-z]+\s)")  # not "@Marta Kowalska do …"
# A next step put to the thread as advice, which a vague promise right after it takes on: "better to replay them by
# hand" — "I'll take care of it", "mieux vaut les rejouer à la main" — "je m'en occupe"
_SUGGESTED = re.compile(
    r"\b(?:we\s+should|we\s+need\s+to|we'd\s+better|(?:it's\s+|it\s+is\s+|probably\s+)?(?:better|best)\s+to"
    r"|mieux\s+vaut|il\s+faudrait|on\s+devrait|faudrait|lo\s+mejor\s+es|mejor|habría\s+que|deberíamos"
    r"|o\s+melhor\s+é|melhor|deveríamos|wir\s+sollten|sollten\s+wir|am\s+besten|besser)\s+(?P<what>[^.!?]{6,})", re.I)
_LEAD_LABEL = re.compile(r"^\W*([^\W\d_][\w'-]*(?:\s+[\w'-]+){0,2}):\s")  # "newsletter: ok to …?": what it is about
_LABEL = re.compile(r"\W*\w[^.!?:：]{0,30}[:：]\s*")  # a short heading: "Next steps:", "Próximos passos:"
_AFTER_LABEL = re.compile(r"\s*[:：–—-]\s*(?=\w)")  # "Changement : on décale …": the heading's colon
_SCRATCH_THAT = re.compile(r"\s*,\s*(?=\w)")  # "ok scratch that, we'll postpone …": a revision that is a clause of its own
_FIRST_WORDS = r"\b(?:first|zuerst|erst|d'abord|primero|antes|primeiro)\b"
_FIRST = re.compile(_FIRST_WORDS, re.I)  # "we need the numbers first"
_WE_ARE_DOING = re.compile(r"^\W*\w+[,.!]?\s+we'?re\s+\w+ing\b", re.I)  # "ok, we're extending an offer"
_VERB_YES = re.compile(r"\w+\s+(?:sim|s[íi])\W*", re.I)  # the verb asked about, and yes: "consigo sim"
# what someone gives up: "instead of the migration", "statt der Migration", "descarto el scaffold de RN", "dropping the RN scaffold"
_GIVEN_UP = re.compile(r"\b(?:instead\s+of|rather\s+than|(?:an)?statt|au\s+lieu\s+d[eu]|en\s+(?:lugar|vez)\s+de|em\s+vez\s+de|ao\s+invés\s+de"
                       r"|dropping|scrapping|ditching|descart(?:o|amos)|abandon(?:o|amos|ne|nons)|verwerfe|lasse\s+ich\s+fallen)\s+(?P<what>[^.;!?]{2,60})", re.I)
_CONDITION_AFTER_BUT = re.compile(r"\W*(?:il\s+faut|faut|faudra|we(?:'d|\s+will|'ll)?\s+need|need|let'?s|only|make\s+sure|(?:wir\s+)?müssen"
                                  r"|muss|hay\s+que|tenemos\s+que|precisa(?:mos)?|temos\s+que|tem\s+que)\b", re.I)
# putting the talk itself off: "on en reparle à la rétro la semaine prochaine" names a date, not an option
_TALK_AGAIN = re.compile(r"\b(?:revisit|circle\s+back|talk\s+(?:about\s+it\s+)?again|en\s+re?parl|rediscut|retom|volvemos\s+a\s+(?:hablar|verlo)"
                         r"|lo\s+hablamos|voltamos\s+a\s+falar|nochmal\s+(?:drüber\s+|darüber\s+)?(?:reden|sprechen)|(?:reden|sprechen|besprechen)\s+wir)", re.I)
_INSTEAD = re.compile(r"\b(?:stattdessen|instead(?!\s+of)|à\s+la\s+place|en\s+su\s+lugar|em\s+vez\s+disso)\b", re.I)
_AND_THEN = re.compile(r",?\s+(?:and|then|y|e|et|und|dann|luego|então|puis)\s+", re.I)  # joining what it waits for to what follows
_FIRST_END = re.compile(rf"\s*{_FIRST_WORDS}\W*$", re.I)  # said last, it is when, not what
# what was asked, taken by a pronoun: "I'll do that tomorrow", "die nehme ich mit", "je m'en occupe", "yo me encargo de eso"
_POINTS_BACK = re.compile(r"^\W*(?:das|die|den)\b|\b(?:that|this|it|them|das|es|ça|cela|eso|esto|isso|isto|en)\b", re.I)
# What someone sees, right after a "confirmed": "confirmado, tô vendo 504", "confirmed, seeing it too", "bestätigt, sehe ich auch"
_OBSERVED = re.compile(r"\W*(?:(?:i\s+(?:can\s+)?|i'm\s+|we're\s+|also\s+)?(?:see|seeing|getting|reproduced?)\b"
                       r"|(?:tô|to|estou|tamo|estamos)\s+vendo\b|vejo\b|(?:je|on)\s+(?:le\s+|la\s+|les\s+)?voi[st]\b"
                       r"|(?:lo\s+|la\s+)?veo\b|estoy\s+viendo\b|(?:ich\s+)?sehe\b|here\s+too|aqui\s+também|aquí\s+también"
                       r"|chez\s+moi\s+aussi|bei\s+mir\s+auch|\s*,\s*\d+(?:[.,]\d+)?\s*%"  # "confirmed, 12% error rate" (not "let's go with 4%")
                       # or the state it is in: "confirmed, error rate is back to normal", "bestätigt, läuft wieder"
                       r"|[^.!?]{0,40}?\b(?:(?:is|are|'s|looks|seems)\s+(?:back|fixed|gone|normal|stable|green|healthy|resolved|recovered)|back\s+to\s+(?:baseline|normal)|alerts?\s+(?:cleared|gone|resolved)"
                       r"|works\s+(?:again|now)|(?:ist|sind|läuft|laufen)\s+wieder|(?:est|sont)\s+revenus?|fonctionne\s+(?:à\s+nouveau|de\s+nouveau)"
                       r"|vuelve\s+a\s+funcionar|ya\s+funciona|voltou(?:\s+ao\s+normal)?|já\s+funciona"
                       r"|(?:passando|funcionando|rodando|respondendo|pasando|working|passing|flowing)\s+(?:de\s+novo|de\s+nuevo|again))\b"
                       r"|[\s,]+\w+(?:ando|endo|indo)\b)", re.I)  # or what is under way: "feito, reiniciando"
# German advice in the first person: "das Wording vom Untertitel würd ich noch mit Content abstimmen" (not "… würd ich sagen")
_WOULD_I = re.compile(r"(?:^|[,.;:]\s*)(?:nur\s+|aber\s+)?(?P<pre>[^,.;:!?]+?)\s+würd(?:e)?\s+ich\s+(?:noch\s+|eher\s+|auf\s+jeden\s+fall\s+)?"
                      r"(?P<what>(?:\w+\s+)+?(?!sagen\b|meinen\b|denken\b|schätzen\b|tippen\b|behaupten\b|sehen\b)\w+en)\b", re.I)
_WHO_WILL = re.compile(
    r"^\W*(?:(?P<lead>[^\W\d_][\w']*(?:\s+[\w'.]+){0,7})\s*[,，、:：]\s*|(?:and|und|et|y|e)\s+)?"  # "Au fait, qui …", "¿Y quién …", "接口文档还没更新，谁来…"
    r"(?:(?:who|wer|qui|quién|quien|quem|chi|wie)(?:(?:'s|’s|\s+is)(?=\s+\w+ing\b))?\s+(?P<takes>può|potrebbe|vuole|si\s+occupa\s+d[ie]|kan(?!n)|wil|can|could|will|wants\s+to|is\s+going\s+to|kann|könnte|will|übernimmt|macht|kümmert\s+sich\s+um|"
    r"peut|pourrait|veut|s'occupe\s+d[eu']?|fait|puede|podría|quiere|se\s+encarga\s+de|hace|pode|poderia|quer|cuida\s+d[eoa]s?|faz)?\s*"
    r"(?!(?:is|are|was|were|ist|sind|war|est|es|está|é|è|knows|weiß|sait|sabe|has|have|hat|habt|a|tiene|tem)\b)(?P<what>[^?？]{6,})"  # "Wer ist heute IC?" asks who someone is, "wer hat noch zeit?" who is free
    r"|谁(?:来|能|可以|负责|去)(?P<what2>[^?？]{2,})|(?:誰|だれ)が(?P<what3>[^?？]{2,}?)(?:しますか|やりますか|ますか)|कौन\s+(?P<what4>[^?]{4,}?)\s+(?:करेगा|करेगी|करेंगे)"
    r"|و?(?:من|مين)\s+(?:راح\s+|رح\s+|سوف\s+|س)?(?=ي)(?P<what5>[^؟?]{4,}))[?？؟]", re.I)
# "and the migration guide?" after a who-question: who takes the same work on this
_AND_THE = re.compile(r"^\W*(?:and|und|et|y|e)\s+(?P<what>(?:the|die|der|das|den|le|la|les|l'|el|los|las|o|a|os|as)\s*[^?？]{2,50}?)"
                      r"\s*[?？]\s*$", re.I)
_DOING = re.compile(r"(\w+ing)\b")  # the "-ing" verb a "who's … ?" starts with
_DONE = re.compile(r"^\W*(?:[\w.-]+(?:\s+[\w.-]+)?\s+(?:ist\s+)?(?:durch\s*(?:[,.!;]|$)|raus\b)|[\w.-]+(?:\s+[\w.-]+)?\s+(?:está\s+|tá\s+)?(?:lista|listo|pronta|pronto|feita|feito)\s*(?:[,.!;]|$)|(?:(?:already|just|all)\s+)?(?:done|fixed|shipped|merged|deployed|sent|erledigt|fertig|gemacht|fait|c'est\s+fait|terminé|hecho|listo|enviado|feito|pronto|enviei)\b"
                   r"|已经?(?:完成|搞定|发|回滚|修复|提交|审批)|搞定|完了しました|終わりました|済みです|हो\s+गया|कर\s+दिया|تم(?=\s|[.!،]|$)|انتهيت)", re.I)
# A report that something is finished, anywhere in a message ("Cert uploaded", "marketing paused the campaign").
_ALSO = re.compile(r"\b(?:also|too|as\s+well|auch|außerdem|aussi|également|también|además|também)\b", re.I)
_COMPLETED = re.compile(
    r"\b(?:done|fixed|shipped|merged|deployed|sent|posted|uploaded|submitted|paused|published|booked|filed|told|finished|completed|resolved"
    r"|updated|added|created|scheduled|flushed|reverted|rolled\s+back|disabled|re-?enabled|aktualisiert|angelegt|erstellt|mis\s+à\s+jour|ajouté|créé"
    r"|actualizado|añadido|creado|atualizado|adicionado|criado"
    r"|refunded|ordered|restarted|renewed|revoked|cancell?ed|notified|replied|emailed|migrated"
    r"|marcad[oa]|agendad[oa]|programad[oa]|reservada|enviada|creada|criada|hecha|feita|envoyée|réservée|créée|planifiée|calée|eingeplant"
    r"|erledigt|fertig|geschickt|verschickt|gebucht|hochgeladen|behoben|abgeschlossen|envoyé|réservé|corrigé|publié|terminé"
    r"|enviado|reservado|arreglado|publicado|terminado|subido|corrigido|concluído)\b"
    # after its object, at the end of a clause ("status page updated", "PO signed."), not before a noun ("updated numbers")
    r"|\b(?:updated|approved|signed|created|added|removed|scheduled|announced|released|enabled|disabled|drafted|mergead[oa])(?=\s*(?:[.!,;:]|$|\s+and\b))"
    r"|已经?(?:完成|发|回滚|修复|提交|上线|审批)|(?:完了|送信|予約|修正)しました|(?:भेज|कर|बना)\s+(?:दिया|दी|दिए)|(?:أرسلت|أنهيت|انتهيت)", re.I)
# A task that is a look at something: done once its owner reports what they found ("proxy looks healthy", "achei.").
_LOOK = re.compile(r"^(?:(?:take|have)\s+a\s+look|look(?:\s+into|\s+at)?|check|investigate|dig\s+into|regarder|jeter\s+un\s+(?:œil|oeil)|mirar|echar\s+un\s+vistazo"
                   r"|dar\s+uma\s+olhada|olhar)\b|\b(?:anschauen|ansehen|nachsehen|reinschauen)$", re.I)
# A task that moves an earlier one ("move the email …", "déplacer la réservation …").
_MOVED = re.compile(r"^(?:move|reschedule|postpone|push|shift|verschieben|\w+verschieben|déplacer|décaler|reporter|mover|cambiar|reprogramar|aplazar|mudar|remarcar|adiar)\b", re.I)
_NOT_YET = re.compile(r"\b(?:will|'ll|can|could|going\s+to|gonna|should|need|once|when|wird|werde|kann|sobald|wenn|vais|va|peux|quand|voy|vamos|puedo|cuando|vou|vai|posso|quando)\b", re.I)
_INNER_CAPITAL = re.compile(r"(?<=[\w,;:] )([A-Z][a-z]+)\b")
_DIGIT = re.compile(r"\d")
_COURTESY = frozenset("thanks thank thx cheers everyone all team guys folks danke euch merci tous gracias todos obrigado obrigada valeu".split())
_APPROVAL = re.compile(r"\b(?:approved|lgtm|freigegeben|genehmigt|approuvé|validé|aprobado|aprovado)\b", re.I)
_REVIEW_ASKED = re.compile(r"\b(?:PR|MR|pull\s+request|merge\s+request|review(?:ing|er)?|diff)\b|#\d+", re.I)
_WE_PLAN = re.compile(r"\b(?:we|we'll|we're)\s+(?!(?:are|were|have|had|did|do|don'?t|can'?t|know|think|need|saw|see)\b)\w+", re.I)
# "so windows users would break if we change it": what would happen, not what was settled
# "doing that", "let's go with it": a conclusion that points at the answer before it instead of naming it
_POINTER = re.compile(r"^\W*(?:(?:let'?s|we'?ll)\s+)?(?:do(?:ing)?|go(?:ing)?\s+with)\s+(?:that|this|it)\b(?:\s+then\b)?[\s,;:.!-]*",
                      re.I)


def _pointed(statement: Sentence, asked: Sentence, replies: list[Message]) -> Sentence:
    """ "ok doing that, 30 days retention from now on" after "clean snapshots, we keep 90 days for no reason": the
    decision names the option the latest answer chose ("Clean snapshots, 30 days retention …"), not "Doing that"."""
    pointer = _POINTER.match(statement.text)
    if pointer is None:
        return statement
    choice = _option_words(asked.text)
    named = next((head for m in reversed(replies)
                  if _option_words(head := re.split(r"[,;.!?]", m.text.strip(), maxsplit=1)[0].strip()) & choice), None)
    if not named:
        return statement
    rest = statement.text[pointer.end():].strip()
    return replace(statement, text=named[:1].upper() + named[1:] + (f", {rest}" if rest else ""))


_HYPOTHETICAL = re.compile(r"\b(?:would|würde|würden|serait|seraient|sería|seria)\b.*\b(?:if|wenn|falls|si|se)\b|\b(?:if|wenn|falls|si)\b.*\b(?:would|würde|würden|serait|sería|seria)\b", re.I)
# "…ことにします。助言ありがとうございます。", "ça marche nickel, merci Élodie": thanks, not a decision
_GRATITUDE = re.compile(r"ありがとう|感謝|谢谢|多谢|धन्यवाद|شكرا|\b(?:thanks|thank\s+you|thx|merci|danke|gracias|obrigad[oa]|valeu|grazie)\b", re.I)
_THANKS = re.compile(r"^\W*(?:thanks|thank\s+you|thx|ty\b|got\s+it|makes\s+sense|perfect|great|danke|merci|gracias|obrigad[oa]|valeu)", re.I)
_AND_NAME_WILL = screened(re.compile(r",?\s+(?:and|und|et|y|e)\s+(?=@?[^\W\d_][\w.-]*\s+(?:will|'ll|kümmert|übernimmt|s'occupe|se\s+encarga|cuida|fica)\b)", re.I))
# Turning a request down: an opening ("sorry", "no"), or saying it cannot be done anywhere in the reply
# ("Esta semana imposible", "Essa semana não dá", "नहीं कर पाऊँगा", "来週は出張なので難しいです").
_DECLINE = re.compile(
    r"^\W*(?:no\b|sorry|can'?t|cannot|won'?t|not\s+me|(?:ne|nee|nö|nein)\b[,!.]?\s*(?:sorry|sry|leider|sorgy)|leider\s+nicht|kann\s+nicht|désolé|je\s+ne\s+peux\s+pas|no\s+puedo|não\s+posso"
    r"|すみません|申し訳|抱歉|不好意思|माफ़|माफ|آسف|للأسف)"
    r"|\b(?:can'?t|cannot|won'?t\s+(?:be\s+able|have\s+time)|not\s+able\s+to|I'?d\s+rather\s+not|I'?d\s+prefer\s+not|lieber\s+nicht|plutôt\s+pas|prefiero\s+no|prefiro\s+não|no\s+bandwidth|swamped|(?:I'?m\s+)?(?:ooo|out\s+of\s+office|on\s+(?:leave|vacation|holiday|pto))|kann\s+ich\s+nicht|schaffe\s+ich\s+nicht|pas\s+possible|impossible"
    r"|imposible|no\s+(?:puedo|me\s+da\s+tiempo|llego)|não\s+(?:dá|posso|consigo|vou\s+conseguir)|nicht\s+hin|non\s+(?:posso|riesco|ce\s+la\s+faccio))\b"
    r"|難しいです|無理です|できません|没空|没时间|不行|做不了|नहीं\s+कर\s+(?:पाऊँगा|पाऊँगी|पाऊंगा|पाऊंगी|सकता|सकती)|(?:لا|لن)\s+(?:أستطيع|يمكنني)", re.I)
_STOP = frozenset(
    "a an the and or but to of in on at for with is are was were be it this that we you i they he she will would can "
    "could should have has had do does did not no yes what when where who why how let's lets let us our my your me "
    "them their then so if as by from up out just also please ok okay sure all any some more".split()) | frozenset(
    # German, French, Spanish, Portuguese and Italian function words: "das", "und", "pour", "que", "não" carry no subject
    "der die das den dem des ein eine einen einem einer und oder aber auch noch nicht nur schon dann also doch mal ja "
    "ist sind war hat haben wird werden kann können muss soll ich du er sie wir ihr es mich mir dich uns euch sich "
    "mit von für auf aus bei bis nach über unter vor zum zur im am um wie was wer wo wenn dass weil da so hier "
    "le la les un une des du de et ou mais donc car ni que qui quoi est sont était été être avoir ont pas plus "
    "je tu il elle nous vous ils elles on me te se ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur "
    "dans pour par sur avec sans sous chez aux au en y ne ça cela ici là bien très tout tous toute "
    "el los las una unos unas del al y o pero sino es son fue era está están ser estar hay "
    "yo él ella nosotros vosotros ellos ellas mi mis tu tus su sus nos os lo le les con por para sin sobre entre "
    "hasta desde muy más ya sí también eso esto ese esa este esta aquí "
    "os as um uma uns umas do da dos das no na nos nas ao aos e ou mas é são foi era está estão ser estar tem têm "
    "eu ele ela nós vocês eles elas meu minha seu sua com por para sem sobre até desde muito mais já sim também "
    "isso isto esse essa este esta aqui não pra pro "
    "il lo gli i una di del della e o ma che è sono non per con su da si ci anche "
    "entonces alors então donc dann "
    # Hebrew, Vietnamese and Indonesian: "של", "mình", "kita" name nobody's subject either
    "של את על עם זה לא כן אני אנחנו הוא היא גם אבל או אז כל יש אין מה מי כי רק עוד כבר "
    "mình chúng không được của cho với này thì các những một rồi nhé nha anh chị tôi bạn "
    "yang dari untuk dengan ini itu kita kami saya aku akan sudah belum tidak juga atau tapi jadi bisa kalau dulu".split())

DONE_WINDOW = 10  # later messages read for the owner reporting a task done
MAX_REPLIES_READ = 6  # later messages read for agreement or acceptance
CARRIED_SENTENCES = 2  # statements after the decisive sentence, in its message, that belong to the decision
SHORT_CONDITION_WORDS = 8  # a reply this short that names a condition is what a deferral after it waits for
CONCLUSION_REACH = 20  # messages back to the choice a conclusion closes
OPTION_WORDS = 8  # at most this many words when the asker names an option without "ok" or "so"
MARKED, SETTLED, AGREED = 2, 1, 0  # a decision said as one; settled by a reply or a conclusion; read from agreement
CONSENSUS_REACH = 6  # later messages read for agreement with a proposal, past a question its proposer answered
ANSWER_WINDOW = 40  # later messages read for an answer to a question
CALL_WORDS = 4  # at most this many words in a bare call for input ("Votez en réaction !") that names no subject


@quick_init
@dataclass(frozen=True)
class Message:
    """One human message, as the detectors read it: prose only (code, links and quoted lines removed)."""

    index: int
    speaker: str
    text: str
    source_id: str
    agreement: int = 0  # agreement reactions from others
    checked: bool = False  # a check mark in what was posted ("Maskierung ist live ✅"), which `text` drops with the emoji

    @once  # read only for a due date ("by Friday"): most messages never need it
    def sent(self) -> datetime | None:
        """When it was sent, from its Slack `ts` (None for other ids)."""
        return message_time(self.source_id)


@quick_init
@dataclass(frozen=True)
class Sentence:
    text: str
    index: int
    speaker: str
    source_id: str

    @once  # asked of each sentence many times over (every later question looks back at it)
    def is_question(self) -> bool:
        return _asks(self.text)


@lru_cache(maxsize=16_384)  # a week repeats its short questions and replies in thread after thread
def _asks(text: str) -> bool:
    """Whether a sentence asks something: it ends as a question, opens with "¿", or is worded as one."""
    return bool(_QUESTION_END.search(text)) or text.lstrip().startswith("¿") or bool(_QUESTION_WORDED.search(text))


@quick_init
@dataclass(frozen=True)
class Found:
    text: str
    source_id: str
    index: int
    owner: str | None = None
    due: str | None = None
    due_date: date | None = None
    agreed_by: tuple[str, ...] = ()
    context: str | None = None  # what a short decision settles ("Thai it is" → "thai place or the pizza one?")
    reactions: int = 0  # agreement reactions on a decision's message
    sentence: str = ""  # the sentence an action item was read from
    proposed: bool = False  # a decision said as a proposal ("Let's go with May 12"), now agreed
    scored: bool = False  # a decision the rules did not read, added by the decision model: listed, never the TL;DR's lead
    closed: bool = False  # the one who put the choice to the thread closed it ("Then we move it to Friday")

    @property
    def said(self) -> str:
        """The text with what it settles, as decisions are compared: "Thai it is (re: “thai or pizza?”)"."""
        return f"{self.text} (re: “{self.context}”)" if self.context else self.text


def decision_line(f: Found) -> str:
    """A decision as a person reads it: "… (re: “…”) (Ken and Ana agreed; 2 agreement reactions)"."""
    support = decision_support(f)
    return f"{f.said} ({support})" if support else f.said


def decision_support(f: Found) -> str:
    """Who agreed with a decision: "Ken and Ana agreed; 2 agreement reactions", "2 agreed by reaction", or ""."""
    support = []
    agreed = [name for name in f.agreed_by if name != f.owner]
    if agreed:
        support.append(f"{names_list(agreed)} agreed")
    if f.reactions:
        support.append(f"{f.reactions} agreed by reaction" if not agreed else
                       f"{f.reactions} agreement reaction{'s' * (f.reactions > 1)}")
    return "; ".join(support)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")  # kana and Han: words without spaces
_HANGUL = re.compile(r"[\uac00-\ud7a3]{2}")  # Korean syllable blocks (Korean puts spaces between words)
_KANA = re.compile(r"[\u3040-\u30ff]")  # only Japanese writes kana


@lru_cache(maxsize=16_384)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased words that carry meaning, for comparing two texts; never shown to anyone. Japanese and
    Chinese have no spaces between words: their text counts as its character pairs ("事故报告" → 事故, 故报, 报告)."""
    low = text.lower()
    if low.isascii():
        return frozenset(w for w in _WORDS.findall(low) if w not in _STOP and (len(w) > 2 or w.isdigit()))
    pairs = {run[i:i + 2] for run in _CJK.findall(low) for i in range(max(1, len(run) - 1))}
    tokens = _WORDS_ANY_SCRIPT.findall(_CJK.sub(" ", low) if pairs else low)
    # a Hangul block is a whole syllable: "연락", "직장" are words of two letters that carry meaning
    return frozenset(w for w in tokens if w not in _STOP and (len(w) > 2 or w.isdigit() or len(w) == 2 and _HANGUL.match(w))) | pairs


@lru_cache(maxsize=16_384)
def word_count(text: str) -> int:
    """Words in `text`, a letter with its marks as one (क्या is one word), Japanese or Chinese text at about two
    characters a word."""
    if text.isascii():
        return len(_WORDS.findall(text))
    runs = _CJK.findall(text)
    return len(_WORDS_ANY_SCRIPT.findall(_CJK.sub(" ", text))) + sum((len(run) + 1) // 2 for run in runs)


_SHORT_OPTION = re.compile(r"\b(?:[A-Z]|\w*(?:\d\d|[^\W\d]\d|\d[^\W\d])\w*)\b")  # "B", "v4", "13", not "1"


@lru_cache(maxsize=16_384)
def _option_words(text: str) -> frozenset[str]:
    """Content words, and the short names options often have: "B", "v1", "13"."""
    return frozenset({w for w in content_words(text) if len(w) > 1} | {w.lower() for w in _SHORT_OPTION.findall(text)})


def _overlap(a: str, b: str) -> float:
    left, right = content_words(a), content_words(b)
    return 2 * len(left & right) / (len(left) + len(right)) if left and right else 0.0


@lru_cache(maxsize=4096)  # each decision is compared with every one kept before it, a week repeats its lines
def _when_words(dates: re.Pattern, text: str) -> frozenset[str]:
    """The days, dates, times and figures a text names (`dates`: the thread's `cues.due[1]`): a revision brings one
    the earlier decision lacked."""
    return frozenset(w.lower() for m in dates.finditer(text) for w in _WORDS.findall(m.group(0))) \
        | frozenset(w for w in _WORDS_ANY_SCRIPT.findall(text.lower()) if _DIGIT.search(w))


@lru_cache(maxsize=None)  # one per language's cues (`cues_for` makes one `Cues` per language)
def _task_cues(cues: Cues) -> Callable[[str, bool], tuple[str, bool, bool, bool]]:
    """How `ThreadReader._action` reads a sentence before it looks at the thread: (its text without a confirming tag
    question, whether it asks, whether it is a bare "me" / "ich", whether any pattern that can give a task matches
    it), remembered per (sentence, `in_list`). Most sentences give no task, and a week meets the same ones in
    thread after thread; when none of the patterns matches, `_action` answers None at once (the same None that
    every branch would reach, since each needs its pattern's match before it reads the thread or notes a request).
    A match here only means "read on": the branches check the rest (who is named, the dictionary, the replies)."""

    def read(raw: str, in_list: bool) -> tuple[str, bool, bool, bool]:
        text = raw.strip()
        question = _asks(raw)
        if tag := _TAG_QUESTION.search(text):
            text, question = text[:tag.start()], False
        if _ME_ALONE.match(text) or _ME_FIRST.match(text):
            return text, question, True, True
        bare = text.rstrip(" ?？")
        addressed = _MENTION_OPENING.sub(r"\1, ", text, count=1) if "@" in text else text
        cued = any(p.match(t) for p in (_LISTED, _LISTED_AFTER, _PAREN_OWNER, _MENTION_DUE, _BULLET_MENTION) for t in (text, bare)) \
            or any(p.search(addressed) for p in cues.request) \
            or question and bool(_ELLIPTIC.match(text) or _NAMED_TOPIC.match(addressed) or _ASKED_YOU.match(text)
                                 or _SHALL_I.match(text)) \
            or not question and any(p.search(text) for p in (*cues.assign, *cues.commit)) \
            or in_list and not question and bool(_NAMED_PART.match(text)) \
            or any(p.search(text) for p in cues.unassigned)
        return text, question, False, bool(cued)

    return lru_cache(maxsize=16_384)(read)


@lru_cache(maxsize=None)  # one per language's cues
def _reported(cues: Cues) -> Callable[[str], tuple[str, bool]]:
    """A decision's text as `ThreadReader._as_reported` reads it before naming anyone: (its outcome clause, whether it
    was said as a proposal, "Let's …", in English), remembered per text: both depend on the text and the cues alone,
    and a week's decisions repeat their wording."""

    def read(text: str) -> tuple[str, bool]:
        proposed = cues.lang == "en" and bool(_LETS_FIRST.match(_THEN_FIRST.sub("", cues.conclude.sub("", text, count=1))))
        return _outcome(cues, text), proposed

    return lru_cache(maxsize=16_384)(read)


def _outcome(cues: Cues, text: str) -> str:
    """The outcome clause a person would note, without the talk around it: "Agreed, fail over now" → "fail over
    now", "Unanimous then: we're making Priya an offer" → "we're making Priya an offer", "Let's do all three
    onsites Wednesday then" → "Do all three onsites Wednesday", "Acme gets the contract since they …" → "Acme
    gets the contract". Each cut is kept only when two content words remain."""
    def enough(rest: str) -> bool:
        return len(content_words(rest)) >= 2

    out = text.strip()
    for _ in range(3):  # "OK, unanimous then: …", "ठीक है, तय हुआ: …"
        label = _OUTCOME_LABEL.match(out)
        if label and (cues.decided.search(label.group(1) + ": x") or cues.settles.search(label.group(1) + ": x")
                      or cues.conclude.fullmatch(label.group(1)) or cues.proposal.fullmatch(label.group(1) + ":")) \
                and enough(out[label.end():]):  # "Proposal: we drop IE11", agreed: "we drop IE11"
            out = out[label.end():]
            continue
        out = _HESITATION.sub("", out, count=1) or out  # "hmm ok, keeping it …": the opener after the hesitation
        opener = cues.conclude.match(out) or cues.agree.match(out) or _THEN_FIRST.match(out)
        if not opener or not opener.end():
            break
        end = _OPENER_END.match(out, opener.end())
        # the cue took its comma along ("Ok, " + "moving …"), or chat leaves it out ("ok moving forward with an offer")
        ended = end or _ENDS_OPENER.search(opener.group()) or _BARE_OK.fullmatch(opener.group())
        rest = out[end.end() if end else opener.end():]
        if not (ended or _THEN_FIRST.match(out)) or not enough(rest) or cues.contrast.match(rest):
            break  # "Yes, but only after …" keeps its "yes"
        out = rest
    if cues.lang == "en" and (lets := _LETS_FIRST.match(out)) and enough(lets.group(1)):
        out = lets.group(1)
    reason = _DECISION_REASON.search(out)
    if reason and reason.start() and enough(out[:reason.start()]):
        out = out[:reason.start()]
    out = _THEN_LAST.sub("", out).strip(" ,;:-–—") or text
    cut = out != text.strip()  # "ok on lui fait une offre … alors" → "On lui fait une offre …", a line of its own
    return out[:1].upper() + out[1:] if out[:1].islower() and (text[:1].isupper() or cut) else out


class ThreadReader:
    """Reads one thread's messages with one language's cues: `decisions()`, `action_items()`, `open_questions()`."""

    def __init__(self, messages: list[Message], sentences: list[Sentence], people: dict[str, str], cues: Cues) -> None:
        self.messages = messages
        self.sentences = sentences
        self.people = people  # lower-cased name or first name → display name
        self.cues = cues
        self.english = cues.lang == "en"
        self._task_cues = _task_cues(cues)  # what the rules remember of texts in this language (see both)
        self._reported = _reported(cues)
        self.by_message: dict[int, list[Sentence]] = {}
        self.tasked: set[str] = set()  # sentences read as a task, so never also as an open question
        self.assigned: set[int] = set()  # messages asking someone by name to do a task ("Ivy, could you do it?")
        self._promise_cache: dict[str, bool] = {}
        self._resolved: dict[str, str | None] = {}
        self._seeking_cache: dict[Sentence, bool] = {}
        self._proper: frozenset[str] | None = None
        self.parked = False  # set by decisions(): the thread's question was put off ("revisit", "need numbers first")
        self.replaced: set[int] = set()  # set by decisions(): messages whose decision a later change of plan replaced
        self._by_speaker: dict[str, tuple[list[int], list[Sentence]]] = {}  # each person's sentences, in order
        for sentence in sentences:
            self.by_message.setdefault(sentence.index, []).append(sentence)
            at, said = self._by_speaker.setdefault(sentence.speaker, ([], []))
            at.append(sentence.index)
            said.append(sentence)

    @property
    def _alone(self) -> bool:
        """One person wrote the whole thread (a lead thinking aloud, or someone trying the bot in a channel alone):
        nobody else can answer, so their own later words close what they asked."""
        return len(self._by_speaker) == 1

    # ---- names and dates ----------------------------------------------------------------------------

    def resolve(self, name: str) -> str | None:
        """A participant's display name from a mention, a first name or a lower-cased name; None if nobody."""
        key = _name_key(name)
        if key in self.people:
            return self.people[key]
        if key not in self._resolved:  # every word that starts a clause is tried as a name: remember the answer
            matches = {display for low, display in self.people.items() if low.split()[0] == key}
            if not matches and not key.isascii() and len(sound := _consonants(key)) >= 2:  # "अमित", "كريم" for Amit, Karim
                matches = {display for low, display in self.people.items() if low.isascii() and _consonants(low.split()[0]) == sound}
            if not matches and key.isascii() and len(key) >= 3 and key not in _STOP:
                # "lucia" for Lucía, "tomas" for Tomás (not a nickname by its start: "Poll:" is no "Polly")
                matches = {display for low, display in self.people.items() if _folded(low.split()[0]) == key}
            if not matches and self.cues.lang in _ADDRESS_FORMS and len(key) >= 3:
                # a name said to its owner ("Aniu", "Tomku" for Ania, Tomek; "Саш" for Саша): the same stem or consonants
                sound = _consonants(key)
                matches = {display for low, display in self.people.items()
                           if abs(len(first := low.split()[0]) - len(key)) <= 1 and (first.startswith(key[:-1] if len(key) > 3 else key)
                                                                                   or len(sound) >= 2 and _consonants(first) == sound)}
            self._resolved[key] = matches.pop() if len(matches) == 1 else None
        return self._resolved[key]

    def _lower_first(self, text: str) -> str:
        """"Review the PR" → "review the PR" after "Ken will"; a name or an acronym first keeps its case."""
        first = text.split(" ", 1)[0]
        if not self.english or self.resolve(first) or first != first.capitalize() or first.lower() in self.proper:
            return text
        return text[:1].lower() + text[1:]

    @property
    def proper(self) -> frozenset[str]:
        """Words written capitalised inside a sentence somewhere in the thread: names and places, not verbs."""
        if self._proper is None:
            self._proper = frozenset(w for m in self.messages for w in _inner_capitals(m.text))
        return self._proper

    def due(self, text: str, sent: datetime | None) -> tuple[str | None, date | None]:
        lead, bare = self.cues.due
        match = lead.search(text) or bare.search(text)
        if not match or _in_range(text, match, bare):
            return None, None
        written = next(g for g in match.groups() if g).strip()
        return written, resolve_due(written, sent)

    # ---- decisions ----------------------------------------------------------------------------------

    def _agreement(self, index: int, speaker: str) -> tuple[list[str], bool]:
        """Who agreed with message `index` in the replies right after it; True when someone objected first."""
        agreed: list[str] = []
        for m in self.messages[index + 1:index + 1 + 4]:
            if m.speaker == speaker:
                if _QUESTION_END.search(m.text) or self._asks_task(m.text):
                    break  # they asked something new: "@markus kannst du …?" — "ja mach ich" answers that
                continue
            if self.cues.disagree.search(m.text) and not self.cues.agree.search(m.text):
                return agreed, not agreed
            if _ACKNOWLEDGED_THEN_ASKED.search(m.text) or self.by_message[m.index][0].is_question \
                    and self.cues.proposal.search(self.by_message[m.index][0].text):
                break  # "ok, how many jobs are we talking about?": a question about it; "bora fazer quinta às 15h então?": another plan
            if self.cues.agree.search(m.text) or self.cues.settles.search(m.text):
                agreed.append(m.speaker)
                continue
            if _QUESTION_END.search(m.text) or self._asks_task(m.text):
                break  # moves on to something else; a "yes" after "I'll IC. Dev, can you …" answers that request
        return list(dict.fromkeys(agreed)), False

    def _answered_by_proposer(self, s: Sentence) -> bool:
        """A question about someone's earlier proposal that they answer first, not agreeing ("Proposal: we drop IE11."
        — "What about the two enterprise customers?" — "They are on Edge already."): a concern met, not a proposal."""
        reply = self._first_other(s, within=3)
        return reply is not None and not (self.cues.agree.search(reply.text) or self.cues.settles.search(reply.text)) \
            and any(x.speaker == reply.speaker and self.cues.proposal.search(x.text) and not x.is_question
                    for x in self._sentences_before(s.index, 3))

    def _consensus(self, s: Sentence) -> list[str]:
        """Those who agree with a proposal later on, after a question about it that its proposer answered ("Proposal:
        we drop IE11." — "What about the two enterprise accounts?" — "They're on Edge already." — "+1" — "sounds good"):
        bare agreements by others within CONSENSUS_REACH messages. A question left unanswered by the proposer, an
        objection or another proposal ends the reading."""
        agreed: list[str] = []
        pending = False  # a question to the proposer not answered yet
        for m in self.messages[s.index + 1:s.index + 1 + CONSENSUS_REACH]:
            own = self.by_message.get(m.index, ())
            if not own:
                continue
            if m.speaker == s.speaker:
                if own[0].is_question or self.cues.revision.search(m.text):
                    break
                pending = False  # the proposer answers
                continue
            if pending or self._objects(m.text) or self.cues.contrast.search(m.text) or self.cues.defer.search(m.text):
                break
            if self._bare_agreement(own[0]):
                agreed.append(m.speaker)
            elif any(x.is_question for x in own):
                if agreed:
                    break
                pending = True
            elif self.cues.proposal.search(m.text) or self._asks_task(m.text):
                break
        return list(dict.fromkeys(agreed))

    def _choice_answered(self, s: Sentence) -> Found | None:
        """ "Newsletter or just the changelog?" — "Both.": a choice put to the thread, answered right after."""
        if s.index == 0 or s != self.by_message[s.index][0]:
            return None
        asked = next((x for x in reversed(self.by_message.get(s.index - 1, ())) if x.is_question), None)
        if asked is None or asked.speaker == s.speaker or not self.cues.alternative.search(asked.text) or _word_total(s.text) > 12:
            return None
        if self.cues.factual.search(asked.text) or self.cues.factual.search(self._message_text(asked.index)):
            return None  # "… or does the notice cover it?" asks what is true; its answer is information, not a choice
        if self.cues.not_known.search(s.text) or self.cues.disagree.search(s.text) and not self.cues.alternative.search(s.text):
            return None
        if self._contested(s, asked) or _word_total(s.text) > 3 and not _option_words(s.text) & _option_words(asked.text):
            return None  # one voice among several, or an answer naming none of the options
        return Found(s.text.strip().rstrip("!. "), s.source_id, s.index, owner=s.speaker, context=asked.text.strip())

    def _contested(self, s: Sentence, asked: Sentence) -> bool:
        """One voice among several: a third person takes up the same choice right after without agreeing
        ("Kochkurs!" — "Kochkurs ist für die Veganer schwierig"), or the asker objects."""
        options = _stems(asked.text)
        for m in self.messages[s.index + 1:s.index + 1 + 3]:
            if m.speaker == s.speaker:
                continue
            if self.cues.agree.search(m.text) or self.cues.settles.search(m.text):
                return False
            if m.speaker == asked.speaker:
                return self._objects(m.text)
            if options & _stems(m.text) and not self.by_message[m.index][0].is_question:  # not a new question
                return True
        return False

    def _last_sentence(self, index: int) -> str:
        """The message's last sentence, not counting a call for reactions after it ("React if you're ok with it.")."""
        own = self.by_message[index]
        kept = [x for x in own if not self.cues.react_call.search(x.text)] or own
        return kept[-1].text

    def _promises_really(self, text: str) -> bool:
        """A promise whose first-person verb is a verb ("Refatoração das notificações fica pra sprint 35" reads
        "Refatoração" as one, the dictionary says it is not)."""
        return self._promises(text) and any(self._own_task(m) is not None for p in self.cues.commit
                                            for m in p.finditer(text))

    def _promises(self, text: str) -> bool:
        if text not in self._promise_cache:
            self._promise_cache[text] = any(p.search(text) for p in self.cues.commit)
        return self._promise_cache[text]

    def _endorsed_by(self, index: int, speaker: str) -> list[str]:
        """Others who endorse a statement in the very next replies ("works for me", "+1"), none objecting."""
        endorsed: list[str] = []
        for m in self.messages[index + 1:index + 1 + 3]:
            if m.speaker == speaker:
                break
            if len(content_words(self.cues.endorse.sub(" ", m.text))) >= 2:
                break  # "Agreed, March 31": a decision of its own, not an endorsement
            if self.cues.endorse.search(m.text) and not self.cues.disagree.search(m.text):
                endorsed.append(m.speaker)
            else:
                break
        return list(dict.fromkeys(endorsed))

    def _acknowledged(self, s: Sentence) -> list[str]:
        """Those who acknowledge an announced rule in the first replies ("ok", "noted", "👍", "makes sense"),
        every reply an acknowledgement and none an objection."""
        replies = [m for m in self.messages[s.index + 1:s.index + 1 + 2] if m.speaker != s.speaker]
        if not replies or any(self._objects(m.text) or not (self.cues.endorse.search(m.text) or self.cues.agree.search(m.text)
                                                              or self.cues.accept.search(m.text)) for m in replies):
            return []
        return list(dict.fromkeys(m.speaker for m in replies))

    def _decision_text(self, s: Sentence) -> tuple[str, str | None]:
        """The decisive sentence, and for a short one ("Thai it is") what it settles, from the message it answers."""
        text = self._unheaded(" ".join(x.text.strip() for x in (s, *self._carried_on(s))).rstrip("!. "))
        text = _LEADING_CLAUSE.sub("", text, count=1) or text  # "After going through the quotes, Acme gets …"
        if (cut := self._before_promise(self._before_vocative(text))) != text:
            text, s = cut, replace(s, text=cut)  # what it settles is found from the decision's words alone
        return text, self._context(s) if len(content_words(text)) < 4 else None

    def _before_vocative(self, text: str) -> str:
        """ "ok dann go 🚀 sabine, den bug bitte ins nächste sprint": the decision ends where its speaker turns to
        someone by name (the emoji that marked the turn is gone from the text)."""
        for m in _NAMED_MIDWAY.finditer(text) if "," in text or ":" in text else ():
            if m.group(1).lower() in self.people and (content_words(text[:m.start()]) or _GO_SAID.search(text[:m.start()])):
                return text[:m.start()].rstrip(" ,;:")
        return text

    def _before_promise(self, text: str) -> str:
        """ "bon on décale à mercredi 14h, je mets à jour l'invit": the decision ends at the comma before its
        speaker's promise, which is an action item of its own."""
        if "," not in text:
            return text  # the cut is at a comma
        promise = next((m for p in self.cues.commit if (m := p.search(text)) and m.start() > 0), None)
        cut = text.rfind(",", 0, promise.start() + 2) if promise else -1
        return text[:cut].rstrip() if cut > 0 and len(content_words(text[:cut])) >= 2 else text

    def _gives_way(self, s: Sentence) -> bool:
        """ "let's shut it down end of month" … "wait, the load tests use it" — "hmm ok, keeping it until we move the
        load tests": the one who decided takes the objection just made and says the new plan (a revision). The
        giving way may be a sentence of its own, or the plan may say it replaces the old one ("ah ok. lets do 10:00
        instead then")."""
        if s.index == 0:
            return False
        if not _GIVES_WAY.match(s.text) or len(content_words(_GIVES_WAY.sub("", s.text))) < 2:
            own = self.by_message[s.index]
            k = own.index(s) if s in own else 0  # `s` may be the settling part of a sentence
            before = own[k - 1].text if k else ""
            plan = self.cues.proposal.search(s.text) or self.cues.announce.match(s.text) or self.cues.decided.search(s.text)
            if len(content_words(s.text)) < 2 or not (_INSTEAD.search(s.text) or plan and before and _GIVES_WAY.match(before)
                                                      and not _GIVES_WAY.sub("", before).strip(" .,!")):
                return False  # "hmm fair. kev says the quote came back at 3x": a report, no new plan
        objection = self.messages[s.index - 1]
        return objection.speaker != s.speaker and self._objects(objection.text) and any(
            m.speaker == s.speaker and (self.cues.proposal.search(m.text) or self.cues.decided.search(m.text))
            for m in self.messages[max(0, s.index - 5):s.index - 1])

    def _unheaded(self, text: str) -> str:
        """ "Revised: launch moves to May 12" reads "Launch moves to May 12": the heading says that a plan changed,
        the rest says to what."""
        revised = self.cues.revision.match(text)
        if revised is None:
            return text
        label = revised if revised.group().rstrip().endswith((":", "：")) else _AFTER_LABEL.match(text, revised.end())
        if label is None and revised.group().lower().endswith("that"):
            label = _SCRATCH_THAT.match(text, revised.end())
        if label is None or label.end() >= len(text):
            return text
        return text[label.end()].upper() + text[label.end() + 1:]

    def _carried_on(self, s: Sentence) -> list[Sentence]:
        """The statements that follow the decisive one in its message and say what it settles ("SCIM is unanimous.
        … So Q2 = SCIM + Slack app v2."), up to the first question, promise or task."""
        own = self.by_message.get(s.index, [])
        after = own[own.index(s) + 1:] if s in own else []
        out: list[Sentence] = []
        for x in after[:CARRIED_SENTENCES]:
            if x.is_question or _ADDRESSED.match(x.text) or self._promises_really(x.text) or _DONE.search(x.text) or self.cues.defer.search(x.text) \
                    or _THANKS.search(x.text) or _GRATITUDE.search(x.text) or self.cues.react_call.search(x.text) or any(
                    p.search(x.text) for p in (*self.cues.request, *self.cues.assign, *self.cues.unassigned)):
                break
            out.append(x)
        return out

    def _context(self, s: Sentence) -> str | None:
        """The sentence a short decision most likely settles: the numbered option it picks ("Going with the second
        one"); else, among the opening message and the few before it, the one sharing most words with it (a
        question or a list of options first, and one that puts the option forward before a "+1 for billing" that
        only backs it), else the previous one."""
        if (listed := self._listed_option(s)) is not None:
            return listed
        window = sorted({m.index for m in self.messages[max(0, s.index - 4):s.index] if m.speaker != s.speaker} | {0})
        candidates = [c for k in window if k < s.index for c in self.by_message.get(k, ())]
        # "nope", "none": a bare reply says nothing of what was settled, unless it names the option ("B for me too")
        options = _option_words(s.text)
        candidates = [c for c in candidates if len(content_words(c.text)) >= 2 or options & _option_words(c.text)] \
            or candidates
        if not candidates:
            return None
        words = content_words(s.text)
        numbered = bool(_DIGIT.search(s.text))  # "Let's say 40%" settles the figure first put forward

        def rank(c: Sentence) -> tuple:
            figure = numbered and bool(_DIGIT.search(c.text))
            backs = bool(self.cues.agree.search(c.text) or self.cues.endorse.search(c.text))
            choice = c.is_question or " or " in c.text or bool(_GO_NO_GO.search(c.text))
            shared = len(words & content_words(c.text))
            # sharing no word, it settles the thread's subject ("debrief for laura" … "ok so hire?"), not a remark
            return (shared, figure, choice, not backs, not shared and c.index == 0, c.index)

        return self._clipped_choice(max(candidates, key=rank))

    def _listed_option(self, s: Sentence) -> str | None:
        """ "Going with the second one." after "Options: 1) stay on Elastic, 2) self-hosted Loki, 3) Datadog": the
        option it names by its place in the latest numbered list, with what the list is about."""
        ordinal = _ORDINAL.search(s.text)
        if ordinal is None:
            return None
        place = next(int(group[-1]) for group, value in ordinal.groupdict().items() if value) \
            if ordinal.group("d") is None else int(ordinal.group("d"))
        for m in reversed(self.messages[max(0, s.index - CONCLUSION_REACH):s.index]):
            marks = list(_NUMBERED.finditer(m.text))
            if len(marks) < 2 or [int(x.group(1)) for x in marks] != list(range(1, len(marks) + 1)) or place > len(marks):
                continue
            mark = marks[place - 1]
            end = marks[place].start() if place < len(marks) else len(m.text)
            item = m.text[mark.end():end].strip(" ,;.")
            about = " ".join(m.text[:marks[0].start()].strip(" :").split()[:12])
            return f"{about}: {item}" if about else item
        return None

    def _settled_proposal(self, index: int, speaker: str) -> Message | None:
        """The message a short "Deal." or "Agreed." settles: the last one by someone else just before it."""
        for m in reversed(self.messages[max(0, index - 3):index]):
            if m.speaker == speaker or len(content_words(m.text)) < 2:
                continue
            if _THANKS.search(m.text) or self._promises(m.text):
                return None  # "Passt." after thanks or a promise settles nothing new
            asked = self.messages[m.index - 1] if m.index else None
            if asked is not None and asked.speaker == speaker and _HOW_MUCH.search(asked.text):
                # "how many deals would that hit?" — "6, all in early stage" — "ok fine by me then": the asker
                # accepts the proposal they questioned, not the answer
                return next((p for p in reversed(self.messages[max(0, asked.index - 3):asked.index])
                             if p.speaker != speaker and any(self._seeking(x) for x in self.by_message.get(p.index, ()))), None)
            return m
        return None

    def decisions(self) -> tuple[list[Found], bool, str | None]:
        """Final decisions, whether the thread ended undecided, and what it waits for."""
        found: list[tuple[Found, int]] = []  # (decision, how it was said: MARKED, SETTLED or AGREED)
        last_defer: tuple[int, str] | None = None
        waiting: str | None = None
        header = -1  # the message that opened with a decision header
        main_deferred = False  # the thread's own question was parked, not just a side question
        sought = False  # a question or proposal came first: there was something to decide
        for s in self.sentences:
            text, question = s.text, s.is_question
            deferred = self.cues.defer.search(text)
            if deferred and (_CONDITIONAL.search(text[:deferred.start()]) or not question and self.cues.revision.match(text)
                             and deferred.start() > 0 and any(f.owner == s.speaker for f, _ in found)):
                # "if support wants recordings later, we revisit": the plan stands until then; "ok change of plan: we
                # stay on Keycloak for now, revisit Auth0 in Q3": a new plan, and what it puts off is the old one
                deferred = None
            marker = self.cues.decided.search(text)
            if marker and not question and (_DECIDE.search(marker.group()) or marker.group().rstrip().endswith(":")) \
                    and not content_words(text[marker.end():]) and len(content_words(text[:marker.start()])) <= 1 \
                    and s is not self.by_message[s.index][-1]:
                header = s.index  # "Decision time." / "Entscheidung:" alone: what follows in the message is the decision
                continue
            elif not marker and not question and header == s.index and not self.cues.defer.search(text):
                marker = _HEADED.match(text)  # a sentence under the header, said as decided
            # "we'll profile during the close and decide then": a decision put off, whatever else it says; so is one
            # whose last word puts it off ("nehmen wir ins Postmortem auf, besprechen wir dann im Planning")
            # and so is one the deferral says around or inside its marker: "n'est pas encore validé", "not yet
            # approved", "we'll revisit next tuesday"
            decided = bool(marker) and not (deferred and (_DECIDE.search(deferred.group()) or deferred.end() > marker.start())) \
                and not (_OPINION.match(text) and not _DECIDE.search(text))  # "perso je préfère grafana, on garde …": a view
            proposed = bool(self.cues.proposal.search(text))
            if not decided and not question and self._concludes(s, found):
                continue
            if not decided and deferred:
                if sought or proposed:
                    # what it waits for, said in this sentence or an earlier one of the same message ("On décide
                    # quand on aura le chiffrage. ClickHouse, on en reparlera …")
                    # or in the deferral just before ("lieber abwarten, bis …" — "ok, dann warten wir ab")
                    waiting = self._waiting_on(text) or (waiting if last_defer and s.index - last_defer[0] <= 1 else None) \
                        or self._waiting_before(s.index)
                    last_defer = (s.index, text)  # parking a choice, not just any "we'll see"
                    main_deferred = main_deferred or self._parks_main_question(s)
                continue
            sought = sought or question or proposed or bool(self.cues.options.search(text))
            if decided and not question and self._promises(text) and (settling := self._settling_part(s)) is not None \
                    and not self.cues.decided.search(text[len(settling.text):]):
                self._settle(settling, found)  # "Fechado, eu preparo o rollback": agreement, then a task
                continue
            if decided and not question:
                if self._promised_decision(s) or self._echoes_question(s, marker) or self._reviews(s, marker) \
                        or _OBSERVED.match(text, marker.end()) or self._takes_own_part(s):
                    # "approved, one nit" to "review please, @Sandra"; "I'll ship it tomorrow": tasks; "confirmado,
                    # tô vendo 504 na chamada pro PSP": what someone sees, not what the team decides
                    continue
                if (backed := self._backed_proposal(s, marker)) is not None:
                    plan, agreer = backed  # "ship it" to a proposal by someone else: a vote for it
                    self._add_agreement(plan, agreer, found, closed=plan.speaker == s.speaker)
                elif not self._supports_recent(s, found):
                    if (asked := self._open_choice(s, found)) is not None:
                        self._supersede_answers(asked, s, found)
                    if self.cues.revision.search(text) and any(f.owner == s.speaker for f, _ in found):
                        self._drop_revised(s, found)  # "ah zut, bon on décale à mercredi 14h": their plan, moved
                    agreed, _ = self._agreement(s.index, s.speaker)
                    found.append((self._found(s, agreed), MARKED))
                continue
            promise = self._promises(text)  # a promise is an action item, not a decision
            if promise and not question and (settling := self._settling_part(s)) is not None:
                s, text, promise = settling, settling.text, False  # "thai it is, I'll book for 8"
            if question and (self.cues.consent.search(text) or _THEN_ASK.match(text)):
                self._consented(s, found)
            elif question and self.cues.course.search(text) and not _BARE_TAG.match(text):
                self._course_answered(s, found)
            elif not question and ((revised := self.cues.revision.search(text) and any(f.owner == s.speaker for f, _ in found))
                                   or self._gives_way(s) or self._revised_plan(text)):
                # "Change of plan: v4 ships Wednesday." by who decided; the decision is what follows the heading
                if revised:
                    self._drop_revised(s, found)
                found.append((self._found(s, self._agreement(s.index, s.speaker)[0]), SETTLED))
            elif not question and not promise and (plan := self._agreed_plan(s)) is not None:
                self._add_agreement(plan, s.speaker, found)
            elif self.cues.settles.search(text) and not question and not promise and not self._yes_but(text):
                self._settle(s, found)
            elif not question and not promise and (choice := self._choice_answered(s)) is not None:
                found.append((choice, SETTLED))
            elif proposed:
                if any(p.search(text) for p in self.cues.unassigned) or self.cues.small_step.search(text):
                    continue  # "someone needs to …, let's …" is a task; "let's check the logs first", a next step
                agreed, opposed = self._agreement(s.index, s.speaker)
                if question and agreed and self._answered_by_proposer(s):
                    continue  # "What about the two enterprise customers?" — "They're on Edge already." — "+1": the +1 is for the answer
                if not opposed and not agreed and not question:
                    agreed = self._consensus(s)
                if not opposed and (agreed or self.messages[s.index].agreement >= 1):
                    found.append((self._found(s, agreed), AGREED))
            elif not question and not promise and (self.cues.policy.search(text) or s.index == 0 and self.cues.verdict.search(text)) \
                    and (acks := self._acknowledged(s)):
                found.append((self._found(s, acks), SETTLED))  # "From now on every deploy needs …" — "👍"
            elif not question and not promise and self._statement_to_endorse(s) and all(f.index != s.index for f, _ in found):
                endorsed = self._endorsed_by(s.index, s.speaker)
                if endorsed or self.messages[s.index].agreement >= 2:
                    found.append((self._found(s, endorsed), AGREED))
        stands = [(how == MARKED or not self._objected_later(f)) and not self._to_listener(f.text) for f, how in found]
        kept = [pair for pair, stood in zip(found, stands) if stood]
        # a plan objected to and then replaced by its speaker's new one ("vamos subir o timeout" … "fica assim: …")
        self.replaced.update(f.index for (f, _), stood in zip(found, stands)
                             if not stood and any(g.owner == f.owner and g.index > f.index for g, _ in kept))
        found = kept
        if last_defer is not None and not any(f.index > last_defer[0] and not self._answers_deferral(f, how, last_defer[0])
                                              for f, how in found):
            # Parked after the last decision: agreement before it did not hold. When the thread's own question was
            # parked, what was settled on the way (an interim step, a side question) does not make it decided
            # either; only a decision said as one, about something else.
            kept = MARKED if main_deferred else SETTLED
            found = [(f, how) for f, how in found if how >= kept and _overlap(f.said, last_defer[1]) < 0.2
                     and not (main_deferred and self.cues.interim.search(f.said))
                     and not self._answers_deferral(f, how, last_defer[0])]
            if not found:
                self.parked = main_deferred  # only then is the opening question still open
                return [], True, waiting
        if not found:  # nothing decided: say so when the thread opened by putting a choice to the group
            return [], any(self._seeking(x) for x in self.by_message.get(0, ())), None
        return [self._as_reported(g) for f in self._latest_per_subject([f for f, _ in found]) for g in self._split(f)], False, None

    def _revised_plan(self, text: str) -> bool:
        """ "bueno, en realidad mejor movemos la demo al viernes": a change of plan that announces the new one,
        though nothing before was read as decided (the plan was handed out, not agreed)."""
        rest, revised = self.cues.conclude.sub("", text, count=1), False
        while (heading := self.cues.revision.match(rest)) is not None and heading.end() > 0:
            rest, revised = rest[heading.end():].lstrip(" ,:;—–-"), True
        return revised and bool(self.cues.announce.match(rest))

    def _drop_revised(self, s: Sentence, found: list[tuple[Found, int]]) -> None:
        """A change of plan said as one ("cambio de planes: seguimos con nativo") replaces the decision of its
        speaker it is most about, else their latest, though the two share no word ("vamos con React Native")."""
        own = [k for k, (f, _) in enumerate(found) if f.owner == s.speaker]
        replaced = max(own, key=lambda k: (_overlap(found[k][0].said, s.text), k))
        self.replaced.add(found[replaced][0].index)
        del found[replaced]

    def _yes_but(self, text: str) -> bool:
        """ "agreed but clients complained last time …": a yes that goes on to an objection; not one that adds a
        condition ("ça marche, mais il faut que la traduction soit prête avant lundi" agrees)."""
        yes = self.cues.agree.match(text)
        rest = text[yes.end():].lstrip(" ,;:—–-") if yes else ""
        return (but := self.cues.contrast.match(rest)) is not None and not _CONDITION_AFTER_BUT.match(rest, but.end())

    def _answers_deferral(self, f: Found, how: int, deferral: int) -> bool:
        """ "let's wait for legal's read, don't merge yet" — "keeping it on a branch": the next message, by someone
        else, going along with the parking (no objection, no decision said as one) does not reopen the question."""
        if how >= MARKED or not f.index == deferral + 1 == len(self.messages) - 1:
            return False  # only as the thread's last word: later on, a reply to the deferral may well settle it
        reply = self.messages[f.index]
        return reply.speaker != self.messages[deferral].speaker and not self._objects(reply.text)

    def _to_listener(self, text: str) -> bool:
        """What one person tells another — advice, a promise or a goodbye ("Then take a look", "you should go to
        sleep then", "We'll let you know", "See you tomorrow then") — is no decision of the group: its clause speaks
        to "you", or takes leave."""
        return bool(_FAREWELL.search(text) or self.english and _TO_YOU.search(text))

    def _split(self, f: Found) -> list[Found]:
        """ "Q2 = SCIM + Slack app v2. Billing moves to Q3.": a statement carried with a decision that settles
        another item on its own (a verdict or a decision cue, sharing no word stem with what came before it)
        is a decision of its own line, not a rider on the first."""
        own = [x.text.strip().rstrip("!. ") for x in self.by_message.get(f.index, ())]
        parts = [f.text]
        for x in own:
            head = parts[-1]
            cut = head.find(x)
            if cut <= 0 or not head[:cut].rstrip().endswith((".", "!", ";")):
                continue
            before = head[:cut].rstrip(" .!;")
            if (self.cues.verdict.search(x) or self.cues.decided.search(x)) and not _stems(x) & _stems(before):
                parts[-1:] = [before, head[cut:]]
        if len(parts) == 1:
            return [f]
        first = replace(f, text=parts[0])
        return [first, *(replace(f, text=p.rstrip("!. "), context=None) for p in parts[1:])]

    def _as_reported(self, f: Found) -> Found:
        """A final decision in the third person ("we'll keep" → "they'll keep"), with its reactions; rewritten only
        now, for the few that remain, because the rewrite is the costly part."""
        outcome, proposed = self._reported(f.text)
        text = to_third_person(outcome, f.owner) if self.english and f.owner else outcome
        # what it settles, unless the line says it all already: "validé à 15h12", not "… (re: “validé”)"
        context = f.context if f.context and not content_words(f.context) <= content_words(text) else None
        return replace(f, text=text, reactions=self.messages[f.index].agreement, proposed=proposed, context=context)

    def _objected_later(self, f: Found) -> bool:
        """Someone who had not agreed objects to it later in the thread ("but that would drop our baseline"): what
        was read from agreement or a settling reply did not hold. A decision said as one stands."""
        subject = _stems(f.said)
        objection = next((m for m in self.messages[f.index + 1:f.index + 1 + ANSWER_WINDOW]
                          if m.speaker != f.owner and m.speaker not in f.agreed_by and self._pushes_back(m, f)
                          and (m.index <= f.index + 2 or subject & _stems(m.text))), None)
        if objection is None:
            return False
        # unless the objection is answered by agreeing anew ("Ok, pausing the redesign is fine.")
        return not any(m.speaker != objection.speaker and (self.cues.agree.search(m.text) or self.cues.settles.search(m.text))
                       for m in self.messages[objection.index + 1:objection.index + 1 + 2])

    def _sentences_before(self, index: int, reach: int):
        """The sentences of the `reach` messages before message `index`, latest first."""
        for k in range(index - 1, max(-1, index - 1 - reach), -1):
            yield from reversed(self.by_message.get(k, ()))

    def _own_sentences_before(self, s: Sentence, reach: int) -> list[Sentence]:
        """The sentences of `s`'s speaker among `_sentences_before(s.index, reach)`, in the same order (latest
        first), found without walking everyone else's."""
        at, said = self._by_speaker.get(s.speaker, ((), ()))
        return said[bisect_left(at, s.index - reach):bisect_left(at, s.index)][::-1]

    def _parks_main_question(self, s: Sentence) -> bool:
        """Whether a deferral parks what the thread opened with: it, or the question it answers, shares a word
        stem with the opening message ("Kernarbeitszeiten einführen?" … "Entscheidung zur Kernarbeitszeit erst …")."""
        opening = _stems(self.messages[0].text)
        asked = next((x for x in self._sentences_before(s.index, 2) if x.speaker != s.speaker and x.is_question), None)
        if asked is None:  # not an answer to a side question: the opener parking, or anyone naming the subject
            return s.speaker == self.messages[0].speaker or bool(opening & _stems(s.text)) or s.index <= 1
        if _DECIDE.search(s.text) and self._waiting_on(s.text) and not _stems(s.text) & _stems(asked.text):
            return True  # "ClickHouse aussi ?" — "On décide quand on aura le chiffrage de Sarah": the deciding put off
            # until something is known, in other words than the side question's, is the thread's own
        if _ALSO.search(asked.text):
            return False  # "should we also have a second relay provider?" — "not today": a side question parked
        if s.speaker == self.messages[0].speaker and _DECIDE.search(s.text) and not self._seeking(asked):
            return True  # "Et le coût ?" — "On décide quand on aura le chiffrage": the opener puts off their own choice
        return bool(opening & (_stems(s.text) | _stems(asked.text)))

    def _settling_part(self, s: Sentence) -> Sentence | None:
        """ "Thai it is, I'll book for 8": the settling words before the promise that follows them."""
        promise = next((m for p in self.cues.commit if (m := p.search(s.text))), None)
        head = s.text[:promise.start()] if promise else ""
        if len(head.strip(" ,;-")) < 3 or not self.cues.settles.search(head):
            return None
        return Sentence(head.rstrip(" ,;-"), s.index, s.speaker, s.source_id)

    def _seeking(self, s: Sentence) -> bool:
        """A sentence that puts a choice to the thread: a proposal, "A or B?", "should we …?", "objections?"."""
        if s not in self._seeking_cache:  # every later line of its speaker looks back at it
            self._seeking_cache[s] = self._puts_choice(s)
        return self._seeking_cache[s]

    def _puts_choice(self, s: Sentence) -> bool:
        if self.cues.proposal.search(s.text) or self.cues.options.search(s.text):
            return True
        if ":" in s.text and self.cues.alternative.search(s.text.split(":", 1)[1]):
            return True  # "We need a tool for the survey: Typeform, SurveyMonkey or Qualtrics."
        return s.is_question and not self.cues.factual.search(s.text) and not _BARE_TAG.match(s.text) and bool(
            self.cues.alternative.search(s.text) or self.cues.course.search(s.text) or self.cues.consent.search(s.text))

    def _concludes(self, s: Sentence, found: list[tuple[Found, int]]) -> bool:
        """ "OK, 6 months, sunset date June 30.": the person who put a choice to the thread closes it, after others
        answered, with a statement that opens like a conclusion ("ok", "so", "dann", "bon", "vale", "então") and
        takes up the discussion's words. It replaces what was read as decided on the way (an answer, an agreement)."""
        own = self.by_message[s.index]
        if s != own[0]:
            return False
        opener = self.cues.conclude.match(s.text)
        if opener is None:
            return self._names_option(s, found)
        # "ok, we're extending an offer": an announced plan after an opener closes the thread's question as well
        return self._closes(s, own, opener, found) or bool(_WE_ARE_DOING.match(s.text)) and self._names_option(s, found)

    def _closes(self, s: Sentence, own: list[Sentence], opener: re.Match, found: list[tuple[Found, int]]) -> bool:
        """`_concludes` for a statement after its opener: it takes up the words of the choice it closes."""
        statement = Sentence(s.text[opener.end():], s.index, s.speaker, s.source_id)
        if len(content_words(statement.text)) < 2 and not self._one_option(statement, found):  # "ok." then the statement
            if len(own) < 2 or own[1].is_question:
                return False
            statement = own[1]
        if len(content_words(statement.text)) < 2 and not self._one_option(statement, found) or statement.is_question \
                or self._promises(self._without_own_task(statement).text) \
                or _HYPOTHETICAL.search(statement.text) \
                or any(p.search(statement.text) for p in (*self.cues.request, *self.cues.unassigned)):
            return False  # a promise or a task, not a conclusion
        asked = self._open_choice(s, found)
        if asked is None:
            return False
        replies = [m for m in self.messages[asked.index + 1:s.index] if m.speaker != s.speaker]
        words = _option_words(statement.text)
        dated = self._dated_answer(asked, statement.text)
        if deferred := self.cues.defer.search(statement.text):  # "on attend le correctif" picks an option, it does not park one
            if _DECIDE.search(deferred.group()) or _TALK_AGAIN.search(statement.text):
                return False  # "好，等压测结果和成本出来再定": putting the deciding off closes nothing
            if not words & _option_words(asked.text) and not dated:
                return False
        elif not words & (_option_words(asked.text).union(*(_option_words(m.text) for m in replies))) and not dated:
            return False
        self._supersede_answers(asked, s, found)
        agreed, _ = self._agreement(s.index, s.speaker)
        statement = _pointed(self._without_own_task(statement), asked, replies)
        found.append((replace(self._closing(self._restated(self._found(statement, agreed), asked), asked),
                              closed=True), SETTLED))
        return True

    def _one_option(self, s: Sentence, found: list[tuple[Found, int]]) -> bool:
        """ "Dann Donnerstag." after "Dienstag oder Donnerstag?": one word, and it is one of the options asked."""
        words = content_words(s.text)
        return len(words) == 1 and (asked := self._open_choice(s, found)) is not None \
            and words <= content_words(asked.text) and bool(self.cues.alternative.search(asked.text))

    def _without_own_task(self, s: Sentence) -> Sentence:
        """ "Then we move it to Friday and I tell sales": the conclusion without the task its speaker takes on in
        the same breath (that one is theirs to do, not the group's decision)."""
        head = _AND_I.split(s.text, maxsplit=1)[0].rstrip(" ,;")
        return replace(s, text=head) if head != s.text and len(content_words(head)) >= 2 else s

    def _restated(self, f: Found, asked: Sentence) -> Found:
        """A conclusion that only says yes to the course a question asked, in fewer words ("Should we move the
        launch to Friday?" … "Then we move it to Friday"): the decision is the question's course, said in full, and
        links to the question, where those words were written."""
        course = self.cues.course.search(asked.text) if asked.is_question else None
        if course is None or f.context is not None and f.context != asked.text.strip():
            return f
        proposition = _RHETORICAL.sub("", asked.text[course.end():]).strip(" ?？¿")
        words, asked_words = content_words(f.text), content_words(proposition)
        if len(asked_words) < 2 or not words or not words <= asked_words or len(words) >= len(asked_words):
            return f
        return replace(f, text=proposition[:1].upper() + proposition[1:], context=None, source_id=asked.source_id)

    def _names_option(self, s: Sentence, found: list[tuple[Found, int]]) -> bool:
        """ "Porto or Seville?" … "Seville. I'm booking the hotel.": the asker of a choice names one of its options.
        Or, without "ok" or "so" first, the asker (or whoever opened the thread) announces the plan with its subject
        implied ("Going with the second one.", "Rolling back to 4.2.1.", "Congelamos desde hoy …"), gives the
        date a "when" question asked for ("Der Umzug läuft am 3.12. ab 8 Uhr."), or takes one of the named options
        in a longer sentence ("…, SurveyMonkey is what we'll use since …")."""
        if s.is_question or self._promises(s.text) or _COMPLETED.search(s.text) or self.cues.not_known.search(s.text):
            return False  # "top, Kunden sind informiert": a report; "good q, I don't know": no answer
        own = self.by_message[s.index]
        announced = next((x for x in own[:2] if not x.is_question and self.cues.announce.search(x.text)
                          and not self._promises(x.text) and not _LABEL.fullmatch(x.text)), None)
        short = _word_total(s.text) <= OPTION_WORDS
        if not (announced or short or self.cues.due[1].search(s.text) or _CHOICE_VERB.search(s.text)):
            return False  # cheap first: looking back for the choice is the costly part
        asked = self._open_choice(s, found) or (self._opened_by(s) if announced else None)
        if asked is None:
            return False
        choice = self._message_text(asked.index)
        dated = self._dated_answer(asked, s.text) and bool(_option_words(s.text) & _option_words(
            " ".join(m.text for m in self.messages[asked.index:s.index])))
        if self.cues.defer.search(s.text) and not dated:
            return False
        named = short and bool(self.cues.alternative.search(choice)) \
            and bool(_option_words(s.text) & _option_words(choice)) or self._names_one_option(s.text, choice)
        if not (named or announced or dated):
            return False
        self._supersede_answers(asked, s, found)
        if announced is not None and not (named or dated):
            s = announced  # "Changement : le client demande de décaler. On passe à lundi 10h.": the plan is the second
        found.append((self._closing(self._found(s, self._agreement(s.index, s.speaker)[0]), asked), SETTLED))
        return True

    def _closing(self, f: Found, asked: Sentence) -> Found:
        """A line that closes a choice says which choice when it does not name its subject itself: "Subimos em
        Frankfurt, …" (re: “Para o cliente de Portugal, hospedamos em Frankfurt ou em Madri?”)."""
        if f.context is not None or asked.index == f.index or not self._seeking(asked) \
                or len({w for w in content_words(f.text) & content_words(asked.text) if len(w) > 3}) >= 2:
            return f
        return replace(f, context=self._clipped_choice(asked))

    def _clipped_choice(self, asked: Sentence) -> str:
        """The choice, clipped: bare options say which choice with the question before them ("Wann machen wir das
        Release? Dienstag oder Donnerstag?")."""
        own = self.by_message[asked.index]
        before = own[own.index(asked) - 1] if own[0] is not asked else None
        said = f"{before.text.strip()} {asked.text.strip()}" \
            if before is not None and before.is_question and len(content_words(asked.text)) <= 3 else asked.text
        return _clip(said)

    @staticmethod
    def _names_one_option(text: str, choice: str) -> bool:
        """ "Having looked at the export formats, SurveyMonkey is what we'll use for this round since …" after
        "Typeform, SurveyMonkey or Qualtrics": the main clause (before "since", "because") takes exactly one of the
        names the choice listed, as the one that "gets", "wins", "is what we'll use", or that we "go with"."""
        options = {w.lower() for w in _CAPITALISED.findall(choice)}
        main = _REASON.split(text, maxsplit=1)[0]
        taken = {m.group(1).lower() for m in _CAPITALISED.finditer(main) if m.group(1).lower() in options
                 and (_CHOICE_AFTER.match(main[m.end():]) or _CHOICE_BEFORE.search(main[:m.start()]))}
        named = {w.lower() for w in _CAPITALISED.findall(main)} & options
        return len(taken) == 1 and named == taken

    def _message_text(self, index: int) -> str:
        """A message's prose, sentence by sentence as read (code, links and quotes removed)."""
        return " ".join(x.text for x in self.by_message.get(index, ()))

    def _opened_by(self, s: Sentence) -> Sentence | None:
        """The thread's opening sentence when the speaker of `s` opened it and others have spoken since."""
        first = self.sentences[0] if self.sentences else None
        if first is None or first.speaker != s.speaker or first.index >= s.index \
                or not any(m.speaker != s.speaker for m in self.messages[first.index + 1:s.index]):
            return None
        return first

    def _dated_answer(self, asked: Sentence, text: str) -> bool:
        """A date or time given for a "when" question ("Quando fazemos a migração …?" — "fica para 27 de dezembro")."""
        question = self._message_text(asked.index)
        return bool(self.cues.when.search(question)) and bool(self.cues.due[1].search(text) or _DIGIT.search(text))

    def _open_choice(self, s: Sentence, found: list[tuple[Found, int]]) -> Sentence | None:
        """The choice the speaker of `s` put to the thread, others answered, and they have not settled yet."""
        asked = next((x for x in self._own_sentences_before(s, CONCLUSION_REACH) if self._seeking(x)), None)
        if asked is None or not any(m.speaker != s.speaker or self._alone for m in self.messages[asked.index + 1:s.index]):
            return None  # alone in the thread, a message of one's own in between is the "answer" one weighed
        question = _stems(asked.text)
        # found after `asked` are among the last ones read (the choice is at most CONCLUSION_REACH messages back)
        if any(f.owner == s.speaker and asked.index < f.index < s.index and question & _stems(f.said)
               for f, _ in found[-4 * CONCLUSION_REACH:]):
            return None  # the asker already settled it
        return asked

    @staticmethod
    def _supersede_answers(asked: Sentence, s: Sentence, found: list[tuple[Found, int]]) -> None:
        """The asker settles their own question: what others answered or agreed on the way is replaced (the
        asker's own earlier settlements, and decisions said as one, stand)."""
        found[:] = [(f, how) for f, how in found if how == MARKED or f.owner == s.speaker and f.index > asked.index
                    or not asked.index <= f.index < s.index]

    def _supports_recent(self, s: Sentence, found: list[tuple[Found, int]]) -> bool:
        """ "Makes sense, the September cutoff wins" right after a decision said as one: support, not another."""
        if s != self.by_message[s.index][0] or not self.cues.agree.search(s.text):
            return False
        for k in range(len(found) - 1, -1, -1):
            f, how = found[k]
            if f.index < s.index - 3:
                break
            if how == MARKED and f.owner != s.speaker and f.index < s.index:
                found[k] = (replace(f, agreed_by=tuple(dict.fromkeys((*f.agreed_by, s.speaker)))), how)
                return True
        return False

    def _consented(self, s: Sentence, found: list[tuple[Found, int]]) -> None:
        """ "Then we move the launch to May 12. Objections?" — nobody objects in the replies: decided."""
        said = self.cues.consent.sub("", s.text).strip()
        concluded = bool(_THEN_ASK.match(said))  # "Dann Release am Donnerstag?", "so A then?": the plan put to the thread
        if concluded:
            said = _THEN_ASKED.sub("", said).rstrip(" ?？") or said
        statement = Sentence(said, s.index, s.speaker, s.source_id)
        if _ASKS_ON.search(statement.text):  # "…, is that still ok?", "are you ok?": the question is its own subject
            head = statement.text[:max(statement.text.rfind(","), statement.text.rfind(";"), 0)]
            if len(content_words(head) - set(self.people) - _GREETING_WORDS) < 2:
                return
            statement = replace(statement, text=head)
        if len(content_words(statement.text)) < 2 and not concluded:  # a short plan is read with what it settles
            own = self.by_message[s.index]
            statement = next((x for x in reversed(own[:own.index(s)]) if len(content_words(x.text)) >= 2), None)
            if statement is not None and statement.is_question:  # "so hire at senior? any objections?"
                statement = replace(statement, text=_THEN_FIRST.sub("", statement.text).rstrip(" ?？"))
        if statement is None or self._promises(statement.text):
            return  # "kann ich machen, bis Donnerstag ok?": offering to take a task
        reply = next((m for m in self.messages[s.index + 1:s.index + 1 + 3] if m.speaker != s.speaker), None)
        reacted = self.messages[s.index].agreement >= 1  # "alguém contra?" — 👍 👍 👍
        none_raised = reply is not None and self._none_raised(s, reply)
        if reply is not None and self._objects(reply.text) and not none_raised:
            return
        if (reply is None or all(x.is_question for x in self.by_message[reply.index])) and not reacted:
            return
        if concluded and not reacted and not none_raised and (
                not (self.cues.agree.search(reply.text) or self.cues.settles.search(reply.text)) or self._promises(reply.text)):
            # "Dann eben mehrere Räume parallel?" — "Ich mache eine Umfrage": a plan put, not taken; "so release
            # notes by Friday then?" — "yes, Friday. I'll write them": a task taken
            return
        agreed, opposed = self._agreement(s.index, s.speaker)
        if none_raised:  # each "no" to the call for objections is a yes
            agreed, opposed = [m.speaker for m in self.messages[s.index + 1:s.index + 1 + 3] if m.speaker != s.speaker
                               and (self._none_raised(s, m) or self.cues.agree.search(m.text))], False
        if not opposed:
            found.append((self._found(statement, agreed or ([reply.speaker] if reply and not reacted else [])), SETTLED))

    def _none_raised(self, s: Sentence, reply: Message) -> bool:
        """ "ok so hire? any objections" — "no, hire from me": the "no" answers the call for objections and, saying
        nothing but the plan's own words or agreement, agrees ("Einwände?" — "Nein, Dienstag ist der Betriebsausflug"
        raises one)."""
        own = self.by_message[s.index]
        if not any(_OBJECTIONS_ASKED.search(x.text) for x in own[own.index(s):]) or not (said := _NONE.match(reply.text)):
            return False
        rest = reply.text[said.end():]
        plan = set().union(*(content_words(x.text) for x in own[:own.index(s) + 1]))
        return content_words(rest) <= plan or bool(self.cues.agree.match(rest) or self.cues.endorse.match(rest))

    def _suggestion_taken(self, asked: Sentence, suggestion: Sentence) -> Found | None:
        """A course put to the thread answered with a suggestion as a question, which the asker's next words agree
        to: that suggestion, decided."""
        reply = next((m for m in self.messages[suggestion.index + 1:suggestion.index + 3] if m.speaker == asked.speaker), None)
        if reply is None or self._objects(reply.text) or not self.cues.agree.match(self.by_message[reply.index][0].text) \
                or len(content_words(suggestion.text)) < 2 or self._promises(suggestion.text) or self.cues.who.search(suggestion.text):
            return None
        said = Sentence(suggestion.text.rstrip(" ?？"), suggestion.index, suggestion.speaker, suggestion.source_id)
        return self._found(said, (asked.speaker,))

    def _course_answered(self, s: Sentence, found: list[tuple[Found, int]]) -> None:
        """ "Should we warn admins before their cert expires?" — "Yes, let's add that to the Q3 roadmap.": a
        question about what the team does, answered yes or no by someone else, and nobody objecting after. Not
        "je peux avoir jusqu'à lundi ?": more time on one's own task (`_extended`)."""
        if _EXTENSION.search(s.text):
            return
        own = self.by_message[s.index]
        if any(x.is_question for x in own[own.index(s) + 1:]):
            return  # the asker moved on to another question
        answer = reply = None
        for m in [m for m in self.messages[s.index + 1:s.index + 1 + 3] if m.speaker != s.speaker][:2]:
            first = self.by_message[m.index][0]
            if first.is_question and (taken := self._suggestion_taken(s, first)) is not None:
                found.append((taken, SETTLED))  # "Was machen wir mit den alten Tickets?" — "Alles älter als 6 Monate schließen?" — "Gute Idee."
                return
            if first.is_question or self.cues.not_known.search(first.text) or self.cues.defer.search(first.text):
                return
            yes = bool(self.cues.agree.search(first.text) or self.cues.proposal.search(first.text)
                       or self._echoes(first.text, s.text))  # "Can we refund it?" — "Refund the second one."
            # a "no" to "X or Y?" is a reason against one of them, not the course taken ("Ska vi flytta … eller
            # förlänga?" — "men på tisdagar är det fullt"; "… langsam oder liegt das an mir?" — "liegt nicht an dir")
            no = self._objects(first.text) and len(content_words(first.text)) >= 2 and not self.cues.alternative.search(s.text)
            if yes or no:
                answer, reply = first, m
                break
        if answer is None or _CONDITIONAL_ANSWER.match(answer.text):
            return  # "si on a de la marge en mars, oui", "not necessarily": no course taken yet
        if self._promises(answer.text) and len(content_words(answer.text) & content_words(s.text)) < 2:
            return  # "Yes, I'll put it on the agenda": a task taken, unless it restates what is decided
        later = [m for m in self.messages[reply.index + 1:reply.index + 1 + 3] if m.speaker != reply.speaker]
        if any(self._objects(m.text) or m.speaker != s.speaker and self.cues.proposal.search(m.text) for m in later):
            return  # "But that would drop our baseline by a third.", or someone else proposes another way
        text = " ".join(x.text.strip() for x in (answer, *self._carried_on(answer))).rstrip("!. ")
        context: str | None = self._after_reason(s.text) or s.text.strip()  # it settles the "can we …?", not the reason
        if self._only_agrees(text, s.text) and not self._objects(answer.text):
            if self._asks_someone(self._message_text(reply.index)):
                return  # "Can we add a canary?" — "Yes. Tomás, can you own the canary setup?": a task given
            if content_words(proposition := self._proposition(s.text)):  # "+1" to "can we agree that X should …?" decides X
                text, context = proposition[:1].upper() + proposition[1:], None
        found.append((Found(text, answer.source_id, answer.index, owner=answer.speaker, agreed_by=(s.speaker,),
                            context=context), SETTLED))

    def _asks_someone(self, text: str) -> bool:
        """A request in a reply, read loosely: "sí, hasta el viernes" has its shape ("Ana, manda …") and takes a task
        as surely as one; but not "Sí, tiene sentido", whose would-be imperative is a second way of saying yes."""
        for pattern in self.cues.request:
            if (m := pattern.search(text)) and not (m.groupdict().get("imp") and self.cues.agree.match(text[m.start("imp"):])):
                return True
        return False

    def _only_agrees(self, answer: str, question: str) -> bool:
        """A yes that adds nothing to the course asked: "+1", "katılıyorum", or "yes, Friday works" to "Shall we move
        the launch to Friday?" (its words beyond the yes are the question's, but for one such as "works"; never a
        name, day or figure of its own, as "yes, Monday" to a question about Friday)."""
        said = answer
        while (yes := self.cues.agree.match(said)) and yes.end():  # "Sí, tiene sentido": two ways of saying yes
            said = said[yes.end():].lstrip(" ,.!;:")
        rest = content_words(said)
        extra = rest - content_words(question)
        named = {w.lower() for w in _CAPITALISED.findall(answer)} | {w for w in extra if _DIGIT.search(w)}
        return not extra & named and (len(rest) <= 1 or len(extra) <= 1 and len(rest) > len(extra))

    def _proposition(self, question: str) -> str:
        """What a "should we …?" question proposes, said as a plan: in English the words after its course ("Shall
        we | move the launch to Friday?"); in languages whose course is the verb itself ("Verschieben wir …?",
        "¿Movemos …?", "Lansmanı cumaya atalım mı?") the question without its question word or particle."""
        asked = self.cues.course.search(question)
        if asked is None:
            return ""
        after = question[asked.end():]
        if self.english or _RHETORICAL.match(after):  # "können wir uns einigen, dass …": what they agree on
            label = _LEAD_LABEL.match(question[:asked.end()])  # "newsletter: ok to push the send …?" is about the newsletter
            return (f"{label.group(1)}: " if label else "") + _RHETORICAL.sub("", after).strip(" ?？¿")
        question = self._after_reason(question) or question  # "Por cierto, ¿no deberíamos …?"
        return _QUESTION_PARTICLE.sub("", _YES_NO_WORD.sub("", question.strip(" ?？¿"))).strip(" ?？¿,")

    def _after_reason(self, question: str) -> str | None:
        """A course question said after a reason or lead-in, from its course on ("design won't be ready, can we do
        May 12?" → "can we do May 12?"); None when the course opens the sentence."""
        asked = self.cues.course.search(question)
        return question[asked.start():].lstrip(",; ") if asked and asked.group()[:1] in ",;" else None

    def _echoes(self, answer: str, question: str) -> bool:
        """The answer opens with the verb the question asks about: "Refund the second one." to "Can we refund …?"."""
        asked = self.cues.course.search(question)
        verb = next(iter(_WORDS.findall(question[asked.end():].lower())), None) if asked else None
        first = next(iter(_WORDS.findall(answer.lower())), "")
        return verb is not None and len(verb) > 2 and first == verb

    def _objects(self, text: str) -> bool:
        return bool(self.cues.disagree.search(text)) and not self.cues.agree.search(text)

    def _pushes_back(self, m: Message, f: Found) -> bool:
        """A reply that objects to decision `f`: it opens with an objection, or raises a problem ("the migration
        takes a sprint though") right after it, or refuses what it names ("then we can't drop it yet")."""
        if self.cues.agree.search(m.text):
            return False
        if self.cues.disagree.search(m.text):
            return True
        if m.index <= f.index + 2 and self.cues.contrast.search(m.text) and not any(
                x.is_question for k in range(f.index + 1, m.index + 1) for x in self.by_message.get(k, ())):
            return True  # a problem raised right after, before the talk moved on to another question
        return bool(self.cues.refusal.search(m.text)) and bool(_stems(f.text) & _stems(m.text))

    def _found(self, s: Sentence, agreed_by: list[str] | tuple[str, ...] = ()) -> Found:
        text, context = self._decision_text(s)
        return Found(text, s.source_id, s.index, owner=s.speaker, agreed_by=tuple(agreed_by), context=context)

    def _settle(self, s: Sentence, found: list[tuple[Found, int]]) -> None:
        """A reply that settles: "Agreed, March 31." (a decision, or agreement with one just made) or a bare
        "Deal." (which decides what it answers)."""
        if self._answers_assignment(s):
            return
        if (settled := self.cues.settles.search(s.text)) and _OBSERVED.match(s.text, settled.end()):
            return  # "Confirmed, error rate is back to normal": what someone sees, not what the team decides
        rest = content_words(s.text) - set(self.people) - _COURTESY - _SETTLE_WORDS
        carried = bool(rest or _GO_SAID.search(s.text)) and bool(self._carried_on(s))  # "ok agreed, no-go. we slip to monday"
        if (rest or carried) and not self.cues.agree.fullmatch(s.text.strip(" .!")):
            recent = next((k for k in range(len(found) - 1, max(-1, len(found) - 5), -1)
                           if s.index - 3 <= found[k][0].index < s.index and found[k][0].owner != s.speaker), None)
            if recent is None or self.cues.revision.search(s.text):
                if _GRATITUDE.search(s.text) and not self.cues.revision.search(s.text):
                    return  # "parfait, ça marche nickel, merci Élodie": thanks for help, nothing settled
                if not _THEN.search(s.text) or self.cues.settles.search(_THEN.sub(" ", s.text)) or self._after_choice(s):
                    found.append((self._found(s), SETTLED))
                return
            f, how = found[recent]  # "Agreed, May works for me": agreement with the decision just made
            if how < MARKED and (rest - content_words(f.text) or carried) and not _CONDITION.search(s.text) \
                    and not _FIRST_SINGULAR.search(s.text):  # "Agreed, GlitchTip is out" says something of its own; "passt, dann frag ich nicht an" does not
                f = self._found(s, tuple(dict.fromkeys((f.owner, *f.agreed_by))) if f.owner else f.agreed_by)
            else:
                f = replace(f, agreed_by=tuple(dict.fromkeys((*f.agreed_by, s.speaker))))
            found[recent] = (f, SETTLED)
            return
        own = self.by_message.get(s.index, ())
        if own and own[0] == s and any(not x.is_question and (self.cues.conclude.match(x.text) or self.cues.decided.search(x.text))
                                       for x in own[1:]):
            return  # "show! então: deixamos tudo …": an interjection before the speaker's own conclusion
        if found and s.index - 2 <= found[-1][0].index < s.index and found[-1][0].owner != s.speaker:
            f, how = found[-1]  # "so A then?" — "yes" — "agreed, A": one more voice for the decision just made
            found[-1] = (replace(f, agreed_by=tuple(dict.fromkeys((*f.agreed_by, s.speaker)))), max(how, SETTLED))
            return
        target = self._settled_proposal(s.index, s.speaker)
        if target is not None and (self.cues.defer.search(target.text) or self._asks_task(target.text)
                                   or _QUESTION_END.search(target.text) and _EXTENSION.search(target.text)):
            return  # "Lo dejamos para julio." — "Perfecto.": agreeing to wait (or that a task exists) decides nothing
        if target is not None and (not _QUESTION_END.search(target.text) or self.cues.consent.search(target.text)):
            asked = self.cues.consent.sub("", target.text).strip()  # "Scanner rental is $450. ok?" — "ok"
            found.append((self._found(Sentence(asked, target.index, target.speaker, target.source_id), (s.speaker,)),
                          SETTLED))

    def _echoes_question(self, s: Sentence, marker: re.Match | None) -> bool:
        """ "Wer genehmigt das?" — "Genehmigt dein Teamlead": the decision word only repeats the question's verb,
        so the line answers a question of fact."""
        if marker is None:
            return False
        word = marker.group(0).strip(" ,.:;!-").lower()
        return len(word) > 3 and any(x.is_question and x.speaker != s.speaker and word in x.text.lower()
                                     for x in self._sentences_before(s.index, 2))

    def _reviews(self, s: Sentence, marker: re.Match | None) -> bool:
        """ "Approved" after "PR up ios#3120" or "@Sven mind reviewing?": a code review, not a team decision."""
        return marker is not None and bool(_APPROVAL.search(marker.group(0))) and any(
            _REVIEW_ASKED.search(m.text) for m in self.messages[max(0, s.index - 3):s.index] if m.speaker != s.speaker)

    def _promised_decision(self, s: Sentence) -> bool:
        """ "I'll ship it tomorrow morning with the hotfix train": the decision words are the task a promise names
        (no decision cue before the promise starts), so it is an action item."""
        promise = next((m for p in self.cues.commit if (m := p.search(s.text)) and self._own_task(m) is not None), None)
        return promise is not None and not self.cues.decided.search(s.text[:promise.start()]) \
            and not _FIRST_PLURAL.search(s.text[:promise.start()])

    def _bare_agreement(self, s: Sentence) -> bool:
        """ "ok pour moi", "works for us", "+1", "passt für mich": a whole message that only agrees."""
        own = self.by_message.get(s.index, ())
        return bool(own) and own[0] == s and len(own) == 1 and word_count(s.text) <= 5 \
            and bool(self.cues.agree.match(s.text) or self.cues.endorse.match(s.text)) \
            and not self.cues.contrast.search(s.text) and not _ACKNOWLEDGED_THEN_ASKED.search(s.text)

    def _agreed_plan(self, s: Sentence) -> Sentence | None:
        """ "La MEP passe à lundi 16, Julien tu prends le 4471 …" — "ok pour moi": a bare agreement with the plan
        the message before it states (a verdict, a decision, an announced or revised plan), which hands out
        work on the way. The plan is its clause before the first task given by name."""
        if not self._bare_agreement(s):
            return None
        strong = bool(self.cues.endorse.match(s.text))  # "love it", "+1", "works for me": a plan in any words
        for m in reversed(self.messages[max(0, s.index - 3):s.index]):
            if m.speaker == s.speaker or any(self._bare_agreement(x) for x in self.by_message.get(m.index, ())[:1]):
                continue
            for x in self.by_message.get(m.index, ()):
                marked = any(p.search(x.text) for p in (self.cues.decided, self.cues.verdict, self.cues.announce,
                                                        self.cues.revision, self.cues.policy))
                planned = strong and not self._asks_task(x.text) and not self.cues.small_step.search(x.text) \
                    and bool(self.cues.proposal.search(x.text) or _WE_PLAN.search(x.text))
                if x.is_question or self._promises(x.text) or not (marked or planned):
                    continue
                if self.cues.defer.search(x.text):
                    return None
                tasks = [t.start() for p in (*self.cues.request, *self.cues.assign) if (t := p.search(x.text))]
                head = x.text[:min(tasks)].rstrip(" ,;:-–—") if tasks and min(tasks) > 0 else x.text
                return Sentence(head, x.index, x.speaker, x.source_id) if len(content_words(head)) >= 2 else None
            return None
        return None

    def _backed_proposal(self, s: Sentence, marker: re.Match) -> tuple[Sentence, str] | None:
        """ "ship it", "approved" alone, from someone who did not make the proposal on the table: agreement with that
        proposal, not a decision of its own (the proposer's conclusion, if any, says what was decided). From the
        proposer, once someone agreed ("eu ofereceria 10%" — "concordo, vou propor 10%" — "fechado"): that proposal,
        agreed to by whoever agreed. Returns the proposal and who agreed with it."""
        if content_words(s.text[marker.end():]) or content_words(s.text[:marker.start()]) or len(self.by_message[s.index]) > 1:
            return None
        agreer = None
        for x in self._sentences_before(s.index, CONCLUSION_REACH):
            if x.is_question or not self.cues.proposal.search(x.text):
                if agreer is None and x.speaker != s.speaker and self.cues.agree.match(x.text):
                    agreer = x.speaker
                continue
            if x.speaker != s.speaker:
                return x, s.speaker
            return (x, agreer) if agreer else None
        return None

    def _add_agreement(self, plan: Sentence, speaker: str, found: list[tuple[Found, int]], closed: bool = False) -> None:
        """A plan agreed to: a decision of its own, or one more person agreeing with it when already found;
        `closed` when its proposer closed it after the agreement ("fechado")."""
        known = [k for k, (f, _) in enumerate(found) if f.index == plan.index]
        for k in known:
            f, how = found[k]
            found[k] = (replace(f, agreed_by=tuple(dict.fromkeys((*f.agreed_by, speaker))), closed=f.closed or closed),
                        max(how, SETTLED))
        if not known:
            found.append((replace(self._found(plan, (speaker,)), closed=closed), SETTLED))

    def _after_choice(self, s: Sentence) -> bool:
        """Whether a line that settles only by its "then" has something to settle: a choice, proposal or "when" put
        to the thread in the few messages before it ("Tuesday then." after "Tuesday or Thursday?"), not a "then" in
        passing ("Then take a look", "Okay then, see you")."""
        return any(self._seeking(x) or x.is_question and x.speaker != s.speaker and self.cues.when.search(x.text)
                   for x in self._sentences_before(s.index, 8))

    def _statement_to_endorse(self, s: Sentence) -> bool:
        """A plan stated as the last sentence of a message (not itself an agreement, nor a task asked of someone),
        which others may endorse."""
        return (not self.english or bool(_PLAN.search(s.text))) and s.text == self._last_sentence(s.index) \
            and not any(x.is_question for x in self.by_message[s.index]) \
            and len(content_words(s.text)) >= 3 and not self.cues.agree.search(self.messages[s.index].text) \
            and not self._asks_task(s.text) and not _ADDRESSED.match(s.text)

    def _asks_task(self, text: str) -> bool:
        """ "Iker, mándame la lista", "someone needs to update that runbook": a task for someone, not a decision."""
        return any(p.search(text) for p in (*self.cues.request, *self.cues.assign, *self.cues.unassigned))

    def _takes_own_part(self, s: Sentence) -> bool:
        """ "fechado 👍" from Aline under "- @Aline revisa os contratos pendentes até dia 30": a bare yes to the part
        a task list gave her, not a decision."""
        return len(content_words(s.text)) <= 1 and self._answers_assignment(s) and any(
            _ADDRESSED.match(x.text) for m in self.messages[max(0, s.index - 3):s.index] for x in self.by_message[m.index])

    def _answers_assignment(self, s: Sentence) -> bool:
        """ "Vale, los datos para mañana." or "Hecho, ya está reservada." to a message that gave the speaker a task
        by name: taking or reporting the task, not settling a choice."""
        first = s.speaker.split()[0].lower()
        return any(not (_QUESTION_END.search(m.text) and self.cues.alternative.search(m.text))
                   and not _HANDS_CALL.search(m.text) and first in _lower_words(m.text)
                   for m in self.messages[max(0, s.index - 2):s.index] if m.speaker != s.speaker)

    def _latest_per_subject(self, found: list[Found]) -> list[Found]:
        """A later decision on the same subject replaces the earlier one: shared words, or a new day or time
        for something the later one names (Friday 14:00 → Monday 14:00, April 28 → May 12, v4 Monday → Wednesday)."""
        out: list[Found] = []
        for item in found:
            def same_subject(kept: Found) -> bool:
                if kept.index == item.index or _overlap(kept.said, item.said) >= 0.3:
                    return True
                if item.index - kept.index <= 2 and _overlap(self._reported(kept.text)[0], self._reported(item.text)[0]) >= 0.5:
                    return True  # "Le hacemos oferta" — "decidido: oferta para Pablo": the same call, said as decided
                shared = _option_words(item.text) & _option_words(kept.said)  # the new one names the subject itself
                earlier = _when_words(self.cues.due[1], kept.said)
                return bool(shared) and bool(earlier) and bool(_when_words(self.cues.due[1], item.text) - earlier)
            out = [kept for kept in out if not same_subject(kept)]
            out.append(item)
        return out

    def _waiting_before(self, index: int) -> str | None:
        """What the message just before a bare deferral said it needs: "we need conversion numbers first" — "ok,
        let's revisit next week" waits for the conversion numbers."""
        before = next((m for m in reversed(self.messages[max(0, index - 2):index]) if not _QUESTION_END.search(m.text)), None)
        # "we need conversion numbers first", or a short reply that only says on what it depends ("Depende del
        # precio por volumen", "faut voir avec la finance")
        if before is None or not (_FIRST.search(before.text) or word_count(before.text) <= SHORT_CONDITION_WORDS):
            return None
        return self._waiting_on(before.text)

    def _waiting_on(self, text: str) -> str | None:
        match = next((m for p in self.cues.waiting if (m := p.search(text))), None)
        if not match:
            return None
        what = _FIRST_END.sub("", match.group("what")).strip(" ,:;")  # "conversion numbers first": what, not when
        for joint in _AND_THEN.finditer(what):  # "the quote and revisit", "la cotizacion y lo retomamos": what, not the rest
            if self.cues.defer.search(what[joint.end():]) or _DECIDE.search(what[joint.end():]):
                what = what[:joint.start()]
                break
        return what if len(_WORDS.findall(what)) >= 1 else None

    # ---- action items -------------------------------------------------------------------------------

    def action_items(self) -> list[Found]:
        found: list[Found] = []
        asked_of: dict[int, str] = {}
        for s in self.sentences:
            if _TAKES_IT.match(s.text) and self._takes_request(found, s):
                continue  # "Can someone renew the cert by Friday?" — "On it.": the request is the task, theirs now
            header, parts = self._task_parts(s.text)
            for part in parts:
                said = s if part == s.text else Sentence(part, s.index, s.speaker, s.source_id)  # most sentences are one part
                item = self._action(said, asked_of, header, len(parts) > 1)
                if item is None:
                    continue
                self.tasked.add(s.text)
                if not self._absorbed(found, item, s.speaker):
                    found.append(item)
        found = [self._extended(item) for item in found if not self._reported_done(item) and not self._withdrawn(item)]
        self.assigned = set(asked_of)
        return _merge_tasks(self._join_accepted(found, asked_of))

    def _extended(self, item: Found) -> Found:
        """ "jeudi c'est short, je peux avoir jusqu'à lundi ?" — "ok lundi": the owner asked for a later date and got
        it; the task is due then."""
        if item.owner is None:
            return item
        for m in self.messages[item.index + 1:item.index + 1 + DONE_WINDOW]:
            asking = next((ask for x in self.by_message[m.index] if x.is_question and (ask := _EXTENSION.search(x.text))), None) \
                if m.speaker == item.owner else None
            # the date asked for, after the asking: "dia 2 fica apertado, posso mandar dia 3?"
            if asking is None or (when := self.due(asking.string[asking.start():], m.sent))[0] is None:
                continue
            reply = next((r for r in self.messages[m.index + 1:m.index + 3] if r.speaker != m.speaker), None)
            if reply is not None and not self._objects(reply.text) and (
                    self.cues.agree.match(reply.text) or self.cues.settles.search(reply.text) or when[0].lower() in reply.text.lower()):
                return replace(item, due=when[0], due_date=when[1])
        return item

    def _absorbed(self, found: list[Found], item: Found, speaker: str) -> bool:
        """Whether `item` needs no line of its own: it went into a task already found (as its owner, its due date
        or its continuation), or it names no task."""
        if item.owner is None and _SOMEONE_ELSE.search(item.sentence) and self._hand_back(found, item, speaker):
            return True  # "sorry, I'm out from tomorrow. can someone else take the handbook bit?": their task is open again
        own = item.owner == speaker
        if _DEADLINE_ONLY.match(item.text) and (earlier := self._owners_latest(found, item)) is not None:
            # "I can set up a trial workspace" — "can you have something by end of next week?": its due date
            found[earlier] = replace(found[earlier], due=item.due or found[earlier].due,
                                     due_date=item.due_date if item.due else found[earlier].due_date)
            return True
        if not own:
            # "Dev, can you take the call?" — "Sorry, can't." — "Sam, could you do it?": Sam's call
            return bool(item.owner) and _vague(item.text, self.people.keys()) and self._take_open_task(found, item)
        if _vague(item.text, self.people.keys()):
            self._take_open_task(found, item)  # "I can do that" takes the task just asked for
            return True
        if _points_back(item.text) and self._take_open_task(found, item, bare=True):
            return True  # "we need to review the contract" — "Eu vejo isso amanhã": the task nobody held is theirs
        if self._claims_listed_task(found, item):
            return True  # "press kit → nobody yet" … "I can take the press kit": hers now
        self._drop_answered_call(found, item)
        head, _, rest = item.sentence.partition(",")
        if rest and _bare(item.text.split(",")[0], head) and self._take_open_task(found, item, bare=True):
            return True  # "yo lo miro, lo tengo antes de las 17": the verb alone, then when, takes the task turned down
        if _bare(item.text, item.sentence):
            # "Lo reviso yo", "私が予約します", "मैं बना दूँगी": a verb alone takes the task asked for, or carries on
            # the speaker's own ("水曜日までに終わらせます"), or says what it does when what it answers names that
            # verb ("我来写" — "需要写事故报告吗？"); otherwise it names no task
            if self._take_open_task(found, item, bare=True):
                return True
            if (earlier := self._earlier_task(found, item, bare=True)) is not None:
                found[earlier] = replace(found[earlier], due=found[earlier].due or item.due,
                                         due_date=found[earlier].due_date or item.due_date)
                return True
            return not _echoes(item.text, item.context)
        if (earlier := self._earlier_task(found, item)) is not None:
            found[earlier] = item if _MOVED.match(item.text) else _joined(found[earlier], item, self.cues.lang)
            return True
        return False

    def _refused(self, s: Sentence) -> bool:
        """ "alguém desativa a rotação?" — "não, desativar não": the first reply by someone else turns the call down."""
        reply = self._first_other(s)
        return reply is not None and self._objects(reply.text)

    def _takes_request(self, found: list[Found], s: Sentence) -> bool:
        """Whether the reply `s` ("On it.", "I'll take it", "Ich mach das", "Je m'en occupe"), the first sentence of
        its message, takes the latest task nobody held that someone else put to the thread in the last few messages
        ("Can someone update the pricing page by Thursday?", "Someone needs to renew the cert"): that task, word for
        word, becomes the speaker's, with its own due date unless the reply names another. A reply that follows a
        task put to the speaker by name accepts that one instead."""
        if self.by_message[s.index][0] is not s:
            return False
        recent = [k for k in range(len(found) - 1, -1, -1) if 0 < s.index - found[k].index <= 4]
        if any(found[k].owner == s.speaker for k in recent):
            return False  # "Ana → landing page copy" — Ana: "on it": she accepts her own part, not the open one
        for k in recent:
            task = found[k]
            if task.owner is None and self.messages[task.index].speaker != s.speaker:
                due, due_date = self.due(self.messages[s.index].text, self.messages[s.index].sent)
                found[k] = replace(task, owner=s.speaker, due=due or task.due, due_date=due_date if due else task.due_date)
                return True
        return False

    def _drop_answered_call(self, found: list[Found], taker: Found) -> None:
        """ "someone should actually test the JSM ↔ Linear sync" — "I can set up a trial workspace and test the
        sync": the promise, in its own words, answers the call just made by someone else, which is no task of its
        own any more."""
        for k in range(len(found) - 1, -1, -1):
            task = found[k]
            if taker.index - task.index > 2:
                return
            if task.owner is None and task.index < taker.index and self.messages[task.index].speaker != taker.owner \
                    and len(_stems(task.text) & _stems(taker.text)) >= 2:
                del found[k]
                return

    @staticmethod
    def _owners_latest(found: list[Found], item: Found) -> int | None:
        """The latest task of `item`'s owner from the last few messages, if any."""
        for k in range(len(found) - 1, -1, -1):
            if item.index - found[k].index > 4:
                return None
            if found[k].owner == item.owner is not None:
                return k
        return None

    def _verb_first(self, text: str) -> bool:
        """Whether `text` opens with a verb, as one owner's part of a list does ("set up Geekbot", "redigir o
        texto"), not with a role or a status ("comms with support", "on comms", "gets the deal confirmed")."""
        first = text.split(" ", 1)[0]
        if not first.isalpha() or not first.islower() or first in _NOT_VERBS:
            return False
        if self.english:  # "writes the announcement" is a task in the present; "gets the deal confirmed" a status
            return not first.endswith("s") or first.endswith("ss") or bool(_PRESENT_TASK.match(text))
        return infinitive(first, self.cues.lang, addressed=True) is not None or bool(_INFINITIVE.search(first))

    @staticmethod
    def _hand_back(found: list[Found], item: Found, speaker: str) -> bool:
        """The speaker's own task from the last few messages that `item` asks someone else to take: it is open
        again (no owner, as of this message), for whoever takes it next; False when none shares its words."""
        for k in range(len(found) - 1, -1, -1):
            task = found[k]
            if item.index - task.index > 8:
                return False
            if task.owner == speaker and _stems(task.text) & _stems(item.text):
                found.append(replace(found.pop(k), owner=None, index=item.index, due=None, due_date=None))
                return True
        return False

    def _earlier_task(self, found: list[Found], item: Found, bare: bool = False) -> int | None:
        """The owner's task from the last few messages that `item` continues ("script by Monday too, I'll run it on
        staging first": run the script) or moves ("I'll move the email" after "schedule the launch email"); a
        `bare` verb ("水曜日までに終わらせます", "by Friday I'll finish") continues one from the same message too."""
        if item.owner is None or item.owner != self.messages[item.index].speaker:
            return None
        moved = bool(_MOVED.match(item.text))
        if not moved and not bare and not _points_back(item.text):
            return None
        for k in range(len(found) - 1, -1, -1):
            task = found[k]
            if item.index - task.index > (8 if moved else 3):
                return None
            if task.owner == item.owner and (task.index < item.index or bare and task.index == item.index) \
                    and (not moved or _stems(task.text) & _stems(item.text)):
                return k
        return None

    def _withdrawn(self, item: Found) -> bool:
        """Its owner later gave it up: "I'll set up the replica then instead of the migration" after "I'm taking the
        migration"; "descarto el scaffold de RN" after "me pongo con el scaffold"."""
        if item.owner is None:
            return False
        task = _stems(item.text)
        for m in self.messages[item.index + 1:item.index + 1 + DONE_WINDOW]:
            if m.speaker == item.owner and ((given_up := _GIVEN_UP.search(m.text)) and task & _stems(given_up.group("what"))
                                            or _INSTEAD.search(m.text) and self._promises(m.text)):
                return True  # "ich leg stattdessen nen neuen space an": a new task in place of the old
        return False

    def _reported_done(self, item: Found) -> bool:
        """The owner said it was done a moment later ("Erledigt.", "Done: PAY-812"), or later reported the
        thing done in words the task shares ("set up a call …" — "Call done"; "upload the cert" — "Cert
        uploaded"): no longer a task."""
        if item.owner is None:
            return False
        later = [m for m in self.messages[item.index + 1:item.index + 1 + DONE_WINDOW] if m.speaker == item.owner]
        if any(self._done_now(m) or self._did(m.text, item.text) for m in later if m.index <= item.index + 3):
            return True
        if _LOOK.search(item.text) and any(self._finding(m.text) for m in later if m.index <= item.index + 4):
            return True  # "Dev, can you look at the proxy side?" — "yep" — "proxy looks healthy, p99 is 180ms"
        task = _stems(item.text)
        participle = _task_participle(item.text, self.cues.lang)
        # "Maskierung jetzt machen" — "Maskierung ist live ✅": a check mark by what it names reports it done too
        return any(task & _stems(m.text) and not _QUESTION_END.search(m.text)
                   and (m.checked or _reports_done(m.text) or participle is not None and _reports_done(m.text, participle))
                   for m in later)

    def _done_now(self, m: Message) -> bool:
        """ "Erledigt.", "Done: PAY-812"; not "Hecho, la tengo el jueves", whose "hecho" is "deal": it is still to come."""
        done = _DONE.search(m.text)
        return bool(done) and not self._promises(m.text) and self.due(m.text[done.end():], m.sent)[0] is None

    def _finding(self, text: str) -> bool:
        """A statement of what was found: not a question, a promise, or a bare "yep"."""
        return word_count(text) >= 4 and not _QUESTION_END.search(text) and not self._promises(text) \
            and not self.cues.accept.match(text) and not self.cues.defer.search(text)

    def _did(self, report: str, task: str) -> bool:
        """ "Limpei, caiu pra 12 minutos." after "limpar o cache", "told both, they're fine" after "tell the two
        customers": the report opens with the task's own verb in the past (Spanish and Portuguese first person,
        read with the verb dictionary; English, regular or one of the common irregular verbs)."""
        first = _WORDS.match(report.strip(" ¡!¿"))
        if first is None:
            return False
        if self.english:
            verb, said = task.split(" ", 1)[0].lower(), first.group().lower()
            regular = _task_participle(verb, "en")
            return said in _IRREGULAR_PAST.get(verb, ()) or regular is not None and regular.fullmatch(said) is not None
        if self.cues.lang not in ("es", "pt") or not _PAST_FIRST_PERSON.search(first.group()):
            return False
        verb = infinitive(first.group(), self.cues.lang)
        return verb is not None and verb == task.split(" ", 1)[0].lower()

    @staticmethod
    def _claims_listed_task(found: list[Found], taker: Found) -> bool:
        """A promise naming a task nobody holds from the last few messages takes it (same words), instead of
        being listed a second time."""
        for k in range(len(found) - 1, -1, -1):
            task = found[k]
            if taker.index - task.index > 6:
                return False
            if task.owner is None and task.index < taker.index and _stems(task.text) & _stems(taker.text) \
                    and content_words(task.text) <= content_words(taker.text):
                found[k] = replace(task, owner=taker.owner, due=taker.due or task.due,
                                   due_date=taker.due_date if taker.due else task.due_date)
                return True
        return False

    def _take_open_task(self, found: list[Found], taker: Found, bare: bool = False) -> bool:
        """Give the speaker the latest task nobody owned, or asked of them, or asked for with "who can …?"
        ("Wer passt die Einladung an?" — "Ich kümmere mich drum."), from the last few messages; False if none.
        A `bare` verb ("te passo amanhã") takes a "who …?" only when it asks who takes work on ("qui s'occupe de
        …?"), not what is so ("Quem tem acesso?")."""
        for k in range(len(found) - 1, -1, -1):
            task = found[k]
            if taker.index - task.index > 4:
                break
            if task.owner is None or not bare and task.owner == taker.owner and task.index != taker.index:
                found[k] = replace(task, owner=taker.owner, due=taker.due or task.due,  # the taker's own word on when
                                   due_date=taker.due_date if taker.due else task.due_date)
                return True
        for m in reversed(self.messages[max(0, taker.index - 3):taker.index]):
            if m.speaker == taker.owner:
                continue
            asked = next((x for x in self.by_message.get(m.index, ()) if x.is_question and (who := _WHO_WILL.match(x.text))
                          and not (bare and who.group("what") and not who.group("takes") and not self._same_verb(taker.text, who.group("what")))), None)
            if asked is None and (followed := self._followed_who(m)) is not None:
                found.append(Found(followed, taker.source_id, taker.index, taker.owner, taker.due, taker.due_date))
                return True
            what = _what(_WHO_WILL.match(asked.text)) if asked is not None else ""
            if asked is not None and not _WHO_WHAT.match(what.strip()):  # "wer macht was …?": who does what, no task
                if self.english and (doing := _DOING.match(what)):  # "who's doing the changelog?" → "do the changelog"
                    what = ing_base(doing.group(1)) + what[doing.end(1):]
                own = self.by_message[m.index]
                after = " ".join(x.text for x in own[own.index(asked) + 1:])  # "wer kann das review übernehmen? bis mittwoch"
                due, due_date = (taker.due, taker.due_date) if taker.due else self.due(what, m.sent)  # "Who can … by Thursday?"
                if due is None and after and word_count(after) <= 4:  # a date said on its own after the question
                    due, due_date = self.due(after, m.sent)
                what = _tidy(what, due)
                # "who pings design about the mockups?" — "me": "ping design about the mockups"
                what = _base_form(self._lower_first(what)) if self.english else as_task(what, self.cues.lang, addressed=True)
                before = next((x.text for x in reversed(own[:own.index(asked)]) if self._says_something(x.text)),
                              who.group("lead") if who.group("lead") and word_count(who.group("lead")) >= 3 else None)
                context = _clip(before) if before and _refers_back(what) else None  # "… expira na sexta. Quem renova?"
                if _WHEN_ONLY.match(taker.text):
                    what = f"{what} {taker.text.strip(' .!')}"  # "Mach ich morgen im Sales-Weekly": where it is done
                found.append(Found(what, taker.source_id, taker.index, taker.owner, due, due_date, context=context))
                return True
        return not bare and self._take_suggestion(found, taker)

    def _followed_who(self, m: Message) -> str | None:
        """ "who's doing the changelog?" … "and the migration guide?": the task the follow-up asks who takes, with
        the verb of the who-question before it ("do the migration guide"); None when `m` asks no such thing."""
        tail = next((t for x in self.by_message.get(m.index, ()) if x.is_question and (t := _AND_THE.match(x.text))), None)
        if tail is None:
            return None
        for earlier in reversed(self.messages[max(0, m.index - 4):m.index]):
            who = next((w for x in self.by_message.get(earlier.index, ()) if x.is_question
                        and (w := _WHO_WILL.match(x.text)) and w.group("what")), None)
            if who is not None:
                verb = who.group("what").split(" ", 1)[0]
                what = f"{ing_base(verb) if self.english else verb} {tail.group('what')}"
                return self._lower_first(what) if self.english else as_task(what, self.cues.lang, addressed=True)
        return None

    def _take_suggestion(self, found: list[Found], taker: Found) -> bool:
        """Give a vague promise ("I'll take care of it", "je m'en occupe") the step someone else advised in the
        message just before it ("mieux vaut les rejouer à la main depuis le dashboard"); False if there is none."""
        if taker.index == 0:
            return False
        m = self.messages[taker.index - 1]
        advice = next((a for x in self.by_message.get(m.index, ()) if not x.is_question
                       and (a := _SUGGESTED.search(x.text) or _WOULD_I.search(x.text))), None) if m.speaker != taker.owner else None
        if advice is None:
            return False
        what = " ".join(filter(None, (advice.groupdict().get("pre"), advice.group("what")))).strip(" ,;:")
        due, due_date = (taker.due, taker.due_date) if taker.due else self.due(what, m.sent)
        what = _tidy(what, due)
        what = self._lower_first(what) if self.english else as_task(what, self.cues.lang, addressed=True)
        found.append(Found(what, taker.source_id, taker.index, taker.owner, due, due_date))
        return True

    def _same_verb(self, task: str, asked: str) -> bool:
        """ "lo seguo io" answering "chi segue il monitoraggio?": the promise's verb is the question's."""
        verb = task.split(" ", 1)[0].lower()
        first = asked.split(" ", 1)[0].lower()
        return bool(verb) and (verb == first or infinitive(first, self.cues.lang) == verb)

    def _join_accepted(self, found: list[Found], asked_of: dict[int, str]) -> list[Found]:
        """"Hugo, please book the venue." — "On it, I'll sign the contract this week.": one task for Hugo."""
        out: list[Found] = []
        for item in found:
            request = next((r for r in reversed(out) if r.index in asked_of and r.owner == item.owner == self.messages[item.index].speaker
                            and r.index < item.index and self._first_reply_by(r.index, item.owner) == item.index), None)
            if request is not None and not self._accepts_and_promises(item.index, item.sentence):
                request = None
            if request is None:
                out.append(item)
                continue
            out[out.index(request)] = _joined(request, item, self.cues.lang)
        return out

    def _accepts_and_promises(self, index: int, text: str) -> bool:
        """"On it, I'll sign the contract" or "Sí, me encargo yo. I'll get 3 options" elaborates the request;
        "Sure. I'll also …" adds a task."""
        first = self.by_message[index][0].text
        return bool(self.cues.accept.search(first)) and self._promises(first) and (first == text or not _ALSO.search(text))

    def _first_reply_by(self, index: int, person: str | None) -> int | None:
        return next((m.index for m in self.messages[index + 1:index + 1 + MAX_REPLIES_READ] if m.speaker == person), None)

    def _task_parts(self, text: str) -> tuple[str | None, list[str]]:
        """A sentence that hands out work to several people, one part per owner: "Quarterly review prep: Ana:
        slides; Ben: budget; I'll book the room", "Pedro cuida do coffee break, Lucas da inscrição e eu vou fazer
        o roteiro", "刘洋：首页文案；陈静：产品截图；我来联系CDN供应商". A part that names only its object ("Adele the
        release notes", "Lucas da inscrição") borrows the verb of the part before it. Also the header the list
        follows ("Quarterly review prep"), or None. Any other sentence comes back whole (split only at ", and Alex
        will …")."""
        shared = _SHARED_TASK.match(text)
        names = _names_in(shared.group("names")) if shared else []
        if names and all(self.resolve(name) for name in names):
            # "Ana and Ben will run the interviews", "@Ben @Caro can you draft the survey?": one line per owner
            return None, [f"{name} {shared.group('rest')}" for name in names]
        parts = _AND_NAME_WILL.split(text)
        if len(parts) > 1 or not _LIST_MARK.search(text):
            return None, parts
        starts = _part_starts(text)
        if starts is not None and not any(self._leads(start) for start in starts):
            return None, [text]  # no owner's part begins anywhere in it: what the rest would find, sooner
        header, body = None, text
        if (head := _HEADER.match(text)) and (self._leads(text[head.end():]) or len(_IN_PARENTHESES.findall(text)) > 1):
            header, body = head.group("header"), text[head.end():]
        if len(_IN_PARENTHESES.findall(body)) > 1:  # "landing (Irene), emails a clientes (Jorge), soporte (yo)"
            pieces = [p.strip() for p in re.split(r"\s*[,;，；]\s*(?:(?:and|y|e|et|und)\s+)?", body) if p.strip()]
            if sum(self._list_item(p.rstrip(" ."), "") is not None for p in pieces) > 1:
                return header, [p.rstrip(" .") for p in pieces]
        pieces, start = [], 0
        for sep_start, sep_end in _separators(body):
            if sep_start > start and self._leads(body[sep_end:]):
                pieces.append(body[start:sep_start])
                start = sep_end
        pieces.append(body[start:])
        leaders = sum(self._leads(p) for p in pieces)
        if leaders == 1 and len(pieces) == 2 and word_count(pieces[0]) <= 2 and (
                self.cues.agree.match(pieces[0]) or self.cues.conclude.match(pieces[0]) or _THANKS.match(pieces[0])):
            return None, [pieces[1]]  # "Perfeito, Ana fica com a divulgação."
        if leaders < 2:
            return None, [text]
        out, verb = [], None
        for piece in (p.strip() for p in pieces):
            named = _NAMED_PART.match(piece)
            if named and not _LISTED.match(piece) and self.resolve(named.group("who")):
                who, rest = named.group("who"), named.group("rest")
                words = rest.split()
                head = list(itertools.takewhile(lambda w: w.lower() not in _ARTICLES, words))
                if not head or verb and len(words) <= 3 and not self._own_verb(rest) \
                        and not any(p.search(piece) for p in (*self.cues.assign, *self.cues.request)):
                    # "Adele the release notes", "Diego, el entorno", "Ben budget": the object alone
                    piece = f"{who} {verb} {rest}" if verb else f"{who}: {rest}"
                elif len(head) < len(words):  # "Alex will write the migration script": "will write" serves the parts after it
                    verb = " ".join(head)
            elif self.english and (mine := _I_WILL.match(piece)):  # "I'll take the slides, Ben the budget"
                head = list(itertools.takewhile(lambda w: w.lower() not in _ARTICLES, mine.group("rest").split()))
                verb = f"will {' '.join(head)}" if 0 < len(head) < len(mine.group("rest").split()) else verb
            out.append(piece)
        return header, out

    def _own_verb(self, part: str) -> bool:
        """A list part that opens with its own verb ("revisa o PR", "updates the pricing page") borrows none."""
        return self._verb_first(part) and (not self.english or bool(_PRESENT_TASK.match(part)))

    def _list_item(self, text: str, speaker: str, owner_first: bool = True) -> tuple[str | None, str] | None:
        """(owner, task) of one line of a task list: the owner before the task ("• Dev: demo environment",
        "1. @Ana → landing page copy", "moi → les badges"), after it ("flaky e2e suite: Dan", "docs update → me",
        "press kit → nobody yet": no owner) or in parentheses ("landing (Irene)"); None for any other line."""
        if owner_first and (m := _LISTED.match(text) or _MENTION_DUE.match(text) or _BULLET_MENTION.match(text)) \
                and (owner := self._owner_word(m.group("who"), speaker)):
            return owner, m.group("what")
        for pattern in (_LISTED_AFTER, _PAREN_OWNER):
            if m := pattern.match(text):
                if _NOBODY.fullmatch(m.group("who")):
                    return None, m.group("what")
                if owner := self._owner_word(m.group("who"), speaker):
                    return owner, m.group("what")
        return None

    def _owner_word(self, word: str, speaker: str) -> str | None:
        """The person a list names: a participant, or the speaker for "me", "moi", "yo", "eu", "ich", "我"."""
        return speaker if word.lower() in _ME_WORDS else self.resolve(word)

    def _leads(self, text: str) -> bool:
        """Whether `text` starts with a participant's name or a first-person pronoun: the start of one owner's part."""
        lead = _lead(text)
        if lead is _UNSPACED_LEAD:  # no space after a name in Chinese or Japanese: "王强负责接口", or "测试我来"
            return any(text.startswith(name) for name in self.people if _CJK.match(name)) or self._promises(text)
        return lead if isinstance(lead, bool) else bool(self.resolve(lead))

    def _action(self, s: Sentence, asked_of: dict[int, str], header: str | None = None, in_list: bool = False) -> Found | None:
        """The task `s` gives, if any; `header` is what a task list is for, `in_list` says `s` is one owner's part of one."""
        text, question, alone, cued = self._task_cues(s.text, in_list)
        if alone:  # "und wer sagt mir Donnerstag das Datum?" — "ich": the speaker takes what was asked
            return Found("", s.source_id, s.index, s.speaker, None, None, sentence=s.text)
        if not cued:
            return None  # none of the patterns below matches: no task, and nothing asked of anyone
        owner = what = topic = offer = lead = None
        back = False
        said = text  # where its due date is read
        listed = self._list_item(text, s.speaker) if not question else \
            self._list_item(text.rstrip(" ?？"), s.speaker, owner_first=False) if word_count(text) <= 8 else None  # "Postmortem doc: Ana?"
        if listed is not None and question and (listed[0] is None or listed[0] == s.speaker):
            listed = None
        if listed is not None:
            owner, what = listed  # "• Dev: demo environment", "docs update → me", "press kit → nobody yet"
            if owner is not None:
                if self._declined(s.index, owner):  # "- @tomás demo grabada" — "el miércoles no puedo grabar"
                    owner = None
                asked_of[s.index] = owner
        # "@Marco prepari tu le note?": a Slack mention opening a request stands for "Marco, …"
        # (only a text with an "@" can open with one: most sentences skip the substitution)
        addressed = _MENTION_OPENING.sub(r"\1, ", text, count=1) if what is None and "@" in text else text
        for pattern in self.cues.request if what is None else ():
            m = pattern.search(addressed)
            if not m:
                continue
            who = next((v for k, v in m.groupdict().items() if k.startswith("who") and v), None)
            target = self.resolve(who) if who else None
            groups = m.groupdict()  # "Florian, schreibst du …?", "Ana, manda o …", "Fernanda, avisa o time …?"
            verb = groups.get("inv") or groups.get("inv2") or groups.get("imp") or groups.get("imp2")
            if verb and infinitive(verb, self.cues.lang, addressed=True) is None:
                continue
            if target and target != s.speaker:
                owner, what = target, as_task(f"{verb.lower()} {_what(m)}", self.cues.lang, addressed=True) if verb else _what(m)
                lead = addressed[:m.start()]  # "postmortem — kenji can you take it?"
                if self._declined(s.index, target):
                    owner = None
                asked_of[s.index] = target
                break
        if what is None and question and (also := _ELLIPTIC.match(text)) and (target := self.resolve(also.group("who"))) \
                and target != s.speaker and (verb := self._request_verb(s)):
            owner, what = target, f"{verb} {also.group('what')}"  # "Jamal, can you write the one-pager? Finn, the scope?"
            asked_of[s.index] = target
        if what is None and question and (named := _NAMED_TOPIC.match(addressed)) and (target := self.resolve(named.group("who"))) \
                and target != s.speaker and not any(_QUESTION_WORD.fullmatch(w) for w in named.group("what").lower().split()[:3]) \
                and word_count(named.group("what")) <= 6 and not named.group("what").startswith(("你", "您", "君", "あなた")) \
                and self._accepted_by(s.index, target) is not None:
            owner, what = target, named.group("what")  # "Bruno, post-mortem até sexta?" — "post-mortem comigo"
            if verb := self._request_verb(s):
                what = f"{verb} {what}"  # "Mike can you look at the notifications service? Ana, email provider side?"
            asked_of[s.index] = target
        if what is None and question and (asked := _ASKED_YOU.match(text)) and (taker := self._taker(s)) is not None:
            owner, what = taker, asked.group("what")  # "Could you send the logs?" — "Sure."
            asked_of[s.index] = taker
        if what is None and question and (offer := _SHALL_I.match(text)) and self._offer_taken(s):
            owner, what = s.speaker, _what(offer)  # "should I send her the feedback?" — "yes please, this week"
        if what is None and not question:
            for pattern in self.cues.assign:
                m = pattern.search(text)
                who = m and next((v for k, v in m.groupdict().items() if k.startswith("who") and v), None)
                if who and (target := self.resolve(who)) and not _is_pronoun(who) and (task := self._own_task(m)):
                    # "Ken will …", "Ken writes …", "pablo migra los tickets" (the third person reads as "tú"'s imperative)
                    owner, what = target, _base_form(task) if self.english else \
                        as_task(task, self.cues.lang, addressed=True) if m.groupdict().get("who3") else task
                    break
        if what is None and not question:
            for pattern in self.cues.commit:
                m = pattern.search(text)
                if m and (task := self._own_task(m)) is not None:
                    owner, what, lead = s.speaker, task, text[:m.start()]  # "rollback plan: I'll write it up"
                    if _AND_BEFORE.search(text, 0, m.start()):  # "we move it to Friday and I tell sales": its own due
                        said = text[m.start():]
                    topic = lead.strip(" ,:;-–")
                    start = next((m.start(k) for k in _WHAT_GROUPS if m.groupdict().get(k)), m.end())
                    back = not self.english and bool(_CLITIC_BEFORE.search(text[:start]))  # "eso lo miro yo": about what came before
                    # "On it, I'll sign …", "Je m'en occupe, je préviens le client": the inner promise names the task
                    while (inner := pattern.search(what.lstrip(" ,;:"))) and inner.start() == 0 and _what(inner) != what:
                        what = _what(inner)
                    if _NEW_CLAUSE.match(what):
                        what = ""  # "je m'en occupe, j'ai la liste des event ids": the task is what it takes on
                    break
        if what is None and in_list and not question and (named := _NAMED_PART.match(text)) \
                and (target := self.resolve(named.group("who"))) and word_count(named.group("rest")) >= 2 \
                and self._verb_first(named.group("rest")):
            owner, what = target, _base_form(named.group("rest")) if self.english else named.group("rest")  # "owners: Amelia set up Geekbot, Zhou draft the sheriff rota"
        if what is None and not _OBJECTION.search(text):  # "… but someone has to run Postgres for it": a cost, not a task
            for pattern in self.cues.unassigned:
                m = pattern.search(text)
                if m and (not question or m.groupdict().get("what5") and not self._refused(s)) and not _only_decide(_what(m)):
                    what = " ".join(filter(None, (m.groupdict().get("pre"), _what(m))))  # "Das Backup müssen wir testen"
                    owner = None
                    break
        if what is None:
            return None
        due, due_date = self.due(said, self.messages[s.index].sent)
        if due is None and question and (after := self._due_after(s)) is not None:
            due, due_date = self.due(after, self.messages[s.index].sent)  # "can you write up the postmortem? by Friday pls"
        if due is None and offer is not None and (reply := self._first_other(s)) is not None:
            due, due_date = self.due(reply.text, reply.sent)
        accepted = self._accepted_by(s.index, owner) if owner and owner != s.speaker and asked_of.get(s.index) == owner else None
        if due is None and accepted is not None:
            due, due_date = self.due(accepted.text, accepted.sent)  # "Marta, ficas com isso?" — "Fico. Até quarta"
        elif due is None and owner and owner != s.speaker:
            due, due_date = self._due_in_reply(s, owner, what)  # "- on-call rotation doc: Eve" — Eve: "Rotation doc by Friday."
        what = _tidy(what, due)
        if owner == s.speaker and topic and (self.english and _I_NEXT.match(text, len(lead or "")) or back) and _FRONTED.fullmatch(topic) \
                and not self.cues.agree.match(topic) and not self.cues.accept.match(topic):
            # "changelog I'll write myself", "el bug del csv lo tomo yo, lo tengo para el martes": the object said first
            head = [w for w in _MYSELF.sub("", what).split(",")[0].split() if w.lower() not in _SUBJECT_WORDS]
            if len(head) == 1:
                what, back = f"{head[0]} {topic}", False
        if word_count(what) < 2 and owner != s.speaker and not (listed or in_list or _CJK.fullmatch(what)) \
                and not (accepted is not None and (self._task_context(s) or _vague(what, self.people.keys()))):
            return None  # "Ken, please review": no task named ("赵敏你来写吧" says it with what came before; "¿puedes tenerlo?" takes the open one)
        if self.english:
            what = _first_person_object(what, s.speaker) if owner == s.speaker else to_third_person(what, s.speaker)
            what = self._lower_first(what)
        elif not listed:
            what = as_task(what, self.cues.lang)  # "préviens le client" → "prévenir le client", as a task list reads
            if owner != s.speaker and self.cues.lang == "de":
                what = _MIR.sub(s.speaker, what)  # "Philipp, schickst du mir die Kontakte?": Olga die Kontakte schicken
        self.tasked.add(s.text)
        context = None
        if _refers_back(what) or back and len(content_words(what)) <= 3:
            context = _lead_topic(lead) or self._clause_before(lead) \
                or next((t for t in (topic, header) if t and self._says_something(t)), None) or self._task_context(s, what)
        elif owner == s.speaker:
            context = self._who_asked(s, what)  # "who's organising the team dinner?" — "I'll handle the dinner"
        return Found(what, s.source_id, s.index, owner, due, due_date, context=context, sentence=s.text)

    def _due_after(self, s: Sentence) -> str | None:
        """The next sentence of the same message when it says only when ("by Friday pls", "bis Freitag bitte")."""
        own = self.by_message.get(s.index, ())
        after = own[own.index(s) + 1].text if s in own and own.index(s) + 1 < len(own) else None
        if after is None or word_count(after) > 4 or (due := self.due(after, self.messages[s.index].sent)[0]) is None:
            return None
        return after if len(content_words(after.replace(due, ""))) <= 1 else None

    def _own_task(self, m: re.Match) -> str | None:
        """The task of a first-person match, or None when the word read as the verb is none
        ("Bueno …", "Como …"); German "Dann nehme ich Freitag" puts the verb before "ich"."""
        groups = m.groupdict()
        lang = self.cues.lang
        verb = groups["verbed"].split()[0] if groups.get("verbed") else None
        if verb and verb.endswith(",") and _SUBJECT_OR_CLITIC.search(m.string, 0, m.start("verbed")):
            verb = verb[:-1]  # "yo lo miro, lo tengo …"; but "Equipo, para …", "centro, …" are nouns
        if verb is not None and (infinitive(verb, lang) is None or self.resolve(verb)):
            return None  # "pablo migra los tickets": a name ending like a verb ("Pablo", "Bruno") is no first person
        if groups.get("verbed") and _VERB_YES.fullmatch(groups["verbed"].split(",")[0]):  # "crio sim, até o fim do dia"
            return ""  # "consigo sim", "aviso sim": yes to what was asked, which is the task
        if _NEGATED.search(" ".join(re.split(r"[,;:]", _what(m), maxsplit=1)[0].split()[:NEGATION_REACH])):
            return None  # "Ich krieg das diese Woche echt nicht hin", "je ne pourrai pas": a refusal, not a promise
        if groups.get("inv") is not None:
            if infinitive(groups["inv"], lang) is None:
                return None
            rest = " ".join(filter(None, (_INV_FILLER.sub("", groups.get("pre") or ""), _what(m).strip())))
            return f"{groups['inv'].lower()} {rest}" if rest else ""
        if groups.get("obj"):  # "チェックリストは私が更新します": the topic is what the verb acts on
            return f"{groups['obj']}を{_what(m)}"
        what = _SOFTENER.sub("", _what(m))  # "我问一下客服主管" → "问客服主管": the softener says nothing of the task
        if lang == "de" and what.startswith("um ") and "kümmer" in m.group(0).lower():
            return f"sich {what} kümmern"  # "ich kümmer mich um die schlüssel"
        return what

    def _accepted_by(self, index: int, person: str) -> Message | None:
        """The reply by which `person` takes on what was asked of them in message `index` ("Fico. Até quarta",
        "Configuro, hoje à tarde", "On it"), or None when their first reply does not accept it."""
        reply = next((m for m in self.messages[index + 1:index + 1 + MAX_REPLIES_READ] if m.speaker == person), None)
        if reply is None or _DECLINE.search(reply.text) or self.cues.disagree.search(reply.text):
            return None
        first = self.by_message[reply.index][0].text
        return reply if self.cues.accept.search(first) or self._promises(first) else None

    def _due_in_reply(self, s: Sentence, owner: str, task: str) -> tuple[str | None, date | None]:
        """The due date `owner` sets in a short first reply to the task handed to them in `s` ("Rotation doc by
        Friday.", "Release notes by Monday then."), or asks for and gets ("Budget by Wednesday works?" — "Wednesday
        is fine."); (None, None) when their reply names none, turns the task down, or is about something else."""
        reply = next((m for m in self.messages[s.index + 1:s.index + 1 + MAX_REPLIES_READ] if m.speaker == owner), None)
        if reply is None or _DECLINE.search(reply.text) or self.cues.disagree.search(reply.text):
            return None, None
        first = self.by_message[reply.index][0]
        if word_count(first.text) > 8 and not _stems(first.text) & _stems(task):
            return None, None
        due, due_date = self.due(first.text, reply.sent)
        if due is not None and first.is_question:
            answer = next((m for m in self.messages[reply.index + 1:reply.index + 3] if m.speaker != owner), None)
            if answer is None or due.lower() not in answer.text.lower() and not self.cues.agree.match(answer.text):
                return None, None  # "Budget by Wednesday works?" — nobody said it does
        return due, due_date

    def _first_other(self, s: Sentence, within: int = 2) -> Message | None:
        """The first reply by someone else among the next `within` messages."""
        return next((m for m in self.messages[s.index + 1:s.index + 1 + within] if m.speaker != s.speaker), None)

    def _request_verb(self, s: Sentence) -> str | None:
        """The verb of the request just before `s` in the same message ("can you write …" → "write")."""
        own = self.by_message[s.index]
        before = next((own[i - 1] for i in range(1, len(own)) if own[i].text == s.text), None)
        if before is None or not before.is_question:
            return None
        for pattern in self.cues.request:
            if (m := pattern.search(before.text)) and (what := _what(m).split()):
                return what[0]
        return None

    def _taker(self, s: Sentence) -> str | None:
        """Who accepts a request asked of nobody by name: the next other speaker, answering "Sure." or "On it, …"."""
        reply = self._first_other(s)
        if reply is None or _DECLINE.search(reply.text) or self.cues.disagree.search(reply.text):
            return None
        first = self.by_message[reply.index][0].text
        short = word_count(first) <= 6
        return reply.speaker if self.cues.accept.search(first) and (short or self._promises(first)) else None

    def _offer_taken(self, s: Sentence) -> bool:
        reply = self._first_other(s)
        return reply is not None and bool(self.cues.agree.search(reply.text) or self.cues.accept.search(reply.text)) \
            and not self.cues.disagree.search(reply.text)

    def _window(self, start: int, stop: int) -> list[Sentence]:
        """The sentences of messages start..stop-1, in order (read through `by_message`, not the whole thread)."""
        return [x for i in range(max(0, start), stop) for x in self.by_message.get(i, ())]

    def _who_asked(self, s: Sentence, task: str) -> str | None:
        """The "who …?" question a promise answers, when it names what the promise is about."""
        for x in reversed(self._window(s.index - 3, s.index)):
            if x.speaker != s.speaker and x.is_question and self.cues.who.search(x.text) and _stems(x.text) & _stems(task):
                return _clip(x.text)
        return None

    def _says_something(self, text: str) -> bool:
        """ "great, that unblocks the dashboard" says something; "Thanks!", "Sure." or "Weiß ich nicht" do not."""
        said = _REPLY_OPENING.sub("", text)
        return len(content_words(said)) >= 2 and not self.cues.not_known.search(text) and not (
            said == text and (self.cues.agree.search(text) or self.cues.accept.search(text) or _THANKS.search(text)))

    def _clause_before(self, before: str | None) -> str | None:
        """What "take it" is about when the same sentence names it in a clause before the request, after a comma:
        "post-mortem à rédiger d'ici mercredi, Julien tu peux le prendre ?" ("Sounds good, …" names nothing)."""
        m = _COMMA_LEAD.search(before) if before else None
        clause = m and m.group("lead").strip()
        return clause if clause and word_count(clause) <= 8 and self._says_something(clause) else None

    def _task_context(self, s: Sentence, task: str = "") -> str | None:
        """What "I'll write it up" or "Ich aktualisiere sie" is about: the nearest sentence before it, in the same
        message or the last few, that says something of its own (not "Yes, …", "Thanks!" or another task).
        A Chinese or Japanese `task` that is its object alone ("回滚我今天弄") is the nearest sentence naming it
        ("好，就这样：…，推送相关改动先回滚"), even one that opens with an "ok"."""
        earlier = self._window(s.index - 3, s.index + 1)
        # `s` may be part of a sentence ("…, and Alex will write it up"): cut at the sentence that holds it
        earlier = earlier[:next((i for i, x in enumerate(earlier) if x.index == s.index and s.text.strip() in x.text),
                                len(earlier))]
        if _CJK.fullmatch(task) and not _KANA.search(task) and not _softened_chinese_verb(task) and (named := next((x for x in reversed(earlier) if task in x.text), None)):
            return _clip(named.text)
        candidates = [x for x in reversed(earlier) if x.text not in self.tasked and self._says_something(x.text)]
        pick = next((x for x in candidates if x.index == s.index), None) \
            or next((x for x in candidates if x.is_question), None) \
            or next(iter(candidates), None)  # the same message, else the question it answers, else the nearest
        return _clip(pick.text) if pick else None

    def _declined(self, index: int, person: str) -> bool:
        reply = next((m for m in self.messages[index + 1:index + 1 + MAX_REPLIES_READ] if m.speaker == person), None)
        return reply is not None and bool(_DECLINE.search(reply.text)) and not self.cues.accept.search(reply.text) \
            and not _NO_PROBLEM.match(reply.text)  # "no worries, will do"

    # ---- questions ----------------------------------------------------------------------------------

    def open_questions(self, decisions: list[Found], parked: bool = False, undecided: bool = False) -> list[Found]:
        """Unanswered questions, one line per message ("Who validates them? Support or finance?"); when the
        thread put its own question off (`parked`), that question stays open even though people replied. So does
        a proposal the thread opened with, nobody agreed to and nothing settled (`undecided`): the replies debated it,
        none answered it ("Proposal: drop the cap, charge $0.40 per 1k calls" — "what's the revenue effect?" …)."""
        parked = parked or undecided and not decisions and self._proposal_opening()
        found: list[Found] = []
        for s in self.question_candidates():
            again = self._re_asked(s)  # "und die Latenz?" stands for the question it asks again
            if self._answered(s, decisions, again.text if again else None):
                continue
            s = again or s
            if found and found[-1].index == s.index:
                if s.text.strip() not in found[-1].text:
                    found[-1] = replace(found[-1], text=f"{found[-1].text} {s.text.strip()}")
                continue
            found.append(Found(f"{s.speaker}: {s.text.strip()}", s.source_id, s.index, owner=s.speaker))
        if parked and (opening := self._opening_question()) is not None and all(f.index != opening.index for f in found):
            found.insert(0, Found(f"{opening.speaker}: {self._with_topic(opening)}", opening.source_id, opening.index,
                                  owner=opening.speaker))
        return found

    def question_candidates(self) -> list[Sentence]:
        """The thread's questions that might be open: asked in three words or more, not read as a task
        ("can someone check …?") nor a suggestion made in reply ("have you tried ghcid?")."""
        return [s for s in self.sentences if s.is_question and (word_count(s.text) >= 3 or self._re_asked(s))  # not "really?"
                and s.text not in self.tasked and not (s.index > 0 and self.cues.suggestion.search(s.text))]

    def _re_asked(self, s: Sentence) -> Sentence | None:
        """The earlier question a short follow-up asks again ("and 3?", "und die Latenz?", "et pour l'augmentation ?"):
        one of its asker's recent messages held several questions and the replies took up only some of them. The
        one it means is the one it numbers, else the one the replies in between share the fewest words with."""
        if word_count(s.text) > 6 or not self.cues.follow_up.match(s.text):
            return None
        for i in range(s.index - 1, max(-1, s.index - 1 - MAX_REPLIES_READ), -1):
            if self.messages[i].speaker != s.speaker:
                continue
            asked = [x for x in self.by_message.get(i, ()) if x.is_question]
            if len(asked) < 2:
                return None
            if number := _NUMBER_ASKED.search(s.text):
                return next((x for x in asked if re.match(rf"^\W*{number.group(1)}\s*[.)]", x.text)), None)
            replies = " ".join(m.text for m in self.messages[i + 1:s.index] if m.speaker != s.speaker)
            return min(reversed(asked), key=lambda x: _overlap(replies, x.text))
        return None

    def _proposal_opening(self) -> bool:
        """Whether the first message puts a choice to the group as a statement ("Proposal: …", "We could drop IE11
        …"): a question there is open or answered by the rules like any other, a statement has no reply rule."""
        if not any(not x.is_question and word_count(x.text) >= 3 and self._seeking(x) for x in self.by_message.get(0, ())):
            return False
        proposer = self.messages[0].speaker
        if self._agreement(0, proposer)[0]:
            return False
        last = next(m for m in reversed(self.messages) if m.speaker == proposer)
        # "Proposal: we drop the Friday demo …" — "who records it?" — "I can" — "Perfect, thanks both.": taken up
        return not (last.index > 0 and self.cues.agree.search(last.text))

    def _opening_question(self) -> Sentence | None:
        """The question a thread opened with: the choice its first message put to the group ("propuesta: pasar de
        sprints a kanban.", "Two variants: A … B …", "Cursor or offset?"), else a question in its first two messages."""
        return next((s for s in self.by_message.get(0, ()) if word_count(s.text) >= 3 and self._seeking(s)), None) \
            or next((s for s in self.sentences if s.index <= 1 and s.is_question and word_count(s.text) >= 3), None)

    def _with_topic(self, s: Sentence) -> str:
        """A bare call for input ("Votez en réaction !", "Feedback pls", "Opinions?") names no subject: the message's
        first sentence does ("Sondage pour le nom de la nouvelle newsletter produit")."""
        first = self.by_message[s.index][0]
        if first is s or word_count(s.text) > CALL_WORDS:
            return s.text.strip()
        return f"{first.text.strip()} — {s.text.strip()}"

    def _answered(self, s: Sentence, decisions: list[Found], about: str | None = None) -> bool:
        """Answered when the person asked replied, or someone else replied to it: first after it (the asker's own
        follow-ups aside), with an answer's opening ("yes", "ja", "oui") or the question's own verb ("Dá sim")
        before another question took over, with a reply sharing its words, or, for a "who" question, by
        volunteering or handing it to someone; or by an agreement reaction, or the asker's "nvm, found it".
        `about`: what the question asks, when it says it only in part ("and 2)?" asks the earlier "2) is … hashed?")."""
        about = about or s.text
        mention = _AT_NAME.search(s.text)
        asked = self.resolve(mention.group(1)) if mention else None
        if asked is None and (vocative := _VOCATIVE_NAME.match(s.text)):
            asked = self.resolve(vocative.group(1))
        who_question = bool(self.cues.who.search(s.text))
        if self.cues.course.search(s.text) and (reply := self._first_other(s)) is not None \
                and self.by_message[reply.index][0].is_question \
                and any(d.index == reply.index and d.owner != s.speaker and s.speaker in d.agreed_by for d in decisions):
            return True  # "Was machen wir mit den alten Tickets?" — "Alles älter als 6 Monate schließen?" — "Gute Idee."
        if _ASKS_SUGGESTION.search(s.text) and any(d.owner == s.speaker and s.index < d.index <= s.index + 4 for d in decisions):
            return True  # "what would you suggest?" — "5% → 3.5%?" — "4%?" — "let's go with 4%": settled by the asker
        if self.messages[s.index].agreement and not who_question:
            return True  # "Can I merge the copy changes?" with a ✅ from someone else: a yes
        own = self.by_message[s.index]
        # the asker asked something else right after, in the same message
        later_own = own[next(i for i, x in enumerate(own) if x is s) + 1:]
        if any(self.cues.taken_back.search(x.text) for x in later_own):
            return True  # "wait, do forks keep the logs? … no, logs aren't forked. ignore me"
        superseded = any(x.is_question for x in later_own)
        # "… frage ich mich, ob … Können Sie mir aufschlüsseln …?" — "klar, schick ich": the request was taken, not the question
        request_after = not self._asks_task(s.text) and any(
            x.is_question and (self._asks_task(x.text) or _ASKED_YOU.match(x.text)) for x in later_own)
        # work asked of the person it names: "Ken, can you …?", "@Marco prepari tu le note?", "@刘洋 你负责？"
        request = asked is not None and (self._asks_task(s.text) or bool(_ASKED_YOU.match(s.text) or self.cues.second_person.search(s.text)))
        first_other = True
        asked_in = f"{about} {self._message_text(s.index)}"
        left_open: set[int] = set()  # replies that said it is not known yet, or handed it on
        for m in self.messages[s.index + 1:s.index + 1 + ANSWER_WINDOW]:
            question_only = all(x.is_question for x in self.by_message.get(m.index, ())) \
                and not self.cues.answer.search(m.text)
            if m.speaker == s.speaker:
                if self.cues.self_answered.match(m.text):
                    return True  # "nvm, found the form in the IT portal"
                superseded = superseded or question_only and word_count(m.text) >= 3
                continue
            if first_other and _echo_answer(m.text, s.text):
                return True  # "Dá pra limpar o cache?" — "Dá sim, …": the question's own verb, said back
            # or gave it to someone; a promise may be a later sentence ("見落としていました。明日直します")
            # but setting out to find out who ("bra fråga, jag kollar vem som har jour") names nobody yet
            # — about what was asked: "who tells support?" — "I'll write the postmortem" takes another task; "I'll do
            # it", "die nehme ich mit", "kann ich machen" or a promise that shares a word with the question's message
            # take this one
            volunteered = who_question and (m.index in self.assigned or any(
                self._promises(x.text) and not (self.cues.finding_out.search(x.text) and self.cues.who.search(x.text))
                and (word_count(x.text) <= 4 or _POINTS_BACK.search(x.text) or self.cues.accept.search(x.text)
                     or _overlap(x.text, asked_in) > 0)
                for x in self.by_message.get(m.index, ())))
            if volunteered:
                return True  # "who tells the CS team?" — "let me check with Priscilla which customers, I'll get back"
            if m.speaker == asked and request and any(self._promises(x.text) for x in self.by_message.get(m.index, ())):
                return True  # "@Marco prepari tu le note?" — "quelle in italiano le faccio io, per l'inglese chiedo a Sarah"
            if first_other and self.cues.yes_no.match(m.text):
                return True  # "not yet. let's see demand for a quarter first": a no, then what comes next
            taken = request_after and first_other and (self.cues.accept.search(m.text) or self._promises(m.text))
            if taken or self.cues.not_known.search(m.text) or self.cues.defer.search(m.text) or self.cues.finding_out.search(m.text) \
                    or self.cues.aside.search(m.text) and _overlap(m.text, about) < 0.2 \
                    or self.cues.hedge.search(m.text) and self._seeking(s):
                # a proposal welcomed in principle is not taken: "could we split into 12h shifts?" — "interesting, would
                # need Lauren's team to agree though", "+12 % pour les nouveaux ?" — "possible, mais la finance veut voir"
                first_other = False
                left_open.add(m.index)  # what it "decides" ("hm. good q. let me check …") does not answer it
                continue  # "no idea", "let's not go there yet" leave it open
            if asked is not None:
                if m.speaker == asked and not question_only:
                    return True
                continue
            if question_only and not (who_question and m.index in self.assigned):
                superseded = superseded or word_count(m.text) >= 3  # "lunch anyone?" takes nothing over
                first_other = False
                continue
            if (opening := _OPENING_AT.match(m.text)) and self.resolve(opening.group(1)) == s.speaker \
                    and not self.cues.not_known.search(m.text):
                return True  # "@Ralf sorry, war im Meeting. Die neuen Dumps liegen in …": the asker answered by name
            related = _overlap(m.text, about) >= 0.2
            adjacent = first_other and (m.index <= s.index + 2 or not superseded)  # the asker may add details first
            # "(sorry, meetings) yes, …"; once a reply put it off, a later bare "yes" answers what came in between
            cued = not superseded and not left_open and bool(self.cues.answer.search(_ASIDE_FIRST.sub("", m.text)))
            if related or adjacent or cued:
                return True
            first_other = False
            # someone else's new question takes over: a later bare "sí" answers it, not this one
            superseded = superseded or any(x.is_question for x in self.by_message.get(m.index, ())) and word_count(m.text) >= 3
        return any(d.index > s.index and d.index not in left_open and _overlap(decision_line(d), about) >= 0.2
                   for d in decisions)  # the decision answered it


@lru_cache(maxsize=4096)
def _folded(word: str) -> str:
    """The word without its accents: "lucía" → "lucia"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_NUMBER_ASKED = re.compile(r"(?<![\w.])([1-9])(?![\w.])")
_ASIDE_FIRST = re.compile(r"^\W*\([^)]{0,60}\)\s*")
# A negation among a promise's first words makes it a refusal, in the Latin-script cue languages.
_NEGATED = re.compile(r"(?<![\w-])(?:nicht|kein(?:e[nmr]?)?|pas|jamais|não|nao|non|niet|nie|inte|ej|안|못)(?![\w-])", re.I)  # not "non-blocking"
NEGATION_REACH = 6
_REPLY_OPENING = re.compile(r"^\W*(?:(?:yes|yeah|yep|ok(?:ay)?|sure|great|good\s+catch|thanks|fair|ja|oui|sí|sim|super|danke|merci|gracias|valeu)\b[\s,.!]*)+", re.I)
# "Should I send her the feedback?", answered "yes please": a task for the one who offered.
# A reply that takes on a task by itself, with no task of its own: "On it.", "I'll take it", "Ich mach das", "Je m'en occupe"
_TAKES_IT = re.compile(
    r"^\W*(?:@\S+\s+)?(?:(?:ok(?:ay)?|sure|yes|yep|ja|klar|oui|sí|sim|claro|vale)[,!.\s]+)?"
    r"(?:will\s+do|(?:I'?m\s+)?on\s+it|I'?ll\s+(?:take|handle|do|grab|own)\s+(?:it|that|this(?:\s+one)?)|I\s+can\s+(?:take|do|handle)\s+(?:it|that|this)|consider\s+it\s+done|leave\s+it\s+with\s+me|can\s+do"
    r"|mach\s+ich|ich\s+mach(?:e)?\s+(?:das|es)|ich\s+kümmere\s+mich(?:\s+(?:drum|darum))?|übernehme\s+ich|ich\s+übernehme(?:\s+das)?|erledige\s+ich|wird\s+gemacht"
    r"|je\s+m'en\s+(?:occupe|charge)|je\s+prends|c'est\s+pour\s+moi|(?:yo\s+)?me\s+encargo(?:\s+yo)?|lo\s+hago(?:\s+yo)?|me\s+lo\s+quedo"
    r"|(?:pode\s+)?deix(?:a|e)\s+comigo|pode\s+deixar|eu\s+cuido(?:\s+disso)?|eu\s+(?!não\b)\w{2,}o|fica\s+comigo|me\s+ne\s+occupo(?:\s+io)?|ci\s+penso\s+io|lo\s+faccio(?:\s+io)?)"
    r"(?:[\s,!.]+(?:thanks|danke|merci|gracias|obrigad[oa]|grazie))?[\s.!👍🙋]*$", re.I)
# A task that only says when the one before it will be done: "have it by EOD", "have something by end of next week"
_DEADLINE_ONLY = re.compile(r"^\W*(?:have|get|send|finish|deliver)\s+(?:it|that|this|them|something|one)(?:\s+(?:done|ready|over|back|out))?"
                            r"(?:\s+(?:by|before|until|tomorrow|today|tonight|end|of|the|next|this|week))*\W*$", re.I)
_SHALL_I = re.compile(
    r"^\W*(?:(?:should|shall)\s+I|soll\s+ich|zal\s+ik|(?:est-ce\s+que\s+)?je\s+dois|dois-je|¿?debo|devo)\s+(?P<what>[^?]{6,}?)\s*[?？]\s*$", re.I)
# "Finn, the Slack v2 scope?" right after "Jamal, can you write the SCIM one-pager?": the same verb, for Finn.
_ELLIPTIC = re.compile(r"^\W*@?(?P<who>[^\W\d_][\w.-]*)\s*[,:]\s+(?P<what>(?:the|a|an|der|die|das|le|la|les|el|los|las|o|os|as)\s[^?？]{3,}?)\s*[?？]\s*$", re.I)
# A first-person pronoun alone, the answer to "who …?": "me", "ich", "moi !", "yo mismo", "eu", "io", "我"
_ME_ALONE = re.compile(r"^\W*(?:me|i\s+will|i\s+can|i\s+do|ich(?:\s+kann)?|moi(?:,?\s+je\s+(?:peux|veux\s+bien))?|yo(?:\s+puedo)?|eu(?:\s+posso)?|io|ik|ja|я|我|私|मैं|أنا)(?:\s+(?:mismo|misma|même|selbst|mesmo|mesma|stesso|stessa))?\s*[.!🙋‍♀️🙋‍♂️🙋🙂]*\s*$", re.I)
# "me, I'm seeing Ines tomorrow", "moi je peux, je vois Inès demain": the answer to "who …?" first, then why or when
# "i got it greg, swap me your tue shift?": the same, whatever it asks after
_ME_FIRST = re.compile(r"^\W*(?:me|moi(?:,?\s+je\s+(?:peux|veux\s+bien))?|yo(?:\s+puedo)?|eu(?:\s+posso)?"
                       r"|I(?:'ve)?\s+got\s+(?:it|this|you)(?:\s+@?[^\W\d_]+)?)\s*[,;—–]\s+\S", re.I)
# A task put to someone by name in a word or two, without a verb: "Bruno, post-mortem até sexta?", "follow-up: Ana, the invoice?"
_NAMED_TOPIC = re.compile(r"^\W*(?:[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?\s*:\s*)?@?(?P<who>[^\W\d_][\w.-]*)\s*[,:]\s+(?P<what>[^?？]{3,}?)\s*[?？]\s*$")
_QUESTION_WORD = re.compile(r"(?:what|when|where|why|how|who|which|is|are|do|does|did|can|could|will|would|should|any|was|were|have|has"
                            r"|we|they|you|i|he|she|it|there|this|that|ils|nous|on|wir|sie|es|ele|ela|eles|nós|ellos|nosotros|noi|loro"
                            r"|was|wann|wo|warum|wie|wer|ist|sind|hast|kannst|que|quoi|quand|où|pourquoi|comment|qui|est|qué|cuándo|dónde|cómo|quién"
                            r"|o\s+que|quando|onde|como|quem|cosa|quando|dove|perché|come|chi|tu|você|vc|du|vous|ok|okay|sim|yes|no|não|nein|oui|sí)\b", re.I)
# A request asked of whoever answers: "Could you send me the logs?", "Kannst du …?", "Tu peux … ?", "¿Puedes …?".
_ASKED_YOU = re.compile(
    r"^\W*(?:(?:can|could|would)\s+you\s+(?:please\s+)?|(?:kannst|könntest|würdest)\s+du\s+(?:bitte\s+)?|(?:können|könnten|würden)\s+Sie\s+(?:bitte\s+)?"
    r"|(?:tu\s+(?:peux|pourrais)|peux-tu|pourrais-tu|est-ce\s+que\s+tu\s+peux|vous\s+pouvez|pouvez-vous|pourriez-vous)\s+|¿?(?:puedes|podrías|puede|podría)\s+(?:por\s+favor\s+)?"
    r"|(?:você|vc)\s+(?:pode|consegue|poderia)\s+)"
    r"(?!(?:tell\s+me|explain|believe|hear|see|imagine|remember|understand|feel|guess|think|wait|hold)\b)(?P<what>[^?？]{6,}?)\s*[?？]\s*$", re.I)
# "D'accord, à condition qu'on puisse …": agreement on a condition supports what it agrees to, it decides nothing new
_CONDITION = re.compile(r"\b(?:as\s+long\s+as|provided\s+(?:that\s+)?|on\s+condition|solange|sofern|vorausgesetzt|à\s+condition|"
                        r"pourvu\s+que|tant\s+que|siempre\s+(?:y\s+cuando|que)|con\s+tal\s+de\s+que|desde\s+que|contanto\s+que)\b", re.I)
# An option named by its place in a list: "the second one", "die zweite", "la deuxième", "option 2".
_ORDINAL = re.compile(
    r"\b(?:(?P<n1>first|1st|erste[nrs]?|premi[eè]re?|primer[oa]?|primeir[oa])|(?P<n2>second|2nd|zweite[nrs]?|deuxième|seconde?|segund[oa])"
    r"|(?P<n3>third|3rd|dritte[nrs]?|troisième|tercer[oa]?|terceir[oa])|(?P<n4>fourth|4th|vierte[nrs]?|quatrième|cuart[oa]|quart[oa]))\b"
    r"|\b(?:option|opción|opção|variante)\s*#?(?P<d>[1-9])\b", re.I)
_NUMBERED = re.compile(r"(?:^|(?<=[\s:;,(]))([1-9])[.)]\s+")
# A bare "ok" or "yes" that goes straight on to a question: heard, not agreed ("ok, how many jobs is that?").
_ACKNOWLEDGED_THEN_ASKED = re.compile(
    r"^\W*(?:ok(?:ay)?|sure|right|yes|yeah|alright|hmm+|ja|oui|sí|sim|vale|d'accord|klar|claro|bon|gut)\b[\s,.!]*"
    r"(?:how|what|who|which|when|where|why|is|are|do|does|can|could|would|wie|was|wer|wann|warum|gibt|ist|sind|comment|"
    r"combien|qui|quand|pourquoi|est-ce|cómo|cuánto|cuántos|quién|cuándo|por\s+qué|como|quanto|quantos|quem|quando|por\s+que)\b"
    r"[^.!]*[?？]\s*$", re.I)
# A lead's long sentence that names the option taken: "SurveyMonkey is what we'll use …", "Acme gets the contract".
_TAKEN_AFTER = r"gets|wins|takes|it\s+is|is\s+(?:what|the\s+one|our|the\s+winner|the\s+pick)|will\s+(?:be|get|do|host|run)|goes"
_TAKEN_BEFORE = r"go(?:ing)?\s+with|pick(?:ing)?|choos(?:e|ing)|book(?:ing)?|sign(?:ing)?\s+with|hir(?:e|ing)|use|using"
_CHOICE_AFTER = re.compile(rf"^\s+(?:{_TAKEN_AFTER})\b", re.I)
_CHOICE_BEFORE = re.compile(rf"\b(?:{_TAKEN_BEFORE})\s+(?:the\s+)?$", re.I)
_CHOICE_VERB = screened(re.compile(rf"\b(?:{_TAKEN_AFTER}|{_TAKEN_BEFORE})\b", re.I))  # a cheap test before the rest
_LEADING_CLAUSE = re.compile(r"^\W*(?:after|having|given|based\s+on|looking\s+at|nach|après|ayant|después\s+de|depois\s+de|tras)\b[^,]{0,120},\s*", re.I)
# The talk around a decision's outcome clause (see ThreadReader._outcome): a label ("Decision:", "Unanimous then:"),
# an opener followed by punctuation ("Agreed, …", "Oui, …"), "then"/"so" first, "let's", a reason, "then" last.
_TO_YOU = re.compile(r"\b(?:you|u)\s+(?:should|can|could|need|must|have\s+to|'ll|will|might|may)\b|\b(?:let|see|join|meet|write|call|tell|send|give|leave|wait\s+for|pick|help)\s+(?:you|u)\b|^\W*(?:(?:ok(?:ay)?|so|then|fine)[,\s]+)*(?:(?:take|have)\s+a\s+look|look|call|ask|tell|wait|try)\b", re.I)
_FAREWELL = re.compile(r"\b(?:see\s+(?:you|u|ya)|bye|good\s*night|talk\s+(?:to\s+you\s+)?(?:later|soon|tomorrow)|bis\s+(?:dann|morgen|später)|à\s+(?:plus|demain|tout\s+à\s+l'heure)|hasta\s+(?:luego|mañana)|até\s+(?:logo|amanhã))\b", re.I)
# What a "should we …?" wraps around its proposition: "(at least) agree that", "nicht einfach", "just".
_RHETORICAL = re.compile(r"^\W*(?:(?:not|nicht|pas|no|não|just|simply|einfach|mal|juste|simplemente|só|(?:at\s+least\s+)?agree\s+that"
                         r"|(?:uns\s+)?einigen,?\s+dass|(?:se\s+)?mettre\s+d'accord\s+(?:pour\s+dire\s+)?que)\s+)+", re.I)
_QUESTION_PARTICLE = re.compile(r"\s+m[ıiuü](?:y[ıiuü]z)?\s*$|(?<=ます)か\s*$|(?<=しょう)か\s*$")  # "atalım mı", "しますか": a yes/no question's last word
# a yes/no question's first word, and the "no" of a "¿no deberíamos …?" (a yes to it says "deberíamos …")
_YES_NO_WORD = re.compile(r"^\W*(?:czy|क्या|هل|est-ce\s+qu(?:e\s+|')|(?:no|não|non)(?=\s+\w))\s*", re.I)
_CONDITIONAL = re.compile(r"\b(?:if|unless|wenn|falls|si|sauf\s+si|caso)\b[^.;!?]*$", re.I)
_CONDITIONAL_ANSWER = re.compile(
    r"^\W*(?:\w+[,.!]?\s+)?(?:if|unless|only\s+if|si|wenn|falls|caso|not\s+necessarily|pas\s+forcément|nicht\s+unbedingt"
    r"|no\s+necesariamente|não\s+necessariamente)\b", re.I)
_AND_BEFORE = re.compile(r"\s(?:and|und|et|y|e)\s+$", re.I)  # a clause joined to the one before it
_AND_I = re.compile(r"[,;]?\s+(?:and|und|et|y|e)\s+(?:I|ich|je|j'|yo|eu|io)\s+(?=\w)", re.I)  # "…, and I tell sales"
_FIRST_SINGULAR = re.compile(r"\b(?:I|I'll|I'm|ich|je|j'|yo|eu|io)\b", re.I)
_FIRST_PLURAL = re.compile(r"\bwe\b|\bwir\b|\bnous\b|\bon\b|\bnosotros\b|\bnós\b|\bvamos\b", re.I)
_THEN = re.compile(r"\bthen\b", re.I)
_GREETING_WORDS = frozenset("hey hello hiya hallo salut hola olá".split())
_ASKS_ON = re.compile(r"\b(?:is|are|am|was|were|be|it|that|this|you|u|still|any|all|everything|something|not|looks?|sounds?|feels?|seems?)\s*$", re.I)
_OUTCOME_LABEL = re.compile(r"^\W*([^:：\n]{1,30}?)\s*[:：]\s*(?=\S)")
_ENDS_OPENER = re.compile(r"[,.!:;،，、。।–—-]\s*$")
_OPENER_END = re.compile(r"[\s]*(?:[,.!:;،，、。।]|\s[-–—])[\s,.!:;،，、。।–—-]*")
_ASKS_SUGGESTION = re.compile(r"\bwhat\s+(?:would|do)\s+you\s+(?:suggest|propose|recommend)|\bany\s+(?:suggestions|ideas|proposals)\b"
                              r"|\bwas\s+schl(?:a|ä)gst\s+du\s+vor|\bqu'est-ce\s+que\s+tu\s+(?:proposes|suggères)|\bqu[ée]\s+propones"
                              r"|\bo\s+que\s+(?:você|vc)\s+(?:sugere|propõe)", re.I)
_HESITATION = re.compile(r"^\W*(?:hmm+|uh+m*|um+|ah+|oh+)\b[,.!]*\s+(?=\w)", re.I)
_GIVES_WAY = re.compile(r"^\W*(?:hmm+[,.]?\s*)?(?:ok(?:ay)?|fair(?:\s+enough)?|right|good\s+(?:point|catch)|true|ah|oh)\b[,.!]?\s*", re.I)
_HOW_MUCH = re.compile(r"\b(?:how\s+(?:many|much|long|big)|wie\s+viele?|combien|cu[aá]nt[oa]s?|quant[oa]s?)\b[^?]*\?", re.I)
# "- @mehmet demo-laptops aufsetzen bis montag": a line for someone by @-mention, their task and no decision of the group
# asking for more time on one's own task: "je peux avoir jusqu'à lundi ?", "posso mandar dia 3?", "can I have it by Monday?"
# a personal view, not the team's decision: "perso je préfère grafana, on garde la main …", "personally I'd keep X"
_WHO_WHAT = re.compile(r"^(?:\w+\s+)?(?:was|what|quoi|qué|que|o\s+que)\b", re.I)  # "(macht) was für den umzug"
_NO_PROBLEM = re.compile(r"^\W*no\s+(?:problem|prob|probs|worries|stress|sweat)\b", re.I)
_OPINION = re.compile(r"^\W*(?:perso(?:nnellement)?|personally|imo|imho|for\s+me|pour\s+moi|für\s+mich|ich\s+persönlich|a\s+mí|para\s+mí"
                      r"|pra\s+mim|je\s+préfère|I\s+(?:(?:would|'d)\s+)?prefer|ich\s+finde|yo\s+prefiero|eu\s+prefiro)\b", re.I)
_EXTENSION = re.compile(r"\b(?:can|could|may)\s+i\s+(?:have|get|do|send|make|finish|deliver)\b|\bje\s+(?:peux|pourrais)\s+(?:avoir|le\s+faire|"
                        r"le\s+rendre|rendre|livrer|envoyer)\b|\b(?:kann|könnte)\s+ich\b|\bpuedo\s+(?:tenerlo|entregarlo|mandarlo|"
                        r"hacerlo|tener|entregar|mandar)\b|\bposso\s+(?:mandar|entregar|fazer|enviar)\b", re.I)
_SUBJECT_OR_CLITIC = re.compile(r"\b(?:yo|eu|lo|la|los|las|le|les|te|lhe)\s+$", re.I)  # just before a first-person verb
_ADDRESSED = re.compile(r"^\W*(?:[-•*]|\d+[.)])?\s*@[^\W\d_]")
_NAMED_MIDWAY = re.compile(r"\s@?([^\W\d_][\w.-]*)[,:]\s")  # " sabine, …": a name said to its owner, mid-sentence
_GO_SAID = re.compile(r"\bno[-\s]?go\b|\bgo\W*$", re.I)  # the verdict itself, which content words leave out
_GO_NO_GO = re.compile(r"\bgo\s*(?:/|or|-)\s*no[\s-]*go\b", re.I)  # "go/no-go for 2.8 at 3pm": what "we're go" settles
_BARE_OK = re.compile(r"\W*(?:ok(?:ay)?|alright)\s+", re.I)
# a plan put as a question that draws the consequence: "Dann Release am Donnerstag?", "ok so A then?"
# A call for objections, which a "no" answers by agreeing; and that "no".
_OBJECTIONS_ASKED = re.compile(r"\b(?:objections?|concerns?|anyone\s+against|einwände|bedenken|(?:jemand|wer)\s+dagegen|"
                               r"des\s+objections|quelqu'un\s+contre|objeciones|alguien\s+en\s+contra|objeções|alguém\s+contra)\b", re.I)
_NONE = re.compile(r"^\W*(?:no(?:pe)?|none|nein|keine|non|aucune|ninguna|não|nenhuma)\b[\s,.!]*", re.I)
_THEN_ASK = re.compile(r"^\W*(?:(?:ok(?:ay)?|gut|right|bon|vale|alright)[,.!]?\s+)?(?!.*\b(?:can|could|do|does|did|is|are|was|were|will|would|"
                       r"should|what|why|how|who|when|where|which|it'?s|they|kann|können|ist|sind|was|wie|wer|warum|wann|est-ce|qu\w*|"
                       r"peut|quoi|qué|cómo|por|puede|es|como|pode|é|we|wir|on|nous|you|du|ihr|tu|vous)\b)"
                       r"(?:(?:then|so|dann|alors|donc|entonces|então)\s+[^?,]{2,40}|(?:\S+\s+){0,2}\S+\s(?:then|dann|alors|entonces|então))"
                       r"\s*[?？]\s*$", re.I)
# "Globex asks if we support SAML. do we?": the question is the fact just stated, not a course to take
_BARE_TAG = re.compile(r"^\W*(?:do|does|did|is|are|was|were|has|have)\s+(?:we|it|they|you|he|she|that|this)\s*\?\s*$", re.I)
_THEN_ASKED = re.compile(r"^\W*(?:(?:ok(?:ay)?|gut|right|bon|vale|alright)[,.!]?\s+)?(?:(?:then|so|dann|alors|donc|entonces|então)\s+)?"
                         r"|\s+(?:then|dann|alors|entonces|então)\s*[?？]?\s*$", re.I)  # what a _THEN_ASK puts, bare
_THEN_FIRST = re.compile(r"^\W*(?:then|so|dann|also|alors|donc|entonces|pues|então)\b\s*(?=\w)", re.I)
_LETS_FIRST = re.compile(r"^\W*let'?s\s+(?!(?:say|see|hope|not)\b)(\w.*)$", re.I | re.S)
_THEN_LAST = re.compile(r"[,\s]+(?:then|dann|alors|entonces|pues|então)\s*[.!]*$", re.I)
_DECISION_REASON = re.compile(
    r",?\s+(?:since|because|as\s+(?=(?:it|it's|they|they're|we|we're|the|this|that|he|she)\b)|weil|denn|car|parce\s+qu|puisque"
    r"|porque|ya\s+que|já\s+que)\b", re.I)
_REASON = re.compile(r"\b(?:since|because|as|given|da|weil|denn|car|parce\s+que|puisque|porque|pois|ya\s+que|já\s+que)\b", re.I)
_CAPITALISED = regex.compile(r"(?<=\S\s+)(\p{Lu}[\w-]+)")
_OBJECTION = re.compile(r"\b(?:but|though|although|however|aber|allerdings|mais|pourtant|pero|aunque|porém|embora|لكن|ولكن)\b"
                        r"|但是|不过|可是|でも|けど|しかし|लेकिन|मगर", re.I)
# A sentence handing out work to several people ("Ana: slides; Ben: budget; I'll book the room"): where
# one owner's part may end, the header before the first name, a part that is a name and the rest.
_LIST_MARK = re.compile(r"[;；,，،]|\s(?:and|und|et|y|e|और)\s")
_LIST_SEPARATOR = re.compile(r"\s*[;；]\s*|\s*[,，،]\s*(?:(?:and|und|et|y|e|और|و)\s+)?|\s+(?:and|und|et|y|e|और)\s+")
_HEADER = re.compile(r"^(?P<header>[^:：;；]{3,60}?)\s*[:：]\s*(?=\S)")
_LEADER = re.compile(rf"^\W*?(?:[-•*·–]\s*)?@?([^\W\d_][\w{MARKS}.-]*?)(?:{HONORIFICS})?(?=[\s,，:：、،]|$)")
_FIRST_PERSON_LEAD = re.compile(r"(?:I|I'(?:ll|m|d)|yo|eu|je|j'|ich|moi|मैं|أنا|我|私|僕|俺)(?![\w'])|[我私僕俺]", re.I)
_NAMED_PART = re.compile(rf"^@?(?P<who>[^\W\d_][\w{MARKS}.-]*?)(?:{HONORIFICS})?(?:\s*[,:：]\s*|\s+)(?P<rest>\S.*)$")
# Several people given one task: "Ana and Ben will …", "Ana, Ben and Caro can …", "@Ben @Caro can you …?"
_SHARED_TASK = re.compile(
    r"^\W*(?P<names>@?[^\W\d_][\w.-]*(?:\s*,\s*@?[^\W\d_][\w.-]*)*\s+(?:and|&)\s+@?[^\W\d_][\w.-]*|@[^\W\d_][\w.-]*(?:\s+@[^\W\d_][\w.-]*)+)"
    r"\s+(?P<rest>(?:will|'ll|are\s+going\s+to|can\s+you|could\s+you|please)\b.+)$", re.I)
_NAMES_SEPARATOR = re.compile(r"\s*,\s*|\s+(?:and|&)\s+|\s+", re.I)


def _names_in(names: str) -> list[str]:
    return [name.lstrip("@") for name in _NAMES_SEPARATOR.split(names.strip()) if name.strip("@")]


_I_WILL = re.compile(r"^\W*I(?:'ll|\s+will)\s+(?P<rest>\S.*)$", re.I)
_ARTICLES = frozenset("the a an le la les l' un une des du de el los las una del o os as um uma da do das dos der die das den dem ein eine".split())
_WHAT_GROUPS = ("what", "what2", "what3", "what4", "what5", "what6", "what7", "what8", "what9", "mine", "verbed", "ready")
_INV_FILLER = re.compile(r"^\W*(?:(?:dann|also|ok(?:ay)?|gut|na|ja|klar|super|danke|und|aber|dan|dus|top|prima|oké|goed|en|maar)\b[\s,]*)*", re.I)


def _what(match: re.Match) -> str:
    """The task a pattern captured (patterns with several alternatives name them what, what2, ..., mine, verbed)."""
    groups = match.groupdict()
    return next((groups[k] for k in _WHAT_GROUPS if groups.get(k)), "")


_BULLET = r"(?:(?:[-•*·–]|\d{1,2}[.)])\s*)?"
_LISTED = re.compile(rf"^\s*{_BULLET}@?(?P<who>[^\W\d_][\w{MARKS}.-]*?)(?:{HONORIFICS})?\s*(?:[:—–→]\s+|(?:->|=>|→)\s*|：\s*)(?P<what>\S.{{3,}})$")
_LISTED_AFTER = re.compile(rf"^\s*{_BULLET}(?P<what>[^:：→\n]{{3,}}?)\s*(?:[:：→]|->|=>)\s*@?(?P<who>[^\W\d_][\w{MARKS}.' -]*?|\?+)\s*[.!]?$")
# "@Arjun landing page copy — due Tuesday", "@Beth pricing page screenshots, by Wednesday": a mention, then its task and due
_MENTION_DUE = re.compile(rf"^\s*{_BULLET}@(?P<who>[^\W\d_][\w{MARKS}.-]*)\s+(?P<what>[^,—–:@]{{3,}}?)\s*(?:[,—–]|\s-)\s*(?:due|by)\b", re.I)
# "- @lucas atualizar o dns até quarta": a list line that opens with a mention gives that person the rest
_BULLET_MENTION = re.compile(rf"^\s*(?:[-•*·–]|\d{{1,2}}[.)])\s*@(?P<who>[^\W\d_][\w{MARKS}.-]*)[,:]?\s+(?P<what>\S.{{3,}})$")
_PAREN_OWNER = re.compile(rf"^\s*{_BULLET}(?P<what>[^()]{{3,}}?)\s*\(\s*@?(?P<who>[^()]+?)\s*\)\s*[.!]?$")
_IN_PARENTHESES = re.compile(rf"\(\s*@?[^\W\d_][\w{MARKS}.-]*\s*\)")
_NOBODY = re.compile(r"(?:nobody|no\s*one|no\s+owner|unassigned|tbd|open|\?+|n/a|personne|nadie|ninguém|niemand|offen|无人|未定)"
                     r"(?:\s+(?:yet|for\s+now|so\s+far|encore|todavía|ainda|noch))?", re.I)
_ME_WORDS = frozenset("me moi yo eu ich mir mí mim 我 私 मैं أنا".split())
_VAGUE_WORDS = frozenset(
    "that this those these them it one care take handle can will sure yes too also now today first mine thing things have done ready "
    "das es dem den drum darum cela ça lo la eso esto isso disso isto disto with mit avec con com "
    # the verbs of taking something on, in each language: "ficar com isso", "me encargo", "übernehmen", "je m'en occupe"
    "grab own pick up ficar tratar cuidar pegar assumir fazer encargar encargarse ocupar ocuparse hacer tener listo lista pronto tenerlo tenerla hacerlo hacerla "
    "gérer occuper prendre faire charger übernehmen kümmern machen erledigen prendere occupare fare pensare "
    "det detta dem fixar fixa tar ta gör göra sköter ordnar bunu onu şunu hallederim hallet yaparım yap bakarım bak "
    "그건 그거 이거 제가 할게요 하기 해볼게요 해보기".split())


# Words by which a task points back at something said before: "write it up", "aktualisiere sie", "le livrer".
_BACK_ANYWHERE = frozenset("it them those these sie ihn dies isso disso isto उसे इसे उन्हें इन्हें "
                           "معه معها معهم عليه عليها عليهم له لها لهم به بها بهم فيه فيها منه منها عنه عنها אותו אותה אותם אותן".split())
_PAST_FIRST_PERSON = re.compile(r"(?:ei|é|í)$", re.I)  # limpei, mandei; revisé, envié; corrí
# The past of the verbs tasks start with most, where it is not the verb with -ed: "told both" reports "tell …" done.
_IRREGULAR_PAST = {verb: frozenset(forms.split()) for verb, forms in (
    ("tell", "told"), ("send", "sent"), ("write", "wrote written"), ("make", "made"), ("buy", "bought"),
    ("take", "took taken"), ("get", "got"), ("give", "gave given"), ("find", "found"), ("do", "did done"),
    ("run", "ran"), ("pay", "paid"), ("build", "built"), ("bring", "brought"), ("draw", "drew drawn"),
    ("leave", "left"), ("ring", "rang"), ("lead", "led"))}  # not "set", "put", "cut": their past reads as a promise
_NEED = re.compile(r"\b(?:need|needs|needed|brauche|brauchen|besoin|necesit\w*|precis\w*)\b|需要|必要|ज़रूरत|जरूरत|चाहिए|نحتاج|أحتاج", re.I)
_BACK_CJK = re.compile(r"それ|これ|あれ|这个|那个|它")
_BACK_OBJECT = frozenset("that this das es ça cela eso esto det detta bunu onu 그건 그거 이거".split())  # as the task's first or second word
_VERB_END = re.compile(r"(?:er|ir|re|ar|or|[oe])$")  # "le livrer", "la mando", "lo reviso": a verb after the clitic
_BACK_CLITIC = frozenset("le la les l' lo los las o a os as".split())  # before the verb, as the task's first word


@lru_cache(maxsize=4096)
def _points_back(task: str) -> bool:
    """An object pronoun in the task ("run it on staging first", "le livrer"), as opposed to a task that is
    merely short; "la doc", "o link" start with an article."""
    words = re.findall(r"\w+'?", task)
    low = [w.lower() for w in words]
    if low and low[0] in _BACK_CLITIC and not (len(low) > 1 and _VERB_END.search(low[1])):
        low = low[1:]
    # "das"/"es" before a capitalised noun is an article ("nehme das Thema mit"), not a pronoun
    objects = [w for i, w in enumerate(low[:2]) if w in _BACK_OBJECT and not (i + 1 < len(words) and words[i + 1][:1].isupper())]
    return bool(low) and (low[0] in _BACK_CLITIC or bool(objects) or bool(_BACK_ANYWHERE.intersection(low))) \
        or bool(_BACK_CJK.search(task))


def _bare(task: str, sentence: str = "") -> bool:
    """A verb alone, naming no task of its own: "review", "revisar", "बनाना", "予約", "写" — not an object put
    first ("测试我来": the testing is mine)."""
    if _CJK.fullmatch(task):
        # a Chinese verb is one or two characters ("写", "联系"); "做桌面端" names its object
        return len(task) <= (4 if _KANA.search(task) else 2) and not sentence.lstrip().startswith(task)
    return word_count(task) <= 1


# Devanagari, Arabic and Cyrillic letters as the Latin consonants a name is usually spelt with, vowels left out: a
# name written in the thread's script ("अमित", "كريم", "Дмитрий") is matched to the Latin display name ("Amit",
# "Karim", "Dmitry").
_TO_LATIN = str.maketrans({
    **dict(zip("कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहंञङ",
               "k kh g gh ch chh j jh t th d dh n t th d dh n p f b bh m y r l v sh sh s h n n n".split())),
    **dict(zip("بتثجحخدذرزسشصضطظغفقكلمنهي",
               "b t th j h kh d th r z s sh s d t z gh f k k l m n h y".split())),
    "ع": "", "ة": "", "ء": "", "و": "w",
    **dict(zip("бвгджзйклмнпрстфхцчшщ", "b v g d zh z y k l m n p r s t f kh ts ch sh sch".split())),
    **dict.fromkeys("аеёиоуыэюяъь", ""),
})
_LATIN_VOWELS = re.compile(r"[aeiouyw]+")
_ADDRESS_FORMS = frozenset({"pl", "ru", "uk"})  # languages that change a name when speaking to its owner


# What a sentence's words alone say, kept per text: a thread asks it of every sentence, and a week repeats its lines.
@lru_cache(maxsize=16_384)
def _name_key(name: str) -> str:
    """A word as `ThreadReader.resolve` looks it up among the participants: lower case, no honorific."""
    return _HONORIFIC.sub("", name.lower().strip("@.,:、，"))


@lru_cache(maxsize=16_384)
def _word_total(text: str) -> int:
    return len(_WORDS.findall(text))


@lru_cache(maxsize=16_384)
def _inner_capitals(text: str) -> tuple[str, ...]:
    """Words written capitalised inside a sentence of `text`, lower-cased (see `ThreadReader.proper`)."""
    return tuple(w.lower() for w in _INNER_CAPITAL.findall(text))


@lru_cache(maxsize=16_384)
def _separators(text: str) -> tuple[tuple[int, int], ...]:
    """Where one owner's part of a task list may end (`_LIST_SEPARATOR`), as (start, end)."""
    return tuple(sep.span() for sep in _LIST_SEPARATOR.finditer(text))


@lru_cache(maxsize=16_384)
def _part_starts(text: str) -> tuple[str, ...] | None:
    """Where `ThreadReader._task_parts` may find one owner's part of a task list beginning: the text itself, after
    its header, after each list separator; None when two parentheses or more ("landing (Irene), …") let it find
    parts another way. When none of these leads (`ThreadReader._leads`), the sentence is one part."""
    if len(_IN_PARENTHESES.findall(text)) > 1:
        return None
    head = _HEADER.match(text)
    return (text, *((text[head.end():],) if head else ()), *(text[end:] for _, end in _separators(text)))


_UNSPACED_LEAD = object()
_OPENING_AT = re.compile(r"^\W*@([^\W\d_][\w.-]*)")  # a reply that opens by naming whom it answers
_VOCATIVE_NAME = re.compile(r"^\W*([^\W\d_][\w.-]*)\s*[,:]")  # "Ken, can you …?": the name a question is put to


@lru_cache(maxsize=16_384)
def _lower_words(text: str) -> frozenset[str]:
    """A text's words (a letter with its marks), lower-cased."""
    return frozenset(w.lower() for w in _WORDS_ANY_SCRIPT.findall(text))


@lru_cache(maxsize=16_384)
def _lead(text: str) -> bool | str | object:
    """What `ThreadReader._leads` can tell from the text alone: True for a first-person pronoun first; for a word
    that may be a participant's name, that word; `_UNSPACED_LEAD` for Chinese or Japanese first (the names
    decide); False for anything else."""
    if _FIRST_PERSON_LEAD.match(text.lstrip(" -•*·–@")):
        return True
    if _CJK.match(text):
        return _UNSPACED_LEAD
    lead = _LEADER.match(text)
    return False if lead is None else lead.group(1)


@lru_cache(maxsize=1024)
def _consonants(name: str) -> str:
    latin = name.lower().translate(_TO_LATIN).replace("q", "k").replace("ph", "f")
    return re.sub(r"(.)\1+", r"\1", _LATIN_VOWELS.sub("", re.sub(r"[^a-z]", "", latin)))


def _echo_answer(reply: str, question: str) -> bool:
    """A reply that opens with the question's first word, as Portuguese and Spanish answer yes ("Dá pra …?" —
    "Dá sim"; "¿Tienes acceso?" — "Tengo, sí"): the same word, not itself a question."""
    said, asked = _WORDS.match(reply.strip(" ¡¿")), _WORDS.match(question.strip(" ¡¿"))
    return bool(said and asked) and said.group().lower() == asked.group().lower() and len(asked.group()) > 1 \
        and not _QUESTION_END.search(reply) and said.group().lower() not in _STOP


def _echoes(task: str, context: str | None) -> bool:
    """Whether the sentence a bare verb answers names that verb ("写" in "需要写事故报告吗？", "review" in "who
    reviews the PR?") or a need it meets ("Vou precisar das credenciais …" — "te passo amanhã")."""
    return bool(context) and (task in context or bool(_stems(task) & _stems(context)) or bool(_NEED.search(context)))


def _lead_topic(before: str | None) -> str | None:
    """What a task that says "it" is about when the same sentence names it first, before a colon or a dash, even in
    one word: "postmortem — kenji can you take it?", "postmortem: i'll write it, thursday"."""
    if not before or not (m := _LEAD_TOPIC.search(before)):
        return None
    lead = m.group("lead").strip()
    return lead if content_words(lead) and word_count(lead) <= 6 else None


_LEAD_TOPIC = re.compile(r"(?:^|[.!?]\s+)(?P<lead>[^.!?:—–]+?)\s*(?::|\s[—–-])\s*$")
# what follows a promise complete in itself ("je m'en occupe, j'ai la liste") is no task, unless it says what the
# promise is for ("Ich kümmere mich drum, dass das Sales-Team die Preise kennt")
_NEW_CLAUSE = re.compile(r"\s*[,;](?!\s*(?:dass|daß|damit|um|that|so\s+that|que|pour|para|per|perché)\b)", re.I)
_COMMA_LEAD = re.compile(r"(?:^|[.!?]\s+)(?P<lead>[^.!?:—–,]+?)\s*,\s*$")


def _refers_back(task: str) -> bool:
    """A task that names nothing of its own: a pronoun for its object, or a single word ("nachfragen")."""
    return len(content_words(task)) < 2 or _points_back(task) or _bare_japanese_verb(task) or _softened_chinese_verb(task)


def _softened_chinese_verb(task: str) -> bool:
    """ "查一下", "确认一下": a Chinese verb softened with 一下 and nothing after it names no object of its own."""
    return bool(_SOFTENED.fullmatch(task))


_SOFTENED = re.compile(r"[\u4e00-\u9fff]{1,2}一下")
_SOFTENER = re.compile(r"(?<=[\u4e00-\u9fff])一下(?=[\u4e00-\u9fff])")


def _bare_japanese_verb(task: str) -> bool:
    """A Japanese promise that is its verb and a word or two ("後で直し", "は終わらせ"): no object (を), no noun
    phrase (の), no more than six letters, so it says what it is about with what came before."""
    return bool(_KANA.search(task)) and len(task) <= 6 and not re.search(r"[をの]", task)


_PRESENT_TASK = re.compile(rf"(?:{THIRD_PERSON_TASKS})\b", re.I)
_TAKES_ES = re.compile(r"(?:[xo]|sh|ch|ss)es$")  # "fixes", "does": the verb took "-es", not "-s"


def _base_form(task: str) -> str:
    """ "writes the announcement" → "write the announcement", "fixes the build" → "fix the build": a task in the
    present of its owner, as task lines are written."""
    if not (present := _PRESENT_TASK.match(task)):
        return task
    verb, _, rest = present.group().partition(" ")
    base = verb[:-2] if _TAKES_ES.search(verb) else verb[:-1]
    return " ".join(filter(None, (base, rest))) + task[present.end():]


def _clip(text: str, words: int = 16) -> str:
    clip = text.strip().split()
    return " ".join(clip[:words]) + ("…" if len(clip) > words else "")


def _reports_done(text: str, completed: re.Pattern = _COMPLETED) -> bool:
    """ "Cert uploaded", "marketing paused the campaign" — but not "I can have it done in 3 weeks"."""
    done = completed.search(text)
    return bool(done) and not _NOT_YET.search(text[text.rfind(".", 0, done.start()) + 1:done.start()])


# The past participle of a task's own verb, by the infinitive's ending: "bloccare" → "bloccato", "reservar" →
# "reservada", "envoyer" → "envoyé", "rotate" → "rotated". A report in those words says the task is done.
_INFINITIVE_STEM = {
    "it": (re.compile(r"^(\w{3,}?)(?:are|ere|ire)$"), r"(?:at|it|ut)[oaie]"),
    "es": (re.compile(r"^(\w{3,}?)(?:ar|er|ir)$"), r"(?:ad|id)(?:o|a|os|as)"),
    "pt": (re.compile(r"^(\w{3,}?)(?:ar|er|ir)$"), r"(?:ad|id)(?:o|a|os|as)"),
    "fr": (re.compile(r"^(\w{3,}?)(?:er|ir)$"), r"(?:é|i)(?:e|s|es)?"),
    "en": (re.compile(r"^(\w{3,}?)e?$"), r"e?d"),
}


@lru_cache(maxsize=4096)
def _task_participle(task: str, lang: str) -> re.Pattern | None:
    """A pattern for the past participle of the verb a task starts with, or None (no verb read, a German task)."""
    first = _WORDS.match(task)
    rule = _INFINITIVE_STEM.get(lang)
    if first is None or rule is None or (lang == "en" and first.group().lower() in _STOP):
        return None
    stem = rule[0].match(first.group().lower())
    return re.compile(rf"\b{re.escape(stem.group(1))}{rule[1]}\b", re.I) if stem and len(stem.group(1)) >= 4 else None


def _joined(first: Found, then: Found, lang: str) -> Found:
    """`first` carried on by `then`, joined with the thread language's "and"; a `then` that only says when ("yep,
    will have it EOD") or what the speaker has planned ("on it, I have a call with them Wednesday") or only restates
    it ("set up the action" — "I'll set it up by Monday") adds its due date, not its words."""
    restated = _points_back(then.text) and then.text.split(" ", 1)[0].lower() == first.text.split(" ", 1)[0].lower()
    if _DEADLINE_ONLY.match(then.text) or _FIRST_SINGULAR.match(then.text) or restated:
        text = first.text
    elif _stems(first.text) <= _stems(then.text) or _vague(first.text):
        text = then.text  # "tu t'occupes des goodies ?" — "je commande les goodies"; "tu peux t'en occuper ?": the reply says it all
    else:
        text = f"{first.text}{_AND.get(lang, ';')} {then.text}"
    return replace(first, text=text, due=first.due or then.due, due_date=first.due_date or then.due_date,
                   context=then.context if text == then.text else first.context)


# "and" between two parts of one task, in the thread's language (a semicolon where none is listed)
_AND = {"en": " and", "de": " und", "fr": " et", "es": " y", "pt": " e", "it": " e", "nl": " en", "sv": " och",
        "pl": " i", "ru": " и", "uk": " і", "tr": " ve", "id": " dan", "vi": " và", "ja": "、", "zh": "，", "ko": ","}
_INFLECTION = re.compile(r"(?:ing|ed|es|s|e)$")  # "booked" and "book", "paused" and "pause" (English; others cut at five)


@lru_cache(maxsize=16_384)
def _stems(text: str) -> frozenset[str]:
    """Content words cut to their first five letters, so a plural or an inflection still names the same thing
    ("upload" and "uploaded", "pause" and "paused")."""
    return frozenset(_INFLECTION.sub("", w)[:5] if len(w) > 4 else w for w in content_words(text) if not w.isdigit())


# Following up is no task of its own: "get back to you", "come back", "get you an answer", "keep you posted".
_FOLLOW_UP = re.compile(r"^\W*(?:(?:get|come|report)\s+back(?:\s+to\s+(?:you|u|them|him|her|everyone|y'all))?"
                        r"|(?:get|give)\s+(?:you|u|them)\s+an?\s+answer|keep\s+(?:you|u|everyone|them)\s+(?:posted|updated)"
                        r"|let\s+(?:you|u|everyone|them)\s+know|ping\s+(?:you|u))(?:\s+(?:asap|soon|today|tomorrow|later))?\W*$", re.I)


def _vague(text: str, people: frozenset[str] | set[str] = frozenset()) -> bool:
    """A promise that names no task of its own: "do that", "take care of it", "" ("on it", "mach ich"),
    "mit Murat" (only who helps), "get back to you" (only a follow-up)."""
    first = re.split(r"[,;]", text, maxsplit=1)[0]
    return not (content_words(first) - _VAGUE_WORDS - people) or bool(_FOLLOW_UP.match(first) or _WHEN_ONLY.match(first))


# A promise that says only where or when: "Mach ich im Weekly", "I'll do it at standup", "je le fais en réunion"
_WHEN_ONLY = re.compile(r"^\W*(?:im|am|beim|in|at|during|dans|pendant|au|en|durante|no|na)\s+(?:(?:the|dem|der|den|le|la|el|o|a)\s+)?[^\W\d][\w-]*\W*$",
                        re.I)


def _is_pronoun(word: str) -> bool:
    return word.lower() in {"i", "we", "you", "he", "she", "they", "it", "this", "that", "someone", "somebody", "who"}


@lru_cache(maxsize=16_384)
def _tidy(what: str, due: str | None) -> str:
    """The task without its due phrase, which the item states apart; a day that names a meeting stays in the task
    ("bring it to Thursday's security sync", not "bring it to's security sync")."""
    if due and not re.search(rf"{re.escape(due)}['’]s\b", what, re.I):
        edge = "" if _CJK.search(due) else rf"(?![\w{MARKS}])"  # no word boundary inside Japanese or Chinese text
        cut = re.sub(rf"\s*(?:\b\w+\s+)?{re.escape(due)}{edge}", "", what, count=1, flags=re.I) if _ends_with_lead(what, due) \
            else re.sub(rf"\s*{re.escape(due)}{edge}", "", what, count=1, flags=re.I)
        what = _DANGLING_LEAD.sub("", cut.rstrip(" ,.;:!")) if cut != what else what  # "antes del", "à" left where the date was
    what = _AFTERTHOUGHT.split(what, maxsplit=1)[0]
    what = _TRAILING_FILLER.sub("", _SPACE_RUN.sub(" ", what).strip(" ,.;:!-?¿¡")) or what  # "cancel the trial then"
    what = _SPACE_RUN.sub(" ", what).strip(" ,.;:!-?¿¡")
    return _LEADING_FILLER.sub("", what)


_DANGLING_LEAD = re.compile(r"\s+(?:antes\s+d[eoa]l?|by|before|until|for|bis|vor|für|avant|à|d'ici|pour|para|hasta|até|el|entro|قبل|بحلول|حتى|voor|vóór|tegen|uiterlijk|do|przed|до|к|till|före|innan|senast|trước|vào|hạn|sebelum|sampai|hingga|paling\s+lambat|maksimal)$", re.I)
# said after the task, about when or whether, once the due phrase is gone: "pull it but not before next week", "… then"
_TRAILING_FILLER = re.compile(r"\s+(?:but\s+not(?:\s+(?:before|until|till))?|then)(?=\s*(?:,|$))", re.I)
_DUE_LEADS = frozenset("by before until till on due for bis vor am für spätestens d'ici avant pour para hasta até antes entro قبل بحلول حتى voor vóór tegen uiterlijk före innan senast trước vào hạn sebelum sampai hingga maksimal".split())


def _ends_with_lead(what: str, due: str) -> bool:
    """Whether `due` is preceded by a lead word ("by Friday") that should go with it."""
    m = re.search(rf"(\w+)\s+{re.escape(due)}(?!\w)", what, re.I)  # "bis zum 12.": no word boundary after its full stop
    return bool(m and m.group(1).lower() in _DUE_LEADS)


# "changelog I'll write": one to three words before the promise, none of them a filler, a yes or a clause of its own
_FRONTED = re.compile(r"(?:(?!(?:oops|hmm+|well|so|and|then|also|but|or|ok|okay|sure|yes|no|fine|right|thanks|i|we|agree|disagree)\b)"
                      r"[^\W\d_][\w-]*\s*){1,4}", re.I)
_I_NEXT = re.compile(r"\s*I\b", re.I)  # "changelog I'll write", not "benchmark running, will take till tomorrow"
_SUBJECT_WORDS = frozenset("yo eu je ich".split())  # "lo tomo yo": the verb is what is left
_MYSELF = re.compile(r"\s+myself\b", re.I)  # "draft the launch email myself": whose task it is says it already


@lru_cache(maxsize=16_384)
def _first_person_object(what: str, speaker: str) -> str:
    """In the speaker's own commitment, "send you my notes" keeps "you" but "my" becomes theirs."""
    return _MY.sub("their", _ME.sub(speaker, _MYSELF.sub("", what)))


def _merge_tasks(found: list[Found]) -> list[Found]:
    """One line per task and owner: a restatement (same owner, same words) joins the first mention, or replaces it
    when it says more."""
    out: list[Found] = []
    for item in found:
        same = next((i for i, kept in enumerate(out) if kept.owner == item.owner and (
            _overlap(kept.text, item.text) >= 0.5 or content_words(item.text) <= content_words(kept.text))), None)
        if same is None:
            out.append(item)
        elif content_words(out[same].text) < content_words(item.text):  # "inscrição", then "montar o formulário de inscrição"
            out[same] = replace(item, due=item.due or out[same].due, due_date=item.due_date or out[same].due_date)
        elif out[same].due is None and item.due:
            out[same] = replace(out[same], due=item.due, due_date=item.due_date)
    return out


_WEEKDAY_NAMES = {
    0: ("monday", "montag", "lundi", "lunes", "segunda", "maandag", "poniedział", "понедельник", "måndag", "pazartesi", "월요일", "thứ hai", "thứ 2", "senin", "יום שני", "понеділ"),
    1: ("tuesday", "dienstag", "mardi", "martes", "terça", "terca", "dinsdag", "wtor", "вторник", "tisdag", "salı", "화요일", "thứ ba", "thứ 3", "selasa", "יום שלישי", "вівтор"),
    2: ("wednesday", "mittwoch", "mercredi", "miércoles", "miercoles", "quarta", "woensdag", "środ", "сред", "onsdag", "çarşamba", "수요일", "thứ tư", "thứ 4", "rabu", "יום רביעי", "середу", "середа", "середи"),
    3: ("thursday", "donnerstag", "jeudi", "jueves", "quinta", "donderdag", "czwart", "четверг", "torsdag", "perşembe", "목요일", "thứ năm", "thứ 5", "kamis", "יום חמישי", "четвер"),
    4: ("friday", "freitag", "vendredi", "viernes", "sexta", "vrijdag", "piąt", "пятниц", "fredag", "cuma", "금요일", "thứ sáu", "thứ 6", "jumat", "jum'at", "יום שישי", "ятниц"),
    5: ("saturday", "samstag", "samedi", "sábado", "sabado", "zaterdag", "sobot", "суббот", "lördag", "cumartesi", "토요일", "thứ bảy", "thứ 7", "sabtu", "שבת", "субот"),
    6: ("sunday", "sonntag", "dimanche", "domingo", "zondag", "niedziel", "воскресен", "söndag", "pazar", "일요일", "chủ nhật", "hari minggu", "יום ראשון", "неділ"),
}
# Longest name first: Turkish "cumartesi" (Saturday) holds "cuma" (Friday), "pazartesi" (Monday) holds "pazar" (Sunday).
_WEEKDAY_SHORT = {"mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday", "thu": "thursday",
                  "thur": "thursday", "thurs": "thursday", "fri": "friday"}  # "by Wed": a due written as a whole word only
_WEEKDAYS_LONGEST_FIRST = sorted(((name, day) for day, names in _WEEKDAY_NAMES.items() for name in names), key=lambda p: -len(p[0]))
_TODAY = ("today", "tonight", "eod", "cob", "heute", "aujourd'hui", "ce soir", "ce matin", "cet après-midi", "hoy", "hoje", "end of day",
          "end of the day", "vandaag", "vanavond", "vanmiddag", "vanochtend", "dziś", "dzisiaj", "сегодня",
          "idag", "i dag", "i kväll", "ikväll", "i eftermiddag", "i förmiddag", "bugün", "bu akşam", "akşama kadar",
          "gün sonuna", "오늘", "hôm nay", "sáng nay", "trưa nay", "chiều nay", "tối nay", "cuối ngày", "hari ini", "sore ini",
          "malam ini", "siang ini", "nanti sore", "nanti malam", "היום", "הערב", "сьогодні")
_TOMORROW = ("tomorrow", "tmrw", "tmr", "2moro", "morgen", "demain", "mañana", "amanhã", "jutr", "завтра", "i morgon", "imorgon", "yarın", "내일", "ngày mai", "sáng mai", "trưa mai",
             "chiều mai", "tối mai", "besok", "מחר")
_DAY_AFTER_TOMORROW = ("übermorgen", "overmorgen", "pojutrze", "послезавтра", "övermorgon", "öbür gün", "모레", "lusa", "ngày kia", "מחרתיים", "післязавтра")
_NEXT = ("next ", "nächste", "prochain", "próximo", "próxima", "que viene", "volgende", "przyszł", "następn",
         "следующ", "nästa", "kommande", "gelecek", "önümüzdeki", "다음 주", "다음주", "tuần sau", "tuần tới", "depan", "הבא", "наступн")
_END_OF_WEEK = ("end of the week", "end of week", "eow", "ende der woche", "fin de semaine", "fin de la semaine",
                "fin de semana", "fim da semana", "eind van de week", "einde van de week", "eind van deze week",
                "einde van deze week", "końca tygodnia", "koniec tygodnia", "конца недели", "конец недели",
                "slutet av veckan", "den här veckan", "denna vecka", "i veckan", "bu hafta", "hafta sonuna", "이번 주", "이번주", "cuối tuần", "tuần này",
                "akhir minggu", "akhir pekan", "minggu ini", "pekan ini", "השבוע", "кінця тижня", "кінець тижня", "цього тижня")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


_RANGE_LEADS = frozenset("to until till through bis au jusqu'à al hasta até".split())  # "Montag bis Mittwoch"
_DAY_RANGE = re.compile(r"\s*(?:[-–—]|to|bis|au|al|até|hasta)\s*(?=\d{1,2}(?!\d))", re.I)  # "Dec 27–29", "3 bis 5"
_RANGE_JOIN = re.compile(r"\s*(?:and|to|through|und|bis|et|au|y|al|e|a|à|-|–)\s*", re.I)


def _in_range(text: str, match: re.Match, bare: re.Pattern) -> bool:
    """ "Donnerstag und Freitag", "Montag bis Mittwoch", "Dec 27–29": the days are what is taken on, not a due date."""
    after = _RANGE_JOIN.match(text, match.end())
    if after and bare.match(text, after.end()):
        return True
    if (dash := _DAY_RANGE.match(text, match.end())) and match.group(0)[-1:].isdigit() and dash.group(0).strip():
        return True
    if match.group(0).split(None, 1)[0].lower() not in _RANGE_LEADS:
        return False
    before = text[:match.start()].rstrip()
    return any(m.end() == len(before) for m in bare.finditer(before))


_EOD_OF = re.compile(r"^(?:eod|cob)\s+(?=\S)")
_DAY_ONLY = re.compile(r"^(?:the|antes\s+del|el|zum|le|(?:o\s+)?dia)\s+(\d{1,2})(?:st|nd|rd|th|\.)?$")


def _next_day_of_month(day: date, number: int) -> date | None:
    """That day of this month, or of the next month that has it once this month's is past ("the 31st" in November)."""
    year, month = (day.year, day.month) if number >= day.day else _month_after(day.year, day.month)
    for _ in range(2):  # never two months in a row without a given day
        try:
            return date(year, month, number)
        except ValueError:
            year, month = _month_after(year, month)
    return None


def _month_after(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def resolve_due(written: str, sent: datetime | None) -> date | None:
    """The calendar date a due phrase means, counted from when it was written; None when it names no day."""
    return None if sent is None else _due_on(written, sent.date())


@lru_cache(maxsize=16_384)
def _due_on(written: str, day: date) -> date | None:
    """`resolve_due` for a phrase written on `day`."""
    low = _EOD_OF.sub("", written.lower())  # "eod fri": the end of that day
    if m := _ISO.search(low):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if m := _DAY_ONLY.match(low):  # "the 30th", "antes del 30": that day of this month, or of the next once it is past
        return _next_day_of_month(day, int(m.group(1)))
    if any(word in low for word in _DAY_AFTER_TOMORROW):
        return day + timedelta(days=2)
    if any(word in low for word in _TOMORROW):
        return day + timedelta(days=1)
    if any(word in low for word in _TODAY):
        return day
    for name, weekday in _WEEKDAYS_LONGEST_FIRST:
        if name in low or name == _WEEKDAY_SHORT.get(low.rstrip(".").rsplit(None, 1)[-1]):  # "fri", "next fri"
            ahead = (weekday - day.weekday()) % 7 or 7
            if any(w in low for w in _NEXT) and ahead < 7:
                ahead += 7 if weekday <= day.weekday() else 0
            return day + timedelta(days=ahead)
    if any(w in low for w in _END_OF_WEEK):
        return day + timedelta(days=(4 - day.weekday()) % 7)
    if low.endswith("end of next week"):  # the Friday of the week after this one
        return day + timedelta(days=(4 - day.weekday()) % 7 + 7)
    return None


def message_time(source_id: str) -> datetime | None:
    """A Slack `ts` ("1764259200.000100") as a time; None for ids that are not one (Teams)."""
    try:
        return datetime.fromtimestamp(float(source_id), tz=timezone.utc)
    except (TypeError, ValueError, OverflowError):
        return None


# Every pattern above reads sentences, and the detectors ask it about the same sentence again and again: each
# remembers its answers, behind the literal pre-check where one can be read from it (skills/summarize/screen.py;
# tests/test_cue_screen.py checks each against its plain regex). Patterns added above are included as they are.
globals().update({name: screened(value) for name, value in list(globals().items()) if isinstance(value, re.Pattern)})
